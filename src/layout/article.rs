//! The order and spacing of an article's pieces: furniture printed before it, the
//! overline (banner, series label), the header group (kicker, headline, subtitle,
//! byline), then the body blocks with one blank line between them. A caption keeps its
//! credit and a list keeps its items together, without blank lines.

use crate::document::{Article, Block, BlockKind, Document, Span};

use super::typeset::{self, Piece, Placement};
use super::width::Measure;
use super::{LayoutOptions, LineRole, VisualLine};

/// Marker of a list item that has no number of its own (wide, never ambiguous).
const BULLET: &str = "・";
/// Marker of an image placeholder.
const IMAGE: &str = "[图]";

/// Collects an article's lines; blank lines carry an empty range at the current
/// position so ranges never go backwards.
struct Sink<'a> {
    doc: &'a Document,
    opts: &'a LayoutOptions,
    article: usize,
    lines: Vec<VisualLine>,
}

impl Sink<'_> {
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

pub fn lay_out(doc: &Document, article: usize, opts: &LayoutOptions) -> Vec<VisualLine> {
    let Some(a) = doc.articles.get(article) else {
        return Vec::new();
    };
    let mut sink = Sink {
        doc,
        opts,
        article,
        lines: Vec::new(),
    };
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
    header(&mut sink, a);
    body(&mut sink, &a.blocks);
    if article + 1 == doc.articles.len() {
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
    sink.lines
}

/// Furniture of a page without articles.
pub fn furniture_only(doc: &Document, opts: &LayoutOptions) -> Vec<VisualLine> {
    let mut sink = Sink {
        doc,
        opts,
        article: 0,
        lines: Vec::new(),
    };
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

fn body(sink: &mut Sink, blocks: &[Block]) {
    let mut prev: Option<BlockKind> = None;
    for (index, block) in blocks.iter().enumerate() {
        let together = matches!(
            (prev, block.kind),
            (Some(BlockKind::Caption), BlockKind::Credit)
                | (Some(BlockKind::ListItem), BlockKind::ListItem)
        );
        if !together {
            sink.blank_unless_empty();
        }
        let placement = placement(block, sink.doc.str(&block.span), sink.opts);
        sink.set(&block.span, block.kind.into(), Some(index), &placement);
        prev = Some(block.kind);
    }
}

fn placement(block: &Block, text: &str, opts: &LayoutOptions) -> Placement {
    let paragraph = opts.paragraph_indent.saturating_mul(2);
    match block.kind {
        BlockKind::Paragraph => Placement::left(paragraph, 0),
        BlockKind::Subhead | BlockKind::Furniture => Placement::left(0, 0),
        BlockKind::Caption | BlockKind::Credit | BlockKind::Quote => Placement::left(4, 4),
        BlockKind::Table => Placement::left(2, 2),
        BlockKind::Banner | BlockKind::SeriesLabel => Placement::CENTER,
        BlockKind::Image => Placement {
            marker: Some(IMAGE),
            ..Placement::left(5, 5)
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
