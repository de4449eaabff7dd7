//! The unit of a page as the front end hands it on: one heading, text line, list item,
//! quote line, image, table, caption, credit or continuation note, markup removed, with
//! its source line. Its own module so that `lines` (which reads the markdown) and the
//! habit steps it runs over the units (`photo`, `continuation`, `stray`, `spacing`,
//! `headings`) both depend on it without depending on each other.

/// What markdown made of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// `#`… heading (or `<h1>`…`<h6>`), with its level (1–6).
    Heading(u8),
    /// A plain line of text.
    Text,
    /// `- `, `* `, `+ ` item (marker removed) or `1. ` item (number kept: it is text).
    ListItem,
    /// `> ` line.
    Quote,
    /// A line holding only an image (markdown or `<img>`); text is its alt text, or
    /// its file name when the alt text is empty or a placeholder such as `Image`.
    Image,
    /// `<table>…</table>` or `| a | b |` rows, flattened.
    Table,
    /// A photo caption the markup says is one: a centred HTML block beside an image.
    Caption,
    /// A photo credit split off the end of a photo's caption (`…。陈雷报`, where `报`
    /// is OCR'd `摄`): the step that splits it knows it follows an image.
    Credit,
    /// A continuation note (`（上接第一版）`, `（下转第3版）`, `接第2版`, mixed
    /// brackets), whole or split off the start or end of a paragraph.
    Continuation,
    /// A single stray character on a line of its own (OCR noise from a photo or a
    /// page number): kept, never glued into a paragraph.
    Stray,
    /// A line that runs across the pages of the directory (`running`): furniture.
    Furniture,
}

/// One unit of the page, markup removed.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub syntax: Syntax,
    pub text: String,
    /// 1-based source line.
    pub line: usize,
    /// Opened with an indent (two or more spaces, or ideographic spaces): a new paragraph.
    pub indented: bool,
    /// Plain text directly under another plain text line (no blank line between):
    /// the same markdown paragraph, hard-wrapped.
    pub adjacent: bool,
    /// Inside a centred HTML element (`<center>`, `text-align: center`): the photo
    /// step reads it as a caption when an image stands beside it.
    pub centred: bool,
    /// A table's grid, cells as ranges into `text` (tables only).
    pub table: Option<Box<super::grid::Grid>>,
    /// An image's source as written (`imgs/a.jpg`; images only).
    pub src: Option<String>,
    /// The front end read the page's line widths and decided this line opens a block
    /// of its own (`rewrap`): it cannot continue the paragraph before it.
    pub opens_block: bool,
    /// A continuation note from another page (`（上接第一版）`) stands right after this
    /// unit: set when the notes are set apart, so the decoder still sees where they were
    /// (a heading over one is the headline of a continued story).
    pub from_note_next: bool,
    /// A note sending the story on to another page (`（下转第三版）`, `转第15版`) stands
    /// right after this unit: the story stops here on this page, so a head after it
    /// opens another one.
    pub to_note_next: bool,
    /// A heading only because the line was set wider than the body column of a
    /// hard-wrapped page (`rewrap`), not marked so by the converter: among stacked
    /// heads it tells a headline no better than the lines beside it.
    pub wide_head: bool,
}
