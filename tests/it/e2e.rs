//! The real binary in a pseudo-terminal, read back through a vt100 parser.
//!
//! Each wait polls the screen until its condition holds or a generous timeout passes, so
//! the tests do not depend on how fast the machine is; nothing here asserts timing.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

pub(crate) struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero size")
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    pub(crate) fn start(cols: u16, rows: u16) -> Self {
        Self::start_with(cols, rows, &[])
    }

    /// Starts kanbao with command-line arguments.
    pub(crate) fn start_with(cols: u16, rows: u16, args: &[&str]) -> Self {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kanbao"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).expect("spawn kanbao");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            master: pair.master,
            writer,
            output,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
        }
    }

    fn pump(&mut self, wait: Duration) -> bool {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => {
                self.parser.process(&bytes);
                while let Ok(more) = self.output.try_recv() {
                    self.parser.process(&more);
                }
                true
            }
            Err(_) => false,
        }
    }

    /// Waits until `check` holds for the screen; panics with the screen after TIMEOUT.
    pub(crate) fn wait_for(&mut self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while !check(self.parser.screen()) {
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{}",
                self.parser.screen().contents()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    pub(crate) fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(size(cols, rows)).expect("resize");
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
    }

    /// Waits for the process to end; returns whether it exited successfully.
    pub(crate) fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                while self.pump(Duration::from_millis(100)) {}
                return status.success();
            }
            assert!(start.elapsed() < TIMEOUT, "kanbao did not exit");
            self.pump(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

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
    let mut s = Session::start(100, 30);
    s.wait_for("the section list", |screen| {
        let text = screen.contents();
        text.contains("用行动诠释爱的力量") && text.contains("sample.md") && text.contains('│')
    });
    assert!(
        s.parser.screen().alternate_screen(),
        "reader runs on the alternate screen"
    );
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn jumping_to_the_fourth_article_puts_its_headline_at_the_top() {
    let index = sample_index_of("党建引领促发展");
    let mut s = Session::start(100, 30);
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
    assert!(s.wait_exit());
}

#[test]
fn resize_then_quit_exits_cleanly_and_leaves_the_alternate_screen() {
    let mut s = Session::start(100, 30);
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
    assert!(s.wait_exit(), "exit status 0");
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen left"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(80, 24);
    s.wait_for("the first screen", |screen| {
        screen.contents().contains("sample.md")
    });
    let pid = s.child.process_id().expect("pid");
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
    let mut s = Session::start(80, 24);
    s.wait_for("the first screen", |screen| {
        screen.contents().contains("sample.md")
    });
    s.send("\x1a");
    s.send("]");
    s.wait_for("the second article after resuming", |screen| {
        screen.alternate_screen() && screen.rows(0, 80).last().is_some_and(|r| r.contains("2/"))
    });
    s.send("q");
    assert!(s.wait_exit());
    assert!(!s.parser.screen().alternate_screen());
}
