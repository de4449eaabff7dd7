//! The article pane: visual lines drawn as indent, marker and text, never re-wrapped.
//!
//! The layout layer already broke the lines with Chinese rules; this widget only places
//! them. Highlights (search hits, keywords) are byte ranges in document text: a line's
//! text is cut at their edges and each piece gets the line's style patched with the
//! highlight's.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::state::{AppState, HighlightKind};

use super::text_row::{TextRow, row};
use super::theme;

/// The article pane: the rows it shows, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleView {
    pub rows: Vec<TextRow>,
}

impl ArticleView {
    /// The rows visible at the state's reading position.
    pub fn from_state(state: &AppState) -> Self {
        if state
            .docs
            .iter()
            .all(|d| d.articles.is_empty() && d.furniture.is_empty())
        {
            let empty = state.docs.iter().all(crate::input::is_empty_page);
            let note = if empty {
                format!("({})", crate::input::EMPTY_PAGE_WARNING)
            } else {
                crate::i18n::NO_ARTICLES.get().to_string()
            };
            return Self {
                rows: vec![TextRow {
                    pieces: vec![(note, theme::role(crate::layout::LineRole::Furniture))],
                    ..TextRow::default()
                }],
            };
        }
        let text_area = state.geometry().text;
        // An article's keyword highlights are built once for all its lines on screen.
        let mut keywords: Option<((usize, usize), Vec<crate::state::Highlight>)> = None;
        let mut rows = state
            .reader
            .visible(text_area.height)
            .into_iter()
            .map(|(doc, line)| {
                let key = (doc, line.article);
                if keywords.as_ref().is_none_or(|(k, _)| *k != key) {
                    keywords = Some((key, state.keywords.highlights(doc, line.article)));
                }
                let keywords = keywords.as_ref().map_or(&[][..], |(_, h)| h.as_slice());
                let mut on_line: Vec<&crate::state::Highlight> = keywords
                    .iter()
                    .chain(&state.highlights)
                    .filter(|h| h.doc == doc && h.range.start < line.range.end)
                    .filter(|h| h.range.end > line.range.start)
                    .collect();
                // Search hits are patched over keywords, the current match over all.
                on_line.sort_by_key(|h| search_rank(h.kind));
                let highlights: Vec<(Range<usize>, Style)> = on_line
                    .into_iter()
                    .map(|h| (h.range.clone(), theme::highlight(h.kind)))
                    .collect();
                let text = state.docs.get(doc).map_or("", |d| d.text.as_str());
                row(text, line, &highlights, state.layout.fullwidth_punct)
            })
            .collect::<Vec<_>>();
        super::keywords::overlay_header(state, &mut rows, text_area.width);
        Self { rows }
    }
}

/// Drawing order of highlight kinds: later ones win where they overlap.
fn search_rank(kind: HighlightKind) -> u8 {
    // Not a match: other helpers' kinds (keywords, names) all rank below search.
    if kind == HighlightKind::CurrentMatch {
        2
    } else {
        u8::from(kind == HighlightKind::SearchMatch)
    }
}

impl Widget for ArticleView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        for (y, row) in (area.top()..area.bottom()).zip(self.rows) {
            let right = area.right();
            if let Some(marker) = &row.marker {
                buf.set_stringn(area.x, y, marker, usize::from(area.width), Style::default());
            }
            let mut x = area.x.saturating_add(row.indent);
            for (piece, style) in &row.pieces {
                if x >= right {
                    break;
                }
                let (next, _) = buf.set_stringn(x, y, piece, usize::from(right - x), *style);
                x = next;
            }
        }
    }
}
