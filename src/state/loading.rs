//! Documents that arrive while the reader is open (a large archive loading in the
//! background, see `crate::loader`).
//!
//! New pages only ever go at the end of the reading stream: units and list entries
//! are appended, so the reading position, the list selection and the layout cache
//! keep meaning what they meant, and a user reading page 1 is not moved.

use std::sync::Arc;

use crate::action::Action;
use crate::document::Document;

use super::sections::{self, EntryKind, ExtendFrom};
use super::{AppState, Effect};

/// How far the background load has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadStatus {
    /// Pages opened or skipped so far.
    pub done: usize,
    /// Pages in all.
    pub total: usize,
}

/// A jump asked for before the pages it needs had arrived, finished as they do.
///
/// `G` while an archive loads means the end of the archive, not of the pages loaded so
/// far; `100P` (or `--page 100`) on page 40 of a load means page 100 once it is in.
/// Any other key the user presses drops it: they have moved on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterLoad {
    /// Go on to the end as pages arrive, and once more when the load is over.
    End,
    /// Go to page `page` (1-based) when it arrives, and then to its article `article`
    /// (1-based) if one was asked for (`--page P --article N`).
    Page { page: usize, article: Option<usize> },
}

/// True for the actions a background load sends (handled by [`apply`]).
pub fn is_load_action(action: &Action) -> bool {
    matches!(
        action,
        Action::PagesLoaded(_) | Action::LoadProgress { .. } | Action::LoadFinished { .. }
    )
}

/// Applies a load action; leaves messages, counts and focus alone.
pub fn apply(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::PagesLoaded(docs) => state.grow(docs),
        Action::LoadProgress { done, total } => {
            state.loading = Some(LoadStatus { done, total });
        }
        Action::LoadFinished { skipped } => {
            state.loading = None;
            // The lists grew batch by batch (each doubling its room): a large
            // archive's would keep up to half again as much room unused.
            state.list.entries.shrink_to_fit();
            state.reader.shrink_to_fit();
            state.pages = state.docs.len();
            if let Some(first) = skipped.first() {
                state.message = Some(crate::i18n::skipped_pages(skipped.len(), first));
            }
        }
        _ => return Vec::new(),
    }
    state.settle();
    // A remembered position on a page that was still loading.
    super::memory::try_resume(state);
    vec![Effect::Redraw]
}

impl AppState {
    /// The documents loaded so far, in order. A background load only ever appends, so
    /// indices (`Highlight::doc`, `Unit::doc`) stay valid as pages arrive; a worker
    /// holding an older `Arc` of [`AppState::docs`] sees a prefix of these (its own
    /// copy, made when the load appended while it held them).
    pub fn docs(&self) -> &[Document] {
        &self.docs
    }

    /// Takes `fresh`, the pages that come after the current documents, and lists
    /// their articles.
    ///
    /// The shared slice is rebuilt around them: when nobody else holds it (the usual
    /// case) the documents already here are moved, not copied, so the heap holds each
    /// page once; only while a worker holds the old slice (a search in memory running)
    /// are they cloned, and the worker's copy goes when it finishes.
    pub fn grow(&mut self, fresh: Vec<Document>) {
        if fresh.is_empty() {
            return;
        }
        let docs: Arc<[Document]> = match Arc::get_mut(&mut self.docs) {
            Some(own) => own.iter_mut().map(std::mem::take).chain(fresh).collect(),
            None => self.docs.iter().cloned().chain(fresh).collect(),
        };
        self.docs = docs;
        let from = ExtendFrom {
            unit: self.reader.units.len(),
            last_doc: self.list.entries.iter().rev().find_map(|e| match e.kind() {
                EntryKind::Page { doc } => Some(doc),
                EntryKind::Article { unit } | EntryKind::Subhead { unit, .. } => {
                    self.reader.units.get(unit).map(|u| u.doc)
                }
            }),
            pages: self.pages > 1,
        };
        self.reader.extend(&self.docs);
        sections::extend(
            &mut self.list.entries,
            &self.docs,
            &self.reader.units,
            &from,
        );
        if let Some(status) = &mut self.loading {
            status.done = status.done.max(self.docs.len());
        }
        self.pages = self.pages.max(self.docs.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::LayoutOptions;

    fn page(name: &str) -> Document {
        crate::document::parse(name, "## 标题\n\n甲乙丙。\n")
    }

    fn names(docs: &[Document]) -> Vec<&str> {
        docs.iter().map(|d| d.source.as_str()).collect()
    }

    #[test]
    fn pages_are_appended_in_order_and_listed() {
        let mut state = AppState::opening(vec![page("a")], 4, LayoutOptions::default(), (80, 24));
        state.grow(vec![page("b")]);
        state.grow(Vec::new());
        state.grow(vec![page("c"), page("d")]);
        assert_eq!(names(state.docs()), ["a", "b", "c", "d"]);
        assert_eq!(state.reader.units.len(), 4);
        let pages = state
            .list
            .entries
            .iter()
            .filter(|e| matches!(e.kind(), EntryKind::Page { .. }))
            .count();
        assert_eq!(pages, 4);
        // Nobody else held the list: it is the reader's alone, each page in it once.
        assert_eq!(Arc::strong_count(&state.docs), 1);
    }

    #[test]
    fn a_worker_holding_the_pages_keeps_its_own_copy() {
        let mut state = AppState::opening(vec![page("a")], 3, LayoutOptions::default(), (80, 24));
        let held = Arc::clone(&state.docs);
        state.grow(vec![page("b"), page("c")]);
        assert_eq!(names(&held), ["a"], "the worker's pages are untouched");
        assert_eq!(names(state.docs()), ["a", "b", "c"]);
        assert_eq!(state.docs[0], held[0]);
    }
}
