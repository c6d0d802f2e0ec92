//! What one "did you mean" costs: the figure behind the validator's per-thread memory of the
//! last suggestion (`policy-core/src/validate/memo.rs`).
//! `cargo run --release -p typed-iam-catalog --example suggest_cost`.

use std::hint::black_box;
use std::time::Instant;

use typed_iam_catalog::index::catalog;

fn main() {
    let catalog = catalog();
    for (what, rounds, run) in [
        (
            "suggest_service(\"evidentlyy\")",
            2_000,
            &(|| black_box(catalog.suggest_service(black_box("evidentlyy"))).is_some())
                as &dyn Fn() -> bool,
        ),
        (
            "suggest_condition_key(\"deepracer:UserTokn\")",
            2_000,
            &|| black_box(catalog.suggest_condition_key(black_box("deepracer:UserTokn"))).is_some(),
        ),
    ] {
        let mut samples = Vec::new();
        for _ in 0..7 {
            let start = Instant::now();
            for _ in 0..rounds {
                run();
            }
            samples.push(start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds));
        }
        samples.sort_by(f64::total_cmp);
        println!(
            "{what}: median {:.2} us per call (min {:.2}, max {:.2}, 7 samples of {rounds})",
            samples[3], samples[0], samples[6]
        );
    }
}
