//! Quitting while the archive is still being read and indexed (issue 17): `q` must
//! end the process at once, with the terminal restored, rather than wait for the
//! background workers (the index build of a large archive runs for minutes); and the
//! index build it cut off must not be trusted half-written by the next opening.

use std::time::{Duration, Instant};

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
    let pressed = Instant::now();
    let code = p.quit();
    let took = pressed.elapsed();
    assert_eq!(code, 0, "exit code");
    assert!(
        took < PROMPT,
        "kanbao took {took:?} to exit after q while indexing"
    );
    let s = p.parser.screen();
    assert!(!s.alternate_screen(), "still on the alternate screen");
    assert!(!s.hide_cursor(), "cursor hidden");
    let modes = p.tty_modes();
    assert!(cooked(&modes), "not in cooked mode: {modes}");
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
