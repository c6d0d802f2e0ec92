//! Comparisons per second on real policy pairs: managed policies against their canonical
//! forms (`compare::canonical`, written and re-read), a sample of the corpus spread over its
//! sizes, and the worst case the corpus run found (the slowest pair), each against the parse
//! of the same policies as the baseline of the same run.
//!
//! `cargo bench -p typed-iam-core --bench compare`; throughput is in comparisons per second
//! (criterion's "elements").

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "bench"
)]

use std::path::PathBuf;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use typed_iam_core::compare::{canonical, compare};
use typed_iam_core::Policy;

fn managed() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/managed");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let corpus = managed();
    // Every 32nd policy: about 50 pairs of every size.
    let sample: Vec<(String, Policy, Policy)> = corpus
        .iter()
        .step_by(32)
        .map(|(name, text)| {
            let policy = Policy::from_json(text).unwrap();
            let again = Policy::from_json(&canonical(&policy).to_json_pretty()).unwrap();
            (name.clone(), policy, again)
        })
        .collect();
    let texts: Vec<&str> = corpus.iter().step_by(32).map(|(_, t)| t.as_str()).collect();
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.throughput(Throughput::Elements(sample.len() as u64));
    group.bench_function("parse sample (baseline)", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(Policy::from_json(black_box(text)).unwrap());
            }
        })
    });
    group.bench_function("sample against canonical forms", |b| {
        b.iter(|| {
            for (_, old, new) in &sample {
                black_box(compare(black_box(old), black_box(new)));
            }
        })
    });
    group.finish();
    // The worst case: the slowest pair of the corpus run (`tests/compare_managed.rs` prints
    // it), one comparison per iteration.
    let worst =
        std::env::var("COMPARE_WORST").unwrap_or_else(|_| "AWSSupportServiceRolePolicy".to_owned());
    if let Some((_, text)) = corpus.iter().find(|(name, _)| *name == worst) {
        let policy = Policy::from_json(text).unwrap();
        let again = Policy::from_json(&canonical(&policy).to_json_pretty()).unwrap();
        let mut group = c.benchmark_group("compare worst case");
        group.sample_size(10);
        group.throughput(Throughput::Elements(1));
        group.bench_function(format!("{worst} (parse, baseline)"), |b| {
            b.iter(|| black_box(Policy::from_json(black_box(text)).unwrap()))
        });
        group.bench_function(format!("{worst} against its canonical form"), |b| {
            b.iter(|| black_box(compare(black_box(&policy), black_box(&again))))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
