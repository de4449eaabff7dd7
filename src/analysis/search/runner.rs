//! The reader's background search: large corpora and whole-word queries are searched
//! here, so typing in the prompt never waits for them.
//!
//! One thread, "latest request wins" (GUIDE habit 12): [`SearchRunner::search`] stores
//! the request's generation in a shared counter before sending it; the thread skips
//! every request but the newest and checks the counter between documents, abandoning a
//! search as soon as a newer one exists. Hits go to a sink (the app wraps them into its
//! `Action::ApplySearchResults`) as [`SearchBatch`]es: the first as soon as anything is
//! found, then at most every [`FLUSH_EVERY`], so the first matches show at once and
//! the event loop is not flooded with one message per page. While idle the thread folds the documents ahead
//! of the first query, and jieba is loaded only when whole-word mode is first used.
//!
//! Requests carry the documents (`Arc`, not copies), so a corpus that grows while it
//! loads is searched as it is now; folded texts are reused while a document's text
//! length is unchanged, up to [`INDEX_BUDGET`] bytes; past it they are folded per search.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use super::batch::SearchBatch;
use crate::analysis::search::{self, MatchMode, Query, SearchIndex, WordBoundaries};
use crate::analysis::shared_jieba::SharedJieba;
use crate::document::Document;

/// Longest wait between two batches of one search.
pub const FLUSH_EVERY: Duration = Duration::from_millis(30);

/// Bytes of folded text kept between searches. Beyond it documents are folded again
/// for each search (≈ 1 GB/s) and dropped: a 100 MB archive then stays within its
/// memory budget (three times its size on disk) and is still counted in ~150 ms.
pub const INDEX_BUDGET: usize = 32 << 20;

struct Request {
    generation: u64,
    docs: Arc<[Document]>,
    query: Query,
    /// The first document to search.
    from: usize,
}

/// Handle on the search thread; dropping it ends the thread.
pub struct SearchRunner {
    requests: Sender<Request>,
    current: Arc<AtomicU64>,
}

/// Where batches go; returns false when nobody listens any more.
pub trait BatchSink: Fn(SearchBatch) -> bool + Send + 'static {}
impl<F: Fn(SearchBatch) -> bool + Send + 'static> BatchSink for F {}

impl SearchRunner {
    /// Starts the thread, which folds `docs` while idle. Whole-word mode takes its
    /// jieba from `jieba` (loading it there on first use if nobody has handed one over).
    pub fn spawn(docs: Arc<[Document]>, jieba: SharedJieba, sink: impl BatchSink) -> Self {
        let (tx, rx) = mpsc::channel();
        let current = Arc::new(AtomicU64::new(0));
        let worker = Worker {
            current: Arc::clone(&current),
            jieba,
            indexes: Vec::new(),
            cached: 0,
            budget: INDEX_BUDGET,
        };
        thread::Builder::new()
            .name("kanbao-search-ui".into())
            .spawn(move || worker.run(&docs, &rx, &sink))
            .ok();
        Self {
            requests: tx,
            current,
        }
    }

    /// Searches `docs` for `query`, abandoning any older search.
    pub fn search(&self, generation: u64, docs: Arc<[Document]>, query: Query) {
        self.search_from(generation, docs, query, 0);
    }

    /// Searches the documents from index `from` on (pages loaded after a search).
    pub fn search_from(&self, generation: u64, docs: Arc<[Document]>, query: Query, from: usize) {
        self.current.store(generation, Ordering::SeqCst);
        let _ = self.requests.send(Request {
            generation,
            docs,
            query,
            from,
        });
    }
}

struct Worker {
    current: Arc<AtomicU64>,
    /// jieba for whole-word mode (a failed load makes it act as substring).
    jieba: SharedJieba,
    indexes: Vec<Option<(usize, SearchIndex)>>,
    /// Folded bytes held in `indexes`.
    cached: usize,
    /// How many folded bytes may be held ([`INDEX_BUDGET`]).
    budget: usize,
}

impl Worker {
    fn run(mut self, warm: &[Document], requests: &Receiver<Request>, sink: &impl BatchSink) {
        let mut warmed = 0;
        loop {
            let request = if warmed < warm.len() {
                match requests.try_recv() {
                    Ok(r) => r,
                    Err(TryRecvError::Empty) => {
                        if let Some(doc) = warm.get(warmed) {
                            self.with_index(warmed, doc, |_| ());
                        }
                        warmed += 1;
                        if self.cached >= self.budget {
                            warmed = warm.len();
                        }
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
            // Only the newest waiting request matters.
            let request = requests.try_iter().last().unwrap_or(request);
            if request.generation != self.current.load(Ordering::SeqCst) {
                continue;
            }
            if !self.search(&request, sink) {
                return;
            }
        }
    }

    /// Runs `f` on the folded form of document `d`: the kept one when it is up to date,
    /// else a fresh one, kept while the budget allows.
    fn with_index<R>(&mut self, d: usize, doc: &Document, f: impl FnOnce(&SearchIndex) -> R) -> R {
        if self.indexes.len() <= d {
            self.indexes.resize_with(d + 1, || None);
        }
        let len = doc.text.len();
        if let Some(Some((kept, index))) = self.indexes.get(d)
            && *kept == len
        {
            return f(index);
        }
        let index = SearchIndex::new(doc);
        let result = f(&index);
        if let Some(slot) = self.indexes.get_mut(d) {
            let old = slot.take().map_or(0, |(kept, _)| kept);
            self.cached -= old;
            if self.cached + len <= self.budget {
                self.cached += len;
                *slot = Some((len, index));
            }
        }
        result
    }

    /// Runs one search; false when the sink has gone away.
    fn search(&mut self, request: &Request, sink: &impl BatchSink) -> bool {
        let seg = (request.query.mode() == MatchMode::WholeWord)
            .then(|| self.jieba.get_or_load())
            .flatten();
        let words = seg.as_deref().map(|s| s as &dyn WordBoundaries);
        let generation = request.generation;
        let mut pending = Vec::new();
        let mut sent = false;
        let mut last = Instant::now();
        let mut alive = true;
        for (d, doc) in request.docs.iter().enumerate().skip(request.from) {
            if self.current.load(Ordering::Relaxed) != generation {
                return true;
            }
            // A stub (a page read on demand, not parsed now) holds headlines only:
            // its hits come from the index, and the reader drops any found here.
            if crate::document::stub::is_stub(doc) || !request.query.keeps(doc) {
                continue;
            }
            let found = self.with_index(d, doc, |index| {
                search::search(doc, index, &request.query, words)
            });
            pending.extend(found.into_iter().map(|m| (d, m)));
            if !pending.is_empty() && (!sent || last.elapsed() >= FLUSH_EVERY) {
                let matches = std::mem::take(&mut pending);
                alive = sink(SearchBatch {
                    generation,
                    matches,
                    done: false,
                });
                if !alive {
                    break;
                }
                sent = true;
                last = Instant::now();
            }
        }
        alive
            && sink(SearchBatch {
                generation,
                matches: pending,
                done: true,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    fn docs(n: usize) -> Arc<[Document]> {
        (0..n)
            .map(|i| {
                crate::document::parse("t", &format!("# 标题{i}\n\n人口普查第{i}次，人口普查。\n"))
            })
            .collect::<Vec<_>>()
            .into()
    }

    #[test]
    fn folded_texts_past_the_budget_are_not_kept_but_still_searched() {
        let docs = docs(6);
        let one = docs.first().map_or(0, |d| d.text.len());
        let mut worker = Worker {
            current: Arc::new(AtomicU64::new(0)),
            jieba: SharedJieba::default(),
            indexes: Vec::new(),
            cached: 0,
            budget: one * 3,
        };
        let query = Query::parse("人口普查", MatchMode::Substring);
        for round in 0..2 {
            let hits: usize = docs
                .iter()
                .enumerate()
                .map(|(d, doc)| {
                    worker.with_index(d, doc, |i| search::search(doc, i, &query, None).len())
                })
                .sum();
            assert_eq!(hits, 12, "round {round}");
        }
        assert!(worker.cached <= one * 3, "kept {} bytes", worker.cached);
        let kept = worker.indexes.iter().filter(|slot| slot.is_some()).count();
        assert!((1..=3).contains(&kept), "{kept} folded texts kept");
    }

    fn collect() -> (Arc<Mutex<Vec<SearchBatch>>>, impl BatchSink) {
        let got = Arc::new(Mutex::new(Vec::new()));
        let sink_got = Arc::clone(&got);
        let sink = move |b: SearchBatch| sink_got.lock().map(|mut g| g.push(b)).is_ok();
        (got, sink)
    }

    fn wait_done(got: &Mutex<Vec<SearchBatch>>, generation: u64) -> Vec<SearchBatch> {
        for _ in 0..2000 {
            let batches = got.lock().unwrap().clone();
            if batches.iter().any(|b| b.generation == generation && b.done) {
                return batches;
            }
            thread::sleep(Duration::from_millis(5));
        }
        panic!("search {generation} did not finish");
    }

    #[test]
    fn batches_cover_every_document_in_order_and_end_with_done() {
        let docs = docs(50);
        let (got, sink) = collect();
        let runner = SearchRunner::spawn(Arc::clone(&docs), SharedJieba::default(), sink);
        runner.search(
            1,
            Arc::clone(&docs),
            Query::parse("人口普查", MatchMode::Substring),
        );
        let batches = wait_done(&got, 1);
        let all: Vec<_> = batches.iter().flat_map(|b| b.matches.iter()).collect();
        assert_eq!(all.len(), 100);
        assert!(
            all.windows(2)
                .all(|w| (w[0].0, w[0].1.range.start) < (w[1].0, w[1].1.range.start))
        );
        assert_eq!(batches.iter().filter(|b| b.done).count(), 1);
    }

    #[test]
    fn a_search_can_start_at_a_later_document() {
        let docs = docs(50);
        let (got, sink) = collect();
        let runner = SearchRunner::spawn(Arc::clone(&docs), SharedJieba::default(), sink);
        let query = Query::parse("人口普查", MatchMode::Substring);
        runner.search_from(1, Arc::clone(&docs), query, 45);
        let batches = wait_done(&got, 1);
        let all: Vec<_> = batches.iter().flat_map(|b| b.matches.iter()).collect();
        assert_eq!(all.len(), 10);
        assert!(all.iter().all(|(d, _)| *d >= 45));
    }

    #[test]
    fn only_the_newest_request_is_finished() {
        let docs = docs(20);
        let (got, sink) = collect();
        let runner = SearchRunner::spawn(Arc::clone(&docs), SharedJieba::default(), sink);
        for (g, q) in [(1, "人"), (2, "人口"), (3, "第1次")] {
            runner.search(g, Arc::clone(&docs), Query::parse(q, MatchMode::Substring));
        }
        let batches = wait_done(&got, 3);
        let done: Vec<u64> = batches
            .iter()
            .filter(|b| b.done)
            .map(|b| b.generation)
            .collect();
        assert_eq!(done.last(), Some(&3));
        let newest: usize = batches
            .iter()
            .filter(|b| b.generation == 3)
            .map(|b| b.matches.len())
            .sum();
        // Only page 1 says 第1次 (第10次 does not contain it).
        assert_eq!(newest, 1);
    }
}
