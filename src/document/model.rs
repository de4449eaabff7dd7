//! The newspaper document model: documents (pages) → articles → blocks.
//!
//! Text is stored once, in [`Document::text`]; every field and block refers to it by a
//! byte range, so search hits, keyword highlights and layout lines all share one
//! coordinate system (GUIDE habit 7). Each piece also remembers the 1-based source
//! line it came from.

use std::ops::Range;

pub use super::articles::Articles;

/// A piece of text inside [`Document::text`], with the source line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte range into [`Document::text`].
    pub range: Range<usize>,
    /// 1-based line of the source file where this text starts.
    pub line: usize,
}

/// What a body block is, as far as the newspaper is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Running text; column breaks already rejoined.
    Paragraph,
    /// An in-article subhead (小标题).
    Subhead,
    /// A photo caption (图片说明), taken out of the paragraph it interrupted.
    Caption,
    /// A photo credit line such as `孙鑫摄`.
    Credit,
    /// One item of a list.
    ListItem,
    /// A quotation block (`> ` in markdown).
    Quote,
    /// An image placeholder (`![alt](src)`): text is the alt text or the file name.
    Image,
    /// A table: its text is the rows on lines, cells two spaces apart; its grid (cells
    /// with their spans) is [`Document::table`].
    Table,
    /// A page banner (通栏标题): a headline with no body over the next article.
    Banner,
    /// A series or campaign label (专栏标识) between articles.
    SeriesLabel,
    /// Page furniture: dates, 第N版, 责任编辑：… kept apart from article text.
    Furniture,
    /// A note closing an article (`本期统筹：…`, `（特别感谢…）`): not body text.
    EndNote,
    /// A continuation note (`（上接第一版）`, `（下转第3版）`): where the story comes
    /// from or goes on, kept with its story.
    ContinuationNote,
}

impl BlockKind {
    /// The name used in `--dump json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Paragraph => "paragraph",
            Self::Subhead => "subhead",
            Self::Caption => "caption",
            Self::Credit => "credit",
            Self::ListItem => "list_item",
            Self::Quote => "quote",
            Self::Image => "image",
            Self::Table => "table",
            Self::Banner => "banner",
            Self::SeriesLabel => "series_label",
            Self::Furniture => "furniture",
            Self::EndNote => "end_note",
            Self::ContinuationNote => "continuation_note",
        }
    }
}

/// A body block of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// One cell of a table: its text as a byte range into [`Document::text`] (empty for
/// an empty cell), the columns and rows it spans, and whether it heads its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub range: Range<usize>,
    pub colspan: u16,
    pub rowspan: u16,
    pub header: bool,
}

/// The grid of a [`BlockKind::Table`] block: rows of cells in reading order. Every
/// character of the block's text lies in exactly one cell (cells are two spaces
/// apart, rows a line apart in the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The block's range (the key [`Document::table`] looks it up by).
    pub range: Range<usize>,
    pub rows: Vec<Vec<Cell>>,
}

/// Where the file of a [`BlockKind::Image`] block is, as the page wrote it
/// (`imgs/a.jpg`, `./images/b.png`, or a URL the reader never fetches).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSource {
    /// The block's range (the key [`Document::image_source`] looks it up by).
    pub range: Range<usize>,
    pub src: String,
}

/// One of an article's head fields, for the accessors that read them without building
/// a stub's records ([`Document::head_span`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadField {
    /// [`Article::kicker`].
    Kicker,
    /// [`Article::title`].
    Title,
    /// [`Article::subtitle`].
    Subtitle,
    /// [`Article::byline`].
    Byline,
}

/// One article: a headline with its satellites and its body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// Banners and series labels printed above this article (not part of its text).
    pub overline: Vec<Block>,
    /// 引题 / column name, the line above the headline.
    pub kicker: Option<Span>,
    /// The headline; `None` for a headless continuation from the previous page.
    pub title: Option<Span>,
    /// 副题, the line below the headline.
    pub subtitle: Option<Span>,
    /// 署名, wherever it stood (own line, trailing, or inline before the first paragraph).
    pub byline: Option<Span>,
    /// 1-based source line where the article starts.
    pub line: usize,
    /// Body blocks in reading order.
    pub blocks: Vec<Block>,
}

/// Why one unit of the page got its role: the structure decoder's role and the cues
/// (feature names with the weight they gave it over the runner-up role) that decided it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explanation {
    /// 1-based source line of the unit.
    pub line: usize,
    /// The decoded role (`headline`, `byline`, `paragraph_continuation`…).
    pub role: &'static str,
    /// The two or three strongest cues, strongest first, each as `feature +margin`
    /// (`next:by:own_line +52.1`).
    pub cues: Vec<String>,
}

/// One input file: a newspaper page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Where it came from: a path, `-` for standard input, or the bundled sample's name.
    pub source: String,
    /// The encoding the bytes were decoded from (e.g. `UTF-8`, `GB18030`).
    pub encoding: String,
    /// Problems met while decoding or parsing (shown in the status line).
    pub warnings: Vec<String>,
    /// All text of the page, once: fields and blocks point into it.
    pub text: String,
    /// Articles in reading order (compact heads on a stub; reads as a `Vec<Article>`
    /// either way, see [`Articles`]).
    pub articles: Articles,
    /// Page furniture (date lines, 第N版, 责任编辑：…), kept apart from articles.
    pub furniture: Vec<Block>,
    /// The converter habits the parser undid on this page (`outer-fence`,
    /// `html-block`, `inline-latex`, …), in the order they were first met: which
    /// converter wrote the page, as far as its habits tell.
    pub habits: Vec<&'static str>,
    /// The grids of the table blocks, in text order (see [`Document::table`]).
    pub tables: Vec<Table>,
    /// The sources of the image blocks, in text order (see [`Document::image_source`]).
    pub images: Vec<ImageSource>,
    /// Per unit, why it got its role; filled by [`parse_explained`](super::parse_explained)
    /// only (explaining costs a second pass).
    pub explanations: Vec<Explanation>,
    /// Set on a page's stub ([`super::stub`]): the length of the parsed page's text,
    /// which the stub drops, so that positions count through the whole archive.
    /// `None` on a parsed page.
    pub stubbed: Option<usize>,
}

impl Document {
    /// The file name of [`source`](Self::source) without its directories, for labels
    /// where a long path would push out the name that tells pages apart (第10版).
    pub fn short_name(&self) -> &str {
        self.source
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(&self.source)
    }

    /// The grid of the table block at `span`, when the parser read one.
    pub fn table(&self, span: &Span) -> Option<&Table> {
        let at = self
            .tables
            .binary_search_by_key(&span.range.start, |t| t.range.start)
            .ok()?;
        self.tables.get(at).filter(|t| t.range == span.range)
    }

    /// The source (`imgs/a.jpg`) of the image block at `span`, when the page gave one.
    pub fn image_source(&self, span: &Span) -> Option<&str> {
        let at = self
            .images
            .binary_search_by_key(&span.range.start, |i| i.range.start)
            .ok()?;
        self.images
            .get(at)
            .filter(|i| i.range == span.range)
            .map(|i| i.src.as_str())
    }

    /// The text of a span.
    pub fn str(&self, span: &Span) -> &str {
        self.text.get(span.range.clone()).unwrap_or("")
    }

    /// The text of an optional field, if present.
    pub fn field(&self, span: Option<&Span>) -> Option<&str> {
        span.map(|s| self.str(s))
    }

    /// A head field of article `index` (its headline, kicker…). On a stub it is read
    /// from the compact heads: no records are built (see [`Articles`]).
    pub fn head_span(&self, index: usize, field: HeadField) -> Option<Span> {
        if let Some(heads) = self.articles.heads() {
            return heads.field(index, field);
        }
        let a = self.articles.get(index)?;
        match field {
            HeadField::Kicker => a.kicker.clone(),
            HeadField::Title => a.title.clone(),
            HeadField::Subtitle => a.subtitle.clone(),
            HeadField::Byline => a.byline.clone(),
        }
    }

    /// The text of a head field of article `index` (see [`Document::head_span`]).
    pub fn head_text(&self, index: usize, field: HeadField) -> Option<&str> {
        self.head_span(index, field).map(|s| self.str(&s))
    }

    /// The body blocks of article `index`, at their numbers. On a stub they are read
    /// from the compact heads: no records are built (see [`Articles`]).
    pub fn blocks_of(&self, index: usize) -> Vec<Block> {
        match self.articles.heads() {
            Some(heads) => heads.blocks(index).collect(),
            None => self
                .articles
                .get(index)
                .map(|a| a.blocks.clone())
                .unwrap_or_default(),
        }
    }

    /// The subheads of article `index`: each block number with its span. On a stub
    /// they are read from the compact heads: no records are built.
    pub fn subheads(&self, index: usize) -> Vec<(usize, Span)> {
        let subhead =
            |(n, b): (usize, Block)| (b.kind == BlockKind::Subhead).then_some((n, b.span));
        match self.articles.heads() {
            Some(heads) => heads
                .blocks(index)
                .enumerate()
                .filter_map(subhead)
                .collect(),
            None => self.articles.get(index).map_or_else(Vec::new, |a| {
                a.blocks
                    .iter()
                    .cloned()
                    .enumerate()
                    .filter_map(subhead)
                    .collect()
            }),
        }
    }

    /// A short label for an article: its headline, or the opening words of its first
    /// paragraph when it has none (a continuation from the previous page). On a stub
    /// it is read from the compact heads: no records are built.
    pub fn article_label(&self, index: usize) -> String {
        if index >= self.articles.len() {
            return String::new();
        }
        if let Some(title) = self.head_text(index, HeadField::Title) {
            return title.to_string();
        }
        let opening = |blocks: &[Block]| {
            blocks
                .iter()
                .find(|b| b.kind == BlockKind::Paragraph)
                .or(blocks.first())
                .map(|b| b.span.clone())
        };
        let first = match self.articles.heads() {
            Some(heads) => opening(&heads.blocks(index).collect::<Vec<_>>()),
            None => opening(&self.articles[index].blocks),
        };
        match first {
            Some(span) => {
                let words: String = self.str(&span).chars().take(12).collect();
                format!("{words}…")
            }
            None => String::from("(untitled)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Document;

    fn named(source: &str) -> Document {
        Document {
            source: source.into(),
            ..Document::default()
        }
    }

    #[test]
    fn short_name_drops_the_directories() {
        assert_eq!(
            named("/tmp/c/2020-01-01_第10版.md").short_name(),
            "2020-01-01_第10版.md"
        );
        assert_eq!(named(r"C:\pages\第2版.md").short_name(), "第2版.md");
        assert_eq!(
            named("sample.md (bundled)").short_name(),
            "sample.md (bundled)"
        );
        assert_eq!(named("-").short_name(), "-");
    }
}
