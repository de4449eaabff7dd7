//! Find-in-document: the matcher behind `/`, `n`/`N`, the results list and `--search`.
//!
//! Matching runs on the parsed text (column breaks already rejoined by the parser, so a
//! phrase the source file split across a blank line is found), folded once per document
//! by [`fold`](super::fold) so that case and full-/half-width forms match each other,
//! and traditional and simplified characters too (台风 finds 颱風, 臺北 finds 台北) unless
//! the query turns that off ([`Query::with_script_folding`]).
//! Each space-separated term is searched with `memchr::memmem` over the folded text; an
//! article matches when it holds every term, and each term's hits are reported. Hits
//! come back as byte ranges into [`Document::text`], in reading order.
//!
//! ```
//! use kanbao::analysis::search::{search_document, MatchMode, Query};
//! let doc = kanbao::document::parse("t", "# 人口普查\n\n开展第七次全国人口普查（ＡＢ）。");
//! let hits = search_document(&doc, &Query::parse("人口普查 ab", MatchMode::Substring));
//! assert_eq!(hits.len(), 3);
//! assert_eq!(&doc.text[hits[2].range.clone()], "ＡＢ");
//! ```
//!
//! # Limitations
//!
//! * A match lies inside one part (title, byline, block…): terms never span two blocks,
//!   and page furniture (dates, 第N版, 责任编辑) is not searched.
//! * Hits of one term do not overlap (`memmem` resumes after each hit: `aa` is found
//!   once in `aaa`); hits of different terms may.
//! * Whole-word mode is as good as jieba's segmentation of the block; before jieba has
//!   loaded it behaves as substring mode.

pub mod archive;
pub mod batch;
pub mod runner;

use std::ops::Range;

use memchr::memmem;

use super::dates::{DateRange, doc_date, split_date_terms};
use super::fold::{Folded, fold_str, fold_str_exact};
use super::segmenter::Segmenter;
use crate::document::{Article, Document, Span};

/// Where in an article a match lies: a field or a body block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockRef {
    /// One of the banners or series labels above the article.
    Overline(usize),
    Kicker,
    Title,
    Subtitle,
    Byline,
    /// A body block, by index into [`Article::blocks`].
    Block(usize),
}

impl BlockRef {
    /// The span this refers to in `article`, if it exists.
    pub fn span<'a>(&self, article: &'a Article) -> Option<&'a Span> {
        match *self {
            Self::Overline(i) => article.overline.get(i).map(|b| &b.span),
            Self::Kicker => article.kicker.as_ref(),
            Self::Title => article.title.as_ref(),
            Self::Subtitle => article.subtitle.as_ref(),
            Self::Byline => article.byline.as_ref(),
            Self::Block(i) => article.blocks.get(i).map(|b| &b.span),
        }
    }

    /// Every part of an article, in reading order.
    pub fn all(article: &Article) -> impl Iterator<Item = (Self, &Span)> {
        let overline = (0..article.overline.len()).map(Self::Overline);
        let fields = [Self::Kicker, Self::Title, Self::Subtitle, Self::Byline];
        let blocks = (0..article.blocks.len()).map(Self::Block);
        overline
            .chain(fields)
            .chain(blocks)
            .filter_map(|r| r.span(article).map(|s| (r, s)))
    }
}

/// How terms must sit in the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MatchMode {
    /// Anywhere, as Ctrl-F does.
    #[default]
    Substring,
    /// Starting and ending on jieba word boundaries.
    WholeWord,
}

/// A parsed search input: folded terms and the mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
    /// The terms folded without the script, to check hits against when `script` is off.
    exact: Vec<String>,
    mode: MatchMode,
    /// Traditional and simplified characters match each other (the default).
    script: bool,
    /// Only pages of these dates (`date:2020-03` in the input, `--from`/`--to`).
    dates: Option<DateRange>,
}

impl Default for Query {
    fn default() -> Self {
        Self {
            terms: Vec::new(),
            exact: Vec::new(),
            mode: MatchMode::default(),
            script: true,
            dates: None,
        }
    }
}

impl Query {
    /// Splits `input` at white space (full-width spaces included) into folded terms.
    /// Traditional and simplified characters match each other; see
    /// [`Query::with_script_folding`].
    ///
    /// A word `date:2020-03` (or `date:2020-01..2020-06`) is not a term: it keeps only
    /// the pages of those dates ([`Query::keeps`]).
    pub fn parse(input: &str, mode: MatchMode) -> Self {
        let mut terms: Vec<String> = Vec::new();
        let mut exact: Vec<String> = Vec::new();
        let (input, dates) = split_date_terms(input);
        let dates = dates.map(|(from, to)| DateRange { from, to });
        for term in input.split(char::is_whitespace).filter(|t| !t.is_empty()) {
            let folded = fold_str(term);
            let plain = fold_str_exact(term);
            if !exact.contains(&plain) {
                terms.push(folded);
                exact.push(plain);
            }
        }
        Self {
            terms,
            exact,
            mode,
            script: true,
            dates,
        }
    }

    /// The same query kept to `dates` unless its input named dates itself (the prompt's
    /// `date:` wins over `--from`/`--to`).
    #[must_use]
    pub fn with_default_dates(mut self, dates: Option<DateRange>) -> Self {
        if self.dates.is_none() {
            self.dates = dates.filter(|d| !d.is_all());
        }
        self
    }

    /// The dates the query keeps, if it is limited to some.
    pub fn dates(&self) -> Option<DateRange> {
        self.dates
    }

    /// Whether `doc` is searched: every page without dates, else the pages whose date
    /// ([`doc_date`]) is in the range.
    pub fn keeps(&self, doc: &Document) -> bool {
        self.dates.is_none_or(|d| d.keeps(doc_date(doc)))
    }

    /// The same query with traditional/simplified folding on or off (off: 臺北 finds
    /// only 臺北).
    #[must_use]
    pub fn with_script_folding(mut self, on: bool) -> Self {
        self.script = on;
        self
    }

    /// Whether traditional and simplified characters match each other.
    pub fn script_folding(&self) -> bool {
        self.script
    }

    /// The folded terms, in input order (a [`Match::term`] indexes this).
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    pub fn mode(&self) -> MatchMode {
        self.mode
    }

    /// True when there is nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// One hit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Match {
    /// Index into [`Document::articles`].
    pub article: usize,
    pub block: BlockRef,
    /// Byte range into [`Document::text`], on character boundaries.
    pub range: Range<usize>,
    /// Which query term this is (index into [`Query::terms`]).
    pub term: usize,
}

/// Word boundaries for whole-word mode (the jieba segmenter provides them).
pub trait WordBoundaries {
    /// Byte offsets in `text` where words start or end, ascending, with 0 and the length.
    fn boundaries(&self, text: &str) -> Vec<usize>;
}

/// jieba's words: a boundary after each one.
impl WordBoundaries for Segmenter {
    fn boundaries(&self, text: &str) -> Vec<usize> {
        let mut out = vec![0];
        out.extend(self.words(text).into_iter().map(|r| r.end));
        out.dedup();
        out
    }
}

/// A document prepared for searching: its folded text and where each part lies.
/// Build it once per document (it costs one pass over the text) and keep it.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    folded: Folded,
    /// Parts of all articles, sorted by start.
    parts: Vec<(Range<usize>, usize, BlockRef)>,
}

impl SearchIndex {
    pub fn new(doc: &Document) -> Self {
        let mut parts: Vec<_> = doc
            .articles
            .iter()
            .enumerate()
            .flat_map(|(a, article)| {
                BlockRef::all(article).map(move |(r, span)| (span.range.clone(), a, r))
            })
            .collect();
        parts.sort_by_key(|p| (p.0.start, p.0.end));
        Self {
            folded: Folded::new(&doc.text),
            parts,
        }
    }

    /// Bytes of folded text searched per query.
    pub fn len(&self) -> usize {
        self.folded.text().len()
    }

    pub fn is_empty(&self) -> bool {
        self.folded.text().is_empty()
    }
}

/// Searches `doc` (prepared as `index`). In whole-word mode `words` decides boundaries;
/// without it (jieba still loading) whole-word falls back to substring matching.
pub fn search(
    doc: &Document,
    index: &SearchIndex,
    query: &Query,
    words: Option<&dyn WordBoundaries>,
) -> Vec<Match> {
    let mut all = Vec::new();
    for (term_index, term) in query.terms.iter().enumerate() {
        let mut hits = term_hits(index, term, term_index);
        if !query.script
            && let Some(exact) = query.exact.get(term_index)
        {
            hits.retain(|m| {
                doc.text.get(m.range.clone()).map(fold_str_exact).as_ref() == Some(exact)
            });
        }
        if let (MatchMode::WholeWord, Some(words)) = (query.mode, words) {
            retain_whole_words(doc, &mut hits, words);
        }
        all.push(hits);
    }
    combine(doc, all)
}

/// Convenience for one-off searches: builds the index and searches in substring mode
/// (or whole-word without a segmenter, i.e. substring).
pub fn search_document(doc: &Document, query: &Query) -> Vec<Match> {
    search(doc, &SearchIndex::new(doc), query, None)
}

fn term_hits(index: &SearchIndex, term: &str, term_index: usize) -> Vec<Match> {
    let mut hits = Vec::new();
    let mut part = 0;
    for start in memmem::find_iter(index.folded.text().as_bytes(), term.as_bytes()) {
        let range = index.folded.to_original(start..start + term.len());
        // Hits arrive in text order, so the containing part only moves forward.
        while index
            .parts
            .get(part)
            .is_some_and(|p| p.0.end < range.end && p.0.start <= range.start)
        {
            part += 1;
        }
        if let Some((span, article, block)) = index.parts.get(part)
            && span.start <= range.start
            && range.end <= span.end
        {
            hits.push(Match {
                article: *article,
                block: *block,
                range,
                term: term_index,
            });
        }
    }
    hits
}

fn retain_whole_words(doc: &Document, hits: &mut Vec<Match>, words: &dyn WordBoundaries) {
    let mut cached: Option<(usize, BlockRef, usize, Vec<usize>)> = None;
    hits.retain(|m| {
        let Some(span) = doc.articles.get(m.article).and_then(|a| m.block.span(a)) else {
            return false;
        };
        if !matches!(&cached, Some((a, b, _, _)) if *a == m.article && *b == m.block) {
            let text = doc.str(span);
            cached = Some((m.article, m.block, span.range.start, words.boundaries(text)));
        }
        let Some((_, _, base, bounds)) = &cached else {
            return false;
        };
        let on = |at: usize| {
            at.checked_sub(*base)
                .is_some_and(|rel| bounds.binary_search(&rel).is_ok())
        };
        on(m.range.start) && on(m.range.end)
    });
}

/// Keeps hits in articles holding every term and puts them in reading order.
fn combine(doc: &Document, per_term: Vec<Vec<Match>>) -> Vec<Match> {
    let terms = per_term.len();
    let mut seen = vec![0u64; doc.articles.len()];
    for (t, hits) in per_term.iter().enumerate() {
        for m in hits {
            if let Some(mask) = seen.get_mut(m.article) {
                *mask |= 1 << t.min(63);
            }
        }
    }
    let full = if terms >= 64 {
        u64::MAX
    } else {
        (1u64 << terms) - 1
    };
    let mut out: Vec<Match> = per_term
        .into_iter()
        .flatten()
        .filter(|m| seen.get(m.article).is_some_and(|s| *s & full == full))
        .collect();
    out.sort_by_key(|m| (m.article, m.block, m.range.start, m.range.end));
    out.dedup_by(|a, b| a.range == b.range);
    out
}

/// Hits per article (indexed like [`Document::articles`]) and how many articles have any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub per_article: Vec<usize>,
    pub articles: usize,
}

/// Counts `matches` (from [`search`] on `doc`) for the status line and section list.
pub fn counts(doc: &Document, matches: &[Match]) -> Counts {
    let mut per_article = vec![0; doc.articles.len()];
    for m in matches {
        if let Some(n) = per_article.get_mut(m.article) {
            *n += 1;
        }
    }
    Counts {
        total: matches.len(),
        articles: per_article.iter().filter(|n| **n > 0).count(),
        per_article,
    }
}

/// A line of context around a hit, for the results list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub before: String,
    pub hit: String,
    pub after: String,
}

/// Up to `chars` characters each side of `m`, within its block, newlines as spaces.
pub fn context(doc: &Document, m: &Match, chars: usize) -> Snippet {
    let Some(span) = doc.articles.get(m.article).and_then(|a| m.block.span(a)) else {
        return Snippet::default();
    };
    let clean = |s: &str| s.replace(['\n', '\r'], " ");
    let before = doc.text.get(span.range.start..m.range.start).unwrap_or("");
    let after = doc.text.get(m.range.end..span.range.end).unwrap_or("");
    let skip = before.chars().count().saturating_sub(chars);
    Snippet {
        before: clean(&before.chars().skip(skip).collect::<String>()),
        hit: clean(doc.text.get(m.range.clone()).unwrap_or("")),
        after: clean(&after.chars().take(chars).collect::<String>()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(md: &str) -> Document {
        crate::document::parse("t", md)
    }

    fn found(d: &Document, q: &str) -> Vec<String> {
        search_document(d, &Query::parse(q, MatchMode::Substring))
            .iter()
            .map(|m| d.text[m.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn query_splits_and_folds_terms() {
        let q = Query::parse(" ＡＢ　人口  ab ", MatchMode::Substring);
        assert_eq!(q.terms(), ["ab", "人口"]);
        assert!(Query::parse("  ", MatchMode::Substring).is_empty());
    }

    #[test]
    fn traditional_and_simplified_find_each_other_unless_turned_off() {
        let d = doc("# 臺北颱風\n\n台北的台风，颱風過後。");
        assert_eq!(found(&d, "台风"), ["颱風", "台风", "颱風"]);
        assert_eq!(found(&d, "臺北"), ["臺北", "台北"]);
        let exact = Query::parse("台风", MatchMode::Substring).with_script_folding(false);
        let hits: Vec<&str> = search_document(&d, &exact)
            .iter()
            .map(|m| &d.text[m.range.clone()])
            .collect();
        assert_eq!(hits, ["台风"]);
    }

    #[test]
    fn matches_stay_inside_one_block() {
        use crate::document::{Block, BlockKind};
        let block = |range| Block {
            kind: BlockKind::Paragraph,
            span: Span { range, line: 1 },
        };
        let d = Document {
            text: "甲乙丙丁".into(),
            articles: vec![Article {
                blocks: vec![block(0..6), block(6..12)],
                ..Article::default()
            }]
            .into(),
            ..Document::default()
        };
        assert!(found(&d, "乙丙").is_empty());
        assert_eq!(found(&d, "乙 丙"), ["乙", "丙"]);
    }

    #[test]
    fn context_is_cut_by_chars_and_block() {
        let d = doc("# 标题\n\n一二三四五人口普查六七八九十");
        let m = &search_document(&d, &Query::parse("人口普查", MatchMode::Substring))[0];
        let s = context(&d, m, 3);
        assert_eq!(
            (s.before.as_str(), s.hit.as_str(), s.after.as_str()),
            ("三四五", "人口普查", "六七八")
        );
    }
}
