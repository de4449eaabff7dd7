//! The interactive reader's loop: events in, [`update`], effects out, draw when needed.
//!
//! The loop blocks on one channel fed by the input thread, the signal thread and the
//! background workers (page loading, search, keywords); it drains whatever queued up
//! before drawing once, so a burst of wheel events or a resize drag costs one frame.

use std::sync::{Arc, Mutex, mpsc};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::action::Action;
use crate::analysis::keywords::KeywordOptions;
use crate::analysis::search::runner::SearchRunner;
use crate::analysis::segmenter::SegmenterOptions;
use crate::analysis::shared_jieba::SharedJieba;
use crate::analysis::worker::{AnalysisEvent, AnalysisWorker, SharedAnalysis};
use crate::document::Document;
use crate::index::live::LiveIndex;
use crate::keymap::{self, Key};
use crate::layout::LayoutOptions;
use crate::loader::Opening;
use crate::options::{AnalysisOptions, Options};
use crate::photo::PhotoWorker;
use crate::session::Session;
use crate::state::keywords::KeywordsState;
use crate::state::{AfterLoad, AppState, Effect, KeyMode, update};
use crate::tui::{self, Msg, TerminalGuard};
use crate::ui;

/// How often an idle reader saves its position (only when it moved).
const SAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(20);

/// The width the text is first laid out at, before the terminal's size is applied.
const FIRST_WIDTH: u16 = 80;

/// A directory of at least this many pages is read on demand when it has an index
/// (`crate::state::demand`): below it, all pages parsed take less than ~15 MB.
pub const ON_DEMAND_PAGES: usize = 500;

/// Opens the reader on `opening` until the user quits; its remaining pages load in
/// the background (see [`crate::loader`]).
pub fn run(opening: Opening, options: &Options) -> anyhow::Result<()> {
    tui::install_panic_hook();
    let (tx, rx) = mpsc::channel();
    tui::spawn_signals(tx.clone())?;
    let guard = TerminalGuard::new()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let size = terminal.size()?;
    let layout = LayoutOptions {
        width: FIRST_WIDTH,
        ..options.layout
    };
    let size = (size.width, size.height);
    let mut state = AppState::opening(opening.docs, opening.total, layout, size);
    if let Some(opener) = opening.opener {
        state.read_on_demand(
            Arc::new(move |doc, source| opener.open(doc, source)),
            crate::state::demand::BUDGET,
        );
    }
    if opening.rest.is_none() && !opening.skipped.is_empty() {
        // Nothing loads in the background to report it: say it as a finished load.
        let skipped = opening.skipped;
        update(&mut state, Action::LoadFinished { skipped });
    }
    state.help_rows = crate::ui::HelpOverlay::new(0).row_count();
    // What an earlier run remembered: marks, search history, and the position unless
    // the command line says where to open.
    let explicit_start =
        options.start != crate::options::StartAt::default() || options.search.text().is_some();
    let memory_options = crate::options::MemoryOptions {
        resume: options.memory.resume && !explicit_start,
        ..options.memory.clone()
    };
    let mut session = match state.docs.first() {
        Some(first) => Session::open(&memory_options, &options.paths, first, state.pages),
        None => Session::open(
            &crate::options::MemoryOptions::default(),
            &[],
            &Document::default(),
            0,
        ),
    };
    update(&mut state, session.restore_action(options.warnings.clone()));
    // `--page P` and `--article N` are `PP` and `NG` pressed before the first frame.
    let start = options.start;
    for (count, action) in [
        (start.page, Action::JumpToPage),
        (start.article, Action::JumpToEnd),
    ] {
        if let Some(AfterLoad::Page { article, .. }) = &mut state.after_load {
            // The page is still loading: its article is opened when it arrives.
            *article = start.article;
            break;
        }
        if let Some(n) = count {
            state.count = Some(n);
            update(&mut state, action);
        }
    }
    let results = tx.clone();
    // One jieba for whole-word search in memory and in the index, and for keywords.
    let jieba = SharedJieba::new(options.analysis.segmenter.clone());
    state.search.jieba = jieba.clone();
    // Read on demand, the pages are stubs: nothing to fold ahead, and the search
    // runner must not hold the list the reader swaps pages in.
    let runner = SearchRunner::spawn(
        if state.on_demand() {
            Arc::from(Vec::new())
        } else {
            Arc::clone(&state.docs)
        },
        jieba.clone(),
        move |batch| {
            results
                .send(Msg::Action(Action::ApplySearchResults(batch)))
                .is_ok()
        },
    );
    state.search.dates = options.search.dates;
    if let Some(text) = options.search.text() {
        state.search.mode = options.search.mode;
        state.search.script_folding = !options.search.exact_script;
        if update(&mut state, Action::SearchFor(text.to_string())).contains(&Effect::RunSearch) {
            run_search(&runner, &state);
        }
    }
    tui::spawn_input(tx.clone());
    // keywords: the first frame says `关键词…`; jieba loads on the worker's thread,
    // which starts only once that frame is out.
    let analysis_options = analysis_options(&options.analysis);
    if analysis_options.is_some() {
        state.keywords = KeywordsState::loading();
    }
    state.keywords.show_keywords = options.keyword_highlights;
    // Photos: the protocol from the environment (never a terminal query, see
    // `ui::photos`), the cell size from the kernel's window size.
    let photos = options.images.then(|| {
        let cell = cell_pixels();
        ui::photos::set_active(ui::photos::detect(&|k| std::env::var(k).ok()), cell);
        state.enable_photos(cell);
        let tx = tx.clone();
        PhotoWorker::spawn(move |d| tx.send(Msg::Action(Action::PhotoDecoded(d))).is_ok())
    });
    terminal.draw(|f| ui::draw(f, &state))?;
    request_photos(photos.as_ref(), &mut state);
    if let Some(rest) = opening.rest {
        let tx = tx.clone();
        rest.spawn(state.docs.len(), move |a| tx.send(Msg::Action(a)).is_ok());
    }
    // A directory's index is opened, or built, once the first frame is out.
    let live_index = if options.search.no_index {
        None
    } else {
        let tx = Mutex::new(tx.clone());
        let sink: Arc<crate::index::live::Sink> =
            Arc::new(move |a| tx.lock().is_ok_and(|tx| tx.send(Msg::Action(a)).is_ok()));
        LiveIndex::spawn(
            &options.paths,
            None,
            crate::index::live::AUTO_BUILD_PAGES,
            jieba.clone(),
            sink,
        )
    };
    let spawn_analysis = |docs: Arc<[Document]>| {
        analysis_options.clone().map(|(_, opts)| {
            let tx = tx.clone();
            let sink = move |event: AnalysisEvent| {
                if let AnalysisEvent::Ready(seg) = &event {
                    // Headlines break between jieba's words from now on (the state
                    // switches its layout over when the ready action arrives).
                    let seg = Arc::clone(seg);
                    crate::layout::words::install(Box::new(move |text| seg.words(text)));
                }
                tx.send(Msg::Action(analysis_action(event))).is_ok()
            };
            AnalysisWorker::spawn_with(docs, jieba.clone(), opts, Box::new(sink))
        })
    };
    // jieba (~50 MB, 100–400 ms of a core) starts once every page is parsed: a large
    // archive loads at full speed, and the worker sees all its pages.
    let mut analysis = None;
    let mut asked = Vec::new();
    start_analysis(&mut analysis, &spawn_analysis, &state, &mut asked);
    let mut signal = None;
    'events: loop {
        let first = match rx.recv_timeout(SAVE_EVERY) {
            Ok(msg) => msg,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                session.save(&mut state, true);
                continue;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        let mut redraw = false;
        // A resize may have cut the screen's contents even when the size ends where it
        // began (100×30 → 5×3 → 100×30): paint every cell afterwards, not a diff.
        let mut repaint = false;
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            repaint |= matches!(
                msg,
                Msg::Input(Event::Resize(..)) | Msg::Action(Action::ResizeScreen { .. })
            );
            let action = match msg {
                Msg::Input(event) => action_for_event_in(&event, state.key_mode()),
                Msg::Action(action) => Some(action),
                Msg::Signal(sig) => {
                    signal = Some(sig);
                    break 'events;
                }
                Msg::Stop => {
                    suspend(&mut terminal, &mut state)?;
                    redraw = true;
                    continue;
                }
                Msg::Continued => {
                    // After SIGSTOP and `fg` the terminal is in the shell's modes; after
                    // our own stop it is already back, and doing it again costs a frame.
                    tui::reenter(&mut terminal)?;
                    resize_to_terminal(&mut terminal, &mut state)?;
                    redraw = true;
                    continue;
                }
                Msg::InputClosed => break 'events,
            };
            let Some(action) = action else { continue };
            for effect in update(&mut state, action) {
                match effect {
                    Effect::Redraw => redraw = true,
                    Effect::ClearScreen => {
                        tui::clear(&mut terminal)?;
                        redraw = true;
                    }
                    Effect::Quit => break 'events,
                    Effect::Suspend => {
                        suspend(&mut terminal, &mut state)?;
                        redraw = true;
                    }
                    Effect::RunSearch => run_search(&runner, &state),
                    Effect::RunIndexSearch => {
                        if let (Some(live), Some((generation, query))) =
                            (&live_index, state.search.pending_index_request())
                        {
                            live.search(generation, query);
                        }
                    }
                    Effect::SaveMemory => session.save(&mut state, false),
                    Effect::CopyToClipboard => {
                        if let Some(text) = state.clipboard.take() {
                            use std::io::Write as _;
                            let mut out = std::io::stdout();
                            out.write_all(crate::state::clipboard::osc52(&text).as_bytes())?;
                            out.flush()?;
                        }
                    }
                }
            }
        }
        // Draw for the size the terminal has now: in a burst of resizes the last event
        // read may carry a size the terminal has already left (issue 18, case 3).
        redraw |= follow_terminal_size(&mut terminal, &mut state)?;
        if repaint {
            tui::clear(&mut terminal)?;
            redraw = true;
        }
        if redraw {
            terminal.draw(|f| ui::draw(f, &state))?;
        }
        request_photos(photos.as_ref(), &mut state);
        start_analysis(&mut analysis, &spawn_analysis, &state, &mut asked);
    }
    drop(guard);
    // On quit and on SIGTERM/SIGHUP alike: where the reader stopped, its marks and
    // searches (the signal thread's grace period leaves time for this small write).
    session.save(&mut state, false);
    if let Some(sig) = signal {
        // Die of the signal as the parent expects, now that the terminal is restored.
        signal_hook::low_level::emulate_default_handler(sig)?;
    }
    // The process ends as soon as this returns: freeing the pages of a large archive
    // read into memory one allocation at a time takes 0.1 s per 600 MB (and would take
    // far longer on a machine that swaps), so the state is left to the operating system. The workers hold nothing that needs
    // closing: an index build cut off never wrote its manifest and is redone.
    std::mem::forget(state);
    Ok(())
}

/// Stops like Ctrl-Z; once continued, takes the terminal's size (it may have been
/// resized while the reader was stopped).
fn suspend(terminal: &mut tui::Term, state: &mut AppState) -> anyhow::Result<()> {
    tui::suspend(terminal)?;
    resize_to_terminal(terminal, state)
}

/// Tells the state the size the terminal has now.
fn resize_to_terminal(terminal: &mut tui::Term, state: &mut AppState) -> anyhow::Result<()> {
    let size = terminal.size()?;
    let resize = Action::ResizeScreen {
        width: size.width,
        height: size.height,
    };
    update(state, resize);
    Ok(())
}

/// Applies the terminal's present size when the state has another; true when it did.
fn follow_terminal_size(terminal: &mut tui::Term, state: &mut AppState) -> anyhow::Result<bool> {
    let size = terminal.size()?;
    if (size.width, size.height) == state.size {
        return Ok(false);
    }
    resize_to_terminal(terminal, state)?;
    Ok(true)
}

/// A terminal cell's size in pixels, from the window size the kernel keeps (no
/// query); half-blocks' 10×20 when the terminal leaves it unset.
fn cell_pixels() -> (u16, u16) {
    match ratatui::crossterm::terminal::window_size() {
        Ok(w) if w.width > 0 && w.height > 0 && w.columns > 0 && w.rows > 0 => {
            (w.width / w.columns, w.height / w.rows)
        }
        _ => crate::state::photos::DEFAULT_CELL,
    }
}

/// Hands the photos now on screen that nobody asked for yet to the decoder.
fn request_photos(worker: Option<&PhotoWorker>, state: &mut AppState) {
    if let Some(worker) = worker {
        worker.request(crate::state::photos::wanted(state));
    }
}

/// Hands the search the state asks for to the background runner.
fn run_search(runner: &SearchRunner, state: &AppState) {
    if let Some((generation, query)) = state.search.pending_request() {
        let from = state.search.pending_first_doc();
        runner.search_from(generation, Arc::clone(&state.docs), query, from);
    }
}

/// What the analysis worker needs, or `None` with `--keywords 0` (then jieba is never
/// loaded).
pub fn analysis_options(options: &AnalysisOptions) -> Option<(SegmenterOptions, KeywordOptions)> {
    let opts = options.keywords;
    (opts.top > 0).then(|| (options.segmenter.clone(), opts))
}

/// Starts the analysis worker once no pages are loading any more, then keeps asking
/// it for what is on screen.
fn start_analysis(
    analysis: &mut Option<AnalysisWorker>,
    spawn: &dyn Fn(Arc<[Document]>) -> Option<AnalysisWorker>,
    state: &AppState,
    asked: &mut Vec<(usize, usize)>,
) {
    if analysis.is_none() && state.loading.is_none() {
        // Read on demand, the worker is handed each page it is asked about instead.
        *analysis = spawn(if state.on_demand() {
            Arc::from(Vec::new())
        } else {
            Arc::clone(&state.docs)
        });
    }
    if let Some(handle) = analysis {
        prioritise(handle, state, asked);
    }
}

/// Asks the worker for the articles on screen and around, when that set changed; most
/// urgent is sent last because each request goes to the front of the worker's queue.
fn prioritise(handle: &AnalysisWorker, state: &AppState, asked: &mut Vec<(usize, usize)>) {
    let wanted = crate::state::keywords::wanted(state);
    if wanted.is_empty() || wanted == *asked {
        return;
    }
    for &(doc, article) in wanted.iter().rev() {
        // A stub's text is not its page's: its articles wait until it is parsed.
        match state.docs.get(doc).filter(|_| state.on_demand()) {
            Some(page) if crate::document::stub::is_stub(page) => {}
            Some(page) => handle.prioritise_page(doc, article, Arc::new(page.clone())),
            None => handle.prioritise(doc, article),
        }
    }
    *asked = wanted;
}

/// A worker event as an action for the loop (sent from the worker's thread).
fn analysis_action(event: AnalysisEvent) -> Action {
    match event {
        AnalysisEvent::Ready(seg) => Action::KeywordEngineReady {
            millis: u64::try_from(seg.load_time().as_millis()).unwrap_or(u64::MAX),
        },
        AnalysisEvent::Failed(reason) => Action::KeywordEngineFailed(reason),
        AnalysisEvent::Article {
            doc,
            article,
            analysis,
        } => Action::ArticleAnalysed {
            doc,
            article,
            analysis: SharedAnalysis(analysis),
        },
    }
}

/// The action a terminal event asks for when keys are read in `mode`. Pastes (and
/// IME commits some terminals send as pastes) are typed into the search prompt.
pub fn action_for_event_in(event: &Event, mode: KeyMode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            key_of(key).and_then(|k| keymap::action_in(mode, k))
        }
        Event::Paste(text) if mode == KeyMode::SearchPrompt => {
            Some(Action::InsertSearchText(text.clone()))
        }
        Event::Mouse(mouse) => mouse_action(mouse),
        Event::Resize(width, height) => Some(Action::ResizeScreen {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn key_of(key: &KeyEvent) -> Option<Key> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        _ => return None,
    })
}

fn mouse_action(mouse: &MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollAt {
            column,
            row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::ScrollAt {
            column,
            row,
            down: false,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt { column, row }),
        _ => None,
    }
}
