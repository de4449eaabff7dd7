//! A page's compact *stub*: what the section list shows of it, without its body.
//!
//! An archive of decades does not fit in memory parsed (a parsed page takes about 1.3
//! times its file). The reader needs every page's section-list entries, but the text of
//! only the pages near the reading position. A stub keeps what the list draws (each
//! article's overline, kicker, headline, subtitle, byline, its subheads at their block
//! numbers, and the opening words of a headless article) in a text of its own, and
//! drops the body; the page is parsed again from its file when it comes back into view
//! (`state::demand`). Parsing is deterministic, so byte ranges kept elsewhere (search
//! matches, remembered places) mean the same again once the page is back.
//!
//! # Limitations
//! A stub's layout is not its page's: a position (unit, line) computed on a stub is
//! not the one on the parsed page, so a jump must have its target page parsed before
//! the move is computed. A stub's blocks other than subheads are empty ranges: the
//! reader must never lay one out as the page.

use super::articles::Articles;
use super::heads::Heads;
use super::{Article, Block, BlockKind, Document, Span};

/// Bytes of a headless article's opening kept in its stub (its list label).
const OPENING_BYTES: usize = 60;

/// Whether `doc` is a stub made by [`stub`] (a parsed page is never one).
pub fn is_stub(doc: &Document) -> bool {
    doc.stubbed.is_some()
}

/// The length of the text of `doc`'s page, whether `doc` is the page or its stub.
pub fn page_len(doc: &Document) -> usize {
    doc.stubbed.unwrap_or(doc.text.len())
}

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
        // (Kicker, headline, subtitle and byline are kept one after another: the compact
        // heads keep where they start and their lengths, see `document::heads`.)
        // Blocks up to the last one the list needs, at their own numbers.
        let needed = article
            .blocks
            .iter()
            .rposition(|b| b.kind == BlockKind::Subhead)
            .map_or(usize::from(title.is_none()), |last| last + 1)
            .min(article.blocks.len());
        // A headless article's label is its first paragraph's opening (or its first
        // block's): that block is kept, cut, whatever its number.
        let label = title
            .is_none()
            .then(|| {
                article
                    .blocks
                    .iter()
                    .position(|b| b.kind == BlockKind::Paragraph)
                    .or((!article.blocks.is_empty()).then_some(0))
            })
            .flatten();
        let needed = needed.max(label.map_or(0, |at| at + 1));
        let blocks = article.blocks[..needed]
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let span = if b.kind == BlockKind::Subhead {
                    keep(&b.span, usize::MAX)
                } else if Some(i) == label {
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
        let overline = article
            .overline
            .iter()
            .map(|b| Block {
                kind: b.kind,
                span: keep(&b.span, usize::MAX),
            })
            .collect();
        articles.push(Article {
            overline,
            kicker,
            title,
            subtitle,
            byline,
            line: article.line,
            blocks,
        });
    }
    // The date and edition lines: the list labels a page entry with them.
    let furniture: Vec<Block> = doc
        .furniture
        .iter()
        .map(|b| Block {
            kind: b.kind,
            span: keep(&b.span, usize::MAX),
        })
        .collect();
    text.shrink_to_fit();
    let articles = match Heads::new(&articles) {
        Some(heads) => Articles::compact(heads),
        // Offsets past `u32` (never on a real page): the records as they are.
        None => Articles::from(articles),
    };
    Document {
        source: doc.source.clone(),
        encoding: doc.encoding.clone(),
        warnings: doc.warnings.clone(),
        text,
        articles,
        furniture,
        stubbed: Some(page_len(doc)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::HeadField;

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
        // A stub knows how long its page is, and a stub of a stub too.
        assert_eq!(page_len(&s), doc.text.len());
        assert_eq!(page_len(&stub(&s)), doc.text.len());
        assert_eq!(page_len(&doc), doc.text.len());
    }

    /// Every page the tests have at hand: this one, the sample, a page of tables.
    fn pages() -> Vec<Document> {
        vec![
            page(),
            crate::document::parse("sample.md", include_str!("../../assets/sample.md")),
            crate::document::parse(
                "t.md",
                "# 专栏\n\n## 标题\n\n> 引文\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n### 小标题\n\n正文。\n",
            ),
        ]
    }

    #[test]
    fn a_stub_holds_compact_heads_that_read_as_the_records_they_were_made_from() {
        for doc in pages() {
            let s = stub(&doc);
            assert!(!s.articles.is_built(), "a fresh stub is compact");
            assert_eq!(s.articles.len(), doc.articles.len());
            // The accessors read the heads, and build nothing.
            let fields = [
                HeadField::Kicker,
                HeadField::Title,
                HeadField::Subtitle,
                HeadField::Byline,
            ];
            let read: Vec<_> = (0..s.articles.len())
                .map(|i| {
                    let heads: Vec<_> = fields.iter().map(|&f| s.head_span(i, f)).collect();
                    (heads, s.subheads(i), s.blocks_of(i), s.article_label(i))
                })
                .collect();
            assert!(
                !s.articles.is_built(),
                "reading the heads builds no records"
            );
            // The same through the records, built once from the heads.
            let copy = s.clone();
            for (i, a) in s.articles.iter().enumerate() {
                let fields = [&a.kicker, &a.title, &a.subtitle, &a.byline];
                let heads: Vec<_> = fields.into_iter().cloned().collect();
                let subheads: Vec<_> = a
                    .blocks
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b.kind == BlockKind::Subhead)
                    .map(|(n, b)| (n, b.span.clone()))
                    .collect();
                assert_eq!(
                    read[i],
                    (heads, subheads, a.blocks.clone(), s.article_label(i))
                );
                // A headline reads as the page's; a subhead too, at its number.
                assert_eq!(
                    s.head_text(i, HeadField::Title),
                    doc.head_text(i, HeadField::Title)
                );
                for (n, span) in &read[i].1 {
                    assert_eq!(s.str(span), doc.str(&doc.articles[i].blocks[*n].span));
                }
            }
            assert!(s.articles.is_built());
            // A copy of a stub stays compact, and equal.
            assert!(!copy.articles.is_built());
            assert_eq!(copy, s);
        }
    }

    #[test]
    fn a_stub_changed_through_its_records_keeps_the_change() {
        let mut s = stub(&page());
        s.articles[0].title = None;
        s.articles.push(Article::default());
        assert_eq!(s.articles.len(), page().articles.len() + 1);
        assert_eq!(s.head_span(0, HeadField::Title), None);
        assert_eq!(s.clone().articles[0].title, None, "a copy has the change");
    }

    #[test]
    fn a_headless_article_is_labelled_by_its_first_paragraph_as_on_its_page() {
        // A continuation opening with a photo caption before its first paragraph.
        let mut doc = crate::document::parse("p.md", "## 标题\n\n春耕开始了，农民们忙着播种。\n");
        let first = doc.articles[0].blocks[0].clone();
        doc.text.push_str("图为田间");
        let caption = Block {
            kind: BlockKind::Caption,
            span: Span {
                range: doc.text.len() - "图为田间".len()..doc.text.len(),
                line: 1,
            },
        };
        doc.articles[0].title = None;
        doc.articles[0].blocks = vec![caption, first];
        let s = stub(&doc);
        assert_eq!(s.article_label(0), doc.article_label(0));
        assert!(
            s.article_label(0).starts_with("春耕"),
            "{}",
            s.article_label(0)
        );
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
}
