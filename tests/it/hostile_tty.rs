//! No document byte reaches the terminal as a control sequence (issue 8, item 3), and
//! the terminal edge cases (item 6): `TERM=dumb`, the page on standard input, tiny and
//! huge terminals.
//!
//! The real binary runs in a pty on hostile pages; every byte it writes is split into
//! escape sequences ([`crate::scan`]) and each must be one the renderer sends.

use std::process::Stdio;

use crate::input::{fixture, scratch};
use crate::pty::{Launch, Pty};
use crate::scan::{non_text, violations};

/// A page holding every control a document could try: each C0 control but NUL (a NUL
/// makes the file "not a page"), DEL, each C1 control as UTF-8, CSI sequences, OSC 0/2
/// titles, OSC 52 clipboard, an OSC 8 hyperlink, DCS, APC, SOS and PM strings, and bidi
/// overrides, in headings, body, list items and a table.
pub fn hostile_page() -> Vec<u8> {
    let mut c0 = String::new();
    for b in 1u8..0x20 {
        if b != b'\n' && b != b'\r' {
            c0.push('甲');
            c0.push(char::from(b));
        }
    }
    c0.push_str("乙\x7f丙");
    let c1: String = (0x80u32..=0x9f)
        .filter_map(char::from_u32)
        .flat_map(|c| ['丁', c])
        .collect();
    let text = format!(
        "## 标题\x1b]0;pwned title\x07一\x1b]2;title two\x1b\\\n\n\
         ### 小标题\x1b[31m红\x1b[0m\n\n\
         正文{c0}。\n\n\
         控制{c1}。\n\n\
         剪贴板\x1b]52;c;cm0gLXJmIH4K\x07写入。超链接\x1b]8;;http://evil.example\x1b\\点我\x1b]8;;\x1b\\。\n\n\
         设备\x1bPq#0;2;0;0;0#0~~\x1b\\控制\x1b_Gf=100;AAAA\x1b\\程序\x1bXsos\x1b\\私密\x1b^pm\x1b\\。\n\n\
         光标\x1b[2J\x1b[H\x1b[10;10H\x1b[?1049l\x1b[?25h\x1b7\x1b8\x1bc移动\x1b[6n\x1b[21t。\n\n\
         双向\u{202e}文字覆盖\u{202c}与\u{2067}隔离\u{2069}和\u{200f}标记。\n\n\
         - 列表\x1b]0;list\x07项\n\
         - 八位\u{9b}31m字节\u{9d}0;t\u{9c}\n\n\
         | 表\x1b[1m格 | 值\x07 |\n| --- | --- |\n| 甲\x1b]52;c;eA==\x07 | 乙 |\n\n\
         ## 第二篇\u{9b}2J文章\n\n\
         结尾\x1b]0;end\x07。\n"
    );
    let mut bytes = text.into_bytes();
    // Raw 8-bit C1 bytes (invalid UTF-8): CSI 2 J and OSC 0 ; t ST.
    bytes.extend_from_slice("原始".as_bytes());
    bytes.extend_from_slice(b"\x9b2J\x9d0;t\x9c");
    bytes.extend_from_slice("字节。\n".as_bytes());
    bytes
}

/// Writes [`hostile_page`] into a scratch directory of its own (`test` names it).
fn hostile_file(test: &str) -> String {
    let dir = scratch(test);
    let path = dir.join("hostile.md");
    std::fs::write(&path, hostile_page()).unwrap();
    path.to_str().unwrap().to_string()
}

fn assert_renderer_only(p: &Pty, what: &str) {
    let bad = violations(&p.raw);
    assert!(bad.is_empty(), "{what}: foreign sequences {bad:?}");
}

/// Opens `path`, moves through it (down, end, a resize, next article, back to the top),
/// quits, and returns the session with everything it wrote.
fn read_through(path: &str) -> Pty {
    let args = [path];
    let mut p = Pty::start(&Launch {
        args: &args,
        cols: 90,
        rows: 28,
        ..Launch::default()
    });
    p.wait_for("the reader", |s| {
        s.alternate_screen() && s.contents().contains('%')
    });
    for keys in ["\t", "j", "j", "G", "g"] {
        p.send(keys);
    }
    p.resize(41, 13);
    p.wait_for("the status line on the new last row", |s| {
        s.rows(0, 41).nth(12).is_some_and(|r| r.contains('%'))
    });
    for keys in ["]", "j", "G", "[", "?"] {
        p.send(keys);
    }
    p.resize(120, 40);
    p.send("?");
    assert_eq!(p.quit(), 0);
    assert!(!p.parser.screen().alternate_screen());
    p
}

#[test]
fn the_escapes_fixture_never_talks_to_the_terminal() {
    let p = read_through(fixture("escapes.md").to_str().unwrap());
    assert_renderer_only(&p, "escapes.md");
    // The page was shown: its escapes as placeholders.
    assert!(String::from_utf8_lossy(&p.raw).contains("␛]52;c;"));
}

#[test]
fn every_control_a_page_can_hold_stays_on_the_page() {
    let path = hostile_file("hostile-tty");
    let p = read_through(&path);
    assert_renderer_only(&p, "hostile.md");
    let shown = String::from_utf8_lossy(&p.raw);
    assert!(shown.contains("pwned"), "the hostile text is shown");
}

#[test]
fn dumps_and_pipes_print_text_only() {
    let hostile = hostile_file("hostile-dump");
    let escapes = fixture("escapes.md");
    for path in [hostile.as_str(), escapes.to_str().unwrap()] {
        for args in [&["--dump", "text"][..], &["--dump", "json"], &[]] {
            let out = crate::home::kanbao()
                .args(args)
                .arg(path)
                .stdin(Stdio::null())
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{path} {args:?}");
            let bad = non_text(&out.stdout);
            assert!(bad.is_empty(), "{path} {args:?}: {bad:?}");
            let bad = non_text(&out.stderr);
            assert!(bad.is_empty(), "{path} {args:?} stderr: {bad:?}");
            assert!(String::from_utf8_lossy(&out.stdout).contains('␛'));
        }
    }
}
