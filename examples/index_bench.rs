//! The archive index against the in-memory path and `rg -c`, on generated pages
//! (issue 17, point 5):
//!
//! ```text
//! cargo run --release --example index_bench -- --pages 5000 --dir /tmp/kb-5k
//! cargo run --release --example index_bench -- --pages 50000 --dir /tmp/kb-50k
//! ```
//!
//! Writes the pages (unless `DIR` has them already) with a rare word planted in three
//! of them, then reports: the index's build time and size; an update after touching
//! 10 pages, and one with nothing changed; search latency (median of 5) and counts for
//! the rare word and a common one through the index, and whole-word searches (jieba
//! checking the index's candidates); the same searches in memory
//! (every page parsed first, as the reader does today); `rg -c` over the same files
//! when ripgrep is installed; and the peak RSS after the index part and at the end.
//! The cache is `DIR.cache`, never the user's. `--keep` keeps an index already there
//! (no build from nothing: an update, then the touched pages); `--no-memory` skips the
//! in-memory path (50,000 pages parsed at once need several GB).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};
use kanbao::analysis::search::{self, MatchMode, Query, WordBoundaries};
use kanbao::analysis::segmenter::{Segmenter, SegmenterOptions};
use kanbao::index::Archive;
use kanbao::index::build;
use kanbao::index::query::{DateRange, Searcher};

/// The rare word, planted in [`RARE_PAGES`].
const RARE: &str = "雪豹";
const RARE_PAGES: [usize; 3] = [100, 2_500, 4_900];
/// A word of nearly every page of the generator.
const COMMON: &str = "社区";
/// Part of a common word and rarely a word itself: whole-word mode checks many
/// candidates for few hits.
const PART: &str = "城区";

/// Whole-word searches through the index: jieba checks the index's candidates, a
/// chunk at a time, until the reader's list is full or the time budget is spent.
fn whole_words(searcher: &Searcher) -> anyhow::Result<()> {
    let t = Instant::now();
    let seg = Segmenter::load(&SegmenterOptions::default())?;
    println!("jieba loaded in {:.0} ms", ms(t));
    let words = Some(&seg as &dyn WordBoundaries);
    for term in [RARE, COMMON, PART] {
        let query = Query::parse(term, MatchMode::WholeWord);
        for limit in [50, 2000] {
            let mut times = Vec::new();
            let mut results = None;
            for _ in 0..5 {
                let t = Instant::now();
                results = Some(searcher.search(&query, DateRange::default(), limit, words)?);
                times.push(ms(t));
            }
            let r = results.unwrap_or_default();
            println!(
                "index whole-word {term}: first {} of {}{} placed in {:.1} ms (median of 5)",
                r.hits.len(),
                if r.exact { "" } else { "at most " },
                r.total,
                median(&mut times)
            );
        }
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let Args {
        pages,
        dir,
        keep,
        memory,
    } = args()?;
    prepare(&dir, pages)?;
    let cache = PathBuf::from(format!("{}.cache", dir.display()));
    if !keep {
        let _ = std::fs::remove_dir_all(&cache);
    }
    let archive = Archive::locate_in(&dir, &cache)?;
    println!("{pages} pages, {:.1} MB in {}", dir_mb(&dir), dir.display());

    let t = Instant::now();
    let built = build::update(&archive, &mut |_| {})?;
    println!(
        "index build: {:.1} s, {} articles, {:.1} MB on disk",
        t.elapsed().as_secs_f64(),
        built.articles,
        dir_mb(&archive.dir)
    );
    let t = Instant::now();
    let same = build::update(&archive, &mut |_| {})?;
    println!(
        "update, nothing changed: {:.0} ms ({} indexed)",
        ms(t),
        same.indexed
    );
    touch(&dir, pages)?;
    let t = Instant::now();
    let touched = build::update(&archive, &mut |_| {})?;
    println!(
        "update after touching 10 pages: {:.0} ms ({} indexed)",
        ms(t),
        touched.indexed
    );

    let t = Instant::now();
    let searcher = Searcher::open(&archive).context("the index just built")?;
    println!("index open: {:.1} ms", ms(t));
    for term in [RARE, COMMON] {
        let query = Query::parse(term, MatchMode::Substring);
        let mut times = Vec::new();
        let mut counts = Vec::new();
        let mut total = 0;
        for _ in 0..5 {
            let t = Instant::now();
            total = searcher
                .search(&query, DateRange::default(), 50, None)?
                .total;
            times.push(ms(t));
            let t = Instant::now();
            let _ = searcher.search(&query, DateRange::default(), 1, None)?;
            counts.push(ms(t));
        }
        println!(
            "index search {term}: {total} articles, first 50 placed in {:.1} ms, counted in {:.1} ms (medians of 5)",
            median(&mut times),
            median(&mut counts)
        );
        let t = Instant::now();
        let listed = searcher
            .search(&query, DateRange::default(), 2000, None)?
            .hits
            .len();
        println!(
            "index search {term}: first {listed} placed (the reader's list) in {:.0} ms",
            ms(t)
        );
    }
    whole_words(&searcher)?;
    println!("peak RSS so far (index): {} MB", peak_rss_mb());
    if !memory {
        return Ok(());
    }

    let t = Instant::now();
    let loaded = kanbao::loader::load_everything(
        std::slice::from_ref(&dir),
        &kanbao::input::LoadOptions::default(),
    )?;
    println!(
        "in memory: all pages parsed in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    for term in [RARE, COMMON] {
        let query = Query::parse(term, MatchMode::Substring);
        let t = Instant::now();
        let articles: usize = loaded
            .docs
            .iter()
            .map(|doc| {
                let mut hits: Vec<usize> = search::search_document(doc, &query)
                    .iter()
                    .map(|m| m.article)
                    .collect();
                hits.dedup();
                hits.len()
            })
            .sum();
        println!(
            "in-memory search {term}: {articles} articles in {:.0} ms",
            ms(t)
        );
    }
    println!("peak RSS (after the in-memory path): {} MB", peak_rss_mb());
    drop(loaded);

    for term in [RARE, COMMON] {
        let t = Instant::now();
        match Command::new("rg").args(["-c", term]).arg(&dir).output() {
            Ok(out) => {
                let lines = String::from_utf8_lossy(&out.stdout);
                let count: usize = lines
                    .lines()
                    .filter_map(|l| l.rsplit(':').next()?.parse::<usize>().ok())
                    .sum();
                println!(
                    "rg -c {term}: {count} lines in {} files, {:.0} ms",
                    lines.lines().count(),
                    ms(t)
                );
            }
            Err(_) => println!("rg -c {term}: ripgrep is not installed"),
        }
    }
    Ok(())
}

struct Args {
    pages: usize,
    dir: PathBuf,
    keep: bool,
    memory: bool,
}

fn args() -> anyhow::Result<Args> {
    let mut pages = 5_000;
    let mut dir = None;
    let (mut keep, mut memory) = (false, true);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--pages" => pages = value()?.parse()?,
            "--dir" => dir = Some(PathBuf::from(value()?)),
            "--keep" => keep = true,
            "--no-memory" => memory = false,
            other => {
                bail!("unknown argument {other:?} (--pages N --dir DIR [--keep] [--no-memory])")
            }
        }
    }
    let dir = dir.unwrap_or_else(|| std::env::temp_dir().join(format!("kanbao-bench-{pages}")));
    Ok(Args {
        pages,
        dir,
        keep,
        memory,
    })
}

/// Writes the generated pages unless they are there, the rare word planted.
fn prepare(dir: &Path, pages: usize) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let have = std::fs::read_dir(dir)?.count();
    if have == pages {
        return Ok(());
    }
    for index in 0..pages {
        let mut page = kanbao_corpus::generate_page(1, index);
        if RARE_PAGES.contains(&index) {
            let _ = write!(
                page,
                "\n## 山谷里发现{RARE}\n\n护林员在山谷里拍到了{RARE}。\n"
            );
        }
        std::fs::write(dir.join(kanbao_corpus::page_file_name(index)), page)?;
    }
    Ok(())
}

/// Appends a line to 10 pages spread over the archive (size and mtime change).
fn touch(dir: &Path, pages: usize) -> anyhow::Result<()> {
    use std::io::Write;
    for k in 0..10 {
        let path = dir.join(kanbao_corpus::page_file_name(k * pages / 10));
        let mut f = std::fs::OpenOptions::new().append(true).open(path)?;
        writeln!(f, "\n补记{k}。")?;
    }
    Ok(())
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn dir_mb(dir: &Path) -> f64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            match entry.metadata() {
                Ok(m) if m.is_dir() => stack.push(entry.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total as f64 / 1e6
}

/// The process's peak resident set (`VmHWM`), in MB.
fn peak_rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
