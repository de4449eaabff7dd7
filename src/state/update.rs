//! [`update`]: the only function that changes [`AppState`].
//!
//! It interprets an [`Action`] against the focus (the same `j` moves the list cursor or
//! scrolls the text) and returns [`Effect`]s instead of drawing. A redraw is asked for
//! only when something visible changed, so idle input (a wheel at the end of the text,
//! a key with no binding) costs no output.

use crate::action::Action;
use crate::i18n;

use super::geometry::MIN_LIST_WIDTH;
use super::loading::AfterLoad;
use super::reader::Pos;
use super::search;
use super::sections::EntryKind;
use super::{AppState, Effect, Focus};

/// Lines one wheel notch scrolls.
const WHEEL_LINES: usize = 3;
/// The widest the section list may grow.
const MAX_LIST_WIDTH: u16 = 100;

/// Everything that, when unchanged, means the screen need not be drawn again.
type Fingerprint = (
    Pos,
    Focus,
    usize,
    usize,
    Option<u16>,
    Option<usize>,
    Option<String>,
    (u16, u16),
    bool,
    Option<u16>,
);

fn fingerprint(s: &AppState) -> Fingerprint {
    (
        s.reader.top,
        s.focus,
        s.list.selected,
        s.list.offset,
        s.help,
        s.count,
        s.message.clone(),
        s.size,
        s.list.visible,
        s.list.width,
    )
}

/// Applies `action` to `state`; returns what the event loop should do next.
pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    let mut effects = apply(state, action);
    // Pages on demand: the pages now in view are parsed, far ones evicted.
    if super::after_update(state) && !effects.contains(&Effect::Redraw) {
        effects.push(Effect::Redraw);
    }
    effects
}

fn apply(state: &mut AppState, action: Action) -> Vec<Effect> {
    if super::loading::is_load_action(&action) {
        let grows = matches!(action, Action::PagesLoaded(_));
        let mut effects = super::loading::apply(state, action);
        if grows {
            effects.extend(search::extend_to_new_pages(state));
        }
        // Hits the index found on pages that have just been parsed (or, once the load
        // is over, on pages that could not be).
        let placed = search::resolve_archive(state);
        if !placed.is_empty() {
            // A hit the view follows may have moved it.
            state.settle();
            search::refresh_highlights(state);
        }
        effects.extend(placed);
        if state.after_load.is_some() {
            finish_after_load(state);
            state.settle();
        }
        return effects;
    }
    if matches!(
        action,
        Action::IndexProgress { .. }
            | Action::IndexReady
            | Action::IndexUnavailable(_)
            | Action::ApplyArchiveResults(_)
    ) {
        let effects = search::index_event(state, action);
        state.settle();
        search::refresh_highlights(state);
        return effects;
    }
    if let Action::PhotoDecoded(decoded) = action {
        return super::photos::apply(state, decoded);
    }
    if action.is_background() {
        return super::keywords::background(state, action);
    }
    if let Action::RestoreMemory {
        record,
        resume,
        searches,
        notes,
    } = action
    {
        for query in &searches {
            state.search.history.push(query);
        }
        let effects = super::memory::restore(state, record.map(|r| *r), resume);
        let notes: Vec<String> = notes.into_iter().chain(state.message.take()).collect();
        state.message = (!notes.is_empty()).then(|| notes.join(" · "));
        return effects;
    }
    // Any key of the user's (not a resize, a message or a count being typed) means they
    // moved on from a jump still waiting for pages.
    if !matches!(
        action,
        Action::ShowMessage(_)
            | Action::ResizeScreen { .. }
            | Action::ApplySearchResults(_)
            | Action::RedrawScreen
            | Action::TypeCountDigit(_)
    ) {
        state.after_load = None;
        // The same for a remembered position still waiting for its page.
        state.memory.resume = None;
    }
    // `''` goes back to where a jump started.
    let jump_from = (super::memory::is_jump(&action) && state.memory.list.is_none())
        .then(|| super::memory::place_of_top(state))
        .flatten();
    let top_before = state.reader.top;
    let before = fingerprint(state);
    if !matches!(
        action,
        Action::ShowMessage(_) | Action::ResizeScreen { .. } | Action::ApplySearchResults(_)
    ) {
        state.message = None;
        // "no match for …" answered the search; the next key makes it stale.
        if state.search.prompt.is_none()
            && state.search.results.is_none()
            && state.loading.is_none()
            && !matches!(
                action,
                Action::JumpToNextMatch | Action::JumpToPrevMatch | Action::OpenSearchResults
            )
            && state
                .search
                .active
                .as_ref()
                .is_some_and(|a| a.done && a.matches.is_empty())
        {
            state.search.active = None;
        }
    }
    if !matches!(
        action,
        Action::ScrollAt { .. } | Action::ShowMessage(_) | Action::ApplySearchResults(_)
    ) {
        state.list.free_scroll = false;
    }
    // These move the reading position whatever has focus; the list cursor follows.
    let moves_reading = matches!(
        action,
        Action::NextArticle
            | Action::PrevArticle
            | Action::NextSubhead
            | Action::PrevSubhead
            | Action::NextPage
            | Action::PrevPage
            | Action::JumpToNextMatch
            | Action::JumpToPrevMatch
    );
    let mut effects = match action {
        Action::TypeCountDigit(digit) => {
            if digit > 0 || state.count.is_some() {
                let count = state.count.unwrap_or(0) * 10 + usize::from(digit);
                state.count = Some(count.min(99_999));
            }
            Vec::new()
        }
        // Background results must not be lost under the help, nor eat a count.
        Action::ApplySearchResults(batch) => search::from_memory(state, batch),
        Action::QuitOnSecondZ if state.help.is_none() => {
            let count = state.count.take();
            if state.z_pending || count.is_some() {
                state.z_pending = false;
                if count.is_none() {
                    return vec![Effect::Quit];
                }
            } else {
                state.z_pending = true;
            }
            Vec::new()
        }
        // Esc after a count drops the count and nothing else (in less and vim it never
        // quits: a count typed by mistake must not close the reader).
        Action::CloseOrCancel
            if state.count.is_some()
                && state.help.is_none()
                && state.keywords.picker.is_none()
                && state.search.results.is_none() =>
        {
            state.count = None;
            state.z_pending = false;
            vec![Effect::Redraw]
        }
        other => {
            state.z_pending = false;
            let count = state.count.take();
            if state.memory.pending.is_some() {
                super::memory::act(state, &other)
            } else if state.command.is_some() {
                match super::command::handle(state, &other) {
                    super::command::Outcome::Done(effects) => effects,
                    super::command::Outcome::Run(c) => {
                        state.count = c.count;
                        return update(state, c.action);
                    }
                }
            } else if other == Action::OpenCommandLine && state.help.is_none() {
                state.command = Some(super::command::CommandLine::default());
                vec![Effect::Redraw]
            } else if state.keywords.picker.is_some() {
                super::keywords::picker_action(state, other)
            } else if state.memory.list.is_some() {
                super::memory::list_action(state, &other)
            } else if state.help.is_some() {
                help_action(state, &other, count)
            } else if let Some(effects) = search::handle(state, &other, count) {
                effects
            } else {
                act(state, other, count)
            }
        }
    };
    state.settle();
    if jump_from.is_some() && state.reader.top != top_before {
        state.memory.previous = jump_from;
    }
    if moves_reading
        && state.focus == Focus::List
        && let Some(reading) = state.list.reading
    {
        state.list.selected = reading;
        state.settle();
    }
    search::refresh_highlights(state);
    if fingerprint(state) != before && !effects.contains(&Effect::ClearScreen) {
        effects.push(Effect::Redraw);
    }
    effects
}

/// Keys while the help is shown: the article pane's moving keys scroll it (lines,
/// pages, half pages, `g`/`G`), Esc or `?` closes it, `q` still quits; any other key
/// closes it too.
fn help_action(state: &mut AppState, action: &Action, count: Option<usize>) -> Vec<Effect> {
    let scroll = usize::from(state.help.unwrap_or(0));
    let n = count.unwrap_or(1).max(1);
    let visible = help_visible_rows(state);
    let max = help_max_scroll(state);
    let page = visible.saturating_sub(1).max(1);
    let half = (visible / 2).max(1);
    let to = |rows: usize| Some(rows.min(max).try_into().unwrap_or(u16::MAX));
    state.help = match action {
        Action::MoveDown => to(scroll.saturating_add(n)),
        Action::MoveUp => to(scroll.saturating_sub(n)),
        Action::ScrollPageDown => to(scroll.saturating_add(page * n)),
        Action::ScrollPageUp => to(scroll.saturating_sub(page * n)),
        Action::ScrollHalfPageDown => to(scroll.saturating_add(half * n)),
        Action::ScrollHalfPageUp => to(scroll.saturating_sub(half * n)),
        Action::JumpToStart => to(0),
        Action::JumpToEnd => to(max),
        Action::ScrollAt { down, .. } => to(if *down {
            scroll.saturating_add(WHEEL_LINES)
        } else {
            scroll.saturating_sub(WHEEL_LINES)
        }),
        Action::ResizeScreen { width, height } => {
            state.size = (*width, *height);
            to(scroll)
        }
        Action::Quit => return vec![Effect::Quit],
        Action::SuspendProcess => return vec![Effect::Suspend],
        Action::RedrawScreen => return vec![Effect::ClearScreen],
        Action::ShowMessage(m) => {
            state.message = Some(m.clone());
            to(scroll)
        }
        _ => None,
    };
    Vec::new()
}

/// Rows of the help the screen shows at once (inside the box's border).
fn help_visible_rows(state: &AppState) -> usize {
    usize::from(state.size.1.saturating_sub(2)).max(1)
}

/// How far the help scrolls: to its last row at the bottom of the box.
pub(super) fn help_max_scroll(state: &AppState) -> usize {
    if state.help_rows == 0 {
        return 60;
    }
    state.help_rows.saturating_sub(help_visible_rows(state))
}

fn act(state: &mut AppState, action: Action, count: Option<usize>) -> Vec<Effect> {
    let n = count.unwrap_or(1).max(1);
    let list = state.focus == Focus::List;
    let height = state.pane_height();
    let page = usize::from(height.saturating_sub(1).max(1));
    let half = usize::from(height / 2).max(1);
    match action {
        Action::MoveDown if list => select(state, state.list.selected.saturating_add(n)),
        Action::MoveUp if list => select(state, state.list.selected.saturating_sub(n)),
        Action::ScrollPageDown if list => {
            select(
                state,
                state.list.selected.saturating_add(list_page(state) * n),
            );
        }
        Action::ScrollPageUp if list => {
            select(
                state,
                state.list.selected.saturating_sub(list_page(state) * n),
            );
        }
        Action::ScrollHalfPageDown if list => {
            let half = (list_page(state) / 2).max(1);
            select(state, state.list.selected.saturating_add(half * n));
        }
        Action::ScrollHalfPageUp if list => {
            let half = (list_page(state) / 2).max(1);
            select(state, state.list.selected.saturating_sub(half * n));
        }
        Action::JumpToStart | Action::JumpToEnd if list && count.is_some() => {
            select_article_of_page(state, n);
        }
        Action::JumpToStart if list => select(state, 0),
        Action::JumpToEnd if list => select(state, usize::MAX),
        Action::JumpToPage => jump_to_page(state, count),
        Action::MoveDown => scroll(state, n, true),
        Action::MoveUp => scroll(state, n, false),
        Action::ScrollPageDown => scroll(state, page * n, true),
        Action::ScrollPageUp => scroll(state, page * n, false),
        Action::ScrollHalfPageDown => scroll(state, half * n, true),
        Action::ScrollHalfPageUp => scroll(state, half * n, false),
        Action::JumpToStart | Action::JumpToEnd if count.is_some() => {
            // Article N of the page being read: the number the status line and the
            // list show, so `4G` goes where the screen says "article 4".
            if let Some(unit) = article_of_page(state, n) {
                jump_to_article(state, unit);
            }
        }
        Action::JumpToStart => jump(state, Pos::default()),
        Action::JumpToEnd => {
            let last = state.docs.len();
            super::ensure_pages(state, &[last.saturating_sub(2), last.saturating_sub(1)]);
            let max = state.reader.max_top(&state.docs, height);
            jump(state, max);
            if let Some(load) = state.loading {
                state.after_load = Some(AfterLoad::End);
                state.message = Some(i18n::still_loading_to_end(load.done, load.total));
            }
        }
        Action::NextArticle => {
            if let Some(unit) = state.reader.next_article(state.reader.top.unit, n) {
                jump_to_article(state, unit);
            }
        }
        Action::PrevArticle => {
            let top = state.reader.top;
            let first = state.reader.article_unit(top.unit);
            let head = state.reader.head_pos(&state.docs, first);
            let back = if top > head { n - 1 } else { n };
            jump_to_article(state, state.reader.prev_article(first, back));
        }
        Action::NextSubhead if !move_subhead(state, n, true) => {
            state.message = Some(i18n::NO_SUBHEAD_BELOW.get().into());
        }
        Action::PrevSubhead if !move_subhead(state, n, false) => {
            state.message = Some(i18n::NO_SUBHEAD_ABOVE.get().into());
        }
        Action::NextSubhead | Action::PrevSubhead => {}
        Action::NextPage => move_page(state, n, true),
        Action::PrevPage => move_page(state, n, false),
        other if super::keywords::handles(&other) => return super::keywords::act(state, other, n),
        other if super::memory::handles(&other) => return super::memory::act(state, &other),
        other => return act_on_layout(state, other),
    }
    Vec::new()
}

/// Focus, list, help, screen and mouse actions.
fn act_on_layout(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::SwitchFocus => toggle_focus(state),
        Action::FocusSectionList => set_focus(state, Focus::List),
        Action::FocusArticlePane => set_focus(state, Focus::Pane),
        Action::OpenSelection if state.focus == Focus::List => {
            open_entry(state, state.list.selected);
            state.focus = Focus::Pane;
        }
        Action::ToggleSectionList => {
            if state.geometry().list_overlay {
                toggle_focus(state);
            } else {
                state.list.visible = !state.list.visible;
                if !state.list.visible {
                    state.focus = Focus::Pane;
                }
            }
        }
        Action::WidenSectionList | Action::NarrowSectionList => {
            let w = state
                .geometry()
                .list
                .map_or(state.list.width.unwrap_or(MIN_LIST_WIDTH), |l| l.width);
            state.list.width = Some(if action == Action::WidenSectionList {
                w.saturating_add(4).min(MAX_LIST_WIDTH)
            } else {
                w.saturating_sub(4).max(MIN_LIST_WIDTH)
            });
            state.list.visible = true;
        }
        Action::ToggleHelp => state.help = Some(0),
        Action::CloseOrCancel => {
            if state.focus == Focus::List {
                state.focus = Focus::Pane;
            } else {
                // Nothing is open: Esc does nothing, but a reader used to quitting with
                // it learns how.
                state.message = Some(i18n::Q_QUITS.get().into());
            }
        }
        Action::Quit => return vec![Effect::Quit],
        Action::CopyArticle => return copy_article(state),
        Action::SuspendProcess => return vec![Effect::Suspend],
        Action::RedrawScreen => return vec![Effect::ClearScreen],
        Action::ResizeScreen { width, height } => state.size = (width, height),
        Action::ScrollAt { column, row, down } => wheel(state, column, row, down),
        Action::ClickAt { column, row } => click(state, column, row),
        Action::ShowMessage(message) => state.message = Some(message),
        _ => {}
    }
    Vec::new()
}

/// `y`: the article the status line names, to the clipboard (refused past
/// [`super::clipboard::MAX_COPY`], which terminals would drop).
fn copy_article(state: &mut AppState) -> Vec<Effect> {
    let Some(unit) = state.shown_unit() else {
        return Vec::new();
    };
    let Some(doc) = state.docs.get(unit.doc) else {
        return Vec::new();
    };
    let text = super::clipboard::article_text(doc, unit.article);
    if text.len() > super::clipboard::MAX_COPY {
        state.message = Some(i18n::too_long_to_copy(
            unit.article + 1,
            text.len() / 1000,
            super::clipboard::MAX_COPY / 1000,
        ));
        return Vec::new();
    }
    state.message = Some(i18n::copied(unit.article + 1, text.chars().count()));
    state.clipboard = Some(text);
    vec![Effect::CopyToClipboard]
}

fn toggle_focus(state: &mut AppState) {
    let to = if state.focus == Focus::List {
        Focus::Pane
    } else {
        Focus::List
    };
    set_focus(state, to);
}

fn set_focus(state: &mut AppState, focus: Focus) {
    if focus == Focus::List {
        state.list.visible = true;
        if let Some(reading) = state.list.reading {
            state.list.selected = reading;
        }
    }
    state.focus = focus;
}

/// The first unit of article `n` (1-based) of the page the status line names, or its
/// last article when it has fewer (saying so).
fn article_of_page(state: &mut AppState, n: usize) -> Option<usize> {
    let doc = state.shown_unit()?.doc;
    let articles = state.docs.get(doc).map_or(0, |d| d.articles.len());
    if articles == 0 {
        return None;
    }
    if n > articles {
        state.message = Some(i18n::page_has_articles(articles));
    }
    state.reader.unit_of(doc, n.min(articles) - 1)
}

/// `NG` in the list: the entry of article N of the selected entry's page.
fn select_article_of_page(state: &mut AppState, n: usize) {
    let unit = match state
        .list
        .entries
        .get(state.list.selected)
        .map(super::sections::Entry::kind)
    {
        Some(EntryKind::Page { doc }) => state.reader.doc_first_unit.get(doc).copied(),
        Some(EntryKind::Article { unit } | EntryKind::Subhead { unit, .. }) => Some(unit),
        None => None,
    };
    let Some(doc) = unit.and_then(|u| state.reader.units.get(u)).map(|u| u.doc) else {
        return;
    };
    let articles = state.docs.get(doc).map_or(0, |d| d.articles.len());
    if articles == 0 {
        return;
    }
    if n > articles {
        state.message = Some(i18n::page_has_articles(articles));
    }
    let Some(unit) = state.reader.unit_of(doc, n.min(articles) - 1) else {
        return;
    };
    if let Some(entry) = super::sections::entry_of(&state.list.entries, unit, None) {
        select(state, entry);
    }
}

/// `NP`: page N of all the pages (the number the status line shows after "page").
fn jump_to_page(state: &mut AppState, count: Option<usize>) {
    let Some(n) = count.filter(|&n| n > 0) else {
        state.message = Some(i18n::PAGE_NUMBER_FIRST.get().into());
        return;
    };
    let loaded = state.reader.doc_first_unit.len();
    if n > loaded {
        if n <= state.pages && state.loading.is_some() {
            state.after_load = Some(AfterLoad::Page {
                page: n,
                article: None,
            });
            state.message = Some(i18n::page_still_loading(n, loaded, state.pages));
        } else {
            state.message = Some(i18n::there_are_pages(state.pages.max(loaded)));
        }
        return;
    }
    let Some(&unit) = state.reader.doc_first_unit.get(n - 1) else {
        return;
    };
    super::ensure_pages(state, &[n - 1]);
    if unit < state.reader.units.len() {
        jump(state, Pos { unit, line: 0 });
        if state.focus == Focus::List
            && let Some(entry) = state
                .list
                .entries
                .iter()
                .position(|e| e.kind() == EntryKind::Page { doc: n - 1 })
        {
            state.list.selected = entry;
        }
    }
}

/// Carries out the jump waiting in [`AppState::after_load`] as far as the pages loaded
/// so far allow; keeps waiting while the load runs and the target is not in yet.
fn finish_after_load(state: &mut AppState) {
    let loading = state.loading.is_some();
    match state.after_load {
        Some(AfterLoad::End) => {
            let last = state.docs.len();
            super::ensure_pages(state, &[last.saturating_sub(2), last.saturating_sub(1)]);
            let max = state.reader.max_top(&state.docs, state.pane_height());
            jump(state, max);
            if !loading {
                state.after_load = None;
                state.message = Some(i18n::at_end_of_pages(state.pages));
            }
        }
        Some(AfterLoad::Page { page, article }) => {
            if page <= state.reader.doc_first_unit.len() {
                state.after_load = None;
                jump_to_page(state, Some(page));
                state.settle();
                if let Some(n) = article
                    && let Some(unit) = article_of_page(state, n)
                {
                    jump_to_article(state, unit);
                }
            } else if !loading {
                state.after_load = None;
                state.message = Some(i18n::there_are_pages(state.pages));
            }
        }
        None => {}
    }
}

/// Entries one list page moves: the list's height less one row of overlap, as less
/// keeps one line (entries of two rows make it move a little further than a screen).
fn list_page(state: &AppState) -> usize {
    let g = state.geometry();
    usize::from(g.list.map_or(g.pane.height, |l| l.height).saturating_sub(1)).max(1)
}

/// Moves the list cursor to `entry` (clamped) and shows that entry in the pane.
fn select(state: &mut AppState, entry: usize) {
    let last = state.list.entries.len().saturating_sub(1);
    state.list.selected = entry.min(last);
    open_entry(state, state.list.selected);
}

fn open_entry(state: &mut AppState, entry: usize) {
    let Some(e) = state.list.entries.get(entry).copied() else {
        return;
    };
    let doc = match e.kind() {
        EntryKind::Page { doc } => Some(doc),
        EntryKind::Article { unit } | EntryKind::Subhead { unit, .. } => {
            state.reader.units.get(unit).map(|u| u.doc)
        }
    };
    super::ensure_pages(state, &doc.into_iter().collect::<Vec<_>>());
    let pos = match e.kind() {
        EntryKind::Page { doc } => Pos {
            unit: state.reader.doc_first_unit.get(doc).copied().unwrap_or(0),
            line: 0,
        },
        EntryKind::Article { unit } => state.reader.head_pos(&state.docs, unit),
        EntryKind::Subhead { unit, block } => state.reader.block_pos(&state.docs, unit, block),
    };
    jump(state, pos);
}

fn scroll(state: &mut AppState, lines: usize, down: bool) {
    let height = state.pane_height();
    if down {
        state.reader.scroll_down(&state.docs, lines, height);
    } else {
        state.reader.scroll_up(&state.docs, lines);
    }
}

/// Puts article `unit`'s head (overline, kicker, headline) at the top.
fn jump_to_article(state: &mut AppState, unit: usize) {
    let unit = unit.min(state.reader.units.len().saturating_sub(1));
    if let Some(doc) = state.reader.units.get(unit).map(|u| u.doc) {
        super::ensure_pages(state, &[doc]);
    }
    let pos = state.reader.head_pos(&state.docs, unit);
    jump(state, pos);
}

fn jump(state: &mut AppState, pos: Pos) {
    state.reader.jump(&state.docs, pos);
}

/// Moves `n` subheads forward or back from the top line, across articles; false when
/// there are not that many (nothing moves then, as in less).
fn move_subhead(state: &mut AppState, n: usize, forward: bool) -> bool {
    let top = state.reader.top;
    let units: Vec<usize> = if forward {
        (top.unit..state.reader.units.len()).collect()
    } else {
        (0..=top.unit).rev().collect()
    };
    let mut left = n;
    for unit in units {
        let Some(u) = state.reader.units.get(unit).copied() else {
            break;
        };
        let Some(article) = state
            .docs
            .get(u.doc)
            .and_then(|d| d.articles.get(u.article))
        else {
            continue;
        };
        let mut blocks: Vec<usize> = article
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == crate::document::BlockKind::Subhead)
            .map(|(i, _)| i)
            .collect();
        if !forward {
            blocks.reverse();
        }
        if !blocks.is_empty() {
            // The subhead's line is one of its page's layout, not of its stub's.
            super::ensure_pages(state, &[u.doc]);
        }
        for block in blocks {
            let pos = state.reader.block_pos(&state.docs, unit, block);
            if (forward && pos > top) || (!forward && pos < top) {
                left -= 1;
                if left == 0 {
                    jump(state, pos);
                    return true;
                }
            }
        }
    }
    false
}

/// Moves `n` documents (pages) forward or back.
fn move_page(state: &mut AppState, n: usize, forward: bool) {
    let Some(unit) = state.current_unit() else {
        return;
    };
    let firsts = &state.reader.doc_first_unit;
    let start = firsts.get(unit.doc).copied().unwrap_or(0);
    let doc = if forward {
        (unit.doc + n).min(firsts.len().saturating_sub(1))
    } else if state.reader.top
        > (Pos {
            unit: start,
            line: 0,
        })
    {
        unit.doc.saturating_sub(n - 1)
    } else {
        unit.doc.saturating_sub(n)
    };
    let target = firsts.get(doc).copied().unwrap_or(0);
    super::ensure_pages(state, &[doc]);
    if target < state.reader.units.len() {
        jump(
            state,
            Pos {
                unit: target,
                line: 0,
            },
        );
    }
}

fn wheel(state: &mut AppState, column: u16, row: u16, down: bool) {
    let g = state.geometry();
    if g.list.is_some_and(|l| l.contains(column, row)) {
        let last = state.list.entries.len().saturating_sub(1);
        state.list.offset = if down {
            (state.list.offset + WHEEL_LINES).min(last)
        } else {
            state.list.offset.saturating_sub(WHEEL_LINES)
        };
        state.list.free_scroll = true;
        return;
    }
    if g.pane.contains(column, row) {
        scroll(state, WHEEL_LINES, down);
    }
}

fn click(state: &mut AppState, column: u16, row: u16) {
    let g = state.geometry();
    if let Some(list) = g.list.filter(|l| l.contains(column, row)) {
        let mut y = list.y;
        for index in state.list.offset..state.list.entries.len() {
            let rows = state.list.entries.get(index).map_or(1, |e| e.rows);
            if row >= y && row < y.saturating_add(rows) {
                state.list.selected = index;
                open_entry(state, index);
                state.focus = Focus::Pane;
                return;
            }
            y = y.saturating_add(rows);
        }
    } else if g.pane.contains(column, row) {
        state.focus = Focus::Pane;
    }
}
