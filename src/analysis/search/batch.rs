//! Searching many documents: the batches a search hands back, and the synchronous
//! search of a small corpus.
//!
//! The reader keeps its matches as `(document, Match)` in reading order. A search of a
//! large corpus (or a whole-word one) runs on the [`runner`](super::runner)'s thread and
//! sends them in [`SearchBatch`]es as it goes; a small one is searched at once with
//! [`search_documents`], whose answer the reader takes in as one final batch. Both keep
//! each document's folded text (`(text length, index)`) to reuse while it is unchanged.

use std::sync::Arc;

use super::{Match, Query, SearchIndex};
use crate::document::Document;

/// Matches of one search generation, in reading order: a part of the runner's answer,
/// or the whole of a synchronous one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchBatch {
    pub generation: u64,
    /// `(document, match)`, continuing where the previous batch stopped.
    pub matches: Vec<(usize, Match)>,
    /// The search is complete with this batch.
    pub done: bool,
}

/// A synchronous search of the documents from `from` on, reusing folded texts (no jieba:
/// whole-word searches go to the runner).
pub fn search_documents(
    indexes: &mut Vec<Option<(usize, SearchIndex)>>,
    docs: &Arc<[Document]>,
    query: &Query,
    from: usize,
) -> Vec<(usize, Match)> {
    indexes.resize_with(docs.len(), || None);
    let mut out = Vec::new();
    let all = docs.iter().zip(indexes.iter_mut()).enumerate();
    for (d, (doc, slot)) in all.skip(from) {
        if !query.keeps(doc) {
            continue;
        }
        if slot.as_ref().is_none_or(|(len, _)| *len != doc.text.len()) {
            *slot = Some((doc.text.len(), SearchIndex::new(doc)));
        }
        if let Some((_, index)) = slot {
            out.extend(
                super::search(doc, index, query, None)
                    .into_iter()
                    .map(|m| (d, m)),
            );
        }
    }
    out
}
