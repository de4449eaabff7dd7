//! Opening a large archive without making the reader wait for it.
//!
//! A year of a daily is thousands of pages (~100 MB). Parsing all of it before the
//! first frame would take seconds, so [`open`] parses only the first page that opens,
//! and [`Background::spawn`] parses the rest on worker threads (one per core, up to
//! [`MAX_WORKERS`]) while the reader is already drawing.
//!
//! Workers take pages in order from a shared counter; a collector thread puts their
//! results back in order and hands the reader *batches* of the pages that follow the
//! ones it has ([`Action::PagesLoaded`]). Batches double in size (1, 2, 4 … pages, then
//! the rest), so the reader rebuilds its shared list of pages a logarithmic number of
//! times (moving, not copying, the pages it has), while the section list still fills
//! in as pages arrive. The collector keeps no page once it is sent: each page is in
//! memory once. (It used to send growing snapshots, each a copy of every page before
//! it, which held the corpus about one and a half times at the last one.) Between snapshots the reader gets [`Action::LoadProgress`] for the status
//! line. A page that cannot be opened is skipped and named in the last message
//! ([`Action::LoadFinished`]); only a lone page that fails is an error. Directories that
//! could not be searched (unreadable, too deep) are named the same way, and
//! [`load_everything`] returns both for `--dump` to print on standard error.

mod opener;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use encoding_rs::Encoding;

use crate::action::Action;
use crate::document::Document;
use crate::input::{self, InputError, LoadOptions, PageSource, RunningHeaders};
use crate::stream::{self, StreamOptions};

pub use opener::PageOpener;

/// The most parser threads the background load uses.
pub use crate::stream::MAX_WORKERS;

/// Progress messages are sent at most this often (each one is a redraw).
const PROGRESS_EVERY: Duration = Duration::from_millis(40);

/// What the reader starts with.
#[derive(Debug)]
pub struct Opening {
    /// The pages parsed before the first frame (at least one).
    pub docs: Vec<Document>,
    /// How many pages there are in all, parsed or not.
    pub total: usize,
    /// The pages left to parse in the background, if any.
    pub rest: Option<Background>,
    /// What was skipped before the first frame when there is no [`Opening::rest`] to
    /// report it (the reader shows it as a finished load's message).
    pub skipped: Vec<String>,
    /// Set when the archive is read on demand ([`Startup::on_demand`]): the background
    /// load delivers stubs, and this parses a page again when the reader needs it.
    pub opener: Option<PageOpener>,
}

/// Every page parsed, for `--dump`.
#[derive(Debug)]
pub struct Loaded {
    pub docs: Vec<Document>,
    /// One line per page or directory skipped, naming it and saying why.
    pub skipped: Vec<String>,
}

/// Pages still to parse, and what was skipped before the first frame.
#[derive(Debug)]
pub struct Background {
    pages: Vec<PageSource>,
    forced: Option<&'static Encoding>,
    /// The running headers of the pages' directories (found before the first page).
    running: Arc<RunningHeaders>,
    /// Whether the running headers the first page was parsed with came from a sample:
    /// they are counted over all of `pages` before the rest is parsed. (Lines from the
    /// kept list were counted over all pages already, and are used as they are.)
    recount: bool,
    /// The pages before this one in `pages` are resolved already (the first frame's).
    from: usize,
    /// A huge input whose first part the reader has: the reading of its other parts
    /// is the work, not `pages`.
    huge: Option<Box<stream::read::PartReader>>,
    /// Pages already resolved (opened or skipped) before these.
    done: usize,
    /// Deliver stubs, not parsed pages (the archive is read on demand); the running
    /// headers go to the opener's slot when they are counted again.
    stubs: Option<Arc<RwLock<Arc<RunningHeaders>>>>,
    total: usize,
    skipped: Vec<String>,
}

/// Pages the running-header pre-pass reads before the first frame at most: a bigger
/// directory's first page is parsed with the lines that run across its first
/// `SAMPLE_PAGES` pages (a running header stands on a fixed share of the pages, so a
/// sample finds it), and the rest once all pages are counted, in the background.
pub const SAMPLE_PAGES: usize = 100;

/// How the first frame is reached quickly: where the list of pages from the last
/// opening is kept, and how many pages the pre-pass reads before the first page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Startup {
    /// The archive's kept list ([`input::listing`]), when it has an index.
    pub listing: Option<input::listing::Place>,
    /// See [`SAMPLE_PAGES`].
    pub sample: usize,
    /// A directory of at least this many pages is read on demand: the reader gets
    /// stubs and parses pages as it needs them (`crate::state::demand`).
    pub on_demand: Option<usize>,
}

impl Default for Startup {
    fn default() -> Self {
        Self {
            listing: None,
            sample: SAMPLE_PAGES,
            on_demand: None,
        }
    }
}

/// The pages found before the first frame.
struct Found {
    pages: Vec<PageSource>,
    skipped: Vec<String>,
    running: Arc<RunningHeaders>,
    /// Whether `running` is not yet counted over all of `pages`.
    provisional: bool,
    /// The pages are the list kept by the archive's index (so the index exists).
    kept: bool,
}

/// The pages of `paths`: the list kept from the last opening when it is still true,
/// else a walk. Running headers from the kept list (for every page), or counted over
/// the first `startup.sample` pages (all of them when there are no more).
fn find(
    paths: &[PathBuf],
    forced: Option<&'static Encoding>,
    startup: &Startup,
) -> Result<Found, InputError> {
    let kept = match (paths, &startup.listing) {
        ([root], Some(place)) => input::listing::read(place, root),
        _ => None,
    };
    let from_list = kept.is_some();
    let (pages, skipped, running) = match kept {
        // The lines were counted without a forced encoding.
        Some(kept) if forced.is_none() => (kept.pages, Vec::new(), Some(kept.running)),
        Some(kept) => (kept.pages, Vec::new(), None),
        None => {
            let found = input::discover_all(paths)?;
            (found.pages, found.skipped, None)
        }
    };
    let sample = startup.sample.max(2);
    let (running, provisional) = match running {
        // The kept lines were counted over every page of the list by the walk that
        // kept it (the index's update, which keeps a new list whenever pages changed):
        // recounting 50,000 pages would hold page 2 back by seconds.
        Some(running) => (running, false),
        None if pages.len() <= sample => (input::running::scan(&pages, forced), false),
        None => (input::running::scan(&pages[..sample], forced), true),
    };
    Ok(Found {
        pages,
        skipped,
        running: Arc::new(running),
        provisional,
        kept: from_list,
    })
}

/// Finds the pages of `paths` and parses the first one that opens.
///
/// # Errors
/// Discovery errors; a single page that fails; or every page failing (the first
/// error is returned).
pub fn open(paths: &[PathBuf], options: &LoadOptions) -> Result<Opening, InputError> {
    open_with(paths, options, &Startup::default())
}

/// [`open`], taking the list of pages kept from the last opening when it is still
/// true (see [`Startup`]).
///
/// # Errors
/// As [`open`].
pub fn open_with(
    paths: &[PathBuf],
    options: &LoadOptions,
    startup: &Startup,
) -> Result<Opening, InputError> {
    let forced = options.forced_encoding()?;
    if paths.is_empty() {
        return Ok(Opening {
            docs: vec![input::sample()],
            total: 1,
            rest: None,
            skipped: Vec::new(),
            opener: None,
        });
    }
    // Before the first page: its running header must not become its first headline.
    let Found {
        pages,
        mut skipped,
        running,
        provisional,
        kept,
    } = find(paths, forced, startup)?;
    if let [only] = pages.as_slice()
        && stream::is_huge(only, StreamOptions::default())
    {
        return open_huge(only, forced, skipped);
    }
    let total = pages.len();
    let mut first_error = None;
    for (i, page) in pages.iter().enumerate() {
        match open_page(page, forced, &running) {
            Ok(doc) => {
                if i + 1 == pages.len() {
                    return Ok(Opening {
                        docs: vec![doc],
                        total,
                        rest: None,
                        skipped,
                        opener: None,
                    });
                }
                // A large archive is read on demand: stubs come from the load.
                // (Only with an index already built: searches go through it, never
                // through the stubs.)
                let on_demand = kept && startup.on_demand.is_some_and(|from| total >= from);
                let slot = on_demand.then(|| Arc::new(RwLock::new(Arc::clone(&running))));
                let opener = slot
                    .as_ref()
                    .map(|slot| PageOpener::new(pages.clone().into(), forced, Arc::clone(slot)));
                return Ok(Opening {
                    docs: vec![doc],
                    total,
                    rest: Some(Background {
                        pages,
                        forced,
                        running,
                        recount: provisional,
                        from: i + 1,
                        huge: None,
                        done: i + 1,
                        total,
                        skipped,
                        stubs: slot,
                    }),
                    skipped: Vec::new(),
                    opener,
                });
            }
            Err(err) if total > 1 => {
                skipped.push(err.to_string());
                first_error.get_or_insert(err);
            }
            Err(err) => return Err(err),
        }
    }
    Err(first_error.unwrap_or(InputError::EmptyDirectory {
        path: paths
            .first()
            .map_or_else(String::new, |p| p.display().to_string()),
    }))
}

/// Standard input or one huge file (a converter's whole year): read a part at a time
/// as the dumps read it ([`stream::read`]); the first part, small, is parsed for the
/// first frame (only the input's head is read for it), the others are read and parsed
/// in the background, each one document (one page) of the reader. The reader's page
/// count is an estimate until the end of the input. Standard input of normal size is
/// one page, as a file.
fn open_huge(
    source: &PageSource,
    forced: Option<&'static Encoding>,
    skipped: Vec<String>,
) -> Result<Opening, InputError> {
    let options = StreamOptions::default();
    let mut reader = match stream::read::open(source, forced, options, Some(input::MAX_FILE_BYTES))?
    {
        stream::read::Opened::Whole(decoded) => {
            return Ok(Opening {
                docs: vec![input::document_from_decoded(&source.name(), decoded)],
                total: 1,
                rest: None,
                skipped,
                opener: None,
            });
        }
        stream::read::Opened::Parts(reader) => reader,
    };
    let first = match reader.next_part() {
        Some(part) => stream::parse_part(&source.name(), part?),
        None => Document::default(),
    };
    let total = reader.estimate().unwrap_or(2).max(2);
    Ok(Opening {
        docs: vec![first],
        total,
        rest: Some(Background {
            pages: Vec::new(),
            forced,
            running: Arc::new(RunningHeaders::default()),
            recount: false,
            from: 1,
            huge: Some(reader),
            done: 1,
            total,
            skipped,
            stubs: None,
        }),
        skipped: Vec::new(),
        opener: None,
    })
}

fn open_page(
    page: &PageSource,
    forced: Option<&'static Encoding>,
    running: &RunningHeaders,
) -> Result<Document, InputError> {
    input::document_from_vec_in(
        &page.name(),
        input::read_bytes(page)?,
        forced,
        running.for_page(page),
    )
}

/// Every page of `paths` (the bundled sample when empty), parsed in parallel, in
/// order: for `--dump` and pipes, which need them all. A page that cannot be opened is
/// skipped and named in [`Loaded::skipped`], as are directories that could not be
/// searched.
///
/// # Errors
/// A discovery error (a path given that is missing or unreadable); a single page that
/// fails; every page failing (the first error).
pub fn load_everything(paths: &[PathBuf], options: &LoadOptions) -> Result<Loaded, InputError> {
    let forced = options.forced_encoding()?;
    if paths.is_empty() {
        return Ok(Loaded {
            docs: vec![input::sample()],
            skipped: Vec::new(),
        });
    }
    let input::Discovery { pages, mut skipped } = input::discover_all(paths)?;
    let single = pages.len() == 1;
    let mut docs = Vec::new();
    let mut first_error = None;
    for result in load_all(pages, forced) {
        match result {
            Ok(doc) => docs.push(doc),
            Err(err) if single => return Err(err),
            Err(err) => {
                skipped.push(err.to_string());
                first_error.get_or_insert(err);
            }
        }
    }
    match first_error {
        Some(err) if docs.is_empty() => Err(err),
        _ => Ok(Loaded { docs, skipped }),
    }
}

/// Parses every page of `pages` on [`MAX_WORKERS`] threads, in order, each with the
/// running headers of its directory; the ones that fail are returned as messages
/// instead.
pub fn load_all(
    pages: Vec<PageSource>,
    forced: Option<&'static Encoding>,
) -> Vec<Result<Document, InputError>> {
    let running = Arc::new(input::running::scan(&pages, forced));
    let results = spawn_workers(pages, forced, &running);
    let mut ordered = Resequencer::new();
    let mut out = Vec::new();
    for (index, result) in results {
        out.extend(ordered.push(index, result));
    }
    out.extend(ordered.rest().into_iter().map(|(_, result)| result));
    out
}

type Parsed = (usize, Result<Document, InputError>);

/// One job of the parser threads: the document number `index` of their work.
type Job = dyn Fn(usize) -> Result<Document, InputError> + Send + Sync;

/// Starts the parser threads on `pages`; their results arrive (out of order) on the
/// returned channel, which closes when all are done.
fn spawn_workers(
    pages: Vec<PageSource>,
    forced: Option<&'static Encoding>,
    running: &Arc<RunningHeaders>,
) -> Receiver<Parsed> {
    let count = pages.len();
    let running = Arc::clone(running);
    spawn_jobs(
        count,
        &(Arc::new(move |i| match pages.get(i) {
            Some(page) => open_page(page, forced, &running),
            None => Err(InputError::EmptyDirectory {
                path: String::new(),
            }),
        }) as Arc<Job>),
    )
}

/// Runs `job` for `0..count` on up to [`MAX_WORKERS`] threads taking the numbers in
/// order from a shared counter.
fn spawn_jobs(count: usize, job: &Arc<Job>) -> Receiver<Parsed> {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, MAX_WORKERS)
        .min(count.max(1));
    let next = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel();
    for _ in 0..workers {
        let (job, next, tx) = (Arc::clone(job), Arc::clone(&next), tx.clone());
        std::thread::spawn(move || {
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= count || tx.send((index, job(index))).is_err() {
                    return;
                }
            }
        });
    }
    rx
}

/// Puts results that arrive out of order back in order.
#[derive(Debug)]
struct Resequencer<T> {
    next: usize,
    waiting: BTreeMap<usize, T>,
}

impl<T> Resequencer<T> {
    fn new() -> Self {
        Self {
            next: 0,
            waiting: BTreeMap::new(),
        }
    }

    /// Accepts result `index`; returns every result now in order.
    fn push(&mut self, index: usize, item: T) -> Vec<T> {
        self.waiting.insert(index, item);
        let mut out = Vec::new();
        while let Some(item) = self.waiting.remove(&self.next) {
            out.push(item);
            self.next += 1;
        }
        out
    }

    /// Whatever is still waiting, in order, gaps and all.
    fn rest(&mut self) -> Vec<(usize, T)> {
        std::mem::take(&mut self.waiting).into_iter().collect()
    }
}

impl Background {
    /// How many pages there are in all.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Parses the pages on worker threads and sends them, batch by batch, after the
    /// `delivered` pages the reader has; `send` delivers actions to the reader and
    /// returns false once it is gone (then the load stops).
    pub fn spawn<F>(self, delivered: usize, send: F)
    where
        F: Fn(Action) -> bool + Send + 'static,
    {
        std::thread::spawn(move || self.collect(delivered, &send));
    }

    fn collect(self, mut delivered: usize, send: &dyn Fn(Action) -> bool) {
        let Self {
            mut pages,
            forced,
            mut running,
            recount,
            from,
            huge,
            mut done,
            mut total,
            mut skipped,
            stubs,
        } = self;
        // A huge input's parts come in order already (numbered from 0 here).
        let in_parts = huge.is_some();
        let results: Box<dyn Iterator<Item = Parsed>> = if let Some(reader) = huge {
            let parts = stream::rest_of(reader, StreamOptions::default());
            Box::new(parts.enumerate().map(|(i, r)| (i, r.map(|p| p.doc))))
        } else {
            if recount {
                running = Arc::new(input::running::scan(&pages, forced));
                if let Some(slot) = &stubs
                    && let Ok(mut slot) = slot.write()
                {
                    *slot = Arc::clone(&running);
                }
            }
            pages.drain(..from.min(pages.len()));
            Box::new(spawn_workers(pages, forced, &running).into_iter())
        };
        let mut ordered = Resequencer::new();
        let mut fresh = Vec::new();
        let mut last_progress = Instant::now();
        for (index, result) in results {
            for result in ordered.push(index, result) {
                done += 1;
                match result {
                    Ok(doc) if stubs.is_some() => fresh.push(crate::document::stub::stub(&doc)),
                    Ok(doc) => fresh.push(doc),
                    Err(err) => skipped.push(err.to_string()),
                }
            }
            if fresh.len() >= delivered.max(1) {
                delivered += fresh.len();
                if !send(Action::PagesLoaded(std::mem::take(&mut fresh))) {
                    return;
                }
            }
            if last_progress.elapsed() >= PROGRESS_EVERY {
                last_progress = Instant::now();
                // A huge input's count is an estimate until its end: one more at least.
                if in_parts {
                    total = total.max(done + 1);
                }
                if !send(Action::LoadProgress { done, total }) {
                    return;
                }
            }
        }
        // Only a worker that died leaves a gap; deliver what came after it anyway.
        for (_, result) in ordered.rest() {
            done += 1;
            match result {
                Ok(doc) if stubs.is_some() => fresh.push(crate::document::stub::stub(&doc)),
                Ok(doc) => fresh.push(doc),
                Err(err) => skipped.push(err.to_string()),
            }
        }
        if done < total && !in_parts {
            skipped.push(format!(
                "{} page(s) lost: a parser thread stopped",
                total - done
            ));
        }
        if !fresh.is_empty() && !send(Action::PagesLoaded(fresh)) {
            return;
        }
        send(Action::LoadFinished { skipped });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resequencer_releases_results_in_order() {
        let mut r = Resequencer::new();
        assert!(r.push(1, 'b').is_empty());
        assert!(r.push(2, 'c').is_empty());
        assert_eq!(r.push(0, 'a'), vec!['a', 'b', 'c']);
        assert_eq!(r.push(3, 'd'), vec!['d']);
    }
}
