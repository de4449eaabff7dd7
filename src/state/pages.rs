//! Building blocks for reading pages on demand: a page's compact *stub*, and the
//! least-recently-used budget that says which parsed pages to turn back into stubs.
//!
//! An archive of decades does not fit in memory parsed (a parsed page takes about 1.3
//! times its file). The reader needs every page's section-list entries, but the text of
//! only the pages near the reading position. A stub keeps what the list draws (each
//! article's kicker, headline, subtitle, byline, its subheads at their block numbers,
//! and the opening words of a headless article) in a text of its own, and drops the
//! body; the page is parsed again from its file when it comes back into view. Parsing
//! is deterministic, so byte ranges kept elsewhere (search matches, remembered places)
//! mean the same again once the page is back.
//!
//! Not wired into the reader yet: see the `Limitations` below.
//!
//! # Limitations
//! A stub's layout is not its page's: a position (unit, line) computed on a stub is
//! not the one on the parsed page, so a jump must have its target page parsed before
//! the move is computed. A stub's blocks other than subheads are empty ranges: the
//! reader must never lay one out as the page.

use std::collections::HashMap;

use crate::document::{Article, Block, BlockKind, Document, Span};

/// Bytes of a headless article's opening kept in its stub (its list label).
const OPENING_BYTES: usize = 60;

/// Whether `doc` is a stub made by [`stub`] (a parsed page is never one).
pub fn is_stub(doc: &Document) -> bool {
    doc.habits.contains(&STUB_HABIT)
}

/// The habit a stub carries, so that it can be told from a parsed page.
const STUB_HABIT: &str = "stub";

/// The compact stand-in for a parsed page: what the section list shows of it.
pub fn stub(doc: &Document) -> Document {
    let mut text = String::new();
    let mut keep = |span: &Span, limit: usize| {
        let s = doc.str(span);
        let cut = if s.len() > limit {
            (0..=limit)
                .rev()
                .find(|&i| s.is_char_boundary(i))
                .unwrap_or(0)
        } else {
            s.len()
        };
        let start = text.len();
        text.push_str(&s[..cut]);
        Span {
            range: start..text.len(),
            line: span.line,
        }
    };
    let mut articles = Vec::with_capacity(doc.articles.len());
    for article in &doc.articles {
        let kicker = article.kicker.as_ref().map(|s| keep(s, usize::MAX));
        let title = article.title.as_ref().map(|s| keep(s, usize::MAX));
        let subtitle = article.subtitle.as_ref().map(|s| keep(s, usize::MAX));
        let byline = article.byline.as_ref().map(|s| keep(s, usize::MAX));
        // Blocks up to the last one the list needs, at their own numbers.
        let needed = article
            .blocks
            .iter()
            .rposition(|b| b.kind == BlockKind::Subhead)
            .map_or(usize::from(title.is_none()), |last| last + 1)
            .min(article.blocks.len());
        let blocks = article.blocks[..needed]
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let span = if b.kind == BlockKind::Subhead {
                    keep(&b.span, usize::MAX)
                } else if i == 0 && title.is_none() {
                    keep(&b.span, OPENING_BYTES)
                } else {
                    Span {
                        range: 0..0,
                        line: b.span.line,
                    }
                };
                Block { kind: b.kind, span }
            })
            .collect();
        articles.push(Article {
            overline: Vec::new(),
            kicker,
            title,
            subtitle,
            byline,
            line: article.line,
            blocks,
        });
    }
    Document {
        source: doc.source.clone(),
        encoding: doc.encoding.clone(),
        warnings: doc.warnings.clone(),
        text,
        articles,
        habits: vec![STUB_HABIT],
        ..Document::default()
    }
}

/// About how many bytes of heap a document holds (its text and its structure).
pub fn weight(doc: &Document) -> usize {
    let blocks: usize =
        doc.articles.iter().map(|a| a.blocks.len()).sum::<usize>() + doc.furniture.len();
    doc.text.len()
        + doc.source.len()
        + doc.articles.len() * size_of::<Article>()
        + blocks * size_of::<Block>()
        + doc
            .tables
            .iter()
            .map(|t| t.rows.iter().map(Vec::len).sum::<usize>())
            .sum::<usize>()
            * size_of::<crate::document::Cell>()
}

/// The parsed pages and when each was last used: which to turn back into stubs once
/// their weight passes a budget.
#[derive(Debug, Clone, Default)]
pub struct PageBudget {
    /// Bytes the parsed pages may hold together.
    budget: usize,
    /// Per parsed page: its weight and the tick it was last used at.
    parsed: HashMap<usize, (usize, u64)>,
    /// Bytes the parsed pages hold now.
    held: usize,
    tick: u64,
}

impl PageBudget {
    /// Parsed pages may hold `budget` bytes together.
    pub fn new(budget: usize) -> Self {
        Self {
            budget,
            ..Self::default()
        }
    }

    /// Page `doc`, of `weight` bytes, is parsed and was used now.
    pub fn touch(&mut self, doc: usize, weight: usize) {
        self.tick += 1;
        if let Some((old, _)) = self.parsed.insert(doc, (weight, self.tick)) {
            self.held -= old;
        }
        self.held += weight;
    }

    /// Page `doc` is a stub again (or gone).
    pub fn forget(&mut self, doc: usize) {
        if let Some((weight, _)) = self.parsed.remove(&doc) {
            self.held -= weight;
        }
    }

    /// Bytes the parsed pages hold.
    pub fn held(&self) -> usize {
        self.held
    }

    /// Whether page `doc` is counted as parsed.
    pub fn is_parsed(&self, doc: usize) -> bool {
        self.parsed.contains_key(&doc)
    }

    /// The pages to turn into stubs, least recently used first, until the rest fit the
    /// budget; pages for which `pinned` is true (on screen, just ahead) are never
    /// chosen, even when they alone pass it. The chosen pages are forgotten.
    pub fn evict(&mut self, pinned: impl Fn(usize) -> bool) -> Vec<usize> {
        if self.held <= self.budget {
            return Vec::new();
        }
        let mut by_age: Vec<(u64, usize)> = self
            .parsed
            .iter()
            .filter(|&(&doc, _)| !pinned(doc))
            .map(|(&doc, &(_, tick))| (tick, doc))
            .collect();
        by_age.sort_unstable();
        let mut out = Vec::new();
        for (_, doc) in by_age {
            if self.held <= self.budget {
                break;
            }
            self.forget(doc);
            out.push(doc);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "## 台风过境 全市防灾\n\n记者 王明\n\n台风今晨登陆，全市停课一天。\n\n### 救灾物资到位\n\n物资已经运抵灾区。\n\n## 第二篇\n\n春耕开始了。\n";

    fn page() -> Document {
        crate::document::parse("p.md", PAGE)
    }

    #[test]
    fn a_stub_keeps_what_the_list_shows_and_drops_the_body() {
        let doc = page();
        let s = stub(&doc);
        assert!(is_stub(&s) && !is_stub(&doc));
        assert_eq!(s.source, doc.source);
        assert_eq!(s.articles.len(), doc.articles.len());
        for (i, (a, b)) in doc.articles.iter().zip(&s.articles).enumerate() {
            assert_eq!(doc.field(a.title.as_ref()), s.field(b.title.as_ref()));
            assert_eq!(doc.field(a.byline.as_ref()), s.field(b.byline.as_ref()));
            assert_eq!(doc.article_label(i), s.article_label(i));
            // Subheads stay at their block numbers, with their text.
            for (n, block) in b.blocks.iter().enumerate() {
                assert_eq!(block.kind, a.blocks[n].kind);
                if block.kind == BlockKind::Subhead {
                    assert_eq!(s.str(&block.span), doc.str(&a.blocks[n].span));
                }
            }
        }
        assert!(
            s.articles[0]
                .blocks
                .iter()
                .any(|b| b.kind == BlockKind::Subhead),
            "the subhead is kept: {:?}",
            s.articles[0].blocks
        );
        assert!(!s.text.contains("全市停课"), "the body is gone: {}", s.text);
        assert!(weight(&s) < weight(&doc));
    }

    #[test]
    fn a_headless_article_keeps_its_opening_words_cut_on_a_character() {
        // A continuation from the previous page: no headline, a long first paragraph.
        let long = "继续报道".repeat(40);
        let mut doc = crate::document::parse("p.md", &format!("## 标题\n\n{long}\n"));
        doc.articles[0].title = None;
        let s = stub(&doc);
        assert!(doc.articles[0].title.is_none());
        let label = s.article_label(0);
        assert!(!label.is_empty() && label.len() <= OPENING_BYTES, "{label}");
        assert!(doc.article_label(0).starts_with(&label));
    }

    #[test]
    fn the_budget_evicts_least_recently_used_pages_first() {
        let mut b = PageBudget::new(30);
        b.touch(0, 10);
        b.touch(1, 10);
        b.touch(2, 10);
        assert!(b.evict(|_| false).is_empty(), "within the budget");
        b.touch(0, 10); // used again: now the newest
        b.touch(3, 10);
        b.touch(4, 10);
        assert_eq!(b.evict(|_| false), vec![1, 2]);
        assert_eq!(b.held(), 30);
        assert!(b.is_parsed(0) && !b.is_parsed(1));
    }

    #[test]
    fn pinned_pages_stay_even_past_the_budget() {
        let mut b = PageBudget::new(10);
        for doc in 0..4 {
            b.touch(doc, 10);
        }
        assert_eq!(b.evict(|d| d == 0 || d == 3), vec![1, 2]);
        assert_eq!(b.held(), 20, "the pinned pages alone pass it");
        b.touch(3, 25); // re-parsed, heavier
        assert_eq!(b.held(), 35);
        b.forget(3);
        assert_eq!(b.held(), 10);
    }
}
