//! The real binary in a pty: the first frame (with `关键词…`) is on screen before
//! any keyword line; with `--keywords 0`, jieba is never set up.

use std::time::{Duration, Instant};

use crate::pty::Pty;

const TIMEOUT: Duration = Duration::from_secs(20);

/// Runs kanbao with `args`; returns the screen after each chunk of output, until
/// `done` holds for one (or the timeout).
fn screens(args: &[&str], done: impl Fn(&str) -> bool, linger: Duration) -> Vec<String> {
    let mut p = Pty::start_with(100, 30, args);
    let mut out = Vec::new();
    let start = Instant::now();
    let mut until = start + TIMEOUT;
    while Instant::now() < until {
        if !p.read_chunk(Duration::from_millis(20)) {
            continue;
        }
        let screen = p.parser.screen().contents();
        if done(&screen) && until > Instant::now() + linger {
            until = Instant::now() + linger;
        }
        out.push(screen);
    }
    out
}

#[test]
fn first_frame_comes_before_the_keywords() {
    let shots = screens(&[], |s| s.contains("关键词："), Duration::ZERO);
    let first = shots
        .iter()
        .position(|s| s.contains("为扮靓城市环境"))
        .expect("a first frame");
    let keywords = shots
        .iter()
        .position(|s| s.contains("关键词："))
        .expect("keywords in the end");
    assert!(
        shots[first].contains("关键词…"),
        "pending in the first frame"
    );
    assert!(first < keywords, "first frame before jieba's results");
}

#[test]
fn keywords_zero_never_sets_up_jieba() {
    // A dictionary that cannot be read: loading jieba would report it.
    let bad = ["--dict", "/nonexistent/kanbao-dict.txt"];
    let on = screens(&bad, |s| s.contains("keywords off"), Duration::ZERO);
    assert!(on.last().is_some_and(|s| s.contains("keywords off")));
    let mut args = bad.to_vec();
    args.extend(["--keywords", "0"]);
    // After the first frame, linger for a failure that must not come (the proof is
    // `keywords_zero_never_starts_jieba`; this checks the binary is wired to it).
    let off = screens(
        &args,
        |s| s.contains("为扮靓城市环境"),
        Duration::from_millis(500),
    );
    let last = off.last().expect("a frame");
    assert!(last.contains("为扮靓城市环境"));
    assert!(!last.contains("关键词"), "no keyword row with --keywords 0");
    assert!(!last.contains("keywords off"));
}
