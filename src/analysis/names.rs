//! Person, place and organisation names for the names highlight mode and the dump.
//!
//! jieba's proper-noun tags alone are not trustworthy on news text: it tags 文明, 关怀 and
//! 大家庭 as people and 美丽, 惠及 as places, misses names it has never seen (任静 comes out
//! as 任 + 静), and cuts organisations into pieces. So each kind has its own rules over
//! jieba's segmentation of each part of the article (ranges never cross a block, and are
//! byte ranges into `Document::text`):
//!
//! * People ([`person`]): every name in the byline; elsewhere a 2–4 character candidate
//!   (jieba's `nr`, or an unknown word, or a lone surname with the one or two characters
//!   after it) that starts with a surname from `assets/surnames.txt` and stands next to a
//!   role or speech word (`书记沈媛`, `吴晓东说`, `任静（化名）`) or has the shape of a full
//!   name that jieba itself tags `nr`. A name accepted once is a name everywhere in the
//!   article.
//! * Places ([`place`]): words of the gazetteer of China's administrative divisions
//!   (`assets/places.txt`, rebuilt by `scripts/build_places.py`), which the segmenter loads
//!   as words, plus jieba's `ns` words that end in a place suffix (省, 县, 镇, 国…) and
//!   are not generic (山区, 大国, 全国).
//! * Organisations ([`org`]): a word ending in an organisation suffix (委员会, 协会, 大队,
//!   公司, 局, 街道, 社区…) with the place and noun words before it, whole
//!   (`大同市爱心公益协会`), and jieba's `nt` words.
//!
//! Where names overlap, the organisation wins (大同市 inside 大同市爱心公益协会 is not also a
//! place), then the longer name.

mod byline;
pub mod lexicon;
mod org;
mod person;
mod place;

use std::collections::HashSet;
use std::ops::Range;

use super::search::BlockRef;
use super::segmenter::Segmenter;
use crate::document::{BlockKind, Document};

/// The kind of a name; each has its own highlight style and legend entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    Person,
    Place,
    Organisation,
}

impl NameKind {
    /// The kind for a jieba part-of-speech tag, if it is a name tag.
    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag {
            "nr" | "nrt" | "nrfg" => Some(Self::Person),
            "ns" => Some(Self::Place),
            "nt" => Some(Self::Organisation),
            _ => None,
        }
    }

    /// A label for the help legend.
    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Place => "place",
            Self::Organisation => "organisation",
        }
    }
}

/// One name in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub kind: NameKind,
    pub block: BlockRef,
    /// Byte range into `Document::text`.
    pub range: Range<usize>,
}

/// A jieba token of one part: its byte range in the part's text, word and tag.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub range: Range<usize>,
    pub word: &'a str,
    pub tag: String,
}

/// The people named in a byline, as byte ranges into `byline` (for the dump, for
/// keywords to leave out, and for the names mode).
pub fn byline_people(byline: &str) -> Vec<Range<usize>> {
    byline::people(byline)
}

/// `text` cut into jieba's tagged words.
fn tokens_of<'a>(seg: &Segmenter, text: &'a str) -> Vec<Token<'a>> {
    seg.tagged(text)
        .into_iter()
        .filter_map(|(range, tag)| {
            Some(Token {
                word: text.get(range.clone())?,
                range,
                tag,
            })
        })
        .collect()
}

/// The names in one article, in reading order.
pub fn names(seg: &Segmenter, doc: &Document, article: usize) -> Vec<Name> {
    let Some(a) = doc.articles.get(article) else {
        return Vec::new();
    };
    let mut found: Vec<Name> = Vec::new();
    let mut known: HashSet<String> = HashSet::new();
    if let Some(span) = &a.byline {
        let text = doc.str(span);
        let people = byline::people(text);
        // The dateline's place (`本报成都6月2日电`, `北京海淀区  陈  雪`), outside the names.
        let tokens = tokens_of(seg, text);
        let places: Vec<Range<usize>> = place::find(&tokens)
            .into_iter()
            .filter(|p| !people.iter().any(|r| r.start < p.end && p.start < r.end))
            .collect();
        for r in &people {
            if let Some(w) = text.get(r.clone()) {
                known.insert(w.split_whitespace().collect());
            }
        }
        let mut in_byline: Vec<(NameKind, Range<usize>)> = people
            .into_iter()
            .map(|r| (NameKind::Person, r))
            .chain(places.into_iter().map(|r| (NameKind::Place, r)))
            .collect();
        in_byline.sort_by_key(|(_, r)| r.start);
        for (kind, r) in in_byline {
            found.push(Name {
                kind,
                block: BlockRef::Byline,
                range: span.range.start + r.start..span.range.start + r.end,
            });
        }
    }
    let parts: Vec<(BlockRef, &str, usize, Vec<Token>)> = BlockRef::all(a)
        .filter(|(part, _)| *part != BlockRef::Byline)
        .filter(|(part, _)| match part {
            BlockRef::Block(i) => a
                .blocks
                .get(*i)
                .is_some_and(|b| !matches!(b.kind, BlockKind::Image | BlockKind::Furniture)),
            _ => true,
        })
        .map(|(part, span)| {
            let text = doc.str(span);
            (part, text, span.range.start, tokens_of(seg, text))
        })
        .collect();
    // People first over the whole article, so a name confirmed in one paragraph is known
    // in the others (and in the headline).
    let mut people: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, (_, text, _, tokens)) in parts.iter().enumerate() {
        for r in person::confirmed(text, tokens) {
            if let Some(w) = text.get(r.clone()) {
                known.insert(w.to_string());
            }
            people.push((i, r));
        }
    }
    for (i, (part, text, base, tokens)) in parts.iter().enumerate() {
        let mut local: Vec<(NameKind, Range<usize>)> = Vec::new();
        local.extend(
            org::find(text, tokens)
                .into_iter()
                .map(|r| (NameKind::Organisation, r)),
        );
        local.extend(
            people
                .iter()
                .filter(|(p, _)| *p == i)
                .map(|(_, r)| (NameKind::Person, r.clone())),
        );
        local.extend(
            person::known_in(text, &known)
                .into_iter()
                .map(|r| (NameKind::Person, r)),
        );
        local.extend(
            place::find(tokens)
                .into_iter()
                .map(|r| (NameKind::Place, r)),
        );
        for (kind, range) in resolve(local) {
            found.push(Name {
                kind,
                block: *part,
                range: base + range.start..base + range.end,
            });
        }
    }
    found.sort_by_key(|n| (n.range.start, n.range.end));
    found.dedup_by(|a, b| a.range == b.range);
    found
}

/// Flattens overlapping candidates: organisations first, then the longer, then earlier.
fn resolve(mut local: Vec<(NameKind, Range<usize>)>) -> Vec<(NameKind, Range<usize>)> {
    local.sort_by_key(|(kind, r)| {
        (
            *kind != NameKind::Organisation,
            std::cmp::Reverse(r.end - r.start),
            r.start,
        )
    });
    let mut kept: Vec<(NameKind, Range<usize>)> = Vec::new();
    for (kind, r) in local {
        if r.start < r.end && !kept.iter().any(|(_, k)| k.start < r.end && r.start < k.end) {
            kept.push((kind, r));
        }
    }
    kept.sort_by_key(|(_, r)| r.start);
    kept
}

/// Whether every character of `s` is a Han ideograph.
pub(crate) fn all_han(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'))
}

/// Tokens for `parts` (word, jieba tag) laid over `text` in order: the segmentation a
/// test wants, without loading jieba.
#[cfg(test)]
pub(crate) fn tokens_for<'a>(text: &'a str, parts: &[(&'a str, &str)]) -> Vec<Token<'a>> {
    let mut at = 0;
    parts
        .iter()
        .map(|(w, tag)| {
            let start = text[at..].find(w).expect("the part is in the text") + at;
            at = start + w.len();
            Token {
                range: start..at,
                word: w,
                tag: (*tag).to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_kinds() {
        assert_eq!(NameKind::from_tag("nrt"), Some(NameKind::Person));
        assert_eq!(NameKind::from_tag("ns"), Some(NameKind::Place));
        assert_eq!(NameKind::from_tag("nt"), Some(NameKind::Organisation));
        assert_eq!(NameKind::from_tag("n"), None);
    }

    #[test]
    fn organisations_win_overlaps_then_longer_names() {
        let kept = resolve(vec![
            (NameKind::Place, 0..9),
            (NameKind::Organisation, 0..27),
            (NameKind::Person, 30..36),
            (NameKind::Place, 30..39),
        ]);
        assert_eq!(
            kept,
            [(NameKind::Organisation, 0..27), (NameKind::Place, 30..39)]
        );
    }
}
