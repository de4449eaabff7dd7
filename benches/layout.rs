//! Wrapping throughput of Chinese text (MB/s), and the time to lay out very large
//! paragraphs, which must stay linear in their length.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kanbao::layout::LayoutOptions;
use kanbao::layout::typeset::{wrap_paragraph, wrap_text};
use kanbao::layout::wrap::Widths;

/// About `bytes` of the sample page's running text, as one paragraph.
fn chinese(bytes: usize) -> String {
    let body: String = kanbao::input::SAMPLE
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut text = String::with_capacity(bytes + body.len());
    while text.len() < bytes {
        text.push_str(&body);
    }
    text
}

fn wrap(text: &str, width: u16) -> usize {
    let opts = LayoutOptions {
        width,
        ..LayoutOptions::default()
    };
    let widths = Widths {
        first: width - 4,
        rest: width,
    };
    wrap_text(text, widths, &opts).len()
}

fn throughput(c: &mut Criterion) {
    let text = chinese(1 << 20);
    let mut group = c.benchmark_group("wrap chinese");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for width in [40u16, 80, 100] {
        group.bench_with_input(BenchmarkId::from_parameter(width), &width, |b, &w| {
            b.iter(|| wrap(black_box(&text), w));
        });
    }
    group.finish();
}

/// A paragraph as the pane sets it: widows pulled up, half-width punctuation measured
/// full-width.
fn paragraph(c: &mut Criterion) {
    let text = chinese(1 << 20);
    let mut group = c.benchmark_group("wrap paragraph");
    group.throughput(Throughput::Bytes(text.len() as u64));
    let opts = LayoutOptions {
        width: 80,
        fullwidth_punct: true,
        ..LayoutOptions::default()
    };
    let widths = Widths {
        first: 76,
        rest: 80,
    };
    group.bench_function("80", |b| {
        b.iter(|| wrap_paragraph(black_box(&text), widths, &opts).len());
    });
    group.finish();
}

fn large(c: &mut Criterion) {
    let mut group = c.benchmark_group("large paragraph");
    group.sample_size(10);
    for megabytes in [5usize, 20] {
        let text = chinese(megabytes << 20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(megabytes), &text, |b, t| {
            b.iter(|| wrap(black_box(t), 80));
        });
    }
    group.finish();
}

criterion_group!(benches, throughput, paragraph, large);
criterion_main!(benches);
