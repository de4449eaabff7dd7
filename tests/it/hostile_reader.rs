//! The reader under hostile terminal input (issue 18): bursts of resizes and of keys.
//!
//! The real binary in a pty; each check waits for the screen (generous timeouts, no
//! timing assertions).

use crate::pty::Pty;

/// The status line (it ends with `q:quit` when the terminal is wide) on row `row`.
fn status_on_row(s: &vt100::Screen, cols: u16, row: usize) -> bool {
    s.rows(0, cols)
        .nth(row)
        .is_some_and(|r| r.contains('%') && r.trim_end().ends_with("q:quit"))
}

#[test]
fn a_burst_of_resizes_ends_drawn_for_the_last_size() {
    let mut p = Pty::start_with(100, 30, &["--keywords", "0"]);
    p.wait_for("the reader", |s| status_on_row(s, 100, 29));
    // The race the issue saw in 2 runs of 3: a few rounds make it likely to show.
    for round in 0..4 {
        for (cols, rows) in [(50, 20), (5, 3), (100, 30)] {
            p.resize(cols, rows);
        }
        let what = format!("a 100×30 frame after burst {round}");
        p.wait_for(&what, |s| {
            status_on_row(s, 100, 29)
                && s.rows(0, 100)
                    .take(29)
                    .filter(|r| !r.trim().is_empty())
                    .count()
                    > 10
        });
    }
    assert_eq!(p.quit(), 0);
}

#[test]
fn a_bad_dictionary_never_leaves_the_terminal_raw() {
    // Refused before the reader takes the terminal.
    let mut p = Pty::start_with(80, 24, &["--dict", "/dev/zero"]);
    assert_eq!(p.wait_exit(), 2);
    p.wait_for("the message", |s| {
        s.contents().contains("not a regular file")
    });
    assert!(!p.parser.screen().alternate_screen());
    // A malformed line: the reader runs on, keywords off, the line named.
    let dir = crate::input::scratch("reader-bad-dict");
    let dict = dir.join("dict.txt");
    std::fs::write(&dict, "好词 3 n\n坏词 x\n").unwrap();
    let mut p = Pty::start_with(200, 24, &["--dict", dict.to_str().unwrap()]);
    p.wait_for("keywords off, line 2", |s| {
        s.alternate_screen()
            && s.contents().contains("keywords off")
            && s.contents().contains("line 2")
    });
    assert_eq!(p.quit(), 0);
    assert!(!p.parser.screen().alternate_screen());
}

#[test]
fn the_reader_names_a_directory_too_deep_to_search() {
    let dir = crate::input::scratch("reader-deep");
    std::fs::write(dir.join("top.md"), "## 顶层\n\n顶层的正文。\n").unwrap();
    let mut deep = dir.clone();
    for _ in 0..70 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("deep.md"), "## 深处\n\n深处的正文。\n").unwrap();
    let mut p = Pty::start_with(200, 20, &["--keywords", "0", dir.to_str().unwrap()]);
    p.wait_for("the skip on the status line", |s| {
        s.alternate_screen() && s.contents().contains("顶层") && s.contents().contains("skipped")
    });
    assert_eq!(p.quit(), 0);
}

/// The article pane's rows (right of the section list's border), trimmed.
fn article_rows(s: &vt100::Screen, cols: u16) -> Vec<String> {
    s.rows(0, cols)
        .map(|r| {
            r.split_once('│')
                .map_or(r.clone(), |(_, a)| a.trim().to_string())
        })
        .collect()
}

#[test]
fn five_thousand_keys_at_once_are_all_applied() {
    let dir = crate::input::scratch("burst");
    let page = dir.join("burst.md");
    let body: String = (1..=6000)
        .map(|i| format!("## 第{i}篇文章标题\n\n这是第{i}篇的正文，说明情况。\n\n"))
        .collect::<Vec<_>>()
        .concat();
    std::fs::write(&page, body).unwrap();
    let args = ["--keywords", "0", page.to_str().unwrap()];
    // Where 5,000 lines down is, asked with a count.
    let mut counted = Pty::start_with(100, 12, &args);
    counted.wait_for("the reader", |s| s.contents().contains("第1篇"));
    counted.send("5000j");
    counted.wait_for("the view to move", |s| !s.contents().contains("这是第1篇"));
    while counted.read_chunk(std::time::Duration::from_millis(300)) {}
    let expected = article_rows(counted.parser.screen(), 100);
    assert_eq!(counted.quit(), 0);
    // The same as 5,000 keys sent at once (in writes the pty's buffer takes whole).
    let mut burst = Pty::start_with(100, 12, &args);
    burst.wait_for("the reader", |s| s.contents().contains("第1篇"));
    for _ in 0..5 {
        burst.send(&"j".repeat(1000));
    }
    burst.wait_for("all 5,000 keys applied", |s| {
        article_rows(s, 100) == expected
    });
    assert_eq!(burst.quit(), 0);
}
