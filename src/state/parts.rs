//! Very long articles read as several units ("parts").
//!
//! Layout is cached per unit, so a unit's size bounds what a key can cost: a 20 MB
//! single-line page laid out whole takes about a second per width. An article with a
//! block (paragraph, table, quote, list item…) longer than [`PART_BYTES`] is therefore
//! cut into parts of about that size,
//! after a sentence end where one is near, and each part is laid out on its own
//! ([`crate::layout::lay_out_part`]). The only visible trace is a line that ends a
//! little early at each cut.

use crate::document::Document;
use crate::layout::{Part, PartBlock};

/// An article with a block longer than this many bytes is read in parts of about
/// this size.
pub const PART_BYTES: usize = 64 * 1024;

/// The parts of article `article` when one of its blocks is longer than
/// [`PART_BYTES`], cut after a sentence end where there is one nearby.
pub fn split(doc: &Document, article: usize) -> Option<Vec<Part>> {
    // A stub holds no body (its blocks are headlines and empty stand-ins): never
    // long, and its records are not built for the question (`document::articles`).
    if crate::document::stub::is_stub(doc) {
        return None;
    }
    let a = doc.articles.get(article)?;
    // Every block kind: a 10 MB table cell, quote or list item laid out whole cost
    // ~450 MB at a 1×1 terminal and a tenth of a second per resize (issue 18).
    let long = |len: usize| len > PART_BYTES;
    if !a.blocks.iter().any(|b| long(b.span.range.len())) {
        return None;
    }
    let mut parts = Vec::new();
    let mut current = Part {
        head: true,
        ..Part::default()
    };
    for (block, b) in a.blocks.iter().enumerate() {
        let (mut start, end) = (b.span.range.start, b.span.range.end);
        if !long(end - start) {
            current.blocks.push(PartBlock {
                block,
                range: start..end,
                continued: false,
            });
            continue;
        }
        let mut continued = false;
        while start < end {
            let cut = cut_point(&doc.text, start, end);
            current.blocks.push(PartBlock {
                block,
                range: start..cut,
                continued,
            });
            continued = true;
            start = cut;
            if start < end {
                parts.push(std::mem::take(&mut current));
            }
        }
    }
    current.tail = true;
    parts.push(current);
    Some(parts)
}

/// Where a part starting at `start` ends: about [`PART_BYTES`] on, just after a
/// sentence end in the last 4 KB if there is one, always on a character boundary and
/// always past `start`.
pub fn cut_point(text: &str, start: usize, end: usize) -> usize {
    let target = start + PART_BYTES;
    if target >= end {
        return end;
    }
    let floor = |mut i: usize| {
        while i > start && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let cut = floor(target);
    let low = floor(target.saturating_sub(4096).max(start));
    let sentence = text
        .get(low..cut)
        .and_then(|window| window.rfind(['。', '！', '？', '；']))
        .map(|i| low + i + '。'.len_utf8());
    match sentence {
        Some(after) if after > start => after,
        _ if cut > start => cut,
        // No boundary before `target` (cannot happen for valid UTF-8): take the next.
        _ => (target..end)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_after_a_sentence_end_on_a_char_boundary() {
        let text = "今年以来全市经济运行稳中有进。".repeat(10_000);
        let cut = cut_point(&text, 0, text.len());
        assert!(cut <= PART_BYTES && cut > PART_BYTES - 4096);
        assert!(text[..cut].ends_with('。'));
        let plain = "经".repeat(50_000);
        let cut = cut_point(&plain, 3, plain.len());
        assert!(plain.is_char_boundary(cut) && cut > 3 && cut <= 3 + PART_BYTES);
        assert_eq!(cut_point(&plain, 0, 300), 300, "a short rest is one part");
    }

    #[test]
    fn parts_cover_the_article_once() {
        let body = "据了解，今年以来全市经济运行稳中有进。".repeat(12_000);
        let doc = crate::document::parse("p.md", &format!("## 标题\n\n{body}\n"));
        let parts = split(&doc, 0).expect("a long paragraph is split");
        assert!(parts.len() > 2);
        assert!(parts[0].head && !parts[0].tail);
        assert!(parts.last().is_some_and(|p| p.tail && !p.head));
        let pieces: Vec<_> = parts.iter().flat_map(|p| &p.blocks).collect();
        for pair in pieces.windows(2) {
            assert_eq!(pair[0].range.end, pair[1].range.start);
            assert!(pair[1].continued);
        }
        let span = &doc.articles[0].blocks[0].span.range;
        assert_eq!(pieces[0].range.start, span.start);
        assert_eq!(pieces.last().map(|p| p.range.end), Some(span.end));
        assert!(split(&crate::document::parse("s.md", "## 短\n\n短文。\n"), 0).is_none());
    }

    #[test]
    fn long_blocks_of_every_kind_are_split() {
        let long = "据了解，今年以来全市经济运行稳中有进。".repeat(12_000);
        for page in [
            format!("## 标题\n\n> {long}\n"),
            format!("## 标题\n\n- {long}\n"),
            format!("## 标题\n\n| 表头 |\n| --- |\n| {long} |\n"),
        ] {
            let doc = crate::document::parse("p.md", &page);
            let a = &doc.articles[0];
            let (index, block) = a
                .blocks
                .iter()
                .enumerate()
                .max_by_key(|(_, b)| b.span.range.len())
                .expect("a block");
            let parts = split(&doc, 0).unwrap_or_else(|| panic!("{:?} not split", block.kind));
            let pieces: Vec<_> = parts
                .iter()
                .flat_map(|p| &p.blocks)
                .filter(|p| p.block == index)
                .collect();
            assert!(pieces.len() > 2, "{:?}", block.kind);
            assert_eq!(pieces[0].range.start, block.span.range.start);
            assert_eq!(
                pieces.last().map(|p| p.range.end),
                Some(block.span.range.end)
            );
            for pair in pieces.windows(2) {
                assert_eq!(pair[0].range.end, pair[1].range.start);
            }
        }
    }
}
