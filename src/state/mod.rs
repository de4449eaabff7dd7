//! Application state and the one [`update`] that changes it.
//!
//! The Elm architecture (GUIDE habits 2–4): [`AppState`] is everything the screen shows,
//! [`update`] is the only mutator, and it returns [`Effect`]s (redraw, quit, suspend)
//! for `app.rs` to carry out instead of touching the terminal itself. Nothing here
//! imports ratatui or crossterm, so tests drive it with plain keys.

pub mod clipboard;
pub mod command;
pub mod demand;
pub mod geometry;
pub mod keywords;
pub mod loading;
pub mod memory;
pub mod pages;
pub mod parts;
pub mod photos;
pub mod reader;
pub mod search;
pub mod sections;
mod update;

use std::ops::Range;
use std::sync::Arc;

pub use geometry::{Area, Geometry};
pub use loading::{AfterLoad, LoadStatus};
pub use reader::{Pos, Reader, Unit};
pub use sections::{Entry, EntryKind};
pub use update::update;

use crate::document::{BlockKind, Document};
use crate::layout::LayoutOptions;

/// Work `update` asks the event loop to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The state changed: draw it.
    Redraw,
    /// Forget what is on the terminal and draw everything.
    ClearScreen,
    /// Leave the reader.
    Quit,
    /// Restore the terminal and stop the process until `fg`.
    Suspend,
    /// Start the background search [`search::SearchState::pending_request`] describes.
    RunSearch,
    /// Ask the archive's index what [`search::SearchState::pending_index_request`]
    /// describes.
    RunIndexSearch,
    /// Hand [`AppState::clipboard`] to the terminal's clipboard (OSC 52).
    CopyToClipboard,
    /// Save the reading position and marks now (a mark was set).
    SaveMemory,
}

/// Which pane the keys move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Pane,
}

/// Which key table applies ([`AppState::key_mode`]); the keymap holds the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyMode {
    /// Reading: the keymap's main table.
    #[default]
    Normal,
    /// Typing a search: the prompt's table; any other character is typed.
    SearchPrompt,
    /// After `m`: a letter names the mark to set.
    MarkLetter,
    /// After `'`: a letter (or `'`) names the mark to go back to.
    MarkJump,
}

/// What a highlight marks; the UI picks the style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HighlightKind {
    SearchMatch,
    CurrentMatch,
    Keyword,
    /// The keyword occurrence `w`/`W` moved to.
    CurrentKeyword,
    /// Names mode: a person (jieba `nr`).
    Person,
    /// Names mode: a place (jieba `ns`).
    Place,
    /// Names mode: an organisation (jieba `nt`).
    Organisation,
}

/// A byte range of one document's text to draw highlighted (search hits, keywords).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub doc: usize,
    pub range: Range<usize>,
    pub kind: HighlightKind,
}

/// The section list's own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListState {
    pub entries: Vec<Entry>,
    /// The entry under the cursor.
    pub selected: usize,
    /// The first entry drawn.
    pub offset: usize,
    /// The entry of the article (or subhead) being read.
    pub reading: Option<usize>,
    /// Shown beside the pane (wide screens).
    pub visible: bool,
    /// Columns it takes on wide screens, once the user resized it.
    pub width: Option<u16>,
    /// The wheel scrolled the list: leave its offset alone until the next other action.
    pub free_scroll: bool,
    /// The text room (columns) the entries' rows were measured for, and how many
    /// entries are measured: pages loaded later are measured as they arrive.
    pub measured: (usize, usize),
}

/// Everything the reader shows.
#[derive(Debug)]
pub struct AppState {
    /// The pages, shared (not copied) with background workers.
    pub docs: Arc<[Document]>,
    pub reader: Reader,
    pub list: ListState,
    pub focus: Focus,
    /// Terminal columns and rows.
    pub size: (u16, u16),
    /// The count typed before a command (`5` of `5j`).
    pub count: Option<usize>,
    /// The help overlay's scroll offset, when it is shown.
    pub help: Option<u16>,
    /// Rows the help overlay has (the UI knows; `app` tells), so `G` and paging in the
    /// help stop at its last row; 0 means not told (then up to 60 rows scroll).
    pub help_rows: usize,
    /// A `Z` was pressed: a second one quits (vim's `ZZ`).
    pub z_pending: bool,
    /// Text `y` asked to copy, until `app` sends it ([`Effect::CopyToClipboard`]).
    pub clipboard: Option<String>,
    /// A short message for the status line.
    pub message: Option<String>,
    /// Ranges to highlight in the article pane.
    pub highlights: Vec<Highlight>,
    /// Layout options besides the width (which follows the screen).
    pub layout: LayoutOptions,
    /// How far through the text the top line is (0–100), for the status line.
    pub percent: u16,
    /// The article (its first unit) whose text fills most of the pane: the one the
    /// status line names and `NG` counts from.
    pub shown: Option<usize>,
    /// Pages in all, including those a background load has not delivered yet.
    pub pages: usize,
    /// The background load's progress, while it runs.
    pub loading: Option<LoadStatus>,
    /// A jump waiting for pages the load has not delivered yet.
    pub after_load: Option<AfterLoad>,
    /// The `:` command line, while open.
    pub command: Option<command::CommandLine>,
    /// The search prompt, matches and results list.
    pub search: search::SearchState,
    /// Keywords and names from the analysis worker, and their highlight modes.
    pub keywords: keywords::KeywordsState,
    /// Marks, the place before the last jump, a pending resume.
    pub memory: memory::Memory,
    /// Photos asked for, decoded, or missing (off unless `app` turns them on).
    pub photos: photos::PhotoState,
    /// Pages parsed on demand (a large archive held as stubs), when `app` turned it on.
    pub demand: Option<demand::Demand>,
}

impl AppState {
    /// A reader on `docs` at the top, on a `width`×`height` screen.
    pub fn new(docs: Vec<Document>, layout: LayoutOptions, width: u16, height: u16) -> Self {
        let pages = docs.len();
        Self::opening(docs, pages, layout, (width, height))
    }

    /// A reader on the first `docs` of `pages` pages (the rest arrive as
    /// [`crate::action::Action::PagesLoaded`]), on a screen of `size` (columns, rows).
    pub fn opening(
        docs: Vec<Document>,
        pages: usize,
        layout: LayoutOptions,
        size: (u16, u16),
    ) -> Self {
        let docs: Arc<[Document]> = docs.into();
        let reader = Reader::new(&docs, layout);
        let mut entries = Vec::new();
        let pages = pages.max(docs.len());
        let from = sections::ExtendFrom::all(pages > 1);
        sections::extend(&mut entries, &docs, &reader.units, &from);
        let loading = (pages > docs.len()).then_some(LoadStatus {
            done: docs.len(),
            total: pages,
        });
        let mut state = Self {
            docs,
            reader,
            list: ListState {
                entries,
                selected: 0,
                offset: 0,
                reading: None,
                visible: true,
                width: None,
                free_scroll: false,
                measured: (0, 0),
            },
            focus: Focus::Pane,
            size,
            count: None,
            help: None,
            help_rows: 0,
            z_pending: false,
            clipboard: None,
            message: None,
            highlights: Vec::new(),
            layout,
            percent: 0,
            shown: None,
            pages,
            loading,
            after_load: None,
            command: None,
            search: search::SearchState::default(),
            keywords: keywords::KeywordsState::default(),
            memory: memory::Memory::default(),
            photos: photos::PhotoState::default(),
            demand: None,
        };
        state.settle();
        state
    }

    /// Draws photos from now on, fitted to cells of `cell` pixels (width, height).
    pub fn enable_photos(&mut self, cell: (u16, u16)) {
        self.photos = photos::PhotoState::on(cell);
        self.settle();
    }

    /// Where everything is on the screen now.
    pub fn geometry(&self) -> Geometry {
        geometry::compute(&geometry::GeometryInput {
            width: self.size.0,
            height: self.size.1,
            list_visible: self.list.visible,
            list_width: self.list.width,
            list_focused: self.focus == Focus::List,
        })
    }

    /// Rows of text the article pane shows.
    pub fn pane_height(&self) -> u16 {
        self.geometry().text.height
    }

    /// The unit (article) at the top of the pane.
    pub fn current_unit(&self) -> Option<Unit> {
        self.reader.units.get(self.reader.top.unit).copied()
    }

    /// The article the status line names (the one filling most of the pane) as its
    /// (document, article) unit; falls back to the top line's.
    pub fn shown_unit(&self) -> Option<Unit> {
        self.shown
            .and_then(|u| self.reader.units.get(u).copied())
            .or_else(|| self.current_unit())
    }

    /// The subhead block the top line is under, within the current article.
    pub fn current_subhead(&self) -> Option<usize> {
        let lines = self.reader.cached(self.reader.top.unit)?;
        let unit = self.current_unit()?;
        let article = self.docs.get(unit.doc)?.articles.get(unit.article)?;
        lines
            .get(..=self.reader.top.line)?
            .iter()
            .rev()
            .filter_map(|l| l.block)
            .find(|&b| {
                article
                    .blocks
                    .get(b)
                    .is_some_and(|b| b.kind == BlockKind::Subhead)
            })
    }

    /// Brings derived state up to date after a change: layout width, visible lines,
    /// the list's reading mark, selection and scroll.
    fn settle(&mut self) {
        let geometry = self.geometry();
        let opts = LayoutOptions {
            width: geometry.text.width.max(1),
            ..self.layout
        };
        let room = self.photos.room(opts.width, geometry.text.height);
        self.reader.set_photo_room(&self.docs, room);
        self.reader.relayout(&self.docs, opts);
        self.reader.prepare(&self.docs, geometry.text.height);
        self.percent = self.reader.percent(&self.docs, geometry.text.height);
        self.shown = self.reader.dominant_article(geometry.text.height);
        // The list marks the article the status line names (the one filling the pane),
        // and the subhead the top line is under when that is the same article.
        let top_article = self.reader.article_unit(self.reader.top.unit);
        let shown = self.shown.unwrap_or(top_article);
        let subhead = if shown == top_article {
            self.current_subhead()
        } else {
            None
        };
        self.list.reading = self
            .current_unit()
            .and_then(|_| sections::entry_of(&self.list.entries, shown, subhead));
        if self.focus == Focus::Pane
            && let Some(reading) = self.list.reading
        {
            self.list.selected = reading;
        }
        if let Some(list) = geometry.list {
            let room = sections::text_room(list.width, sections::number_digits(&self.docs));
            let from = if self.list.measured.0 == room {
                self.list.measured.1
            } else {
                0
            };
            if from < self.list.entries.len() {
                sections::measure(
                    &mut self.list.entries,
                    from,
                    &self.docs,
                    &self.reader.units,
                    room,
                    self.layout.fullwidth_punct,
                );
            }
            self.list.measured = (room, self.list.entries.len());
        }
        if self.list.free_scroll {
            return;
        }
        let list_height = geometry.list.map_or(geometry.pane.height, |l| l.height);
        self.list.offset = sections::scroll_with_context(
            &self.list.entries,
            self.list.offset,
            self.list.selected,
            list_height,
        );
    }
}

/// Parses the stub pages of `wanted` before a position is computed on them (see
/// [`demand::ensure`]) and places the search's waiting hits on them; true when any
/// page changed. The hall joins the two rooms so that neither imports the other.
pub(crate) fn ensure_pages(state: &mut AppState, wanted: &[usize]) -> bool {
    let fresh = demand::ensure(state, wanted);
    for &d in &fresh {
        search::page_parsed(state, d);
    }
    !fresh.is_empty()
}

/// After every update, pages on demand ([`demand::after`]) with the search's hooks.
pub(crate) fn after_update(state: &mut AppState) -> bool {
    demand::after(
        state,
        &demand::SearchHooks {
            listed_pages: search::listed_pages,
            page_parsed: search::page_parsed,
            refresh: search::refresh_highlights,
        },
    )
}
