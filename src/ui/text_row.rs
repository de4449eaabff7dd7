//! One row of text as the panes draw it: an indent, a marker, and the text cut into
//! pieces of one style each.
//!
//! The article pane builds its rows here from visual lines and highlights; the keyword
//! header is drawn over the same rows, so both speak this one type.

use std::ops::Range;

use ratatui::style::Style;

use crate::layout::VisualLine;

use super::{sanitize, theme};

/// One row of the article pane.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextRow {
    /// Blank columns before the text.
    pub indent: u16,
    /// Drawn at the start of the indent (a list bullet).
    pub marker: Option<String>,
    /// The text in pieces of one style each.
    pub pieces: Vec<(String, Style)>,
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
