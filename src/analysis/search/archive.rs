//! Hits that come from an archive's index rather than from pages in memory.
//!
//! The index (`crate::index`, above the reader's state in the layers) answers with the
//! articles that match, on pages the reader may not have parsed yet. It hands them to
//! the reader as [`ArchiveHit`]s: a page of the archive (its number in reading order
//! and its name, to check the number against), an article on it and the byte offset
//! of its first match. The reader keeps them until their page is parsed, then places
//! them with its own matcher (the highlights, `n`/`N` and the results list then work
//! as for any search).

/// One matching article, by page and byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveHit {
    /// The page's number among the pages opened, in reading order (0-based).
    pub page: usize,
    /// The page's name as the reader names it (`Document::source`).
    pub source: String,
    /// The article's number on its page (0-based).
    pub article: usize,
    /// Byte offset of the first match in the page's `Document::text`.
    pub at: usize,
    /// `yyyymmdd`, 0 when unknown.
    pub date: u32,
}

/// The answer of the index to one search generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveBatch {
    pub generation: u64,
    /// The first articles by date, in reading order (by page, then article).
    pub hits: Vec<ArchiveHit>,
    /// How many articles match in all (more than `hits` when the list was capped).
    pub total: usize,
    /// `total` is the count, not an upper bound (a whole-word search counts the
    /// index's substring candidates it did not check as matches).
    pub exact: bool,
    /// The index could not answer: the reader searches in memory instead.
    pub error: Option<String>,
}
