//! Running a search: here for a small corpus, in the background for a large one or a
//! whole-word query, and again for pages that arrive after it started. Batches of the
//! newest generation are taken in; the first one holding a match at or after the
//! position the search follows moves the view there.
//!
//! The searching itself lives in [`crate::analysis::search`] (the synchronous search in
//! its `batch` module, the background thread in its `runner`); this module decides which
//! one runs and what the reader does with the answer.

use crate::analysis::search::batch::{SearchBatch, search_documents};
use crate::analysis::search::{MatchMode, Query};
use crate::state::reader::Pos;
use crate::state::{AppState, Effect};

use super::navigate::{first_at_or_after, show_match};
use super::{ActiveSearch, ArchiveHits, Follow, IndexStatus, redraw};

/// Starts searching for `text` in the current mode. With `follow`, the view goes to
/// the first match at or after that position once it is known.
pub(super) fn start(state: &mut AppState, text: &str, follow: Option<Pos>) -> Vec<Effect> {
    state.search.generation += 1;
    let generation = state.search.generation;
    let query = Query::parse(text, state.search.mode)
        .with_script_folding(state.search.script_folding)
        .with_default_dates(state.search.dates);
    if query.is_empty() {
        state.search.active = None;
        if let Some(origin) = follow {
            state.reader.jump(&state.docs, origin);
        }
        return redraw();
    }
    let follow = follow.map(|origin| Follow { origin });
    // The index answers both modes: whole words are checked with jieba on its side.
    let via_index = state.search.index == IndexStatus::Ready;
    state.search.active = Some(ActiveSearch {
        text: text.to_string(),
        query: query.clone(),
        generation,
        matches: Vec::new(),
        articles: 0,
        done: false,
        // The index covers every page: none is left for `extend_to_new_pages`.
        searched: if via_index {
            usize::MAX
        } else {
            state.docs.len()
        },
        first_doc: 0,
        current: None,
        archive: via_index.then(ArchiveHits::default),
        follow,
    });
    if via_index {
        return vec![Effect::Redraw, Effect::RunIndexSearch];
    }
    dispatch(state, generation, &query, 0)
}

/// Runs a search of the documents from `from` on: here when they are small (substring
/// mode), else in the background.
pub(super) fn dispatch(
    state: &mut AppState,
    generation: u64,
    query: &Query,
    from: usize,
) -> Vec<Effect> {
    let total: usize = state.docs.iter().skip(from).map(|d| d.text.len()).sum();
    if query.mode() == MatchMode::WholeWord || total > state.search.sync_limit {
        return vec![Effect::Redraw, Effect::RunSearch];
    }
    let matches = search_documents(&mut state.search.indexes, &state.docs, query, from);
    apply_batch(
        state,
        SearchBatch {
            generation,
            matches,
            done: true,
        },
    )
}

/// Searches the pages loaded since the active search started and adds their matches
/// (they come after all others in reading order); the current match stays. While the
/// search is still running this waits: its completion calls here again.
pub fn extend_to_new_pages(state: &mut AppState) -> Vec<Effect> {
    let loaded = state.docs.len();
    if !state
        .search
        .active
        .as_ref()
        .is_some_and(|a| a.done && a.searched < loaded)
    {
        return Vec::new();
    }
    state.search.generation += 1;
    let generation = state.search.generation;
    let Some(a) = state.search.active.as_mut() else {
        return Vec::new();
    };
    a.generation = generation;
    a.done = false;
    a.first_doc = a.searched;
    a.searched = loaded;
    let (query, from) = (a.query.clone(), a.first_doc);
    dispatch(state, generation, &query, from)
}

/// Takes in matches of the newest search; stale batches change nothing. A completed
/// search goes on to pages loaded meanwhile.
pub(in crate::state) fn apply_batch(state: &mut AppState, batch: SearchBatch) -> Vec<Effect> {
    let done = batch.done;
    let mut effects = take_batch(state, batch);
    super::results::matches_grew(state);
    if done {
        effects.extend(extend_to_new_pages(state));
    }
    effects
}

fn take_batch(state: &mut AppState, batch: SearchBatch) -> Vec<Effect> {
    let Some(a) = state.search.active.as_mut() else {
        return Vec::new();
    };
    if a.generation != batch.generation || a.done {
        return Vec::new();
    }
    let first_new = a.matches.len();
    // Matches come sorted by article: count the articles as runs (a run may continue
    // the previous batch's last one).
    let mut last = a.matches.last().map(|(d, m)| (*d, m.article));
    for (d, m) in &batch.matches {
        if last != Some((*d, m.article)) {
            a.articles += 1;
            last = Some((*d, m.article));
        }
    }
    if a.matches.is_empty() {
        a.matches = batch.matches;
    } else {
        a.matches.extend(batch.matches);
    }
    a.done = batch.done;
    let Some(follow) = a.follow else {
        return redraw();
    };
    let done = a.done;
    let any = !a.matches.is_empty();
    let found = first_at_or_after(state, follow.origin, first_new);
    let pick = match found {
        Some(i) => Some(i),
        // Nothing after the origin: wrap to the first match, as vim's incsearch does.
        None if done && any => Some(0),
        None if done => None,
        None => return redraw(),
    };
    if let Some(a) = state.search.active.as_mut() {
        a.follow = None;
        a.current = pick;
    }
    state.reader.jump(&state.docs, follow.origin);
    if let Some(i) = pick {
        show_match(state, i);
    }
    redraw()
}
