//! The search prompt (and the `:` command line), drawn in place of the status line
//! while `/` (or `:`) is open.
//!
//! The terminal's own cursor is put where the next character goes
//! ([`SearchBar::cursor`]): input methods place their candidate window at the real
//! cursor, so typing Chinese shows the candidates beside the query, not in a corner.
//! A query wider than the line scrolls so the cursor stays in view, by whole
//! graphemes, never cutting a 字 in half.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::analysis::search::MatchMode;
use crate::i18n;
use crate::state::AppState;

use super::{fit, sanitize, theme};

/// The prompt line: `/query` on the left, mode and count on the right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchBar {
    /// What the line opened with: `/` for a search, `:` for a command.
    pub lead: &'static str,
    /// The query as typed (control characters never get this far).
    pub text: String,
    /// The cursor, a byte offset into `text` on a grapheme boundary.
    pub cursor: usize,
    /// Mode and count, e.g. `[substring] match 1/24 · 4 articles`.
    pub right: String,
}

/// What one line of the prompt shows at a given width.
struct Shown {
    text: String,
    /// Columns from the start of the text to the cursor.
    cursor_col: u16,
    right: String,
}

impl SearchBar {
    /// The prompt of `state`, if it is open.
    pub fn from_state(state: &AppState) -> Option<Self> {
        if let Some(line) = &state.command {
            return Some(Self {
                lead: ":",
                text: sanitize(line.editor.text()).into_owned(),
                cursor: line.editor.cursor(),
                right: i18n::COMMAND_USAGE.get().to_string(),
            });
        }
        let p = state.search.prompt.as_ref()?;
        let words = match state.search.mode {
            MatchMode::Substring => i18n::SEARCH_SUBSTRING.get(),
            MatchMode::WholeWord => i18n::SEARCH_WHOLE_WORD.get(),
        };
        // Folding is the default, so only its absence is spelled out.
        let mode = if state.search.script_folding {
            words.to_string()
        } else {
            format!("[繁≠简 · ^O] {words}")
        };
        let right = match state.search.status_while(state.loading.is_some()) {
            Some(status) if !p.editor.text().trim().is_empty() => format!("{status} {mode}"),
            _ => mode,
        };
        Some(Self {
            lead: "/",
            text: sanitize(p.editor.text()).into_owned(),
            cursor: p.editor.cursor(),
            right,
        })
    }

    /// Cuts the line for `width` columns: the right part gives way to the query.
    fn shown(&self, width: u16) -> Shown {
        let width = usize::from(width);
        // Keep at least a third of the line (and 8 columns) for the query.
        let room_for_right = width.saturating_sub((width / 3).max(8) + 2);
        let right = if self.right.width() <= room_for_right {
            self.right.clone()
        } else {
            String::new()
        };
        let avail = width.saturating_sub(1 + right.width() + usize::from(!right.is_empty()));
        let before = self.text.get(..self.cursor).unwrap_or(&self.text);
        // Drop graphemes from the front until the cursor fits (one column kept for it).
        let mut start = 0;
        let mut before_w = before.width();
        let mut graphemes = before.grapheme_indices(true);
        while before_w + 1 > avail {
            let Some((_, g)) = graphemes.next() else {
                break;
            };
            start += g.len();
            before_w -= g.width();
        }
        let mut text = String::new();
        let mut used = 0;
        for g in self.text.get(start..).unwrap_or("").graphemes(true) {
            if used + g.width() > avail {
                break;
            }
            used += g.width();
            text.push_str(g);
        }
        Shown {
            text,
            cursor_col: before_w as u16,
            right,
        }
    }

    /// Where the terminal cursor goes when the bar is drawn in `area`.
    pub fn cursor(&self, area: Rect) -> Position {
        let shown = self.shown(area.width);
        let x = area
            .x
            .saturating_add(1)
            .saturating_add(shown.cursor_col)
            .min(area.right().saturating_sub(1));
        Position { x, y: area.y }
    }
}

impl Widget for SearchBar {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.height == 0 || area.width == 0 {
            return;
        }
        buf.set_style(area, theme::prompt());
        let shown = self.shown(area.width);
        let width = usize::from(area.width);
        buf.set_stringn(area.x, area.y, self.lead, width, theme::prompt());
        buf.set_stringn(
            area.x.saturating_add(1),
            area.y,
            &shown.text,
            width.saturating_sub(1),
            theme::prompt(),
        );
        if !shown.right.is_empty() {
            let right = fit(&shown.right, width);
            let x = area.right().saturating_sub(right.width() as u16);
            buf.set_stringn(x, area.y, &right, width, theme::prompt_info());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(text: &str, cursor: usize) -> SearchBar {
        SearchBar {
            lead: "/",
            text: text.into(),
            cursor,
            right: "[substring]".into(),
        }
    }

    #[test]
    fn the_cursor_sits_after_the_wide_characters_before_it() {
        let b = bar("人口普查", "人口".len());
        let area = Rect::new(0, 9, 40, 1);
        assert_eq!(b.cursor(area), Position { x: 5, y: 9 });
        let mut buf = Buffer::empty(area);
        b.render(area, &mut buf);
        assert_eq!(buf[(0, 9)].symbol(), "/");
        assert_eq!(buf[(1, 9)].symbol(), "人");
        assert_eq!(buf[(7, 9)].symbol(), "查");
    }

    #[test]
    fn a_long_query_scrolls_to_keep_the_cursor_in_view() {
        let text = "人口普查".repeat(10);
        let b = bar(&text, text.len());
        let area = Rect::new(0, 0, 20, 1);
        let shown = b.shown(20);
        assert!(shown.text.width() + 1 < 20);
        assert!(shown.text.ends_with('查'));
        assert!(b.cursor(area).x < 20);
        let at_start = bar(&text, 0).shown(20);
        assert!(at_start.text.starts_with("人口普查"));
        assert_eq!(at_start.cursor_col, 0);
    }
}
