//! Writing a file so that nobody ever reads half of it.
//!
//! The bytes go to a temporary file beside the target (same directory, so the same
//! file system), are flushed to disk, and the temporary file is renamed over the
//! target: `rename(2)` replaces it in one step. A second kanbao writing the same file
//! at the same time uses another temporary name (process id and a counter), so one of
//! the two whole files wins and neither is torn.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `bytes` to `path` atomically, creating its directory if needed.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "kanbao".into(), |n| n.to_string_lossy().into_owned());
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("kanbao-atomic-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = scratch("replace");
        let path = dir.join("deep").join("f.json");
        write(&path, b"first").unwrap();
        write(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("f.json")]);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn concurrent_writers_never_tear_the_file() {
        let dir = scratch("race");
        let path = dir.join("f");
        let texts: Vec<Vec<u8>> = (0..8u8).map(|i| vec![b'a' + i; 64 * 1024]).collect();
        std::thread::scope(|s| {
            for t in &texts {
                let path = &path;
                s.spawn(move || {
                    for _ in 0..10 {
                        write(path, t).unwrap();
                        let got = std::fs::read(path).unwrap();
                        assert!(texts_whole(&got), "a torn file");
                    }
                });
            }
        });
        let _ = std::fs::remove_dir_all(dir);
    }

    fn texts_whole(got: &[u8]) -> bool {
        got.len() == 64 * 1024 && got.iter().all(|&b| b == got[0])
    }

    #[test]
    fn an_unwritable_place_is_an_error_not_a_panic() {
        assert!(write(Path::new("/proc/kanbao-cannot/f"), b"x").is_err());
    }
}
