//! A home of its own for every kanbao a test starts.
//!
//! kanbao remembers reading positions, marks and searches under `$XDG_STATE_HOME` and
//! reads `$XDG_CONFIG_HOME/kanbao/config.toml`. A test must never read or write the
//! real home, and one test's run must not resume where another left off: every spawn
//! gets fresh, empty `HOME`, `XDG_STATE_HOME`, `XDG_CONFIG_HOME` and `XDG_CACHE_HOME`
//! under the target directory's scratch space (`CARGO_TARGET_TMPDIR`), `NO_COLOR`
//! is removed and the locale set to `C.UTF-8`, so the colours and the language tests
//! see do not depend on the shell that ran them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh directory to be a home (with `state`, `config` and `cache` inside).
#[derive(Debug, Clone)]
pub struct Home {
    pub dir: PathBuf,
}

impl Home {
    /// A new, empty home, unique in this run.
    pub fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        static SWEPT: std::sync::Once = std::sync::Once::new();
        let homes = Path::new(env!("CARGO_TARGET_TMPDIR")).join("homes");
        SWEPT.call_once(|| sweep(&homes));
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = homes.join(format!("{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch home");
        Self { dir }
    }

    /// `$XDG_STATE_HOME/kanbao`.
    pub fn state(&self) -> PathBuf {
        self.dir.join("state").join("kanbao")
    }

    /// `$XDG_CONFIG_HOME/kanbao`.
    pub fn config(&self) -> PathBuf {
        self.dir.join("config").join("kanbao")
    }

    /// Writes `$XDG_CONFIG_HOME/kanbao/config.toml`.
    pub fn write_config(&self, text: &str) {
        std::fs::create_dir_all(self.config()).expect("config dir");
        std::fs::write(self.config().join("config.toml"), text).expect("config.toml");
    }

    /// The variables that point kanbao at this home.
    pub fn envs(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("HOME", self.dir.clone()),
            ("XDG_STATE_HOME", self.dir.join("state")),
            ("XDG_CONFIG_HOME", self.dir.join("config")),
            ("XDG_CACHE_HOME", self.dir.join("cache")),
            // The interface's language follows the locale: English, whatever the shell's,
            // unless a test asks for another (set after these).
            ("LC_ALL", PathBuf::new()),
            ("LC_MESSAGES", PathBuf::new()),
            ("LANG", PathBuf::from("C.UTF-8")),
        ]
    }

    /// Points `cmd` at this home.
    pub fn apply(&self, cmd: &mut Command) {
        cmd.envs(self.envs()).env_remove("NO_COLOR");
    }
}

/// Removes the homes of earlier test runs (their process is gone), so they do not pile
/// up; a home is left while its run may still be using it.
fn sweep(homes: &Path) {
    let Ok(entries) = std::fs::read_dir(homes) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name.split('-').next().unwrap_or_default();
        if pid != std::process::id().to_string() && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Points `cmd` at a fresh home of its own.
pub fn isolate(cmd: &mut Command) -> &mut Command {
    Home::new().apply(cmd);
    cmd
}

/// The kanbao binary, in a fresh home of its own.
pub fn kanbao() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kanbao"));
    isolate(&mut cmd);
    cmd
}

/// Runs `kanbao ARGS…` with `stdin` piped in, written from a thread (a dump reads
/// while it writes: a large input written first would fill both pipes), and waits.
pub fn kanbao_with_stdin(args: &[&str], stdin: Vec<u8>) -> Output {
    let mut child = kanbao()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kanbao starts");
    let mut pipe = child.stdin.take().expect("a piped stdin");
    let writer = std::thread::spawn(move || pipe.write_all(&stdin));
    let out = child.wait_with_output().expect("kanbao runs");
    // A reader that stops early (an error) closes the pipe: that is its answer.
    let _ = writer.join();
    out
}
