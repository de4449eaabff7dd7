//! The wrap algorithm: greedy filling with backtracking to the last legal break.
//!
//! It sees only [`Item`]s (a width, the break class before it, whether it is a space),
//! never text, so synthetic input can test it. Each line is filled as far as the width
//! allows; when the next item does not fit, the line ends at the last
//! [`Break::Allowed`] boundary inside it. Without one, it ends at the last boundary inside
//! a word (a word longer than the line), and failing that exactly where the width runs
//! out: a rule that would leave a line empty is broken rather than overflowing or
//! looping. Spaces at a break hang past the end and are dropped.
//!
//! Every line consumes at least one item, and a rescan after backtracking only revisits
//! the items after the last break, so wrapping is linear in the number of items.
//!
//! [`fits_one_line`] is the named fast path for short paragraphs and headlines.

use std::ops::Range;

use super::breaks::Break;

/// One unit the wrapper places: a grapheme cluster, already measured and classed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub width: u16,
    /// The break class of the boundary before this item.
    pub before: Break,
    /// Break whitespace: hangs at the end of a line and is not part of it.
    pub space: bool,
}

/// Columns available: the first line may differ from the rest (first-line indent,
/// hanging indent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Widths {
    pub first: u16,
    pub rest: u16,
}

impl Widths {
    /// The same width for every line.
    pub const fn same(width: u16) -> Self {
        Self {
            first: width,
            rest: width,
        }
    }
}

/// One wrapped line, as item indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// First item on the line.
    pub start: usize,
    /// One past the last item shown (trailing spaces excluded).
    pub end: usize,
    /// Where the next line starts.
    pub next: usize,
    /// Columns of items `start..end`.
    pub width: u16,
}

/// Fast path: the whole text fits on the first line and nothing forces a break, so no
/// break opportunities need computing. Returns the width if so.
pub fn fits_one_line(widths: impl IntoIterator<Item = u16>, available: u16) -> Option<u16> {
    let mut total: u16 = 0;
    for w in widths {
        total = total.checked_add(w)?;
        if total > available {
            return None;
        }
    }
    Some(total)
}

/// Wraps `items` into lines. An empty input gives one empty line.
pub fn wrap(items: &[Item], widths: Widths) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    loop {
        let available = if lines.is_empty() {
            widths.first
        } else {
            widths.rest
        };
        let line = fit_line(items, start, available);
        lines.push(line);
        if line.next >= items.len() {
            return lines;
        }
        start = line.next;
    }
}

/// Characters of items `range`: text items, not counting closing punctuation glued to
/// the one before it (a forbidden boundary before it, except at the line's start).
fn characters(items: &[Item], range: Range<usize>) -> usize {
    items
        .get(range)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .filter(|(i, item)| !item.space && (*i == 0 || item.before != Break::Forbidden))
        .count()
}

fn width_of(items: &[Item], range: Range<usize>) -> u32 {
    items
        .get(range)
        .unwrap_or(&[])
        .iter()
        .map(|i| u32::from(i.width))
        .sum()
}

/// No widows: when the last line holds one character (and its closing punctuation,
/// `升。`), the line above gives it characters, ending at the last allowed break that
/// leaves the last line two characters or more and still fitting `widths.rest`. A line
/// ended by a newline, or a line above too short to give, stays as it is.
pub fn no_widow(items: &[Item], lines: &mut [Line], widths: Widths) {
    let [.., prev, last] = lines else {
        return;
    };
    let forced = items
        .get(prev.end..=last.start)
        .unwrap_or(&[])
        .iter()
        .any(|i| i.before == Break::Mandatory);
    if forced || characters(items, last.start..last.end) >= 2 {
        return;
    }
    let available = u32::from(widths.rest);
    for j in (prev.start + 1..prev.end).rev() {
        let width = width_of(items, j..last.end);
        if width > available {
            return;
        }
        let legal = items.get(j).is_some_and(|i| i.before == Break::Allowed);
        if !legal || characters(items, j..last.end) < 2 || characters(items, prev.start..j) < 2 {
            continue;
        }
        let mut end = j;
        while end > prev.start && items.get(end - 1).is_some_and(|i| i.space) {
            end -= 1;
        }
        *prev = Line {
            start: prev.start,
            end,
            next: j,
            width: u16::try_from(width_of(items, prev.start..end)).unwrap_or(u16::MAX),
        };
        *last = Line {
            start: j,
            end: last.end,
            next: last.next,
            width: u16::try_from(width).unwrap_or(u16::MAX),
        };
        return;
    }
}

/// A place the current line could end, remembered while scanning.
#[derive(Clone, Copy)]
struct Candidate {
    next: usize,
    end: usize,
    width: u32,
}

impl Candidate {
    fn line(self, start: usize) -> Line {
        Line {
            start,
            end: self.end,
            next: self.next,
            width: u16::try_from(self.width).unwrap_or(u16::MAX),
        }
    }
}

fn fit_line(items: &[Item], start: usize, available: u16) -> Line {
    let available = u32::from(available);
    // `total` counts hanging spaces, `here` is the line as it would end now.
    let mut total: u32 = 0;
    let mut here = Candidate {
        next: start,
        end: start,
        width: 0,
    };
    let mut allowed: Option<Candidate> = None;
    let mut inside: Option<Candidate> = None;
    for (index, item) in items.iter().enumerate().skip(start) {
        here.next = index;
        if index > start {
            match item.before {
                Break::Mandatory => return here.line(start),
                Break::Allowed => allowed = Some(here),
                Break::Inside => inside = Some(here),
                Break::Forbidden => {}
            }
        }
        let width = u32::from(item.width);
        if item.space {
            total += width;
            continue;
        }
        if total + width > available && index > start {
            return allowed.or(inside).unwrap_or(here).line(start);
        }
        total += width;
        here.end = index + 1;
        here.width = total;
    }
    here.next = items.len();
    here.line(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items from a compact notation: a digit is a text item of that width, `_` a space
    /// of width 1; before each item, `|` marks an allowed break, `/` a mandatory one,
    /// `!` a forbidden one, nothing an inside-word boundary.
    fn items(spec: &str) -> Vec<Item> {
        let mut out = Vec::new();
        let mut before = Break::Forbidden;
        for c in spec.chars() {
            match c {
                '|' => before = Break::Allowed,
                '/' => before = Break::Mandatory,
                '!' => before = Break::Forbidden,
                '_' | '0'..='9' => {
                    out.push(Item {
                        width: c.to_digit(10).map_or(1, |d| d as u16),
                        before,
                        space: c == '_',
                    });
                    before = Break::Inside;
                }
                _ => panic!("bad spec {c}"),
            }
        }
        out
    }

    fn spans(spec: &str, first: u16, rest: u16) -> Vec<(usize, usize, u16)> {
        wrap(&items(spec), Widths { first, rest })
            .iter()
            .map(|l| (l.start, l.end, l.width))
            .collect()
    }

    fn widowless(spec: &str, first: u16, rest: u16) -> Vec<(usize, usize, u16)> {
        let items = items(spec);
        let widths = Widths { first, rest };
        let mut lines = wrap(&items, widths);
        no_widow(&items, &mut lines, widths);
        lines.iter().map(|l| (l.start, l.end, l.width)).collect()
    }

    #[test]
    fn a_widow_takes_a_character_from_the_line_above() {
        // `2!2` is a character and its full stop alone on the last line.
        assert_eq!(spans("2|2|2|2|2!2", 8, 8), [(0, 4, 8), (4, 6, 4)]);
        assert_eq!(widowless("2|2|2|2|2!2", 8, 8), [(0, 3, 6), (3, 6, 6)]);
        // A comma cannot start the line: the break moves before the character ahead of it.
        assert_eq!(widowless("2|2|2!2|2!2", 8, 8), [(0, 2, 4), (2, 6, 8)]);
        // Two characters are no widow; a line ended by a newline is left alone.
        assert_eq!(widowless("2|2|2|2|2|2", 8, 8), [(0, 4, 8), (4, 6, 4)]);
        assert_eq!(widowless("2|2/2!2", 8, 8), [(0, 2, 4), (2, 4, 4)]);
        // Never overflow: a narrow last line that cannot take more stays.
        assert_eq!(widowless("2|2|2!2", 4, 4), [(0, 2, 4), (2, 4, 4)]);
    }

    #[test]
    fn fills_to_the_width() {
        assert_eq!(spans("2|2|2|2", 4, 4), [(0, 2, 4), (2, 4, 4)]);
    }

    #[test]
    fn wide_item_at_odd_width_moves_down() {
        assert_eq!(spans("2|2|2", 5, 5), [(0, 2, 4), (2, 3, 2)]);
    }

    #[test]
    fn backtracks_to_last_allowed_break() {
        // A forbidden boundary before the third item pulls the second one down.
        assert_eq!(spans("2|2!2|2", 4, 4), [(0, 1, 2), (1, 3, 4), (3, 4, 2)]);
    }

    #[test]
    fn long_word_breaks_inside_when_nothing_else_fits() {
        assert_eq!(spans("1111111", 3, 3), [(0, 3, 3), (3, 6, 3), (6, 7, 1)]);
    }

    #[test]
    fn all_forbidden_still_breaks_and_progresses() {
        assert_eq!(spans("2!2!2", 4, 4), [(0, 2, 4), (2, 3, 2)]);
    }

    #[test]
    fn spaces_hang_and_are_dropped() {
        assert_eq!(spans("11_|11", 2, 2), [(0, 2, 2), (3, 5, 2)]);
    }

    #[test]
    fn mandatory_break_ends_the_line() {
        assert_eq!(spans("1/1", 9, 9), [(0, 1, 1), (1, 2, 1)]);
    }

    #[test]
    fn item_wider_than_the_line_sits_alone() {
        assert_eq!(spans("2|2", 1, 1), [(0, 1, 2), (1, 2, 2)]);
    }

    #[test]
    fn first_line_width_differs() {
        assert_eq!(spans("2|2|2|2", 2, 6), [(0, 1, 2), (1, 4, 6)]);
    }

    #[test]
    fn empty_input_is_one_empty_line() {
        assert_eq!(spans("", 5, 5), [(0, 0, 0)]);
    }

    #[test]
    fn fast_path_measures_or_declines() {
        assert_eq!(fits_one_line([2, 2], 4), Some(4));
        assert_eq!(fits_one_line([2, 2, 1], 4), None);
    }
}
