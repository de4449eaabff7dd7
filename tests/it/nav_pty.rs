//! Issue 14's reader behaviour in a pseudo-terminal ([`crate::pty`]): Esc never quits
//! (in list focus, after a count, after a search), Ctrl-f moves a page.

use crate::pty::{Pty, status_row};

fn any_reversed(screen: &vt100::Screen) -> bool {
    let (rows, cols) = screen.size();
    (0..rows.get() - 1)
        .any(|y| (0..cols.get()).any(|x| screen.cell(y, x).is_some_and(vt100::Cell::inverse)))
}

fn started() -> Pty {
    let mut s = Pty::start_with(100, 30, &[]);
    s.wait_for("the first screen", |screen| {
        screen.contents().contains("sample.md")
    });
    s
}

#[test]
fn three_escapes_in_list_focus_after_a_count_and_after_a_search_leave_the_reader_open() {
    let mut s = started();
    // List focus: the selected entry shows in reverse video; Esc gives focus back.
    s.send("\t");
    s.wait_for("a selected list entry", any_reversed);
    s.send("\x1b");
    s.wait_for("no selection after Esc", |screen| !any_reversed(screen));
    // A count shows in the status line; Esc drops it.
    s.send("12");
    s.wait_for("the count", |screen| status_row(screen).contains("12"));
    s.send("\x1b");
    s.wait_for("the count gone", |screen| {
        !status_row(screen).contains("12")
    });
    // A search, kept; Esc clears it.
    s.send("/平城\r");
    s.wait_for("the match count", |screen| {
        status_row(screen).contains("match")
    });
    s.send("\x1b");
    s.wait_for("the search cleared", |screen| {
        !status_row(screen).contains("match")
    });
    // Still alive: the help opens.
    s.send("?");
    s.wait_for("the help", |screen| {
        screen.contents().contains("Esc closes")
    });
    s.send("\x1b");
    s.wait_for("the help closed", |screen| {
        !screen.contents().contains("Esc closes")
    });
    assert_eq!(s.quit(), 0);
}

#[test]
fn ctrl_f_moves_a_page() {
    let mut s = Pty::start_with(100, 30, &[]);
    s.wait_for("the first screen with its percent", |screen| {
        status_row(screen).contains('%')
    });
    let first = status_row(s.parser.screen());
    s.send("\x06");
    s.wait_for("the status line to move on", |screen| {
        status_row(screen) != first
    });
    s.send("\x02");
    s.wait_for("back at the start", |screen| status_row(screen) == first);
    assert_eq!(s.quit(), 0);
}

#[test]
fn in_the_list_ng_selects_the_article_the_status_line_then_calls_n() {
    let mut s = started();
    s.send("\t4G");
    s.wait_for("article 4 in the status line", |screen| {
        status_row(screen).contains("article 4/")
    });
    let screen = s.parser.screen().contents();
    assert!(screen.contains("党建引领促发展"), "{screen}");
    assert_eq!(s.quit(), 0);
}

#[test]
fn at_the_end_of_the_sample_the_status_line_names_the_last_article() {
    let n = kanbao::document::parse("sample.md", kanbao::input::SAMPLE)
        .articles
        .len();
    let mut s = started();
    s.send("G");
    s.wait_for("the last article named", |screen| {
        status_row(screen).contains(&format!("article {n}/{n}"))
    });
    assert_eq!(s.quit(), 0);
}

#[test]
fn article_4_opens_at_its_headline() {
    let mut s = Pty::start_with(100, 30, &["--article", "4"]);
    s.wait_for("article 4 named and its headline at the top", |screen| {
        status_row(screen).contains("article 4/")
            && screen
                .rows(0, 100)
                .take(4)
                .any(|r| r.contains("党建引领促发展"))
    });
    assert_eq!(s.quit(), 0);
}

#[test]
fn y_emits_one_osc_52_sequence_holding_the_article() {
    use kanbao::state::clipboard;
    let doc = kanbao::document::parse("sample.md", kanbao::input::SAMPLE);
    let want = clipboard::base64(clipboard::article_text(&doc, 3).as_bytes());
    let mut s = started();
    s.send("4G");
    s.wait_for("article 4", |screen| {
        status_row(screen).contains("article 4/")
    });
    let before = s.raw.len();
    s.send("y");
    s.wait_for("the copy message", |screen| {
        status_row(screen).contains("copied article 4")
    });
    let out = String::from_utf8_lossy(&s.raw[before..]).into_owned();
    assert_eq!(out.matches("\x1b]52;").count(), 1, "one OSC 52 sequence");
    let start = out.find("\x1b]52;c;").expect("the sequence") + 7;
    let end = start + out[start..].find('\x07').expect("its end");
    assert_eq!(&out[start..end], want, "the article's text in base64");
    assert_eq!(s.quit(), 0);
}
