//! A table set as a grid: columns measured in display columns, cells wrapped with the
//! same Chinese line breaking as running text, rules between the header and the body.
//!
//! ```text
//! ──────┬────────┬──────
//!  地区 │ 生产总值 │ 增速
//! ──────┼────────┼──────
//! 平城区 │   1234 │ 5.6%
//! ──────┴────────┴──────
//! ```
//!
//! Each column is as wide as its widest cell. When the table is wider than the pane,
//! the columns shrink (each keeps at least its longest number or Latin word, up to
//! [`WORD_MAX`] columns, and two columns for a Chinese character) and their cells wrap
//! inside them, row by row, so every column still starts at the same screen column on
//! every line. A table that cannot fit even so (dozens of columns in a narrow pane) is
//! set one cell per line, rows between rules: narrower, but every character is there
//! and no line overflows.
//!
//! A cell spanning columns (`colspan`) takes their widths and the separators between
//! them; a cell spanning rows (`rowspan`) is set in its first row and leaves its column
//! blank below, so the grid holds, and a rule between the rows it spans is left open
//! over it (the cell reads as one, as printed tables draw it). Numbers are right-aligned, header cells centred.
//!
//! Each line of a row carries its cells as [`Segment`]s (a column and a byte range);
//! rules and separators are segments of their own, drawn in the rule style.
//!
//! # Limitations
//!
//! The box-drawing characters are East Asian ambiguous: with
//! [`LayoutOptions::ambiguous_wide`] they become `-`, `|` and `+`. A tall cell spanning
//! rows makes its first row tall rather than flowing into the rows it spans.

use std::ops::Range;

use crate::document::{Document, Table, is_number};

use super::typeset::{text_width, wrap_text};
use super::width::Measure;
use super::wrap::Widths;
use super::{LayoutOptions, LineRole, Segment, SegmentKind, VisualLine};

/// Columns between two cells: a space, the separator, a space.
const SEP: u16 = 3;
/// Longest word (a number, a Latin word) a column keeps unbroken when it shrinks.
const WORD_MAX: u16 = 12;
/// Indent of a table that fits with it.
const INDENT: u16 = 2;

/// Where the lines of a table go.
pub struct Target<'a> {
    pub doc: &'a Document,
    pub article: usize,
    pub block: Option<usize>,
    pub opts: &'a LayoutOptions,
}

/// A cell placed on the grid.
struct Placed {
    row: usize,
    col: usize,
    colspan: usize,
    rowspan: usize,
    range: Range<usize>,
    header: bool,
    number: bool,
}

/// The characters rules are drawn with.
struct Rules {
    horizontal: char,
    vertical: char,
    top: char,
    cross: char,
    bottom: char,
}

impl Rules {
    fn new(opts: &LayoutOptions) -> Self {
        if opts.ambiguous_wide {
            Self {
                horizontal: '-',
                vertical: '|',
                top: '+',
                cross: '+',
                bottom: '+',
            }
        } else {
            Self {
                horizontal: '─',
                vertical: '│',
                top: '┬',
                cross: '┼',
                bottom: '┴',
            }
        }
    }
}

/// Sets `table`, appending its lines to `out`.
pub fn set(t: &Target, table: &Table, out: &mut Vec<VisualLine>) {
    let placed = place(t.doc, table);
    let columns = placed.iter().map(|p| p.col + p.colspan).max().unwrap_or(0);
    if columns == 0 {
        return;
    }
    let width = t.opts.width.max(1);
    let (natural, least) = column_widths(t.doc, &placed, columns, t.opts);
    let seps = SEP.saturating_mul(u16::try_from(columns - 1).unwrap_or(u16::MAX));
    let total = |w: &[u16]| w.iter().fold(seps, |a, &b| a.saturating_add(b));
    let (indent, widths) = if total(&natural).saturating_add(INDENT) <= width {
        (INDENT, natural)
    } else if total(&natural) <= width {
        (0, natural)
    } else if total(&least) <= width {
        (0, shrink(&natural, &least, width - seps))
    } else {
        stacked(t, &placed, out);
        return;
    };
    let mut grid = Grid {
        t,
        placed: &placed,
        widths: &widths,
        indent,
        rules: Rules::new(t.opts),
        out,
    };
    grid.set();
}

/// Puts every cell on the grid: the first column its row leaves free (cells spanning
/// rows from above take theirs).
fn place(doc: &Document, table: &Table) -> Vec<Placed> {
    let mut taken: Vec<Vec<bool>> = vec![Vec::new(); table.rows.len()];
    let mut placed = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let mut col = 0;
        for cell in row {
            while taken.get(r).and_then(|t| t.get(col)).copied() == Some(true) {
                col += 1;
            }
            let colspan = usize::from(cell.colspan.max(1));
            let rowspan = usize::from(cell.rowspan.max(1)).min(table.rows.len() - r);
            for below in taken.iter_mut().skip(r).take(rowspan) {
                if below.len() < col + colspan {
                    below.resize(col + colspan, false);
                }
                for slot in below.iter_mut().skip(col).take(colspan) {
                    *slot = true;
                }
            }
            let text = doc.text.get(cell.range.clone()).unwrap_or("");
            placed.push(Placed {
                row: r,
                col,
                colspan,
                rowspan,
                range: cell.range.clone(),
                header: cell.header,
                number: !cell.header && is_number(text),
            });
            col += colspan;
        }
    }
    placed
}

/// Each column's natural width (its widest cell) and the least it can shrink to.
fn column_widths(
    doc: &Document,
    placed: &[Placed],
    columns: usize,
    opts: &LayoutOptions,
) -> (Vec<u16>, Vec<u16>) {
    let measure = &Measure {
        ambiguous_wide: opts.ambiguous_wide,
    };
    let mut natural = vec![1u16; columns];
    let mut least = vec![1u16; columns];
    let measured: Vec<(u16, u16)> = placed
        .iter()
        .map(|p| {
            let text = doc.text.get(p.range.clone()).unwrap_or("");
            let full = u16::try_from(text_width(text, opts)).unwrap_or(u16::MAX);
            (full, longest_word(text, measure).min(full))
        })
        .collect();
    // Single cells first, then spanning cells widen the columns they cover if need be.
    for pass_spanning in [false, true] {
        for (p, &(full, word)) in placed.iter().zip(&measured) {
            if (p.colspan > 1) != pass_spanning {
                continue;
            }
            let cols = p.col..p.col + p.colspan;
            let inner = SEP.saturating_mul(u16::try_from(p.colspan - 1).unwrap_or(0));
            widen(&mut natural, cols.clone(), full.saturating_sub(inner));
            widen(&mut least, cols, word.saturating_sub(inner));
        }
    }
    for (l, n) in least.iter_mut().zip(&natural) {
        *l = (*l).min(*n);
    }
    (natural, least)
}

/// Makes columns `cols` together at least `need` wide, spreading what is missing.
fn widen(widths: &mut [u16], cols: Range<usize>, need: u16) {
    let Some(slice) = widths.get_mut(cols) else {
        return;
    };
    let have: u16 = slice.iter().fold(0, |a, &b| a.saturating_add(b));
    let missing = need.saturating_sub(have);
    let n = u16::try_from(slice.len()).unwrap_or(1).max(1);
    for (i, w) in slice.iter_mut().enumerate() {
        let extra = missing / n + u16::from(u16::try_from(i).unwrap_or(0) < missing % n);
        *w = w.saturating_add(extra);
    }
}

/// The widest run a column keeps whole: a number or Latin word (capped at
/// [`WORD_MAX`]), or one Chinese character.
fn longest_word(text: &str, measure: &Measure) -> u16 {
    let mut best = 0;
    let mut run = 0;
    for c in text.chars() {
        let w = u16::try_from(measure.width(c.encode_utf8(&mut [0; 4]))).unwrap_or(2);
        if c.is_whitespace() || w > 1 {
            best = best.max(run).max(w);
            run = 0;
        } else {
            run += w;
        }
    }
    best.max(run).min(WORD_MAX)
}

/// Column widths between `least` and `natural` that fill `room`, by water-filling:
/// the narrow columns (`单位`, `亿元`) keep their natural width and the wide ones share
/// what is left equally, down to no less than their least.
fn shrink(natural: &[u16], least: &[u16], room: u16) -> Vec<u16> {
    let at = |level: u16| -> Vec<u16> {
        natural
            .iter()
            .zip(least)
            .map(|(&n, &l)| level.clamp(l, n.max(l)))
            .collect()
    };
    let sum = |w: &[u16]| w.iter().map(|&x| u32::from(x)).sum::<u32>();
    let (mut low, mut high) = (0u16, natural.iter().copied().max().unwrap_or(0));
    while low < high {
        let mid = high - (high - low) / 2;
        if sum(&at(mid)) <= u32::from(room) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let mut widths = at(low);
    // The columns cut at the level share what rounding left, one column each.
    let mut left = u32::from(room).saturating_sub(sum(&widths));
    for (w, &n) in widths.iter_mut().zip(natural) {
        if left == 0 {
            break;
        }
        if *w < n {
            *w += 1;
            left -= 1;
        }
    }
    widths
}

/// A table too wide for any grid: each cell on lines of its own, rows between rules.
fn stacked(t: &Target, placed: &[Placed], out: &mut Vec<VisualLine>) {
    let width = t.opts.width.max(1);
    let rules = Rules::new(t.opts);
    let rule: String = std::iter::repeat_n(rules.horizontal, usize::from(width)).collect();
    let mut row = None;
    for p in placed {
        if row != Some(p.row) {
            row = Some(p.row);
            push_rule(t, &rule, width, out);
        }
        let text = t.doc.text.get(p.range.clone()).unwrap_or("");
        for (range, w) in wrap_text(text, Widths::same(width), t.opts) {
            if range.is_empty() {
                continue;
            }
            let range = p.range.start + range.start..p.range.start + range.end;
            let segment = Segment {
                column: 0,
                kind: SegmentKind::Text {
                    range: range.clone(),
                    header: p.header,
                },
            };
            out.push(line(t, range, w, 0, vec![segment]));
        }
    }
    push_rule(t, &rule, width, out);
}

/// A line of the table.
fn line(
    t: &Target,
    range: Range<usize>,
    width: u16,
    indent: u16,
    segments: Vec<Segment>,
) -> VisualLine {
    VisualLine {
        role: LineRole::Table,
        article: t.article,
        block: t.block,
        range,
        indent,
        marker: None,
        width,
        segments,
    }
}

/// A rule line: no text, an empty range where the table has got to.
fn push_rule(t: &Target, rule: &str, width: u16, out: &mut Vec<VisualLine>) {
    push_rule_at(t, rule, width, 0, out);
}

fn push_rule_at(t: &Target, rule: &str, width: u16, indent: u16, out: &mut Vec<VisualLine>) {
    let at = out.last().map_or(0, |l| l.range.end);
    let segment = Segment {
        column: 0,
        kind: SegmentKind::Rule(rule.into()),
    };
    out.push(line(t, at..at, width, indent, vec![segment]));
}

/// A cell's wrapped lines: byte ranges in the cell's text, and widths.
type CellLines = Vec<(Range<usize>, u16)>;

/// A table being set on a grid of known column widths.
struct Grid<'a, 'b> {
    t: &'a Target<'a>,
    placed: &'a [Placed],
    widths: &'a [u16],
    indent: u16,
    rules: Rules,
    out: &'b mut Vec<VisualLine>,
}

impl Grid<'_, '_> {
    fn set(&mut self) {
        let rows = self.placed.iter().map(|p| p.row + 1).max().unwrap_or(0);
        // The header: the leading rows holding a header cell.
        let header_rows = (0..rows)
            .take_while(|&r| self.placed.iter().any(|p| p.row == r && p.header))
            .count();
        let wrapped: Vec<Vec<CellLines>> = (0..rows)
            .map(|r| self.cells_of(r).map(|p| self.wrap(p)).collect())
            .collect();
        let tall_body = wrapped
            .iter()
            .skip(header_rows)
            .any(|row| row.iter().any(|lines| lines.len() > 1));
        self.rule(self.rules.top);
        for (r, cells) in wrapped.iter().enumerate() {
            let between_body_rows = r > header_rows && tall_body;
            if (r == header_rows && r > 0) || between_body_rows {
                self.cross_rule(r);
            }
            self.row(r, cells);
        }
        self.rule(self.rules.bottom);
    }

    fn cells_of(&self, r: usize) -> impl Iterator<Item = &Placed> {
        self.placed.iter().filter(move |p| p.row == r)
    }

    /// Columns from the line's indent to where column `col` starts.
    fn x(&self, col: usize) -> u16 {
        self.widths
            .iter()
            .take(col)
            .fold(0u16, |a, &w| a.saturating_add(w).saturating_add(SEP))
    }

    /// Width of a cell spanning `colspan` columns from `col`.
    fn span_width(&self, col: usize, colspan: usize) -> u16 {
        self.x(col + colspan)
            .saturating_sub(self.x(col))
            .saturating_sub(SEP)
    }

    fn total(&self) -> u16 {
        self.x(self.widths.len()).saturating_sub(SEP)
    }

    fn wrap(&self, p: &Placed) -> CellLines {
        let text = self.t.doc.text.get(p.range.clone()).unwrap_or("");
        if text.is_empty() {
            return Vec::new();
        }
        let w = self.span_width(p.col, p.colspan).max(1);
        wrap_text(text, Widths::same(w), self.t.opts)
    }

    fn rule(&mut self, joint: char) {
        let mut rule = String::new();
        for (i, &w) in self.widths.iter().enumerate() {
            if i > 0 {
                rule.push(self.rules.horizontal);
                rule.push(joint);
                rule.push(self.rules.horizontal);
            }
            rule.extend(std::iter::repeat_n(self.rules.horizontal, usize::from(w)));
        }
        push_rule_at(self.t, &rule, self.total(), self.indent, self.out);
    }

    /// The cell (its first row and column) spanning from above row `r` into it over
    /// column `col`, if any.
    fn spanned_into(&self, r: usize, col: usize) -> Option<(usize, usize)> {
        self.placed
            .iter()
            .find(|p| p.row < r && r < p.row + p.rowspan && p.col <= col && col < p.col + p.colspan)
            .map(|p| (p.row, p.col))
    }

    /// The rule above row `r`, left open over a cell spanning rows across it: the
    /// cell's text stands in its first row, and no rule cuts through it below.
    fn cross_rule(&mut self, row: usize) {
        let columns = self.widths.len();
        let covered: Vec<Option<(usize, usize)>> =
            (0..columns).map(|c| self.spanned_into(row, c)).collect();
        if covered.iter().all(Option::is_none) {
            self.rule(self.rules.cross);
            return;
        }
        let (line, bar) = (self.rules.horizontal, self.rules.vertical);
        let mut rule = String::new();
        for (i, &w) in self.widths.iter().enumerate() {
            let here = covered[i];
            if i > 0 {
                let joint = match (covered[i - 1], here) {
                    (Some(left), Some(right)) if left == right => [' ', ' ', ' '],
                    (Some(_), Some(_)) => [' ', bar, ' '],
                    (Some(_), None) => [' ', bar, line],
                    (None, Some(_)) => [line, bar, ' '],
                    (None, None) => [line, self.rules.cross, line],
                };
                rule.extend(joint);
            }
            let fill = if here.is_some() { ' ' } else { line };
            rule.extend(std::iter::repeat_n(fill, usize::from(w)));
        }
        push_rule_at(self.t, &rule, self.total(), self.indent, self.out);
    }

    /// Whether a cell spans across the boundary before column `col` on row `r`.
    fn spans_boundary(&self, r: usize, col: usize) -> bool {
        self.placed
            .iter()
            .any(|p| p.row <= r && r < p.row + p.rowspan && p.col < col && col < p.col + p.colspan)
    }

    fn row(&mut self, r: usize, cells: &[CellLines]) {
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let all = self.placed;
        let placed: Vec<&Placed> = all.iter().filter(|p| p.row == r).collect();
        let columns = self.widths.len();
        let separators: Vec<u16> = (1..columns)
            .filter(|&c| !self.spans_boundary(r, c))
            .map(|c| self.x(c).saturating_sub(2))
            .collect();
        let mut vertical = [0u8; 4];
        let vertical: &str = self.rules.vertical.encode_utf8(&mut vertical);
        for k in 0..height {
            let mut segments = Vec::new();
            let mut range: Option<Range<usize>> = None;
            for (p, lines) in placed.iter().zip(cells) {
                let Some((rel, w)) = lines.get(k) else {
                    continue;
                };
                let span = self.span_width(p.col, p.colspan);
                let offset = if p.number {
                    span.saturating_sub(*w)
                } else if p.header {
                    span.saturating_sub(*w) / 2
                } else {
                    0
                };
                let abs = p.range.start + rel.start..p.range.start + rel.end;
                range = Some(match range {
                    Some(r) => r.start.min(abs.start)..r.end.max(abs.end),
                    None => abs.clone(),
                });
                segments.push(Segment {
                    column: self.x(p.col) + offset,
                    kind: SegmentKind::Text {
                        range: abs,
                        header: p.header,
                    },
                });
            }
            for &x in &separators {
                segments.push(Segment {
                    column: x,
                    kind: SegmentKind::Rule(vertical.into()),
                });
            }
            segments.sort_by_key(|s| s.column);
            let at = self.out.last().map_or(0, |l| l.range.end);
            let range = range.unwrap_or(at..at);
            let line = line(self.t, range, self.total(), self.indent, segments);
            self.out.push(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrinking_fills_the_room_between_least_and_natural() {
        let got = shrink(&[20, 4, 10], &[2, 4, 2], 20);
        assert_eq!(got.iter().sum::<u16>(), 20);
        assert!(got.iter().zip([2, 4, 2]).all(|(w, l)| *w >= l));
        assert!(got.iter().zip([20, 4, 10]).all(|(w, n)| *w <= n));
        // Narrow columns keep their width; the wide ones share the rest.
        assert_eq!(shrink(&[18, 4, 9, 13], &[2, 2, 6, 4], 31), vec![9, 4, 9, 9]);
    }

    #[test]
    fn a_word_is_a_run_of_narrow_characters() {
        let m = Measure::default();
        assert_eq!(longest_word("增长12.5%以上", &m), 5);
        assert_eq!(longest_word("平城区", &m), 2);
        assert_eq!(longest_word(&"9".repeat(40), &m), WORD_MAX);
    }

    #[test]
    fn no_rule_cuts_through_a_cell_spanning_rows() {
        let md = "<table><tr><th>地区</th><th>指标</th><th>数值</th></tr>\
<tr><td rowspan=\"2\">平城区</td><td>地区生产总值增长较快</td><td>512.3</td></tr>\
<tr><td>社会消费品零售总额稳步回升</td><td>310.45</td></tr></table>\n";
        let doc = crate::document::parse("t.md", md);
        let block = doc
            .articles
            .iter()
            .flat_map(|a| &a.blocks)
            .find(|b| b.kind == crate::document::BlockKind::Table)
            .expect("a table");
        let table = doc.table(&block.span).expect("its grid");
        let opts = LayoutOptions {
            width: 30,
            ..LayoutOptions::default()
        };
        let target = Target {
            doc: &doc,
            article: 0,
            block: None,
            opts: &opts,
        };
        let mut out = Vec::new();
        set(&target, table, &mut out);
        let shown: Vec<String> = out
            .iter()
            .map(|l| super::super::plain_text(&doc, l))
            .collect();
        let second = shown
            .iter()
            .position(|l| l.contains("社会"))
            .expect("the second body row");
        // The rule above the second body row is open over the 平城区 column and
        // drawn over the others.
        let rule = &shown[second - 1];
        assert!(rule.contains('─'), "{shown:#?}");
        let first_col_end = shown[0]
            .chars()
            .position(|c| c == '┬')
            .expect("top rule joint");
        assert!(
            rule.chars().take(first_col_end).all(|c| c == ' '),
            "{shown:#?}"
        );
        assert!(shown.iter().filter(|l| l.contains("平城区")).count() == 1);
    }

    #[test]
    fn spanning_cells_widen_the_columns_they_cover() {
        let mut w = vec![2, 2, 2];
        widen(&mut w, 0..2, 9);
        assert_eq!(w, vec![5, 4, 2]);
        widen(&mut w, 0..3, 3);
        assert_eq!(w, vec![5, 4, 2]);
    }
}
