//! Command-line options (clap). `main.rs` parses them and hands them to [`run`].

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use crate::analysis::keywords::{KeywordOptions, Method};
use crate::analysis::search::{MatchMode, Query};
use crate::analysis::segmenter::SegmenterOptions;
use crate::dump;
use crate::input;
use crate::layout::LayoutOptions;

/// kanbao (看报): read OCR'd Chinese newspaper pages (markdown) in the terminal.
#[derive(Debug, Parser)]
#[command(version, about, args_override_self = true)]
pub struct Cli {
    /// Pages to open: files, directories of pages, or `-` for standard input.
    /// Without any, the bundled sample page opens.
    pub paths: Vec<PathBuf>,

    /// Print the document instead of opening the reader.
    #[arg(long, value_enum)]
    pub dump: Option<DumpFormat>,

    /// Width for `--dump text` and for piped output (default 80).
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,

    /// Count ambiguous-width characters (“ ” … — ·) as two columns.
    #[arg(long)]
    pub ambiguous_wide: bool,

    /// Decode every page with this encoding instead of detecting it
    /// (e.g. utf-8, gb18030, gbk, big5, utf-16le).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// First-line indent of paragraphs, in full-width spaces.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub indent: u16,

    /// Open with this search active (space-separated terms must all be in an article);
    /// with `--dump json`, adds the matches.
    #[arg(long, value_name = "TERM")]
    pub search: Option<String>,

    /// Search matches must start and end on word boundaries (jieba).
    #[arg(long)]
    pub whole_word: bool,

    /// Search traditional and simplified characters as different (by default 台风
    /// finds 颱風 and 臺北 finds 台北).
    #[arg(long)]
    pub exact_script: bool,

    /// Keywords per article (0 turns them off).
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub keywords: usize,

    /// Rank keywords with `TextRank` instead of TF-IDF.
    #[arg(long)]
    pub textrank: bool,

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
    /// Layout options from the flags, at `width`.
    pub fn layout_options(&self, width: u16) -> LayoutOptions {
        LayoutOptions {
            width,
            paragraph_indent: self.indent,
            ambiguous_wide: self.ambiguous_wide,
        }
    }
}

impl Cli {
    /// The `--search` query, if one was given and is not blank.
    pub fn search_query(&self) -> Option<Query> {
        let mode = if self.whole_word {
            MatchMode::WholeWord
        } else {
            MatchMode::Substring
        };
        self.search
            .as_deref()
            .map(|s| Query::parse(s, mode).with_script_folding(!self.exact_script))
            .filter(|q| !q.is_empty())
    }

    /// Keyword options from `--keywords` and `--textrank`.
    pub fn keyword_options(&self) -> KeywordOptions {
        KeywordOptions {
            top: self.keywords,
            method: if self.textrank {
                Method::TextRank
            } else {
                Method::TfIdf
            },
        }
    }

    /// Dictionaries from `--dict`, else the config directory.
    pub fn segmenter_options(&self) -> SegmenterOptions {
        SegmenterOptions {
            user_dict: self.dict.clone(),
            config_dict: true,
            no_default_dict: false,
        }
    }
}

/// Runs kanbao with parsed options; returns the process exit code.
pub fn run(cli: &Cli) -> i32 {
    let load_options = input::LoadOptions {
        encoding: cli.encoding.clone(),
    };
    if cli.dump.is_none() && std::io::stdout().is_terminal() && !dumb_terminal() {
        // The reader opens on the first page; the rest load in the background.
        return match crate::loader::open(&cli.paths, &load_options) {
            Ok(opening) => match crate::app::run(opening, cli) {
                Ok(()) => 0,
                Err(err) => {
                    eprintln!("kanbao: {err:#}");
                    1
                }
            },
            Err(err) => {
                eprintln!("kanbao: {err}");
                2
            }
        };
    }
    let docs = match crate::loader::load_everything(&cli.paths, &load_options) {
        Ok(docs) => docs,
        Err(err) => {
            eprintln!("kanbao: {err}");
            return 2;
        }
    };
    let width = cli.width.unwrap_or(80).max(1);
    let text = match cli.dump {
        Some(DumpFormat::Json) => match dump::analyse(&docs, cli) {
            Ok(extras) => dump::json_with(&docs, &extras),
            Err(err) => {
                eprintln!("kanbao: {err}");
                return 2;
            }
        },
        // `--dump text`, or output that is not a terminal (a pipe, a file, `TERM=dumb`).
        Some(DumpFormat::Text) | None => dump::text(&docs, &cli.layout_options(width)),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`kanbao page.md | head`) is not an error worth reporting.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    0
}

/// `TERM=dumb` promises no cursor addressing, so the reader cannot draw there: print the
/// text as for a pipe (as `git` and `man` do on such terminals).
fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|term| term == "dumb")
}
