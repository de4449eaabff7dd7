//! The real articles (`data/articles.jsonl`, see `data/MANIFEST.md`) the page
//! generator builds pages from, and their deterministic split into a training part
//! (what structure weights are fitted on) and a dev part (what is reported).
//!
//! The split is by article, decided by a hash of the article's `source`, so it never
//! changes when articles are added, reordered or when the generator changes.

use std::sync::OnceLock;

use serde::Deserialize;

/// The bundled corpus, one JSON object a line.
const ARTICLES_JSONL: &str = include_str!("../data/articles.jsonl");

/// Where the byline was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BylinePosition {
    /// A line of its own under the headline.
    OwnLine,
    /// At the start of the first paragraph (`本报讯（记者…）`).
    Inline,
    /// A line at the end of the article.
    Trailing,
}

/// One real article with its printed structure (fields as in MANIFEST.md).
#[derive(Debug, Clone, Deserialize)]
pub struct Article {
    pub source: String,
    pub date: Option<String>,
    pub section: Option<String>,
    pub kicker: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
    pub byline: Option<String>,
    pub byline_position: Option<BylinePosition>,
    pub subheads: Vec<String>,
    pub subhead_at: Vec<usize>,
    pub paragraphs: Vec<String>,
    pub captions: Vec<String>,
    pub caption_at: Vec<usize>,
    pub kind: String,
}

impl Article {
    /// Characters of body text.
    pub fn body_chars(&self) -> usize {
        self.paragraphs.iter().map(|p| p.chars().count()).sum()
    }
}

/// The two disjoint parts of everything the generator draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Split {
    /// Fit on this.
    Train,
    /// Report on this; never look at it while fitting.
    Dev,
}

impl Split {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Train => "train",
            Self::Dev => "dev",
        }
    }
}

impl std::str::FromStr for Split {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "train" => Ok(Self::Train),
            "dev" => Ok(Self::Dev),
            other => Err(format!("unknown split {other:?} (train or dev)")),
        }
    }
}

/// FNV-1a, 64 bit: stable across platforms and Rust versions (unlike `DefaultHasher`).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// An article's part: about one in four goes to dev.
pub fn split_of(article: &Article) -> Split {
    if fnv1a(article.source.as_bytes()).is_multiple_of(4) {
        Split::Dev
    } else {
        Split::Train
    }
}

/// Every bundled article, parsed once. The file ships with the crate and is checked
/// by this module's tests, so a parse failure is a build defect, not input.
pub fn all() -> &'static [Article] {
    static ALL: OnceLock<Vec<Article>> = OnceLock::new();
    ALL.get_or_init(|| {
        ARTICLES_JSONL
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("bundled articles.jsonl is valid"))
            .collect()
    })
}

/// The articles of one part, in file order.
pub fn of(split: Split) -> Vec<&'static Article> {
    all().iter().filter(|a| split_of(a) == split).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_articles_load_with_consistent_positions() {
        let all = all();
        assert_eq!(all.len(), 310);
        for a in all {
            assert_eq!(a.subheads.len(), a.subhead_at.len(), "{}", a.source);
            assert_eq!(a.captions.len(), a.caption_at.len(), "{}", a.source);
            assert!(a.subhead_at.iter().all(|&n| n <= a.paragraphs.len()));
            assert!(a.caption_at.iter().all(|&n| n <= a.paragraphs.len()));
            assert_eq!(
                a.byline.is_some(),
                a.byline_position.is_some(),
                "{}",
                a.source
            );
        }
    }

    #[test]
    fn split_is_by_article_about_three_to_one_and_covers_every_shape() {
        let train = of(Split::Train);
        let dev = of(Split::Dev);
        assert_eq!(train.len() + dev.len(), 310);
        assert!((60..=100).contains(&dev.len()), "dev has {}", dev.len());
        for part in [&train, &dev] {
            assert!(part.iter().any(|a| a.kind == "brief"));
            assert!(part.iter().any(|a| !a.captions.is_empty()));
            assert!(part.iter().any(|a| a.kicker.is_some()));
            assert!(part.iter().any(|a| a.subtitle.is_some()));
            assert!(part.iter().any(|a| !a.subheads.is_empty()));
            for pos in [
                BylinePosition::OwnLine,
                BylinePosition::Inline,
                BylinePosition::Trailing,
            ] {
                assert!(
                    part.iter().any(|a| a.byline_position == Some(pos)),
                    "{pos:?}"
                );
            }
        }
        let sources: std::collections::HashSet<_> = dev.iter().map(|a| &a.source).collect();
        assert!(train.iter().all(|a| !sources.contains(&a.source)));
    }
}
