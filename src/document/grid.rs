//! A table as rows of cells, read from `<table>` HTML (MinerU, PaddleX) or pipe rows,
//! flattened into the unit's text without losing the grid.
//!
//! The text of a table block stays what it always was (`--dump json` shows it): one
//! line per row, the row's non-empty cells two spaces apart. Beside it the grid keeps
//! each cell as a byte range into that text, with its `colspan`/`rowspan` and whether
//! it is a header cell, so the layout can set a real table and every character of the
//! text still belongs to exactly one cell.
//!
//! A header row is the markup's (`<th>`, `<thead>`, the rows above a pipe table's
//! `|---|` line); a table that marks none gets its first row as header when that row
//! holds no number and more rows follow (statistics tables open with their labels).

use super::model::Cell;
use super::text::trim;

/// Largest span taken from `colspan`/`rowspan` (a garbled attribute must not make a
/// table thousands of columns wide).
const SPAN_MAX: u16 = 64;

/// A cell as read, before the table's text is laid down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawCell {
    pub text: String,
    pub colspan: u16,
    pub rowspan: u16,
    pub header: bool,
}

impl RawCell {
    /// A plain one-by-one cell.
    pub(crate) fn plain(text: String) -> Self {
        Self {
            text,
            colspan: 1,
            rowspan: 1,
            header: false,
        }
    }
}

/// A span attribute's value, 1 when absent or unreadable, at most [`SPAN_MAX`].
pub(crate) fn span_value(attr: Option<&str>) -> u16 {
    attr.and_then(|v| trim(v).parse::<u32>().ok())
        .map_or(1, |n| {
            u16::try_from(n.clamp(1, u32::from(SPAN_MAX))).unwrap_or(1)
        })
}

/// The rows of a table, each cell's range relative to the table's own text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Grid {
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// The grid moved to start at byte `offset` of a larger text.
    pub(crate) fn shifted(&self, offset: usize) -> Vec<Vec<Cell>> {
        self.rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| Cell {
                        range: c.range.start + offset..c.range.end + offset,
                        ..c.clone()
                    })
                    .collect()
            })
            .collect()
    }
}

/// Lays the cells down as text (non-empty cells two spaces apart, a row per line,
/// rows without text dropped) and returns the text with its grid.
pub(crate) fn flatten(rows: Vec<Vec<RawCell>>) -> (String, Grid) {
    let mut rows: Vec<Vec<RawCell>> = rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|c| RawCell {
                    text: trim(&c.text).to_string(),
                    ..c
                })
                .collect::<Vec<_>>()
        })
        .filter(|row| row.iter().any(|c| !c.text.is_empty()))
        .collect();
    mark_header(&mut rows);
    let mut text = String::new();
    let mut grid = Grid::default();
    for row in rows {
        if !text.is_empty() {
            text.push('\n');
        }
        let mut cells = Vec::with_capacity(row.len());
        let mut first = true;
        for c in row {
            if !c.text.is_empty() {
                if !first {
                    text.push_str("  ");
                }
                first = false;
            }
            let start = text.len();
            text.push_str(&c.text);
            cells.push(Cell {
                range: start..text.len(),
                colspan: c.colspan,
                rowspan: c.rowspan,
                header: c.header,
            });
        }
        grid.rows.push(cells);
    }
    (text, grid)
}

/// Marks the first row as the header when the markup marked none (see the module doc).
fn mark_header(rows: &mut [Vec<RawCell>]) {
    if rows.len() < 2 || rows.iter().flatten().any(|c| c.header) {
        return;
    }
    if let Some(first) = rows.first_mut()
        && first.len() >= 2
        && !first.iter().any(|c| is_number(&c.text))
    {
        for c in first {
            c.header = true;
        }
    }
}

/// Whether a cell reads as a number (`1234`, `-5.6%`, `1,234.5`, `１２`, `12.3‰`): the
/// layout right-aligns these so their digits line up.
pub fn is_number(text: &str) -> bool {
    let t = trim(text);
    let mut digits = 0;
    for c in t.chars() {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            digits += 1;
        } else if !matches!(
            c,
            '.' | ',' | '%' | '‰' | '+' | '-' | '−' | '．' | '，' | '％' | '＋' | '－' | ' '
        ) {
            return false;
        }
    }
    digits > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[&[&str]]) -> Vec<Vec<RawCell>> {
        rows.iter()
            .map(|r| r.iter().map(|t| RawCell::plain((*t).to_string())).collect())
            .collect()
    }

    #[test]
    fn the_text_is_the_flattened_rows_and_every_cell_points_into_it() {
        let (text, grid) = flatten(cells(&[&["指标", "", "增速"], &[" 甲 ", "1", ""], &[""]]));
        assert_eq!(text, "指标  增速\n甲  1");
        assert_eq!(grid.rows.len(), 2);
        let of = |r: usize, c: usize| &text[grid.rows[r][c].range.clone()];
        assert_eq!((of(0, 0), of(0, 1), of(0, 2)), ("指标", "", "增速"));
        assert_eq!((of(1, 0), of(1, 1), of(1, 2)), ("甲", "1", ""));
        // The labels' row is the header; the figures' row is not.
        assert!(grid.rows[0].iter().all(|c| c.header));
        assert!(!grid.rows[1].iter().any(|c| c.header));
    }

    #[test]
    fn a_first_row_of_figures_is_no_header() {
        let (_, grid) = flatten(cells(&[&["2023", "2024"], &["1", "2"]]));
        assert!(!grid.rows.iter().flatten().any(|c| c.header));
    }

    #[test]
    fn numbers_and_spans() {
        for n in ["1234", "-5.6%", "1,234.5", "１２", "+3 %"] {
            assert!(is_number(n), "{n}");
        }
        for t in ["", "%", "12亿元", "第1名", "甲"] {
            assert!(!is_number(t), "{t}");
        }
        assert_eq!(span_value(Some("3")), 3);
        assert_eq!(span_value(Some("\"x\"")), 1);
        assert_eq!(span_value(Some("99999")), SPAN_MAX);
        assert_eq!(span_value(None), 1);
    }
}
