//! Per-article keywords (TF-IDF by default, `TextRank` on request) and where they occur.
//!
//! An article's text for extraction is its own: kicker, headline, subtitle and body
//! blocks, with the byline, banners above the article, photo credits, images, furniture
//! and bracketed credits inside the text (`（记者 张鑫）`) left out, and no keyword may be
//! the name of the article's reporters. Only content words count: nouns (`n`, `nr`, `ns`,
//! `nt`, `nz`), verbal nouns (`vn`) and verbs (`v`), never single characters, numbers or
//! the news filler in [`STOP_WORDS`]. Ranking uses jieba's own IDF table, which recovers
//! more of an article's headline words from its body than an IDF computed from the
//! article corpus (`examples/keyword_eval.rs` measures both).
//!
//! Occurrences (what the reader underlines) are kept sparse: only the top
//! [`HIGHLIGHTED`] keywords, only in body text (never a headline or subhead), and never two
//! touching each other, so two keywords never read as one long underline. They are found
//! in the parsed text of each part, so a keyword the source split across a column break
//! is highlighted whole, and are returned as byte ranges into `Document::text`.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use jieba_rs::KeywordExtract;
use memchr::memmem;

use super::names;
use super::search::BlockRef;
use super::segmenter::Segmenter;
use crate::document::{BlockKind, Document};

/// Parts of speech a keyword may have.
pub const CONTENT_POS: &[&str] = &["n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "vn", "v"];

/// The news-filler stop list (`assets/stopwords.txt`, reviewed against the article
/// corpus): words too common in news writing to say what an article is about.
pub static STOP_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../assets/stopwords.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

/// How many of an article's keywords are highlighted in its body: more makes a page
/// look like a ransom note and hides what matters.
pub const HIGHLIGHTED: usize = 3;

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

/// The text keywords are drawn from: the headline fields and body blocks, one per
/// line, without byline, banners, credits, images, furniture or bracketed credits.
pub fn article_text(doc: &Document, article: usize) -> String {
    let Some(a) = doc.articles.get(article) else {
        return String::new();
    };
    let mut out = String::new();
    for (part, span) in BlockRef::all(a) {
        let own = match part {
            BlockRef::Byline | BlockRef::Overline(_) => false,
            BlockRef::Block(i) => a.blocks.get(i).is_some_and(|b| {
                !matches!(
                    b.kind,
                    BlockKind::Credit
                        | BlockKind::Image
                        | BlockKind::Furniture
                        | BlockKind::EndNote
                        | BlockKind::ContinuationNote
                )
            }),
            _ => true,
        };
        if own {
            push_without_credits(&mut out, doc.str(span));
            out.push('\n');
        }
    }
    out
}

/// Brackets whose text names reporters or photographers (`（记者 张鑫）`, `(通讯员 李四 摄)`).
fn credit_brackets(text: &str) -> Vec<Range<usize>> {
    const WORDS: &[&str] = &["记者", "通讯员", "摄", "编辑", "供图", "記者"];
    let mut out = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' => open = Some(i),
            '）' | ')' => {
                if let Some(o) = open.take() {
                    let end = i + c.len_utf8();
                    if text
                        .get(o..end)
                        .is_some_and(|b| WORDS.iter().any(|w| b.contains(w)))
                    {
                        out.push(o..end);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn push_without_credits(out: &mut String, text: &str) {
    let mut at = 0;
    for r in credit_brackets(text) {
        out.push_str(text.get(at..r.start).unwrap_or(""));
        out.push(' ');
        at = r.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
}

/// The people credited in an article: its byline's names and those in bracketed credits
/// of its text, spaces removed (`张  洋` → 张洋).
pub fn credited_people(doc: &Document, article: usize) -> Vec<String> {
    let Some(a) = doc.articles.get(article) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut add = |text: &str| {
        for r in names::byline_people(text) {
            if let Some(w) = text.get(r) {
                out.push(w.split_whitespace().collect::<String>());
            }
        }
    };
    for (part, span) in BlockRef::all(a) {
        let text = doc.str(span);
        if part == BlockRef::Byline {
            add(text);
        } else {
            for r in credit_brackets(text) {
                add(text.get(r).unwrap_or(""));
            }
        }
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
        Method::TfIdf => rank(seg.tfidf(), seg, &text, want, pos),
        Method::TextRank => normalised(rank(seg.textrank(), seg, &text, want, pos)),
    };
    let credited = credited_people(doc, article);
    ranked
        .into_iter()
        .filter(|k| is_candidate(&k.word))
        .filter(|k| {
            !credited
                .iter()
                .any(|p| k.word.contains(p.as_str()) || p.contains(k.word.as_str()))
        })
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

/// The occurrences of the top [`HIGHLIGHTED`] `keywords` in the article's body text, in
/// reading order; where two overlap the longer wins, so `人口普查` is not also marked as
/// `人口`, and one that touches the previous one is left out, so two keywords never
/// merge into one underline. Headlines, subheads, bylines, captions and credits are not
/// marked.
pub fn occurrences(doc: &Document, article: usize, keywords: &[Keyword]) -> Vec<Occurrence> {
    let Some(a) = doc.articles.get(article) else {
        return Vec::new();
    };
    let finders: Vec<_> = keywords
        .iter()
        .take(HIGHLIGHTED)
        .map(|k| memmem::Finder::new(k.word.as_bytes()))
        .collect();
    let mut out = Vec::new();
    for (part, span) in BlockRef::all(a) {
        let body = match part {
            BlockRef::Block(i) => a.blocks.get(i).is_some_and(|b| {
                matches!(
                    b.kind,
                    BlockKind::Paragraph
                        | BlockKind::ListItem
                        | BlockKind::Quote
                        | BlockKind::Table
                )
            }),
            _ => false,
        };
        if !body {
            continue;
        }
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
        let mut end: Option<usize> = None;
        for hit in hits {
            // `>` rather than `>=`: a hit starting where the last one ended would
            // underline both as one word.
            if end.is_none_or(|e| hit.range.start > e) {
                end = Some(hit.range.end);
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
    fn touching_keywords_are_not_both_marked_and_only_the_top_few_are() {
        let doc = crate::document::parse("t", "# 标题\n\n甲乙丙丁戊己，丁戊甲乙。");
        let kw = |w: &str| Keyword {
            word: w.into(),
            weight: 1.0,
        };
        let occ = occurrences(&doc, 0, &[kw("甲乙"), kw("丙丁"), kw("戊己"), kw("丁戊")]);
        let words: Vec<&str> = occ.iter().map(|o| &doc.text[o.range.clone()]).collect();
        // 丙丁 touches 甲乙 and 戊己 touches nothing marked; 丁戊 is not in the top three.
        assert_eq!(words, ["甲乙", "戊己", "甲乙"]);
    }

    #[test]
    fn credits_and_bylines_are_not_article_text() {
        let doc = crate::document::parse("t", "# 标题\n\n本报记者 纪元\n\n正文（记者 张鑫）说完。");
        let text = article_text(&doc, 0);
        assert!(!text.contains("纪元") && !text.contains("张鑫"), "{text}");
        assert!(text.contains("正文") && text.contains("说完"));
        let people = credited_people(&doc, 0);
        assert!(people.contains(&"纪元".to_string()) && people.contains(&"张鑫".to_string()));
    }

    #[test]
    fn longer_keyword_wins_an_overlap_and_navigation_wraps() {
        let doc = crate::document::parse("t", "# 人口普查\n\n人口普查员，人口；人口普查");
        let kw = |w: &str| Keyword {
            word: w.into(),
            weight: 1.0,
        };
        let occ = occurrences(&doc, 0, &[kw("人口"), kw("人口普查")]);
        let words: Vec<&str> = occ.iter().map(|o| &doc.text[o.range.clone()]).collect();
        // Not in the headline; body only.
        assert_eq!(words, ["人口普查", "人口", "人口普查"]);
        assert_eq!(next_occurrence(&occ, occ[0].range.start), Some(1));
        assert_eq!(next_occurrence(&occ, occ[2].range.start), Some(0));
        assert_eq!(previous_occurrence(&occ, occ[0].range.start), Some(2));
        assert_eq!(previous_occurrence(&occ, occ[2].range.start), Some(1));
    }
}
