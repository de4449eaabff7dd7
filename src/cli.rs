//! The command line (clap), and the one place it becomes plain [`Options`].
//!
//! `main.rs` parses a [`Cli`], turns it into [`Options`] with [`Cli::options`] and
//! dispatches on them; nothing below sees a flag.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use crate::analysis::keywords::{KeywordOptions, Method};
use crate::analysis::search::MatchMode;
use crate::analysis::segmenter::SegmenterOptions;
use crate::config::Config;
use crate::i18n::Lang;
use crate::input::LoadOptions;
use crate::layout::LayoutOptions;
use crate::options::{AnalysisOptions, Options, Output, SearchOptions};

/// kanbao (看报): read OCR'd Chinese newspaper pages (markdown) in the terminal.
#[derive(Debug, Parser)]
#[command(
    version,
    about,
    args_override_self = true,
    after_help = "Archives: `kanbao index DIR...` builds or updates a directory's full-text index \
                  and can search it (`kanbao index --help`); a directory named `index` opens as \
                  `kanbao ./index`."
)]
pub struct Cli {
    /// Pages to open: files, directories of pages, or `-` for standard input.
    /// Without any, the bundled sample page opens.
    pub paths: Vec<PathBuf>,

    /// Print the document instead of opening the reader.
    #[arg(long, value_enum)]
    pub dump: Option<DumpFormat>,

    /// With `--dump json`: per block and field, the role the structure decoder gave
    /// it and the cues that decided it.
    #[arg(long)]
    pub explain: bool,

    /// Width for `--dump text` and for piped output (default 80).
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,

    /// Count ambiguous-width characters (“ ” … — ·) as two columns.
    #[arg(long)]
    pub ambiguous_wide: bool,

    /// Show OCR's half-width punctuation in Chinese text (`,` `(` `)` `:` `;` `?` `!`)
    /// as it is, rather than full-width on screen and in `--dump text`
    /// (`--dump json` always keeps the source's characters).
    #[arg(long)]
    pub halfwidth_punct: bool,

    /// Show a traditional-character page in simplified characters, one for one, on
    /// screen and in `--dump text` (`--dump json` always keeps the source's characters).
    #[arg(long)]
    pub simplified: bool,

    /// Decode every page with this encoding instead of detecting it
    /// (e.g. utf-8, gb18030, gbk, big5, utf-16le).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// First-line indent of paragraphs, in full-width spaces [default: 2].
    #[arg(long, value_name = "N")]
    pub indent: Option<u16>,

    /// Open with this search active (space-separated terms must all be in an article);
    /// with `--dump json`, adds the matches.
    #[arg(long, value_name = "TERM")]
    pub search: Option<String>,

    /// Open at article N of the page (as the status line numbers them).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub article: Option<u32>,

    /// Open at page P of all the pages (files in natural order).
    #[arg(long, value_name = "P", value_parser = clap::value_parser!(u32).range(1..))]
    pub page: Option<u32>,

    /// Search matches must start and end on word boundaries (jieba).
    #[arg(long)]
    pub whole_word: bool,

    /// Search traditional and simplified characters as different (by default 台风
    /// finds 颱風 and 臺北 finds 台北).
    #[arg(long)]
    pub exact_script: bool,

    /// Search the pages in memory, not through the directory's index (and build none).
    #[arg(long)]
    pub no_index: bool,

    /// Search only pages dated on or after this (`2020`, `2020-01`, `2020-01-15`).
    #[arg(long, value_name = "DATE", value_parser = |t: &str| date_bound(t, false))]
    pub from: Option<u32>,

    /// Search only pages dated on or before this (`2020-06` includes all of June).
    #[arg(long, value_name = "DATE", value_parser = |t: &str| date_bound(t, true))]
    pub to: Option<u32>,

    /// Keywords per article (0 turns them off, at most 100) [default: 8].
    #[arg(long, value_name = "N", value_parser = keyword_count)]
    pub keywords: Option<usize>,

    /// Rank keywords with `TextRank` instead of TF-IDF.
    #[arg(long)]
    pub textrank: bool,

    /// Open at the top, not where the last run on these pages stopped.
    #[arg(long)]
    pub no_resume: bool,

    /// Show no photos: each image block is its one-line placeholder with the caption.
    #[arg(long)]
    pub no_images: bool,

    /// List what was read recently: when, and where it stopped; then exit.
    #[arg(long)]
    pub recent: bool,

    /// Print the configuration in force (defaults, config.toml, these flags) as a
    /// commented config.toml; then exit.
    #[arg(long)]
    pub print_config: bool,

    /// The interface's language: zh (Chinese) or en. Default: Chinese when the first
    /// of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set names it (`zh_CN.UTF-8`), else English.
    #[arg(long, value_name = "LANG", value_parser = lang_value)]
    pub lang: Option<Lang>,

    /// A user dictionary in jieba's format (`word [freq] [tag]` per line), instead of
    /// `$XDG_CONFIG_HOME/kanbao/dict.txt`.
    #[arg(long, value_name = "FILE")]
    pub dict: Option<PathBuf>,
}

/// What `--dump` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DumpFormat {
    /// The parsed structure as JSON.
    Json,
    /// The laid-out text, as the article pane shows it.
    Text,
}

impl Cli {
    /// The run the command line asks for, with the built-in defaults.
    pub fn options(&self) -> Options {
        self.options_with(&Config::default())
    }

    /// The run the command line asks for, over the defaults of a configuration file:
    /// a flag given wins, else the file's value, else the built-in default.
    pub fn options_with(&self, config: &Config) -> Options {
        let output = match self.dump {
            None => Output::Reader,
            Some(DumpFormat::Json) => Output::Json,
            Some(DumpFormat::Text) => Output::Text,
        };
        Options {
            paths: self.paths.clone(),
            output,
            input: LoadOptions {
                encoding: self.encoding.clone().or_else(|| config.encoding.clone()),
            },
            layout: self.layout_options(config),
            analysis: AnalysisOptions {
                keywords: self.keyword_options(config),
                segmenter: self.segmenter_options(config),
            },
            search: SearchOptions {
                text: self.search.clone(),
                mode: if self.whole_word || config.whole_word == Some(true) {
                    MatchMode::WholeWord
                } else {
                    MatchMode::Substring
                },
                exact_script: self.exact_script || config.exact_script == Some(true),
                no_index: self.no_index || config.index == Some(false),
                dates: (self.from.is_some() || self.to.is_some()).then(|| {
                    crate::analysis::dates::DateRange {
                        from: self.from.unwrap_or(0),
                        to: self.to.unwrap_or(u32::MAX),
                    }
                }),
            },
            explain: self.explain,
            start: crate::options::StartAt {
                page: self.page.map(|p| p as usize),
                article: self.article.map(|a| a as usize),
            },
            memory: crate::options::MemoryOptions {
                state_dir: None,
                resume: !self.no_resume && config.resume != Some(false),
            },
            keyword_highlights: config.keyword_highlights != Some(false),
            images: !self.no_images && config.images != Some(false),
            warnings: Vec::new(),
            lang: self.lang_with(config, |name| std::env::var(name).ok()),
        }
    }

    /// The interface's language: the flag, else the configuration, else the locale
    /// variables `env` reads (the process's, or a test's table).
    pub fn lang_with(&self, config: &Config, env: impl Fn(&str) -> Option<String>) -> Lang {
        self.lang
            .or_else(|| config.lang.as_deref().and_then(Lang::parse))
            .unwrap_or_else(|| Lang::from_env(env))
    }

    /// Layout options from the flags and the configuration.
    fn layout_options(&self, config: &Config) -> LayoutOptions {
        LayoutOptions {
            width: self.width.or(config.width).unwrap_or(80).max(1),
            paragraph_indent: self.indent.or(config.indent).unwrap_or(2),
            ambiguous_wide: self.ambiguous_wide || config.ambiguous_wide == Some(true),
            fullwidth_punct: !self.halfwidth_punct && config.halfwidth_punct != Some(true),
            simplified: self.simplified || config.simplified == Some(true),
            ..LayoutOptions::default()
        }
    }

    /// Keyword options from `--keywords` and `--textrank` (or the configuration).
    fn keyword_options(&self, config: &Config) -> KeywordOptions {
        let from_config = config.keywords.map(|n| n.min(MAX_KEYWORDS));
        KeywordOptions {
            top: self.keywords.or(from_config).unwrap_or(8),
            method: if self.textrank || config.textrank == Some(true) {
                Method::TextRank
            } else {
                Method::TfIdf
            },
        }
    }

    /// Dictionaries from `--dict` (or the configuration), else the config directory.
    fn segmenter_options(&self, config: &Config) -> SegmenterOptions {
        SegmenterOptions {
            user_dict: self.dict.clone().or_else(|| config.dict.clone()),
            config_dict: true,
            no_default_dict: false,
        }
    }
}

/// The most keywords per article `--keywords` accepts: beyond this they are no longer
/// *key* words, and a huge count (`18446744073709551615`) once wrapped around in the
/// arithmetic behind it.
pub const MAX_KEYWORDS: usize = 100;

/// Parses `--lang`: `zh` (or a locale naming Chinese, `zh_CN`) or `en`.
fn lang_value(value: &str) -> Result<Lang, String> {
    Lang::parse(value).ok_or_else(|| format!("`{value}` is not zh or en"))
}

/// Parses `--keywords`, refusing counts above [`MAX_KEYWORDS`] with a message.
fn keyword_count(value: &str) -> Result<usize, String> {
    let n: usize = value
        .parse()
        .map_err(|_| format!("`{value}` is not a whole number"))?;
    if n > MAX_KEYWORDS {
        return Err(format!("at most {MAX_KEYWORDS} keywords per article"));
    }
    Ok(n)
}

/// Build or update the full-text index of archives (directories of pages), kept
/// under `$XDG_CACHE_HOME/kanbao/index/` (default `~/.cache/kanbao/index/`).
#[derive(Debug, Parser)]
#[command(name = "kanbao index")]
pub struct IndexCli {
    /// Archive roots: directories of pages.
    #[arg(required = true)]
    pub dirs: Vec<PathBuf>,

    /// No progress, only the summary line.
    #[arg(long, short)]
    pub quiet: bool,

    /// After updating, search the archive through the index (space-separated terms
    /// must all be in an article; `date:2020-03` limits the dates) and print the hits
    /// grouped by date and page.
    #[arg(long, value_name = "TERMS")]
    pub search: Option<String>,

    /// With `--search`: terms must be whole words (jieba's), not parts of longer ones.
    #[arg(long, short = 'w', requires = "search")]
    pub whole_word: bool,

    /// Only pages dated on or after this (`2020`, `2020-01`, `2020-01-15`).
    #[arg(long, value_name = "DATE", value_parser = |t: &str| date_bound(t, false))]
    pub from: Option<u32>,

    /// Only pages dated on or before this (`2020-06` includes all of June).
    #[arg(long, value_name = "DATE", value_parser = |t: &str| date_bound(t, true))]
    pub to: Option<u32>,

    /// Hits to print at most.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
}

impl IndexCli {
    /// What `kanbao index` is asked to do.
    pub fn options(&self) -> crate::index::command::IndexOptions {
        crate::index::command::IndexOptions {
            dirs: self.dirs.clone(),
            quiet: self.quiet,
            search: self.search.clone(),
            whole_word: self.whole_word,
            from: self.from,
            to: self.to,
            limit: self.limit,
        }
    }
}

/// Parses `--from`/`--to` into the first (last) `yyyymmdd` of the date given.
fn date_bound(text: &str, last: bool) -> Result<u32, String> {
    crate::analysis::dates::bound(text, last)
        .ok_or_else(|| format!("`{text}` is not a date like 2020, 2020-06 or 2020-06-15"))
}
