//! The lookup face's costs: the one-off construction of the index (a fresh `Catalog::load`,
//! not the cached static), an action lookup, a wildcard expansion, a suggestion, a condition
//! key lookup (templated) and an ARN match.

#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use typed_iam_catalog::index::{catalog, Catalog};

fn construction(c: &mut Criterion) {
    c.bench_function("index/construction", |b| {
        b.iter(|| black_box(Catalog::load()))
    });
}

fn lookups(c: &mut Criterion) {
    let catalog = catalog();
    c.bench_function("index/action", |b| {
        b.iter(|| black_box(catalog.action(black_box("bedrock:createevaluationjob"))))
    });
    c.bench_function("index/expand bedrock:*Evaluation*", |b| {
        b.iter(|| black_box(catalog.expand(black_box("bedrock:*Evaluation*"))))
    });
    c.bench_function("index/expand *:Get*", |b| {
        b.iter(|| black_box(catalog.expand(black_box("*:Get*"))))
    });
    let bedrock = catalog.service("bedrock");
    c.bench_function("index/suggest action", |b| {
        b.iter(|| {
            bedrock.and_then(|service| {
                black_box(catalog.suggest_action(service, black_box("CreateEvalutionJob")))
            })
        })
    });
    c.bench_function("index/condition key template", |b| {
        b.iter(|| black_box(catalog.condition_key(black_box("aws:RequestTag/team"))))
    });
    c.bench_function("index/resource types matching", |b| {
        b.iter(|| {
            black_box(catalog.resource_types_matching(black_box(
                "arn:aws:bedrock:us-east-1:123456789012:model-customization-job/*",
            )))
        })
    });
}

criterion_group!(benches, construction, lookups);
criterion_main!(benches);
