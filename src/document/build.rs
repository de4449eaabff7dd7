//! Lays the planned text down into [`Document::text`] once, in reading order, and turns
//! pieces into [`Span`]s. Each piece is copied exactly once, so building is linear in
//! the size of the page however many column breaks are rejoined.

use super::lines::Unit;
use super::model::{Article, Block, BlockKind, Document, ImageSource, Span, Table};
use super::plan::{Glue, PlanArticle, PlanBlock, Text};

/// Writes text into a document buffer.
pub(crate) struct Writer<'a> {
    pub units: &'a [Unit],
    pub text: String,
    /// The grids of the table blocks written so far.
    pub tables: Vec<Table>,
    /// The sources of the image blocks written so far.
    pub images: Vec<ImageSource>,
}

impl Writer<'_> {
    /// Appends one field or block (on its own line of the buffer) and returns its span.
    pub(crate) fn put(&mut self, t: &Text) -> Span {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        let start = self.text.len();
        let mut line = 0;
        for piece in &t.pieces {
            let Some(unit) = self.units.get(piece.unit) else {
                continue;
            };
            if line == 0 {
                line = unit.line;
            }
            let s = unit.text.get(piece.range.clone()).unwrap_or("");
            if self.text.len() > start {
                self.glue(t.glue, s);
            }
            self.text.push_str(s);
        }
        Span {
            range: start..self.text.len(),
            line: line.max(1),
        }
    }

    fn glue(&mut self, glue: Glue, next: &str) {
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let words = latin(self.text.chars().next_back()) && latin(next.chars().next());
        if glue == Glue::Space || words {
            self.text.push(' ');
        }
    }

    fn block(&mut self, b: &PlanBlock) -> Block {
        let span = self.put(&b.text);
        if b.kind == BlockKind::Table {
            self.table(b, &span);
        }
        if b.kind == BlockKind::Image {
            self.image(b, &span);
        }
        Block { kind: b.kind, span }
    }

    /// Keeps the grid of a table block written whole from its one unit.
    fn table(&mut self, b: &PlanBlock, span: &Span) {
        let [piece] = b.text.pieces.as_slice() else {
            return;
        };
        let Some(unit) = self.units.get(piece.unit) else {
            return;
        };
        if let Some(grid) = &unit.table
            && piece.range == (0..unit.text.len())
            && span.range.len() == unit.text.len()
        {
            self.tables.push(Table {
                range: span.range.clone(),
                rows: grid.shifted(span.range.start),
            });
        }
    }

    /// Keeps the source of an image block written from one image unit.
    fn image(&mut self, b: &PlanBlock, span: &Span) {
        let [piece] = b.text.pieces.as_slice() else {
            return;
        };
        if let Some(src) = self.units.get(piece.unit).and_then(|u| u.src.as_ref()) {
            self.images.push(ImageSource {
                range: span.range.clone(),
                src: src.clone(),
            });
        }
    }

    fn field(&mut self, t: Option<&Text>) -> Option<Span> {
        t.map(|t| self.put(t))
    }

    /// Writes one article: overline, kicker, title, subtitle, byline, then its body.
    pub(crate) fn article(&mut self, a: &PlanArticle) -> Article {
        let overline: Vec<Block> = a.overline.iter().map(|b| self.block(b)).collect();
        let kicker = self.field(a.kicker.as_ref());
        let title = self.field(a.title.as_ref());
        let subtitle = self.field(a.subtitle.as_ref());
        let byline = self.field(a.byline.as_ref());
        let blocks: Vec<Block> = a.blocks.iter().map(|b| self.block(b)).collect();
        let line = overline
            .iter()
            .map(|b: &Block| b.span.line)
            .chain(
                [&kicker, &title, &subtitle, &byline]
                    .into_iter()
                    .flatten()
                    .map(|s| s.line),
            )
            .chain(blocks.iter().map(|b| b.span.line))
            .min()
            .unwrap_or(1);
        Article {
            overline,
            kicker,
            title,
            subtitle,
            byline,
            line,
            blocks,
        }
    }
}

/// Assembles the document from planned articles and furniture units.
pub(crate) fn document(
    source: &str,
    units: &[Unit],
    articles: &[PlanArticle],
    furniture: &[PlanBlock],
) -> Document {
    let total: usize = units.iter().map(|u| u.text.len() + 1).sum();
    let mut w = Writer {
        units,
        text: String::with_capacity(total),
        tables: Vec::new(),
        images: Vec::new(),
    };
    let articles = articles.iter().map(|a| w.article(a)).collect();
    let furniture = furniture.iter().map(|b| w.block(b)).collect();
    // Articles and furniture are written in turn: sorted, the grids can be looked up
    // by where they start.
    w.tables.sort_by_key(|t| t.range.start);
    w.images.sort_by_key(|i| i.range.start);
    Document {
        source: source.to_string(),
        encoding: String::from("UTF-8"),
        warnings: Vec::new(),
        text: w.text,
        articles,
        furniture,
        habits: Vec::new(),
        tables: w.tables,
        images: w.images,
        explanations: Vec::new(),
        stubbed: None,
    }
}

/// Assembles the document when furniture is given as whole units by index.
pub(crate) fn document_with_furniture(
    source: &str,
    units: &[Unit],
    articles: &[PlanArticle],
    furniture: &[usize],
) -> Document {
    let blocks: Vec<PlanBlock> = furniture
        .iter()
        .map(|&unit| PlanBlock {
            kind: super::model::BlockKind::Furniture,
            text: Text::new(
                vec![super::plan::Piece {
                    unit,
                    range: 0..units.get(unit).map_or(0, |u| u.text.len()),
                }],
                Glue::Rejoin,
            ),
        })
        .collect();
    document(source, units, articles, &blocks)
}
