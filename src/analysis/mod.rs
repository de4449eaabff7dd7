//! Search and jieba keywords over the document text, as byte ranges.
//!
//! Pure and terminal-free (GUIDE habit 1): everything here answers in byte ranges into
//! [`Document::text`](crate::document::Document::text), so the UI can highlight hits,
//! keywords and names with one coordinate system. Slow work (loading jieba, extracting
//! keywords, searching a large corpus) has background workers in [`worker`] that a UI
//! drives with "latest request wins" requests and polls without blocking.
//!
//! What a UI calls:
//!
//! * Search: [`search::Query::parse`] the prompt's input (with [`search::MatchMode`]);
//!   send it to a [`crate::search_runner::SearchRunner`] (it runs off the UI thread and
//!   answers in generations) and fold its batches into the reader's search state, which
//!   drops stale generations and keeps hits in reading order with per-article counts.
//!   [`search::context`] gives a results-list line. Synchronous use (dump, tests):
//!   [`search::SearchIndex::new`] once per document, then [`search::search`].
//! * Keywords and names: spawn a [`worker::AnalysisWorker`] after the first frame; it
//!   sends [`worker::AnalysisEvent::Ready`] with the [`segmenter::Segmenter`] (hand it
//!   to the search worker for whole-word mode), then one
//!   [`worker::ArticleAnalysis`] per article (keywords, their occurrences, names);
//!   [`worker::AnalysisWorker::prioritise`] the article on screen.
//!   [`keywords::next_occurrence`] / [`keywords::previous_occurrence`] move between
//!   occurrences. Both workers have `spawn_with(.., sink)` to post events into the
//!   UI's own message channel.

pub mod fold;
pub mod keywords;
pub mod names;
pub mod search;
pub mod segmenter;
pub mod worker;
