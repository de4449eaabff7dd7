//! The archive index (issue 17): how long a search through it takes for a rare and a
//! common term (the first page of results placed, and the count of all), and how long
//! building the index of a small generated archive takes.
//!
//! The archive is `KANBAO_BENCH_PAGES` generated pages (default 300) written to a
//! scratch directory with a rare word planted in two of them; its cache is a scratch
//! directory too, never the user's. For the 5,000 and 50,000-page figures run
//! `cargo run --release --example index_bench` (see README).
//!
//! Run: `cargo bench --bench archive`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use kanbao::analysis::search::{MatchMode, Query};
use kanbao::index::query::{DateRange, Searcher};
use kanbao::index::{Archive, build};

const RARE: &str = "雪豹";
const COMMON: &str = "社区";

fn pages() -> usize {
    std::env::var("KANBAO_BENCH_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

/// Writes `n` generated pages (the rare word in two) under a fresh scratch directory;
/// returns the pages' directory and the scratch directory for caches.
fn archive(n: usize) -> (PathBuf, PathBuf) {
    let base = std::env::temp_dir().join(format!("kanbao-bench-archive-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let root = base.join("pages");
    std::fs::create_dir_all(&root).expect("scratch directory");
    for i in 0..n {
        let mut page = kanbao_corpus::generate_page(3, i);
        if i == n / 3 || i == n - 1 {
            let _ = write!(
                page,
                "\n## 山谷里发现{RARE}\n\n护林员在山谷里拍到了{RARE}。\n"
            );
        }
        std::fs::write(root.join(kanbao_corpus::page_file_name(i)), page).expect("a page");
    }
    (root, base)
}

fn built(root: &Path, cache: &Path) -> Archive {
    let archive = Archive::locate_in(root, cache).expect("the archive");
    build::update(&archive, &mut |_| {}).expect("the index");
    archive
}

fn search(c: &mut Criterion) {
    let (root, base) = archive(pages());
    let archive = built(&root, &base.join("cache"));
    let searcher = Searcher::open(&archive).expect("a trusted index");
    let mut group = c.benchmark_group("index search");
    for (name, term) in [("rare", RARE), ("common", COMMON)] {
        let query = Query::parse(term, MatchMode::Substring);
        // What a results list shows first: 50 articles placed, all counted.
        group.bench_function(format!("{name}: first 50 and the count"), |b| {
            b.iter(|| {
                black_box(
                    searcher
                        .search(&query, DateRange::default(), 50, None)
                        .expect("a search"),
                )
            });
        });
        // The count alone (one article placed).
        group.bench_function(format!("{name}: count"), |b| {
            b.iter(|| {
                black_box(
                    searcher
                        .search(&query, DateRange::default(), 1, None)
                        .expect("a search")
                        .total,
                )
            });
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&base);
}

fn build_small(c: &mut Criterion) {
    let (root, base) = archive(pages().min(100));
    let mut group = c.benchmark_group("index build");
    group.sample_size(10);
    let mut round = 0;
    group.bench_function("100 pages from nothing", |b| {
        b.iter(|| {
            round += 1;
            let cache = base.join(format!("cache-{round}"));
            black_box(built(&root, &cache));
            let _ = std::fs::remove_dir_all(&cache);
        });
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&base);
}

criterion_group!(benches, search, build_small);
criterion_main!(benches);
