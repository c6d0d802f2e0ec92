//! Parse + validate + serialize per policy over the 1,594 AWS managed policies.
//!
//! `cargo bench -p typed-iam-core --bench validate`; throughput is in policies per second
//! (criterion's "elements").

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "bench"
)]

use std::path::PathBuf;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use typed_iam_core::{validate, Context, Policy};

fn corpus() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/managed");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let policies: Vec<Policy> = texts
        .iter()
        .map(|t| Policy::from_json(t).unwrap())
        .collect();
    // Build the catalog's index before measuring (a one-time cost per process).
    let _ = catalog::index::catalog();

    let mut group = c.benchmark_group("managed-corpus");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.sample_size(10);
    group.bench_function("parse+validate+serialize", |b| {
        b.iter(|| {
            for text in &texts {
                let policy = Policy::from_json(black_box(text)).unwrap();
                let findings = validate(&policy, &Context::infer(&policy));
                black_box(findings);
                black_box(policy.to_json());
            }
        });
    });
    group.bench_function("validate", |b| {
        b.iter(|| {
            for policy in &policies {
                black_box(validate(black_box(policy), &Context::infer(policy)));
            }
        });
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(Policy::from_json(black_box(text)).unwrap());
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
