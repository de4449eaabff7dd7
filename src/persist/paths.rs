//! Where kanbao's files live, by the XDG base directory rules.
//!
//! `$XDG_STATE_HOME/kanbao` (default `~/.local/state/kanbao`) holds what kanbao
//! remembers; `$XDG_CONFIG_HOME/kanbao` (default `~/.config/kanbao`) what the user
//! writes; `$XDG_CACHE_HOME/kanbao` (default `~/.cache/kanbao`) what can be rebuilt
//! (archive indexes). The rules are small enough to keep here rather than pull in a crate: a
//! variable counts only when it is set to an absolute path (the specification says
//! relative ones are to be ignored), otherwise the default under `$HOME`.

use std::ffi::OsString;
use std::path::PathBuf;

/// The application's directory name under each base directory.
const APP: &str = "kanbao";

/// The base directories, resolved from an environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    /// `$XDG_STATE_HOME/kanbao`.
    pub state: PathBuf,
    /// `$XDG_CONFIG_HOME/kanbao`.
    pub config: PathBuf,
    /// `$XDG_CACHE_HOME/kanbao`.
    pub cache: PathBuf,
}

impl Dirs {
    /// From the process environment; `None` when neither the variables nor `$HOME`
    /// say where (then nothing is remembered).
    pub fn from_env() -> Option<Self> {
        Self::from_vars(|name| std::env::var_os(name))
    }

    /// From an environment given as a lookup (tests pass their own).
    pub fn from_vars(var: impl Fn(&str) -> Option<OsString>) -> Option<Self> {
        let absolute = |name: &str| var(name).map(PathBuf::from).filter(|p| p.is_absolute());
        let home = absolute("HOME");
        let base = |name: &str, default: &[&str]| {
            absolute(name).or_else(|| {
                home.as_ref()
                    .map(|h| default.iter().fold(h.clone(), |p, part| p.join(part)))
            })
        };
        Some(Self {
            state: base("XDG_STATE_HOME", &[".local", "state"])?.join(APP),
            config: base("XDG_CONFIG_HOME", &[".config"])?.join(APP),
            cache: base("XDG_CACHE_HOME", &[".cache"])?.join(APP),
        })
    }

    /// The configuration file.
    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.toml")
    }

    /// The search history (one query a line, oldest first).
    pub fn history_file(&self) -> PathBuf {
        self.state.join("search-history")
    }

    /// The directory of reading positions, one file per set of pages.
    pub fn places_dir(&self) -> PathBuf {
        self.state.join("places")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn defaults_are_under_home() {
        let d = Dirs::from_vars(env(&[("HOME", "/home/reader")])).unwrap();
        assert_eq!(d.state, PathBuf::from("/home/reader/.local/state/kanbao"));
        assert_eq!(d.cache, PathBuf::from("/home/reader/.cache/kanbao"));
        assert_eq!(
            d.config_file(),
            PathBuf::from("/home/reader/.config/kanbao/config.toml")
        );
    }

    #[test]
    fn variables_win_and_relative_ones_are_ignored() {
        let d = Dirs::from_vars(env(&[
            ("HOME", "/h"),
            ("XDG_STATE_HOME", "/s"),
            ("XDG_CONFIG_HOME", "relative/c"),
            ("XDG_CACHE_HOME", "/c"),
        ]))
        .unwrap();
        assert_eq!(d.state, PathBuf::from("/s/kanbao"));
        assert_eq!(d.cache, PathBuf::from("/c/kanbao"));
        assert_eq!(d.config, PathBuf::from("/h/.config/kanbao"));
        assert_eq!(Dirs::from_vars(env(&[])), None);
    }
}
