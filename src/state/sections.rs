//! The section list: one entry per page (when there are several), article and subhead.
//!
//! Entries are built once from the document structure (no layout needed), so the list of
//! a large corpus costs one pass; positions for subheads are found when one is opened.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::document::{Document, HeadField};

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

/// One entry of the section list, in 12 bytes: an archive lists hundreds of
/// thousands (a page, its articles, their subheads), so what it opens is kept as
/// `u32`s and read back as an [`EntryKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Rows it takes in the list: a long headline wraps onto a second row (a third
    /// when a kicker leads it); set for the list's width by [`measure`].
    pub rows: u16,
    /// Which [`EntryKind`]: 0 a page, 1 an article, 2 a subhead.
    tag: u8,
    /// The page, or the article's unit.
    at: u32,
    /// The subhead's block.
    block: u32,
}

impl Entry {
    /// An entry opening `kind`, `rows` rows tall.
    pub fn new(kind: EntryKind, rows: u16) -> Self {
        // Past `u32` there is no memory for the list anyway: such a number saturates.
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        let (tag, at, block) = match kind {
            EntryKind::Page { doc } => (0, n(doc), 0),
            EntryKind::Article { unit } => (1, n(unit), 0),
            EntryKind::Subhead { unit, block } => (2, n(unit), n(block)),
        };
        Self {
            rows,
            tag,
            at,
            block,
        }
    }

    /// What the entry opens.
    pub fn kind(&self) -> EntryKind {
        let (at, block) = (self.at as usize, self.block as usize);
        match self.tag {
            0 => EntryKind::Page { doc: at },
            1 => EntryKind::Article { unit: at },
            _ => EntryKind::Subhead { unit: at, block },
        }
    }
}

/// Most rows an article entry wraps onto: a headline gets two, a kicker one more.
pub const MAX_ARTICLE_ROWS: usize = 2;

/// What separates a kicker from its headline on the same row: the kicker reads as
/// part of the headline, not as an entry of its own.
pub const KICKER_JOIN: &str = " ▸ ";

/// The text an article entry shows in rows of `room` columns, and how many of its
/// bytes are the kicker (with [`KICKER_JOIN`]): `kicker ▸ headline`, the headline, or
/// the article's opening words. A kicker longer than one row is cut to it, so that
/// it never pushes the headline out of its rows. With `fullwidth`, OCR's half-width
/// punctuation inside Chinese shows full-width, as in the pane (it is measured here, so
/// the rows the list counts are the rows it draws).
pub fn article_text(
    doc: &Document,
    article: usize,
    room: usize,
    fullwidth: bool,
) -> (String, usize) {
    let shown = |text: &str| {
        let flat = text.replace(['\n', '\r'], " ");
        if fullwidth {
            crate::layout::punct::show(&flat, 0, flat.len()).into_owned()
        } else {
            flat
        }
    };
    // Read through the accessors: on a stub no article records are built.
    let title = doc.head_text(article, HeadField::Title).map(shown);
    let kicker = doc.head_text(article, HeadField::Kicker).map(shown);
    match (kicker, title) {
        (Some(k), Some(t)) => {
            let lead = format!("{}{KICKER_JOIN}", cut_to(&k, room.saturating_sub(3)));
            let len = lead.len();
            (lead + &t, len)
        }
        (None, Some(t)) => (t, 0),
        _ => (shown(&doc.article_label(article)), 0),
    }
}

/// `text` cut to `width` columns, ending in `…` when cut.
fn cut_to(text: &str, width: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return text.to_string();
    }
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The rows `text` wraps into at `room` columns, at most `max` of them: byte ranges,
/// and whether text was left over (the caller ends the last row with `…`). Breaks
/// between any two characters, as Chinese allows; a row never starts with a space.
pub fn wrap(text: &str, room: usize, max: usize) -> (Vec<Range<usize>>, bool) {
    let room = room.max(1);
    let mut rows = Vec::new();
    let mut start = 0;
    let mut width = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if i == start && c == ' ' && !rows.is_empty() {
            start = i + c.len_utf8();
            continue;
        }
        if width + w > room && i > start {
            rows.push(start..i);
            if rows.len() == max {
                return (rows, true);
            }
            start = i;
            width = 0;
            if c == ' ' {
                start = i + c.len_utf8();
                continue;
            }
        }
        width += w;
    }
    if start < text.len() || rows.is_empty() {
        rows.push(start..text.len());
    }
    (rows, false)
}

/// Columns the numbers take: the digits of the page with most articles.
pub fn number_digits(docs: &[Document]) -> usize {
    docs.iter()
        .map(|d| d.articles.len())
        .max()
        .unwrap_or(0)
        .to_string()
        .len()
}

/// Columns an article's text has in a list `width` wide (its border and the reading
/// mark, the number and a space taken off).
pub fn text_room(width: u16, digits: usize) -> usize {
    usize::from(width).saturating_sub(3 + digits).max(1)
}

/// Sets `rows` of `entries[from..]` for text `room` columns wide.
pub fn measure(
    entries: &mut [Entry],
    from: usize,
    docs: &[Document],
    units: &[Unit],
    room: usize,
    fullwidth: bool,
) {
    for e in entries.iter_mut().skip(from) {
        e.rows = match e.kind() {
            EntryKind::Article { unit } => units
                .get(unit)
                .and_then(|u| docs.get(u.doc).map(|d| (d, u.article)))
                .map_or(1, |(d, a)| {
                    let (text, kicker) = article_text(d, a, room, fullwidth);
                    let max = MAX_ARTICLE_ROWS + usize::from(kicker > 0);
                    u16::try_from(wrap(&text, room, max).0.len()).unwrap_or(1)
                }),
            _ => 1,
        };
    }
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
            out.push(Entry::new(EntryKind::Page { doc: u.doc }, 1));
        }
        last_doc = Some(u.doc);
        if u.article >= doc.articles.len() {
            continue;
        }
        out.push(Entry::new(EntryKind::Article { unit }, 1));
        // Through the accessor: a stub's article records are not built for its list.
        for (block, _) in doc.subheads(u.article) {
            out.push(Entry::new(EntryKind::Subhead { unit, block }, 1));
        }
    }
}

/// The entry of the article `unit` (and of its subhead `block`, if given and listed).
pub fn entry_of(entries: &[Entry], unit: usize, subhead: Option<usize>) -> Option<usize> {
    let article = entries
        .iter()
        .position(|e| e.kind() == EntryKind::Article { unit })?;
    if let Some(block) = subhead
        && let Some(offset) = entries[article..]
            .iter()
            .position(|e| e.kind() == EntryKind::Subhead { unit, block })
    {
        return Some(article + offset);
    }
    Some(article)
}

/// Entries kept visible above and below the selection when the list scrolls (vim's
/// `scrolloff`), on lists tall enough for it.
pub const SCROLL_OFF: usize = 3;

/// The first visible entry so that `selected` shows in a list of `height` rows with
/// up to [`SCROLL_OFF`] entries of context either side (fewer on a short list).
pub fn scroll_with_context(
    entries: &[Entry],
    offset: usize,
    selected: usize,
    height: u16,
) -> usize {
    let off = SCROLL_OFF.min(usize::from(height) / 4);
    let last = entries.len().saturating_sub(1);
    let above = selected.saturating_sub(off);
    let below = (selected + off).min(last);
    if above < offset {
        return above;
    }
    let first = scroll_to_show(entries, offset, below, height);
    if first > above {
        // The context does not fit: show the selection at least.
        return scroll_to_show(entries, offset, selected, height);
    }
    // A jump down into a page whose header is off screen (`100J`, `5P`): start the
    // list at that header, so the page's entries fill the list rather than its header
    // sitting alone on the last row.
    if first > offset
        && let Some(header) = page_header_before(entries, selected, height)
        && !fits(entries, offset, header, height)
        && fits(entries, header, below, height)
    {
        return header;
    }
    first
}

/// The page header entry the entry `at` is listed under, looking back at most one
/// screen (a page header further up could not be shown with `at` anyway).
fn page_header_before(entries: &[Entry], at: usize, height: u16) -> Option<usize> {
    (at.saturating_sub(usize::from(height))..=at)
        .rev()
        .find(|&i| {
            matches!(
                entries.get(i).map(Entry::kind),
                Some(EntryKind::Page { .. })
            )
        })
}

/// Whether the entries `from..=to` fit in a list of `height` rows.
fn fits(entries: &[Entry], from: usize, to: usize, height: u16) -> bool {
    let mut rows = 0u32;
    for e in entries.iter().take(to + 1).skip(from) {
        rows += u32::from(e.rows);
        if rows > u32::from(height) {
            return false;
        }
    }
    true
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
            .map(|(unit, &rows)| Entry::new(EntryKind::Article { unit }, rows))
            .collect()
    }

    #[test]
    fn an_entry_is_small_and_opens_what_it_was_made_for() {
        assert!(size_of::<Entry>() <= 12, "{} bytes", size_of::<Entry>());
        for kind in [
            EntryKind::Page { doc: 49_999 },
            EntryKind::Article { unit: 0 },
            EntryKind::Subhead {
                unit: 540_000,
                block: 7,
            },
        ] {
            let e = Entry::new(kind, 3);
            assert_eq!((e.kind(), e.rows), (kind, 3));
        }
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

    #[test]
    fn a_jump_into_another_page_shows_that_page_from_its_header() {
        // Page 0: header + 30 articles; page 1: header + 30 articles.
        let page = |doc| Entry::new(EntryKind::Page { doc }, 1);
        let article = |unit| Entry::new(EntryKind::Article { unit }, 1);
        let mut list = vec![page(0)];
        list.extend((0..30).map(article));
        list.push(page(1));
        list.extend((30..60).map(article));
        // Jump from the top to page 1's first article (entry 32): header 31 at the top.
        assert_eq!(scroll_with_context(&list, 0, 32, 10), 31);
        // Stepping down one entry at a time across the header scrolls as usual.
        let stepped = scroll_with_context(&list, 22, 32, 10);
        assert_eq!(stepped, 25, "context rows below, no jump to the header");
        // A jump deep into the page keeps the selection's context instead.
        assert_eq!(scroll_with_context(&list, 0, 50, 10), 43);
    }

    #[test]
    fn the_selection_keeps_context_rows_away_from_the_edges() {
        let e = entries(&[1; 40]);
        // Moving down to entry 20 in a 12-row list: 3 entries show below it.
        assert_eq!(scroll_with_context(&e, 0, 20, 12), 12);
        // Moving back up to 13 from there: 3 show above it.
        assert_eq!(scroll_with_context(&e, 12, 13, 12), 10);
        // At the ends there is nothing to keep.
        assert_eq!(scroll_with_context(&e, 5, 0, 12), 0);
        assert_eq!(scroll_with_context(&e, 0, 39, 12), 28);
    }

    #[test]
    fn wrapping_fills_rows_and_says_when_text_is_left_over() {
        let (rows, cut) = wrap("平城区全力打造现代服务业", 10, 2);
        assert_eq!(rows, vec![0..15, 15..30]);
        assert!(cut);
        let (rows, cut) = wrap("平城区 全力", 6, 2);
        assert_eq!(rows, vec![0..9, 10..16], "no row starts with a space");
        assert!(!cut);
        let (rows, cut) = wrap("", 5, 2);
        assert_eq!(
            (rows.len(), rows.first().map(Range::len), cut),
            (1, Some(0), false)
        );
        // A character wider than the room still takes a row of its own.
        assert_eq!(wrap("平平", 1, 5).0.len(), 2);
    }
}
