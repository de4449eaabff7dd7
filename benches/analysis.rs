//! Benches of the analysis layer on a generated ~100 MB corpus: folding (index build),
//! search throughput, jieba's load time and keyword extraction. The background search
//! (time to first match and to the full count) is measured in `benches/search_ui.rs`.
//!
//! The corpus is `kanbao_corpus::generate_page` (the pages `examples/gen_corpus.rs`
//! writes) up to ~100 MB of parsed text, parsed once. Run: `cargo bench --bench analysis`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kanbao::analysis::keywords::{self, KeywordOptions, Method};
use kanbao::analysis::search::{MatchMode, Query, SearchIndex, search};
use kanbao::analysis::segmenter::{Segmenter, SegmenterOptions};
use kanbao::document::Document;

const TARGET_BYTES: usize = 100 * 1024 * 1024;

fn corpus() -> Vec<Document> {
    let mut docs = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET_BYTES {
        let index = docs.len();
        let page = kanbao_corpus::generate_page(1, index);
        let doc = kanbao::document::parse(&kanbao_corpus::page_file_name(index), &page);
        bytes += doc.text.len();
        docs.push(doc);
    }
    docs
}

fn total_bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

fn search_benches(c: &mut Criterion) {
    let docs = corpus();
    let bytes = total_bytes(&docs);
    let mut group = c.benchmark_group("search 100MB");
    group.sample_size(10).throughput(Throughput::Bytes(bytes));
    group.bench_function("fold + index", |b| {
        b.iter(|| {
            docs.iter()
                .map(SearchIndex::new)
                .map(|i| i.len())
                .sum::<usize>()
        });
    });
    let indexes: Vec<SearchIndex> = docs.iter().map(SearchIndex::new).collect();
    for (name, input) in [
        ("人口普查 (110k hits)", "人口普查"),
        ("带泥土 (no hits)", "带泥土"),
        ("ｇｄｐ (folded Latin, no hits)", "ｇｄｐ"),
        ("两个词 平城区 普查", "平城区 普查"),
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
}

fn jieba_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("jieba");
    group.sample_size(10);
    group.bench_function("load (with bundled dictionary)", |b| {
        b.iter(|| Segmenter::load(&SegmenterOptions::default()).map(|s| s.load_time()));
    });
    let seg = Segmenter::load(&SegmenterOptions::default()).expect("jieba loads");
    let doc = kanbao::document::parse("sample", kanbao::input::SAMPLE);
    let articles = doc.articles.len() as u64;
    group.throughput(Throughput::Elements(articles));
    for method in [Method::TfIdf, Method::TextRank] {
        let opts = KeywordOptions { top: 8, method };
        group.bench_function(format!("keywords per article ({method:?})"), |b| {
            b.iter(|| {
                (0..doc.articles.len())
                    .map(|a| keywords::extract(&seg, &doc, a, &opts).len())
                    .sum::<usize>()
            });
        });
    }
    group.bench_function("keywords + occurrences + names per article", |b| {
        b.iter(|| {
            (0..doc.articles.len())
                .map(|a| {
                    kanbao::analysis::worker::ArticleAnalysis::compute(
                        &seg,
                        &doc,
                        a,
                        &KeywordOptions::default(),
                    )
                    .names
                    .len()
                })
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, jieba_benches, search_benches);
criterion_main!(benches);
