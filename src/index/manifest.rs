//! The index's own record of what it holds: the schema version, the archive root, and
//! per page its size and modification time when it was indexed.
//!
//! An update compares the pages on disk with this list: a page whose size or mtime
//! changed is indexed again, a page no longer there is deleted, the rest is left
//! alone. The manifest is written after each commit, by writing a temporary file and
//! renaming it over the old one, so it is either the old list or the new one. A
//! manifest that is missing, unreadable, of another schema version or of another root
//! means the index cannot be trusted: it is rebuilt.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

/// The manifest's file name inside the index directory.
pub const FILE: &str = "kanbao-manifest.json";

/// What a page looked like when it was indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Nanoseconds since the epoch (0 when the file system has none).
    pub mtime: u128,
}

impl Stamp {
    /// The stamp of the file at `path`, if it can be read.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Some(Self {
            size: meta.len(),
            mtime,
        })
    }
}

/// See the module comment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema: u32,
    pub root: String,
    /// By page path (as stored in the index's `path` field).
    pub pages: BTreeMap<String, Stamp>,
}

impl Manifest {
    /// Reads the manifest of the index in `dir`; `None` when it is missing or damaged.
    pub fn read(dir: &Path) -> Option<Self> {
        let bytes = std::fs::read(dir.join(FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Writes it atomically (a temporary file renamed over the old one).
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        let tmp = dir.join(format!("{FILE}.tmp"));
        let json = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        std::fs::write(&tmp, json)?;
        std::fs::rename(tmp, dir.join(FILE))
    }
}
