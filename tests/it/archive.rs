//! The reader over an archive (issue 17, points 2 and 3): its search goes through the
//! directory's index when there is one (hits on pages not parsed yet wait for their
//! page, then open at their sentence), `--no-index` keeps the in-memory search, date
//! filters (`date:` in the prompt, `--from`/`--to`) hold with and without an index,
//! the index is built in the background with a progress line, and a cache that cannot
//! be written is one message and an in-memory search. Caches live in scratch
//! directories (or the spawned reader's own home), never in the real one.
// Dates as `yyyymmdd` read best without separators.
#![allow(clippy::unreadable_literal)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use clap::Parser;
use kanbao::action::Action;
use kanbao::analysis::dates::DateRange;
use kanbao::analysis::shared_jieba::SharedJieba;
use kanbao::document::Document;
use kanbao::index::live::{LiveIndex, Sink};
use kanbao::index::{Archive, build};
use kanbao::input::LoadOptions;
use kanbao::layout::LayoutOptions;
use kanbao::state::search::IndexStatus;
use kanbao::state::{AppState, Effect, HighlightKind, update};

use crate::input::scratch;
use crate::pty::{Launch, Pty, status_row};
use crate::support::{render, screen_text};

use crate::index::MARKED;

/// An archive of six generated pages and the marked one, dated after them (so it is the
/// last page in reading order); a cache directory for it.
fn archive(name: &str) -> (PathBuf, PathBuf) {
    crate::index::archive_with_marked(name, "2031-03-04_第2版.md")
}

/// An archive large enough for the reader to index it by itself
/// (`AUTO_BUILD_PAGES`): small pages, then the marked one.
fn wide_archive(name: &str) -> PathBuf {
    let root = scratch(name).join("papers");
    std::fs::create_dir_all(&root).unwrap();
    let n = kanbao::index::live::AUTO_BUILD_PAGES;
    for i in 0..n {
        let page = format!("## 第{i}条消息\n\n社区志愿者走进小区。居民踊跃参加。\n");
        std::fs::write(root.join(format!("2020-01-01_第{}版.md", i + 1)), page).unwrap();
    }
    std::fs::write(root.join("2031-03-04_第2版.md"), MARKED).unwrap();
    root
}

fn all_pages(root: &Path) -> Vec<Document> {
    kanbao::loader::load_everything(&[root.to_path_buf()], &LoadOptions::default())
        .unwrap()
        .docs
}

/// Waits for the first action from the index that `pick` accepts.
pub(crate) fn wait_for(rx: &mpsc::Receiver<Action>, pick: impl Fn(&Action) -> bool) -> Action {
    loop {
        let action = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the index answers");
        if pick(&action) {
            return action;
        }
    }
}

fn live(root: &Path, cache: &Path) -> (LiveIndex, mpsc::Receiver<Action>) {
    let (tx, rx) = mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let sink: Arc<Sink> = Arc::new(move |a| tx.lock().is_ok_and(|tx| tx.send(a).is_ok()));
    let live = LiveIndex::spawn(
        &[root.to_path_buf()],
        Some(cache.to_path_buf()),
        0,
        SharedJieba::default(),
        sink,
    )
    .expect("a directory has an index");
    (live, rx)
}

#[test]
fn an_index_hit_on_a_page_not_parsed_yet_opens_at_its_sentence() {
    let (root, cache) = archive("archive-pending");
    let docs = all_pages(&root);
    assert_eq!(docs.len(), 7);
    assert!(docs[6].source.ends_with("2031-03-04_第2版.md"));
    // The index is built from nothing on a worker: progress, then ready.
    let (live, rx) = live(&root, &cache);
    // The reader has parsed the first page only; six more are loading.
    let mut state = AppState::opening(vec![docs[0].clone()], 7, LayoutOptions::default(), (80, 24));
    let mut progressed = false;
    loop {
        let action = wait_for(&rx, |_| true);
        progressed |= matches!(action, Action::IndexProgress { total: 7, .. });
        let ready = matches!(action, Action::IndexReady);
        update(&mut state, action);
        if ready {
            break;
        }
    }
    assert!(progressed, "a first build reports its progress");
    assert_eq!(state.search.index, IndexStatus::Ready);
    assert_eq!(state.search.indexing, None);

    let effects = update(&mut state, Action::SearchFor("台风 防灾".into()));
    assert!(effects.contains(&Effect::RunIndexSearch), "{effects:?}");
    let (generation, query) = state.search.pending_index_request().unwrap();
    live.search(generation, query);
    let answer = wait_for(&rx, |a| matches!(a, Action::ApplyArchiveResults(_)));
    update(&mut state, answer);
    let status = state.search.status().unwrap();
    assert!(status.contains("1 in the archive"), "{status}");
    assert!(status.contains("1 on pages still loading"), "{status}");
    assert!(state.search.active.as_ref().unwrap().matches.is_empty());

    // The page arrives: the hit is placed and the view opens at its sentence.
    update(&mut state, Action::PagesLoaded(docs[1..].to_vec()));
    let active = state.search.active.as_ref().unwrap();
    assert!(active.done);
    assert_eq!(active.current, Some(0));
    let (doc, m) = &active.matches[0];
    assert_eq!(*doc, 6);
    assert_eq!(&state.docs[6].text[m.range.clone()], "颱風");
    let screen = screen_text(render(&state).backend().buffer());
    assert!(screen.contains("颱風"), "{screen}");
    // The hit is on screen as the current match (its sentence's line is drawn).
    assert!(
        state
            .highlights
            .iter()
            .any(|h| h.kind == HighlightKind::CurrentMatch && h.doc == 6 && h.range == m.range),
        "{:?}",
        state.highlights
    );
    let status = state.search.status().unwrap();
    assert!(!status.contains("still loading"), "{status}");
}

#[test]
fn an_up_to_date_index_is_ready_at_once_and_keeps_to_the_dates_asked() {
    let (root, cache) = archive("archive-dates");
    let archive = Archive::locate_in(&root, &cache).unwrap();
    build::update(&archive, &mut |_| {}).unwrap();
    let (live, rx) = live(&root, &cache);
    let mut state = AppState::new(all_pages(&root), LayoutOptions::default(), 80, 24);
    let ready = wait_for(&rx, |a| matches!(a, Action::IndexReady));
    update(&mut state, ready);
    // Nothing changed: no progress line.
    assert_eq!(state.search.indexing, None);
    let ask = |state: &mut AppState, text: &str| {
        update(state, Action::SearchFor(text.into()));
        let (generation, query) = state.search.pending_index_request().unwrap();
        live.search(generation, query);
        let answer = wait_for(&rx, |a| matches!(a, Action::ApplyArchiveResults(_)));
        update(state, answer);
        let a = state.search.active.as_ref().unwrap();
        assert!(a.done);
        a.matches.iter().map(|(d, _)| *d).collect::<Vec<_>>()
    };
    assert_eq!(ask(&mut state, "台风"), vec![6]);
    assert!(ask(&mut state, "台风 date:2020-01..2030-12").is_empty());
    assert_eq!(ask(&mut state, "台风 date:2031-03"), vec![6]);
    // `--from`/`--to` as the command line sets them; the prompt's `date:` wins.
    state.search.dates = Some(DateRange {
        from: 20000100,
        to: 20301299,
    });
    assert!(ask(&mut state, "台风").is_empty());
    assert_eq!(ask(&mut state, "台风 date:2031"), vec![6]);
}

/// Pages of three dates, each holding 甲.
fn dated_pages() -> Vec<Document> {
    [
        "2020-01-10_第1版.md",
        "2020-03-05_第1版.md",
        "2020-06-01_第2版.md",
    ]
    .iter()
    .map(|name| kanbao::document::parse(name, "## 标题\n\n甲乙丙。\n"))
    .collect()
}

fn matched_docs(state: &AppState) -> Vec<usize> {
    let a = state.search.active.as_ref().unwrap();
    assert!(a.done);
    let mut docs: Vec<usize> = a.matches.iter().map(|(d, _)| *d).collect();
    docs.dedup();
    docs
}

#[test]
fn date_words_in_the_prompt_keep_the_in_memory_search_to_those_pages() {
    let mut state = AppState::new(dated_pages(), LayoutOptions::default(), 80, 24);
    assert_eq!(state.search.index, IndexStatus::Off);
    update(&mut state, Action::SearchFor("甲".into()));
    assert_eq!(matched_docs(&state), vec![0, 1, 2]);
    update(&mut state, Action::SearchFor("甲 date:2020-03".into()));
    assert_eq!(matched_docs(&state), vec![1]);
    update(
        &mut state,
        Action::SearchFor("甲 date:2020-02..2020-06".into()),
    );
    assert_eq!(matched_docs(&state), vec![1, 2]);
    // Typed in the prompt, as the user does.
    update(&mut state, Action::OpenSearchPrompt);
    update(
        &mut state,
        Action::InsertSearchText("date:2020-01 甲".into()),
    );
    update(&mut state, Action::ConfirmSearch);
    assert_eq!(matched_docs(&state), vec![0]);
}

#[test]
fn from_and_to_on_the_command_line_keep_every_search_to_those_dates() {
    let cli =
        kanbao::cli::Cli::try_parse_from(["kanbao", "--from", "2020-02", "--to", "2020-05", "x"])
            .unwrap();
    let options = cli.options();
    let dates = options.search.dates.unwrap();
    assert_eq!((dates.from, dates.to), (20200200, 20200599));
    assert!(!options.search.no_index);
    let mut state = AppState::new(dated_pages(), LayoutOptions::default(), 80, 24);
    state.search.dates = options.search.dates;
    update(&mut state, Action::SearchFor("甲".into()));
    assert_eq!(matched_docs(&state), vec![1]);
    let cli = kanbao::cli::Cli::try_parse_from(["kanbao", "--from", "soon", "x"]);
    assert!(cli.is_err());
    let cli = kanbao::cli::Cli::try_parse_from(["kanbao", "--no-index", "x"]).unwrap();
    assert!(cli.options().search.no_index);
}

#[test]
fn the_status_line_shows_the_index_being_built() {
    let mut state = AppState::new(dated_pages(), LayoutOptions::default(), 100, 24);
    update(
        &mut state,
        Action::IndexProgress {
            done: 1234,
            total: 5000,
        },
    );
    assert_eq!(state.search.index, IndexStatus::Building);
    let screen = screen_text(render(&state).backend().buffer());
    assert!(screen.contains("indexing 1,234/5,000 pages"), "{screen}");
    // While it builds, search scans the pages in memory.
    let effects = update(&mut state, Action::SearchFor("甲".into()));
    assert!(!effects.contains(&Effect::RunIndexSearch));
    assert_eq!(matched_docs(&state), vec![0, 1, 2]);
    update(&mut state, Action::IndexReady);
    let screen = screen_text(render(&state).backend().buffer());
    assert!(!screen.contains("indexing"), "{screen}");
}

/// The reader on `root` in a pty, searched for 台风 once the index had time to be
/// ready; the status line after.
fn search_in_reader(root: &Path, extra: &[&str], home: &crate::home::Home) -> String {
    let root = root.to_string_lossy().into_owned();
    let mut args: Vec<&str> = vec![&root, "--keywords", "0"];
    args.extend_from_slice(extra);
    let mut pty = Pty::start(&Launch {
        args: &args,
        cols: 120,
        rows: 30,
        home: Some(home),
        ..Launch::default()
    });
    pty.wait_for("the first page", |s| s.contents().contains("page 1/"));
    // Searching until the index answers (or, without one, the in-memory search does);
    // the status line is taken as soon as it says so.
    let indexed = !extra.contains(&"--no-index");
    let mut status = String::new();
    'tries: for _ in 0..30 {
        pty.send("/台风\r");
        for _ in 0..10 {
            status = status_row(pty.screen_after(Duration::from_millis(100)));
            let answered = status.contains("match 1/") || status.contains("matches ·");
            if answered && (!indexed || status.contains("in the archive")) {
                break 'tries;
            }
        }
    }
    pty.quit();
    status
}

#[test]
fn the_reader_builds_the_index_and_searches_through_it_unless_told_not_to() {
    let root = wide_archive("archive-reader");
    let home = crate::home::Home::new();
    let status = search_in_reader(&root, &[], &home);
    assert!(status.contains("in the archive"), "{status}");
    assert!(home.dir.join("cache/kanbao/index").is_dir());
    // Whole words too go through the index (jieba checks its candidates; before,
    // they were searched in memory and the status line named no archive).
    let status = search_in_reader(&root, &["--whole-word"], &home);
    assert!(status.contains("in the archive"), "{status}");
    let other = crate::home::Home::new();
    let status = search_in_reader(&root, &["--no-index"], &other);
    assert!(status.contains("· 1 article"), "{status}");
    assert!(!status.contains("in the archive"), "{status}");
    assert!(
        !other.dir.join("cache/kanbao").exists(),
        "--no-index builds nothing"
    );
}

#[test]
fn a_cache_that_cannot_be_written_is_one_message_and_an_in_memory_search() {
    let root = wide_archive("archive-readonly");
    let home = crate::home::Home::new();
    // A file where the cache directory should be: nothing can be created under it,
    // for root as for anyone (a mode of 0o555 does not stop root).
    std::fs::write(home.dir.join("cache"), b"not a directory").unwrap();
    let root_s = root.to_string_lossy().into_owned();
    let mut pty = Pty::start(&Launch {
        args: &[&root_s, "--keywords", "0"],
        cols: 160,
        rows: 30,
        home: Some(&home),
        ..Launch::default()
    });
    pty.wait_for("the message", |s| {
        status_row(s).contains("no index, searching in memory: cannot write")
    });
    pty.send("/台风\r");
    // (The match may be counted before it is shown: pages arrive while it searches.)
    pty.wait_for("an in-memory match", |s| {
        status_row(s).contains(" · 1 article")
    });
    let status = status_row(pty.screen_after(Duration::from_millis(10)));
    assert!(!status.contains("in the archive"), "{status}");
    pty.quit();
}

fn hit(page: usize, source: &str) -> kanbao::analysis::search::archive::ArchiveHit {
    kanbao::analysis::search::archive::ArchiveHit {
        page,
        source: source.into(),
        article: 0,
        at: 0,
        date: 0,
    }
}

#[test]
fn hits_are_found_by_name_past_skipped_pages_and_dropped_when_their_page_never_comes() {
    let page = |name: &str| kanbao::document::parse(name, "## 标题\n\n甲乙丙。\n");
    // Four pages were found; the second will fail to open, so the third is parsed as
    // the second document; the fourth never arrives either.
    let mut state = AppState::opening(vec![page("a.md")], 4, LayoutOptions::default(), (80, 24));
    update(&mut state, Action::IndexReady);
    let effects = update(&mut state, Action::SearchFor("甲".into()));
    assert!(effects.contains(&Effect::RunIndexSearch));
    let (generation, _) = state.search.pending_index_request().unwrap();
    let batch = kanbao::analysis::search::archive::ArchiveBatch {
        generation,
        hits: vec![hit(0, "a.md"), hit(2, "c.md"), hit(3, "d.md")],
        total: 3,
        exact: true,
        error: None,
    };
    update(&mut state, Action::ApplyArchiveResults(batch));
    assert_eq!(matched_so_far(&state), vec![0]);
    update(&mut state, Action::PagesLoaded(vec![page("c.md")]));
    assert_eq!(matched_so_far(&state), vec![0, 1]);
    assert!(!state.search.active.as_ref().unwrap().done);
    update(
        &mut state,
        Action::LoadFinished {
            skipped: vec!["b.md: unreadable".into(), "d.md: unreadable".into()],
        },
    );
    let a = state.search.active.as_ref().unwrap();
    assert!(a.done, "nothing is left to wait for");
    assert_eq!(matched_so_far(&state), vec![0, 1]);
}

#[test]
fn an_index_that_fails_to_answer_falls_back_to_the_pages_in_memory() {
    let mut state = AppState::new(dated_pages(), LayoutOptions::default(), 80, 24);
    update(&mut state, Action::IndexReady);
    update(&mut state, Action::SearchFor("甲".into()));
    let (generation, _) = state.search.pending_index_request().unwrap();
    let batch = kanbao::analysis::search::archive::ArchiveBatch {
        generation,
        hits: Vec::new(),
        total: 0,
        exact: true,
        error: Some("the index failed: broken".into()),
    };
    update(&mut state, Action::ApplyArchiveResults(batch));
    assert_eq!(matched_docs(&state), vec![0, 1, 2]);
    assert_eq!(state.search.index, IndexStatus::Unavailable);
    assert!(
        state
            .message
            .as_deref()
            .unwrap()
            .contains("searching the pages in memory")
    );
}

fn matched_so_far(state: &AppState) -> Vec<usize> {
    let mut docs: Vec<usize> = state
        .search
        .active
        .as_ref()
        .unwrap()
        .matches
        .iter()
        .map(|(d, _)| *d)
        .collect();
    docs.dedup();
    docs
}
