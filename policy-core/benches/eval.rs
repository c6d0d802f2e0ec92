//! Decisions per second on one thread: a request of a SageMaker training job against the seeds'
//! SageMaker execution role (its bucket policy `004_00` and job policy `004_12` as identity
//! policies, its trust policy `004_01` as the resource policy), with and without the trace.
//!
//! `cargo bench -p policy-core --bench eval`; throughput is in decisions per second
//! (criterion's "elements": each iteration evaluates the batch of requests once).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "bench"
)]

use std::path::PathBuf;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use typed_iam_core::eval::{PolicySet, Request};
use typed_iam_core::Policy;

fn seed(name: &str) -> Policy {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/data/seeds/{name}.json"));
    Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn bench(c: &mut Criterion) {
    let (buckets, job, trust) = (seed("004_00"), seed("004_12"), seed("004_01"));
    let session = "arn:aws:sts::111122223333:assumed-role/SageMakerExecution/training-job-7";
    // Allowed and denied requests, as a job makes them.
    let requests: Vec<Request> = [
        ("s3:GetObject", "arn:aws:s3:::DOC-EXAMPLE-BUCKET1/train/part-0001.parquet"),
        ("s3:PutObject", "arn:aws:s3:::DOC-EXAMPLE-BUCKET2/output/model.tar.gz"),
        ("s3:ListBucket", "arn:aws:s3:::DOC-EXAMPLE-BUCKET1"),
        ("logs:PutLogEvents", "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/sagemaker/TrainingJobs:log-stream:job-7"),
        ("ecr:BatchGetImage", "arn:aws:ecr:eu-west-1:111122223333:repository/trainer"),
        ("s3:DeleteBucket", "arn:aws:s3:::DOC-EXAMPLE-BUCKET1"),
        ("iam:PassRole", "arn:aws:iam::111122223333:role/Admin"),
        ("sagemaker:CreateTrainingJob", "arn:aws:sagemaker:eu-west-1:111122223333:training-job/x"),
    ]
    .into_iter()
    .map(|(action, resource)| {
        Request::new(action, resource)
            .unwrap()
            .principal(session)
            .unwrap()
            .context("aws:SecureTransport", true)
            .unwrap()
            .context("aws:SourceIp", "10.0.0.7")
            .unwrap()
    })
    .collect();
    let set = PolicySet::new()
        .identity(&buckets)
        .identity(&job)
        .resource(&trust);
    let allowed = requests
        .iter()
        .filter(|r| set.evaluate(r).is_allowed())
        .count();
    assert_eq!(
        allowed, 5,
        "the batch is five allowed and three denied requests"
    );

    let mut group = c.benchmark_group("sagemaker-execution-role");
    group.throughput(Throughput::Elements(requests.len() as u64));
    group.bench_function("evaluate", |b| {
        b.iter(|| {
            for request in &requests {
                black_box(set.evaluate(black_box(request)).outcome());
            }
        });
    });
    group.bench_function("evaluate+trace", |b| {
        b.iter(|| {
            for request in &requests {
                black_box(
                    set.evaluate_traced(black_box(request))
                        .trace()
                        .map(<[_]>::len),
                );
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
