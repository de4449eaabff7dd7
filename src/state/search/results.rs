//! The results overlay's state: hits grouped by article, which is selected, which is
//! at the top, and the filter typed over them.
//!
//! Hits are listed as ripgrep lists them by file: the article's headline once, then a
//! line of context per hit. While the overlay is open it takes the reader's own
//! movement keys (j/k, pages, g/G, the wheel), so there is nothing new to learn; `/`
//! types a filter that keeps the hits whose headline, page or context contains it;
//! Enter jumps to the selected hit and Esc closes the filter, then the overlay. Only
//! the rows on screen are ever built (`ui/results.rs`) and the grouping is found by
//! looking at neighbours, so a list of 100,000 hits opens as fast as one of ten.
//!
//! When pages carry dates (file names, furniture: `analysis::dates`), a date heading
//! row (`2020年5月6日 · 第2版`) goes above the first group of each page day, found
//! the same way from neighbours. Headings are rows, not positions: the selection moves
//! over hits only, so it skips them, and a filter keeps the heading of whatever group
//! it keeps. Pages without a date get no heading and the list looks as it did.

use crate::action::Action;
use crate::analysis::dates::doc_day;
use crate::analysis::search::context;
use crate::state::{AppState, Effect};

use super::LineEditor;
use super::navigate::go_to;
use super::redraw;

/// Characters of context either side of a hit that the filter looks at.
const FILTER_CONTEXT: usize = 24;

/// The open results list. Positions count the hits shown: all of them, or those the
/// filter keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResultsList {
    /// The selected hit (a position in the list shown).
    pub selected: usize,
    /// The first hit shown.
    pub offset: usize,
    /// The filter typed after `/`.
    pub filter: LineEditor,
    /// The filter line takes the keys (after `/`, until Enter or Esc).
    pub filtering: bool,
    /// Indices of the matches the filter keeps; `None` when there is no filter.
    kept: Option<Vec<usize>>,
}

impl ResultsList {
    /// Hits shown, out of `total` matches.
    pub fn len(&self, total: usize) -> usize {
        self.kept.as_ref().map_or(total, Vec::len)
    }

    /// The match (index into the active search's matches) at position `pos`.
    pub fn match_at(&self, pos: usize) -> usize {
        self.kept
            .as_ref()
            .map_or(pos, |k| k.get(pos).copied().unwrap_or(usize::MAX))
    }

    /// The matches were renumbered (`moved` gives each old index its new one; there
    /// are `total` now): the selection stays on its hit. A filter keeps the matches it
    /// kept; the new ones a page brought are not filtered until the filter changes.
    pub(super) fn remap(&mut self, moved: impl Fn(usize) -> usize, total: usize) {
        if let Some(kept) = &mut self.kept {
            for i in kept.iter_mut() {
                *i = moved(*i);
            }
            kept.dedup();
        } else {
            let offset_delta = self.selected.saturating_sub(self.offset);
            self.selected = moved(self.selected).min(total.saturating_sub(1));
            self.offset = self.selected.saturating_sub(offset_delta);
        }
    }
}

/// Rows the overlay has for headlines and hits (inside its border, above the status
/// line, less the filter line when one shows).
pub fn results_capacity(state: &AppState) -> usize {
    let body = state.size.1.saturating_sub(1);
    let filter = state
        .search
        .results
        .as_ref()
        .is_some_and(|r| r.filtering || !r.filter.text().is_empty());
    usize::from(body.saturating_sub(2 + u16::from(filter))).max(2)
}

/// The article a match belongs to: hits of one article share a headline row.
fn group(state: &AppState, index: usize) -> Option<(usize, usize)> {
    let (doc, m) = state.search.active.as_ref()?.matches.get(index)?;
    Some((*doc, m.article))
}

/// A page's day: its date and edition, `None` for an undated page.
pub type Day = Option<(u32, Option<u32>)>;

/// The date heading above position `pos` when `top` is the first position shown:
/// `Some(day)` at the top of the list shown if the hit's page is dated, and wherever the
/// day changes from the hit above (`Some(None)`, "undated", after a dated page). The
/// day is read only when the page changes, so a screen costs a few look-ups.
pub fn date_heading(state: &AppState, list: &ResultsList, pos: usize, top: usize) -> Option<Day> {
    let docs = &state.search.active.as_ref()?.matches;
    let doc_of = |p: usize| docs.get(list.match_at(p)).map(|(d, _)| *d);
    let doc = doc_of(pos)?;
    let day = |d: usize| state.docs.get(d).and_then(doc_day);
    if pos == top {
        return day(doc).map(Some);
    }
    let above = doc_of(pos - 1)?;
    if above == doc {
        return None;
    }
    let (here, there) = (day(doc), day(above));
    (here != there && (here.is_some() || there.is_some())).then_some(here)
}

/// Rows that positions `from..=to` take, headline and date rows included: one for the
/// first hit's article, one more each time the article changes, one per date heading,
/// one per hit.
pub fn rows_between(state: &AppState, list: &ResultsList, from: usize, to: usize) -> usize {
    let mut rows = 1;
    for pos in from..=to {
        rows += 1;
        if pos > from && group(state, list.match_at(pos)) != group(state, list.match_at(pos - 1)) {
            rows += 1;
        }
        if date_heading(state, list, pos, from).is_some() {
            rows += 1;
        }
    }
    rows
}

fn match_count(state: &AppState) -> usize {
    state.search.active.as_ref().map_or(0, |a| a.matches.len())
}

/// Opens the list on the current match.
pub(super) fn open(state: &mut AppState) -> Vec<Effect> {
    let Some(a) = &state.search.active else {
        state.message = Some(crate::i18n::NO_SEARCH.get().into());
        return redraw();
    };
    if a.matches.is_empty() {
        state.message = state.search.status();
        return redraw();
    }
    let selected = a.current.unwrap_or(0);
    state.search.results = Some(ResultsList::default());
    select(state, selected);
    redraw()
}

/// Moves the selection to `pos` (clamped) and scrolls as little as shows it.
fn select(state: &mut AppState, pos: usize) {
    let capacity = results_capacity(state);
    let total = match_count(state);
    let Some(list) = state.search.results.clone() else {
        return;
    };
    let last = list.len(total).saturating_sub(1);
    let selected = pos.min(last);
    let mut offset = list.offset.min(selected);
    if rows_between(state, &list, offset, selected) > capacity {
        // Walk back from the selection while the rows still fit: at most one screen.
        offset = selected;
        while offset > list.offset && rows_between(state, &list, offset - 1, selected) <= capacity {
            offset -= 1;
        }
    }
    if let Some(r) = state.search.results.as_mut() {
        r.selected = selected;
        r.offset = offset;
    }
}

/// Keeps the matches whose headline, page name or context contains the filter (case
/// folded), and selects the first of them.
fn refilter(state: &mut AppState) {
    let Some(list) = state.search.results.as_ref() else {
        return;
    };
    let needle = list.filter.text().trim().to_lowercase();
    let kept = (!needle.is_empty()).then(|| {
        let Some(active) = state.search.active.as_ref() else {
            return Vec::new();
        };
        active
            .matches
            .iter()
            .enumerate()
            .filter(|(_, (d, m))| {
                let Some(doc) = state.docs.get(*d) else {
                    return false;
                };
                let headline = doc
                    .articles
                    .get(m.article)
                    .and_then(|a| doc.field(a.title.as_ref()))
                    .unwrap_or("");
                let s = context(doc, m, FILTER_CONTEXT);
                [headline, doc.short_name(), &s.before, &s.hit, &s.after]
                    .concat()
                    .to_lowercase()
                    .contains(&needle)
            })
            .map(|(i, _)| i)
            .collect()
    });
    if let Some(r) = state.search.results.as_mut() {
        r.kept = kept;
        r.selected = 0;
        r.offset = 0;
    }
}

/// New matches arrived while the list is open: a filter applies to them too.
pub(super) fn matches_grew(state: &mut AppState) {
    let filtered = state
        .search
        .results
        .as_ref()
        .is_some_and(|r| r.kept.is_some());
    if filtered {
        let selected = state.search.results.as_ref().map_or(0, |r| r.selected);
        refilter(state);
        select(state, selected);
    }
}

/// Keys while the filter line is open: editing keys change the filter, ↑/↓ move,
/// Enter opens the selected hit, Esc drops the filter.
fn filter_key(state: &mut AppState, action: &Action) -> Option<Vec<Effect>> {
    let selected = state.search.results.as_ref()?.selected;
    let edit = |state: &mut AppState, f: &dyn Fn(&mut LineEditor)| {
        if let Some(r) = state.search.results.as_mut() {
            f(&mut r.filter);
        }
        refilter(state);
        Some(redraw())
    };
    match action {
        Action::InsertSearchText(s) => edit(state, &|e| e.insert(s)),
        Action::DeleteSearchCharBack => edit(state, &LineEditor::backspace),
        Action::DeleteSearchCharForward => edit(state, &LineEditor::delete),
        Action::DeleteSearchWordBack => edit(state, &LineEditor::delete_word_back),
        Action::DeleteSearchToStart => edit(state, &LineEditor::delete_to_start),
        Action::MoveSearchCursorLeft => edit(state, &LineEditor::move_left),
        Action::MoveSearchCursorRight => edit(state, &LineEditor::move_right),
        Action::MoveSearchCursorStart => edit(state, &LineEditor::move_start),
        Action::MoveSearchCursorEnd => edit(state, &LineEditor::move_end),
        Action::RecallOlderSearch => {
            select(state, selected.saturating_sub(1));
            Some(redraw())
        }
        Action::RecallNewerSearch => {
            select(state, selected.saturating_add(1));
            Some(redraw())
        }
        Action::ConfirmSearch => Some(open_selected(state)),
        Action::CancelSearch => {
            if let Some(r) = state.search.results.as_mut() {
                r.filtering = false;
                r.filter = LineEditor::default();
            }
            refilter(state);
            select(state, 0);
            Some(redraw())
        }
        Action::Quit
        | Action::SuspendProcess
        | Action::RedrawScreen
        | Action::ResizeScreen { .. }
        | Action::ShowMessage(_)
        | Action::ApplySearchResults(_) => None,
        _ => Some(Vec::new()),
    }
}

/// Closes the overlay and shows the selected hit.
fn open_selected(state: &mut AppState) -> Vec<Effect> {
    let Some(list) = state.search.results.take() else {
        return Vec::new();
    };
    if list.len(match_count(state)) == 0 {
        state.message = Some(crate::i18n::NO_HIT_PASSES.get().into());
        return redraw();
    }
    go_to(state, list.match_at(list.selected));
    redraw()
}

/// Keys while the overlay is open; `None` lets the reader handle the action.
pub(super) fn handle(
    state: &mut AppState,
    action: &Action,
    count: Option<usize>,
) -> Option<Vec<Effect>> {
    let list = state.search.results.as_ref()?;
    if list.filtering {
        return filter_key(state, action);
    }
    let selected = list.selected;
    let n = count.unwrap_or(1).max(1);
    let page = results_capacity(state);
    let half = (page / 2).max(1);
    let target = match action {
        Action::MoveDown | Action::JumpToNextMatch => selected.saturating_add(n),
        Action::MoveUp | Action::JumpToPrevMatch => selected.saturating_sub(n),
        Action::ScrollPageDown => selected.saturating_add(page * n),
        Action::ScrollPageUp => selected.saturating_sub(page * n),
        Action::ScrollHalfPageDown => selected.saturating_add(half * n),
        Action::ScrollHalfPageUp => selected.saturating_sub(half * n),
        Action::JumpToStart => count.map_or(0, |c| c.saturating_sub(1)),
        Action::JumpToEnd => count.map_or(usize::MAX, |c| c.saturating_sub(1)),
        Action::ScrollAt { down: true, .. } => selected.saturating_add(3),
        Action::ScrollAt { down: false, .. } => selected.saturating_sub(3),
        Action::OpenSelection | Action::ConfirmSearch => return Some(open_selected(state)),
        Action::OpenSearchPrompt => {
            if let Some(r) = state.search.results.as_mut() {
                r.filtering = true;
            }
            return Some(redraw());
        }
        Action::CloseOrCancel if list.kept.is_some() => {
            if let Some(r) = state.search.results.as_mut() {
                r.filter = LineEditor::default();
            }
            refilter(state);
            select(state, 0);
            return Some(redraw());
        }
        Action::CloseOrCancel | Action::OpenSearchResults => {
            state.search.results = None;
            return Some(redraw());
        }
        Action::Quit
        | Action::SuspendProcess
        | Action::RedrawScreen
        | Action::ResizeScreen { .. }
        | Action::ShowMessage(_)
        | Action::ApplySearchResults(_) => return None,
        // Everything else would move the reader hidden under the overlay.
        _ => return Some(Vec::new()),
    };
    select(state, target);
    Some(redraw())
}
