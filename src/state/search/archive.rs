//! Searching through the archive's index: the reader's side.
//!
//! When the opened directory has an index that is up to date ([`IndexStatus::Ready`]),
//! a substring search is answered by the index (`Effect::RunIndexSearch`, run by
//! `app`): the matching articles of the whole archive, by page and byte offset, come
//! back as an [`ArchiveBatch`]. Hits on pages already parsed are placed at once with
//! the reader's own matcher (so highlights, `n`/`N` and the results list are those of
//! any search); hits on pages not parsed yet wait in [`ArchiveHits::pending`] and are
//! placed as their pages arrive. The search is "done" once none wait, so a search
//! that follows the reading position (`/`, `--search`) opens at the first hit after
//! it as soon as that page is parsed, at the hit's own line.
//!
//! A whole-word search goes the same way: the index's search thread checks its
//! candidates with jieba, and the hits are placed here with the same jieba
//! ([`super::SearchState::jieba`]); its count may then be an upper bound
//! ([`ArchiveHits::exact`]).
//!
//! Without an index (none yet, `--no-index`, a read-only cache) the pages in memory
//! are scanned as before ([`super::run`]).

use crate::analysis::search::archive::{ArchiveBatch, ArchiveHit};
use crate::analysis::search::batch::SearchBatch;
use std::sync::Arc;

use crate::analysis::search::{
    self as matcher, BlockRef, Match, MatchMode, SearchIndex, WordBoundaries,
};
use crate::analysis::segmenter::Segmenter;
use crate::analysis::shared_jieba::SharedJieba;
use crate::document::Document;
use crate::document::stub::is_stub;
use crate::i18n;
use crate::state::{AppState, Effect};

use super::redraw;
use super::run::{apply_batch, dispatch};

/// How far back from a hit's page number its page may sit among the parsed pages
/// (pages that could not be opened are skipped and shift the later ones forward).
const SKIP_WINDOW: usize = 64;

/// Whether the archive's index can answer searches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum IndexStatus {
    /// There is no index for this run (a file, standard input, `--no-index`).
    #[default]
    Off,
    /// It is being built for the first time: search scans in memory meanwhile.
    Building,
    /// It is there to search.
    Ready,
    /// It cannot be built or read (a read-only cache): search scans in memory.
    Unavailable,
}

/// What the index said about the active search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveHits {
    /// The index has answered.
    pub answered: bool,
    /// Hits on pages not parsed yet, in reading order.
    pub pending: Vec<ArchiveHit>,
    /// Articles that match in the whole archive.
    pub total: usize,
    /// `total` is the count, not an upper bound (see [`ArchiveBatch::exact`]).
    pub exact: bool,
    /// Articles the index listed (the first by date; `total` may be more).
    pub listed: usize,
}

/// Takes in the index's answer to the newest search; a failed one falls back to
/// scanning the pages in memory.
pub(in crate::state) fn apply(state: &mut AppState, batch: ArchiveBatch) -> Vec<Effect> {
    let loaded = state.docs.len();
    let Some(a) = state.search.active.as_mut() else {
        return Vec::new();
    };
    let Some(hits) = a.archive.as_mut() else {
        return Vec::new();
    };
    if a.generation != batch.generation || hits.answered {
        return Vec::new();
    }
    if let Some(error) = batch.error {
        a.archive = None;
        a.searched = loaded;
        let (generation, query) = (a.generation, a.query.clone());
        state.search.index = IndexStatus::Unavailable;
        state.message = Some(i18n::archive_fallback(&error));
        return dispatch(state, generation, &query, 0);
    }
    let mut pending = batch.hits;
    pending.sort_by_key(|h| (h.page, h.article));
    *hits = ArchiveHits {
        answered: true,
        listed: pending.len(),
        pending,
        total: batch.total,
        exact: batch.exact,
    };
    let mut effects = resolve(state);
    effects.push(Effect::Redraw);
    effects
}

/// Places the waiting hits whose pages are parsed now; once none wait (or the load is
/// over and the rest could not be opened) the search is done.
pub fn resolve(state: &mut AppState) -> Vec<Effect> {
    let Some(a) = state.search.active.as_mut() else {
        return Vec::new();
    };
    let Some(hits) = a.archive.as_mut().filter(|h| h.answered) else {
        return Vec::new();
    };
    if a.done {
        return Vec::new();
    }
    let docs = &state.docs;
    let mut ready: Vec<(usize, usize)> = Vec::new();
    let mut waiting = Vec::new();
    let mut at = std::collections::HashMap::new();
    for hit in hits.pending.drain(..) {
        match doc_of(docs, &hit) {
            Some(d) => {
                at.entry((d, hit.article)).or_insert(hit.at);
                ready.push((d, hit.article));
            }
            None => waiting.push(hit),
        }
    }
    if state.loading.is_none() {
        // Everything that will be parsed is: hits on pages that failed are dropped.
        waiting.clear();
    }
    hits.pending = waiting;
    let done = hits.pending.is_empty();
    let (generation, query) = (a.generation, a.query.clone());
    if ready.is_empty() && !done {
        return Vec::new();
    }
    ready.sort_unstable();
    ready.dedup();
    let seg = whole_words(&state.search.jieba, &query);
    let words = seg.as_deref().map(|s| s as &dyn WordBoundaries);
    let mut matches: Vec<(usize, Match)> = Vec::new();
    let mut i = 0;
    while i < ready.len() {
        let d = ready[i].0;
        let end = i + ready[i..].partition_point(|&(doc, _)| doc == d);
        if is_stub(&docs[d]) {
            // A page read on demand and not parsed now: the hit is placed where the
            // index says it starts; its page is parsed when it is shown.
            matches.extend(ready[i..end].iter().filter_map(|&(_, article)| {
                let hit = at.get(&(d, article))?;
                Some((d, stub_match(article, *hit, &query)))
            }));
            i = end;
            continue;
        }
        let articles: Vec<usize> = ready[i..end].iter().map(|&(_, a)| a).collect();
        let doc = &docs[d];
        let found = matcher::search(doc, &SearchIndex::new(doc), &query, words);
        matches.extend(
            found
                .into_iter()
                .filter(|m| articles.binary_search(&m.article).is_ok())
                .map(|m| (d, m)),
        );
        i = end;
    }
    apply_batch(
        state,
        SearchBatch {
            generation,
            matches,
            done,
        },
    )
}

/// jieba for placing a whole-word search's hits, if it is loaded (the index's search
/// thread loaded it to answer the search; until then hits are placed as substrings
/// within the articles the index checked).
fn whole_words(jieba: &SharedJieba, query: &matcher::Query) -> Option<Arc<Segmenter>> {
    (query.mode() == MatchMode::WholeWord)
        .then(|| jieba.peek())
        .flatten()
}

/// A hit on a stub's article, placed from the index's byte offset: the length of the
/// first term (folding keeps a character's length in bytes), in the headline until
/// [`page_parsed`] finds its block on the parsed page.
fn stub_match(article: usize, at: usize, query: &matcher::Query) -> Match {
    let len = query.terms().first().map_or(0, String::len);
    Match {
        article,
        block: BlockRef::Title,
        range: at..at + len,
        term: 0,
    }
}

/// Page `d` has just been parsed (read on demand). Its hits placed from the index
/// (one per article: the first) give way to every hit of those articles on the parsed
/// page, so that `n`/`N`, the highlights and the results list see them all; the hit
/// `n` last showed, and the results list's selection, stay on their article.
pub(in crate::state) fn page_parsed(state: &mut AppState, d: usize) {
    let Some(doc) = state.docs.get(d) else {
        return;
    };
    let Some(a) = state.search.active.as_mut() else {
        return;
    };
    let from = a.matches.partition_point(|(doc, _)| *doc < d);
    let to = a.matches.partition_point(|(doc, _)| *doc <= d);
    if from == to {
        return;
    }
    let mut articles: Vec<usize> = a.matches[from..to].iter().map(|(_, m)| m.article).collect();
    articles.sort_unstable();
    articles.dedup();
    let seg = whole_words(&state.search.jieba, &a.query);
    let words = seg.as_deref().map(|s| s as &dyn WordBoundaries);
    let found: Vec<(usize, Match)> = matcher::search(doc, &SearchIndex::new(doc), &a.query, words)
        .into_iter()
        .filter(|m| articles.binary_search(&m.article).is_ok())
        .map(|m| (d, m))
        .collect();
    if found.is_empty() {
        // The parse no longer matches (the file changed): keep the index's places,
        // on the real text's bounds.
        for (_, m) in &mut a.matches[from..to] {
            m.range.end = m.range.end.min(doc.text.len());
            m.range.start = m.range.start.min(m.range.end);
            while m.range.end > m.range.start && !doc.text.is_char_boundary(m.range.end) {
                m.range.end -= 1;
            }
        }
        return;
    }
    // Where each old match goes: the first new match of its article.
    let remap: Vec<usize> = a.matches[from..to]
        .iter()
        .map(|(_, m)| {
            from + found
                .iter()
                .position(|(_, f)| f.article == m.article)
                .unwrap_or(0)
        })
        .collect();
    let grew = found.len().cast_signed() - (to - from).cast_signed();
    let moved = |i: usize| -> usize {
        if i < from {
            i
        } else if i < to {
            remap[i - from]
        } else {
            i.saturating_add_signed(grew)
        }
    };
    a.matches.splice(from..to, found);
    a.current = a.current.map(moved);
    if let Some(list) = state.search.results.as_mut() {
        list.remap(moved, a.matches.len());
    }
}

/// The pages of the hits the results list shows now (they are parsed for their
/// context when pages are read on demand).
pub(in crate::state) fn listed_pages(state: &AppState) -> Vec<usize> {
    let (Some(list), Some(a)) = (&state.search.results, &state.search.active) else {
        return Vec::new();
    };
    let rows = usize::from(state.size.1);
    let shown = list.len(a.matches.len());
    (list.offset..shown.min(list.offset + rows))
        .filter_map(|pos| a.matches.get(list.match_at(pos)).map(|(d, _)| *d))
        .collect()
}

/// Matches the in-memory search found: on pages held as stubs (read on demand) they
/// are a stub's headline text, not the page's, and are dropped.
pub(in crate::state) fn from_memory(state: &mut AppState, mut batch: SearchBatch) -> Vec<Effect> {
    if state.on_demand() {
        let docs = &state.docs;
        batch
            .matches
            .retain(|(d, _)| docs.get(*d).is_some_and(|doc| !is_stub(doc)));
    }
    apply_batch(state, batch)
}

/// The parsed page a hit is on: its number, checked by name, else a page a little
/// before it (pages that failed to open shift the rest); `None` while not parsed.
fn doc_of(docs: &[Document], hit: &ArchiveHit) -> Option<usize> {
    let last = hit.page.min(docs.len().checked_sub(1)?);
    (last.saturating_sub(SKIP_WINDOW)..=last)
        .rev()
        .find(|&d| docs[d].source == hit.source)
}

/// The status line's note on the index: how many articles of the archive match, and
/// how many wait for their pages.
pub fn note(hits: &ArchiveHits) -> String {
    if !hits.answered {
        return i18n::archive_searching();
    }
    let mut note = if hits.exact {
        i18n::archive_total(&thousands(hits.total))
    } else {
        i18n::archive_total_at_most(&thousands(hits.total))
    };
    if hits.listed < hits.total {
        note.push_str(&i18n::archive_listed(&thousands(hits.listed)));
    }
    if !hits.pending.is_empty() {
        note.push_str(&i18n::archive_pending(hits.pending.len()));
    }
    note
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A search started before the index was ready (typed at once, or `--search`) on an
/// archive read on demand scanned only the pages parsed then: it runs again through
/// the index, still following the position it followed (a search whose view has moved
/// on does not move it again).
fn rerun_through_index(state: &mut AppState) -> Vec<Effect> {
    if !state.on_demand() {
        return Vec::new();
    }
    let Some(a) = state.search.active.as_ref().filter(|a| a.archive.is_none()) else {
        return Vec::new();
    };
    let (text, follow) = (a.text.clone(), a.follow.map(|f| f.origin));
    super::run::start(state, &text, follow)
}

/// The index's progress and readiness, from the worker that builds it.
pub(in crate::state) fn index_event(
    state: &mut AppState,
    action: crate::action::Action,
) -> Vec<Effect> {
    use crate::action::Action;
    match action {
        Action::IndexProgress { done, total } => {
            if state.search.index == IndexStatus::Off {
                state.search.index = IndexStatus::Building;
            }
            state.search.indexing = Some((done, total));
        }
        Action::IndexReady => {
            let was = state.search.index;
            state.search.index = IndexStatus::Ready;
            state.search.indexing = None;
            if was != IndexStatus::Ready {
                let mut effects = rerun_through_index(state);
                effects.push(Effect::Redraw);
                return effects;
            }
        }
        Action::IndexUnavailable(why) => {
            state.search.indexing = None;
            if state.search.index != IndexStatus::Ready {
                state.search.index = IndexStatus::Unavailable;
                state.message = Some(why);
            }
        }
        Action::ApplyArchiveResults(batch) => return apply(state, batch),
        _ => return Vec::new(),
    }
    redraw()
}

#[cfg(test)]
mod tests {
    use super::{ArchiveHits, note, thousands};

    #[test]
    fn a_count_that_is_a_bound_says_so() {
        let hits = |exact| ArchiveHits {
            answered: true,
            total: 374_307,
            listed: 2000,
            exact,
            ..ArchiveHits::default()
        };
        let counted = note(&hits(true));
        assert!(counted.starts_with("374,307 in the archive"), "{counted}");
        let bound = note(&hits(false));
        assert!(
            bound.starts_with("at most 374,307 in the archive, not all checked"),
            "{bound}"
        );
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1234), "1,234");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
