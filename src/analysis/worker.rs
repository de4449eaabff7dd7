//! Background threads, so that the UI never waits for jieba or for a large search.
//!
//! Both workers follow gitui's `AsyncSingleJob` idea (GUIDE habit 12): requests go in
//! over a channel, results come back over another, and the UI polls with `try_recv`
//! (or selects on [`SearchWorker::events`] / [`AnalysisWorker::events`]) between frames.
//!
//! * [`AnalysisWorker`] loads the [`Segmenter`] (100–250 ms) *after* it is spawned, so
//!   a UI spawns it once its first frame is drawn, then extracts keywords, occurrences
//!   and names article by article, the article on screen first ([`AnalysisWorker::prioritise`]);
//!   on large archives only the articles asked for ([`SWEEP_LIMIT`]).
//!   Results are cached in the worker: asking again costs nothing.
//! * [`SearchWorker`] searches all documents. Every request gets a new generation; a
//!   running search checks the counter between documents and gives up as soon as a
//!   newer request exists ("latest request wins"), and events carry their generation so
//!   stale ones are dropped by [`SearchResults::apply`]. Hits stream per document, then
//!   a final count.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use super::keywords::{self, Keyword, KeywordOptions, Occurrence};
use super::names::{self, Name};
use super::search::{self, Match, Query, SearchIndex, WordBoundaries};
use super::segmenter::{Segmenter, SegmenterOptions};
use crate::document::Document;

/// Where a worker delivers its events: returns false once nobody listens any more,
/// which ends the worker. [`AnalysisWorker::spawn_with`] and [`SearchWorker::spawn_with`]
/// take one so a UI can wrap events into its own message channel and wake its loop.
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
    Prioritise { doc: usize, article: usize },
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
        Self::start(docs, seg, opts, sink, events)
    }

    /// Like [`spawn`](Self::spawn), but events go to `sink` (and `events` stays empty).
    pub fn spawn_with(
        docs: Arc<[Document]>,
        seg: SegmenterOptions,
        opts: KeywordOptions,
        sink: Sink<AnalysisEvent>,
    ) -> Self {
        Self::start(docs, seg, opts, sink, mpsc::channel().1)
    }

    fn start(
        docs: Arc<[Document]>,
        seg: SegmenterOptions,
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
    seg_opts: &SegmenterOptions,
    mut opts: KeywordOptions,
    requests: &Receiver<AnalysisRequest>,
    send: &dyn Fn(AnalysisEvent) -> bool,
) {
    let seg = match Segmenter::load(seg_opts) {
        Ok(seg) => Arc::new(seg),
        Err(err) => {
            send(AnalysisEvent::Failed(err.to_string()));
            return;
        }
    };
    if !send(AnalysisEvent::Ready(Arc::clone(&seg))) {
        return;
    }
    let mut queue = sweep(docs);
    let mut cache: HashMap<(usize, usize), Arc<ArticleAnalysis>> = HashMap::new();
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
        match request {
            Some(AnalysisRequest::Prioritise { doc, article }) => {
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
        if request.is_some() {
            continue;
        }
        let Some((d, a)) = queue.pop_front() else {
            continue;
        };
        let Some(doc) = docs.get(d) else { continue };
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

/// What the search worker reports; `generation` says which request it answers.
#[derive(Debug, Clone)]
pub enum SearchEvent {
    /// The hits in one document, in reading order (documents come in order).
    Matches {
        generation: u64,
        doc: usize,
        matches: Vec<Match>,
    },
    /// The search is complete.
    Done {
        generation: u64,
        total: usize,
        articles: usize,
        elapsed: Duration,
    },
}

enum SearchRequest {
    Search { generation: u64, query: Query },
    Segmenter(Arc<Segmenter>),
}

/// Searches all documents off the UI thread; the newest request cancels older ones.
pub struct SearchWorker {
    requests: Sender<SearchRequest>,
    events: Receiver<SearchEvent>,
    generation: Arc<AtomicU64>,
}

impl SearchWorker {
    /// Starts the thread, which prepares (folds) every document while idle.
    /// Events arrive on [`events`](Self::events).
    pub fn spawn(docs: Arc<[Document]>) -> Self {
        let (sink, events) = channel_sink();
        Self::start(docs, sink, events)
    }

    /// Like [`spawn`](Self::spawn), but events go to `sink` (and `events` stays empty).
    pub fn spawn_with(docs: Arc<[Document]>, sink: Sink<SearchEvent>) -> Self {
        Self::start(docs, sink, mpsc::channel().1)
    }

    fn start(
        docs: Arc<[Document]>,
        sink: Sink<SearchEvent>,
        events: Receiver<SearchEvent>,
    ) -> Self {
        let (req_tx, req_rx) = mpsc::channel();
        let generation = Arc::new(AtomicU64::new(0));
        let current = Arc::clone(&generation);
        thread::Builder::new()
            .name("kanbao-search".into())
            .spawn(move || search_thread(&docs, &current, &req_rx, &*sink))
            .ok();
        Self {
            requests: req_tx,
            events,
            generation,
        }
    }

    /// Starts a search, abandoning any running one; returns its generation.
    /// An empty query just cancels (and is answered by an empty `Done`).
    pub fn search(&self, query: Query) -> u64 {
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let _ = self
            .requests
            .send(SearchRequest::Search { generation, query });
        generation
    }

    /// Gives whole-word mode its word boundaries once jieba is loaded.
    pub fn set_segmenter(&self, seg: Arc<Segmenter>) {
        let _ = self.requests.send(SearchRequest::Segmenter(seg));
    }

    /// The generation of the latest request.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    pub fn try_recv(&self) -> Option<SearchEvent> {
        self.events.try_recv().ok()
    }

    pub fn events(&self) -> &Receiver<SearchEvent> {
        &self.events
    }
}

fn search_thread(
    docs: &[Document],
    current: &AtomicU64,
    requests: &Receiver<SearchRequest>,
    send: &dyn Fn(SearchEvent) -> bool,
) {
    let mut indexes: Vec<Option<SearchIndex>> = vec![None; docs.len()];
    let mut seg: Option<Arc<Segmenter>> = None;
    let mut warmed = 0;
    loop {
        let request = if warmed < docs.len() {
            match requests.try_recv() {
                Ok(r) => r,
                Err(TryRecvError::Empty) => {
                    // Idle: fold the next document ahead of the first query.
                    if let (Some(slot), Some(doc)) = (indexes.get_mut(warmed), docs.get(warmed)) {
                        slot.get_or_insert_with(|| SearchIndex::new(doc));
                    }
                    warmed += 1;
                    continue;
                }
                Err(TryRecvError::Disconnected) => return,
            }
        } else {
            match requests.recv() {
                Ok(r) => r,
                Err(_) => return,
            }
        };
        match request {
            SearchRequest::Segmenter(s) => seg = Some(s),
            SearchRequest::Search { generation, query } => {
                if generation != current.load(Ordering::SeqCst) {
                    continue;
                }
                let words = seg.as_deref().map(|s| s as &dyn WordBoundaries);
                let job = Job {
                    docs,
                    current,
                    send,
                    words,
                    generation,
                };
                if !job.run(&query, &mut indexes) {
                    return;
                }
            }
        }
    }
}

struct Job<'a> {
    docs: &'a [Document],
    current: &'a AtomicU64,
    send: &'a dyn Fn(SearchEvent) -> bool,
    words: Option<&'a dyn WordBoundaries>,
    generation: u64,
}

impl Job<'_> {
    /// Runs one search; false when the UI has gone away.
    fn run(&self, query: &Query, indexes: &mut [Option<SearchIndex>]) -> bool {
        let started = Instant::now();
        let (mut total, mut articles) = (0, 0);
        if !query.is_empty() {
            for (d, (doc, slot)) in self.docs.iter().zip(indexes.iter_mut()).enumerate() {
                if self.current.load(Ordering::Relaxed) != self.generation {
                    return true;
                }
                let index = slot.get_or_insert_with(|| SearchIndex::new(doc));
                let matches = search::search(doc, index, query, self.words);
                if matches.is_empty() {
                    continue;
                }
                let counts = search::counts(doc, &matches);
                total += counts.total;
                articles += counts.articles;
                let event = SearchEvent::Matches {
                    generation: self.generation,
                    doc: d,
                    matches,
                };
                if !(self.send)(event) {
                    return false;
                }
            }
        }
        let done = SearchEvent::Done {
            generation: self.generation,
            total,
            articles,
            elapsed: started.elapsed(),
        };
        (self.send)(done)
    }
}

/// The UI's view of the latest search: fold [`SearchEvent`]s in with [`apply`](Self::apply).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub generation: u64,
    /// `(document, match)` in reading order across documents.
    pub matches: Vec<(usize, Match)>,
    /// Hits per `(document, article)`, for the section list.
    pub per_article: HashMap<(usize, usize), usize>,
    /// `Some(total)` once the search has finished.
    pub done: Option<usize>,
}

impl SearchResults {
    /// Starts collecting for `generation` (what [`SearchWorker::search`] returned).
    pub fn new(generation: u64) -> Self {
        Self {
            generation,
            ..Self::default()
        }
    }

    /// Takes in an event; returns false (and changes nothing) when it is stale.
    pub fn apply(&mut self, event: SearchEvent) -> bool {
        match event {
            SearchEvent::Matches {
                generation,
                doc,
                matches,
            } if generation == self.generation => {
                for m in matches {
                    *self.per_article.entry((doc, m.article)).or_default() += 1;
                    self.matches.push((doc, m));
                }
                true
            }
            SearchEvent::Done {
                generation, total, ..
            } if generation == self.generation => {
                self.done = Some(total);
                true
            }
            _ => false,
        }
    }

    /// How many articles have hits so far.
    pub fn articles(&self) -> usize {
        self.per_article.len()
    }
}
