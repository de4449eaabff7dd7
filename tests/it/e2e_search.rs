//! Search in the real binary, in a pseudo-terminal (issue 5): typing a Chinese query
//! shows the count in the status line, `n` moves on, `--search` opens with it active.
//! Waits poll the screen (see `pty.rs`); nothing here asserts timing.

use crate::pty::{Pty, status_row as status};

#[test]
fn typing_a_chinese_query_shows_the_count_and_n_moves_on() {
    let mut s = Pty::start_with(100, 30, &[]);
    s.wait_for("the first screen", |screen| {
        screen.contents().contains("sample.md")
    });
    s.send("/人口普查");
    s.wait_for("the prompt with the count", |screen| {
        let st = status(screen);
        st.starts_with("/人口普查") && st.contains("1/24")
    });
    s.send("\r");
    s.wait_for("match 1/24 in the status line", |screen| {
        status(screen).contains("match 1/24 · 2 articles")
    });
    s.send("n");
    s.wait_for("match 2/24", |screen| status(screen).contains("match 2/24"));
    // Backspace over a wide character in the prompt removes the whole 字.
    s.send("/人口普查\x7f");
    s.wait_for("the prompt without 查", |screen| {
        let st = status(screen);
        st.starts_with("/人口普") && !st.starts_with("/人口普查")
    });
    s.send("\x1b");
    s.wait_for("the prompt closed", |screen| {
        !status(screen).starts_with('/')
    });
    // A paste (bracketed, as a terminal sends it) lands in the prompt as one string.
    s.send("/\x1b[200~人口普查\x1b[201~");
    s.wait_for("the pasted query and its count", |screen| {
        let st = status(screen);
        st.starts_with("/人口普查") && st.contains("/24")
    });
    s.send("\x1b");
    s.wait_for("the prompt closed again", |screen| {
        !status(screen).starts_with('/')
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn search_flag_opens_with_the_first_match_shown() {
    let mut s = Pty::start_with(100, 30, &["--search", "人口普查"]);
    s.wait_for("match 1/24 at start", |screen| {
        status(screen).contains("match 1/24")
    });
    s.send("F");
    s.wait_for("the results list", |screen| {
        screen.contents().contains("for 人口普查")
    });
    s.send("G\r");
    s.wait_for("the last match", |screen| {
        status(screen).contains("match 24/24")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}
