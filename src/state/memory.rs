//! What the reader remembers: marks (`ma`, `'a`), the place before the last jump
//! (`''`), the list of marks, and resuming where the last run stopped.
//!
//! Places are kept as [`Place`]s (page, byte offset, a little text), not as screen
//! positions: a mark set at one width is found at another, survives a restart (the
//! marks are saved with the reading position, see `crate::persist::store`) and is
//! found again in a page that was edited. Converting happens here, between a
//! [`Place`] and the reader's [`Pos`]; saving is `app`'s work ([`Effect::SaveMemory`]).

use std::collections::BTreeMap;

use crate::action::Action;
use crate::document::{Article, Document};
use crate::i18n;
use crate::persist::place::{Page, Place, resolve};
use crate::persist::{SetRecord, content_key};

use super::reader::{Pos, Unit};
use super::{AppState, Effect, KeyMode};

/// The name `''` goes back with: the place before the last jump.
pub const PREVIOUS: char = '\'';

/// What the next key means after `m` or `'`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    SetMark,
    JumpToMark,
}

/// Marks, the jump-back place and a resume waiting for its page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Memory {
    /// Marks by letter.
    pub marks: BTreeMap<char, Place>,
    /// Where the reader was before the last jump (`''`).
    pub previous: Option<Place>,
    /// `m` or `'` was pressed: the next key names the mark.
    pub pending: Option<Pending>,
    /// The remembered reading position, until its page has loaded.
    pub resume: Option<Place>,
    /// The marks list is open, with this entry selected.
    pub list: Option<usize>,
}

impl Memory {
    /// The key table for the next key.
    pub fn key_mode(&self) -> Option<KeyMode> {
        match self.pending? {
            Pending::SetMark => Some(KeyMode::MarkLetter),
            Pending::JumpToMark => Some(KeyMode::MarkJump),
        }
    }
}

/// Whether `update` should hand `action` to [`act`].
pub fn handles(action: &Action) -> bool {
    matches!(
        action,
        Action::StartMark
            | Action::StartJumpToMark
            | Action::SetMark(_)
            | Action::JumpToMark(_)
            | Action::OpenBookmarks
    )
}

/// Actions that move the reader far: the place before them is what `''` returns to.
pub fn is_jump(action: &Action) -> bool {
    matches!(
        action,
        Action::JumpToStart
            | Action::JumpToEnd
            | Action::JumpToPage
            | Action::NextArticle
            | Action::PrevArticle
            | Action::NextPage
            | Action::PrevPage
            | Action::JumpToNextMatch
            | Action::JumpToPrevMatch
            | Action::OpenSelection
            | Action::ClickAt { .. }
            | Action::SearchFor(_)
    )
}

/// Marks, marks list and jumps to marks.
pub fn act(state: &mut AppState, action: &Action) -> Vec<Effect> {
    match *action {
        Action::StartMark => state.memory.pending = Some(Pending::SetMark),
        Action::StartJumpToMark => state.memory.pending = Some(Pending::JumpToMark),
        Action::SetMark(letter) => {
            state.memory.pending = None;
            if let Some(place) = place_of_top(state) {
                state.memory.marks.insert(letter, place);
                state.message = Some(i18n::mark_set(letter));
                return vec![Effect::SaveMemory];
            }
        }
        Action::JumpToMark(letter) => {
            state.memory.pending = None;
            jump_to_mark(state, letter);
        }
        Action::OpenBookmarks => {
            if state.memory.marks.is_empty() {
                state.message = Some(i18n::NO_MARKS.get().into());
            } else {
                state.memory.list = Some(0);
            }
        }
        _ => state.memory.pending = None,
    }
    Vec::new()
}

fn jump_to_mark(state: &mut AppState, letter: char) {
    let target = if letter == PREVIOUS {
        state.memory.previous.clone()
    } else {
        state.memory.marks.get(&letter).cloned()
    };
    let Some(target) = target else {
        state.message = Some(if letter == PREVIOUS {
            i18n::NO_JUMP_BACK.get().into()
        } else {
            i18n::no_mark(letter)
        });
        return;
    };
    let here = place_of_top(state);
    match pos_of_place(state, &target) {
        Some(pos) => {
            state.reader.jump(&state.docs, pos);
            state.memory.previous = here;
        }
        None => state.message = Some(i18n::mark_not_loaded(letter)),
    }
}

/// The keys of the marks list: move, Enter jumps, anything else closes it.
pub fn list_action(state: &mut AppState, action: &Action) -> Vec<Effect> {
    let selected = state.memory.list.unwrap_or(0);
    let last = state.memory.marks.len().saturating_sub(1);
    match *action {
        Action::MoveDown => state.memory.list = Some((selected + 1).min(last)),
        Action::MoveUp => state.memory.list = Some(selected.saturating_sub(1)),
        Action::OpenSelection => {
            state.memory.list = None;
            if let Some(&letter) = state.memory.marks.keys().nth(selected) {
                jump_to_mark(state, letter);
            }
        }
        Action::Quit => return vec![Effect::Quit],
        Action::ResizeScreen { width, height } => state.size = (width, height),
        _ => state.memory.list = None,
    }
    vec![Effect::Redraw]
}

/// One row of the marks list: the letter, the article's headline and the text there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkRow {
    pub letter: char,
    pub headline: String,
    pub context: String,
}

/// The marks list's rows, in letter order.
pub fn mark_rows(state: &AppState) -> Vec<MarkRow> {
    state
        .memory
        .marks
        .iter()
        .map(|(&letter, place)| {
            let located = located(state, place);
            let headline = located
                .and_then(|(doc, byte)| {
                    let d = state.docs.get(doc)?;
                    let a = d.articles.get(article_at(d, byte))?;
                    let span = a.title.as_ref().or(a.kicker.as_ref())?;
                    Some(d.text.get(span.range.clone())?.to_string())
                })
                .unwrap_or_default();
            let context = located
                .and_then(|(doc, byte)| state.docs.get(doc)?.text.get(byte..))
                .map_or_else(|| place.anchor.clone(), |t| t.chars().take(40).collect());
            MarkRow {
                letter,
                headline: one_line(&headline),
                context: one_line(&context),
            }
        })
        .collect()
}

/// At most `max` characters of `text`, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max).collect();
    out.push('…');
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Takes what was remembered of these pages; resumes at its position if asked and
/// its page is here (else once it loads, see [`try_resume`]).
pub fn restore(state: &mut AppState, record: Option<SetRecord>, resume: bool) -> Vec<Effect> {
    let Some(record) = record else {
        return vec![Effect::Redraw];
    };
    state.memory.marks = record
        .marks
        .into_iter()
        .filter_map(|(name, place)| {
            let mut chars = name.chars();
            let letter = chars.next().filter(char::is_ascii_alphabetic)?;
            chars.next().is_none().then_some((letter, place))
        })
        .collect();
    if resume {
        state.memory.resume = record.position;
    }
    try_resume(state);
    vec![Effect::Redraw]
}

/// Applies a waiting resume once its page has loaded (or the load is over).
pub fn try_resume(state: &mut AppState) {
    let Some(place) = state.memory.resume.clone() else {
        return;
    };
    super::ensure_pages(state, &[place.doc]);
    let here = state
        .docs
        .get(place.doc)
        .is_some_and(|d| content_key(&d.text) == place.doc_key);
    if !here && state.loading.is_some() {
        return;
    }
    state.memory.resume = None;
    let Some(pos) = pos_of_place(state, &place) else {
        return;
    };
    if pos == Pos::default() {
        return;
    }
    state.memory.previous = Some(Place::at(0, state.docs.first().map_or("", |d| &d.text), 0));
    state.reader.jump(&state.docs, pos);
    state.settle();
    state.message = Some(resumed_message(state));
}

/// "resumed at page 2/5, article 4: headline ('' goes back to the start)".
fn resumed_message(state: &AppState) -> String {
    let Some(unit) = state.shown_unit() else {
        return i18n::RESUMED.get().into();
    };
    let page = (state.pages > 1).then_some((unit.doc + 1, state.pages));
    let headline = headline_of(state, unit).map(|t| shorten(&one_line(t), 16));
    i18n::resumed_at(page, unit.article + 1, headline.as_deref())
}

/// The reading position as a [`Place`].
pub fn place_of_top(state: &mut AppState) -> Option<Place> {
    let top = state.reader.top;
    place_of_pos(state, top)
}

fn place_of_pos(state: &mut AppState, pos: Pos) -> Option<Place> {
    let (doc, byte, lines_above, furniture) = state.reader.text_at(&state.docs, pos)?;
    let text = &state.docs.get(doc)?.text;
    let mut place = Place::at(doc, text, byte);
    place.lines_above = lines_above;
    place.furniture = furniture;
    Some(place)
}

/// Where `place` is in the pages loaded now (`None` while its page is loading).
fn located(state: &AppState, place: &Place) -> Option<(usize, usize)> {
    if let Some(d) = state.docs.get(place.doc)
        && content_key(&d.text) == place.doc_key
    {
        return Some((place.doc, place.byte.min(d.text.len())));
    }
    if state.loading.is_some() {
        return None;
    }
    let pages: Vec<Page<'_>> = state
        .docs
        .iter()
        .map(|d| Page {
            key: content_key(&d.text),
            text: &d.text,
        })
        .collect();
    resolve(place, &pages)
}

/// The reader position of `place`.
fn pos_of_place(state: &mut AppState, place: &Place) -> Option<Pos> {
    super::ensure_pages(state, &[place.doc]);
    let (doc, byte) = located(state, place)?;
    let d = state.docs.get(doc)?;
    let article = if place.furniture {
        0
    } else {
        article_at(d, byte)
    };
    state.reader.pos_of_text(
        &state.docs,
        (doc, article),
        byte,
        place.lines_above,
        place.furniture,
    )
}

/// The article whose text holds `byte` (or the last one starting before it).
fn article_at(doc: &Document, byte: usize) -> usize {
    let mut best = (0, None);
    for (i, a) in doc.articles.iter().enumerate() {
        for r in ranges(a) {
            if r.contains(&byte) || r.start == byte {
                return i;
            }
            if r.start <= byte && best.1.is_none_or(|s| r.start > s) {
                best = (i, Some(r.start));
            }
        }
    }
    best.0
}

fn ranges(a: &Article) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let spans = [&a.kicker, &a.title, &a.subtitle, &a.byline];
    a.overline
        .iter()
        .map(|b| b.span.range.clone())
        .chain(spans.into_iter().flatten().map(|s| s.range.clone()))
        .chain(a.blocks.iter().map(|b| b.span.range.clone()))
}

/// The record to save for these pages: the reading position, the marks, and a line
/// for `--recent` (the caller fills in the key, label and paths).
pub fn snapshot(state: &mut AppState) -> SetRecord {
    // A resume still waiting for its page is where the reader "is".
    let position = match state.memory.resume.clone() {
        Some(place) => Some(place),
        None => place_of_top(state),
    };
    let summary = match state.shown_unit() {
        Some(unit) => {
            let headline = headline_of(state, unit).map(one_line).unwrap_or_default();
            format!(
                "page {}/{} · article {} · {}% · {headline}",
                unit.doc + 1,
                state.pages,
                unit.article + 1,
                state.percent
            )
        }
        None => String::new(),
    };
    SetRecord {
        pages: state.pages,
        position,
        marks: state
            .memory
            .marks
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
        summary,
        ..SetRecord::default()
    }
}

/// The headline of the article `unit` is part of, if it has one.
fn headline_of(state: &AppState, unit: Unit) -> Option<&str> {
    let doc = state.docs.get(unit.doc)?;
    let span = doc.articles.get(unit.article)?.title.as_ref()?;
    doc.text.get(span.range.clone())
}
