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

use crate::layout::VisualLine;
use crate::state::{AppState, HighlightKind};

use super::{sanitize, theme};

/// One row of the pane.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextRow {
    /// Blank columns before the text.
    pub indent: u16,
    /// Drawn at the start of the indent (a list bullet).
    pub marker: Option<String>,
    /// The text in pieces of one style each.
    pub pieces: Vec<(String, Style)>,
}

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
                "(no articles in this document)".to_string()
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
                row(text, line, &highlights)
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

/// Builds one row: the line's text cut at highlight edges.
pub fn row(text: &str, line: &VisualLine, highlights: &[(Range<usize>, Style)]) -> TextRow {
    let base = theme::role(line.role);
    let range = line.range.clone();
    let mut cuts = vec![range.start, range.end];
    for (h, _) in highlights {
        cuts.extend([h.start, h.end].into_iter().filter(|c| range.contains(c)));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let pieces = cuts
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (*w.first()?, *w.get(1)?);
            let piece = text.get(a..b)?;
            let style = highlights
                .iter()
                .filter(|(h, _)| h.start <= a && b <= h.end)
                .fold(base, |s, (_, hs)| s.patch(*hs));
            Some((sanitize(piece).into_owned(), style))
        })
        .collect();
    TextRow {
        indent: line.indent,
        marker: line.marker.map(|m| sanitize(m).into_owned()),
        pieces,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::LineRole;
    use ratatui::style::Modifier;

    fn line(range: Range<usize>) -> VisualLine {
        VisualLine {
            role: LineRole::Paragraph,
            article: 0,
            block: Some(0),
            range,
            indent: 0,
            marker: None,
            width: 0,
        }
    }

    #[test]
    fn highlights_cut_a_line_into_styled_pieces_without_losing_text() {
        let text = "平城区全力打造";
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let row = row(text, &line(3..18), &[(6..12, bold)]);
        let joined: String = row.pieces.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(joined, "城区全力打");
        assert_eq!(row.pieces.len(), 3);
        assert_eq!(row.pieces[1].0, "区全");
        assert!(row.pieces[1].1.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn a_highlight_off_a_char_boundary_loses_nothing() {
        let text = "平城区";
        let row = row(text, &line(0..9), &[(1..4, Style::default())]);
        let joined: String = row.pieces.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(joined, text);
    }
}
