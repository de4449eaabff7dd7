//! Search and jieba keywords over the document text, as byte ranges.
//!
//! Pure and terminal-free (GUIDE habit 1): everything here answers in byte ranges into
//! [`Document::text`](crate::document::Document::text), so the UI can highlight hits,
//! keywords and names with one coordinate system. Slow work (loading jieba, extracting
//! keywords) has a background worker in [`worker`] that a UI drives without blocking.
//!
//! What a UI calls:
//!
//! * Search: [`search::Query::parse`] the prompt's input (with [`search::MatchMode`]);
//!   [`search::SearchIndex::new`] once per document, then [`search::search`];
//!   [`search::counts`] per article and [`search::context`] for a results-list line.
//!   The reader runs this off its UI thread in [`search::runner`] ("latest request
//!   wins", results in batches, [`search::batch`]).
//! * Keywords and names: spawn a [`worker::AnalysisWorker`] after the first frame; it
//!   sends [`worker::AnalysisEvent::Ready`] with the [`segmenter::Segmenter`] (hand it
//!   to the search runner for whole-word mode), then one
//!   [`worker::ArticleAnalysis`] per article (keywords, their occurrences, names);
//!   [`worker::AnalysisWorker::prioritise`] the article on screen.
//!   [`keywords::next_occurrence`] / [`keywords::previous_occurrence`] move between
//!   occurrences. `AnalysisWorker::spawn_with(.., sink)` posts events into the UI's own
//!   message channel.

pub mod dates;
pub mod fold;
pub mod gazetteer;
pub mod idf;
pub mod keywords;
pub mod names;
pub mod script;
pub mod search;
pub mod segmenter;
pub mod shared_jieba;
pub mod worker;
