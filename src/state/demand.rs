//! Pages on demand: a large archive is held as stubs, and the pages near the reading
//! position are parsed when they are needed and turned back into stubs when far.
//!
//! A parsed page takes about 1.3 times its file, so 50,000 pages parsed would not fit
//! in a laptop's memory. The loader hands the reader *stubs* instead
//! ([`crate::document::stub`]): each page's section-list entries without its body. The
//! reader keeps every page's stub (the section list, `NG`, page jumps and the index's
//! hits work over the whole archive), and parses a page again when
//!
//! - it comes into view, or is next to the pages in view (ahead of the reader, so
//!   scrolling on never lays out a stub), see [`after`];
//! - a jump is about to compute a position on it (the end, an article's head, a
//!   subhead, a search hit, a mark): a position (unit, line) is a line of the page's
//!   layout, and a stub's layout is not its page's, so each jump asks for its target
//!   with [`ensure`] before it computes the move.
//!
//! Parsed pages are kept within a byte budget ([`BUDGET`]): past it the least recently
//! used pages that are not in view are turned back into stubs. Parsing is
//! deterministic, so byte ranges kept elsewhere (search matches, highlights, marks)
//! mean the same once a page is parsed again.
//!
//! The page is parsed *now*, on the UI thread, by the opener `app` hands over (the
//! state does no I/O of its own): a page of a daily is parsed in a few milliseconds,
//! and a jump computed on the real page needs no second step once the page arrives.
//!
//! # Limitations
//! A page whose parse no longer gives the articles its stub has (its file changed since
//! the archive was opened) stays a stub: its text is not shown until the next opening.

use std::collections::HashSet;
use std::sync::Arc;

use crate::document::Document;
use crate::document::stub::{is_stub, stub, weight};

use super::AppState;
use super::pages::PageBudget;
use super::reader::Pos;

/// Parses page number `doc` of the archive again, given the name its stub carries;
/// `None` when it cannot be read any more.
pub type Opener = Arc<dyn Fn(usize, &str) -> Option<Document> + Send + Sync>;

/// Bytes of parsed pages the reader keeps (a few hundred pages of a daily).
pub const BUDGET: usize = 16 << 20;

/// Pages beyond those in view kept parsed in the direction the reader last moved.
const AHEAD: usize = 2;

/// The reader's side of pages on demand: how to parse a page, and which are parsed.
pub struct Demand {
    open: Opener,
    budget: PageBudget,
    /// Pages asked for since the last [`after`]: kept even past the budget until then.
    asked: Vec<usize>,
    /// Pages that could not be parsed again: not tried twice.
    failed: HashSet<usize>,
    /// The reading position at the last [`after`], for the direction of movement.
    last_top: Pos,
}

impl std::fmt::Debug for Demand {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Demand")
            .field("budget", &self.budget)
            .field("failed", &self.failed)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Reads the pages that are stubs on demand from now on, parsing them with `open`
    /// and keeping up to `budget` bytes of parsed pages.
    pub fn read_on_demand(&mut self, open: Opener, budget: usize) {
        let mut demand = Demand {
            open,
            budget: PageBudget::new(budget),
            asked: Vec::new(),
            failed: HashSet::new(),
            last_top: self.reader.top,
        };
        for (d, doc) in self.docs.iter().enumerate() {
            if !is_stub(doc) {
                demand.budget.touch(d, weight(doc));
            }
        }
        self.demand = Some(demand);
        super::after_update(self);
    }

    /// Whether pages are read on demand (see [`crate::state::demand`]).
    pub fn on_demand(&self) -> bool {
        self.demand.is_some()
    }

    /// How many pages are parsed now (the others are stubs).
    pub fn parsed_pages(&self) -> usize {
        self.docs.iter().filter(|d| !is_stub(d)).count()
    }
}

/// Parses the pages of `wanted` that are stubs now, before a position is computed on
/// them; returns the pages that changed. Without pages on demand it does nothing.
/// The search's hits on those pages are placed by the caller
/// ([`crate::state::ensure_pages`]): this module parses, the search asks for pages,
/// and neither imports the other.
pub fn ensure(state: &mut AppState, wanted: &[usize]) -> Vec<usize> {
    let Some(demand) = state.demand.as_mut() else {
        return Vec::new();
    };
    let mut fresh = Vec::new();
    for &d in wanted {
        let Some(doc) = state.docs.get(d) else {
            continue;
        };
        demand.asked.push(d);
        if !is_stub(doc) {
            if demand.budget.is_parsed(d) {
                demand.budget.touch(d, weight(doc));
            }
            continue;
        }
        if demand.failed.contains(&d) || fresh.iter().any(|(f, _)| *f == d) {
            continue;
        }
        match (demand.open)(d, &doc.source) {
            Some(parsed) if parsed.articles.len().max(1) == doc.articles.len().max(1) => {
                demand.budget.touch(d, weight(&parsed));
                fresh.push((d, parsed));
            }
            _ => {
                demand.failed.insert(d);
            }
        }
    }
    if fresh.is_empty() {
        return Vec::new();
    }
    // Where the top line is in its page's blocks, to find it again on the real page.
    let top = state.reader.top;
    let top_doc = state.reader.units.get(top.unit).map(|u| u.doc);
    let anchor = top_doc
        .filter(|d| fresh.iter().any(|(f, _)| f == d))
        .and_then(|_| {
            let lines = state.reader.lines(&state.docs, top.unit);
            let line = lines.get(top.line)?;
            let key = (line.block, line.role);
            let first = lines.iter().position(|l| (l.block, l.role) == key)?;
            Some((key, top.line - first))
        });
    let changed: Vec<usize> = fresh.iter().map(|(d, _)| *d).collect();
    for (d, parsed) in fresh {
        put(state, d, parsed);
    }
    if let Some((key, offset)) = anchor {
        // The same line of the same block (a subhead, the headline) on the real page.
        let lines = state.reader.lines(&state.docs, top.unit);
        let line = lines
            .iter()
            .position(|l| (l.block, l.role) == key)
            .map_or(0, |first| first + offset);
        state.reader.top.line = line.min(lines.len().saturating_sub(1));
    }
    changed
}

/// Puts `doc` in slot `d` of the shared pages and drops the layouts made from the old.
fn put(state: &mut AppState, d: usize, doc: Document) {
    if Arc::get_mut(&mut state.docs).is_none() {
        // A worker still holds the pages (a search in memory): it keeps its own list.
        state.docs = state.docs.iter().cloned().collect();
    }
    if let Some(slot) = Arc::get_mut(&mut state.docs).and_then(|docs| docs.get_mut(d)) {
        *slot = doc;
    }
    state.reader.forget_doc(d);
}

/// The pages in view, one on each side, [`AHEAD`] more in the direction of movement,
/// the first and last page (the end of the stream is measured on every move), and the
/// pages of the hits the results list shows.
fn window(state: &mut AppState, last_top: Pos, listed: &[usize]) -> Vec<usize> {
    let pages = state.docs.len();
    if pages == 0 {
        return Vec::new();
    }
    let height = usize::from(state.pane_height());
    let top = state.reader.top;
    let bottom = state.reader.advance(&state.docs, top, height);
    let doc_of = |unit: usize, reader: &super::Reader| reader.units.get(unit).map(|u| u.doc);
    let first = doc_of(top.unit, &state.reader).unwrap_or(0);
    let last = doc_of(bottom.unit, &state.reader).unwrap_or(first);
    let (before, after) = match top.cmp(&last_top) {
        std::cmp::Ordering::Less => (1 + AHEAD, 1),
        std::cmp::Ordering::Greater => (1, 1 + AHEAD),
        std::cmp::Ordering::Equal => (1, 1),
    };
    let mut out: Vec<usize> =
        (first.saturating_sub(before)..=(last + after).min(pages - 1)).collect();
    out.push(0);
    out.push(pages - 1);
    out.extend_from_slice(listed);
    out.sort_unstable();
    out.dedup();
    out
}

/// What the search does around pages on demand, handed in by the caller so that this
/// module does not import the search (which asks it for pages).
pub struct SearchHooks {
    /// The pages of the hits the results list shows (kept parsed).
    pub listed_pages: fn(&AppState) -> Vec<usize>,
    /// Places the search's waiting hits on a page that was just parsed.
    pub page_parsed: fn(&mut AppState, usize),
    /// Recomputes the highlights once pages changed.
    pub refresh: fn(&mut AppState),
}

/// After every update: parses the pages in view and around (again while that moved
/// the view), then turns the least recently used pages out of view back into stubs.
/// True when the pages in view changed (the screen must be drawn again).
pub fn after(state: &mut AppState, hooks: &SearchHooks) -> bool {
    let Some(last_top) = state.demand.as_ref().map(|d| d.last_top) else {
        return false;
    };
    let mut changed = false;
    let mut pinned = Vec::new();
    // The update's own settle scrolled the list from where it was; settling again
    // here must not scroll it on while the selection stays (a jump to a page may start
    // the list at the page's header, which a second settle would leave for the
    // entries above it), or the list would not be where a parsed reader has it.
    let list = (state.list.selected, state.list.offset);
    // A stub is shorter than its page: the view computed on stubs covers more pages
    // than the one on parsed pages, so a few rounds settle it.
    for _ in 0..4 {
        let listed = (hooks.listed_pages)(state);
        pinned = window(state, last_top, &listed);
        let fresh = ensure(state, &pinned);
        if fresh.is_empty() {
            break;
        }
        for d in fresh {
            (hooks.page_parsed)(state, d);
        }
        changed = true;
        state.settle();
    }
    if changed && state.list.selected == list.0 {
        state.list.offset = list.1;
    }
    let Some(demand) = state.demand.as_mut() else {
        return changed;
    };
    demand.last_top = state.reader.top;
    pinned.append(&mut demand.asked);
    pinned.sort_unstable();
    pinned.dedup();
    let out = demand.budget.evict(|d| pinned.binary_search(&d).is_ok());
    for d in out {
        if let Some(doc) = state.docs.get(d).map(stub) {
            put(state, d, doc);
        }
    }
    if changed {
        (hooks.refresh)(state);
    }
    changed
}
