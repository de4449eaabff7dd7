//! Criterion benches of kanbao's hot paths on the generated corpus
//! (`kanbao_corpus::generate_page`, the pages `examples/gen_corpus.rs` writes):
//! decode + sanitize + parse (MB/s), whole-page layout at widths 40 and 100 (MB/s),
//! search (GB/s), keyword extraction (articles/s), and one full frame drawn into
//! ratatui's `TestBackend` on a 5,000-page reader.
//!
//! `benches/layout.rs` (wrapping alone, huge paragraphs) and `benches/analysis.rs`
//! (search worker, jieba) measure the same layers more finely on other text.
//! Run: `cargo bench --bench hot_paths -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kanbao::action::Action;
use kanbao::analysis::keywords::{self, KeywordOptions};
use kanbao::analysis::search::{MatchMode, Query, SearchIndex, search};
use kanbao::analysis::segmenter::{Segmenter, SegmenterOptions};
use kanbao::document::Document;
use kanbao::layout::{LayoutOptions, lay_out};
use kanbao::state::{AppState, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Pages in the in-memory corpus of the throughput benches (~4.4 MB): enough to leave
/// the caches, small enough to keep a bench run short.
const PAGES: usize = 200;
/// Pages behind the frame bench: the size of the "year of pages".
const FRAME_PAGES: usize = 5000;

fn sources(pages: usize) -> Vec<(String, String)> {
    (0..pages)
        .map(|i| {
            (
                kanbao_corpus::page_file_name(i),
                kanbao_corpus::generate_page(1, i),
            )
        })
        .collect()
}

fn parse_all(sources: &[(String, String)]) -> Vec<Document> {
    sources
        .iter()
        .map(|(name, text)| kanbao::document::parse(name, text))
        .collect()
}

fn bytes(sources: &[(String, String)]) -> u64 {
    sources.iter().map(|(_, t)| t.len() as u64).sum()
}

fn decode_parse(c: &mut Criterion) {
    let sources = sources(PAGES);
    let mut group = c.benchmark_group("decode+parse");
    group.throughput(Throughput::Bytes(bytes(&sources)));
    group.sample_size(10);
    group.bench_function("generated pages", |b| {
        b.iter(|| {
            sources
                .iter()
                .map(|(name, text)| {
                    let bytes = black_box(text.as_bytes().to_vec());
                    kanbao::input::document_from_vec(name, bytes, None).map_or(0, |d| d.text.len())
                })
                .sum::<usize>()
        });
    });
    group.finish();
}

fn layout(c: &mut Criterion) {
    let sources = sources(PAGES);
    let docs = parse_all(&sources);
    let mut group = c.benchmark_group("layout pages");
    group.throughput(Throughput::Bytes(bytes(&sources)));
    group.sample_size(10);
    for width in [40u16, 100] {
        let opts = LayoutOptions {
            width,
            ..LayoutOptions::default()
        };
        group.bench_with_input(BenchmarkId::from_parameter(width), &opts, |b, opts| {
            b.iter(|| {
                docs.iter()
                    .map(|d| lay_out(d, opts).lines.len())
                    .sum::<usize>()
            });
        });
    }
    group.finish();
}

fn search_and_keywords(c: &mut Criterion) {
    let sources = sources(PAGES);
    let docs = parse_all(&sources);
    let indexes: Vec<SearchIndex> = docs.iter().map(SearchIndex::new).collect();
    let mut group = c.benchmark_group("search generated");
    group.throughput(Throughput::Bytes(bytes(&sources)));
    for (name, input) in [
        ("one term 社区", "社区"),
        ("two terms 平城区 发展", "平城区 发展"),
    ] {
        let query = Query::parse(input, MatchMode::Substring);
        group.bench_function(name, |b| {
            b.iter(|| {
                docs.iter()
                    .zip(&indexes)
                    .map(|(d, i)| search(d, i, black_box(&query), None).len())
                    .sum::<usize>()
            });
        });
    }
    group.finish();

    let Ok(seg) = Segmenter::load(&SegmenterOptions::default()) else {
        return;
    };
    let some = &docs[..10];
    let articles: usize = some.iter().map(|d| d.articles.len()).sum();
    let mut group = c.benchmark_group("keywords generated");
    group.throughput(Throughput::Elements(articles as u64));
    group.sample_size(10);
    let opts = KeywordOptions::default();
    group.bench_function("tf-idf, 8 per article", |b| {
        b.iter(|| {
            some.iter()
                .map(|d| {
                    (0..d.articles.len())
                        .map(|a| keywords::extract(&seg, d, a, &opts).len())
                        .sum::<usize>()
                })
                .sum::<usize>()
        });
    });
    group.finish();
}

fn frame(c: &mut Criterion) {
    let docs = parse_all(&sources(FRAME_PAGES));
    let (width, height) = (100, 30);
    let opts = LayoutOptions {
        width,
        ..LayoutOptions::default()
    };
    let mut state = AppState::new(docs, opts, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let mut group = c.benchmark_group("frame 5000 pages 100x30");
    group.bench_function("draw", |b| {
        b.iter(|| terminal.draw(|f| kanbao::ui::draw(f, &state)).map(|_| ()));
    });
    group.bench_function("j + draw", |b| {
        b.iter(|| {
            update(&mut state, Action::MoveDown);
            terminal.draw(|f| kanbao::ui::draw(f, &state)).map(|_| ())
        });
    });
    group.bench_function("G, gg + draw", |b| {
        b.iter(|| {
            update(&mut state, Action::JumpToEnd);
            terminal.draw(|f| kanbao::ui::draw(f, &state)).map(|_| ())?;
            update(&mut state, Action::JumpToStart);
            terminal.draw(|f| kanbao::ui::draw(f, &state)).map(|_| ())
        });
    });
    group.finish();
}

criterion_group!(benches, decode_parse, layout, search_and_keywords, frame);
criterion_main!(benches);
