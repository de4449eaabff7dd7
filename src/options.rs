//! What a run of kanbao is asked to do, as plain structs.
//!
//! The command line is parsed (with clap) in [`crate::cli`] and turned into an
//! [`Options`] there, at the edge; `main.rs` dispatches on it, and the reader
//! ([`crate::app`]) and the dump ([`crate::dump`]) read only the parts they need, each
//! in the vocabulary of the layer it configures ([`LayoutOptions`], [`KeywordOptions`],
//! [`SegmenterOptions`], [`LoadOptions`]). Nothing below `cli` knows about flags, so a
//! setting can later come from a configuration file as well.

use std::path::PathBuf;

use crate::analysis::keywords::KeywordOptions;
use crate::analysis::search::{MatchMode, Query};
use crate::analysis::segmenter::SegmenterOptions;
use crate::input::LoadOptions;
use crate::layout::LayoutOptions;

/// Everything a run needs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Pages to open: files, directories of pages, or `-` for standard input; none opens
    /// the bundled sample page.
    pub paths: Vec<PathBuf>,
    /// The reader, or a dump.
    pub output: Output,
    pub input: LoadOptions,
    /// Indent and character widths; `width` is the dump's (the reader takes the
    /// terminal's).
    pub layout: LayoutOptions,
    pub analysis: AnalysisOptions,
    pub search: SearchOptions,
    /// `--explain`: the JSON dump says, per block and field, which role it got and why.
    pub explain: bool,
    /// Where the reader opens (`--page`, `--article`).
    pub start: StartAt,
    /// What the reader remembers between runs, and whether it resumes.
    pub memory: MemoryOptions,
    /// Keyword highlights shown at start (`H` toggles them).
    pub keyword_highlights: bool,
    /// Photos drawn in the article pane (`--no-images` and `images = false` turn them off).
    pub images: bool,
    /// Warnings about the configuration, shown once (status line or standard error).
    pub warnings: Vec<String>,
    /// The interface's language (`--lang`, config.toml, else the locale).
    pub lang: crate::i18n::Lang,
}

/// What the reader remembers between runs (see `crate::session`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryOptions {
    /// `$XDG_STATE_HOME/kanbao`; `None` remembers nothing.
    pub state_dir: Option<PathBuf>,
    /// Open where the last run on these pages stopped (`--no-resume` turns it off).
    pub resume: bool,
}

/// Where the reader opens: page P of all the pages, article N of that page (1-based,
/// the numbers the status line shows); `None` is the first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StartAt {
    pub page: Option<usize>,
    pub article: Option<usize>,
}

/// Where the pages go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The interactive reader when standard output is a terminal that can draw it,
    /// else the laid-out text (as for a pipe).
    Reader,
    /// The parsed structure as JSON (`--dump json`).
    Json,
    /// The laid-out text (`--dump text`).
    Text,
}

/// jieba and its keywords.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnalysisOptions {
    /// How many keywords per article and how they are ranked (`top == 0`: none, and
    /// jieba is loaded only if a whole-word search needs it).
    pub keywords: KeywordOptions,
    /// Which dictionaries jieba loads.
    pub segmenter: SegmenterOptions,
}

/// A search to start with (`--search`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchOptions {
    /// As typed: space-separated terms that must all be in an article.
    pub text: Option<String>,
    /// Substring or whole-word matching.
    pub mode: MatchMode,
    /// `--exact-script`: traditional and simplified characters do not match each other.
    pub exact_script: bool,
    /// `--no-index`: search the pages in memory even where the directory has an index.
    pub no_index: bool,
    /// `--from`/`--to`: every search keeps to these dates unless it names its own.
    pub dates: Option<crate::analysis::dates::DateRange>,
}

impl SearchOptions {
    /// The text to search for, if one was given and is not blank.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref().filter(|t| !t.trim().is_empty())
    }

    /// The query, if one was given and is not blank.
    pub fn query(&self) -> Option<Query> {
        self.text
            .as_deref()
            .map(|s| {
                Query::parse(s, self.mode)
                    .with_script_folding(!self.exact_script)
                    .with_default_dates(self.dates)
            })
            .filter(|q| !q.is_empty())
    }
}
