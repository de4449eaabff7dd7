//! What typing in the search prompt costs the UI thread, on the sample and on a
//! generated ~100 MB corpus, and how soon the background runner answers.
//!
//! * keystroke: one `update` with a prompt edit, including the search itself on a small
//!   corpus (synchronous) or the hand-off to the runner on a large one, and the
//!   highlights for the screen;
//! * runner: from the request to the first batch and to the final one (folded texts
//!   warm, as after start-up), through the same channel the app uses;
//! * apply: taking in every batch of a 110 000-hit search on the UI thread;
//! * frame: drawing 100×30 with matches highlighted.
//!
//! Run: `cargo bench --bench search_ui` (`KANBAO_BENCH_MB=20` for a smaller corpus).

use std::hint::black_box;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use kanbao::action::Action;
use kanbao::analysis::search::batch::SearchBatch;
use kanbao::analysis::search::runner::SearchRunner;
use kanbao::analysis::search::{MatchMode, Query};
use kanbao::analysis::shared_jieba::SharedJieba;
use kanbao::document::Document;
use kanbao::layout::LayoutOptions;
use kanbao::state::{AppState, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn corpus() -> Vec<Document> {
    let mb: usize = std::env::var("KANBAO_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let mut docs = Vec::new();
    let mut bytes = 0;
    while bytes < mb * 1024 * 1024 {
        let page = kanbao_corpus::generate_page(7, docs.len());
        let doc = kanbao::document::parse(&kanbao_corpus::page_file_name(docs.len()), &page);
        bytes += doc.text.len();
        docs.push(doc);
    }
    eprintln!("corpus: {} pages, {} MB of text", docs.len(), bytes >> 20);
    docs
}

fn typing_state(docs: Vec<Document>) -> AppState {
    let mut s = AppState::new(docs, LayoutOptions::default(), 100, 30);
    update(&mut s, Action::OpenSearchPrompt);
    update(&mut s, Action::InsertSearchText("人口普".into()));
    s
}

fn keystrokes(c: &mut Criterion, name: &str, s: &mut AppState) {
    c.bench_function(name, |b| {
        b.iter(|| {
            update(s, Action::InsertSearchText("查".into()));
            update(s, Action::DeleteSearchCharBack);
            black_box(s.search.generation)
        });
    });
}

/// Waits for the first batch (when `first`) or the last one of `generation`.
fn wait(rx: &Receiver<SearchBatch>, generation: u64, first: bool) -> Vec<SearchBatch> {
    let mut got = Vec::new();
    while let Ok(batch) = rx.recv() {
        if batch.generation != generation {
            continue;
        }
        let done = batch.done;
        got.push(batch);
        if first || done {
            break;
        }
    }
    got
}

fn benches(c: &mut Criterion) {
    let sample = kanbao::document::parse("sample.md", kanbao::input::SAMPLE);
    let mut s = typing_state(vec![sample]);
    keystrokes(c, "keystroke, sample (search + highlights)", &mut s);

    let docs = corpus();
    let mut big = typing_state(docs);
    keystrokes(c, "keystroke, 100 MB (hand-off to the runner)", &mut big);

    let (tx, rx) = channel();
    let docs = Arc::clone(&big.docs);
    let runner = SearchRunner::spawn(Arc::clone(&docs), SharedJieba::default(), move |b| {
        tx.send(b).is_ok()
    });
    let mut generation = 1;
    runner.search(
        generation,
        Arc::clone(&docs),
        Query::parse("预热", MatchMode::Substring),
    );
    wait(&rx, generation, false);
    let mut group = c.benchmark_group("runner 100 MB");
    group.sample_size(10);
    for (name, input, first) in [
        ("人口普查: first batch", "人口普查", true),
        ("人口普查: all matches", "人口普查", false),
        ("带泥土: all matches", "带泥土", false),
    ] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    generation += 1;
                    let started = Instant::now();
                    runner.search(
                        generation,
                        Arc::clone(&docs),
                        Query::parse(input, MatchMode::Substring),
                    );
                    wait(&rx, generation, first);
                    total += started.elapsed();
                    if first {
                        wait(&rx, generation, false);
                    }
                }
                total
            });
        });
    }
    group.finish();

    // Every batch of a big search, as the UI thread takes them in.
    update(&mut big, Action::InsertSearchText("查".into()));
    let (g, query) = big.search.pending_request().expect("a background search");
    generation += 1;
    runner.search(generation, Arc::clone(&docs), query);
    let batches: Vec<SearchBatch> = wait(&rx, generation, false)
        .into_iter()
        .map(|b| SearchBatch { generation: g, ..b })
        .collect();
    let hits: usize = batches.iter().map(|b| b.matches.len()).sum();
    eprintln!("人口普查: {hits} hits in {} batches", batches.len());
    c.bench_function("apply every batch of 人口普查 (UI thread)", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                update(&mut big, Action::InsertSearchText("x".into()));
                update(&mut big, Action::DeleteSearchCharBack);
                let (g, _) = big.search.pending_request().expect("pending");
                let prepared: Vec<SearchBatch> = batches
                    .iter()
                    .map(|b| SearchBatch {
                        generation: g,
                        ..b.clone()
                    })
                    .collect();
                let started = Instant::now();
                for batch in prepared {
                    update(&mut big, Action::ApplySearchResults(batch));
                }
                total += started.elapsed();
            }
            total
        });
    });

    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
    c.bench_function("frame 100x30 with matches, 100 MB", |b| {
        b.iter(|| terminal.draw(|f| kanbao::ui::draw(f, &big)).map(|_| ()));
    });
}

criterion_group!(search_ui, benches);
criterion_main!(search_ui);
