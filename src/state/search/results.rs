//! The results overlay's state: which match is selected and which is at the top.
//!
//! While the overlay is open it takes the reader's own movement keys (j/k, pages,
//! g/G, the wheel), so there is nothing new to learn; Enter jumps to the selected
//! match and Esc closes it. Only the rows on screen are ever built (`ui/results.rs`),
//! so a list of 100,000 matches opens as fast as one of ten.

use crate::action::Action;
use crate::state::{AppState, Effect};

use super::navigate::go_to;
use super::redraw;

/// The open results list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ResultsList {
    /// The selected match (index into the active search's matches).
    pub selected: usize,
    /// The first match shown.
    pub offset: usize,
}

/// Rows the overlay takes per match: the headline, then the context line.
pub const ROWS_PER_MATCH: u16 = 2;

/// How many matches the overlay shows at once (inside its border, above the status).
pub fn results_capacity(state: &AppState) -> usize {
    let body = state.size.1.saturating_sub(1);
    usize::from(body.saturating_sub(2) / ROWS_PER_MATCH).max(1)
}

fn match_count(state: &AppState) -> usize {
    state.search.active.as_ref().map_or(0, |a| a.matches.len())
}

/// Opens the list on the current match.
pub(super) fn open(state: &mut AppState) -> Vec<Effect> {
    let Some(a) = &state.search.active else {
        state.message = Some("no search yet: press / to search".into());
        return redraw();
    };
    if a.matches.is_empty() {
        state.message = state.search.status();
        return redraw();
    }
    let selected = a.current.unwrap_or(0);
    state.search.results = Some(ResultsList {
        selected,
        offset: 0,
    });
    select(state, selected);
    redraw()
}

/// Moves the selection to `index` (clamped) and scrolls to show it.
fn select(state: &mut AppState, index: usize) {
    let last = match_count(state).saturating_sub(1);
    let capacity = results_capacity(state);
    let Some(r) = state.search.results.as_mut() else {
        return;
    };
    r.selected = index.min(last);
    if r.selected < r.offset {
        r.offset = r.selected;
    } else if r.selected >= r.offset + capacity {
        r.offset = r.selected + 1 - capacity;
    }
    r.offset = r.offset.min(last);
}

/// Keys while the overlay is open; `None` lets the reader handle the action.
pub(super) fn handle(
    state: &mut AppState,
    action: &Action,
    count: Option<usize>,
) -> Option<Vec<Effect>> {
    let selected = state.search.results?.selected;
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
        Action::OpenSelection | Action::ConfirmSearch => {
            state.search.results = None;
            go_to(state, selected);
            return Some(redraw());
        }
        Action::CloseOrCancel | Action::OpenSearchResults => {
            state.search.results = None;
            return Some(redraw());
        }
        Action::OpenSearchPrompt => {
            state.search.results = None;
            return None;
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
