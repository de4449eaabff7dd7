//! The truth of a page: the structure a careful editor gives it, in the JSON form the
//! structure scorer reads (`score.rs`, `scripts/structscore.py`).
//!
//! Conventions the generator follows when it writes a truth (they decide points, so
//! they are written down once, here):
//! - `paragraphs` counts the article's body paragraphs after column breaks are
//!   rejoined; a caption dropped inside a paragraph is not a paragraph, and the
//!   paragraph around it counts once.
//! - A byline is the printed line, wherever it stands (own line, inline at the start of
//!   the first paragraph, trailing); it is never a paragraph. A closing note such as
//!   `（本报记者赵六参与采写）` or a closing dateline is a paragraph when the article has
//!   another byline, and the trailing byline when it has none (as in `MANIFEST.md`).
//! - A continuation note glued to a paragraph (`（上接第一版）工程…`) is part of it; a
//!   note on its own line is page furniture, not a paragraph.
//! - Photo credits (`…摄`, `…供图`) are never body text (`not_in_paragraphs`); a photo
//!   item (photo, its own title, caption, credit) is an article of its own with no
//!   paragraphs.
//! - Furniture, banners and series labels are never titles (`not_titles`).

use serde::Serialize;

/// One article as the scorer expects it.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct TruthArticle {
    pub title: Option<String>,
    pub kicker: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kicker_alt: Vec<String>,
    pub subtitle: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subtitle_alt: Vec<String>,
    pub byline: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub byline_alt: Vec<String>,
    pub paragraphs: usize,
    /// The opening of the first paragraph, for an untitled continuation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subheads: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub captions: Vec<String>,
}

/// A whole page's truth.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Truth {
    pub doc: String,
    pub articles: Vec<TruthArticle>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_titles: Vec<String>,
    /// Column breaks: the end of the first part and the start of the second.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub joins: Vec<(String, String)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_in_paragraphs: Vec<String>,
    /// Raw markup that must not show in any text of the dump.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
}

impl Truth {
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// Pretty JSON, as the truth files on disk.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_in_the_scorer_format() {
        let t = Truth {
            doc: "p".into(),
            articles: vec![TruthArticle {
                title: None,
                paragraphs: 2,
                first: Some("为扮靓".into()),
                ..TruthArticle::default()
            }],
            joins: vec![("菜农拉着带".into(), "泥土".into())],
            ..Truth::default()
        };
        let v = t.to_value();
        assert_eq!(v["articles"][0]["title"], serde_json::Value::Null);
        assert_eq!(v["articles"][0]["first"], "为扮靓");
        assert!(v["articles"][0].get("captions").is_none());
        assert_eq!(v["joins"][0][1], "泥土");
        assert!(v.get("absent").is_none());
    }
}
