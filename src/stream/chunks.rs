//! Where to cut one huge input (a converter's whole-year output, 200 MB on standard
//! input) into parts that are parsed one at a time.
//!
//! Parsing a page holds several times its text in units, cues and roles, so a 200 MB
//! page parsed whole needs gigabytes. Cut into parts of about [`PART_BYTES`], the
//! same text needs only its own size plus a few parts' worth of parsing. A cut must
//! not change how the text around it reads, so it is made, in order of preference:
//!
//! 1. before an article: after a blank line and a paragraph of body length, where a
//!    heading line (`#…`) follows within three lines, the ones before it short (a
//!    kicker or a banner stays with its headline);
//! 2. at any blank line (between two blocks);
//! 3. at a line end (a page without blank lines);
//! 4. at a character boundary (a single line longer than a part).
//!
//! Never inside a code fence (a converter that fences each page), unless the fence
//! runs on for many parts (an unclosed fence cannot make the whole input one part).
//!
//! ```
//! use kanbao::stream::chunks::cut;
//! let body = "正文。".repeat(30);
//! let text = format!("## 一\n\n{body}\n\n## 二\n\n{body}\n\n## 三\n\n{body}\n");
//! let parts = cut(&text, 200);
//! assert_eq!(parts.len(), 3);
//! assert!(text[parts[1].range.clone()].starts_with("## 二"));
//! assert_eq!(parts[1].first_line, 5);
//! ```
//!
//! # Limitations
//!
//! Line numbers count `\n`; a file with lone carriage returns for line ends has its
//! parts numbered from the last `\n`. An article longer than a part is cut at a blank
//! line inside it and reads as two articles, the second without a headline.

use std::ops::Range;

/// Inputs larger than this are read in parts (a newspaper page is 10–100 KB).
pub const SPLIT_ABOVE: usize = 8 << 20;

/// The size a part aims at.
pub const PART_BYTES: usize = 1 << 20;

/// A body paragraph before a heading is at least this long (bytes): shorter lines
/// before a heading may be its kicker or a banner.
const BODY_LINE: usize = 60;

/// One part of a huge text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Byte range into the whole text; parts are adjacent and cover it.
    pub range: Range<usize>,
    /// 1-based line of the whole text this part starts on.
    pub first_line: usize,
}

/// Cuts `text` into parts of about `target` bytes (at least one part, even when
/// empty).
pub fn cut(text: &str, target: usize) -> Vec<Part> {
    let target = target.max(1);
    let mut parts = Vec::new();
    let mut start = 0;
    let mut line = 1;
    while text.len() - start > target {
        let end = cut_point(text, start, target);
        parts.push(Part {
            range: start..end,
            first_line: line,
        });
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[start..end]).count();
        start = end;
    }
    if start < text.len() || parts.is_empty() {
        parts.push(Part {
            range: start..text.len(),
            first_line: line,
        });
    }
    parts
}

/// The first part of `text` as [`cut`] cuts it, without cutting the rest. It looks at
/// most five parts ahead (and a few lines past that for a heading): a head of a text
/// that long, ending at a line end, has the same first part as the whole text.
pub fn first(text: &str, target: usize) -> Part {
    let target = target.max(1);
    let end = if text.len() > target {
        cut_point(text, 0, target)
    } else {
        text.len()
    };
    Part {
        range: 0..end,
        first_line: 1,
    }
}

/// Where the part starting at `start` ends, as [`cut`] would end it: the best cut
/// after `start + target`, or the end of `text` when less than `target` is left. Read
/// a part at a time, `text` need only reach seven parts past `start` (five looked
/// at, and room for the lines after them) for the cut to be the one the whole text
/// gets; at the end of the input it is the whole rest.
pub fn next_cut(text: &str, start: usize, target: usize) -> usize {
    let target = target.max(1);
    if text.len().saturating_sub(start) > target {
        cut_point(text, start, target)
    } else {
        text.len()
    }
}

/// The best cut after `start + target` (the part is never shorter than `target`), or
/// the end. Looks up to four parts ahead for an article; the end of the text within
/// that reach is taken whole.
fn cut_point(text: &str, start: usize, target: usize) -> usize {
    let bytes = text.as_bytes();
    let want = start + target;
    let horizon = want
        .saturating_add(target.saturating_mul(4))
        .min(text.len());
    let mut in_fence = false;
    let mut blank_before = false;
    let mut last_len = 0usize;
    let (mut blank_cut, mut line_cut) = (None, None);
    let mut pos = start;
    while pos < horizon {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..end].trim_end();
        let fence = line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
        if pos >= want && pos > start && !in_fence {
            if blank_before && last_len >= BODY_LINE && starts_article(text, pos) {
                return pos;
            }
            if blank_before {
                blank_cut.get_or_insert(pos);
            }
            line_cut.get_or_insert(pos);
        }
        if fence {
            in_fence = !in_fence;
        }
        if line.is_empty() {
            blank_before = true;
        } else {
            blank_before = false;
            last_len = line.len();
        }
        pos = end;
    }
    if horizon == text.len() {
        // The end is within reach and no article starts before it: one last, longer
        // part rather than a short one that starts inside an article.
        return text.len();
    }
    blank_cut
        .or(line_cut)
        .unwrap_or_else(|| char_boundary(text, want.min(text.len())))
}

/// Whether a heading comes within the next three non-blank lines from `pos`, with
/// only short lines (a kicker, a banner) before it.
fn starts_article(text: &str, pos: usize) -> bool {
    text[pos..]
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .take(3)
        .find(|l| l.starts_with('#') || l.len() >= BODY_LINE)
        .is_some_and(|l| l.starts_with('#'))
}

/// The first character boundary at or after `at`.
fn char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_first_part_of_a_head_is_the_first_part_of_the_whole() {
        let text: String = (0..200).map(article).collect();
        let whole = cut(&text, 300);
        // Seven parts' worth, ending at a line end (as the reader reads a file's head).
        let head_end = memchr::memrchr(b'\n', &text.as_bytes()[..2100]).map_or(0, |i| i + 1);
        assert!(head_end >= 1800);
        assert_eq!(first(&text[..head_end], 300), whole[0]);
        assert_eq!(first(&text, 300), whole[0]);
    }

    fn article(n: usize) -> String {
        format!(
            "引题{n}\n\n## 标题{n}\n\n{}\n\n{}\n\n",
            "正文正文正文正文正文正文正文正文正文正文正文。".repeat(2),
            "又一段正文，写得很长很长很长很长很长很长很长。".repeat(2),
        )
    }

    #[test]
    fn parts_start_at_headings_with_their_kickers() {
        let text: String = (0..40).map(article).collect();
        let parts = cut(&text, 1000);
        assert!(parts.len() > 3, "{}", parts.len());
        for p in &parts[1..] {
            let head = &text[p.range.clone()];
            assert!(head.starts_with("引题"), "{:?}", &head[..30]);
        }
    }

    #[test]
    fn first_lines_count_the_lines_before() {
        let text: String = (0..40).map(article).collect();
        for p in cut(&text, 700) {
            let before = text[..p.range.start].matches('\n').count();
            assert_eq!(p.first_line, before + 1);
        }
    }

    #[test]
    fn a_fenced_page_is_not_cut_inside_its_fence() {
        let page = format!("```markdown\n{}```\n", article(1).repeat(3));
        let text = page.repeat(10);
        for p in cut(&text, page.len() / 2) {
            assert!(text[p.range.clone()].starts_with("```markdown"));
        }
    }

    #[test]
    fn one_long_line_is_cut_at_characters() {
        let text = "字".repeat(1000);
        let parts = cut(&text, 100);
        assert!(parts.len() >= 9);
        assert!(parts.iter().all(|p| text.is_char_boundary(p.range.start)));
    }

    proptest! {
        #[test]
        fn parts_cover_the_text_in_order(text in "(## [a-z]{0,5}\n|[字a-z]{0,90}\n|\n|```\n){0,80}", target in 1usize..200) {
            let parts = cut(&text, target);
            prop_assert_eq!(parts.first().map(|p| p.range.start), Some(0));
            prop_assert_eq!(parts.last().map(|p| p.range.end), Some(text.len()));
            for w in parts.windows(2) {
                prop_assert_eq!(w[0].range.end, w[1].range.start);
                prop_assert!(w[0].range.len() >= target.min(text.len()));
            }
            prop_assert!(parts.iter().all(|p| text.is_char_boundary(p.range.start)));
        }
    }
}
