//! The index of the archive the reader has open: built or brought up to date on a
//! worker thread when the reader opens a directory, and searched on another.
//!
//! [`LiveIndex::spawn`] returns at once (the first frame does not wait). Its build
//! thread opens the existing index if it can be trusted (the reader can search it
//! right away: `Action::IndexReady`), then updates it (only changed pages; tantivy's
//! reader picks up the commit), sending `Action::IndexProgress` for the status line
//! while pages are indexed; a first build ends with `IndexReady`. A cache that cannot
//! be written, or any other failure, is `Action::IndexUnavailable` with a one-line
//! reason: the reader then scans its pages in memory as without an index.
//!
//! The search thread answers the newest request only ("latest wins"): the articles
//! that match, the first [`READER_LIMIT`] by date, turned into [`ArchiveHit`]s that
//! name the page as the reader numbers it. A whole-word search takes the reader's
//! jieba ([`SharedJieba`], loading it there if the keyword worker has not yet) to
//! check the index's substring candidates.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::build::{self, Progress};
use super::query::Searcher;
use super::{Archive, IndexError};
use crate::action::Action;
use crate::analysis::search::archive::{ArchiveBatch, ArchiveHit};
use crate::analysis::search::{MatchMode, Query, WordBoundaries};
use crate::analysis::shared_jieba::SharedJieba;
use crate::input::{self, PageSource};

/// Articles a reader's search lists at most (the count is of all).
pub const READER_LIMIT: usize = 2000;

/// Directories with fewer pages are searched in memory unless they have an index
/// already (`kanbao index DIR` builds one): scanning them takes milliseconds, and a
/// reader opened on a few pages should not write an index into the cache.
pub const AUTO_BUILD_PAGES: usize = 100;

/// Progress lines are sent at most this often (each one is a redraw).
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// Where the index's news goes (the reader's channel); false when nobody listens.
pub type Sink = dyn Fn(Action) -> bool + Send + Sync;

/// An index that can be searched, and the reader's numbers for its pages.
struct Ready {
    searcher: Searcher,
    /// The page's path as the index records it → (page number, name as the reader
    /// names it).
    pages: HashMap<String, (usize, String)>,
}

/// The reader's handle on its archive's index.
pub struct LiveIndex {
    requests: Sender<(u64, Query)>,
}

impl LiveIndex {
    /// Starts building or updating the index of `paths` when they are one directory
    /// (else `None`: a file or standard input has no index), under `cache_home`
    /// (`None`: the user's cache directory). A directory of fewer than `min_pages`
    /// pages gets no new index (one that is there is used and updated). Whole-word
    /// searches find word boundaries with `jieba`.
    pub fn spawn(
        paths: &[PathBuf],
        cache_home: Option<PathBuf>,
        min_pages: usize,
        jieba: SharedJieba,
        sink: Arc<Sink>,
    ) -> Option<Self> {
        let [dir] = paths else {
            return None;
        };
        if !dir.is_dir() {
            return None;
        }
        let ready: Arc<Mutex<Option<Ready>>> = Arc::new(Mutex::new(None));
        let (tx, rx) = mpsc::channel();
        {
            let (dir, sink, ready) = (dir.clone(), Arc::clone(&sink), Arc::clone(&ready));
            std::thread::Builder::new()
                .name("kanbao-index".into())
                .spawn(move || build_thread(&dir, cache_home, min_pages, &*sink, &ready))
                .ok()?;
        }
        std::thread::Builder::new()
            .name("kanbao-index-search".into())
            .spawn(move || search_thread(&rx, &*sink, &ready, &jieba))
            .ok()?;
        Some(Self { requests: tx })
    }

    /// Asks for the articles matching `query` (the answer comes as
    /// `Action::ApplyArchiveResults`).
    pub fn search(&self, generation: u64, query: Query) {
        let _ = self.requests.send((generation, query));
    }
}

fn build_thread(
    dir: &Path,
    cache_home: Option<PathBuf>,
    min_pages: usize,
    sink: &Sink,
    ready: &Mutex<Option<Ready>>,
) {
    let archive = match cache_home {
        Some(home) => Archive::locate_in(dir, &home),
        None => Archive::locate(dir),
    };
    let archive = match archive {
        Ok(a) => a,
        Err(err) => {
            sink(Action::IndexUnavailable(unavailable(&err)));
            return;
        }
    };
    let pages = page_numbers(dir, &archive);
    let publish = |pages: HashMap<String, (usize, String)>| {
        let Some(searcher) = Searcher::open(&archive) else {
            return false;
        };
        if let Ok(mut slot) = ready.lock() {
            *slot = Some(Ready { searcher, pages });
        }
        sink(Action::IndexReady)
    };
    // An index that is there already answers while it is brought up to date.
    let had_one = publish(pages.clone());
    if !had_one && pages.len() < min_pages {
        return;
    }
    let mut last = Instant::now();
    let mut total = 0;
    let mut progress = |p: Progress| match p {
        Progress::Listed { changed, .. } => {
            total = changed;
            if changed > 0 {
                sink(Action::IndexProgress { done: 0, total });
            }
        }
        Progress::Indexed { done } => {
            if last.elapsed() >= PROGRESS_EVERY {
                last = Instant::now();
                sink(Action::IndexProgress { done, total });
            }
        }
    };
    match build::update(&archive, &mut progress) {
        Ok(_) if had_one => {
            sink(Action::IndexReady);
        }
        Ok(_) => {
            if !publish(pages) {
                sink(Action::IndexUnavailable(
                    "the index just built does not open: searching in memory".into(),
                ));
            }
        }
        Err(err) => {
            sink(Action::IndexUnavailable(unavailable(&err)));
        }
    }
}

/// The one line the status bar shows when the index cannot be used.
fn unavailable(err: &IndexError) -> String {
    match err {
        IndexError::CacheUnwritable { path, .. } => {
            format!("no index, searching in memory: cannot write {path}")
        }
        other => format!("no index, searching in memory: {other}"),
    }
}

/// The pages under `dir` as the reader numbers and names them, keyed by their path
/// under the archive's canonical root (as the index records it): from the list the
/// archive's last walk kept while it holds (as the reader's start-up takes it; a walk
/// of 50,000 pages costs a core for a second), else from a walk.
fn page_numbers(dir: &Path, archive: &Archive) -> HashMap<String, (usize, String)> {
    let root = &archive.root;
    let pages = match input::listing::read(&archive.listing(), dir) {
        Some(kept) => kept.pages,
        None => match input::discover_all(&[dir.to_path_buf()]) {
            Ok(found) => found.pages,
            Err(_) => return HashMap::new(),
        },
    };
    pages
        .iter()
        .enumerate()
        .filter_map(|(i, page)| {
            let PageSource::File(path) = page else {
                return None;
            };
            let key = root.join(path.strip_prefix(dir).ok()?);
            Some((key.to_string_lossy().into_owned(), (i, page.name())))
        })
        .collect()
}

fn search_thread(
    requests: &Receiver<(u64, Query)>,
    sink: &Sink,
    ready: &Mutex<Option<Ready>>,
    jieba: &SharedJieba,
) {
    while let Ok(mut request) = requests.recv() {
        // Latest wins: an older request still queued is not answered.
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let (generation, query) = request;
        // Loaded before the index is locked: the first whole-word search may wait
        // for jieba, the index's build thread should not.
        let seg = (query.mode() == MatchMode::WholeWord)
            .then(|| jieba.get_or_load())
            .flatten();
        let words = seg.as_deref().map(|s| s as &dyn WordBoundaries);
        let batch = match ready.lock() {
            Ok(guard) => match guard.as_ref() {
                Some(r) => answer(r, generation, &query, words),
                None => failed(generation, "no index yet".into()),
            },
            Err(_) => failed(generation, "the index is gone".into()),
        };
        if !sink(Action::ApplyArchiveResults(batch)) {
            return;
        }
    }
}

fn answer(
    ready: &Ready,
    generation: u64,
    query: &Query,
    words: Option<&dyn WordBoundaries>,
) -> ArchiveBatch {
    let dates = query.dates().unwrap_or_default();
    match ready.searcher.search(query, dates, READER_LIMIT, words) {
        Ok(results) => ArchiveBatch {
            generation,
            hits: results
                .hits
                .into_iter()
                .filter_map(|hit| {
                    let (page, source) = ready.pages.get(&hit.path)?.clone();
                    Some(ArchiveHit {
                        page,
                        source,
                        article: hit.article,
                        at: hit.range.start,
                        date: hit.date,
                    })
                })
                .collect(),
            total: results.total,
            exact: results.exact,
            error: None,
        },
        Err(err) => failed(generation, format!("the index failed: {err}")),
    }
}

fn failed(generation: u64, error: String) -> ArchiveBatch {
    ArchiveBatch {
        generation,
        hits: Vec::new(),
        total: 0,
        exact: true,
        error: Some(error),
    }
}
