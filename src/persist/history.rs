//! The search history file, as less keeps `.lesshst`: one query a line, oldest first.
//!
//! Saving merges: the file is read again and this run's queries are added after what
//! is there (each query once, its newest use last), so two kanbao processes both add
//! their searches rather than the last one erasing the other's.

use std::path::Path;

/// Queries the file keeps.
pub const LIMIT: usize = 200;

/// The queries in the file, oldest first; none when it is missing or unreadable.
pub fn load(path: &Path) -> Vec<String> {
    std::fs::read(path)
        .map(|bytes| lines(&String::from_utf8_lossy(&bytes)))
        .unwrap_or_default()
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.chars().any(char::is_control))
        .map(str::to_string)
        .collect()
}

/// Adds `queries` (oldest first) to the file's, keeping the newest [`LIMIT`].
pub fn save(path: &Path, queries: &[String]) -> std::io::Result<()> {
    let merged = merge(load(path), queries);
    let mut text = merged.join("\n");
    text.push('\n');
    super::atomic::write(path, text.as_bytes())
}

fn merge(mut all: Vec<String>, queries: &[String]) -> Vec<String> {
    for q in queries {
        let q = q.trim();
        if q.is_empty() || q.chars().any(char::is_control) {
            continue;
        }
        all.retain(|e| e != q);
        all.push(q.to_string());
    }
    let cut = all.len().saturating_sub(LIMIT);
    all.split_off(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_keeps_each_query_once_newest_last() {
        let file = vec!["台风".to_string(), "平城".to_string()];
        let got = merge(file, &["台风".into(), "看报".into(), "  ".into()]);
        assert_eq!(got, ["平城", "台风", "看报"]);
        let many: Vec<String> = (0..LIMIT + 5).map(|i| i.to_string()).collect();
        let got = merge(Vec::new(), &many);
        assert_eq!(got.len(), LIMIT);
        assert_eq!(got.last().map(String::as_str), Some("204"));
    }

    #[test]
    fn saving_twice_keeps_both_runs() {
        let path = std::env::temp_dir()
            .join(format!("kanbao-history-{}", std::process::id()))
            .join("search-history");
        let _ = std::fs::remove_file(&path);
        save(&path, &["一".into()]).unwrap();
        save(&path, &["二".into()]).unwrap();
        assert_eq!(load(&path), ["一", "二"]);
        std::fs::write(&path, b"\xff\xfe bad\n\x1b[2J\nok\n").unwrap();
        assert_eq!(load(&path), ["\u{fffd}\u{fffd} bad", "ok"]);
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }
}
