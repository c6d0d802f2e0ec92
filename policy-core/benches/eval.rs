//! Decisions per second on one thread: a request of a SageMaker training job against the seeds'
//! SageMaker execution role (its bucket policy `004_00` and job policy `004_12` as identity
//! policies, its trust policy `004_01` as the resource policy), with and without the trace.
//!
//! `cargo bench -p typed-iam-core --bench eval`; throughput is in decisions per second
//! (criterion's "elements": each iteration evaluates the batch of requests once).
//!
//! Two groups: `sagemaker-execution-role` by the wall clock, and `sagemaker-execution-role-cpu`
//! by the CPU time of the benchmark's thread (the kernel's `/proc/thread-self/schedstat`). On a
//! machine shared with other work the wall clock also counts the time other processes held the
//! core, which made runs of the same binary differ by 2x; the thread's CPU time does not. The
//! kernel updates that figure at least once a scheduler tick (a few milliseconds), so the CPU
//! group takes few, long samples (20 samples over 10 s: about half a second each).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "bench"
)]

use std::path::PathBuf;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use typed_iam_core::eval::{PolicySet, Request};
use typed_iam_core::Policy;

fn seed(name: &str) -> Policy {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/data/seeds/{name}.json"));
    Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The CPU time the current thread has used, in nanoseconds.
fn thread_cpu_ns() -> u64 {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat")
        .expect("the CPU-time group needs Linux's /proc/thread-self/schedstat");
    text.split_whitespace()
        .next()
        .and_then(|field| field.parse().ok())
        .expect("schedstat starts with the run time in nanoseconds")
}

/// Criterion's measurement by the thread's CPU time.
struct ThreadCpu;

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }

    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        &Nanoseconds
    }
}

/// Formats nanoseconds of CPU time and elements per CPU second.
struct Nanoseconds;

impl ValueFormatter for Nanoseconds {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns")
        } else if typical < 1e6 {
            (1e-3, "µs")
        } else if typical < 1e9 {
            (1e-6, "ms")
        } else {
            (1e-9, "s")
        };
        values.iter_mut().for_each(|value| *value *= factor);
        unit
    }

    fn scale_throughputs(
        &self,
        typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let per = match *throughput {
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) | Throughput::Elements(n) => {
                n as f64
            }
        };
        let per_second = per * 1e9 / typical;
        let (factor, unit) = if per_second < 1e3 {
            (1.0, "elem/cpu-s")
        } else if per_second < 1e6 {
            (1e-3, "Kelem/cpu-s")
        } else {
            (1e-6, "Melem/cpu-s")
        };
        values
            .iter_mut()
            .for_each(|value| *value = per * 1e9 / *value * factor);
        unit
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn bench(c: &mut Criterion) {
    run(c, "sagemaker-execution-role");
}

fn bench_cpu(c: &mut Criterion<ThreadCpu>) {
    run(c, "sagemaker-execution-role-cpu");
}

fn run<M: Measurement>(c: &mut Criterion<M>, name: &str) {
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

    let mut group = c.benchmark_group(name);
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
criterion_group! {
    name = cpu;
    config = Criterion::default()
        .with_measurement(ThreadCpu)
        .sample_size(20)
        .measurement_time(std::time::Duration::from_secs(10));
    targets = bench_cpu
}
criterion_main!(benches, cpu);
