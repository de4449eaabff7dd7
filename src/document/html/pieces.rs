//! An HTML block's tags and text → pieces: one text piece per block element (marked
//! when centred), an image per `<img>`, a table per `<table>` (rows on lines, cells two
//! spaces apart); inline elements (`span`, `b`, `font`, `a`) go and their text stays.

use super::{BREAKING, Item, Piece, PieceKind, Tag, walk};
use crate::document::grid::{self, Grid, RawCell};
use crate::document::habits::{self, Habits};
use crate::document::inline::{self, image_label};
use crate::document::tags;
use crate::document::text::trim;

/// Builds the pieces of a block.
pub(super) fn pieces(html: &str, habits: &mut Habits) -> Vec<Piece> {
    let mut b = Builder::default();
    walk(html, |item| match item {
        Item::Text(t) => b.text.push_str(t),
        Item::Comment => {}
        Item::Tag(tag) => b.tag(&tag, habits),
    });
    b.flush(habits);
    b.out
}

#[derive(Default)]
struct Builder {
    out: Vec<Piece>,
    text: String,
    /// For each open breaking element: whether it is centred.
    centred: Vec<bool>,
    heading: Option<u8>,
    /// Rows of the table being read, each a list of cells.
    table: Option<Vec<Vec<RawCell>>>,
    /// Inside the table's `<thead>`: its cells are header cells.
    thead: bool,
}

impl Builder {
    fn tag(&mut self, tag: &Tag, habits: &mut Habits) {
        let name = tag.name.as_str();
        if self.table.is_some() {
            self.table_tag(tag, habits);
            return;
        }
        match name {
            "img" if !tag.closing => {
                self.flush(habits);
                let alt = tag.attr("alt").unwrap_or("");
                if tags::is_placeholder(alt) {
                    habits.note(habits::IMAGE_PLACEHOLDER);
                }
                let alt = if tags::is_placeholder(alt) { "" } else { alt };
                let src = tag.attr("src").unwrap_or("");
                let mut label = image_label(alt, src);
                if let Some(title) = tag.attr("title").filter(|t| !trim(t).is_empty()) {
                    label.push(' ');
                    label.push_str(trim(title));
                }
                self.push(PieceKind::Image, label);
                if let Some(piece) = self.out.last_mut().filter(|p| p.kind == PieceKind::Image) {
                    piece.src = Some(src.to_string());
                }
            }
            "table" if !tag.closing => {
                self.flush(habits);
                self.table = Some(Vec::new());
            }
            "br" => self.text.push('\n'),
            _ if BREAKING.contains(&name) => {
                self.flush(habits);
                let level = name
                    .strip_prefix('h')
                    .and_then(|d| d.parse::<u8>().ok())
                    .filter(|d| (1..=6).contains(d));
                if tag.closing {
                    self.centred.pop();
                    if level.is_some() {
                        self.heading = None;
                    }
                } else {
                    self.centred.push(tag.centred());
                    if level.is_some() {
                        self.heading = level;
                    }
                }
            }
            // Inline elements (`span`, `b`, `font`, `a` …): the tag goes, the text stays.
            _ => {}
        }
    }

    fn table_tag(&mut self, tag: &Tag, habits: &mut Habits) {
        let cell_text = std::mem::take(&mut self.text);
        let Some(rows) = self.table.as_mut() else {
            return;
        };
        if let Some(cell) = rows.last_mut().and_then(|r| r.last_mut()) {
            cell.text.push_str(&cell_text);
        } else if !trim(&cell_text).is_empty() {
            rows.push(vec![RawCell::plain(cell_text)]);
        }
        match (tag.name.as_str(), tag.closing) {
            ("tr", false) => rows.push(Vec::new()),
            ("thead", closing) => self.thead = !closing,
            ("td" | "th", false) => {
                if rows.is_empty() {
                    rows.push(Vec::new());
                }
                if let Some(r) = rows.last_mut() {
                    r.push(RawCell {
                        text: String::new(),
                        colspan: grid::span_value(tag.attr("colspan")),
                        rowspan: grid::span_value(tag.attr("rowspan")),
                        header: tag.name == "th" || self.thead,
                    });
                }
            }
            ("br", _) => {
                if let Some(cell) = rows.last_mut().and_then(|r| r.last_mut()) {
                    cell.text.push('\n');
                }
            }
            ("table", true) => {
                let rows = self.table.take().unwrap_or_default();
                self.thead = false;
                let cleaned = rows
                    .into_iter()
                    .map(|r| {
                        r.into_iter()
                            .map(|c| RawCell {
                                text: clean_lines(&c.text, habits),
                                ..c
                            })
                            .collect()
                    })
                    .collect();
                let (text, grid) = grid::flatten(cleaned);
                self.push_table(text, grid);
            }
            _ => {}
        }
    }

    /// Ends the current text piece (and an unclosed table at the end of the block).
    fn flush(&mut self, habits: &mut Habits) {
        if self.table.is_some() {
            self.table_tag(
                &Tag {
                    name: "table".into(),
                    closing: true,
                    self_closing: false,
                    attrs: "",
                },
                habits,
            );
        }
        let text = std::mem::take(&mut self.text);
        let kind = self.heading.map_or(PieceKind::Text, PieceKind::Heading);
        let cleaned = clean_lines(&text, habits);
        if !cleaned.is_empty() {
            self.push(kind, cleaned);
        }
    }

    fn push_table(&mut self, text: String, grid: Grid) {
        if trim(&text).is_empty() {
            return;
        }
        self.out.push(Piece {
            kind: PieceKind::Table,
            text,
            centred: self.centred.iter().any(|&c| c),
            table: Some(Box::new(grid)),
            src: None,
        });
    }

    fn push(&mut self, kind: PieceKind, text: String) {
        if trim(&text).is_empty() {
            return;
        }
        self.out.push(Piece {
            kind,
            text,
            centred: self.centred.iter().any(|&c| c),
            table: None,
            src: None,
        });
    }
}

/// The lines of a run of text (source lines, `<br>`s) cleaned of inline markup and
/// joined: with nothing between Chinese characters, a space between Latin words.
fn clean_lines(text: &str, habits: &mut Habits) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = inline::clean_noting(trim(line), habits);
        let line = trim(&line);
        if line.is_empty() {
            continue;
        }
        if crate::document::text::needs_space(&out, line) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}
