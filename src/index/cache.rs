//! Where an archive's index lives: `$XDG_CACHE_HOME/kanbao/index/<key>/` (default
//! `~/.cache/kanbao/`), one directory per archive root, keyed by the root's canonical
//! path so that `kanbao ~/papers` and `kanbao ../papers` share one index.
//!
//! The key is a 64-bit FNV-1a hash of the canonical path in hex: stable across runs
//! and Rust versions (unlike `DefaultHasher`). A collision of two roots is caught by
//! the root recorded in the index's manifest ([`super::manifest`]), which then makes
//! the later one rebuild rather than trust the other's pages.
//!
//! A small local helper: the state/config directories of other features follow the
//! same XDG rules and may later share one place for them.

use std::path::{Path, PathBuf};

/// The cache directory of kanbao: `$XDG_CACHE_HOME/kanbao` when that is an absolute
/// path (the XDG rule: relative values are ignored), else `$HOME/.cache/kanbao`.
pub fn cache_home() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = xdg.or_else(|| {
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .map(|home| home.join(".cache"))
    })?;
    Some(base.join("kanbao"))
}

/// The index directory for the archive at `canonical_root`, under `cache_home`.
pub fn index_dir_in(cache_home: &Path, canonical_root: &Path) -> PathBuf {
    let key = fnv1a(canonical_root.as_os_str().as_encoded_bytes());
    cache_home.join("index").join(format!("{key:016x}"))
}

/// 64-bit FNV-1a.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    #[test]
    fn the_key_is_stable_and_tells_roots_apart() {
        // FNV-1a's published test vector.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(fnv1a(b"/home/a/papers"), fnv1a(b"/home/a/paper"));
    }
}
