//! Signals leave the terminal as they found it (issue 18, case 4).
//!
//! Every signal whose default action ends the process restores the terminal first:
//! normal screen, cursor shown, mouse reporting off, canonical mode and echo on. A stop
//! from outside (`kill -TSTP`) restores before stopping, and SIGCONT takes the terminal
//! back and redraws, also after SIGSTOP (which cannot be caught: the shell hands the
//! terminal back in cooked mode, as [`Pty::set_cooked`] does here).

use std::time::{Duration, Instant};

use crate::pty::{Launch, Pty};

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

/// The process kanbao runs as under the shell `p` started (its only child).
fn child_of(p: &Pty) -> String {
    let shell = p.pid().expect("the shell");
    let path = format!("/proc/{shell}/task/{shell}/children");
    let start = Instant::now();
    loop {
        let children = std::fs::read_to_string(&path).unwrap_or_default();
        if let Some(pid) = children.split_whitespace().next() {
            return pid.to_string();
        }
        assert!(start.elapsed() < WAIT, "no child under the shell");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn kill(sig: &str, pid: &str) {
    let ok = std::process::Command::new("kill")
        .args([&format!("-{sig}"), pid])
        .status()
        .expect("run kill")
        .success();
    assert!(ok, "kill -{sig} {pid}");
}

#[test]
fn a_stop_from_outside_restores_and_fg_redraws() {
    // A job-control shell, as a user has: a stop is only a stop when someone can `fg`
    // (the kernel drops SIGTSTP to an orphaned process group, and so does kanbao).
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("no bash: the job-control test is skipped");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_kanbao");
    let mut p = Pty::start(&Launch {
        args: &[],
        shell: Some("bash --norc --noprofile --noediting -i"),
        cols: 80,
        rows: 24,
        ..Launch::default()
    });
    p.send(&format!("'{bin}' --keywords 0\r"));
    p.wait_for("the reader", |s| {
        s.alternate_screen() && s.contents().contains('%')
    });
    let kanbao = child_of(&p);
    kill("TSTP", &kanbao);
    p.wait_for("the shell's job report", |s| {
        !s.alternate_screen() && s.contents().contains("Stopped")
    });
    assert_restored(&p, "TSTP");
    p.send("fg\r");
    p.wait_for("the reader again", |s| {
        s.alternate_screen() && s.contents().contains('%')
    });
    wait_until("raw mode", &mut p, |p| !cooked(&p.tty_modes()));
    p.send("q");
    p.wait_for("the shell again", |s| !s.alternate_screen());
    assert_restored(&p, "quit after TSTP and fg");
    // Dropping the session ends the shell.
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
