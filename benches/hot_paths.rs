//! Criterion benches of kanbao's hot paths. (Skeleton.)

use criterion::{Criterion, criterion_group, criterion_main};

fn parse_sample(c: &mut Criterion) {
    c.bench_function("parse sample", |b| {
        b.iter(|| kanbao::document::parse("sample", kanbao::input::SAMPLE));
    });
}

criterion_group!(benches, parse_sample);
criterion_main!(benches);
