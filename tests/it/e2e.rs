//! The reader in a pseudo-terminal ([`crate::pty`]): the first screen, jumping to an
//! article, resize, SIGTERM and Ctrl-Z all leave the terminal as they found it.

use crate::pty::Pty;

/// The part of each row right of the section list's border.
fn pane_rows(screen: &vt100::Screen) -> Vec<String> {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .map(|row| {
            row.split_once('│')
                .map_or(row.clone(), |(_, pane)| pane.to_string())
        })
        .collect()
}

fn sample_index_of(headline_start: &str) -> usize {
    let doc = kanbao::document::parse("sample.md", kanbao::input::SAMPLE);
    (0..doc.articles.len())
        .find(|&i| doc.article_label(i).starts_with(headline_start))
        .expect("headline in the sample")
}

#[test]
fn starts_on_the_sample_with_the_section_list() {
    let mut s = Pty::start_with(100, 30, &[]);
    s.wait_for("the section list", |screen| {
        let text = screen.contents();
        text.contains("用行动诠释爱的力量") && text.contains("sample.md") && text.contains('│')
    });
    assert!(
        s.parser.screen().alternate_screen(),
        "reader runs on the alternate screen"
    );
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn jumping_to_the_fourth_article_puts_its_headline_at_the_top() {
    let index = sample_index_of("党建引领促发展");
    let mut s = Pty::start_with(100, 30, &[]);
    s.wait_for("the first screen", |screen| {
        screen.contents().contains("sample.md")
    });
    s.send(&format!("{index}]"));
    s.wait_for("the headline in the top rows of the pane", |screen| {
        pane_rows(screen)
            .iter()
            .take(4)
            .any(|r| r.contains("党建引领促发展"))
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn resize_then_quit_exits_cleanly_and_leaves_the_alternate_screen() {
    let mut s = Pty::start_with(100, 30, &[]);
    s.wait_for("the first screen", |screen| {
        screen.contents().contains("sample.md")
    });
    s.send("3]");
    s.resize(50, 16);
    s.wait_for("the status line on the new last row", |screen| {
        screen
            .rows(0, 50)
            .nth(15)
            .is_some_and(|r| r.contains("sample.md"))
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "exit status 0");
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen left"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Pty::start_with(80, 24, &[]);
    s.wait_for("the first screen", |screen| {
        screen.contents().contains("sample.md")
    });
    let pid = s.pid().expect("pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let _ = s.wait_exit();
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen left"
    );
}

#[test]
fn ctrl_z_without_job_control_comes_straight_back() {
    // The pty's session has no shell to stop us, so the kernel drops SIGTSTP: the
    // reader must restore, come back into the alternate screen and go on working.
    let mut s = Pty::start_with(80, 24, &[]);
    s.wait_for("the first screen", |screen| {
        screen.contents().contains("sample.md")
    });
    s.send("\x1a");
    s.send("]");
    s.wait_for("the second article after resuming", |screen| {
        screen.alternate_screen() && screen.rows(0, 80).last().is_some_and(|r| r.contains("2/"))
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(!s.parser.screen().alternate_screen());
}
