//! The marks list (`M`): each mark's letter, its article's headline and the text
//! there; Enter jumps to the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::state::AppState;
use crate::state::memory::{MarkRow, mark_rows};

use super::{fit, sanitize, theme};

/// The open list: rows and the selected one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookmarkList {
    pub rows: Vec<MarkRow>,
    pub selected: usize,
}

impl BookmarkList {
    /// The list, if open.
    pub fn from_state(state: &AppState) -> Option<Self> {
        let selected = state.memory.list?;
        Some(Self {
            rows: mark_rows(state),
            selected,
        })
    }
}

impl Widget for BookmarkList {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let title = crate::i18n::MARKS_TITLE.get();
        let height = (self.rows.len() as u16).saturating_add(2).min(area.height);
        let width = area.width.saturating_sub(4).min(90);
        if width < 10 || height < 3 {
            return;
        }
        let inner = super::centred_box(area, buf, (width, height), title);
        let w = usize::from(inner.width);
        let skip = (self.selected + 1).saturating_sub(usize::from(inner.height));
        for (i, (y, row)) in (inner.top()..inner.bottom())
            .zip(self.rows.iter().skip(skip))
            .enumerate()
        {
            let selected = i + skip == self.selected;
            let base = if selected {
                theme::selected()
            } else {
                Style::default()
            };
            if selected {
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
            }
            let head = format!(" {}  {} ", row.letter, sanitize(&row.headline));
            let (x, _) =
                buf.set_stringn(inner.x, y, fit(&head, w), w, base.patch(theme::reading()));
            let left = w.saturating_sub(usize::from(x - inner.x));
            let context = format!("· {}", sanitize(&row.context));
            buf.set_stringn(
                x,
                y,
                fit(&context, left),
                left,
                base.patch(theme::entry_dim()),
            );
        }
    }
}
