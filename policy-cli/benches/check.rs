//! `policy check` over the 1,594 AWS managed policies in `tests/data/managed`: policies per
//! second on one thread and on every core, with reading and parsing the same files as JSON
//! (`serde_json::Value`) as the baseline measured in the same run.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_main, Criterion, Throughput};
use typed_iam_cli::engine::Settings;
use typed_iam_cli::inputs::{self, Input};

fn corpus() -> Vec<Input> {
    let managed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/managed");
    inputs::collect(&[managed]).inputs
}

fn check(c: &mut Criterion) {
    let inputs = corpus();
    let settings = vec![Settings::default(); inputs.len()];
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let mut group = c.benchmark_group("check/managed");
    group.throughput(Throughput::Elements(inputs.len() as u64));
    group.sample_size(10);
    group.bench_function("serde_json baseline, 1 thread", |b| {
        b.iter(|| {
            for input in &inputs {
                if let Some(path) = input.path() {
                    let text = std::fs::read_to_string(path).unwrap_or_default();
                    black_box(serde_json::from_str::<serde_json::Value>(&text).ok());
                }
            }
        })
    });
    for jobs in [1, cores] {
        group.bench_function(format!("policy check, {jobs} thread(s)"), |b| {
            b.iter(|| {
                let mut findings = 0;
                let result =
                    typed_iam_cli::check::check_all(&inputs, &settings, None, jobs, |_, r| {
                        findings += r.map(|checked| checked.findings.len()).unwrap_or(0);
                        Ok(())
                    });
                black_box((result.is_ok(), findings))
            })
        });
    }
    group.finish();
}

// A private module, so that the function `criterion_group!` generates needs no rustdoc.
mod group {
    criterion::criterion_group!(benches, super::check);
}
criterion_main!(group::benches);
