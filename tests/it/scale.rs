//! Opening many pages: the background load delivers every page in order, skips what
//! cannot be opened, and never moves the reader; pathological inputs (a very long
//! line, one huge paragraph, many tiny articles) lose no text. Correctness only: the
//! timings live in `benches/hot_paths.rs` and `examples/frame_times.rs`.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use kanbao::action::Action;
use kanbao::document::Document;
use kanbao::layout::{LayoutOptions, lay_out};
use kanbao::loader;
use kanbao::state::{AppState, Pos, sections, update};

use crate::pty::Pty;

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("kanbao-scale-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes `pages` generated pages named `p1.md` … and returns the directory.
fn corpus(name: &str, pages: usize) -> TempDir {
    let dir = TempDir::new(name);
    for i in 0..pages {
        let text = kanbao_corpus::generate_page(7, i);
        std::fs::write(dir.0.join(format!("p{}.md", i + 1)), text).unwrap();
    }
    dir
}

fn opts(width: u16) -> LayoutOptions {
    LayoutOptions {
        width,
        ..LayoutOptions::default()
    }
}

/// Runs the background part of `opening` to the end, feeding what it sends to a
/// reader state; returns the state.
fn load_into_state(opening: loader::Opening) -> AppState {
    let mut state = AppState::opening(opening.docs, opening.total, opts(80), (100, 30));
    let Some(rest) = opening.rest else {
        return state;
    };
    let (tx, rx) = mpsc::channel();
    rest.spawn(state.docs.len(), move |a| tx.send(a).is_ok());
    loop {
        let action = rx.recv_timeout(Duration::from_secs(60)).unwrap();
        let finished = matches!(action, Action::LoadFinished { .. });
        update(&mut state, action);
        if finished {
            return state;
        }
    }
}

#[test]
fn background_load_delivers_every_page_in_order_and_skips_bad_ones() {
    let dir = corpus("order", 24);
    std::fs::write(dir.0.join("p5.md"), b"\x89PNG\r\n\x1a\n\0\0\0binary").unwrap();
    let opening = loader::open(
        std::slice::from_ref(&dir.0),
        &kanbao::input::LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(
        opening.docs.len(),
        1,
        "only the first page before the first frame"
    );
    assert_eq!(opening.total, 24);
    let state = load_into_state(opening);

    let names: Vec<String> = state
        .docs
        .iter()
        .map(|d| d.source.rsplit('/').next().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (1..=24)
        .filter(|&i| i != 5)
        .map(|i| format!("p{i}.md"))
        .collect();
    assert_eq!(names, expected);
    assert!(state.loading.is_none());
    let message = state.message.clone().unwrap_or_default();
    assert!(message.contains("p5.md"), "{message}");

    // The list built piece by piece is the list built at once.
    assert_eq!(state.list.entries, list_built_at_once(&state));
}

#[test]
fn every_page_loaded_in_parallel_is_the_page_parsed_alone() {
    let dir = corpus("same", 9);
    let all = loader::load_everything(
        std::slice::from_ref(&dir.0),
        &kanbao::input::LoadOptions::default(),
    )
    .unwrap()
    .docs;
    // Alone, but with the running headers of their directory (the generated pages
    // share a date line and a page-number line).
    let pages: Vec<kanbao::input::PageSource> = (1..=9)
        .map(|i| kanbao::input::PageSource::File(dir.0.join(format!("p{i}.md"))))
        .collect();
    let running = kanbao::input::running::scan(&pages, None);
    assert!(!running.is_empty());
    let alone: Vec<Document> = pages
        .iter()
        .map(|page| {
            let bytes = kanbao::input::read_bytes(page).unwrap();
            kanbao::input::document_from_vec_in(&page.name(), bytes, None, running.for_page(page))
                .unwrap()
        })
        .collect();
    assert_eq!(all, alone);
}

#[test]
fn a_lone_bad_page_is_still_an_error() {
    let dir = TempDir::new("lone");
    let path = dir.0.join("x.md");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let err = loader::open(&[path], &kanbao::input::LoadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("x.md"), "{err}");
}

#[test]
fn pages_arriving_do_not_move_the_reader() {
    let docs: Vec<Document> = (0..6)
        .map(|i| kanbao::document::parse(&format!("p{i}"), &kanbao_corpus::generate_page(3, i)))
        .collect();
    let mut state = AppState::opening(docs[..1].to_vec(), 6, opts(80), (100, 30));
    for _ in 0..7 {
        update(&mut state, Action::MoveDown);
    }
    let top = state.reader.top;
    let selected = state.list.selected;
    let entries = state.list.entries.clone();
    assert_ne!(top, Pos::default());
    update(&mut state, Action::LoadProgress { done: 3, total: 6 });
    assert!(state.loading.is_some());
    update(&mut state, Action::PagesLoaded(docs[1..3].to_vec()));
    update(&mut state, Action::PagesLoaded(docs[3..].to_vec()));
    assert_eq!(state.reader.top, top);
    assert_eq!(state.list.selected, selected);
    assert_eq!(state.list.entries[..entries.len()], entries[..]);
    assert_eq!(state.list.entries, list_built_at_once(&state));
    // G now reaches the last page.
    update(&mut state, Action::JumpToEnd);
    let last = state.reader.units[state.reader.top.unit];
    assert_eq!(last.doc, 5);
}

fn six_pages() -> Vec<Document> {
    (0..6)
        .map(|i| kanbao::document::parse(&format!("p{i}"), &kanbao_corpus::generate_page(3, i)))
        .collect()
}

#[test]
fn g_while_loading_goes_on_to_the_true_end() {
    let docs = six_pages();
    let mut state = AppState::opening(docs[..1].to_vec(), 6, opts(80), (100, 30));
    update(&mut state, Action::JumpToEnd);
    assert_eq!(state.reader.units[state.reader.top.unit].doc, 0);
    let said = state.message.clone().unwrap_or_default();
    assert!(said.contains("still loading"), "{said}");
    update(&mut state, Action::PagesLoaded(docs[1..3].to_vec()));
    assert_eq!(
        state.reader.units[state.reader.top.unit].doc, 2,
        "follows the load"
    );
    update(&mut state, Action::PagesLoaded(docs[3..].to_vec()));
    update(&mut state, Action::LoadFinished { skipped: vec![] });
    let end = state.reader.top;
    assert_eq!(state.reader.units[end.unit].doc, 5);
    assert!(state.after_load.is_none());
    // Pressing G again after the load stays put: it was the true end.
    update(&mut state, Action::JumpToEnd);
    assert_eq!(state.reader.top, end);
}

#[test]
fn a_key_after_g_while_loading_cancels_the_wait() {
    let docs = six_pages();
    let mut state = AppState::opening(docs[..1].to_vec(), 6, opts(80), (100, 30));
    update(&mut state, Action::JumpToEnd);
    update(&mut state, Action::JumpToStart);
    update(&mut state, Action::PagesLoaded(docs[1..].to_vec()));
    assert_eq!(
        state.reader.top,
        Pos::default(),
        "the reader went back; stay there"
    );
}

#[test]
fn a_page_jump_to_a_page_still_loading_lands_when_it_arrives() {
    let docs = six_pages();
    let mut state = AppState::opening(docs[..1].to_vec(), 6, opts(80), (100, 30));
    state.count = Some(5);
    update(&mut state, Action::JumpToPage);
    assert_eq!(state.reader.top, Pos::default());
    assert!(
        state
            .message
            .as_deref()
            .unwrap_or("")
            .contains("page 5 is still loading")
    );
    update(&mut state, Action::PagesLoaded(docs[1..3].to_vec()));
    assert_eq!(state.reader.top, Pos::default(), "page 5 is not in yet");
    update(&mut state, Action::PagesLoaded(docs[3..].to_vec()));
    let top = state.reader.units[state.reader.top.unit];
    assert_eq!((top.doc, top.article), (4, 0));
    // An article asked for with the page (`--page 5 --article 2`) opens with it.
    let mut state = AppState::opening(docs[..1].to_vec(), 6, opts(80), (100, 30));
    state.count = Some(5);
    update(&mut state, Action::JumpToPage);
    if let Some(kanbao::state::AfterLoad::Page { article, .. }) = &mut state.after_load {
        *article = Some(2);
    }
    update(&mut state, Action::PagesLoaded(docs[1..].to_vec()));
    let top = state.reader.units[state.reader.top.unit];
    assert_eq!((top.doc, top.article), (4, 1));
}

/// Every non-space character of `doc`'s text reaches the laid-out lines.
fn assert_nothing_lost(doc: &Document, width: u16) {
    let layout = lay_out(doc, &opts(width));
    let shown: usize = layout
        .lines
        .iter()
        .map(|l| {
            doc.text
                .get(l.range.clone())
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
        })
        .sum();
    let body: usize = doc.text.chars().filter(|c| !c.is_whitespace()).count();
    assert!(shown >= body * 99 / 100, "shown {shown} of {body}");
    assert!(layout.lines.iter().all(|l| l.width <= width));
}

#[test]
fn a_long_line_and_a_huge_paragraph_are_laid_out_whole() {
    let line = "新华社北京电 记者报道，".repeat(200_000 / 36);
    let doc = kanbao::document::parse("line.md", &line);
    assert_nothing_lost(&doc, 40);
    let para = format!(
        "## 标题\n\n{}\n",
        "据了解，今年以来全市经济运行稳中有进。".repeat(5_000)
    );
    let doc = kanbao::document::parse("para.md", &para);
    assert_nothing_lost(&doc, 77);
}

#[test]
fn many_one_line_articles_each_get_a_unit() {
    let body = "本报讯 全市经济运行稳中有进，各项指标持续向好，市场主体活力不断增强。".repeat(2);
    let text = (0..2_000).fold(String::new(), |mut out, i| {
        let _ = write!(out, "## 第{i}条新闻标题\n\n{body}\n\n");
        out
    });
    let doc = kanbao::document::parse("many.md", &text);
    // (The parser may read a few headlines as subheads; what matters is the scale.)
    assert!(doc.articles.len() > 1_900, "{}", doc.articles.len());
    let articles = doc.articles.len();
    let mut state = AppState::new(vec![doc], opts(80), 100, 30);
    update(&mut state, Action::JumpToEnd);
    assert_eq!(state.reader.units.len(), articles);
    // G shows the last screenful: the top is a few short articles before the end.
    assert!(
        state.reader.top.unit + 10 > articles,
        "{:?}",
        state.reader.top
    );
}

#[test]
fn a_huge_paragraph_is_read_in_parts_that_lose_nothing() {
    let sentence = "据了解，今年以来全市经济运行稳中有进。";
    let body = sentence.repeat(300_000 / sentence.len());
    let next = "本报讯 全市经济运行稳中有进，各项指标持续向好，市场主体活力不断增强。".repeat(2);
    let text = format!("## 全市经济运行稳中有进\n\n{body}\n\n## 第二条新闻标题\n\n{next}\n");
    let doc = kanbao::document::parse("huge.md", &text);
    assert_eq!(doc.articles.len(), 2);
    let block = doc.articles[0].blocks[0].span.range.clone();
    let mut state = AppState::new(vec![doc], opts(37), 41, 20);
    let parts = state.reader.units.len() - 1;
    assert!(parts >= 4, "{parts} parts for 300 KB");

    // The parts' lines cover the paragraph's bytes exactly once, in order.
    let docs = std::sync::Arc::clone(&state.docs);
    let mut covered = block.start;
    for unit in 0..parts {
        for line in state.reader.lines(&docs, unit).iter() {
            assert!(line.width <= state.reader.width());
            if line.block == Some(0) {
                assert_eq!(line.range.start, covered, "unit {unit}");
                covered = line.range.end;
            }
        }
        assert_eq!(state.reader.article_unit(unit), 0);
    }
    assert_eq!(covered, block.end);

    // One list entry per article; `]` from the middle of the long one goes to the next.
    let articles = state
        .list
        .entries
        .iter()
        .filter(|e| matches!(e.kind(), kanbao::state::EntryKind::Article { .. }))
        .count();
    assert_eq!(articles, 2);
    assert_eq!(state.reader.unit_of(0, 1), Some(parts));
    update(&mut state, Action::JumpToStart);
    for _ in 0..3 {
        update(&mut state, Action::ScrollPageDown);
    }
    for _ in 0..200 {
        update(&mut state, Action::ScrollPageDown);
    }
    assert!(state.reader.top.unit > 0, "scrolled into a later part");
    assert_eq!(
        state.list.reading,
        Some(0),
        "still reading the first article"
    );
    update(&mut state, Action::NextArticle);
    assert_eq!(state.reader.top.unit, parts);
    update(&mut state, Action::PrevArticle);
    assert_eq!(state.reader.top.unit, 0);
}

/// The real binary on a directory in a pseudo-terminal: the first frame says
/// `loading`, the load finishes by itself, the skipped page is named, `q` quits.
#[test]
fn the_reader_loads_a_directory_in_the_background() {
    let dir = corpus("pty", 60);
    std::fs::write(dir.0.join("p7.md"), b"\x89PNG\r\n\x1a\n\0\0\0binary").unwrap();
    let mut p = Pty::start_with(120, 30, &[dir.0.to_str().unwrap()]);
    for what in ["p1.md", "page 1/60", "skipped 1 page", "p7.md"] {
        p.wait_for(what, |screen| screen.contents().contains(what));
    }
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_bad_first_page_is_skipped_before_the_first_frame() {
    let dir = corpus("first", 3);
    std::fs::write(dir.0.join("p1.md"), b"\x89PNG\r\n\x1a\n\0\0\0binary").unwrap();
    let opening = loader::open(
        std::slice::from_ref(&dir.0),
        &kanbao::input::LoadOptions::default(),
    )
    .unwrap();
    assert!(opening.docs[0].source.ends_with("p2.md"));
    let state = load_into_state(opening);
    assert_eq!(state.docs.len(), 2);
    assert!(state.message.unwrap_or_default().contains("p1.md"));

    // Every page bad: the first error, as for a single file.
    for i in 2..=3 {
        std::fs::write(dir.0.join(format!("p{i}.md")), b"\0\0\0\0binary").unwrap();
    }
    let err = loader::open(
        std::slice::from_ref(&dir.0),
        &kanbao::input::LoadOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("p1.md"), "{err}");
}

/// The section list of `state`'s pages built and measured in one go, as the list a
/// background load extended page by page must be.
fn list_built_at_once(state: &AppState) -> Vec<kanbao::state::Entry> {
    let mut at_once = sections::build(&state.docs, &state.reader.units);
    sections::measure(
        &mut at_once,
        0,
        &state.docs,
        &state.reader.units,
        state.list.measured.0,
        state.layout.fullwidth_punct,
    );
    at_once
}
