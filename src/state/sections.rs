//! The section list: one entry per page (when there are several), article and subhead.
//!
//! Entries are built once from the document structure (no layout needed), so the list of
//! a large corpus costs one pass; positions for subheads are found when one is opened.

use crate::document::{BlockKind, Document};

use super::reader::Unit;

/// What a list entry opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A page group header: opens the page's first article.
    Page { doc: usize },
    /// An article, by unit index.
    Article { unit: usize },
    /// A subhead: block `block` of the article `unit`.
    Subhead { unit: usize, block: usize },
}

/// One entry of the section list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntryKind,
    /// Rows it takes in the list (an article with a kicker shows it on its own row).
    pub rows: u16,
}

/// Builds the list for `docs`, whose articles are `units` in reading order.
pub fn build(docs: &[Document], units: &[Unit]) -> Vec<Entry> {
    let mut out = Vec::new();
    extend(&mut out, docs, units, &ExtendFrom::all(docs.len() > 1));
    out
}

/// Where [`extend`] starts, and whether pages get group headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtendFrom {
    /// The first unit not yet listed.
    pub unit: usize,
    /// The document of the last listed unit (no header is repeated for it).
    pub last_doc: Option<usize>,
    /// Whether there are several pages (known before they are all loaded).
    pub pages: bool,
}

impl ExtendFrom {
    /// From the first unit.
    pub fn all(pages: bool) -> Self {
        Self {
            unit: 0,
            last_doc: None,
            pages,
        }
    }
}

/// Appends the entries of `units[from.unit..]` (documents that arrived later): the
/// entries before them keep their indices, so the selection and scroll stay put.
pub fn extend(out: &mut Vec<Entry>, docs: &[Document], units: &[Unit], from: &ExtendFrom) {
    let mut last_doc = from.last_doc;
    for (unit, u) in units.iter().enumerate().skip(from.unit) {
        // Later parts of a very long article are listed with its first part.
        let continued = unit
            .checked_sub(1)
            .and_then(|prev| units.get(prev))
            .is_some_and(|prev| prev == u);
        let Some(doc) = docs.get(u.doc).filter(|_| !continued) else {
            continue;
        };
        if from.pages && last_doc != Some(u.doc) {
            out.push(Entry {
                kind: EntryKind::Page { doc: u.doc },
                rows: 1,
            });
        }
        last_doc = Some(u.doc);
        let Some(article) = doc.articles.get(u.article) else {
            continue;
        };
        let rows = if article.kicker.is_some() && article.title.is_some() {
            2
        } else {
            1
        };
        out.push(Entry {
            kind: EntryKind::Article { unit },
            rows,
        });
        for (block, b) in article.blocks.iter().enumerate() {
            if b.kind == BlockKind::Subhead {
                out.push(Entry {
                    kind: EntryKind::Subhead { unit, block },
                    rows: 1,
                });
            }
        }
    }
}

/// The entry of the article `unit` (and of its subhead `block`, if given and listed).
pub fn entry_of(entries: &[Entry], unit: usize, subhead: Option<usize>) -> Option<usize> {
    let article = entries
        .iter()
        .position(|e| e.kind == EntryKind::Article { unit })?;
    if let Some(block) = subhead
        && let Some(offset) = entries[article..]
            .iter()
            .position(|e| e.kind == EntryKind::Subhead { unit, block })
    {
        return Some(article + offset);
    }
    Some(article)
}

/// The first visible entry so that `selected` shows in a list of `height` rows.
/// Walks back from `selected` only as far as one screen, so a jump across a list of
/// thousands of entries costs one screen of work.
pub fn scroll_to_show(entries: &[Entry], offset: usize, selected: usize, height: u16) -> usize {
    if selected < offset {
        return selected;
    }
    let mut first = selected;
    let mut rows = entries.get(selected).map_or(1, |e| u32::from(e.rows));
    while first > offset {
        let above = entries.get(first - 1).map_or(1, |e| u32::from(e.rows));
        if rows + above > u32::from(height) {
            break;
        }
        rows += above;
        first -= 1;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(rows: &[u16]) -> Vec<Entry> {
        rows.iter()
            .enumerate()
            .map(|(unit, &rows)| Entry {
                kind: EntryKind::Article { unit },
                rows,
            })
            .collect()
    }

    #[test]
    fn scrolling_shows_the_selection_with_as_little_movement_as_possible() {
        let e = entries(&[1, 2, 1, 2, 1, 1]);
        assert_eq!(scroll_to_show(&e, 0, 2, 4), 0, "already visible");
        assert_eq!(
            scroll_to_show(&e, 0, 3, 4),
            2,
            "rows 2+1 above fit, not 2+1+2"
        );
        assert_eq!(
            scroll_to_show(&e, 4, 1, 4),
            1,
            "selection above: it goes to the top"
        );
        assert_eq!(scroll_to_show(&e, 0, 5, 1), 5);
    }
}
