//! Searching an archive through its index, with hits placed in the page's own text.
//!
//! A query's terms (as [`crate::analysis::search::Query`] parsed them: folded,
//! space-separated, all required) become one clause each: a single character is a
//! term query, a longer term a phrase of its characters ([`super::tokenizer`]), so the
//! index finds the articles that hold every term as a substring. A date range is one
//! more clause. The first `limit` articles by date come back with the count of all;
//! each is then checked and placed by kanbao's own matcher over the stored text (so
//! `--exact-script` and whole-word mode, given word boundaries, hold as they do in
//! memory), and its first match and that match's sentence are given as byte ranges
//! into the page's `Document::text` (the stored text's `base` plus the offset in it).
//!
//! The index knows characters, not words, so in whole-word mode its articles are
//! candidates: they are checked in date order, a chunk at a time, until `limit` hold
//! the word or [`WHOLE_WORD_BUDGET`] is spent. The count is then exact when every
//! candidate was checked, else an upper bound (the hits found plus the candidates not
//! checked; [`Results::exact`] says which): checking a common word's 370,000 candidate
//! articles would take jieba minutes.

use std::ops::{Bound, Range};
use std::time::{Duration, Instant};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, TantivyDocument, Value};
use tantivy::{IndexReader, Order, Term};

use super::schema::Fields;
use super::{Archive, IndexError, open_trusted, tokenizer};
use crate::analysis::search::{self, MatchMode, Query, SearchIndex, WordBoundaries};
use crate::document::{Article, Block, BlockKind, Document, Span};

pub use crate::analysis::dates::DateRange;

/// One article that matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The page's path.
    pub path: String,
    /// The article's number on its page (0-based).
    pub article: usize,
    pub headline: String,
    /// `yyyymmdd`, 0 when unknown.
    pub date: u32,
    pub edition: u32,
    /// The first match, in the page's `Document::text`.
    pub range: Range<usize>,
    /// The sentence around it, likewise.
    pub sentence: Range<usize>,
    /// The sentence's text.
    pub snippet: String,
    /// Matches in the article.
    pub matches: usize,
}

/// How long a whole-word search checks candidates before it answers with what it has.
pub const WHOLE_WORD_BUDGET: Duration = Duration::from_millis(800);

/// Candidates fetched from the index at a time in whole-word mode.
const WHOLE_WORD_CHUNK: usize = 512;

/// The first hits and how many articles match in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub total: usize,
    /// `total` is the count; false when it is an upper bound (whole-word mode with
    /// candidates left unchecked).
    pub exact: bool,
}

impl Default for Results {
    fn default() -> Self {
        Self {
            hits: Vec::new(),
            total: 0,
            exact: true,
        }
    }
}

/// A trusted index, open for searching.
pub struct Searcher {
    reader: IndexReader,
    fields: Fields,
    path: String,
}

impl Searcher {
    /// Opens the index of `archive` if there is one that can be trusted (see
    /// [`super::open_trusted`]); `None` otherwise: build it, or scan.
    pub fn open(archive: &Archive) -> Option<Self> {
        let opened = open_trusted(archive)?;
        let reader = opened.index.reader().ok()?;
        Some(Self {
            reader,
            fields: opened.fields,
            path: archive.dir.display().to_string(),
        })
    }

    /// The articles matching `query` within `dates`: the first `limit` by date and
    /// page, and the count of all. `words` gives whole-word mode its boundaries.
    pub fn search(
        &self,
        query: &Query,
        dates: DateRange,
        limit: usize,
        words: Option<&dyn WordBoundaries>,
    ) -> Result<Results, IndexError> {
        let Some(q) = self.tantivy_query(query, dates) else {
            return Ok(Results::default());
        };
        let limit = limit.max(1);
        let searcher = self.reader.searcher();
        let words = words.filter(|_| query.mode() == MatchMode::WholeWord);
        let by_date = |n: usize, offset: usize| {
            TopDocs::with_limit(n)
                .and_offset(offset)
                .order_by_u64_field("date", Order::Asc)
        };
        let chunk = if words.is_some() {
            WHOLE_WORD_CHUNK.max(limit)
        } else {
            limit
        };
        let (total, mut top) = searcher
            .search(&q, &(Count, by_date(chunk, 0)))
            .map_err(|e| self.error(&e))?;
        let started = Instant::now();
        let mut hits = Vec::new();
        let mut checked = 0;
        loop {
            let fetched = top.len();
            for (_, address) in top {
                if hits.len() == limit {
                    break;
                }
                let stored: TantivyDocument = searcher.doc(address).map_err(|e| self.error(&e))?;
                checked += 1;
                if let Some(hit) = self.place(&stored, query, words) {
                    hits.push(hit);
                }
            }
            // Substring mode: every candidate is a hit, one fetch is all.
            if words.is_none()
                || hits.len() == limit
                || checked >= total
                || fetched < chunk
                || started.elapsed() >= WHOLE_WORD_BUDGET
            {
                break;
            }
            top = searcher
                .search(&q, &by_date(chunk, checked))
                .map_err(|e| self.error(&e))?;
        }
        let (total, exact) = match words {
            Some(_) => (hits.len() + total.saturating_sub(checked), checked >= total),
            None => (total, true),
        };
        hits.sort_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then_with(|| crate::input::natural_cmp(&a.path, &b.path))
                .then(a.article.cmp(&b.article))
        });
        Ok(Results { hits, total, exact })
    }

    fn tantivy_query(&self, query: &Query, dates: DateRange) -> Option<BooleanQuery> {
        let mut clauses: Vec<(Occur, Box<dyn tantivy::query::Query>)> = Vec::new();
        for term in query.terms() {
            let terms: Vec<(usize, Term)> = tokenizer::tokens(term)
                .into_iter()
                .map(|(t, p)| (p, Term::from_field_text(self.fields.text, &t)))
                .collect();
            let clause: Box<dyn tantivy::query::Query> = match terms.as_slice() {
                [] => continue,
                [(_, one)] => Box::new(TermQuery::new(one.clone(), IndexRecordOption::Basic)),
                _ => Box::new(PhraseQuery::new_with_offset(terms)),
            };
            clauses.push((Occur::Must, clause));
        }
        if clauses.is_empty() {
            return None;
        }
        if !dates.is_all() {
            let range = RangeQuery::new(
                Bound::Included(Term::from_field_u64(
                    self.fields.date,
                    u64::from(dates.from),
                )),
                Bound::Included(Term::from_field_u64(self.fields.date, u64::from(dates.to))),
            );
            clauses.push((Occur::Must, Box::new(range)));
        }
        Some(BooleanQuery::new(clauses))
    }

    /// Checks one stored article with kanbao's matcher and places its first match.
    fn place(
        &self,
        stored: &TantivyDocument,
        query: &Query,
        words: Option<&dyn WordBoundaries>,
    ) -> Option<Hit> {
        let f = &self.fields;
        let text = stored.get_first(f.text).and_then(|v| v.as_str())?;
        let u = |field| {
            stored
                .get_first(field)
                .and_then(|v| v.as_u64())
                .unwrap_or(0)
        };
        let s = |field| {
            stored
                .get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let doc = one_block(text);
        let matches = search::search(&doc, &SearchIndex::new(&doc), query, words);
        let first = matches
            .iter()
            .map(|m| m.range.clone())
            .min_by_key(|r| r.start)?;
        let sentence = sentence_around(text, first.clone());
        let base = u(f.base) as usize;
        Some(Hit {
            path: s(f.path),
            article: u(f.article) as usize,
            headline: s(f.headline),
            date: u(f.date) as u32,
            edition: u(f.edition) as u32,
            range: base + first.start..base + first.end,
            snippet: text[sentence.clone()].trim().to_string(),
            sentence: base + sentence.start..base + sentence.end,
            matches: matches.len(),
        })
    }

    fn error(&self, err: &tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.path.clone(),
            message: err.to_string(),
        }
    }
}

/// A document of one paragraph holding `text`, for kanbao's matcher.
fn one_block(text: &str) -> Document {
    Document {
        text: text.to_string(),
        articles: vec![Article {
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                span: Span {
                    range: 0..text.len(),
                    line: 1,
                },
            }],
            ..Article::default()
        }]
        .into(),
        ..Document::default()
    }
}

/// The sentence holding `hit`: from after the last sentence end (。！？!? or a line
/// break) before it to the next one after it, that end included.
pub fn sentence_around(text: &str, hit: Range<usize>) -> Range<usize> {
    let ends = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n');
    let start = text[..hit.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[hit.end..]
        .char_indices()
        .find(|&(_, c)| ends(c))
        .map_or(text.len(), |(i, c)| {
            hit.end + i + if c == '\n' { 0 } else { c.len_utf8() }
        });
    start..end
}

#[cfg(test)]
mod tests {
    use super::sentence_around;

    #[test]
    fn the_sentence_runs_from_the_last_end_to_the_next() {
        let text = "第一句。第二句有平城区！第三句";
        let at = text.find("平城").unwrap();
        let s = sentence_around(text, at..at + 6);
        assert_eq!(&text[s], "第二句有平城区！");
    }
}
