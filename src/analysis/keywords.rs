//! Per-article keywords (TF-IDF by default, `TextRank` on request) and where they occur.
//!
//! An article's text for extraction is its headline fields and body blocks, photo
//! credits and images left out. Only content words count: nouns (`n`, `nr`, `ns`, `nt`,
//! `nz`), verbal nouns (`vn`) and verbs (`v`), never single characters, numbers or
//! the generic newspaper verbs in [`STOP_WORDS`]. Occurrences are found in the parsed
//! text of each part, so a keyword the source split across a column break is
//! highlighted whole, and are returned as byte ranges into `Document::text`.

use std::ops::Range;

use jieba_rs::KeywordExtract;
use memchr::memmem;

use super::search::BlockRef;
use super::segmenter::Segmenter;
use crate::document::{BlockKind, Document};

/// Parts of speech a keyword may have.
pub const CONTENT_POS: &[&str] = &["n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "vn", "v"];

/// Words too common in news writing to say what an article is about.
pub const STOP_WORDS: &[&str] = &[
    "进行",
    "开展",
    "表示",
    "认为",
    "实现",
    "提升",
    "加强",
    "推进",
    "推动",
    "坚持",
    "发挥",
    "提高",
    "做好",
    "成为",
    "没有",
    "可以",
    "需要",
    "通过",
    "作为",
    "进一步",
    "就是",
    "还是",
    "已经",
    "目前",
    "今年",
    "近日",
    "记者",
    "本报",
    "本报讯",
    "工作",
    "方面",
    "问题",
    "有关",
    "相关",
    "情况",
    "活动",
    "时间",
    "一个",
    "这个",
    "我们",
    "他们",
    "她们",
    "自己",
    "大家",
    "有限公司",
    "来说",
    "来自",
    "包括",
    "得到",
    "给予",
    "使得",
    "形成",
];

/// Which algorithm ranks the candidates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Method {
    #[default]
    TfIdf,
    TextRank,
}

/// What to extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeywordOptions {
    /// How many keywords per article (`--keywords N`); 0 turns extraction off.
    pub top: usize,
    pub method: Method,
}

impl Default for KeywordOptions {
    fn default() -> Self {
        Self {
            top: 8,
            method: Method::TfIdf,
        }
    }
}

/// A keyword of an article with its weight (higher is more characteristic).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Keyword {
    pub word: String,
    pub weight: f64,
}

/// One place where a keyword occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Index into the article's keyword list.
    pub keyword: usize,
    pub block: BlockRef,
    /// Byte range into `Document::text`.
    pub range: Range<usize>,
}

/// The text keywords are drawn from: fields and body blocks, one per line.
pub fn article_text(doc: &Document, article: usize) -> String {
    let Some(a) = doc.articles.get(article) else {
        return String::new();
    };
    let mut out = String::new();
    for (part, span) in BlockRef::all(a) {
        if let BlockRef::Block(i) = part
            && a.blocks.get(i).is_some_and(|b| {
                matches!(
                    b.kind,
                    BlockKind::Credit | BlockKind::Image | BlockKind::Furniture
                )
            })
        {
            continue;
        }
        out.push_str(doc.str(span));
        out.push('\n');
    }
    out
}

/// Whether `word` may be a keyword at all (besides its part of speech).
pub fn is_candidate(word: &str) -> bool {
    word.chars().count() >= 2
        && !STOP_WORDS.contains(&word)
        && word.chars().any(char::is_alphabetic)
        && !word.chars().any(char::is_numeric)
        && !is_ordinal_or_date(word)
}

/// `第七`, `三月`, `十五日`, `两年`: numbers in words, not what an article is about.
/// Only words made of Chinese numerals and these markers count, so `日本` and `年轻`
/// stay candidates.
fn is_ordinal_or_date(word: &str) -> bool {
    const NUMERALS: &str = "〇零一二三四五六七八九十百千万两几";
    const MARKERS: &str = "第年月日号";
    word.chars().any(|c| MARKERS.contains(c))
        && word
            .chars()
            .all(|c| NUMERALS.contains(c) || MARKERS.contains(c))
}

/// The top keywords of one article.
pub fn extract(
    seg: &Segmenter,
    doc: &Document,
    article: usize,
    opts: &KeywordOptions,
) -> Vec<Keyword> {
    if opts.top == 0 {
        return Vec::new();
    }
    let text = article_text(doc, article);
    let pos: Vec<String> = CONTENT_POS.iter().map(ToString::to_string).collect();
    // Ask for more than needed: candidates are filtered after ranking.
    let want = opts.top.saturating_mul(3).saturating_add(8);
    let ranked = match opts.method {
        Method::TfIdf => rank(&seg.tfidf, seg, &text, want, pos),
        Method::TextRank => normalised(rank(&seg.textrank, seg, &text, want, pos)),
    };
    ranked
        .into_iter()
        .filter(|k| is_candidate(&k.word))
        .take(opts.top)
        .collect()
}

fn rank<E: KeywordExtract>(
    extractor: &E,
    seg: &Segmenter,
    text: &str,
    want: usize,
    pos: Vec<String>,
) -> Vec<Keyword> {
    extractor
        .extract_keywords(seg.jieba(), text, want, pos)
        .into_iter()
        .map(|k| Keyword {
            word: k.keyword,
            weight: k.weight,
        })
        .collect()
}

/// Scales weights so the best is 1: jieba-rs's `TextRank` scores are not normalised and
/// reach 10^10, which says nothing to a reader.
fn normalised(mut keywords: Vec<Keyword>) -> Vec<Keyword> {
    let max = keywords.iter().map(|k| k.weight).fold(0.0, f64::max);
    if max > 0.0 {
        for k in &mut keywords {
            k.weight /= max;
        }
    }
    keywords
}

/// Every occurrence of `keywords` in the article, in reading order; where two overlap
/// the longer wins, so `人口普查` is not also marked as `人口`.
pub fn occurrences(doc: &Document, article: usize, keywords: &[Keyword]) -> Vec<Occurrence> {
    let Some(a) = doc.articles.get(article) else {
        return Vec::new();
    };
    let finders: Vec<_> = keywords
        .iter()
        .map(|k| memmem::Finder::new(k.word.as_bytes()))
        .collect();
    let mut out = Vec::new();
    for (part, span) in BlockRef::all(a) {
        let text = doc.str(span).as_bytes();
        let mut hits: Vec<Occurrence> = Vec::new();
        for (keyword, finder) in finders.iter().enumerate() {
            hits.extend(finder.find_iter(text).map(|at| Occurrence {
                keyword,
                block: part,
                range: span.range.start + at..span.range.start + at + finder.needle().len(),
            }));
        }
        hits.sort_by_key(|o| (o.range.start, std::cmp::Reverse(o.range.end)));
        let mut end = 0;
        for hit in hits {
            if hit.range.start >= end {
                end = hit.range.end;
                out.push(hit);
            }
        }
    }
    out
}

/// The first occurrence starting after byte `pos` (wrapping to the first), for "next".
pub fn next_occurrence(occurrences: &[Occurrence], pos: usize) -> Option<usize> {
    let i = occurrences.partition_point(|o| o.range.start <= pos);
    if occurrences.is_empty() {
        None
    } else if i < occurrences.len() {
        Some(i)
    } else {
        Some(0)
    }
}

/// The last occurrence starting before byte `pos` (wrapping to the last), for "previous".
pub fn previous_occurrence(occurrences: &[Occurrence], pos: usize) -> Option<usize> {
    let i = occurrences.partition_point(|o| o.range.start < pos);
    i.checked_sub(1)
        .or_else(|| occurrences.len().checked_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_exclude_numbers_single_chars_and_stop_words() {
        assert!(is_candidate("人口普查"));
        assert!(!is_candidate("人"));
        assert!(!is_candidate("2020"));
        assert!(!is_candidate("30余"));
        assert!(!is_candidate("开展"));
        for date in ["第七", "三月", "十五日", "两年"] {
            assert!(!is_candidate(date), "{date}");
        }
        assert!(is_candidate("日本") && is_candidate("年轻人") && is_candidate("年轻"));
    }

    #[test]
    fn longer_keyword_wins_an_overlap_and_navigation_wraps() {
        let doc = crate::document::parse("t", "# 人口普查\n\n人口普查员，人口");
        let kw = |w: &str| Keyword {
            word: w.into(),
            weight: 1.0,
        };
        let occ = occurrences(&doc, 0, &[kw("人口"), kw("人口普查")]);
        let words: Vec<&str> = occ.iter().map(|o| &doc.text[o.range.clone()]).collect();
        assert_eq!(words, ["人口普查", "人口普查", "人口"]);
        assert_eq!(next_occurrence(&occ, occ[0].range.start), Some(1));
        assert_eq!(next_occurrence(&occ, occ[2].range.start), Some(0));
        assert_eq!(previous_occurrence(&occ, occ[0].range.start), Some(2));
        assert_eq!(previous_occurrence(&occ, occ[2].range.start), Some(1));
    }
}
