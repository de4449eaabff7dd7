//! `kanbao index DIR…`: build or update the index of each archive without opening the
//! reader, with a progress bar on a terminal (indicatif) and a plain line every few
//! seconds otherwise (a log, a cron job).
//!
//! `main` sends the command line here when its first argument is `index` (a directory
//! named `index` opens as `kanbao ./index`).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use super::build::{self, Progress, Summary};
use super::{Archive, IndexError};

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

    /// Only pages dated on or after this (`2020`, `2020-01`, `2020-01-15`).
    #[arg(long, value_name = "DATE", value_parser = from_date)]
    pub from: Option<u32>,

    /// Only pages dated on or before this (`2020-06` includes all of June).
    #[arg(long, value_name = "DATE", value_parser = to_date)]
    pub to: Option<u32>,

    /// Hits to print at most.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
}

fn from_date(text: &str) -> Result<u32, String> {
    super::date::bound(text, false).ok_or_else(|| format!("`{text}` is not a date like 2020-01"))
}

fn to_date(text: &str) -> Result<u32, String> {
    super::date::bound(text, true).ok_or_else(|| format!("`{text}` is not a date like 2020-06"))
}

/// Runs `kanbao index` with `args` (after `index`); the exit code.
pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    let cli = IndexCli::parse_from(std::iter::once("kanbao index".into()).chain(args));
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
            && let Err(err) = search(dir, text, &cli)
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
fn search(dir: &std::path::Path, text: &str, cli: &IndexCli) -> Result<(), IndexError> {
    use crate::analysis::search::{MatchMode, Query};
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
    let query = Query::parse(&terms, MatchMode::Substring);
    let results = searcher.search(&query, dates, cli.limit, None)?;
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
        "{} article{} match{}",
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
