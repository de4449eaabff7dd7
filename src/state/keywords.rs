//! Keywords and names in the reader: what has arrived from the analysis worker, which
//! highlights are on, the keyword cursor and the keyword list.
//!
//! jieba runs on a background thread (`app.rs` starts it after the first frame); its
//! results arrive as background actions ([`Action::is_background`]) and are only
//! *stored* here, so drawing and scrolling never wait for them. Everything else is the
//! reader's side of issue 6: `H` toggles keyword highlights, `p` the names mode, `w`/`W`
//! move the keyword cursor through the occurrences (scrolling only when the next one is
//! off screen), `i` opens the article's keywords and Enter there sends
//! [`Action::SearchFor`].

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use crate::action::Action;
use crate::analysis::names::NameKind;
use crate::analysis::worker::ArticleAnalysis;
use crate::i18n;
use crate::layout::{LineRole, VisualLine};

use super::reader::Pos;
use super::{AppState, Effect, Highlight, HighlightKind};

/// Context lines kept above an occurrence the cursor scrolls to.
const CONTEXT_LINES: usize = 2;

/// Where the analysis engine is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum EngineStatus {
    /// `--keywords 0`, or not started (tests): nothing is shown.
    #[default]
    Off,
    /// jieba is loading or the article is queued: `关键词…` is shown.
    Loading,
    /// jieba is loaded; articles arrive one by one.
    Ready,
    /// jieba could not be set up (a bad dictionary); the reason went to the status line.
    Failed(String),
}

/// The keyword cursor: the occurrence `w`/`W` moved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeywordCursor {
    pub unit: usize,
    pub doc: usize,
    pub range: Range<usize>,
}

/// The reader's keyword and names state.
#[derive(Debug, Clone)]
pub struct KeywordsState {
    pub status: EngineStatus,
    /// Analyses received, by (document, article).
    pub analyses: HashMap<(usize, usize), Arc<ArticleAnalysis>>,
    /// Keyword occurrences are highlighted (`H`).
    pub show_keywords: bool,
    /// Names are highlighted instead of keywords (`p`).
    pub show_names: bool,
    /// The keyword list is open, with this entry selected.
    pub picker: Option<usize>,
    pub cursor: Option<KeywordCursor>,
}

impl Default for KeywordsState {
    fn default() -> Self {
        Self {
            status: EngineStatus::Off,
            analyses: HashMap::new(),
            show_keywords: true,
            show_names: false,
            picker: None,
            cursor: None,
        }
    }
}

impl KeywordsState {
    /// Keywords on, engine still loading (what `app.rs` starts with).
    pub fn loading() -> Self {
        Self {
            status: EngineStatus::Loading,
            ..Self::default()
        }
    }

    /// Whether keywords are part of this session at all.
    pub fn enabled(&self) -> bool {
        matches!(self.status, EngineStatus::Loading | EngineStatus::Ready)
    }

    /// The analysis of one article, once it has arrived.
    pub fn analysis(&self, doc: usize, article: usize) -> Option<&ArticleAnalysis> {
        self.analyses.get(&(doc, article)).map(|a| &**a)
    }

    /// What the article's header row says: its keywords, `关键词…` while pending, or
    /// nothing (keywords off, or none found).
    pub fn header_text(&self, doc: usize, article: usize) -> Option<String> {
        if !self.enabled() {
            return None;
        }
        let Some(analysis) = self.analysis(doc, article) else {
            return Some("关键词…".to_string());
        };
        if analysis.keywords.is_empty() {
            return None;
        }
        let words: Vec<&str> = analysis.keywords.iter().map(|k| k.word.as_str()).collect();
        Some(format!("关键词：{}", words.join(" · ")))
    }

    /// The highlights of one article: names in names mode, else keyword occurrences
    /// (the one under the cursor marked), else none.
    pub fn highlights(&self, doc: usize, article: usize) -> Vec<Highlight> {
        let Some(analysis) = self.analysis(doc, article).filter(|_| self.enabled()) else {
            return Vec::new();
        };
        if self.show_names {
            return analysis
                .names
                .iter()
                .map(|n| Highlight {
                    doc,
                    range: n.range.clone(),
                    kind: match n.kind {
                        NameKind::Person => HighlightKind::Person,
                        NameKind::Place => HighlightKind::Place,
                        NameKind::Organisation => HighlightKind::Organisation,
                    },
                })
                .collect();
        }
        if !self.show_keywords {
            return Vec::new();
        }
        let current = self.cursor.as_ref().filter(|c| c.doc == doc);
        analysis
            .occurrences
            .iter()
            .map(|o| Highlight {
                doc,
                range: o.range.clone(),
                kind: if current.is_some_and(|c| c.range == o.range) {
                    HighlightKind::CurrentKeyword
                } else {
                    HighlightKind::Keyword
                },
            })
            .collect()
    }
}

/// Whether `action` belongs to this module.
pub fn handles(action: &Action) -> bool {
    matches!(
        action,
        Action::ToggleKeywordHighlights
            | Action::ToggleNameHighlights
            | Action::JumpToNextKeyword
            | Action::JumpToPrevKeyword
            | Action::OpenKeywordList
            | Action::SearchFor(_)
    ) || action.is_background()
}

/// Articles to analyse first, most urgent first: the one being read, the next, the
/// previous, then the rest on screen; those already analysed are left out.
pub fn wanted(state: &AppState) -> Vec<(usize, usize)> {
    if !state.keywords.enabled() {
        return Vec::new();
    }
    let top = state.reader.top.unit;
    let height = usize::from(state.pane_height());
    let mut units = vec![top, top + 1];
    units.extend(top.checked_sub(1));
    let mut unit = top;
    let mut line = state.reader.top.line;
    let mut rows = 0;
    while rows < height {
        let Some(lines) = state.reader.cached(unit) else {
            break;
        };
        rows += lines.len().saturating_sub(line);
        line = 0;
        unit += 1;
        units.push(unit);
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for u in units {
        if let Some(u) = state.reader.units.get(u)
            && !state.keywords.analyses.contains_key(&(u.doc, u.article))
            && !out.contains(&(u.doc, u.article))
            && state
                .docs
                .get(u.doc)
                .is_some_and(|d| u.article < d.articles.len())
        {
            out.push((u.doc, u.article));
        }
    }
    out
}

/// Applies a background result; redraws only when it can change the screen.
pub fn background(state: &mut AppState, action: Action) -> Vec<Effect> {
    let k = &mut state.keywords;
    if k.status == EngineStatus::Off {
        return Vec::new();
    }
    match action {
        Action::KeywordEngineReady { .. } => {
            k.status = EngineStatus::Ready;
            // The front end handed jieba to the layout before this action: headlines
            // are set again, breaking between its words (settle relays them out).
            if crate::layout::words::installed() {
                state.layout.words = crate::layout::WordSource::Dictionary;
            }
        }
        Action::KeywordEngineFailed(reason) => {
            state.message = Some(i18n::keywords_off(&reason));
            k.status = EngineStatus::Failed(reason);
        }
        Action::ArticleAnalysed {
            doc,
            article,
            analysis,
        } => {
            k.analyses.insert((doc, article), analysis.0);
            if !on_screen(state, doc, article) {
                return Vec::new();
            }
        }
        _ => return Vec::new(),
    }
    vec![Effect::Redraw]
}

fn on_screen(state: &AppState, doc: usize, article: usize) -> bool {
    let height = state.pane_height();
    state
        .reader
        .visible(height)
        .iter()
        .any(|(d, l)| *d == doc && l.article == article)
}

/// The user's keyword actions (`n` is the count prefix, for `3w`).
pub fn act(state: &mut AppState, action: Action, n: usize) -> Vec<Effect> {
    if action.is_background() {
        return background(state, action);
    }
    if !state.keywords.enabled() {
        state.message = Some(match &state.keywords.status {
            EngineStatus::Failed(reason) => i18n::keywords_off(reason),
            _ => i18n::KEYWORDS_DISABLED.get().to_string(),
        });
        return vec![Effect::Redraw];
    }
    match action {
        Action::ToggleKeywordHighlights => {
            let k = &mut state.keywords;
            k.show_keywords = !k.show_keywords || k.show_names;
            k.show_names = false;
            state.message = Some(if k.show_keywords {
                i18n::KEYWORD_HIGHLIGHTS_ON.get().into()
            } else {
                i18n::KEYWORD_HIGHLIGHTS_OFF.get().into()
            });
        }
        Action::ToggleNameHighlights => {
            let k = &mut state.keywords;
            k.show_names = !k.show_names;
            state.message = Some(if k.show_names {
                i18n::NAMES_ON.get().into()
            } else {
                i18n::NAMES_OFF.get().into()
            });
        }
        Action::JumpToNextKeyword => repeat(state, n, true, None),
        Action::JumpToPrevKeyword => repeat(state, n, false, None),
        Action::OpenKeywordList => open_list(state),
        Action::SearchFor(word) => repeat(state, 1, true, Some(&word)),
        _ => {}
    }
    vec![Effect::Redraw]
}

fn repeat(state: &mut AppState, n: usize, forward: bool, word: Option<&str>) {
    // A count (`500w`) steps within the occurrences found once, not found again per step.
    let mut cache = StepCache::default();
    for _ in 0..n {
        if !step(state, forward, word, &mut cache) {
            let pending = state.keywords.status == EngineStatus::Loading
                || state
                    .current_unit()
                    .is_some_and(|u| state.keywords.analysis(u.doc, u.article).is_none());
            state.message = Some(if pending {
                i18n::KEYWORDS_PENDING.get().to_string()
            } else {
                i18n::no_further_keyword(word, forward)
            });
            return;
        }
    }
}

/// The keyword list's keys: move, Enter searches, Esc (or `i`) closes.
pub fn picker_action(state: &mut AppState, action: Action) -> Vec<Effect> {
    let words = current_words(state);
    let selected = state.keywords.picker.unwrap_or(0);
    let last = words.len().saturating_sub(1);
    // The list pages with the article pane's keys, as the help and the results do.
    let page = usize::from(state.pane_height().saturating_sub(3)).max(1);
    let mut select = |to: usize| state.keywords.picker = Some(to.min(last));
    match action {
        Action::MoveDown => select(selected + 1),
        Action::MoveUp => select(selected.saturating_sub(1)),
        Action::ScrollPageDown => select(selected + page),
        Action::ScrollPageUp => select(selected.saturating_sub(page)),
        Action::ScrollHalfPageDown => select(selected + page / 2),
        Action::ScrollHalfPageUp => select(selected.saturating_sub(page / 2)),
        Action::JumpToStart => select(0),
        Action::JumpToEnd => select(last),
        Action::ScrollAt { down, .. } => select(if down {
            selected + 1
        } else {
            selected.saturating_sub(1)
        }),
        Action::OpenSelection => {
            state.keywords.picker = None;
            if let Some(word) = words.get(selected) {
                // The keyword cursor goes to the word, and the search shows all of them.
                let mut effects = act(state, Action::SearchFor(word.clone()), 1);
                effects.extend(super::search::search_for(state, word));
                return effects;
            }
        }
        Action::Quit => return vec![Effect::Quit],
        Action::ResizeScreen { width, height } => state.size = (width, height),
        other if other.is_background() => return background(state, other),
        _ => state.keywords.picker = None,
    }
    vec![Effect::Redraw]
}

/// The keywords of the article being read, best first.
pub fn current_words(state: &AppState) -> Vec<String> {
    state
        .current_unit()
        .and_then(|u| state.keywords.analysis(u.doc, u.article))
        .map(|a| a.keywords.iter().map(|k| k.word.clone()).collect())
        .unwrap_or_default()
}

fn open_list(state: &mut AppState) {
    if current_words(state).is_empty() {
        let pending = state
            .current_unit()
            .is_some_and(|u| state.keywords.analysis(u.doc, u.article).is_none());
        state.message = Some(if pending {
            i18n::KEYWORDS_PENDING.get().into()
        } else {
            i18n::NO_KEYWORDS.get().into()
        });
    } else {
        state.keywords.picker = Some(0);
    }
}

/// Finds the line showing a byte in `O(log n)`: the non-blank lines sorted by where
/// their text starts. `w` maps every occurrence of an article to its line; scanning the
/// lines for each one cost `occurrences × lines` (minutes on a page of a million short
/// headings, with the event loop blocked, issue 18), this costs `n log n` once per key.
struct LineIndex {
    /// (start, end, line index), sorted by start then line index.
    spans: Vec<(usize, usize, usize)>,
}

impl LineIndex {
    fn new(lines: &[VisualLine]) -> Self {
        let mut spans: Vec<(usize, usize, usize)> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.role != LineRole::Blank && !l.range.is_empty())
            .map(|(i, l)| (l.range.start, l.range.end, i))
            .collect();
        // Layout order is text order nearly everywhere, so this is close to linear.
        spans.sort_unstable();
        Self { spans }
    }

    /// The line showing byte `at`. Lines do not overlap, so the line starting last at
    /// or before `at` is the one; a few before it are checked too (the first line
    /// holding `at` wins, as in reading order), which keeps this bounded.
    fn line_of(&self, at: usize) -> Option<usize> {
        let upto = self.spans.partition_point(|&(start, _, _)| start <= at);
        self.spans[..upto]
            .iter()
            .rev()
            .take(OVERLAP_LOOKBACK)
            .filter(|&&(_, end, _)| at < end)
            .map(|&(_, _, line)| line)
            .min()
    }
}

/// How many lines before the last one starting at or before a byte
/// [`LineIndex::line_of`] also looks at.
const OVERLAP_LOOKBACK: usize = 4;

/// A unit's occurrences with the line each is on, sorted by position.
type Candidates = Rc<[(Pos, Range<usize>)]>;

/// One unit's occurrences in reading order with the line each is on, kept across the
/// steps of a count (the layout does not change between them).
#[derive(Default)]
struct StepCache {
    index: Option<(usize, Rc<LineIndex>)>,
    candidates: Option<(usize, Candidates)>,
}

impl StepCache {
    fn index(&mut self, state: &mut AppState, unit: usize) -> Rc<LineIndex> {
        match &self.index {
            Some((u, index)) if *u == unit => Rc::clone(index),
            _ => {
                let index = Rc::new(LineIndex::new(&state.reader.lines(&state.docs, unit)));
                self.index = Some((unit, Rc::clone(&index)));
                index
            }
        }
    }
}

/// Moves the cursor one occurrence on (of `word`, if given); false when there is none.
fn step(state: &mut AppState, forward: bool, word: Option<&str>, cache: &mut StepCache) -> bool {
    let height = state.pane_height();
    let top = state.reader.top;
    let bottom = state
        .reader
        .advance(&state.docs, top, usize::from(height).saturating_sub(1));
    // From the cursor while it is on screen, else from the top line.
    let from = state.keywords.cursor.clone().and_then(|c| {
        let pos = Pos {
            unit: c.unit,
            line: cache.index(state, c.unit).line_of(c.range.start)?,
        };
        (top <= pos && pos <= bottom).then_some((pos, c.range.start))
    });
    let count = state.reader.units.len();
    // Backwards from the cursor's unit, which may be below the top one.
    let last = from.map_or(top.unit, |(p, _)| p.unit);
    let units: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new(top.unit..count)
    } else {
        Box::new((0..=last.min(count.saturating_sub(1))).rev())
    };
    for unit in units {
        let Some(u) = state.reader.units.get(unit).copied() else {
            continue;
        };
        let candidates = match &cache.candidates {
            Some((cached, candidates)) if *cached == unit => Rc::clone(candidates),
            _ => {
                let Some(found) = candidates(state, unit, word, cache) else {
                    continue;
                };
                cache.candidates = Some((unit, Rc::clone(&found)));
                found
            }
        };
        // Candidates are sorted, and both tests below are monotone over them.
        let after = |(pos, r): &(Pos, Range<usize>)| match from {
            Some((p, start)) => (*pos, r.start) > (p, start),
            None => *pos >= top,
        };
        let before = |(pos, r): &(Pos, Range<usize>)| match from {
            Some((p, start)) => (*pos, r.start) < (p, start),
            None => *pos < top,
        };
        let found = if forward {
            candidates.get(candidates.partition_point(|c| !after(c)))
        } else {
            candidates
                .partition_point(before)
                .checked_sub(1)
                .and_then(|i| candidates.get(i))
        };
        if let Some((pos, range)) = found.cloned() {
            state.keywords.cursor = Some(KeywordCursor {
                unit,
                doc: u.doc,
                range,
            });
            if pos < top || pos > bottom {
                let floor = Pos::default();
                state
                    .reader
                    .reveal(&state.docs, pos, CONTEXT_LINES, floor, height);
            }
            return true;
        }
    }
    false
}

/// The occurrences (of `word`, if given) in `unit` with their lines, sorted; `None`
/// when the unit has no analysis or no such occurrence (then it is not laid out).
fn candidates(
    state: &mut AppState,
    unit: usize,
    word: Option<&str>,
    cache: &mut StepCache,
) -> Option<Candidates> {
    let u = state.reader.units.get(unit).copied()?;
    let analysis = state.keywords.analyses.get(&(u.doc, u.article)).cloned()?;
    let wanted = |o: &&crate::analysis::keywords::Occurrence| {
        word.is_none_or(|w| {
            analysis
                .keywords
                .get(o.keyword)
                .is_some_and(|k| k.word == w)
        })
    };
    if !analysis.occurrences.iter().any(|o| wanted(&o)) {
        return None;
    }
    let index = cache.index(state, unit);
    let mut found: Vec<(Pos, Range<usize>)> = analysis
        .occurrences
        .iter()
        .filter(wanted)
        .filter_map(|o| {
            let line = index.line_of(o.range.start)?;
            Some((Pos { unit, line }, o.range.clone()))
        })
        .collect();
    found.sort_by_key(|(pos, r)| (*pos, r.start));
    Some(found.into())
}
