//! Search as the reader sees it: the `/` prompt, the matches, the current one, `n`/`N`.
//!
//! The matcher lives in [`crate::analysis::search`]; this module decides *when* it
//! runs and what the screen does with its answer. Every edit of the prompt starts a new
//! search with a new generation ("latest request wins", GUIDE habit 12): a small corpus
//! is searched right here (it takes microseconds), a large one or a whole-word query is
//! handed to the background runner through [`Effect::RunSearch`], and its answers come
//! back as [`Action::ApplySearchResults`] batches, stale generations ignored. While the
//! prompt is open the view follows the first match at or after where the reader was
//! (vim's incsearch); Esc puts back both that position and the previous search.
//!
//! Matches are kept in reading order as `(document, Match)`, so `n`/`N` are index
//! steps, and the highlights for the screen are found by binary search: a corpus with
//! 100,000 hits costs no more per frame than one with ten.

mod archive;
mod navigate;
mod prompt;
mod results;
mod run;

pub(super) use archive::index_event;
pub use archive::{ArchiveHits, IndexStatus, resolve as resolve_archive, thousands};
pub(in crate::state) use archive::{from_memory, listed_pages, page_parsed};
pub use prompt::{History, LineEditor};
pub use results::{Day, ResultsList, date_heading, results_capacity, rows_between};

pub(super) use navigate::refresh_highlights;
use navigate::step;
pub use run::extend_to_new_pages;
use run::start;

use crate::action::Action;
use crate::analysis::search::{Match, MatchMode, Query, SearchIndex};
use crate::i18n;

use super::reader::Pos;
use super::{AppState, Effect, Focus, KeyMode};

/// Corpora up to this many bytes of text are searched synchronously in `update`.
pub const SYNC_LIMIT: usize = 2 * 1024 * 1024;

/// The open prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub editor: LineEditor,
    /// The reading position when `/` was pressed: where Esc returns to and where the
    /// incremental search looks from.
    pub origin: Pos,
    /// Steps back into the history being shown (`None`: the user's own typing).
    recall: Option<usize>,
    /// What was typed before ↑ was first pressed.
    draft: String,
}

/// A search whose matches are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveSearch {
    /// As typed.
    pub text: String,
    pub query: Query,
    pub generation: u64,
    /// `(document, match)` in reading order.
    pub matches: Vec<(usize, Match)>,
    /// How many articles have hits.
    pub articles: usize,
    /// All matches are in.
    pub done: bool,
    /// Documents the matches cover (or will, once done): pages loaded later are
    /// searched when this search is done ([`extend_to_new_pages`]).
    pub searched: usize,
    /// The first document the pending request searches (0, or where an extension to
    /// newly loaded pages starts).
    pub first_doc: usize,
    /// The match `n`/`N` last showed.
    pub current: Option<usize>,
    /// Answered by the archive's index: its hits, those still waiting for their pages.
    pub archive: Option<ArchiveHits>,
    /// While set, the first match at or after this position becomes current.
    follow: Option<Follow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Follow {
    origin: Pos,
}

/// What Esc in the prompt restores.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Saved {
    active: Option<ActiveSearch>,
    mode: MatchMode,
}

/// Everything about search in the reader.
#[derive(Debug)]
pub struct SearchState {
    pub prompt: Option<Prompt>,
    pub history: History,
    /// Substring or whole-word matching, for the next search.
    pub mode: MatchMode,
    /// Traditional and simplified characters match each other (on by default).
    pub script_folding: bool,
    pub active: Option<ActiveSearch>,
    /// The results overlay, when open.
    pub results: Option<ResultsList>,
    /// Of the newest search started.
    pub generation: u64,
    /// Corpora larger than this (in bytes of text) are searched in the background.
    pub sync_limit: usize,
    /// Whether the archive's index answers searches.
    pub index: IndexStatus,
    /// The index is being built or updated: pages done, pages in all.
    pub indexing: Option<(usize, usize)>,
    /// Dates every search keeps to (`--from`/`--to`) unless it names its own (`date:`).
    pub dates: Option<crate::analysis::dates::DateRange>,
    /// The reader's jieba, for placing whole-word hits the index found (peeked at,
    /// never loaded here: the index's search thread loaded it for that search).
    pub jieba: crate::analysis::shared_jieba::SharedJieba,
    saved: Option<Saved>,
    /// Folded documents for synchronous searches: `(text length, index)` per document.
    indexes: Vec<Option<(usize, SearchIndex)>>,
}

impl Default for SearchState {
    fn default() -> Self {
        Self {
            prompt: None,
            history: History::default(),
            mode: MatchMode::Substring,
            script_folding: true,
            active: None,
            results: None,
            generation: 0,
            sync_limit: SYNC_LIMIT,
            index: IndexStatus::Off,
            indexing: None,
            dates: None,
            jieba: crate::analysis::shared_jieba::SharedJieba::default(),
            saved: None,
            indexes: Vec::new(),
        }
    }
}

impl ActiveSearch {
    /// Hits in article `article` of document `doc` (two binary searches: the section
    /// list asks only for the entries on screen, so no per-article table is kept).
    pub fn hits_in(&self, doc: usize, article: usize) -> usize {
        let key = (doc, article);
        let start = self.matches.partition_point(|(d, m)| (*d, m.article) < key);
        let end = self
            .matches
            .partition_point(|(d, m)| (*d, m.article) <= key);
        end - start
    }
}

impl SearchState {
    /// The background search to start, if the newest one is not complete.
    pub fn pending_request(&self) -> Option<(u64, Query)> {
        let a = self.active.as_ref()?;
        (!a.done && a.generation == self.generation).then(|| (a.generation, a.query.clone()))
    }

    /// The index search to start, if the newest search waits for the index's answer.
    pub fn pending_index_request(&self) -> Option<(u64, Query)> {
        let a = self.active.as_ref()?;
        let waiting = a.archive.as_ref().is_some_and(|h| !h.answered);
        (waiting && a.generation == self.generation).then(|| (a.generation, a.query.clone()))
    }

    /// The first document the pending request covers (earlier ones are searched).
    pub fn pending_first_doc(&self) -> usize {
        self.active.as_ref().map_or(0, |a| a.first_doc)
    }

    /// The status line's search part: `match 3/24 · 4 articles`, `no match for 甲`.
    pub fn status(&self) -> Option<String> {
        self.status_while(false)
    }

    /// [`status`](Self::status), marked `+` (more to come) while pages are loading.
    pub fn status_while(&self, loading: bool) -> Option<String> {
        let a = self.active.as_ref()?;
        let total = a.matches.len();
        let articles = a.articles;
        let complete = a.done && !loading;
        let more = if complete { "" } else { "+" };
        let status = match (total, a.current) {
            (0, _) if complete => i18n::no_match(&a.text),
            (0, _) if a.done => i18n::no_match_so_far(&a.text),
            (0, _) => i18n::searching(&a.text),
            (_, Some(i)) => i18n::search_match(i + 1, total, more, articles),
            (_, None) => i18n::search_matches(total, more, articles),
        };
        Some(match a.archive.as_ref().map(archive::note) {
            Some(note) => format!("{status} · {note}"),
            None => status,
        })
    }

    /// Hits in article `article` of document `doc`.
    pub fn hits_in(&self, doc: usize, article: usize) -> usize {
        self.active.as_ref().map_or(0, |a| a.hits_in(doc, article))
    }
}

impl AppState {
    /// Which key table applies now.
    pub fn key_mode(&self) -> KeyMode {
        let filtering = self.search.results.as_ref().is_some_and(|r| r.filtering);
        let typing = self.search.prompt.is_some() || filtering || self.command.is_some();
        if let Some(mode) = self.memory.key_mode() {
            mode
        } else if typing && self.help.is_none() {
            KeyMode::SearchPrompt
        } else {
            KeyMode::Normal
        }
    }
}

/// Handles `action` if it is about search (or the results overlay is open and takes
/// it); `None` leaves it to the reader.
pub(super) fn handle(
    state: &mut AppState,
    action: &Action,
    count: Option<usize>,
) -> Option<Vec<Effect>> {
    if state.search.results.is_some()
        && let Some(effects) = results::handle(state, action, count)
    {
        return Some(effects);
    }
    let n = count.unwrap_or(1).max(1);
    Some(match action {
        Action::OpenSearchPrompt => open_prompt(state),
        Action::InsertSearchText(s) => edit(state, |e| e.insert(s)),
        Action::DeleteSearchCharBack => edit(state, LineEditor::backspace),
        Action::DeleteSearchCharForward => edit(state, LineEditor::delete),
        Action::MoveSearchCursorLeft => edit(state, LineEditor::move_left),
        Action::MoveSearchCursorRight => edit(state, LineEditor::move_right),
        Action::MoveSearchCursorStart => edit(state, LineEditor::move_start),
        Action::MoveSearchCursorEnd => edit(state, LineEditor::move_end),
        Action::DeleteSearchToStart => edit(state, LineEditor::delete_to_start),
        Action::DeleteSearchWordBack => edit(state, LineEditor::delete_word_back),
        Action::RecallOlderSearch => recall(state, true),
        Action::RecallNewerSearch => recall(state, false),
        Action::ToggleWholeWord => toggle_mode(state),
        Action::ToggleScriptFolding => {
            state.search.script_folding = !state.search.script_folding;
            rerun_after_toggle(state)
        }
        Action::ConfirmSearch => confirm(state),
        Action::CancelSearch => cancel(state),
        Action::JumpToNextMatch => step(state, n, true),
        Action::JumpToPrevMatch => step(state, n, false),
        Action::OpenSearchResults => results::open(state),
        Action::SearchFor(text) => search_for(state, text),
        Action::CloseOrCancel if state.search.active.is_some() && state.focus != Focus::List => {
            clear(state)
        }
        _ => return None,
    })
}

fn redraw() -> Vec<Effect> {
    vec![Effect::Redraw]
}

fn open_prompt(state: &mut AppState) -> Vec<Effect> {
    state.search.saved = Some(Saved {
        active: state.search.active.clone(),
        mode: state.search.mode,
    });
    state.search.prompt = Some(Prompt {
        editor: LineEditor::default(),
        origin: state.reader.top,
        recall: None,
        draft: String::new(),
    });
    redraw()
}

/// Applies an edit to the prompt; a changed text starts a new search.
fn edit(state: &mut AppState, f: impl FnOnce(&mut LineEditor)) -> Vec<Effect> {
    let Some(p) = state.search.prompt.as_mut() else {
        return Vec::new();
    };
    let before = p.editor.text().to_string();
    f(&mut p.editor);
    if p.editor.text() == before {
        return redraw();
    }
    p.recall = None;
    rerun_prompt(state)
}

fn rerun_prompt(state: &mut AppState) -> Vec<Effect> {
    let Some(p) = &state.search.prompt else {
        return Vec::new();
    };
    let (text, origin) = (p.editor.text().to_string(), p.origin);
    start(state, &text, Some(origin))
}

fn recall(state: &mut AppState, older: bool) -> Vec<Effect> {
    let history = &state.search.history;
    let Some(p) = state.search.prompt.as_mut() else {
        return Vec::new();
    };
    let next = match (p.recall, older) {
        (None, true) if !history.is_empty() => Some(0),
        (Some(i), true) if i + 1 < history.len() => Some(i + 1),
        (Some(i), false) => i.checked_sub(1),
        _ => return Vec::new(),
    };
    if p.recall.is_none() {
        p.draft = p.editor.text().to_string();
    }
    let text = match next {
        Some(i) => history.get(i).unwrap_or_default().to_string(),
        None => p.draft.clone(),
    };
    p.editor = LineEditor::with_text(&text);
    p.recall = next;
    rerun_prompt(state)
}

fn toggle_mode(state: &mut AppState) -> Vec<Effect> {
    state.search.mode = match state.search.mode {
        MatchMode::Substring => MatchMode::WholeWord,
        MatchMode::WholeWord => MatchMode::Substring,
    };
    rerun_after_toggle(state)
}

/// Searches again after a matching option changed: the prompt's text while it is open,
/// else the active search.
fn rerun_after_toggle(state: &mut AppState) -> Vec<Effect> {
    if state.search.prompt.is_some() {
        return rerun_prompt(state);
    }
    match state.search.active.as_ref().map(|a| a.text.clone()) {
        Some(text) => start(state, &text, None),
        None => redraw(),
    }
}

fn confirm(state: &mut AppState) -> Vec<Effect> {
    let Some(p) = state.search.prompt.take() else {
        return Vec::new();
    };
    state.search.saved = None;
    let text = p.editor.text().trim().to_string();
    if !text.is_empty() {
        state.search.history.push(&text);
        return redraw();
    }
    // An empty Enter repeats the last search, as in less and vim.
    if let Some(last) = state.search.history.get(0).map(str::to_string) {
        start(state, &last, Some(p.origin))
    } else {
        state.search.active = None;
        redraw()
    }
}

fn cancel(state: &mut AppState) -> Vec<Effect> {
    let Some(p) = state.search.prompt.take() else {
        return Vec::new();
    };
    state.reader.jump(&state.docs, p.origin);
    let Some(saved) = state.search.saved.take() else {
        state.search.active = None;
        return redraw();
    };
    state.search.mode = saved.mode;
    match saved.active {
        Some(active) if !active.done => {
            let text = active.text.clone();
            let mut effects = start(state, &text, None);
            if let Some(a) = state.search.active.as_mut() {
                a.current = active.current.filter(|&c| c < a.matches.len());
            }
            effects.push(Effect::Redraw);
            effects
        }
        other => {
            state.search.generation += 1;
            state.search.active = other;
            redraw()
        }
    }
}

/// Searches for `text` in the current mode as if typed and confirmed: the first match
/// at or after the reading position is shown (`--search`, the keyword list).
pub fn search_for(state: &mut AppState, text: &str) -> Vec<Effect> {
    state.search.prompt = None;
    state.search.results = None;
    state.search.history.push(text);
    let top = state.reader.top;
    start(state, text, Some(top))
}

fn clear(state: &mut AppState) -> Vec<Effect> {
    state.search.generation += 1;
    state.search.active = None;
    redraw()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(total: usize, done: bool, current: Option<usize>) -> SearchState {
        // Body text as a page has it (a sentence with its stop): a bare five-character
        // line alone at a page's end may be read as page furniture, which is not searched.
        let doc = crate::document::parse("t", "# 标题\n\n甲乙甲乙甲。\n");
        let query = Query::parse("甲", MatchMode::Substring);
        let matches: Vec<_> = crate::analysis::search::search_document(&doc, &query)
            .into_iter()
            .take(total)
            .map(|m| (0, m))
            .collect();
        SearchState {
            active: Some(ActiveSearch {
                text: "甲".into(),
                query,
                generation: 1,
                articles: usize::from(!matches.is_empty()),
                matches,
                done,
                searched: 1,
                first_doc: 0,
                current,
                archive: None,
                follow: None,
            }),
            ..SearchState::default()
        }
    }

    #[test]
    fn the_status_says_how_many_and_whether_more_may_come() {
        let cases: &[(usize, bool, Option<usize>, bool, &str)] = &[
            (3, true, Some(1), false, "match 2/3 · 1 article"),
            (3, true, None, false, "3 matches · 1 article"),
            (2, false, Some(0), false, "match 1/2+ · 1 article"),
            (3, true, Some(0), true, "match 1/3+ · 1 article"),
            (0, true, None, false, "no match for 甲"),
            (0, true, None, true, "no match so far for 甲"),
            (0, false, None, false, "searching for 甲…"),
        ];
        for &(total, done, current, loading, want) in cases {
            let s = with(total, done, current);
            assert_eq!(s.status_while(loading).as_deref(), Some(want));
        }
    }
}
