//! The keyword worker, so that the UI never waits for jieba.
//!
//! It follows gitui's `AsyncSingleJob` idea (GUIDE habit 12): requests go in over a
//! channel, results come back over another (or into a [`Sink`] that wraps them into the
//! app's own messages), and the UI never blocks on them.
//!
//! [`AnalysisWorker`] loads the [`Segmenter`] (100–250 ms) *after* it is spawned, so a UI
//! spawns it once its first frame is drawn, then extracts keywords, occurrences and names
//! article by article, the article on screen first ([`AnalysisWorker::prioritise`]); on
//! large archives only the articles asked for ([`SWEEP_LIMIT`]). Results are cached in
//! the worker: asking again costs nothing. The background *search* has its own
//! thread, in [`super::search::runner`].

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use super::keywords::{self, Keyword, KeywordOptions, Occurrence};
use super::names::{self, Name};
use super::segmenter::{Segmenter, SegmenterOptions};
use super::shared_jieba::SharedJieba;
use crate::document::Document;

/// Where a worker delivers its events: returns false once nobody listens any more,
/// which ends the worker. [`AnalysisWorker::spawn_with`] takes one so a UI can wrap
/// events into its own message channel and wake its loop.
pub type Sink<E> = Box<dyn Fn(E) -> bool + Send>;

fn channel_sink<E: Send + 'static>() -> (Sink<E>, Receiver<E>) {
    let (tx, rx) = mpsc::channel();
    (Box::new(move |e| tx.send(e).is_ok()), rx)
}

/// Everything the reader highlights in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleAnalysis {
    pub keywords: Vec<Keyword>,
    /// Keyword occurrences in reading order (`Occurrence::keyword` indexes `keywords`).
    pub occurrences: Vec<Occurrence>,
    pub names: Vec<Name>,
}

impl ArticleAnalysis {
    /// Keywords, occurrences and names of one article (the work the worker does).
    pub fn compute(seg: &Segmenter, doc: &Document, article: usize, opts: &KeywordOptions) -> Self {
        let keywords = keywords::extract(seg, doc, article, opts);
        Self {
            occurrences: keywords::occurrences(doc, article, &keywords),
            names: names::names(seg, doc, article),
            keywords,
        }
    }
}

/// One article's analysis as the app's `Action::ArticleAnalysed` carries it.
///
/// Equality compares contents (weights included), which is all tests need; actions
/// must be `Eq`, and the weights are never NaN (jieba's scores are finite).
#[derive(Debug, Clone)]
pub struct SharedAnalysis(pub Arc<ArticleAnalysis>);

impl PartialEq for SharedAnalysis {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

impl Eq for SharedAnalysis {}

/// What the analysis worker reports.
#[derive(Debug, Clone)]
pub enum AnalysisEvent {
    /// jieba is loaded; whole-word search can use this segmenter.
    Ready(Arc<Segmenter>),
    /// jieba could not be set up (a bad user dictionary); the message names the file.
    Failed(String),
    /// One article analysed.
    Article {
        doc: usize,
        article: usize,
        analysis: Arc<ArticleAnalysis>,
    },
}

enum AnalysisRequest {
    Prioritise {
        doc: usize,
        article: usize,
    },
    /// As `Prioritise`, with the page itself: a worker started without the pages (an
    /// archive read on demand) analyses what it is handed.
    Page {
        doc: usize,
        article: usize,
        page: Arc<Document>,
    },
    Options(KeywordOptions),
}

/// Loads jieba and analyses every article off the UI thread.
pub struct AnalysisWorker {
    requests: Sender<AnalysisRequest>,
    events: Receiver<AnalysisEvent>,
}

impl AnalysisWorker {
    /// Starts the thread. Spawn it after the first frame: it begins by loading jieba.
    /// Events arrive on [`events`](Self::events).
    pub fn spawn(docs: Arc<[Document]>, seg: SegmenterOptions, opts: KeywordOptions) -> Self {
        let (sink, events) = channel_sink();
        Self::start(docs, SharedJieba::new(seg), opts, sink, events)
    }

    /// Like [`spawn`](Self::spawn), but events go to `sink` (and `events` stays empty),
    /// and jieba is the reader's one `jieba` (a whole-word search may have loaded it
    /// already; else this worker loads it there, for the searches too).
    pub fn spawn_with(
        docs: Arc<[Document]>,
        jieba: SharedJieba,
        opts: KeywordOptions,
        sink: Sink<AnalysisEvent>,
    ) -> Self {
        Self::start(docs, jieba, opts, sink, mpsc::channel().1)
    }

    fn start(
        docs: Arc<[Document]>,
        seg: SharedJieba,
        opts: KeywordOptions,
        sink: Sink<AnalysisEvent>,
        events: Receiver<AnalysisEvent>,
    ) -> Self {
        let (req_tx, req_rx) = mpsc::channel();
        thread::Builder::new()
            .name("kanbao-analysis".into())
            .spawn(move || analysis_thread(&docs, &seg, opts, &req_rx, &*sink))
            .ok();
        Self {
            requests: req_tx,
            events,
        }
    }

    /// Analyse this article next (the one on screen); re-sends it if already done.
    pub fn prioritise(&self, doc: usize, article: usize) {
        let _ = self
            .requests
            .send(AnalysisRequest::Prioritise { doc, article });
    }

    /// [`prioritise`](Self::prioritise) with the page, for a worker started without
    /// the pages (an archive read on demand keeps only the pages near the reader).
    pub fn prioritise_page(&self, doc: usize, article: usize, page: Arc<Document>) {
        let _ = self
            .requests
            .send(AnalysisRequest::Page { doc, article, page });
    }

    /// Changes the keyword options (e.g. `TextRank` on): everything is redone.
    pub fn set_options(&self, opts: KeywordOptions) {
        let _ = self.requests.send(AnalysisRequest::Options(opts));
    }

    /// The next event, if one is waiting.
    pub fn try_recv(&self) -> Option<AnalysisEvent> {
        self.events.try_recv().ok()
    }

    /// The event channel, for a loop that blocks on several sources.
    pub fn events(&self) -> &Receiver<AnalysisEvent> {
        &self.events
    }
}

/// Above this many articles the worker stops sweeping ahead and analyses only what the
/// reader asks for: an archive of thousands of pages would otherwise keep every
/// article's keywords, occurrences and names in memory (≈ 6 KB each), pushing a
/// 100 MB corpus past three times its size on disk.
pub const SWEEP_LIMIT: usize = 2_000;

/// Pages handed with requests that the worker keeps (those on screen and around).
const HANDED_PAGES: usize = 8;

/// The articles to analyse without being asked: all of them on a page or a few, none
/// on an archive (see [`SWEEP_LIMIT`]).
fn sweep(docs: &[Document]) -> VecDeque<(usize, usize)> {
    let total: usize = docs.iter().map(|doc| doc.articles.len()).sum();
    if total > SWEEP_LIMIT {
        return VecDeque::new();
    }
    docs.iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.articles.len()).map(move |a| (d, a)))
        .collect()
}

fn analysis_thread(
    docs: &[Document],
    jieba: &SharedJieba,
    mut opts: KeywordOptions,
    requests: &Receiver<AnalysisRequest>,
    send: &dyn Fn(AnalysisEvent) -> bool,
) {
    // The 繁简 table for search is built here too, so the first search does not wait.
    super::script::warm_up();
    let seg = match jieba.load() {
        Ok(seg) => seg,
        Err(err) => {
            send(AnalysisEvent::Failed(err));
            return;
        }
    };
    if !send(AnalysisEvent::Ready(Arc::clone(&seg))) {
        return;
    }
    let mut queue = sweep(docs);
    let mut cache: HashMap<(usize, usize), Arc<ArticleAnalysis>> = HashMap::new();
    // Pages handed with their requests (an archive read on demand), the latest few.
    let mut handed: VecDeque<(usize, Arc<Document>)> = VecDeque::new();
    loop {
        let request = if queue.is_empty() {
            match requests.recv() {
                Ok(r) => Some(r),
                Err(_) => return,
            }
        } else {
            match requests.try_recv() {
                Ok(r) => Some(r),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => return,
            }
        };
        let asked = request.is_some();
        match request {
            Some(AnalysisRequest::Prioritise { doc, article }) => {
                queue.retain(|k| *k != (doc, article));
                queue.push_front((doc, article));
            }
            Some(AnalysisRequest::Page { doc, article, page }) => {
                handed.retain(|(d, _)| *d != doc);
                handed.push_front((doc, page));
                handed.truncate(HANDED_PAGES);
                queue.retain(|k| *k != (doc, article));
                queue.push_front((doc, article));
            }
            Some(AnalysisRequest::Options(new)) => {
                opts = new;
                cache.clear();
                queue = sweep(docs);
            }
            None => {}
        }
        // Drain every waiting request before working, so the latest priority wins.
        if asked {
            continue;
        }
        let Some((d, a)) = queue.pop_front() else {
            continue;
        };
        let Some(doc) = docs
            .get(d)
            .or_else(|| handed.iter().find(|(h, _)| *h == d).map(|(_, p)| &**p))
        else {
            continue;
        };
        let analysis = cache
            .entry((d, a))
            .or_insert_with(|| Arc::new(ArticleAnalysis::compute(&seg, doc, a, &opts)));
        let event = AnalysisEvent::Article {
            doc: d,
            article: a,
            analysis: Arc::clone(analysis),
        };
        if !send(event) {
            return;
        }
    }
}
