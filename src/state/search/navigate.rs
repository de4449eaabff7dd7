//! Moving between matches: where a match is on screen, `n`/`N`, and the highlights
//! for the lines in view.
//!
//! A match is placed in the reading stream by its unit (one per article, so matches,
//! kept in article order, are in unit order too) and by the line it starts on, found
//! in its unit's layout at the current width: jumps land right at any width and after
//! any resize. Byte offsets cannot order positions inside a unit, because the page
//! furniture printed above a page's first article may come from anywhere in the text.

use crate::analysis::search::Match;
use crate::layout::LineRole;
use crate::state::reader::{Pos, Reader};
use crate::state::{AppState, Effect, Highlight, HighlightKind};

use super::redraw;

/// The unit a match is shown in: its article's, or the part of a very long article
/// that holds it. Matches, kept in reading order, are in unit order too.
fn unit_of(reader: &Reader, doc: usize, m: &Match) -> usize {
    reader
        .unit_at(doc, m.article, m.range.start)
        .unwrap_or(usize::MAX)
}

/// The line a match starts on.
pub(super) fn match_pos(state: &mut AppState, index: usize) -> Option<Pos> {
    let (doc, m) = state.search.active.as_ref()?.matches.get(index)?.clone();
    // The hit's line is one of its page's layout: parse the page if it is a stub.
    crate::state::ensure_pages(state, &[doc]);
    let unit = state.reader.unit_at(doc, m.article, m.range.start)?;
    let lines = state.reader.lines(&state.docs, unit);
    let line = lines
        .iter()
        .rposition(|l| {
            l.role != LineRole::Furniture && !l.range.is_empty() && l.range.start <= m.range.start
        })
        .unwrap_or(0);
    Some(Pos { unit, line })
}

/// The first match from index `from` on that starts at or after `pos`.
pub(super) fn first_at_or_after(state: &mut AppState, pos: Pos, from: usize) -> Option<usize> {
    let a = state.search.active.as_ref()?;
    let reader = &state.reader;
    let rest = a.matches.get(from..)?;
    let mut i = from + rest.partition_point(|(d, m)| unit_of(reader, *d, m) < pos.unit);
    let len = a.matches.len();
    // Within the unit itself, compare lines (few matches: one layout, cached).
    loop {
        let (d, m) = state.search.active.as_ref()?.matches.get(i)?;
        if unit_of(&state.reader, *d, m) != pos.unit {
            return (i < len).then_some(i);
        }
        if match_pos(state, i).is_some_and(|p| p >= pos) {
            return Some(i);
        }
        i += 1;
    }
}

/// Whether the line `pos` is on screen (not counting the last row, where a match
/// wrapped onto the next line would be cut).
pub(super) fn on_screen(state: &mut AppState, pos: Pos) -> bool {
    let height = usize::from(state.pane_height());
    let top = state.reader.top;
    let last = state
        .reader
        .advance(&state.docs, top, height.saturating_sub(2));
    top <= pos && pos <= last
}

/// Scrolls so match `index` is visible, a few lines below the top; does not move
/// when it is already on screen.
pub(super) fn show_match(state: &mut AppState, index: usize) {
    let Some(target) = match_pos(state, index) else {
        return;
    };
    if on_screen(state, target) {
        return;
    }
    let height = state.pane_height();
    let above = usize::from(height / 4).min(3);
    // Not above the match's own article: its headline is better context than the
    // tail of the previous one (and the list then marks the right article).
    let own_start = Pos {
        unit: target.unit,
        line: 0,
    };
    state
        .reader
        .reveal(&state.docs, target, above, own_start, height);
}

/// `n`/`N`: `count` matches on from the current one if it is on screen, else from the
/// top of the screen; wraps around the ends with a notice.
pub(super) fn step(state: &mut AppState, count: usize, forward: bool) -> Vec<Effect> {
    let Some((len, current)) = state
        .search
        .active
        .as_ref()
        .map(|a| (a.matches.len(), a.current))
    else {
        state.message = Some(crate::i18n::NO_SEARCH.get().into());
        return redraw();
    };
    if len == 0 {
        state.message = state.search.status();
        return redraw();
    }
    let visible = match current.filter(|&c| c < len) {
        Some(c) => match match_pos(state, c) {
            Some(p) if on_screen(state, p) => Some(c),
            _ => None,
        },
        None => None,
    };
    let count = count.min(len) as isize;
    let target = match visible {
        Some(c) if forward => c as isize + count,
        Some(c) => c as isize - count,
        None => {
            let top = state.reader.top;
            let first = first_at_or_after(state, top, 0).unwrap_or(len) as isize;
            if forward {
                first + count - 1
            } else {
                first - count
            }
        }
    };
    let wrapped = if target >= len as isize {
        Some(crate::i18n::WRAPPED_TOP.get())
    } else if target < 0 {
        Some(crate::i18n::WRAPPED_BOTTOM.get())
    } else {
        None
    };
    let index = target.rem_euclid(len as isize) as usize;
    if let Some(a) = state.search.active.as_mut() {
        a.current = Some(index);
        a.follow = None;
    }
    show_match(state, index);
    state.message = wrapped.map(str::to_string);
    redraw()
}

/// Puts the search highlights for what is on screen into `state.highlights`, leaving
/// other kinds (keywords) alone. Runs after every update.
pub(in crate::state) fn refresh_highlights(state: &mut AppState) {
    state.highlights.retain(|h| {
        !matches!(
            h.kind,
            HighlightKind::SearchMatch | HighlightKind::CurrentMatch
        )
    });
    let Some(a) = &state.search.active else {
        return;
    };
    if a.matches.is_empty() {
        return;
    }
    let height = state.pane_height();
    let (lo, hi) = {
        let visible = state.reader.visible(height);
        let (Some(first), Some(last)) = (visible.first(), visible.last()) else {
            return;
        };
        ((first.0, first.1.article), (last.0, last.1.article))
    };
    let start = a.matches.partition_point(|(d, m)| (*d, m.article) < lo);
    let end = a.matches.partition_point(|(d, m)| (*d, m.article) <= hi);
    for (i, (doc, m)) in a.matches.iter().enumerate().take(end).skip(start) {
        let kind = if a.current == Some(i) {
            HighlightKind::CurrentMatch
        } else {
            HighlightKind::SearchMatch
        };
        state.highlights.push(Highlight {
            doc: *doc,
            range: m.range.clone(),
            kind,
        });
    }
}

/// Jumps to match `index` (from the results list) and makes it current.
pub(super) fn go_to(state: &mut AppState, index: usize) {
    if let Some(a) = state.search.active.as_mut() {
        a.current = Some(index);
        a.follow = None;
    }
    show_match(state, index);
}
