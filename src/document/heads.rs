//! The compact form of a page stub's articles ([`super::stub`]): every head field
//! and block as `u32` offsets into the stub's text, one record per article and one
//! slice of blocks for the whole page.
//!
//! A `Vec<Article>` costs 184 bytes an article and one allocation per article's
//! blocks; these records take 32 bytes an article and 16 a block, with two
//! allocations per page. An article's head fields lie one after another in the
//! stub's text ([`super::stub::stub`] writes them so), so a record keeps where they
//! start and each one's length, and each one's line counted from the article's. [`super::articles::Articles`] holds them and builds the full
//! records from them (exactly those they were made from) only when something reads a
//! stub's articles as records.

use super::{Article, Block, BlockKind, HeadField, Span};

/// A span of a stub's text in `u32`s (`start` is [`ABSENT`] for a missing field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    start: u32,
    end: u32,
    line: u32,
}

/// [`Piece::start`] of a field the article does not have.
const ABSENT: u32 = u32::MAX;

impl Piece {
    /// `span` in `u32`s; `None` when it does not fit.
    fn of(span: Option<&Span>) -> Option<Self> {
        let Some(span) = span else {
            return Some(Self {
                start: ABSENT,
                end: 0,
                line: 0,
            });
        };
        let start = u32::try_from(span.range.start)
            .ok()
            .filter(|&s| s != ABSENT)?;
        Some(Self {
            start,
            end: u32::try_from(span.range.end).ok()?,
            line: u32::try_from(span.line).ok()?,
        })
    }

    fn span(self) -> Option<Span> {
        (self.start != ABSENT).then_some(Span {
            range: self.start as usize..self.end as usize,
            line: self.line as usize,
        })
    }
}

/// One of a stub's blocks: an overline block or a body block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct HeadBlock {
    piece: Piece,
    kind: BlockKind,
}

impl HeadBlock {
    fn block(self) -> Block {
        Block {
            kind: self.kind,
            span: self.piece.span().unwrap_or(Span {
                range: 0..0,
                line: self.piece.line as usize,
            }),
        }
    }
}

/// [`Head::lens`] of a field the article does not have.
const NO_FIELD: u16 = u16::MAX;

/// One article of a stub, in `u32`s and `u16`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Head {
    line: u32,
    /// Where its head fields' text starts: kicker, headline, subtitle and byline (in
    /// [`HeadField`] order) follow one another from here.
    start: u32,
    /// Each field's length in bytes, [`NO_FIELD`] for a field it does not have.
    lens: [u16; 4],
    /// Each field's source line, counted from the article's (a kicker may stand
    /// above the line its article is said to start on).
    lines: [i16; 4],
    /// Where its blocks start in [`Heads::blocks`]: `overline` overline blocks,
    /// then `blocks` body blocks.
    from: u32,
    overline: u16,
    blocks: u16,
}

impl Head {
    /// The record of `a`, its blocks from `from`; `None` when a number does not fit
    /// or its head fields do not follow one another.
    fn of(a: &Article, from: u32) -> Option<Self> {
        let fields = [&a.kicker, &a.title, &a.subtitle, &a.byline];
        let mut head = Self {
            line: u32::try_from(a.line).ok()?,
            start: 0,
            lens: [NO_FIELD; 4],
            lines: [0; 4],
            from,
            overline: u16::try_from(a.overline.len()).ok()?,
            blocks: u16::try_from(a.blocks.len()).ok()?,
        };
        let mut next = None;
        for (k, span) in fields.into_iter().enumerate() {
            let Some(span) = span else { continue };
            let at = *next.get_or_insert(span.range.start);
            if span.range.start != at || span.range.end < at {
                return None;
            }
            head.lens[k] = u16::try_from(span.range.len())
                .ok()
                .filter(|&n| n != NO_FIELD)?;
            let line = i64::try_from(span.line).ok()? - i64::try_from(a.line).ok()?;
            head.lines[k] = i16::try_from(line).ok()?;
            next = Some(span.range.end);
        }
        head.start = u32::try_from(
            fields
                .iter()
                .find_map(|f| f.as_ref())
                .map_or(0, |s| s.range.start),
        )
        .ok()?;
        // The last field's end must fit too.
        u32::try_from(next.unwrap_or(0)).ok()?;
        Some(head)
    }

    /// Field `k`'s span.
    fn field(&self, k: usize) -> Option<Span> {
        if self.lens.get(k).is_none_or(|&n| n == NO_FIELD) {
            return None;
        }
        let before: usize = self.lens[..k]
            .iter()
            .filter(|&&n| n != NO_FIELD)
            .map(|&n| usize::from(n))
            .sum();
        let start = self.start as usize + before;
        Some(Span {
            range: start..start + usize::from(self.lens[k]),
            line: usize::try_from(i64::from(self.line) + i64::from(self.lines[k])).unwrap_or(0),
        })
    }
}

/// A stub's articles in `u32`s: one record per article and one slice of blocks for
/// the whole page (see [`super::articles`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heads {
    heads: Box<[Head]>,
    blocks: Box<[HeadBlock]>,
}

impl Heads {
    /// The compact form of a stub's `articles`; `None` when a number does not fit or
    /// an article's head fields do not follow one another in the text.
    pub(crate) fn new(articles: &[Article]) -> Option<Self> {
        let mut heads = Vec::with_capacity(articles.len());
        let mut blocks = Vec::new();
        let block = |b: &Block| {
            Some(HeadBlock {
                piece: Piece::of(Some(&b.span))?,
                kind: b.kind,
            })
        };
        for a in articles {
            let from = u32::try_from(blocks.len()).ok()?;
            for b in a.overline.iter().chain(&a.blocks) {
                blocks.push(block(b)?);
            }
            heads.push(Head::of(a, from)?);
        }
        Some(Self {
            heads: heads.into(),
            blocks: blocks.into(),
        })
    }

    /// How many articles.
    pub(crate) fn len(&self) -> usize {
        self.heads.len()
    }

    /// The full records, exactly those the heads were made from.
    pub(crate) fn articles(&self) -> Vec<Article> {
        (0..self.heads.len())
            .filter_map(|i| {
                let h = self.heads.get(i)?;
                Some(Article {
                    overline: self.overline(i).map(HeadBlock::block).collect(),
                    kicker: self.field(i, HeadField::Kicker),
                    title: self.field(i, HeadField::Title),
                    subtitle: self.field(i, HeadField::Subtitle),
                    byline: self.field(i, HeadField::Byline),
                    line: h.line as usize,
                    blocks: self.body(i).map(HeadBlock::block).collect(),
                })
            })
            .collect()
    }

    /// A head field of article `i`.
    pub(crate) fn field(&self, i: usize, field: HeadField) -> Option<Span> {
        self.heads.get(i)?.field(field as usize)
    }

    fn overline(&self, i: usize) -> impl Iterator<Item = HeadBlock> + '_ {
        let range = self.heads.get(i).map_or(0..0, |h| {
            let from = h.from as usize;
            from..from + usize::from(h.overline)
        });
        self.blocks.get(range).unwrap_or(&[]).iter().copied()
    }

    fn body(&self, i: usize) -> impl Iterator<Item = HeadBlock> + '_ {
        let range = self.heads.get(i).map_or(0..0, |h| {
            let from = h.from as usize + usize::from(h.overline);
            from..from + usize::from(h.blocks)
        });
        self.blocks.get(range).unwrap_or(&[]).iter().copied()
    }

    /// The body blocks of article `i`, in order, at their numbers.
    pub(crate) fn blocks(&self, i: usize) -> impl Iterator<Item = Block> + '_ {
        self.body(i).map(HeadBlock::block)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(range: std::ops::Range<usize>, line: usize) -> Span {
        Span { range, line }
    }

    fn article() -> Article {
        Article {
            overline: vec![Block {
                kind: BlockKind::SeriesLabel,
                span: Span {
                    range: 40..46,
                    line: 1,
                },
            }],
            kicker: Some(at(0..9, 2)),
            title: Some(at(9..21, 3)),
            subtitle: None,
            byline: Some(at(21..30, 5)),
            line: 2,
            blocks: vec![
                Block {
                    kind: BlockKind::Paragraph,
                    span: Span {
                        range: 0..0,
                        line: 7,
                    },
                },
                Block {
                    kind: BlockKind::Subhead,
                    span: Span {
                        range: 30..40,
                        line: 9,
                    },
                },
            ],
        }
    }

    #[test]
    fn the_records_come_back_exactly() {
        let headless = Article {
            title: None,
            kicker: None,
            byline: None,
            ..article()
        };
        // A kicker above the line its article is said to start on.
        let above = Article {
            line: 4,
            ..article()
        };
        let articles = vec![article(), headless, Article::default(), above];
        let heads = Heads::new(&articles).expect("compact");
        assert_eq!(heads.len(), 4);
        assert_eq!(heads.articles(), articles);
        assert_eq!(heads.field(0, HeadField::Byline), Some(at(21..30, 5)));
        assert_eq!(heads.field(0, HeadField::Subtitle), None);
        assert_eq!(heads.blocks(0).collect::<Vec<_>>(), articles[0].blocks);
        assert!(size_of::<Head>() <= 32, "{} bytes", size_of::<Head>());
    }

    #[test]
    fn fields_out_of_order_or_too_long_stay_records() {
        // The headline before its kicker in the text: not the layout of a stub.
        let swapped = Article {
            kicker: Some(at(9..21, 2)),
            title: Some(at(0..9, 3)),
            ..article()
        };
        assert_eq!(Heads::new(&[swapped]), None);
        // A field longer than a record's length can say.
        let long = Article {
            kicker: None,
            title: Some(at(0..70_000, 3)),
            byline: None,
            ..article()
        };
        assert_eq!(Heads::new(&[long]), None);
        // A field too many lines away from its article's.
        let far = Article {
            line: 40_000,
            ..article()
        };
        assert_eq!(Heads::new(&[far]), None);
    }
}
