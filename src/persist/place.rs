//! A place in a set of pages that outlives the run, the terminal width and edits.
//!
//! The reader's own position (unit, visual line) depends on the width the text was
//! laid out at. A [`Place`] says instead *which page* (by index and by a hash of its
//! text, [`content_key`]) and *which byte* of that page's text the top line starts
//! at, plus a few characters of that text (the anchor). [`resolve`] finds it again:
//!
//! * the same page (same key) anywhere in the set: the byte as it was, so a
//!   different width lands on the same sentence;
//! * a page that changed: the anchor's occurrence nearest the old byte (an edit above
//!   shifts the offset, the sentence is still found); if the anchor's sentence was
//!   edited itself, half of it is tried; if nothing survives, the old offset, clamped.
//!
//! ```
//! use kanbao::persist::place::{Page, Place, resolve};
//! let old = "头版。今天下雨。明天晴。";
//! let place = Place::at(0, old, old.find("明天").unwrap());
//! let new = "号外！头版。今天下雨。明天晴。";
//! let pages = [Page { key: kanbao::persist::content_key(new), text: new }];
//! assert_eq!(resolve(&place, &pages), Some((0, new.find("明天").unwrap())));
//! ```

use serde::{Deserialize, Serialize};

/// Characters of text kept after the place, to find it in an edited page.
const ANCHOR_CHARS: usize = 24;

/// A remembered reading position (or mark).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The page's index in its set (0-based).
    pub doc: usize,
    /// [`content_key`] of that page's text when the place was taken.
    pub doc_key: u64,
    /// Byte offset into the page's text where the top line's text starts.
    pub byte: usize,
    /// Blank lines shown above that line at the top of the pane.
    #[serde(default)]
    pub lines_above: usize,
    /// The line is page furniture (printed before the first article).
    #[serde(default)]
    pub furniture: bool,
    /// Up to [`ANCHOR_CHARS`] characters of text from `byte` on.
    #[serde(default)]
    pub anchor: String,
}

impl Place {
    /// The place at `byte` of page `doc`, whose text is `text`.
    pub fn at(doc: usize, text: &str, byte: usize) -> Self {
        let byte = floor_boundary(text, byte);
        Self {
            doc,
            doc_key: content_key(text),
            byte,
            lines_above: 0,
            furniture: false,
            anchor: text
                .get(byte..)
                .unwrap_or_default()
                .chars()
                .take(ANCHOR_CHARS)
                .collect(),
        }
    }
}

/// One page of the set a place is looked for in.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    pub key: u64,
    pub text: &'a str,
}

/// A stable 64-bit hash of a page's text (FNV-1a): the same text gives the same key
/// in every run and every version of kanbao, which `std`'s hasher does not promise.
pub fn content_key(text: &str) -> u64 {
    super::hash::stable_hash(text.as_bytes())
}

/// Where `place` is in `pages`: (page index, byte offset). `None` for an empty set.
pub fn resolve(place: &Place, pages: &[Page<'_>]) -> Option<(usize, usize)> {
    if pages.is_empty() {
        return None;
    }
    let clamp = |p: &Page<'_>| floor_boundary(p.text, place.byte);
    // The same page where it was, then the same page moved within the set.
    if let Some(p) = pages.get(place.doc).filter(|p| p.key == place.doc_key) {
        return Some((place.doc, clamp(p)));
    }
    if let Some((i, p)) = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.key == place.doc_key)
        .min_by_key(|(i, _)| i.abs_diff(place.doc))
    {
        return Some((i, clamp(p)));
    }
    // The page changed: look for its text, first where it was.
    let doc = place.doc.min(pages.len() - 1);
    if let Some(byte) = pages.get(doc).and_then(|p| find_anchor(p.text, place)) {
        return Some((doc, byte));
    }
    for (i, p) in pages.iter().enumerate() {
        if let Some(byte) = find_anchor(p.text, place) {
            return Some((i, byte));
        }
    }
    Some((doc, pages.get(doc).map_or(0, clamp)))
}

/// The occurrence of the anchor (or of its first or second half) nearest the old
/// offset.
fn find_anchor(text: &str, place: &Place) -> Option<usize> {
    let anchor = place.anchor.as_str();
    if anchor.chars().count() < 2 {
        return None;
    }
    let half = anchor
        .char_indices()
        .nth(anchor.chars().count() / 2)
        .map_or(anchor.len(), |(i, _)| i);
    let (first, second) = anchor.split_at(half);
    // (needle, how far into the anchor the needle starts)
    for (needle, shift) in [(anchor, 0), (first, 0), (second, half)] {
        if needle.chars().count() < 2 {
            continue;
        }
        let best = text
            .match_indices(needle)
            .map(|(i, _)| i.saturating_sub(shift))
            .min_by_key(|&i| i.abs_diff(place.byte));
        if let Some(at) = best {
            return Some(floor_boundary(text, at));
        }
    }
    None
}

/// `byte` moved back to a character boundary of `text` (and at most its length).
fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page<'_> {
        Page {
            key: content_key(text),
            text,
        }
    }

    const OLD: &str = "第一版。北京今天下雨，气温十度。上海晴转多云。广州有雷阵雨，请带伞。";

    fn place_at(word: &str) -> Place {
        Place::at(0, OLD, OLD.find(word).unwrap())
    }

    #[test]
    fn the_same_page_gives_the_same_byte_even_moved() {
        let p = place_at("上海");
        assert_eq!(resolve(&p, &[page(OLD)]), Some((0, p.byte)));
        let other = "别的一页。";
        assert_eq!(resolve(&p, &[page(other), page(OLD)]), Some((1, p.byte)));
    }

    #[test]
    fn an_edit_above_shifts_the_offset_and_the_anchor_finds_it() {
        let p = place_at("上海");
        let new = OLD.replace("第一版。", "第一版（更正）。号外！");
        let got = resolve(&p, &[page(&new)]).unwrap();
        assert_eq!(got, (0, new.find("上海").unwrap()));
    }

    #[test]
    fn an_edit_inside_the_anchor_finds_the_surviving_half() {
        let p = place_at("上海");
        // The first half of the anchor changed; its second half survives.
        let new = OLD.replace("上海晴转多云。", "上海今日阴。");
        let (doc, byte) = resolve(&p, &[page(&new)]).unwrap();
        assert_eq!(doc, 0);
        let at = new.find("上海").unwrap();
        assert!(byte.abs_diff(at) <= 12, "{byte} vs {at}");
        assert!(new.is_char_boundary(byte));
    }

    #[test]
    fn the_nearest_of_several_occurrences_wins() {
        let text = "天气。天气。";
        let p = Place::at(0, text, text.rfind("天气").unwrap());
        let new = format!("{text}后面又加了很多很多的字。天气。");
        let (_, byte) = resolve(&p, &[page(&new)]).unwrap();
        assert_eq!(byte, p.byte, "not the first nor the last occurrence");
    }

    #[test]
    fn nothing_surviving_clamps_to_a_boundary() {
        let p = place_at("广州");
        let new = "全新的一页。";
        let (doc, byte) = resolve(&p, &[page(new)]).unwrap();
        assert_eq!(doc, 0);
        assert!(byte <= new.len() && new.is_char_boundary(byte));
        assert_eq!(resolve(&p, &[]), None);
    }

    #[test]
    fn keys_are_stable() {
        assert_eq!(content_key(""), 0xcbf2_9ce4_8422_2325);
        assert_ne!(content_key("看报"), content_key("看報"));
    }
}
