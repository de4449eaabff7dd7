//! The continuous article pane: where the reader is, and the laid-out lines near it.
//!
//! All documents are read as one stream of *units* (one per article). A position is
//! (unit, line within that unit's layout), so moving, jumping and drawing only need the
//! units near the position laid out: a corpus of thousands of pages costs nothing until
//! it is read. Layouts are cached per unit for the current width; a width change drops
//! the cache and re-finds the reading position by the byte offset of the top line's text.

use std::collections::HashMap;
use std::rc::Rc;

use crate::document::Document;
use crate::layout::photo::{PhotoRoom, fit};
use crate::layout::{self, LayoutOptions, LineRole, Part, VisualLine};
use crate::photo::PhotoKey;

/// One article in reading order across all documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub doc: usize,
    pub article: usize,
}

/// A line of the stream: unit index and line index inside the unit's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub unit: usize,
    pub line: usize,
}

/// Beyond this many cached units the cache is emptied (the visible ones come back at
/// once); keeps memory flat while reading through a huge corpus.
const CACHE_LIMIT: usize = 256;

pub use super::parts::PART_BYTES;
use super::parts::split;

/// The reading position and the layouts it needs.
#[derive(Debug, Clone)]
pub struct Reader {
    pub units: Vec<Unit>,
    /// Index of each document's first unit (equal to the next one's when it has none).
    pub doc_first_unit: Vec<usize>,
    /// The line at the top of the pane.
    pub top: Pos,
    opts: LayoutOptions,
    cache: HashMap<usize, Rc<[VisualLine]>>,
    /// The units that are parts of a very long article, with what each part holds.
    parts: HashMap<usize, Part>,
    /// Bytes of text in all documents before each document (for the position %).
    byte_prefix: Vec<usize>,
    /// The pixel size of each decoded photo: its image block gets photo rows.
    photos: HashMap<PhotoKey, (u32, u32)>,
    /// What photos are fitted to; `None` when photos are off (`--no-images`).
    photo_room: Option<PhotoRoom>,
}

/// Where the top line's text is, independent of the width it was laid out at.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    unit: usize,
    byte: Option<usize>,
    lines_above: usize,
    /// The anchor line is page furniture: furniture printed above a page's first
    /// article may come from the end of the text, so bytes order lines only among
    /// lines of the same kind.
    furniture: bool,
}

impl Reader {
    /// A reader at the start of `docs`, laying out with `opts`.
    pub fn new(docs: &[Document], opts: LayoutOptions) -> Self {
        let mut reader = Self {
            units: Vec::new(),
            doc_first_unit: Vec::new(),
            top: Pos::default(),
            opts,
            cache: HashMap::new(),
            parts: HashMap::new(),
            byte_prefix: vec![0],
            photos: HashMap::new(),
            photo_room: None,
        };
        reader.extend(docs);
        reader
    }

    /// Adds the units of the documents of `docs` beyond those already known (pages
    /// that arrived from a background load). Existing units, the position and the
    /// cache are untouched: new units only ever go at the end.
    pub fn extend(&mut self, docs: &[Document]) {
        let known = self.doc_first_unit.len();
        for (doc, d) in docs.iter().enumerate().skip(known) {
            self.doc_first_unit.push(self.units.len());
            // A page without articles still gets one unit, to show its furniture.
            for article in 0..d.articles.len().max(1) {
                match split(d, article) {
                    Some(parts) => {
                        for part in parts {
                            self.parts.insert(self.units.len(), part);
                            self.units.push(Unit { doc, article });
                        }
                    }
                    None => self.units.push(Unit { doc, article }),
                }
            }
            let last = self.byte_prefix.last().copied().unwrap_or(0);
            // A stub counts as its whole page: the percentage is of the archive.
            self.byte_prefix
                .push(last + crate::document::stub::page_len(d));
        }
    }

    /// Gives back the room the lists of units kept for more pages (once every page has
    /// arrived).
    pub fn shrink_to_fit(&mut self) {
        self.units.shrink_to_fit();
        self.doc_first_unit.shrink_to_fit();
        self.byte_prefix.shrink_to_fit();
    }

    /// The layout width.
    pub fn width(&self) -> u16 {
        self.opts.width
    }

    /// Lays out (or fetches) one unit's lines.
    pub fn lines(&mut self, docs: &[Document], unit: usize) -> Rc<[VisualLine]> {
        if let Some(lines) = self.cache.get(&unit) {
            return Rc::clone(lines);
        }
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        let lines: Rc<[VisualLine]> = match self.units.get(unit) {
            Some(u) => docs
                .get(u.doc)
                .map(|d| {
                    if let Some(part) = self.parts.get(&unit) {
                        layout::lay_out_part(d, u.article, part, &self.opts)
                    } else if d.articles.is_empty() {
                        layout::lay_out(d, &self.opts).lines
                    } else {
                        let photos = |span: &crate::document::Span| {
                            let room = self.photo_room.as_ref()?;
                            let pixels = self.photos.get(&(u.doc, span.range.start))?;
                            fit(
                                *pixels,
                                &PhotoRoom {
                                    width: self.opts.width,
                                    ..*room
                                },
                            )
                        };
                        layout::lay_out_article_with(d, u.article, &self.opts, &photos)
                    }
                })
                .unwrap_or_default()
                .into(),
            None => Rc::from(Vec::new()),
        };
        self.cache.insert(unit, Rc::clone(&lines));
        lines
    }

    /// The units of document `doc` (empty past the documents known).
    pub fn units_of_doc(&self, doc: usize) -> std::ops::Range<usize> {
        let first = self.doc_first_unit.get(doc).copied();
        let next = self.doc_first_unit.get(doc + 1).copied();
        match (first, next) {
            (Some(a), Some(b)) => a..b,
            (Some(a), None) => a..self.units.len(),
            _ => 0..0,
        }
    }

    /// Drops the cached layouts of document `doc`'s units: the page was parsed again
    /// or turned back into a stub (see `state::demand`), so its lines are laid out anew.
    pub fn forget_doc(&mut self, doc: usize) {
        for unit in self.units_of_doc(doc) {
            self.cache.remove(&unit);
        }
    }

    /// A unit's lines if already laid out (drawing reads only what `update` prepared).
    pub fn cached(&self, unit: usize) -> Option<&[VisualLine]> {
        self.cache.get(&unit).map(|l| &**l)
    }

    fn len(&mut self, docs: &[Document], unit: usize) -> usize {
        self.lines(docs, unit).len()
    }

    /// The last line of the stream.
    pub fn end(&mut self, docs: &[Document]) -> Pos {
        let Some(last) = self.units.len().checked_sub(1) else {
            return Pos::default();
        };
        let len = self.len(docs, last);
        Pos {
            unit: last,
            line: len.saturating_sub(1),
        }
    }

    /// `pos` moved `n` lines forward, stopping at the last line.
    pub fn advance(&mut self, docs: &[Document], mut pos: Pos, mut n: usize) -> Pos {
        let end = self.end(docs);
        while n > 0 && pos < end {
            let len = self.len(docs, pos.unit);
            let room = len.saturating_sub(pos.line + 1);
            if n <= room {
                pos.line += n;
                return pos;
            }
            if pos.unit + 1 >= self.units.len() {
                pos.line = len.saturating_sub(1);
                return pos;
            }
            n -= room + 1;
            pos = Pos {
                unit: pos.unit + 1,
                line: 0,
            };
        }
        pos
    }

    /// `pos` moved `n` lines back, stopping at the first line.
    pub fn retreat(&mut self, docs: &[Document], mut pos: Pos, mut n: usize) -> Pos {
        while n > 0 {
            if n <= pos.line {
                pos.line -= n;
                return pos;
            }
            if pos.unit == 0 {
                return Pos::default();
            }
            n -= pos.line + 1;
            let unit = pos.unit - 1;
            pos = Pos {
                unit,
                line: self.len(docs, unit).saturating_sub(1),
            };
        }
        pos
    }

    /// The furthest top position that still fills a pane of `height` lines.
    pub fn max_top(&mut self, docs: &[Document], height: u16) -> Pos {
        let end = self.end(docs);
        self.retreat(docs, end, usize::from(height.max(1)) - 1)
    }

    /// Scrolls down `n` lines, not past the last full screen.
    pub fn scroll_down(&mut self, docs: &[Document], n: usize, height: u16) {
        let max = self.max_top(docs, height);
        if self.top < max {
            self.top = self.advance(docs, self.top, n).min(max);
        }
    }

    /// Scrolls up `n` lines.
    pub fn scroll_up(&mut self, docs: &[Document], n: usize) {
        self.top = self.retreat(docs, self.top, n);
    }

    /// Puts `pos` at the top (jumps may leave blank space under a short last article).
    pub fn jump(&mut self, docs: &[Document], pos: Pos) {
        let end = self.end(docs);
        self.top = pos.min(end);
    }

    /// Scrolls so `pos` shows `above` lines below the top (the top not above `floor`),
    /// as far as a pane of `height` lines allows: how `w` and `n` bring a hit into view.
    pub fn reveal(&mut self, docs: &[Document], pos: Pos, above: usize, floor: Pos, height: u16) {
        let max = self.max_top(docs, height);
        let top = self.retreat(docs, pos, above).max(floor).min(max);
        self.jump(docs, top);
    }

    /// Lays out everything a pane of `height` lines shows from the top.
    pub fn prepare(&mut self, docs: &[Document], height: u16) {
        let _ = self.lines(docs, self.top.unit);
        let _ = self.advance(docs, self.top, usize::from(height));
    }

    /// The lines a pane of `height` lines shows: (document index, line). Reads the
    /// cache only; [`Reader::prepare`] must have run.
    pub fn visible(&self, height: u16) -> Vec<(usize, &VisualLine)> {
        let mut out = Vec::new();
        let mut pos = self.top;
        while out.len() < usize::from(height) {
            let (Some(unit), Some(lines)) = (self.units.get(pos.unit), self.cached(pos.unit))
            else {
                break;
            };
            match lines.get(pos.line) {
                Some(line) => {
                    out.push((unit.doc, line));
                    pos.line += 1;
                }
                None => {
                    pos = Pos {
                        unit: pos.unit + 1,
                        line: 0,
                    }
                }
            }
        }
        out
    }

    /// The article (its first unit) whose lines fill most of a pane of `height` lines;
    /// on a tie the upper one. At the end of a page the last article, fully shown under
    /// the end of the one before, is the one the reader is reading. An article whose
    /// head is at the top (a jump put it there; the reader is starting it) is the one,
    /// whatever follows it. Reads the cache only.
    pub fn dominant_article(&self, height: u16) -> Option<usize> {
        let top = self.top;
        if self.article_unit(top.unit) == top.unit
            && let Some(lines) = self.cached(top.unit)
        {
            let head = lines
                .iter()
                .position(|l| !matches!(l.role, LineRole::Furniture | LineRole::Blank))
                .unwrap_or(0);
            if top.line <= head {
                return Some(top.unit);
            }
        }
        let mut counts: Vec<(usize, usize)> = Vec::new();
        let mut pos = self.top;
        let mut left = usize::from(height.max(1));
        while left > 0 {
            let Some(lines) = self.cached(pos.unit) else {
                break;
            };
            let shown = lines.len().saturating_sub(pos.line).min(left);
            let article = self.article_unit(pos.unit);
            match counts.last_mut() {
                Some((a, n)) if *a == article => *n += shown,
                _ => counts.push((article, shown)),
            }
            left -= shown;
            pos = Pos {
                unit: pos.unit + 1,
                line: 0,
            };
        }
        let mut best: Option<(usize, usize)> = None;
        for (article, n) in counts {
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((article, n));
            }
        }
        best.map(|(a, _)| a)
            .or_else(|| (!self.units.is_empty()).then_some(self.top.unit))
    }

    /// Where an article's own lines begin (overline, kicker or headline), after any
    /// page furniture the layout prints before it: what a jump puts at the top.
    pub fn head_pos(&mut self, docs: &[Document], unit: usize) -> Pos {
        let lines = self.lines(docs, unit);
        let line = lines
            .iter()
            .position(|l| !matches!(l.role, LineRole::Furniture | LineRole::Blank))
            .unwrap_or(0);
        Pos { unit, line }
    }

    /// The first line of block `block` of the article of `unit` (looking on through
    /// its later parts), or the unit's start.
    pub fn block_pos(&mut self, docs: &[Document], unit: usize, block: usize) -> Pos {
        let mut at = unit;
        loop {
            let lines = self.lines(docs, at);
            if let Some(line) = lines.iter().position(|l| l.block == Some(block)) {
                return Pos { unit: at, line };
            }
            if !self.same_article(at, at + 1) {
                return Pos { unit, line: 0 };
            }
            at += 1;
        }
    }

    /// Whether units `a` and `b` are parts of one article.
    fn same_article(&self, a: usize, b: usize) -> bool {
        matches!((self.units.get(a), self.units.get(b)), (Some(x), Some(y)) if x == y)
    }

    /// The first unit of the article `unit` belongs to (itself unless it is a later
    /// part of a very long article).
    pub fn article_unit(&self, unit: usize) -> usize {
        let mut first = unit;
        while first > 0 && self.same_article(first - 1, first) {
            first -= 1;
        }
        first
    }

    /// The first unit of article `article` of document `doc`.
    pub fn unit_of(&self, doc: usize, article: usize) -> Option<usize> {
        let first = *self.doc_first_unit.get(doc)?;
        let wanted = Unit { doc, article };
        let guess = first + article;
        if self.units.get(guess) == Some(&wanted) && self.article_unit(guess) == guess {
            return Some(guess);
        }
        let offset = self.units.get(first..)?.iter().position(|u| *u == wanted)?;
        Some(first + offset)
    }

    /// The unit showing byte `offset` of article `article` of `doc`: the article's unit,
    /// or, for a very long article read in parts, the part whose text holds it.
    pub fn unit_at(&self, doc: usize, article: usize, offset: usize) -> Option<usize> {
        let mut at = self.unit_of(doc, article)?;
        while self.same_article(at, at + 1) {
            let next_start = self
                .parts
                .get(&(at + 1))
                .and_then(|part| part.blocks.first())
                .map(|block| block.range.start);
            match next_start {
                Some(start) if start <= offset => at += 1,
                _ => break,
            }
        }
        Some(at)
    }

    /// The first unit of the article `n` articles after the one of `unit`, if there
    /// are that many.
    pub fn next_article(&self, unit: usize, n: usize) -> Option<usize> {
        let mut at = self.article_unit(unit);
        for _ in 0..n {
            let mut next = at + 1;
            while self.same_article(at, next) {
                next += 1;
            }
            if next >= self.units.len() {
                return None;
            }
            at = next;
        }
        Some(at)
    }

    /// The first unit of the article `n` articles before the one of `unit`, stopping
    /// at the first article.
    pub fn prev_article(&self, unit: usize, n: usize) -> usize {
        let mut at = self.article_unit(unit);
        for _ in 0..n {
            if at == 0 {
                break;
            }
            at = self.article_unit(at - 1);
        }
        at
    }

    /// Sets what photos are fitted to (`None`: no photos); keeps the top line's text at
    /// the top when that changes the layout.
    pub fn set_photo_room(&mut self, docs: &[Document], room: Option<PhotoRoom>) {
        if room == self.photo_room {
            return;
        }
        let anchor = self.anchor(docs);
        self.photo_room = room;
        if !self.photos.is_empty() {
            self.cache.clear();
        }
        self.top = self.find(docs, anchor);
    }

    /// A photo was decoded at `pixels`: its block gets photo rows from now on (the
    /// top line's text stays at the top).
    pub fn add_photo(&mut self, docs: &[Document], key: PhotoKey, pixels: (u32, u32)) {
        if self.photos.get(&key) == Some(&pixels) {
            return;
        }
        let anchor = self.anchor(docs);
        self.photos.insert(key, pixels);
        let doc = key.0;
        let units = &self.units;
        self.cache
            .retain(|unit, _| units.get(*unit).is_none_or(|u| u.doc != doc));
        self.top = self.find(docs, anchor);
    }

    /// The pixel size of a decoded photo, if it is laid out.
    pub fn photo_pixels(&self, key: PhotoKey) -> Option<(u32, u32)> {
        self.photo_room.and(self.photos.get(&key).copied())
    }

    /// Changes layout options (a new width); keeps the top line's text at the top.
    pub fn relayout(&mut self, docs: &[Document], opts: LayoutOptions) {
        if opts == self.opts {
            return;
        }
        let anchor = self.anchor(docs);
        self.opts = opts;
        self.cache.clear();
        self.top = self.find(docs, anchor);
    }

    fn anchor(&mut self, docs: &[Document]) -> Anchor {
        let lines = self.lines(docs, self.top.unit);
        let found = lines
            .iter()
            .enumerate()
            .skip(self.top.line)
            .find(|(_, l)| !l.range.is_empty());
        match found {
            Some((i, l)) => Anchor {
                unit: self.top.unit,
                byte: Some(l.range.start),
                lines_above: i - self.top.line,
                furniture: l.role == LineRole::Furniture,
            },
            None => Anchor {
                unit: self.top.unit,
                byte: None,
                lines_above: 0,
                furniture: false,
            },
        }
    }

    fn find(&mut self, docs: &[Document], anchor: Anchor) -> Pos {
        let lines = self.lines(docs, anchor.unit);
        let line = match anchor.byte {
            Some(byte) => lines
                .iter()
                .rposition(|l| {
                    !l.range.is_empty()
                        && l.range.start <= byte
                        && (l.role == LineRole::Furniture) == anchor.furniture
                })
                .map_or(0, |i| i.saturating_sub(anchor.lines_above)),
            None => lines.len().saturating_sub(1),
        };
        Pos {
            unit: anchor.unit,
            line,
        }
    }

    /// Where `pos`'s text is, whatever the width: (document, byte offset of its first
    /// line with text, blank lines above that line, whether that line is furniture).
    pub fn text_at(&mut self, docs: &[Document], pos: Pos) -> Option<(usize, usize, usize, bool)> {
        let doc = self.units.get(pos.unit)?.doc;
        let saved = self.top;
        self.top = pos;
        let anchor = self.anchor(docs);
        self.top = saved;
        Some((doc, anchor.byte?, anchor.lines_above, anchor.furniture))
    }

    /// The position whose top line shows byte `byte` of article `article` of `doc`
    /// (with `lines_above` blank lines over it): [`Reader::text_at`] undone at the
    /// present width.
    pub fn pos_of_text(
        &mut self,
        docs: &[Document],
        (doc, article): (usize, usize),
        byte: usize,
        lines_above: usize,
        furniture: bool,
    ) -> Option<Pos> {
        let unit = self.unit_at(doc, article, byte)?;
        Some(self.find(
            docs,
            Anchor {
                unit,
                byte: Some(byte),
                lines_above,
                furniture,
            },
        ))
    }

    /// How far through all the text the top line is, 0–100.
    pub fn percent(&mut self, docs: &[Document], height: u16) -> u16 {
        let max = self.max_top(docs, height);
        if self.top >= max {
            return 100;
        }
        if self.top == Pos::default() {
            return 0;
        }
        let total = self.byte_prefix.last().copied().unwrap_or(0).max(1);
        let anchor = self.anchor(docs);
        let doc = self.units.get(anchor.unit).map_or(0, |u| u.doc);
        let before = self.byte_prefix.get(doc).copied().unwrap_or(0);
        let byte = anchor.byte.unwrap_or(0);
        ((before + byte) * 100 / total).min(99) as u16
    }
}
