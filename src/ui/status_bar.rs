//! The status line: which article of how many, how far through, which page, and a
//! slot for messages (search results, background work).

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::i18n;
use crate::state::AppState;

use super::{fit, sanitize, theme};

/// The status line's texts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatusBar {
    /// Document, article i/N, position.
    pub left: String,
    /// A message, the pending count, or the key hint.
    pub right: String,
}

impl StatusBar {
    /// The status of `state`.
    pub fn from_state(state: &AppState) -> Self {
        // The article named is the one filling most of the pane, numbered within its
        // page: the number `NG` and the list use too.
        let pages = state.pages.max(state.docs.len());
        let unit = state.shown_unit();
        let doc = unit.map_or(0, |u| u.doc);
        let name = state.docs.get(doc).map_or(String::new(), |d| {
            format!("{} · {}", i18n::page_name(d.short_name()), d.encoding)
        });
        let mut left = String::from(" ");
        if let Some(unit) = unit {
            let n = state.docs.get(doc).map_or(0, |d| d.articles.len());
            left.push_str(&i18n::status_article((unit.article + 1).min(n), n));
        }
        if pages > 1 {
            left.push_str(&i18n::status_page(doc + 1, pages));
        }
        // Position first: on a narrow screen the name is what gets cut.
        let percent = i18n::status_percent(state.percent, pages > 1);
        let _ = write!(left, "{percent} │ {}", sanitize(&name));
        // With the list hidden, nothing else says which article this is.
        let list_shown = state.geometry().list.is_some();
        if !list_shown && let Some(headline) = unit.and_then(|u| headline(state, u)) {
            let _ = write!(left, " │ {}", sanitize(&headline.replace('\n', " ")));
        }
        let search = state.search.status_while(state.loading.is_some());
        let right = if let Some(message) = &state.message {
            match search {
                Some(s) if !message.contains(&s) => {
                    sanitize(&format!("{message} · {s}")).into_owned()
                }
                _ => sanitize(message).into_owned(),
            }
        } else if let Some(s) = search {
            sanitize(&s).into_owned()
        } else if let Some(count) = state.count {
            count.to_string()
        } else if let Some(progress) = progress(state) {
            progress
        } else if let Some(warning) = current_warning(state) {
            format!("⚠ {}", sanitize(&i18n::warning(warning)))
        } else if state.size.0 < crate::state::geometry::NARROW_BELOW {
            i18n::HELP_HINT.get().to_string()
        } else {
            i18n::HELP_QUIT_HINT.get().to_string()
        };
        Self { left, right }
    }
}

/// The background work under way: pages loading, the archive's index being built.
fn progress(state: &AppState) -> Option<String> {
    let load = state
        .loading
        .map(|load| i18n::loading(load.done, load.total));
    let index = state.search.indexing.map(|(done, total)| {
        let n = crate::state::search::thousands;
        i18n::indexing(&n(done), &n(total))
    });
    match (load, index) {
        (Some(l), Some(i)) => Some(format!("{l} · {i}")),
        (l, i) => l.or(i),
    }
}

/// The headline of `unit` (or its opening words).
fn headline(state: &AppState, unit: crate::state::Unit) -> Option<String> {
    let d = state.docs.get(unit.doc)?;
    let a = d.articles.get(unit.article)?;
    Some(
        d.field(a.title.as_ref())
            .map_or_else(|| d.article_label(unit.article), str::to_string),
    )
}

/// The first warning of the page being read (undecodable bytes, control characters
/// shown as symbols, an empty file), so a damaged page never looks like a clean one.
fn current_warning(state: &AppState) -> Option<&str> {
    let doc = match state.current_unit() {
        Some(unit) => state.docs.get(unit.doc),
        None => state.docs.first(),
    }?;
    doc.warnings.first().map(String::as_str)
}

impl Widget for StatusBar {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.height == 0 {
            return;
        }
        buf.set_style(area, theme::status());
        let width = usize::from(area.width);
        // A long message or warning may take half the line, but never the name.
        let right = fit(
            &self.right,
            (width / 2).max(14).min(width.saturating_sub(1)),
        );
        let right_width = right.width() + 1;
        let left = fit(&self.left, width.saturating_sub(right_width + 1));
        buf.set_stringn(area.x, area.y, &left, width, theme::status());
        let x = area.right().saturating_sub(right_width as u16);
        buf.set_stringn(x, area.y, &right, right_width, theme::status());
    }
}
