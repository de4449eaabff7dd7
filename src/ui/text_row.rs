//! One row of text as the panes draw it: an indent, a marker, and the text cut into
//! pieces of one style each.
//!
//! The article pane builds its rows here from visual lines and highlights; the keyword
//! header is drawn over the same rows, so both speak this one type.

use std::ops::Range;

use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use crate::layout::{SegmentKind, VisualLine};

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

/// Builds one row: the line's text cut at highlight edges. With `fullwidth`, OCR's
/// half-width punctuation in Chinese text is drawn full-width (`layout::punct`): the
/// cuts stay at the text's own byte offsets, only the drawn characters change.
pub fn row(
    text: &str,
    line: &VisualLine,
    highlights: &[(Range<usize>, Style)],
    fullwidth: bool,
) -> TextRow {
    let base = theme::role(line.role);
    if !line.segments.is_empty() {
        return table_row(text, line, highlights, base, fullwidth);
    }
    TextRow {
        indent: line.indent,
        marker: line.marker.map(|m| sanitize(m).into_owned()),
        pieces: pieces(text, line.range.clone(), highlights, base, fullwidth),
    }
}

/// A table line: each segment padded out to its column, cells cut at highlights,
/// header cells bold, rules in the rule style.
fn table_row(
    text: &str,
    line: &VisualLine,
    highlights: &[(Range<usize>, Style)],
    base: Style,
    fullwidth: bool,
) -> TextRow {
    let mut out: Vec<(String, Style)> = Vec::new();
    let mut at = 0usize;
    for segment in &line.segments {
        let column = usize::from(segment.column);
        if column > at {
            out.push((" ".repeat(column - at), Style::default()));
            at = column;
        }
        let drawn = match &segment.kind {
            SegmentKind::Text { range, header } => {
                let style = if *header {
                    theme::table_header(base)
                } else {
                    base
                };
                pieces(text, range.clone(), highlights, style, fullwidth)
            }
            SegmentKind::Rule(rule) => vec![(rule.to_string(), theme::border())],
        };
        for (piece, style) in drawn {
            at += piece.width();
            out.push((piece, style));
        }
    }
    TextRow {
        indent: line.indent,
        marker: None,
        pieces: out,
    }
}

/// The bytes `range` of `text` cut at highlight edges, each piece in `base` patched
/// with the highlights covering it.
fn pieces(
    text: &str,
    range: Range<usize>,
    highlights: &[(Range<usize>, Style)],
    base: Style,
    fullwidth: bool,
) -> Vec<(String, Style)> {
    let mut cuts = vec![range.start, range.end];
    for (h, _) in highlights {
        cuts.extend([h.start, h.end].into_iter().filter(|c| range.contains(c)));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|w| {
            let (a, b) = (*w.first()?, *w.get(1)?);
            let piece = if fullwidth {
                crate::layout::punct::show(text, a, b)
            } else {
                std::borrow::Cow::Borrowed(text.get(a..b)?)
            };
            let style = highlights
                .iter()
                .filter(|(h, _)| h.start <= a && b <= h.end)
                .fold(base, |s, (_, hs)| s.patch(*hs));
            Some((sanitize(&piece).into_owned(), style))
        })
        .collect()
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
            segments: Vec::new(),
        }
    }

    #[test]
    fn highlights_cut_a_line_into_styled_pieces_without_losing_text() {
        let text = "平城区全力打造";
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let row = row(text, &line(3..18), &[(6..12, bold)], false);
        let joined: String = row.pieces.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(joined, "城区全力打");
        assert_eq!(row.pieces.len(), 3);
        assert_eq!(row.pieces[1].0, "区全");
        assert!(row.pieces[1].1.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn full_width_punctuation_keeps_highlights_on_their_characters() {
        // A search for `近日` (bytes 13..19) after a half-width comma shown full-width.
        let text = "城市环境,近日,平城";
        let hit = Style::default().add_modifier(Modifier::REVERSED);
        let row = row(text, &line(0..text.len()), &[(13..19, hit)], true);
        let joined: String = row.pieces.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(joined, "城市环境，近日，平城");
        let lit: Vec<&str> = row
            .pieces
            .iter()
            .filter(|(_, s)| s.add_modifier.contains(Modifier::REVERSED))
            .map(|(p, _)| p.as_str())
            .collect();
        assert_eq!(lit, vec!["近日"]);
    }

    #[test]
    fn a_highlight_off_a_char_boundary_loses_nothing() {
        let text = "平城区";
        let row = row(text, &line(0..9), &[(1..4, Style::default())], false);
        let joined: String = row.pieces.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn a_table_line_pads_cells_to_their_columns_with_bold_headers_and_rule_style() {
        use crate::layout::Segment;
        let text = "地区  增速";
        let mut table = line(0..text.len());
        table.role = LineRole::Table;
        table.segments = vec![
            Segment {
                column: 0,
                kind: SegmentKind::Text {
                    range: 0..6,
                    header: true,
                },
            },
            Segment {
                column: 5,
                kind: SegmentKind::Rule("│".into()),
            },
            Segment {
                column: 7,
                kind: SegmentKind::Text {
                    range: 8..14,
                    header: false,
                },
            },
        ];
        let row = row(text, &table, &[], false);
        let joined: String = row.pieces.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(joined, "地区 │ 增速");
        let style_of = |p: &str| row.pieces.iter().find(|(s, _)| s == p).map(|(_, s)| *s);
        assert!(style_of("地区").is_some_and(|s| s.add_modifier.contains(Modifier::BOLD)));
        assert!(style_of("增速").is_some_and(|s| !s.add_modifier.contains(Modifier::BOLD)));
        assert_eq!(style_of("│"), Some(theme::border()));
    }
}
