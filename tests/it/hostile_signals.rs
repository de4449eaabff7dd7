//! Signals leave the terminal as they found it (issue 18, case 4).
//!
//! Every signal whose default action ends the process restores the terminal first:
//! normal screen, cursor shown, mouse reporting off, canonical mode and echo on. A stop
//! from outside (`kill -TSTP`) restores before stopping, and SIGCONT takes the terminal
//! back and redraws, also after SIGSTOP (which cannot be caught: the shell hands the
//! terminal back in cooked mode, as [`Pty::set_cooked`] does here).

use std::time::{Duration, Instant};

use crate::pty::Pty;

const WAIT: Duration = Duration::from_secs(30);

/// kanbao on the bundled sample, keywords off (no jieba: quicker to start).
fn reader() -> Pty {
    let mut p = Pty::start_with(80, 24, &["--keywords", "0"]);
    p.wait_for("the reader", |s| {
        s.alternate_screen() && s.contents().contains('%')
    });
    p
}

/// `stty -a` says canonical mode and echo are on.
fn cooked(modes: &str) -> bool {
    let has = |flag: &str| modes.split_whitespace().any(|w| w == flag);
    has("icanon") && has("echo")
}

/// Asserts the terminal is as a shell expects it.
fn assert_restored(p: &Pty, what: &str) {
    let s = p.parser.screen();
    assert!(
        !s.alternate_screen(),
        "{what}: still on the alternate screen"
    );
    assert!(!s.hide_cursor(), "{what}: cursor hidden");
    assert_eq!(
        s.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "{what}: mouse reporting on"
    );
    assert!(!s.bracketed_paste(), "{what}: bracketed paste on");
    let modes = p.tty_modes();
    assert!(cooked(&modes), "{what}: not in cooked mode: {modes}");
}

fn wait_until(what: &str, p: &mut Pty, check: impl Fn(&mut Pty) -> bool) {
    let start = Instant::now();
    while !check(p) {
        assert!(start.elapsed() < WAIT, "timed out waiting for {what}");
        p.read_chunk(Duration::from_millis(50));
    }
}

#[test]
fn ending_signals_restore_the_terminal() {
    for sig in ["QUIT", "USR1", "ALRM", "TERM", "HUP"] {
        let mut p = reader();
        p.kill(sig);
        p.wait_exit();
        assert_restored(&p, sig);
    }
}

#[test]
fn a_stop_from_outside_restores_and_continue_redraws() {
    let mut p = reader();
    p.kill("TSTP");
    wait_until("the stop", &mut p, |p| p.stopped());
    // Drain what it wrote before stopping.
    while p.read_chunk(Duration::from_millis(200)) {}
    assert_restored(&p, "TSTP");
    p.kill("CONT");
    p.wait_for("the reader again", |s| {
        s.alternate_screen() && s.contents().contains('%')
    });
    wait_until("raw mode", &mut p, |p| !cooked(&p.tty_modes()));
    assert_eq!(p.quit(), 0);
    assert_restored(&p, "quit after TSTP");
}

#[test]
fn continued_after_sigstop_takes_the_terminal_back() {
    let mut p = reader();
    p.kill("STOP");
    wait_until("the stop", &mut p, |p| p.stopped());
    // What a shell does when a job stops: its own modes back, the screen its own.
    p.set_cooked();
    p.parser.process(b"\x1b[?1049l\x1b[2J");
    assert!(!p.parser.screen().contents().contains('%'));
    p.kill("CONT");
    p.wait_for("the reader redrawn", |s| {
        s.alternate_screen() && s.contents().contains('%')
    });
    wait_until("raw mode", &mut p, |p| !cooked(&p.tty_modes()));
    // Keys work again: `q` quits.
    assert_eq!(p.quit(), 0);
    assert_restored(&p, "quit after STOP and CONT");
}
