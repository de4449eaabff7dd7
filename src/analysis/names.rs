//! Person, place and organisation names for the names highlight mode.
//!
//! jieba tags proper nouns `nr` (people; also `nrt`, `nrfg`), `ns` (places) and `nt`
//! (organisations). Each part of an article is tagged separately, so ranges never
//! cross a block and are byte ranges into `Document::text`. Single characters are left
//! out: jieba tags lone surnames and place syllables that readers would not call names.

use std::ops::Range;

use super::search::BlockRef;
use super::segmenter::Segmenter;
use crate::document::Document;

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

/// The names in one article, in reading order.
pub fn names(seg: &Segmenter, doc: &Document, article: usize) -> Vec<Name> {
    let Some(a) = doc.articles.get(article) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (part, span) in BlockRef::all(a) {
        let text = doc.str(span);
        for (range, tag) in seg.tagged(text) {
            let Some(kind) = NameKind::from_tag(&tag) else {
                continue;
            };
            if text
                .get(range.clone())
                .is_some_and(|w| w.chars().count() >= 2)
            {
                out.push(Name {
                    kind,
                    block: part,
                    range: span.range.start + range.start..span.range.start + range.end,
                });
            }
        }
    }
    out
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
}
