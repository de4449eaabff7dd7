//! Search and jieba keywords over the document text, as byte ranges.
//!
//! Pure and terminal-free (GUIDE habit 1): everything here answers in byte ranges into
//! [`Document::text`](crate::document::Document::text), so the UI can highlight hits,
//! keywords and names with one coordinate system. Slow work (loading jieba, extracting
//! keywords, searching a large corpus) has background workers in [`worker`] that a UI
//! drives with "latest request wins" requests and polls without blocking.

pub mod fold;
pub mod keywords;
pub mod names;
pub mod search;
pub mod segmenter;
pub mod worker;
