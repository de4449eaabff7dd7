//! Setting a [`Document`] into terminal lines: display widths, Chinese line breaking,
//! newspaper typography. Output lines point back into the document text by byte range.
//!
//! ratatui's own wrapping breaks only at spaces, lets a final wide character overflow and
//! knows no Chinese punctuation rules, so text is pre-wrapped here and drawn unwrapped.
//! The pipeline, one module per stage: [`width`] measures grapheme clusters, [`breaks`]
//! finds UAX #14 opportunities tailored with 避头尾 rules, [`wrap`] fills lines from
//! widths and break classes alone, [`typeset`] places each role (first-line indent,
//! centred headlines, hanging list items) and `article` orders an article's pieces.
//!
//! ```
//! use kanbao::document::parse;
//! use kanbao::layout::{LayoutOptions, lay_out, plain_text};
//!
//! let doc = parse("demo", "## 标题\n\n新时代基层社区如何创新治理？成立5年的民和社区以沈媛为“领头羊”。\n");
//! let opts = LayoutOptions { width: 20, ..LayoutOptions::default() };
//! let layout = lay_out(&doc, &opts);
//! for line in &layout.lines {
//!     assert!(usize::from(line.indent + line.width) <= 20);
//!     println!("{}", plain_text(&doc, line));
//! }
//! ```
//!
//! # Limitations
//!
//! Widths are unicode-width's, as ratatui's: terminals that draw East Asian ambiguous
//! characters (“ ” … — ·) wide need [`LayoutOptions::ambiguous_wide`], and emoji
//! sequences some terminals draw as several glyphs will not line up there. A cluster
//! wider than the whole line (a Chinese character at width 1) sits alone on its line.

mod article;
pub mod breaks;
pub mod photo;
pub mod punct;
pub mod table;
pub mod typeset;
pub mod width;
pub mod words;
pub mod wrap;

pub use words::WordSource;

use std::borrow::Cow;
use std::ops::Range;

use crate::document::{BlockKind, Document};

/// How to set the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Columns available.
    pub width: u16,
    /// First-line indent of paragraphs, in full-width spaces (two columns each).
    pub paragraph_indent: u16,
    /// Count East Asian ambiguous-width characters (“ ” … — ·) as two columns.
    pub ambiguous_wide: bool,
    /// Where headline words start: the quick guess, or jieba once it is loaded.
    pub words: WordSource,
    /// Show OCR's half-width punctuation inside Chinese text full-width (see
    /// [`punct`]); the text itself keeps the source's characters. Off here, so that
    /// the library lays out the source as it is; the front end turns it on.
    pub fullwidth_punct: bool,
    /// Show traditional characters as simplified ones (one for one, `--simplified`):
    /// a display option, applied where text is drawn or printed, never to the text.
    pub simplified: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            width: 80,
            paragraph_indent: 2,
            ambiguous_wide: false,
            words: WordSource::Quick,
            fullwidth_punct: false,
            simplified: false,
        }
    }
}

/// What a visual line belongs to; the UI styles by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineRole {
    Overline,
    Kicker,
    Title,
    Subtitle,
    Byline,
    Paragraph,
    Subhead,
    Caption,
    Credit,
    ListItem,
    Quote,
    Image,
    /// A row of a photo drawn above its image block's placeholder line (see [`photo`]):
    /// an empty range at the block's start, `indent` and `width` the photo's columns.
    Photo,
    Table,
    Furniture,
    /// The blank line between blocks.
    Blank,
}

impl From<BlockKind> for LineRole {
    fn from(kind: BlockKind) -> Self {
        match kind {
            BlockKind::Paragraph => Self::Paragraph,
            BlockKind::Subhead => Self::Subhead,
            BlockKind::Caption => Self::Caption,
            BlockKind::Credit | BlockKind::EndNote | BlockKind::ContinuationNote => Self::Credit,
            BlockKind::ListItem => Self::ListItem,
            BlockKind::Quote => Self::Quote,
            BlockKind::Image => Self::Image,
            BlockKind::Table => Self::Table,
            BlockKind::Banner | BlockKind::SeriesLabel => Self::Overline,
            BlockKind::Furniture => Self::Furniture,
        }
    }
}

/// One screen line of laid-out text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    pub role: LineRole,
    /// Index of the article in [`Document::articles`] (furniture lines use the article
    /// they are shown before).
    pub article: usize,
    /// Index into the article's blocks, `None` for header fields and blank lines.
    pub block: Option<usize>,
    /// Bytes of [`Document::text`] shown on this line (break whitespace excluded).
    pub range: Range<usize>,
    /// Blank columns before the text (first-line indent, centering, hanging indent).
    pub indent: u16,
    /// A marker drawn in the indent area, e.g. the bullet of a list item.
    pub marker: Option<&'static str>,
    /// Display width of the text in `range` (of the whole row for a table line).
    pub width: u16,
    /// A table line's pieces, each at its own column: cells' text and rules (see
    /// [`table`]). Empty for every other line, which is `range` drawn after `indent`.
    pub segments: Vec<Segment>,
}

/// A piece of a table line, placed at a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Columns after the line's indent.
    pub column: u16,
    pub kind: SegmentKind,
}

/// What a [`Segment`] draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SegmentKind {
    /// Text of a cell: bytes of [`Document::text`]; `header` for a header cell.
    Text { range: Range<usize>, header: bool },
    /// A rule or a column separator (box-drawing characters), drawn in the rule style.
    Rule(Box<str>),
}

/// A whole document laid out at one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentLayout {
    pub lines: Vec<VisualLine>,
    /// Index in `lines` of each article's first line.
    pub article_starts: Vec<usize>,
}

/// Lays out one article: furniture printed before it, its overline, its header and its
/// blocks, ending with a blank line. Needs no other article's layout, so the reader can
/// lay articles out lazily and cache them.
pub fn lay_out_article(doc: &Document, article: usize, opts: &LayoutOptions) -> Vec<VisualLine> {
    article::lay_out(doc, article, opts, article::NO_PHOTOS)
}

/// The size of the photo of an image block, when its file is decoded and shown (the
/// reader's answer; `None` lays the block out as its placeholder line alone).
pub type Photos<'a> = &'a dyn Fn(&crate::document::Span) -> Option<photo::PhotoSize>;

/// [`lay_out_article`] with photos: each image block `photos` gives a size gets that
/// many [`LineRole::Photo`] rows above its placeholder line.
pub fn lay_out_article_with(
    doc: &Document,
    article: usize,
    opts: &LayoutOptions,
    photos: Photos,
) -> Vec<VisualLine> {
    article::lay_out(doc, article, opts, photos)
}

pub use article::{Part, PartBlock, lay_out_part};

/// Lays out a whole document.
pub fn lay_out(doc: &Document, opts: &LayoutOptions) -> DocumentLayout {
    let mut layout = DocumentLayout::default();
    if doc.articles.is_empty() {
        layout.lines = article::furniture_only(doc, opts);
        return layout;
    }
    for index in 0..doc.articles.len() {
        layout.article_starts.push(layout.lines.len());
        layout.lines.extend(lay_out_article(doc, index, opts));
    }
    layout
}

/// The text of a visual line as it must be drawn after its indent: tabs expanded and
/// control characters replaced by visible symbols (see [`width::display`]).
pub fn line_text<'a>(doc: &'a Document, line: &VisualLine) -> Cow<'a, str> {
    width::display(doc.text.get(line.range.clone()).unwrap_or(""))
}

/// The plain text of a visual line, indent and marker included (what `--dump text`
/// prints).
pub fn plain_text(doc: &Document, line: &VisualLine) -> String {
    text_of(doc, line, false)
}

/// The text of a visual line as the screen shows it with `opts` (half-width
/// punctuation in Chinese text full-width when [`LayoutOptions::fullwidth_punct`]):
/// what `--dump text` prints.
pub fn shown_text(doc: &Document, line: &VisualLine, opts: &LayoutOptions) -> String {
    text_of(doc, line, opts.fullwidth_punct)
}

/// The bytes `range` of the document's text as drawn: control characters made
/// visible, and with `fullwidth` the punctuation [`punct`] swaps.
pub fn drawn(doc: &Document, range: Range<usize>, fullwidth: bool) -> Cow<'_, str> {
    if fullwidth {
        match punct::show(&doc.text, range.start, range.end) {
            Cow::Borrowed(s) => width::display(s),
            Cow::Owned(s) => Cow::Owned(width::display(&s).into_owned()),
        }
    } else {
        width::display(doc.text.get(range).unwrap_or(""))
    }
}

fn text_of(doc: &Document, line: &VisualLine, fullwidth: bool) -> String {
    let mut s = String::new();
    let marker = line.marker.unwrap_or("");
    s.push_str(marker);
    let measure = width::Measure::default();
    let pad = usize::from(line.indent).saturating_sub(measure.width(marker));
    s.extend(std::iter::repeat_n(' ', pad));
    if line.segments.is_empty() {
        s.push_str(&drawn(doc, line.range.clone(), fullwidth));
        return s;
    }
    // A table line: each segment padded out to its column.
    let mut at = 0;
    for segment in &line.segments {
        let text = match &segment.kind {
            SegmentKind::Text { range, .. } => drawn(doc, range.clone(), fullwidth),
            SegmentKind::Rule(rule) => Cow::Borrowed(&**rule),
        };
        let column = usize::from(segment.column);
        s.extend(std::iter::repeat_n(' ', column.saturating_sub(at)));
        at = column.max(at) + measure.width(&text);
        s.push_str(&text);
    }
    s
}

/// The text a segment draws (a cell's text made displayable, or a rule).
pub fn segment_text<'a>(doc: &'a Document, segment: &'a Segment) -> Cow<'a, str> {
    match &segment.kind {
        SegmentKind::Text { range, .. } => {
            width::display(doc.text.get(range.clone()).unwrap_or(""))
        }
        SegmentKind::Rule(rule) => Cow::Borrowed(rule),
    }
}

/// The screen column (indent included) where the byte `offset` of [`Document::text`]
/// is drawn on `line`, or `None` when the line does not show it. The end of the range
/// maps to the column after the text, so a highlight `a..b` covers `column_of(a)..column_of(b)`.
pub fn column_of(
    doc: &Document,
    line: &VisualLine,
    offset: usize,
    opts: &LayoutOptions,
) -> Option<u16> {
    if !line.range.contains(&offset) && offset != line.range.end {
        return None;
    }
    let measure = width::Measure {
        ambiguous_wide: opts.ambiguous_wide,
    };
    let (start, column) = if line.segments.is_empty() {
        (line.range.start, 0)
    } else {
        line.segments.iter().find_map(|s| match &s.kind {
            SegmentKind::Text { range, .. } if range.contains(&offset) || offset == range.end => {
                Some((range.start, s.column))
            }
            _ => None,
        })?
    };
    doc.text.get(start..offset)?;
    let before = drawn(doc, start..offset, opts.fullwidth_punct);
    let columns = u16::try_from(measure.width(&before)).unwrap_or(u16::MAX);
    Some(line.indent.saturating_add(column).saturating_add(columns))
}

/// A blank line (between blocks and after an article).
pub(crate) fn blank(article: usize) -> VisualLine {
    VisualLine {
        role: LineRole::Blank,
        article,
        block: None,
        range: 0..0,
        indent: 0,
        marker: None,
        width: 0,
        segments: Vec::new(),
    }
}
