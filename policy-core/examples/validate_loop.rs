//! Validates the managed corpus in a loop (profiling helper):
//! `cargo run --release -p typed-iam-core --example validate_loop -- DIR ROUNDS`.

use typed_iam_core::{validate, Context, Policy};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: validate_loop DIR ROUNDS")?;
    let rounds: usize = args.next().map_or(Ok(10), |n| n.parse())?;
    let mut policies = Vec::new();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let text = std::fs::read_to_string(&path)?;
        if let Ok(policy) = Policy::from_json(&text) {
            policies.push(policy);
            names.push(path.display().to_string());
        }
    }
    if std::env::var_os("SLOWEST").is_some() {
        let mut times: Vec<(f64, usize)> = policies
            .iter()
            .enumerate()
            .map(|(index, policy)| {
                let start = std::time::Instant::now();
                for _ in 0..rounds {
                    std::hint::black_box(validate(policy, &Context::infer(policy)));
                }
                (start.elapsed().as_secs_f64() / rounds as f64, index)
            })
            .collect();
        times.sort_by(|a, b| b.0.total_cmp(&a.0));
        let total: f64 = times.iter().map(|t| t.0).sum();
        println!("total {total:.3} s per round");
        for (seconds, index) in times.iter().take(15) {
            println!("{:>8.3} ms  {}", seconds * 1e3, names[*index]);
        }
        return Ok(());
    }
    let start = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..rounds {
        for policy in &policies {
            findings += validate(policy, &Context::infer(policy)).len();
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{} policies x {rounds} in {seconds:.2} s: {:.0} policies/s ({findings} findings)",
        policies.len(),
        (policies.len() * rounds) as f64 / seconds
    );
    Ok(())
}
