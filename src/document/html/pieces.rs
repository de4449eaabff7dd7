//! An HTML block's tags and text → pieces: one text piece per block element (marked
//! when centred), an image per `<img>`, a table per `<table>` (rows on lines, cells two
//! spaces apart); inline elements (`span`, `b`, `font`, `a`) go and their text stays.

use super::{BREAKING, Item, Piece, PieceKind, Tag, walk};
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
    table: Option<Vec<Vec<String>>>,
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
            }
            "table" if !tag.closing => {
                self.flush(habits);
                self.table = Some(Vec::new());
            }
            "br" => self.text.push(' '),
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
            cell.push_str(&cell_text);
        } else if !trim(&cell_text).is_empty() {
            rows.push(vec![cell_text]);
        }
        match (tag.name.as_str(), tag.closing) {
            ("tr", false) => rows.push(Vec::new()),
            ("td" | "th", false) => {
                if rows.is_empty() {
                    rows.push(Vec::new());
                }
                if let Some(r) = rows.last_mut() {
                    r.push(String::new());
                }
            }
            ("br", _) => {
                if let Some(cell) = rows.last_mut().and_then(|r| r.last_mut()) {
                    cell.push(' ');
                }
            }
            ("table", true) => {
                let rows = self.table.take().unwrap_or_default();
                let text: Vec<String> = rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|c| inline::clean_noting(trim(c), habits))
                            .filter(|c| !c.is_empty())
                            .collect::<Vec<_>>()
                            .join("  ")
                    })
                    .filter(|r| !r.is_empty())
                    .collect();
                self.push(PieceKind::Table, text.join("\n"));
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
        let cleaned: Vec<String> = text
            .lines()
            .map(|l| inline::clean_noting(trim(l), habits))
            .filter(|l| !trim(l).is_empty())
            .collect();
        if !cleaned.is_empty() {
            self.push(kind, cleaned.join(" "));
        }
    }

    fn push(&mut self, kind: PieceKind, text: String) {
        if trim(&text).is_empty() {
            return;
        }
        self.out.push(Piece {
            kind,
            text,
            centred: self.centred.iter().any(|&c| c),
        });
    }
}
