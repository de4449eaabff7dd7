//! Where an archive's index lives: `$XDG_CACHE_HOME/kanbao/index/<key>/` (default
//! `~/.cache/kanbao/`), one directory per archive root, keyed by the root's canonical
//! path so that `kanbao ~/papers` and `kanbao ../papers` share one index.
//!
//! The key is a stable 64-bit hash of the canonical path in hex
//! ([`crate::persist::hash`]). A collision of two roots is caught by the root recorded
//! in the index's manifest ([`super::manifest`]), which then makes the later one
//! rebuild rather than trust the other's pages. The cache directory follows the XDG
//! rules of [`crate::persist::paths`].

use std::path::{Path, PathBuf};

use crate::persist::hash::stable_hash;
use crate::persist::paths::Dirs;

/// The cache directory of kanbao: `$XDG_CACHE_HOME/kanbao` when that is an absolute
/// path (the XDG rule: relative values are ignored), else `$HOME/.cache/kanbao`.
pub fn cache_home() -> Option<PathBuf> {
    Dirs::from_env().map(|d| d.cache)
}

/// The index directory for the archive at `canonical_root`, under `cache_home`.
pub fn index_dir_in(cache_home: &Path, canonical_root: &Path) -> PathBuf {
    let key = stable_hash(canonical_root.as_os_str().as_encoded_bytes());
    cache_home.join("index").join(format!("{key:016x}"))
}
