//! Display widths, one grapheme cluster at a time.
//!
//! A terminal cell holds a grapheme cluster, not a `char`: `👨‍👩‍👧` is five chars and one
//! cluster, so widths are taken per cluster (unicode-segmentation) and clusters are the
//! smallest unit the wrapper may move. Two kinds of cluster cannot be drawn as they are
//! and get a stand-in here, so width accounting and the screen always agree:
//! tabs become [`TAB_WIDTH`] blanks, and other control characters (the parser should have
//! replaced them already) their Control Pictures symbol (`␁`), never the raw byte.
//!
//! # Limitations
//!
//! Widths are what unicode-width (and ratatui) assume. Terminals disagree on East Asian
//! ambiguous characters (“ ” … — · ①), which [`Measure::ambiguous_wide`] can count as two
//! columns, and on some emoji sequences, which a few terminals draw as several glyphs.
//! Offsets are 32-bit: a single block over 4 GiB (far beyond the 512 MiB input limit)
//! would be mis-set, though never panic.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns a tab expands to. Tabs are rare in newspaper text; a fixed width keeps the
/// wrapper position-independent.
pub const TAB_WIDTH: u16 = 4;

/// How a cluster takes part in wrapping, besides its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterKind {
    /// Drawn as it is.
    Text,
    /// A space or tab: may hang past the end of a line and is dropped there.
    Space,
    /// A line separator inside a block (table rows): forces a break, is never drawn.
    Newline,
}

/// One grapheme cluster of a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    /// Byte offset in the measured text; 32 bits keep a cluster at 8 bytes, which
    /// matters for multi-megabyte paragraphs (input files are limited to 512 MiB).
    offset: u32,
    /// Columns it takes on screen.
    pub width: u16,
    pub kind: ClusterKind,
}

impl Cluster {
    /// Byte offset in the measured text.
    pub fn start(&self) -> usize {
        self.offset as usize
    }
}

/// Width rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Measure {
    /// Count East Asian ambiguous characters as two columns.
    pub ambiguous_wide: bool,
}

impl Measure {
    /// Columns of one grapheme cluster as it will be drawn (see [`display`]).
    pub fn cluster_width(&self, cluster: &str) -> u16 {
        let mut chars = cluster.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && !c.is_control()
        {
            // The common case, without string scans (same answer as a one-char str).
            let w = if self.ambiguous_wide {
                c.width_cjk()
            } else {
                c.width()
            };
            return u16::from(w.unwrap_or(0) as u8);
        }
        match classify(cluster) {
            ClusterKind::Newline => 0,
            ClusterKind::Space if cluster == "\t" => TAB_WIDTH,
            _ if needs_stand_in(cluster) => self.str_width(&display(cluster)),
            _ => self.str_width(cluster),
        }
    }

    fn str_width(&self, s: &str) -> u16 {
        let w = if self.ambiguous_wide {
            s.width_cjk()
        } else {
            s.width()
        };
        u16::try_from(w).unwrap_or(u16::MAX)
    }

    /// Total columns of `text` drawn on one line.
    pub fn width(&self, text: &str) -> usize {
        text.graphemes(true)
            .map(|g| usize::from(self.cluster_width(g)))
            .sum()
    }

    /// Measures every cluster of `text`.
    pub fn clusters(&self, text: &str) -> Vec<Cluster> {
        let mut out = Vec::with_capacity(text.len() / 2);
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let alone = simple(c) && chars.peek().is_none_or(|(_, n)| simple(*n));
            let end = if alone {
                start + c.len_utf8()
            } else {
                // A cluster boundary is certain at `start`, so segmenting from there
                // gives the same cluster as segmenting the whole text.
                let rest = text.get(start..).unwrap_or("");
                let len = rest.graphemes(true).next().map_or(rest.len(), str::len);
                while chars.next_if(|(i, _)| *i < start + len).is_some() {}
                start + len
            };
            let g = text.get(start..end).unwrap_or("");
            out.push(Cluster {
                offset: u32::try_from(start).unwrap_or(u32::MAX),
                width: self.cluster_width(g),
                kind: classify(g),
            });
        }
        out
    }
}

/// Characters that always form a grapheme cluster of their own when their neighbours
/// are such characters too (no extenders, joiners, prepends, Hangul or emoji): the fast
/// path of [`Measure::clusters`] for Chinese and ASCII text.
fn simple(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{2010}'..='\u{2027}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303f}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ff01}'..='\u{ff60}')
}

fn classify(cluster: &str) -> ClusterKind {
    match cluster {
        " " | "\t" => ClusterKind::Space,
        "\n" | "\r\n" | "\r" | "\u{2028}" | "\u{2029}" => ClusterKind::Newline,
        _ => ClusterKind::Text,
    }
}

fn needs_stand_in(s: &str) -> bool {
    s.chars().any(char::is_control)
}

/// `text` as it must reach the screen: tabs expanded, other control characters shown as
/// their Control Pictures symbol. Borrows when nothing needs replacing (the usual case).
pub fn display(text: &str) -> Cow<'_, str> {
    if !needs_stand_in(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '\t' => out.extend(std::iter::repeat_n(' ', usize::from(TAB_WIDTH))),
            '\n' | '\r' => {}
            c if c.is_control() => out.push(control_picture(c)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn control_picture(c: char) -> char {
    match u32::from(c) {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NARROW: Measure = Measure {
        ambiguous_wide: false,
    };
    const WIDE: Measure = Measure {
        ambiguous_wide: true,
    };

    #[test]
    fn cjk_is_two_latin_is_one() {
        assert_eq!(NARROW.width("中文ab"), 6);
    }

    #[test]
    fn ambiguous_characters_follow_the_option() {
        for ch in ["“", "”", "‘", "’", "…", "—", "·", "①"] {
            assert_eq!(NARROW.cluster_width(ch), 1, "{ch}");
            assert_eq!(WIDE.cluster_width(ch), 2, "{ch}");
        }
    }

    #[test]
    fn zwj_family_is_one_wide_cluster() {
        let clusters = NARROW.clusters("👨‍👩‍👧a");
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].width, 2);
    }

    #[test]
    fn controls_are_shown_and_measured_as_pictures() {
        assert_eq!(display("a\u{1}b"), "a\u{2401}b");
        assert_eq!(NARROW.width("a\u{1}b"), 3);
        assert_eq!(display("a\tb"), "a    b");
        assert_eq!(NARROW.width("a\tb"), 6);
        assert!(matches!(display("纯文本"), Cow::Borrowed(_)));
    }

    #[test]
    fn single_chars_measure_as_one_char_strings() {
        for c in (0..0x3_0000)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_control())
        {
            let s = c.to_string();
            for m in [NARROW, WIDE] {
                assert_eq!(m.cluster_width(&s), m.str_width(&s), "{:x}", u32::from(c));
            }
        }
    }

    #[test]
    fn fast_clusters_match_the_segmenter() {
        let tricky = "中e\u{301}文👨‍👩‍👧,a\r\nb🇨🇳🇺🇸x〪好\u{200d}〃ｱﾞ한국어\t“引”";
        for text in [crate::input::SAMPLE, tricky] {
            let fast: Vec<usize> = NARROW.clusters(text).iter().map(Cluster::start).collect();
            let slow: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
            assert_eq!(fast, slow);
        }
    }

    #[test]
    fn newlines_take_no_columns() {
        let clusters = NARROW.clusters("a\r\nb");
        assert_eq!(clusters[1].kind, ClusterKind::Newline);
        assert_eq!(clusters[1].width, 0);
    }
}
