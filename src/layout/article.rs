//! The order and spacing of an article's pieces: furniture printed before it, the
//! overline (banner, series label), the header group (kicker, headline, subtitle,
//! byline), then the body blocks with one blank line between them. A caption keeps its
//! credit and a list keeps its items together, without blank lines.

use crate::document::{Article, Block, BlockKind, Document, Span};

use super::typeset::{self, Piece, Placement};
use super::width::Measure;
use super::{LayoutOptions, LineRole, Photos, VisualLine};

/// No image block has a photo: the layout of `--dump text` and of the library.
pub const NO_PHOTOS: Photos<'static> = &|_| None;

/// Marker of a list item that has no number of its own (wide, never ambiguous).
const BULLET: &str = "・";
/// Marker of an image placeholder.
const IMAGE: &str = "[img]";

/// Collects an article's lines; blank lines carry an empty range at the current
/// position so ranges never go backwards.
struct Sink<'a> {
    doc: &'a Document,
    opts: &'a LayoutOptions,
    article: usize,
    lines: Vec<VisualLine>,
    photos: Photos<'a>,
}

impl<'a> Sink<'a> {
    /// An empty sink for the lines of `article`.
    fn new(doc: &'a Document, article: usize, opts: &'a LayoutOptions) -> Self {
        Self {
            doc,
            opts,
            article,
            lines: Vec::new(),
            photos: NO_PHOTOS,
        }
    }

    /// The rows of the photo of image block `block`, centred, when it has one.
    fn photo(&mut self, span: &Span, block: usize) {
        let Some(size) = (self.photos)(span) else {
            return;
        };
        let width = self.opts.width;
        let cols = size.cols.min(width);
        for _ in 0..size.rows {
            let mut line = super::blank(self.article);
            line.role = LineRole::Photo;
            line.block = Some(block);
            line.range = span.range.start..span.range.start;
            line.indent = (width - cols) / 2;
            line.width = cols;
            self.lines.push(line);
        }
    }

    fn set(&mut self, span: &Span, role: LineRole, block: Option<usize>, placement: &Placement) {
        let piece = Piece {
            text: self.doc.str(span),
            range: span.range.clone(),
            role,
            article: self.article,
            block,
        };
        typeset::set(&piece, placement, self.opts, &mut self.lines);
    }

    fn blank(&mut self) {
        let at = self.lines.last().map_or(0, |l| l.range.end);
        let mut line = super::blank(self.article);
        line.range = at..at;
        self.lines.push(line);
    }

    fn blank_unless_empty(&mut self) {
        if self.lines.last().is_some_and(|l| l.role != LineRole::Blank) {
            self.blank();
        }
    }
}

pub fn lay_out(
    doc: &Document,
    article: usize,
    opts: &LayoutOptions,
    photos: Photos,
) -> Vec<VisualLine> {
    let Some(a) = doc.articles.get(article) else {
        return Vec::new();
    };
    let mut sink = Sink::new(doc, article, opts);
    sink.photos = photos;
    head(&mut sink, a);
    body(&mut sink, &a.blocks);
    tail(&mut sink, a);
    sink.lines
}

/// A piece of an article's body for [`lay_out_part`]: the bytes `range` of block
/// `block`; `continued` when an earlier part laid out the block's beginning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartBlock {
    pub block: usize,
    pub range: std::ops::Range<usize>,
    pub continued: bool,
}

/// A slice of a very long article, laid out on its own (see [`lay_out_part`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Part {
    /// The part opens the article: furniture before it, overline and header first.
    pub head: bool,
    /// The part closes the article: trailing furniture and the final blank line.
    pub tail: bool,
    pub blocks: Vec<PartBlock>,
}

/// Lays out one part of an article, so that a multi-megabyte paragraph can be set a
/// window at a time. The parts of an article, laid out in turn, give its layout except
/// that each cut inside a paragraph ends a line early (the text after it continues
/// on the next line, without a first-line indent).
pub fn lay_out_part(
    doc: &Document,
    article: usize,
    part: &Part,
    opts: &LayoutOptions,
) -> Vec<VisualLine> {
    let Some(a) = doc.articles.get(article) else {
        return Vec::new();
    };
    let mut sink = Sink::new(doc, article, opts);
    if part.head {
        head(&mut sink, a);
    }
    let mut prev: Option<BlockKind> = None;
    for piece in &part.blocks {
        let Some(block) = a.blocks.get(piece.block) else {
            continue;
        };
        let span = Span {
            range: piece.range.clone(),
            line: block.span.line,
        };
        let mut place = placement(block, doc.str(&block.span), opts);
        if piece.continued {
            place.first_indent = place.rest_indent;
            place.marker = None;
        } else if !together(prev, block.kind) {
            sink.blank_unless_empty();
        }
        // A table laid out whole keeps its grid here too (only a table longer than a
        // part is cut, and then set as lines of text).
        let whole = !piece.continued && piece.range == block.span.range;
        if let Some(table) = doc.table(&block.span).filter(|_| whole) {
            let target = super::table::Target {
                doc,
                article,
                block: Some(piece.block),
                opts,
            };
            super::table::set(&target, table, &mut sink.lines);
            prev = Some(block.kind);
            continue;
        }
        sink.set(&span, block.kind.into(), Some(piece.block), &place);
        prev = Some(block.kind);
    }
    if part.tail {
        tail(&mut sink, a);
    }
    sink.lines
}

/// Furniture printed before the article, its overline and its header group.
fn head(sink: &mut Sink, a: &Article) {
    let (doc, article) = (sink.doc, sink.article);
    let before = start_line(article.checked_sub(1).and_then(|i| doc.articles.get(i)));
    for f in doc
        .furniture
        .iter()
        .filter(|f| f.span.line >= before && f.span.line < start_line(Some(a)))
    {
        sink.set(&f.span, LineRole::Furniture, None, &Placement::left(0, 0));
        sink.blank();
    }
    for block in &a.overline {
        sink.set(&block.span, LineRole::Overline, None, &Placement::CENTER);
    }
    sink.blank_unless_empty();
    header(sink, a);
}

/// The page's trailing furniture after its last article, and the closing blank line.
fn tail(sink: &mut Sink, a: &Article) {
    let doc = sink.doc;
    if sink.article + 1 == doc.articles.len() {
        for f in doc
            .furniture
            .iter()
            .filter(|f| f.span.line >= start_line(Some(a)))
        {
            sink.blank_unless_empty();
            sink.set(&f.span, LineRole::Furniture, None, &Placement::left(0, 0));
        }
    }
    sink.blank_unless_empty();
}

/// Furniture of a page without articles.
pub fn furniture_only(doc: &Document, opts: &LayoutOptions) -> Vec<VisualLine> {
    let mut sink = Sink::new(doc, 0, opts);
    for f in &doc.furniture {
        sink.set(&f.span, LineRole::Furniture, None, &Placement::left(0, 0));
        sink.blank();
    }
    sink.lines
}

/// The first source line of an article (its overline may stand above it); 0 for none.
fn start_line(article: Option<&Article>) -> usize {
    article.map_or(0, |a| {
        a.overline
            .iter()
            .map(|b| b.span.line)
            .fold(a.line, usize::min)
    })
}

fn header(sink: &mut Sink, a: &Article) {
    let fields = [
        (LineRole::Kicker, a.kicker.as_ref(), Placement::CENTER),
        (LineRole::Title, a.title.as_ref(), Placement::CENTER),
        (LineRole::Subtitle, a.subtitle.as_ref(), Placement::CENTER),
        (LineRole::Byline, a.byline.as_ref(), Placement::RIGHT),
    ];
    for (role, span, placement) in fields {
        if let Some(span) = span {
            sink.set(span, role, None, &placement);
        }
    }
    sink.blank_unless_empty();
}

/// A caption keeps its credit and a list its items: no blank line between them.
fn together(prev: Option<BlockKind>, kind: BlockKind) -> bool {
    matches!(
        (prev, kind),
        (Some(BlockKind::Caption), BlockKind::Credit)
            | (Some(BlockKind::ListItem), BlockKind::ListItem)
    )
}

fn body(sink: &mut Sink, blocks: &[Block]) {
    let mut prev: Option<BlockKind> = None;
    for (index, block) in blocks.iter().enumerate() {
        if !together(prev, block.kind) {
            sink.blank_unless_empty();
        }
        if let Some(table) = sink.doc.table(&block.span) {
            let target = super::table::Target {
                doc: sink.doc,
                article: sink.article,
                block: Some(index),
                opts: sink.opts,
            };
            super::table::set(&target, table, &mut sink.lines);
        } else {
            if block.kind == BlockKind::Image {
                sink.photo(&block.span, index);
            }
            let placement = placement(block, sink.doc.str(&block.span), sink.opts);
            sink.set(&block.span, block.kind.into(), Some(index), &placement);
        }
        prev = Some(block.kind);
    }
}

fn placement(block: &Block, text: &str, opts: &LayoutOptions) -> Placement {
    let paragraph = opts.paragraph_indent.saturating_mul(2);
    match block.kind {
        BlockKind::Paragraph => Placement::left(paragraph, 0),
        BlockKind::Subhead | BlockKind::Furniture => Placement::left(0, 0),
        BlockKind::Caption
        | BlockKind::Credit
        | BlockKind::Quote
        | BlockKind::EndNote
        | BlockKind::ContinuationNote => Placement::left(4, 4),
        BlockKind::Table => Placement::left(2, 2),
        BlockKind::Banner | BlockKind::SeriesLabel => Placement::CENTER,
        BlockKind::Image => Placement {
            marker: Some(IMAGE),
            ..Placement::left(6, 6)
        },
        BlockKind::ListItem => list_item(text),
    }
}

/// A numbered item (`12.`, `3、`, `(4)`) hangs its following lines under the text after
/// its number; an unnumbered one gets a bullet.
fn list_item(text: &str) -> Placement {
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let number = text
        .get(digits..)
        .and_then(|rest| rest.chars().next())
        .filter(|c| digits > 0 && ".、．)）".contains(*c))
        .map(|c| digits + c.len_utf8());
    match number {
        Some(end) => {
            let hang = Measure::default().width(text.get(..end).unwrap_or(""));
            Placement::left(2, 2 + u16::try_from(hang).unwrap_or(0))
        }
        None => Placement {
            marker: Some(BULLET),
            ..Placement::left(2, 2)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_of_whole_blocks_is_laid_out_as_the_article_tables_included() {
        let md = "# 标题\n\n正文一段，写满一行。\n\n| 指标 | 数值 |\n|---|---|\n\
                  | 地区生产总值 | 512.3 |\n| 社会消费品零售总额 | 310.45 |\n\n正文二段。\n";
        let doc = crate::document::parse("t.md", md);
        assert_eq!(doc.tables.len(), 1);
        let opts = LayoutOptions {
            width: 30,
            ..LayoutOptions::default()
        };
        let blocks = doc.articles[0]
            .blocks
            .iter()
            .enumerate()
            .map(|(block, b)| PartBlock {
                block,
                range: b.span.range.clone(),
                continued: false,
            })
            .collect();
        let part = Part {
            head: true,
            tail: true,
            blocks,
        };
        let whole = lay_out(&doc, 0, &opts, NO_PHOTOS);
        assert!(whole.iter().any(|l| !l.segments.is_empty()), "a grid");
        assert_eq!(lay_out_part(&doc, 0, &part, &opts), whole);
    }
}
