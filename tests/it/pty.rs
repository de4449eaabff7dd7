//! The real binary in a pseudo-terminal, read back through a vt100 parser: the one
//! harness for every pty test (reader, search, keywords, scale, hostile input).
//!
//! Each wait polls the screen until its condition holds or a generous timeout passes, so
//! the tests do not depend on how fast the machine is; nothing here asserts timing. A
//! session keeps every byte the binary wrote, so a test can scan the raw stream as well
//! as the screen.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(30);

/// How to start kanbao in the pty.
#[derive(Debug, Clone)]
pub struct Launch<'a> {
    pub args: &'a [&'a str],
    pub term: &'a str,
    /// A file piped into kanbao's standard input (`cat FILE | kanbao ARGS`).
    pub stdin_file: Option<&'a str>,
    /// A shell command line to start instead of kanbao (split at spaces), for tests
    /// that type kanbao's command into a shell.
    pub shell: Option<&'a str>,
    pub cols: u16,
    pub rows: u16,
    /// The home kanbao reads its configuration from and keeps its state in; `None`
    /// gives this run a fresh one (see [`crate::home`]).
    pub home: Option<&'a crate::home::Home>,
    /// Extra environment variables (`NO_COLOR`).
    pub env: &'a [(&'a str, &'a str)],
}

impl Default for Launch<'_> {
    fn default() -> Self {
        Self {
            args: &[],
            term: "xterm-256color",
            stdin_file: None,
            shell: None,
            cols: 80,
            rows: 24,
            home: None,
            env: &[],
        }
    }
}

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    /// Every byte read from the pty so far.
    pub raw: Vec<u8>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn parser(cols: u16, rows: u16) -> vt100::Parser {
    let nz = |n: u16| std::num::NonZeroU16::new(n.max(1)).expect("non-zero");
    vt100::Parser::new(nz(rows), nz(cols), 0)
}

impl Pty {
    /// Starts kanbao at `cols`×`rows` with command-line arguments and the defaults.
    pub fn start_with(cols: u16, rows: u16, args: &[&str]) -> Self {
        Self::start(&Launch {
            args,
            cols,
            rows,
            ..Launch::default()
        })
    }

    pub fn start(launch: &Launch) -> Self {
        let pair = native_pty_system()
            .openpty(size(launch.cols, launch.rows))
            .expect("openpty");
        let bin = env!("CARGO_BIN_EXE_kanbao");
        let mut cmd = if let Some(line) = launch.shell {
            let mut words = line.split_whitespace();
            let mut cmd = CommandBuilder::new(words.next().expect("a shell"));
            cmd.args(words);
            cmd
        } else if let Some(file) = launch.stdin_file {
            // The shell quotes nothing: test paths hold no spaces or quotes.
            let mut cmd = CommandBuilder::new("sh");
            let line = format!("cat '{file}' | '{bin}' {}", launch.args.join(" "));
            cmd.args(["-c", &line]);
            cmd
        } else {
            let mut cmd = CommandBuilder::new(bin);
            cmd.args(launch.args);
            cmd
        };
        cmd.env("TERM", launch.term);
        // Never the real home, and never another run's reading position.
        let owned;
        let home = if let Some(home) = launch.home {
            home
        } else {
            owned = crate::home::Home::new();
            &owned
        };
        for (key, value) in home.envs() {
            cmd.env(key, value);
        }
        cmd.env_remove("NO_COLOR");
        for (key, value) in launch.env {
            cmd.env(key, value);
        }
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
            parser: parser(launch.cols, launch.rows),
            raw: Vec::new(),
        }
    }

    fn take(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.raw.extend_from_slice(bytes);
    }

    /// Feeds one chunk of output (if one comes within `wait`) to the parser, so a test
    /// can look at the screen between chunks; returns whether one came.
    pub fn read_chunk(&mut self, wait: Duration) -> bool {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => {
                self.take(&bytes);
                true
            }
            Err(_) => false,
        }
    }

    /// Like [`Self::read_chunk`], then takes whatever else is already there.
    fn pump(&mut self, wait: Duration) -> bool {
        let got = self.read_chunk(wait);
        while let Ok(more) = self.output.try_recv() {
            self.take(&more);
        }
        got
    }

    /// Waits until `check` holds for the screen; panics with the screen after TIMEOUT.
    pub fn wait_for(&mut self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while !check(self.parser.screen()) {
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen ({:?}):\n{}\nlast output: {:?}",
                self.parser.screen().size(),
                self.parser.screen().contents(),
                String::from_utf8_lossy(&self.raw[self.raw.len().saturating_sub(1500)..])
            );
            self.pump(Duration::from_millis(50));
        }
    }

    /// The screen after reading what kanbao writes within `wait` (for tests that poll
    /// and act in turn).
    pub fn screen_after(&mut self, wait: Duration) -> &vt100::Screen {
        self.pump(wait);
        self.parser.screen()
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Sends signal `name` (`"TERM"`, `"QUIT"`…) to kanbao.
    pub fn kill(&self, name: &str) {
        let pid = self.pid().expect("a running kanbao").to_string();
        let ok = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid])
            .status()
            .expect("run kill")
            .success();
        assert!(ok, "kill -{name} {pid}");
    }

    /// The pty's line discipline as `stty -a` prints it (`icanon`, `-echo`…).
    pub fn tty_modes(&self) -> String {
        let path = self.master.tty_name().expect("the pty's name");
        let out = std::process::Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(&path)
            .output()
            .expect("run stty");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Sets the pty's line discipline as a shell does when it takes the terminal back
    /// (`stty sane`: canonical mode, echo).
    pub fn set_cooked(&self) {
        let path = self.master.tty_name().expect("the pty's name");
        let ok = std::process::Command::new("stty")
            .arg("-F")
            .arg(&path)
            .arg("sane")
            .status()
            .expect("run stty")
            .success();
        assert!(ok, "stty sane");
    }

    /// Whether the process is stopped (state `T` in /proc).
    pub fn stopped(&self) -> bool {
        let pid = self.pid().expect("a running kanbao");
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|s| {
                let after = s.rsplit_once(')')?.1;
                after.split_whitespace().next().map(|st| st == "T")
            })
            .unwrap_or(false)
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(size(cols, rows)).expect("resize");
        let nz = |n: u16| std::num::NonZeroU16::new(n.max(1)).expect("non-zero");
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
    }

    /// Presses `q` until the reader exits; returns its exit code.
    ///
    /// Pressed again because of a crossterm 0.29 race: when a resize signal and keys
    /// become ready in the same poll, its event source returns the resize and loses the
    /// terminal's readiness, so those keys wait for the next byte (a person presses
    /// again; a test would hang). Everything pending is read on the next key.
    pub fn quit(&mut self) -> u32 {
        self.send("q");
        self.wait_exit_with(|p| p.send("q"))
    }

    /// Presses `key` until the reader exits (see [`Self::quit`]); returns its exit code.
    pub fn quit_with(&mut self, key: &str) -> u32 {
        self.send(key);
        self.wait_exit_with(|p| p.send(key))
    }

    /// Waits for the process to end and drains its output; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        self.wait_exit_with(|_| {})
    }

    fn wait_exit_with(&mut self, mut nudge: impl FnMut(&mut Self)) -> u32 {
        let start = Instant::now();
        let mut last_nudge = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                while self.pump(Duration::from_millis(100)) {}
                return status.exit_code();
            }
            if last_nudge.elapsed() > Duration::from_secs(1) {
                nudge(self);
                last_nudge = Instant::now();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "kanbao did not exit; screen:\n{}",
                self.parser.screen().contents()
            );
            self.pump(Duration::from_millis(50));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// The screen's last row: the status line.
pub fn status_row(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .nth(usize::from(rows.get()) - 1)
        .unwrap_or_default()
}
