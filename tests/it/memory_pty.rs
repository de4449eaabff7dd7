//! Issue 13 in a pseudo-terminal: the reader resumes where the last run stopped (the
//! sample, and a directory at another terminal width), and marks outlive a restart.
//! Each test keeps its own home ([`crate::home`]) across the runs it starts.

use crate::home::Home;
use crate::pty::{Launch, Pty, status_row};

/// The article pane's part of row `y` (right of the section list's border).
fn pane_row(screen: &vt100::Screen, y: u16) -> String {
    let (_, cols) = screen.size();
    let row = screen
        .rows(0, cols.get())
        .nth(usize::from(y))
        .unwrap_or_default();
    row.split_once('│')
        .map_or(row.clone(), |(_, r)| r.to_string())
}

fn pane_top(screen: &vt100::Screen, rows: u16) -> String {
    (0..rows)
        .map(|y| pane_row(screen, y))
        .collect::<Vec<_>>()
        .join("\n")
}

fn start(home: &Home, cols: u16, rows: u16, args: &[&str]) -> Pty {
    let mut p = Pty::start(&Launch {
        args,
        cols,
        rows,
        home: Some(home),
        ..Launch::default()
    });
    p.wait_for("the reader", |s| status_row(s).contains('%'));
    p
}

fn headline(doc: &kanbao::document::Document, article: usize) -> String {
    let span = doc.articles[article].title.as_ref().expect("a headline");
    let text: String = doc.text[span.range.clone()].chars().take(6).collect();
    text
}

#[test]
fn the_sample_reopens_at_the_fourth_article_and_says_so() {
    let home = Home::new();
    let mut p = start(&home, 100, 30, &["--keywords", "0"]);
    p.send("]]]");
    p.wait_for("article 4", |s| status_row(s).contains("article 4/8"));
    assert_eq!(p.quit(), 0);

    let mut p = start(&home, 100, 30, &["--keywords", "0"]);
    p.wait_for("the resume message", |s| {
        status_row(s).contains("resumed at article 4")
    });
    let fourth = headline(&crate::support::sample_doc(), 3);
    let screen = p.parser.screen().clone();
    assert!(
        pane_top(&screen, 3).contains(&fourth),
        "{fourth} not at the top:\n{}",
        screen.contents()
    );
    assert!(status_row(&screen).contains("article 4/8"));
    assert_eq!(p.quit(), 0);

    // --no-resume opens at the top; the position stays remembered.
    let mut p = start(&home, 100, 30, &["--keywords", "0", "--no-resume"]);
    p.wait_for("the first article", |s| {
        status_row(s).contains("article 1/8")
    });
    assert!(!status_row(p.parser.screen()).contains("resumed"));
    assert_eq!(p.quit(), 0);
}

#[test]
fn a_directory_reopens_on_the_same_article_at_another_width() {
    let home = Home::new();
    let dir = home.dir.join("pages");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("01.md"), kanbao::input::SAMPLE).unwrap();
    let briefs = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/briefs.md"
    ))
    .unwrap();
    std::fs::write(dir.join("02.md"), &briefs).unwrap();
    std::fs::write(
        dir.join("03.md"),
        kanbao::input::SAMPLE.replace("平城", "平成"),
    )
    .unwrap();
    let path = dir.to_string_lossy().into_owned();
    let args = ["--keywords", "0", path.as_str()];

    let mut p = start(&home, 100, 30, &args);
    p.wait_for("three pages loaded", |s| s.contents().contains("03.md"));
    // The third page (typed as a count), then its third article.
    p.send("3P]]");
    p.wait_for("page 3, article 3", |s| {
        let row = status_row(s);
        row.contains("article 3/8") && row.contains("3/3")
    });
    assert_eq!(p.quit(), 0);

    // Another width: the same article is at the top, by byte offset, not line.
    let mut p = start(&home, 72, 20, &args);
    p.wait_for("the resume message", |s| {
        status_row(s).contains("resumed at page 3/3, article 3")
    });
    let third = headline(&crate::support::sample_doc(), 2).replace("平城", "平成");
    let screen = p.parser.screen().clone();
    let top = (0..5).map(|y| screen.rows(0, 72).nth(y).unwrap_or_default());
    assert!(
        top.collect::<String>().contains(&third),
        "{third} not at the top:\n{}",
        screen.contents()
    );
    assert_eq!(p.quit(), 0);
}

#[test]
fn marks_return_and_outlive_a_restart_and_quote_quote_undoes_a_jump() {
    let home = Home::new();
    let mut p = start(&home, 100, 30, &["--keywords", "0"]);
    p.send("]]jjjma");
    // The mark's message comes after the moves are drawn.
    p.wait_for("the mark set", |s| status_row(s).contains("mark a set"));
    assert!(status_row(p.parser.screen()).contains("article 3/8"));
    let marked = pane_row(p.parser.screen(), 0);
    p.send("G");
    p.wait_for("the end", |s| status_row(s).contains("100%"));
    assert_ne!(pane_row(p.parser.screen(), 0), marked);
    p.send("'a");
    p.wait_for("the marked line at the top", |s| pane_row(s, 0) == marked);
    assert_eq!(p.quit(), 0);

    // A new run, opened at the top: the mark is still there.
    let mut p = start(&home, 100, 30, &["--keywords", "0", "--no-resume"]);
    p.wait_for("the first article", |s| {
        status_row(s).contains("article 1/8")
    });
    p.send("'a");
    p.wait_for("the marked line after a restart", |s| {
        pane_row(s, 0) == marked
    });
    p.send("G");
    p.wait_for("the end", |s| status_row(s).contains("100%"));
    p.send("''");
    p.wait_for("back to before G", |s| pane_row(s, 0) == marked);
    assert_eq!(p.quit(), 0);
}

#[test]
fn a_hangup_or_terminate_saves_the_position_too() {
    for signal in ["TERM", "HUP"] {
        let home = Home::new();
        let mut p = start(&home, 100, 30, &["--keywords", "0"]);
        p.send("]]");
        p.wait_for("article 3", |s| status_row(s).contains("article 3/8"));
        p.kill(signal);
        p.wait_exit();
        let mut p = start(&home, 100, 30, &["--keywords", "0"]);
        p.wait_for("the resume after SIGTERM/SIGHUP", |s| {
            status_row(s).contains("resumed at article 3")
        });
        assert_eq!(p.quit(), 0);
    }
}

#[test]
fn an_edited_page_resumes_at_the_same_text() {
    let home = Home::new();
    let page = home.dir.join("page.md");
    std::fs::write(&page, kanbao::input::SAMPLE).unwrap();
    let path = page.to_string_lossy().into_owned();
    let args = ["--keywords", "0", path.as_str()];
    let mut p = start(&home, 100, 30, &args);
    p.send("]]]");
    p.wait_for("article 4", |s| status_row(s).contains("article 4/8"));
    assert_eq!(p.quit(), 0);
    // A new article above: every byte offset moved, the text is still there.
    let edited = format!(
        "## 更正启事\n\n本报昨日第一版一处人名有误,特此更正。\n\n{}",
        kanbao::input::SAMPLE
    );
    std::fs::write(&page, edited).unwrap();
    let mut p = start(&home, 100, 30, &args);
    p.wait_for("the resume in the edited page", |s| {
        status_row(s).contains("resumed at article")
    });
    let fourth = headline(&crate::support::sample_doc(), 3);
    assert!(pane_top(p.parser.screen(), 3).contains(&fourth));
    assert_eq!(p.quit(), 0);
}

#[test]
fn the_search_history_outlives_the_run() {
    let home = Home::new();
    let mut p = start(&home, 100, 30, &["--keywords", "0"]);
    p.send("/人口普查\r");
    p.wait_for("the matches", |s| status_row(s).contains("match"));
    assert_eq!(p.quit(), 0);
    let mut p = start(&home, 100, 30, &["--keywords", "0"]);
    p.send("/");
    p.wait_for("the prompt", |s| status_row(s).starts_with('/'));
    p.send("\x1b[A");
    p.wait_for("the last run's query", |s| {
        status_row(s).contains("人口普查")
    });
    p.send("\x1b");
    p.wait_for("the prompt closed", |s| !status_row(s).starts_with('/'));
    assert_eq!(p.quit(), 0);
}
