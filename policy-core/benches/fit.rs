//! `Policy::fit` over every AWS managed policy larger than 6,144 characters (the set the issue
//! names), against a baseline measured in the same run: parsing and validating the same
//! policies (what `policy check` does to them).
//!
//! `cargo bench -p policy-core --bench fit`; each iteration handles the whole set.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "bench"
)]

use std::path::PathBuf;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use typed_iam_core::fit::{self, Wildcards};
use typed_iam_core::{validate, Context, Policy, SizeTarget};

fn over_size() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/managed");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .filter(|text| {
            fit::size(&Policy::from_json(text).unwrap()) > SizeTarget::ManagedPolicy.limit()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = over_size();
    let _ = catalog::index::catalog();
    let mut group = c.benchmark_group("over-size-managed");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.sample_size(10);
    group.bench_function("baseline: parse+validate", |b| {
        b.iter(|| {
            for text in &texts {
                let policy = Policy::from_json(black_box(text)).unwrap();
                black_box(validate(&policy, &Context::infer(&policy)));
            }
        });
    });
    group.bench_function("parse+fit (exact wildcards)", |b| {
        b.iter(|| {
            for text in &texts {
                let policy = Policy::from_json(black_box(text)).unwrap();
                let _ = black_box(policy.fit_with(SizeTarget::ManagedPolicy, Wildcards::Exact));
            }
        });
    });
    group.bench_function("parse+fit (no new wildcards)", |b| {
        b.iter(|| {
            for text in &texts {
                let policy = Policy::from_json(black_box(text)).unwrap();
                let _ = black_box(policy.fit_with(SizeTarget::ManagedPolicy, Wildcards::Never));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
