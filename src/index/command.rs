//! `kanbao index DIR…`: build or update the index of each archive without opening the
//! reader, with a progress bar on a terminal (indicatif) and a plain line every few
//! seconds otherwise (a log, a cron job).
//!
//! `main` parses the command line with `cli::IndexCli` when its first argument is
//! `index` (a directory named `index` opens as `kanbao ./index`) and runs [`run`].

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use super::build::{self, Progress, Summary};
use super::{Archive, IndexError};

/// What `kanbao index` is asked to do (filled from the command line by
/// `cli::IndexCli`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexOptions {
    /// Archive roots: directories of pages.
    pub dirs: Vec<PathBuf>,
    /// No progress, only the summary line.
    pub quiet: bool,
    /// Terms to search for after updating (`date:` words limit the dates).
    pub search: Option<String>,
    /// Terms must be whole words (jieba is loaded for it).
    pub whole_word: bool,
    /// First and last date to keep, `yyyymmdd`.
    pub from: Option<u32>,
    pub to: Option<u32>,
    /// Hits to print at most.
    pub limit: usize,
}

/// Runs `kanbao index`; the exit code.
pub fn run(cli: &IndexOptions) -> i32 {
    let mut code = 0;
    for dir in &cli.dirs {
        match index_one(dir, cli.quiet) {
            Ok(summary) => say(&summary_line(dir, &summary)),
            Err(err) => {
                say(&format!("kanbao: {err}"));
                code = 2;
                continue;
            }
        }
        if let Some(text) = &cli.search
            && let Err(err) = search(dir, text, cli)
        {
            say(&format!("kanbao: {err}"));
            code = 2;
        }
    }
    code
}

/// Prints the hits of `text` in the archive at `dir`, grouped by date and page:
///
/// ```text
/// 2021-03-04  /papers/2021-03-04_第2版.md
///   1. 平城区开展垃圾分类宣传 (2 matches)
///      他们在广场上讲解颱風季节的防灾知识。
/// ```
fn search(dir: &std::path::Path, text: &str, cli: &IndexOptions) -> Result<(), IndexError> {
    use crate::analysis::search::{MatchMode, Query, WordBoundaries};
    use crate::analysis::segmenter::{Segmenter, SegmenterOptions};
    let archive = Archive::locate(dir)?;
    let searcher = super::query::Searcher::open(&archive).ok_or_else(|| IndexError::Tantivy {
        path: archive.dir.display().to_string(),
        message: "no index to search".into(),
    })?;
    let (terms, in_text) = super::date::split_date_terms(text);
    let mut dates = super::query::DateRange::default();
    if let Some((from, to)) = in_text {
        (dates.from, dates.to) = (from, to);
    }
    dates.from = cli.from.unwrap_or(dates.from);
    dates.to = cli.to.unwrap_or(dates.to);
    let mode = if cli.whole_word {
        MatchMode::WholeWord
    } else {
        MatchMode::Substring
    };
    let query = Query::parse(&terms, mode);
    let seg = cli
        .whole_word
        .then(|| Segmenter::load(&SegmenterOptions::default()))
        .transpose()
        .map_err(|e| IndexError::Tantivy {
            path: dir.display().to_string(),
            message: format!("cannot load jieba for whole words: {e}"),
        })?;
    let words = seg.as_ref().map(|s| s as &dyn WordBoundaries);
    let results = searcher.search(&query, dates, cli.limit, words)?;
    let mut out = std::io::stdout().lock();
    let mut last: Option<(u32, &str)> = None;
    for hit in &results.hits {
        if last != Some((hit.date, hit.path.as_str())) {
            let day = if hit.date == 0 {
                "(no date)".to_string()
            } else {
                format!(
                    "{}-{:02}-{:02}",
                    hit.date / 10_000,
                    hit.date / 100 % 100,
                    hit.date % 100
                )
            };
            let _ = writeln!(
                out,
                "{day}  {}",
                crate::input::sanitize::one_line(&hit.path)
            );
            last = Some((hit.date, hit.path.as_str()));
        }
        let one = |t: &str| crate::input::sanitize::one_line(t).into_owned();
        let _ = writeln!(
            out,
            "  {}. {} ({} match{})\n     {}",
            hit.article + 1,
            one(&hit.headline),
            hit.matches,
            if hit.matches == 1 { "" } else { "es" },
            one(&hit.snippet)
        );
    }
    let _ = writeln!(
        out,
        "{}{} article{} match{}",
        if results.exact { "" } else { "at most " },
        results.total,
        if results.total == 1 { "" } else { "s" },
        if results.hits.len() < results.total {
            format!(" (the first {} by date shown)", results.hits.len())
        } else {
            String::new()
        }
    );
    Ok(())
}

fn index_one(dir: &std::path::Path, quiet: bool) -> Result<Summary, IndexError> {
    let archive = Archive::locate(dir)?;
    let mut report = Reporter::new(quiet || !std::io::stderr().is_terminal(), quiet);
    let summary = build::update(&archive, &mut |p| report.progress(p));
    report.finish();
    let summary = summary?;
    for skipped in &summary.skipped {
        say(&format!(
            "kanbao: skipped {}",
            crate::input::sanitize::one_line(skipped)
        ));
    }
    Ok(summary)
}

/// `papers: 5000 pages, 12 indexed (412 articles), 1 removed, in 1.2 s`.
fn summary_line(dir: &std::path::Path, s: &Summary) -> String {
    format!(
        "{}: {} pages, {} indexed ({} articles), {} removed{}, in {:.1} s",
        crate::input::sources::safe_name(dir),
        s.pages,
        s.indexed,
        s.articles,
        s.removed,
        if s.rebuilt { ", index built anew" } else { "" },
        s.seconds
    )
}

/// A line on standard error; one that cannot be written is dropped.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Progress as a bar (terminal) or as lines (otherwise), or not at all (`--quiet`).
struct Reporter {
    bar: Option<ProgressBar>,
    plain: bool,
    quiet: bool,
    changed: usize,
    last: Instant,
}

/// How often the plain progress line is written.
const PLAIN_EVERY: Duration = Duration::from_secs(2);

impl Reporter {
    fn new(plain: bool, quiet: bool) -> Self {
        Self {
            bar: None,
            plain,
            quiet,
            changed: 0,
            last: Instant::now(),
        }
    }

    fn progress(&mut self, p: Progress) {
        if self.quiet {
            return;
        }
        match p {
            Progress::Listed {
                pages,
                changed,
                removed,
            } => {
                self.changed = changed;
                if self.plain {
                    say(&format!(
                        "{pages} pages: {changed} to index, {removed} to remove"
                    ));
                } else if changed > 0 {
                    let bar = ProgressBar::new(changed as u64);
                    let style = ProgressStyle::with_template(
                        "{bar:40} {pos}/{len} pages {per_sec} eta {eta}",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar());
                    bar.set_style(style);
                    self.bar = Some(bar);
                }
            }
            Progress::Indexed { done } => {
                if let Some(bar) = &self.bar {
                    bar.set_position(done as u64);
                } else if self.plain && self.last.elapsed() >= PLAIN_EVERY {
                    self.last = Instant::now();
                    say(&format!("indexed {done}/{} pages", self.changed));
                }
            }
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
