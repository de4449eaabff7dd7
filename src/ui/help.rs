//! The `?` overlay: the key bindings, generated from the keymap table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::keymap;

use super::{fit, theme};

/// The help box: one line per binding, scrolled by `scroll` lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpOverlay {
    pub lines: Vec<(String, &'static str)>,
    /// A separate block after the bindings: highlight samples drawn in their styles.
    pub legend: Vec<(String, String, ratatui::style::Style)>,
    pub scroll: u16,
}

impl HelpOverlay {
    /// The help for the current keymap.
    pub fn new(scroll: u16) -> Self {
        Self {
            lines: keymap::help_lines(),
            legend: super::keywords::legend(),
            scroll,
        }
    }
}

impl HelpOverlay {
    /// Rows the help has (bindings, a blank row, the legend): the state needs it so
    /// that `G` and paging stop at the last row.
    pub fn row_count(&self) -> usize {
        self.lines.len()
            + if self.legend.is_empty() {
                0
            } else {
                1 + self.legend.len()
            }
    }

    fn rows(&self) -> Vec<(String, ratatui::style::Style, String)> {
        // The legend follows the bindings after a blank row, each sample in its style.
        let bold = theme::reading();
        let plain = ratatui::style::Style::default();
        self.lines
            .iter()
            .map(|(k, h)| (k.clone(), bold, (*h).to_string()))
            .chain((!self.legend.is_empty()).then(|| (String::new(), plain, String::new())))
            .chain(
                self.legend
                    .iter()
                    .map(|(k, h, s)| (k.clone(), *s, h.clone())),
            )
            .collect()
    }
}

impl Widget for HelpOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let rows = self.rows();
        let keys_width = rows.iter().map(|(k, _, _)| k.width()).max().unwrap_or(0);
        let text_width = rows.iter().map(|(_, _, h)| h.width()).max().unwrap_or(0);
        let want_w = (keys_width + text_width + 5) as u16;
        let want_h = rows.len() as u16 + 2;
        let inner = super::centred_box(area, buf, (want_w, want_h), crate::i18n::HELP_TITLE.get());
        let max_scroll = rows.len().saturating_sub(usize::from(inner.height));
        let scroll = usize::from(self.scroll).min(max_scroll);
        more_signs(buf, inner, scroll > 0, scroll < max_scroll);
        for (y, (keys, style, help)) in (inner.top()..inner.bottom()).zip(rows.iter().skip(scroll))
        {
            let w = usize::from(inner.width);
            buf.set_stringn(inner.x + 1, y, fit(keys, w.saturating_sub(1)), w, *style);
            let x = inner.x + 2 + keys_width as u16;
            if x < inner.right() {
                let rest = usize::from(inner.right() - x);
                buf.set_stringn(
                    x,
                    y,
                    fit(help, rest),
                    rest,
                    ratatui::style::Style::default(),
                );
            }
        }
    }
}

/// Marks on the box's border when rows lie above or below what is shown, as a pager's
/// "more" does: `↑ more` on the top border's right end, `↓ more` on the bottom's.
pub fn more_signs(buf: &mut Buffer, inner: Rect, above: bool, below: bool) {
    let sign = crate::i18n::MORE_BELOW.get();
    let w = sign.width() as u16;
    if inner.width < w + 2 {
        return;
    }
    let x = inner.right().saturating_sub(w + 1);
    if below && inner.bottom() < buf.area.bottom() {
        buf.set_stringn(x, inner.bottom(), sign, usize::from(w), theme::border());
    }
    if above && inner.y > buf.area.y {
        let up = crate::i18n::MORE_ABOVE.get();
        buf.set_stringn(x, inner.y - 1, up, usize::from(w), theme::border());
    }
}
