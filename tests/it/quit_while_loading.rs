//! Quitting while the archive is still being read and indexed (issue 17): `q` must
//! end the process at once, with the terminal restored, rather than wait for the
//! background workers (the index build of a large archive runs for minutes); and the
//! index build it cut off must not be trusted half-written by the next opening; an
//! update of an existing index cut off likewise leaves an index that is whole.

use std::time::{Duration, Instant};

use kanbao::analysis::search::{MatchMode, Query};
use kanbao::index::Archive;
use kanbao::index::query::{DateRange, Searcher};

use crate::home::Home;
use crate::pty::{Launch, Pty};

/// More than the reader indexes on its own (`AUTO_BUILD_PAGES`), and enough that
/// building their index takes far longer than the test waits before pressing `q`.
const PAGES: usize = 600;
/// A generous bound: quitting takes milliseconds; a reader that waited for its index
/// build would take tens of seconds here (and minutes on a real archive).
const PROMPT: Duration = Duration::from_secs(5);

/// Page `n`: a few stories of a few paragraphs.
fn page(n: usize) -> String {
    (0..4)
        .map(|s| {
            let body = (0..6)
                .map(|i| {
                    format!(
                        "第{n}版第{s}篇第{i}段，居民们在社区里交流生活中的变化，日子越过越好了。"
                    )
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            format!("## 第{n}版要闻之{s}\n\n{body}\n")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn cooked(modes: &str) -> bool {
    let has = |flag: &str| modes.split_whitespace().any(|w| w == flag);
    has("icanon") && has("echo")
}

/// Presses `q` and checks that kanbao exits with 0 within [`PROMPT`] and leaves the
/// terminal as it found it (main screen, cursor shown, cooked mode).
fn quit_at_once_and_restored(p: &mut Pty, what: &str) {
    let pressed = Instant::now();
    let code = p.quit();
    let took = pressed.elapsed();
    assert_eq!(code, 0, "exit code");
    assert!(took < PROMPT, "kanbao took {took:?} to exit after q {what}");
    let s = p.parser.screen();
    assert!(!s.alternate_screen(), "still on the alternate screen");
    assert!(!s.hide_cursor(), "cursor hidden");
    let modes = p.tty_modes();
    assert!(cooked(&modes), "not in cooked mode: {modes}");
}

#[test]
fn q_while_the_index_is_being_built_exits_at_once_and_the_next_opening_rebuilds() {
    let home = Home::new();
    let root = home.dir.join("papers");
    std::fs::create_dir_all(&root).expect("dir");
    for n in 1..=PAGES {
        std::fs::write(root.join(format!("p{n:04}.md")), page(n)).expect("page");
    }
    let root_arg = root.to_str().expect("a UTF-8 path");
    let mut p = Pty::start(&Launch {
        args: &[root_arg],
        cols: 100,
        rows: 30,
        home: Some(&home),
        ..Launch::default()
    });
    p.wait_for("the first page", |s| s.contents().contains("第1版要闻之0"));
    // The index build starts once the first frame is out: let it get going.
    p.screen_after(Duration::from_millis(300));
    quit_at_once_and_restored(&mut p, "while indexing");
    // The build was cut off long before its commit: the next build trusts none of
    // it and indexes every page.
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"));
    home.apply(&mut cmd);
    let out = cmd
        .args(["index", "-q", root_arg])
        .output()
        .expect("kanbao index runs");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains(&format!("{PAGES} pages, {PAGES} indexed")),
        "the next build indexes every page: {said}"
    );
}

/// Pages changed since the last build: how many, and the word only their new story has.
const CHANGED: usize = 300;
const NEW_WORD: &str = "更新稿";

#[test]
fn q_during_an_incremental_index_update_exits_at_once_and_the_index_stays_whole() {
    let home = Home::new();
    let root = home.dir.join("papers");
    std::fs::create_dir_all(&root).expect("dir");
    for n in 1..=PAGES {
        std::fs::write(root.join(format!("p{n:04}.md")), page(n)).expect("page");
    }
    let root_arg = root.to_str().expect("a UTF-8 path");
    let index = || {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"));
        home.apply(&mut cmd);
        let out = cmd
            .args(["index", "-q", root_arg])
            .output()
            .expect("kanbao index runs");
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{said}");
        said
    };
    let said = index();
    assert!(
        said.contains(&format!("{PAGES} pages, {PAGES} indexed")),
        "{said}"
    );
    // Half the pages get a story more: the reader's opening updates their index. Its
    // lines differ from page to page (a line every page ends with is a running
    // footer, not text), and no headline names a page (`第n版` is the page's label).
    for n in 1..=CHANGED {
        let place = |k: usize| {
            char::from_u32(0x4E00 + u32::try_from(k).expect("small")).expect("a CJK character")
        };
        let (a, b) = (place(n / 64), place(100 + n % 64));
        let story = format!("\n## {a}{b}小区新貌\n\n{NEW_WORD}写的是{a}{b}小区的新变化。\n");
        let path = root.join(format!("p{n:04}.md"));
        let mut text = std::fs::read_to_string(&path).expect("page");
        text.push_str(&story);
        std::fs::write(&path, text).expect("page");
    }
    let mut p = Pty::start(&Launch {
        args: &[root_arg],
        cols: 100,
        rows: 30,
        home: Some(&home),
        ..Launch::default()
    });
    p.wait_for("the update under way", |s| {
        s.contents().contains("indexing ")
    });
    quit_at_once_and_restored(&mut p, "while updating its index");
    // The cut-off update is either kept whole or not at all: the next `kanbao index`
    // indexes what it did not keep (the changed pages at most), removes nothing, and
    // the index then finds the new story on every changed page, once.
    let said = index();
    let indexed: usize = said
        .split(&format!("{PAGES} pages, "))
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a summary: {said}"));
    assert!(
        indexed <= CHANGED,
        "only changed pages indexed again: {said}"
    );
    assert!(said.contains(", 0 removed"), "{said}");
    let cache = home.dir.join("cache").join("kanbao");
    let archive = Archive::locate_in(&root, &cache).expect("the archive");
    let searcher = Searcher::open(&archive).expect("a trusted index");
    let found = searcher
        .search(
            &Query::parse(NEW_WORD, MatchMode::Substring),
            DateRange::default(),
            10,
            None,
        )
        .expect("the index answers");
    assert_eq!(
        found.total, CHANGED,
        "one new story on each changed page: {said}"
    );
}
