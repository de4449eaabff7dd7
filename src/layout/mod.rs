//! Setting a [`Document`] into terminal lines: display widths, Chinese line breaking,
//! newspaper typography. Output lines point back into the document text by byte range.
//!
//! (Skeleton: a naive character wrap; to be replaced by the real pipeline.)

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

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
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            width: 80,
            paragraph_indent: 2,
            ambiguous_wide: false,
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
            BlockKind::Credit => Self::Credit,
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
    /// Display width of the text in `range`.
    pub width: u16,
}

/// A whole document laid out at one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentLayout {
    pub lines: Vec<VisualLine>,
    /// Index in `lines` of each article's first line.
    pub article_starts: Vec<usize>,
}

/// Lays out one article.
pub fn lay_out_article(doc: &Document, article: usize, opts: &LayoutOptions) -> Vec<VisualLine> {
    let mut out = Vec::new();
    let Some(a) = doc.articles.get(article) else {
        return out;
    };
    let fields = [
        (LineRole::Kicker, a.kicker.as_ref()),
        (LineRole::Title, a.title.as_ref()),
        (LineRole::Subtitle, a.subtitle.as_ref()),
        (LineRole::Byline, a.byline.as_ref()),
    ];
    for (role, span) in fields {
        if let Some(span) = span {
            naive_wrap(doc, span.range.clone(), role, article, None, opts, &mut out);
        }
    }
    for (index, block) in a.blocks.iter().enumerate() {
        out.push(blank(article));
        naive_wrap(
            doc,
            block.span.range.clone(),
            block.kind.into(),
            article,
            Some(index),
            opts,
            &mut out,
        );
    }
    out.push(blank(article));
    out
}

/// Lays out a whole document.
pub fn lay_out(doc: &Document, opts: &LayoutOptions) -> DocumentLayout {
    let mut layout = DocumentLayout::default();
    for index in 0..doc.articles.len() {
        layout.article_starts.push(layout.lines.len());
        layout.lines.extend(lay_out_article(doc, index, opts));
    }
    layout
}

/// The plain text of a visual line, indent included (what `--dump text` prints).
pub fn plain_text(doc: &Document, line: &VisualLine) -> String {
    let mut s = String::new();
    let marker = line.marker.unwrap_or("");
    s.push_str(marker);
    let pad =
        usize::from(line.indent).saturating_sub(unicode_width::UnicodeWidthStr::width(marker));
    s.extend(std::iter::repeat_n(' ', pad));
    s.push_str(doc.text.get(line.range.clone()).unwrap_or(""));
    s
}

fn blank(article: usize) -> VisualLine {
    VisualLine {
        role: LineRole::Blank,
        article,
        block: None,
        range: 0..0,
        indent: 0,
        marker: None,
        width: 0,
    }
}

fn naive_wrap(
    doc: &Document,
    range: Range<usize>,
    role: LineRole,
    article: usize,
    block: Option<usize>,
    opts: &LayoutOptions,
    out: &mut Vec<VisualLine>,
) {
    let width = opts.width.max(1);
    let text = &doc.text[range.clone()];
    let mut start = range.start;
    let mut used: u16 = 0;
    for (offset, ch) in text.char_indices() {
        let w = ch.width().unwrap_or(0) as u16;
        if used + w > width && used > 0 {
            out.push(VisualLine {
                role,
                article,
                block,
                range: start..range.start + offset,
                indent: 0,
                marker: None,
                width: used,
            });
            start = range.start + offset;
            used = 0;
        }
        used += w;
    }
    out.push(VisualLine {
        role,
        article,
        block,
        range: start..range.end,
        indent: 0,
        marker: None,
        width: used,
    });
}
