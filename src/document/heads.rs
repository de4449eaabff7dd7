//! The compact form of a page stub's articles ([`super::stub`]): every head field
//! and block as `u32` offsets into the stub's text, one record per article and one
//! slice of blocks for the whole page.
//!
//! A `Vec<Article>` costs 184 bytes an article and one allocation per article's
//! blocks; these records take 64 bytes an article and 16 a block, with two
//! allocations per page. [`super::articles::Articles`] holds them and builds the full
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

/// One article of a stub, in `u32`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Head {
    /// Kicker, headline, subtitle and byline, in [`HeadField`] order.
    fields: [Piece; 4],
    line: u32,
    /// Where its blocks start in [`Heads::blocks`]: `overline` overline blocks,
    /// then `blocks` body blocks.
    from: u32,
    overline: u32,
    blocks: u32,
}

/// A stub's articles in `u32`s: one record per article and one slice of blocks for
/// the whole page (see [`super::articles`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heads {
    heads: Box<[Head]>,
    blocks: Box<[HeadBlock]>,
}

impl Heads {
    /// The compact form of a stub's `articles`; `None` when an offset passes `u32`.
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
            heads.push(Head {
                fields: [
                    Piece::of(a.kicker.as_ref())?,
                    Piece::of(a.title.as_ref())?,
                    Piece::of(a.subtitle.as_ref())?,
                    Piece::of(a.byline.as_ref())?,
                ],
                line: u32::try_from(a.line).ok()?,
                from,
                overline: u32::try_from(a.overline.len()).ok()?,
                blocks: u32::try_from(a.blocks.len()).ok()?,
            });
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
        self.heads.get(i)?.fields[field as usize].span()
    }

    fn overline(&self, i: usize) -> impl Iterator<Item = HeadBlock> + '_ {
        let range = self.heads.get(i).map_or(0..0, |h| {
            let from = h.from as usize;
            from..from + h.overline as usize
        });
        self.blocks.get(range).unwrap_or(&[]).iter().copied()
    }

    fn body(&self, i: usize) -> impl Iterator<Item = HeadBlock> + '_ {
        let range = self.heads.get(i).map_or(0..0, |h| {
            let from = (h.from + h.overline) as usize;
            from..from + h.blocks as usize
        });
        self.blocks.get(range).unwrap_or(&[]).iter().copied()
    }

    /// The body blocks of article `i`, in order, at their numbers.
    pub(crate) fn blocks(&self, i: usize) -> impl Iterator<Item = Block> + '_ {
        self.body(i).map(HeadBlock::block)
    }
}
