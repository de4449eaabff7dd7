//! jieba, loaded once, with kanbao's dictionaries: the segmenter behind whole-word
//! search, keywords and names.
//!
//! Loading jieba's dictionaries takes 100–250 ms, so a UI should build a [`Segmenter`]
//! on a background thread (see [`worker`](super::worker)) and not before its first
//! frame. On top of jieba's own dictionary come, in order: the gazetteer of China's
//! administrative divisions (`assets/places.txt`, so 云州区 and 大同 stay whole), the small
//! local dictionary bundled with kanbao (`assets/dict.txt`, words of the sample region),
//! then the user's dictionary: `--dict FILE`, or else `$XDG_CONFIG_HOME/kanbao/dict.txt`
//! (`~/.config/kanbao/dict.txt`) when it exists.
//!
//! Dictionary lines use jieba's format, `word [freq] [tag]`; a missing frequency is
//! replaced by one just high enough for the word to stay whole.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use jieba_rs::{Jieba, TextRank};

use super::idf::Idf;

/// The dictionary bundled with kanbao.
pub const DEFAULT_DICT: &str = include_str!("../../assets/dict.txt");

/// Why a segmenter could not be built.
#[derive(Debug, thiserror::Error)]
pub enum SegmenterError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a regular file (a dictionary is a text file)")]
    NotAFile { path: String },
    #[error("{path}: dictionary too large (the limit is {} MiB)", MAX_DICT_BYTES >> 20)]
    TooLarge { path: String },
    #[error("{path}, line {line}: frequency `{value}` is not a whole number")]
    Entry {
        path: String,
        line: usize,
        value: String,
    },
}

/// The largest user dictionary kanbao loads: 8 MiB, more than jieba's own full
/// dictionary (5 MB). A bigger file is not a word list (`--dict /dev/zero`, a stray
/// disk image) and would cost gigabytes of memory before failing.
pub const MAX_DICT_BYTES: u64 = 8 * 1024 * 1024;

/// Checks that `path` can be a user dictionary (a regular file within
/// [`MAX_DICT_BYTES`]) without reading it, so a front end can refuse a bad `--dict`
/// before it takes over the terminal.
pub fn check_dict(path: &Path) -> Result<(), SegmenterError> {
    let name = || path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| SegmenterError::Read {
        path: name(),
        source,
    })?;
    if !meta.is_file() {
        return Err(SegmenterError::NotAFile { path: name() });
    }
    if meta.len() > MAX_DICT_BYTES {
        return Err(SegmenterError::TooLarge { path: name() });
    }
    Ok(())
}

/// Which dictionaries to load besides jieba's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SegmenterOptions {
    /// `--dict FILE`: replaces the config-directory dictionary.
    pub user_dict: Option<PathBuf>,
    /// Look for `dict.txt` in the config directory when `user_dict` is `None`.
    pub config_dict: bool,
    /// Leave out the bundled `assets/dict.txt` (for comparisons in tests).
    pub no_default_dict: bool,
}

/// jieba with its keyword extractors, ready to use from any thread. Each extractor is
/// set up the first time keywords are ranked with it: the IDF table is not loaded
/// when keywords use `TextRank`, nor ever when jieba serves only a whole-word search.
pub struct Segmenter {
    jieba: Jieba,
    tfidf: OnceLock<Idf>,
    textrank: OnceLock<TextRank>,
    load_time: Duration,
    user_dict: Option<PathBuf>,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("load_time", &self.load_time)
            .field("user_dict", &self.user_dict)
            .finish_non_exhaustive()
    }
}

/// The user dictionary in the config directory, whether or not it exists.
pub fn config_dict_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("kanbao").join("dict.txt"))
}

impl Segmenter {
    /// Loads jieba and the dictionaries `opts` asks for. Slow: call it off the UI thread.
    pub fn load(opts: &SegmenterOptions) -> Result<Self, SegmenterError> {
        let started = Instant::now();
        let mut jieba = Jieba::new();
        if !opts.no_default_dict {
            // The gazetteer first, so the hand-made dictionary can still override it.
            add_new_words(&mut jieba, super::gazetteer::PLACES);
            add_new_words(&mut jieba, super::gazetteer::WORLD);
            add_words(&mut jieba, DEFAULT_DICT, "assets/dict.txt")?;
        }
        let user_dict = match &opts.user_dict {
            Some(path) => Some(path.clone()),
            None if opts.config_dict => config_dict_path().filter(|p| p.is_file()),
            None => None,
        };
        if let Some(path) = &user_dict {
            let text = read_dict(path)?;
            add_words(&mut jieba, &text, &path.display().to_string())?;
        }
        let segmenter = Self {
            jieba,
            tfidf: OnceLock::new(),
            textrank: OnceLock::new(),
            load_time: Duration::ZERO,
            user_dict,
        };
        Ok(Self {
            load_time: started.elapsed(),
            ..segmenter
        })
    }

    /// How long [`Segmenter::load`] took (for the status line and the README figures).
    pub fn load_time(&self) -> Duration {
        self.load_time
    }

    /// The user dictionary that was loaded, if any.
    pub fn user_dict(&self) -> Option<&Path> {
        self.user_dict.as_deref()
    }

    /// The TF-IDF ranking (jieba's IDF table), set up on first use.
    pub(crate) fn tfidf(&self) -> &Idf {
        self.tfidf.get_or_init(Idf::bundled)
    }

    /// The `TextRank` ranking, set up on first use.
    pub(crate) fn textrank(&self) -> &TextRank {
        self.textrank.get_or_init(TextRank::default)
    }

    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// The words of `text` as byte ranges into it, in order, covering it entirely.
    pub fn words(&self, text: &str) -> Vec<Range<usize>> {
        self.jieba
            .cut(text, true)
            .iter()
            .map(|t| t.byte_start..t.byte_end)
            .collect()
    }

    /// The words of `text` with their part-of-speech tags, as byte ranges.
    pub fn tagged(&self, text: &str) -> Vec<(Range<usize>, String)> {
        self.jieba
            .tag(text, true)
            .iter()
            .map(|t| (t.byte_start..t.byte_end, t.tag.to_string()))
            .collect()
    }
}

/// Adds the words of a dictionary that jieba does not know yet: the gazetteer's
/// frequencies are rough, and must not lower jieba's own for 北京 or 上海.
fn add_new_words(jieba: &mut Jieba, dict: &str) {
    for line in dict.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        if !jieba.has_word(word) {
            let freq = fields.next().and_then(|f| f.parse().ok());
            jieba.add_word(word, freq, fields.next());
        }
    }
}

fn read_dict(path: &Path) -> Result<String, SegmenterError> {
    use std::io::Read;
    check_dict(path)?;
    let read_error = |source| SegmenterError::Read {
        path: path.display().to_string(),
        source,
    };
    // At most one byte past the limit: the file may have grown since it was checked.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_DICT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_DICT_BYTES {
        return Err(SegmenterError::TooLarge {
            path: path.display().to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// How much of a bad value an error message quotes (a malformed line may be megabytes).
const QUOTED_CHARS: usize = 40;

/// Adds dictionary lines to jieba; unlike `Jieba::load_dict`, a missing frequency gets
/// a suggested one rather than zero (which would never win a segmentation).
fn add_words(jieba: &mut Jieba, dict: &str, name: &str) -> Result<(), SegmenterError> {
    for (index, line) in dict.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        if word.starts_with('#') {
            continue;
        }
        let freq = match fields.next() {
            Some(value) => Some(value.parse::<usize>().map_err(|_| SegmenterError::Entry {
                path: name.to_string(),
                line: index + 1,
                value: value.chars().take(QUOTED_CHARS).collect(),
            })?),
            None => None,
        };
        jieba.add_word(word, freq, fields.next());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_frequency_is_reported_with_its_line() {
        let mut jieba = Jieba::empty();
        let err = add_words(&mut jieba, "好词 3 n\n坏词 x\n", "d.txt");
        assert!(matches!(err, Err(SegmenterError::Entry { line: 2, .. })));
    }

    #[test]
    fn config_path_prefers_xdg() {
        // Reading only: the path is derived from whatever the environment holds.
        if let Some(path) = config_dict_path() {
            assert!(path.ends_with("kanbao/dict.txt"));
        }
    }
}
