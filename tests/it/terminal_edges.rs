//! The reader on unusual terminals (issue 8, item 6): `TERM=dumb`, the page on standard
//! input while keys come from the terminal, and very small and very large screens.
//! Piped stdout is covered in `cli.rs` (`piped_stdout_prints_the_page_text`).

use crate::input::fixture;
use crate::pty::{Launch, Pty};
use crate::scan::{Token, tokens, violations};

#[test]
fn dumb_terminal_gets_the_text_without_escapes() {
    let mut p = Pty::start(&Launch {
        args: &["--keywords", "0"],
        term: "dumb",
        ..Launch::default()
    });
    assert_eq!(p.wait_exit(), 0);
    let out = String::from_utf8_lossy(&p.raw);
    assert!(
        out.contains("平城区全力打造现代服务业高质量发展新引擎"),
        "{out}"
    );
    let escapes: Vec<_> = tokens(&p.raw)
        .into_iter()
        .filter(|t| matches!(t, Token::Csi { .. } | Token::Esc(_)))
        .collect();
    assert!(escapes.is_empty(), "{escapes:?}");
}

#[test]
fn page_on_standard_input_with_keys_from_the_terminal() {
    let page = fixture("agency.md");
    let mut p = Pty::start(&Launch {
        args: &["--keywords", "0", "-"],
        stdin_file: page.to_str(),
        ..Launch::default()
    });
    p.wait_for("the piped page in the reader", |s| {
        s.alternate_screen() && s.contents().contains("全国秋粮收购进展顺利")
    });
    p.send("]");
    p.wait_for("the second article", |s| {
        s.contents().contains("山西加快推进大同副中心城市建设") && s.contents().contains("2/")
    });
    assert_eq!(p.quit(), 0);
    assert!(!p.parser.screen().alternate_screen());
    assert!(violations(&p.raw).is_empty());
}

/// Starts at `cols`×`rows`, presses a few keys, resizes to each of `then`, quits.
fn survives(cols: u16, rows: u16, then: &[(u16, u16)]) -> Pty {
    let mut p = Pty::start(&Launch {
        args: &["--keywords", "0"],
        cols,
        rows,
        ..Launch::default()
    });
    p.wait_for("the reader", vt100::Screen::alternate_screen);
    for keys in ["j", "G", "]", "\t", "?", "?"] {
        p.send(keys);
    }
    for &(c, r) in then {
        p.resize(c, r);
        p.send("j");
    }
    assert_eq!(p.quit(), 0, "{cols}x{rows} then {then:?}");
    assert!(!p.parser.screen().alternate_screen());
    let bad = violations(&p.raw);
    assert!(bad.is_empty(), "{bad:?}");
    p
}

#[test]
fn tiny_terminals() {
    survives(1, 1, &[(2, 3), (1, 1)]);
    survives(2, 3, &[(3, 2), (9, 4)]);
}

#[test]
fn huge_terminal() {
    let mut p = Pty::start(&Launch {
        args: &["--keywords", "0"],
        cols: 500,
        rows: 200,
        ..Launch::default()
    });
    p.wait_for("the status line on row 200", |s| {
        s.rows(0, 500).nth(199).is_some_and(|r| r.contains('%'))
    });
    p.send("G");
    p.send("]");
    assert_eq!(p.quit(), 0);
    assert!(violations(&p.raw).is_empty());
    survives(500, 200, &[(1, 1), (500, 200)]);
}

#[test]
fn growing_to_a_huge_terminal_redraws_at_that_size() {
    let mut p = Pty::start(&Launch {
        args: &["--keywords", "0"],
        cols: 20,
        rows: 5,
        ..Launch::default()
    });
    p.wait_for("the reader", vt100::Screen::alternate_screen);
    p.resize(500, 200);
    p.wait_for("the status line on row 200", |s| {
        s.rows(0, 500).nth(199).is_some_and(|r| r.contains('%'))
    });
    assert_eq!(p.quit(), 0);
}
