//! One record per set of pages read: where the reader stopped, its marks, and what
//! `--recent` shows.
//!
//! A set is keyed by its content ([`set_key`]: the first page's [`content_key`] and how
//! many pages there are), so a renamed or moved file or directory still finds its
//! record; the record also keeps the paths it was opened by, so a page that was edited
//! (its key changed) is found by path instead. Each record is its own small JSON file
//! in `places/`, written atomically: two kanbao processes on different pages never
//! touch each other's files, and on the same pages the last one to save wins.
//!
//! [`content_key`]: super::content_key

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::place::Place;

/// Records kept; beyond this the oldest are deleted when one is saved.
const MAX_RECORDS: usize = 500;

/// What is remembered of one set of pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetRecord {
    /// [`set_key`] of the set.
    pub key: u64,
    /// What was opened, as `--recent` names it (paths, or the sample).
    pub label: String,
    /// The paths it was opened by, made absolute.
    #[serde(default)]
    pub paths: Vec<String>,
    /// How many pages it had.
    #[serde(default)]
    pub pages: usize,
    /// Where the reader stopped.
    #[serde(default)]
    pub position: Option<Place>,
    /// Marks by letter (`ma` … `'a`).
    #[serde(default)]
    pub marks: BTreeMap<String, Place>,
    /// When it was saved, in seconds since 1970 (UTC).
    #[serde(default)]
    pub saved_at: u64,
    /// Where the reader stopped, in words (`page 2/5 · article 4 · 平城区…`).
    #[serde(default)]
    pub summary: String,
}

/// The key of a set of `pages` pages whose first page has content key `first`.
pub fn set_key(first: u64, pages: usize) -> u64 {
    let mut h = first;
    for b in (pages as u64).to_le_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The directory of records.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    fn file(&self, key: u64) -> PathBuf {
        self.dir.join(format!("{key:016x}.json"))
    }

    /// The record of set `key`: `Ok(None)` when there is none, an error message when
    /// its file cannot be read or parsed (the caller warns once and goes on without).
    pub fn load(&self, key: u64) -> Result<Option<SetRecord>, String> {
        let path = self.file(key);
        match std::fs::read(&path) {
            Ok(bytes) => parse(&path, &bytes).map(Some),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(format!(
                "cannot read the saved position {}: {err}",
                path.display()
            )),
        }
    }

    /// Every readable record, newest first (unreadable ones are skipped).
    pub fn all(&self) -> Vec<SetRecord> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut records: Vec<SetRecord> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .filter_map(|p| parse(&p, &std::fs::read(&p).ok()?).ok())
            .collect();
        records.sort_by_key(|r| std::cmp::Reverse(r.saved_at));
        records
    }

    /// Saves `record` (atomically), replacing the set's earlier record.
    pub fn save(&self, record: &SetRecord) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(record).map_err(std::io::Error::other)?;
        super::atomic::write(&self.file(record.key), &json)?;
        self.prune();
        Ok(())
    }

    /// Deletes the oldest records beyond [`MAX_RECORDS`].
    fn prune(&self) {
        let count = std::fs::read_dir(&self.dir).map_or(0, Iterator::count);
        if count <= MAX_RECORDS {
            return;
        }
        for old in self.all().iter().skip(MAX_RECORDS) {
            let _ = std::fs::remove_file(self.file(old.key));
        }
    }
}

fn parse(path: &Path, bytes: &[u8]) -> Result<SetRecord, String> {
    serde_json::from_slice(bytes).map_err(|err| {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        format!("saved position damaged ({err}); opened at the top, {name} will be replaced")
    })
}

/// Seconds since 1970 now (0 if the clock is before it).
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `secs` since 1970 as `YYYY-MM-DD HH:MM` UTC (Howard Hinnant's days-to-civil).
pub fn format_time(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kanbao-store-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn record(key: u64, saved_at: u64) -> SetRecord {
        SetRecord {
            key,
            label: "page.md".into(),
            position: Some(Place::at(0, "平城区全力打造", 6)),
            saved_at,
            ..SetRecord::default()
        }
    }

    #[test]
    fn saves_and_loads_a_record() {
        let dir = scratch("roundtrip");
        let store = Store::new(dir.clone());
        assert_eq!(store.load(7), Ok(None));
        let mut r = record(7, 10);
        r.marks.insert("a".into(), Place::at(1, "看报", 3));
        store.save(&r).unwrap();
        assert_eq!(store.load(7), Ok(Some(r.clone())));
        store.save(&record(8, 20)).unwrap();
        let keys: Vec<u64> = store.all().iter().map(|r| r.key).collect();
        assert_eq!(keys, vec![8, 7]);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_damaged_record_is_an_error_then_replaced() {
        let dir = scratch("damaged");
        let store = Store::new(dir.clone());
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{:016x}.json", 7)), b"{\"key\": 7, \"lab").unwrap();
        let err = store.load(7).unwrap_err();
        assert!(err.contains("damaged"), "{err}");
        assert!(store.all().is_empty());
        store.save(&record(7, 1)).unwrap();
        assert!(store.load(7).unwrap().is_some());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn set_keys_depend_on_the_page_count() {
        assert_ne!(set_key(1, 1), set_key(1, 2));
        assert_eq!(set_key(5, 3), set_key(5, 3));
    }

    #[test]
    fn times_read_as_utc_dates() {
        assert_eq!(format_time(0), "1970-01-01 00:00");
        assert_eq!(format_time(1_796_215_200), "2026-12-02 12:40");
        assert_eq!(format_time(1_709_208_000), "2024-02-29 12:00");
    }
}
