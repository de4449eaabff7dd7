//! ratatui widgets that draw the state; besides the terminal edge (`app.rs`, `tui.rs`)
//! the only module that imports ratatui.
//!
//! [`draw`] cuts the frame by [`AppState::geometry`] and renders one widget per part.
//! Each widget is a struct holding exactly what it draws, built from the state by a
//! `from_state` constructor, so drawing never changes state and widgets can be tested
//! alone. Document text passes through [`sanitize`] before it reaches a cell.

pub mod article_view;
pub mod bookmarks;
pub mod help;
pub mod keywords;
pub mod photos;
pub mod results;
pub mod search_bar;
pub mod section_list;
pub mod status_bar;
pub mod text_row;
pub mod theme;

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::state::{AppState, Area};

pub use article_view::ArticleView;
pub use help::HelpOverlay;
pub use results::ResultsOverlay;
pub use search_bar::SearchBar;
pub use section_list::SectionList;
pub use status_bar::StatusBar;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, state: &AppState) {
    let screen = frame.area();
    let g = state.geometry();
    let rect = |a: Area| screen.intersection(Rect::new(a.x, a.y, a.width, a.height));
    if g.too_small {
        frame.render_widget(TooSmall, screen);
        return;
    }
    frame.render_widget(ArticleView::from_state(state), rect(g.text));
    photos::PhotoRows::from_state(state).draw(state, rect(g.text), frame.buffer_mut());
    if let Some(list) = g.list {
        let area = rect(list);
        if g.list_overlay {
            frame.render_widget(Clear, area);
        }
        frame.render_widget(SectionList::from_state(state), area);
    }
    if let Some(bar) = SearchBar::from_state(state) {
        let area = rect(g.status);
        frame.set_cursor_position(bar.cursor(area));
        frame.render_widget(bar, area);
    } else {
        frame.render_widget(StatusBar::from_state(state), rect(g.status));
    }
    if let Some(results) = ResultsOverlay::from_state(state) {
        let body = Rect::new(0, 0, screen.width, screen.height.saturating_sub(1));
        let area = screen.intersection(body);
        clear_wide_edge(frame.buffer_mut(), area);
        frame.render_widget(results, area);
    }
    if let Some(list) = keywords::KeywordList::from_state(state) {
        frame.render_widget(list, rect(g.pane));
    }
    if let Some(list) = bookmarks::BookmarkList::from_state(state) {
        frame.render_widget(list, rect(g.pane));
    }
    if let Some(scroll) = state.help {
        frame.render_widget(HelpOverlay::new(scroll), screen);
    }
}

/// Draws an empty bordered box of (at most) `width` × `height` centred in `area`, over
/// whatever is there, and returns its inside: the frame of every pop-up.
pub fn centred_box(area: Rect, buf: &mut Buffer, (width, height): (u16, u16), title: &str) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Clear.render(rect, buf);
    clear_wide_edge(buf, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(title);
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// Blanks a wide character cut in half by the left edge of an overlay at `rect`;
/// otherwise the terminal would draw it over the overlay's border.
pub fn clear_wide_edge(buf: &mut Buffer, rect: Rect) {
    let rect = rect.intersection(buf.area);
    if rect.x == 0 {
        return;
    }
    for y in rect.top()..rect.bottom() {
        if let Some(cell) = buf.cell_mut((rect.x - 1, y))
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// The notice drawn instead of the reader on a screen too small to read.
#[derive(Debug, Clone, Copy)]
pub struct TooSmall;

impl Widget for TooSmall {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let message = if area.width >= 10 {
            crate::i18n::TOO_SMALL.get()
        } else {
            "…"
        };
        buf.set_stringn(
            area.x,
            area.y,
            message,
            usize::from(area.width),
            theme::border(),
        );
    }
}

/// Document text made safe for a terminal cell: the layout's own display form (tabs
/// expanded as the layout measured them, other control characters shown as Control
/// Pictures), so no escape sequence from a document ever reaches the terminal.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let shown = crate::layout::width::display(text);
    if !SIMPLIFIED.with(std::cell::Cell::get) {
        return shown;
    }
    // One for one, three bytes each side (`analysis::script`): widths, and the byte
    // ranges highlights were cut at, stay as they are.
    let script = crate::analysis::script::to_simplified;
    if shown.chars().any(|c| script(c).is_some()) {
        Cow::Owned(shown.chars().map(|c| script(c).unwrap_or(c)).collect())
    } else {
        shown
    }
}

thread_local! {
    /// `--simplified`: every piece of page text drawn goes through [`sanitize`], so the
    /// pane, the section list, the results and the status line all show it.
    static SIMPLIFIED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Shows traditional characters as simplified ones in what this thread draws
/// (`--simplified`); the documents keep their characters.
pub fn set_simplified(on: bool) {
    SIMPLIFIED.with(|s| s.set(on));
}

/// `text` cut to `width` columns, with an ellipsis when something was cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_a_cell() {
        let s = sanitize("a\u{1b}[2Jb\u{9b}c\td");
        assert!(!s.chars().any(char::is_control));
        assert!(s.starts_with("a\u{241B}[2Jb\u{FFFD}c "));
        assert!(matches!(sanitize("平城区"), Cow::Borrowed(_)));
    }

    #[test]
    fn fit_cuts_wide_text_with_an_ellipsis() {
        assert_eq!(fit("平城区全力打造", 7), "平城区…");
        assert_eq!(fit("平城", 4), "平城");
        assert!(fit("平城区", 1).width() <= 1);
    }
}
