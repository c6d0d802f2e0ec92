//! Prints every finding of the validator over a directory of policies (corpus review helper):
//! `cargo run -p typed-iam-core --example validate_dump -- DIR [CODE]`.

use typed_iam_core::{validate, Context, Policy};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: validate_dump DIR [CODE]")?;
    let only = args.next();
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let Ok(policy) = Policy::from_json(&text) else {
            continue;
        };
        let cx = Context::infer(&policy);
        for d in validate(&policy, &cx) {
            if only.as_deref().is_some_and(|code| code != d.code.as_str()) {
                continue;
            }
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy())
                .unwrap_or_default();
            println!(
                "{name}\t{}\t{}\t{}\t{}",
                cx.kind(),
                d.code,
                d.location,
                d.message
            );
        }
    }
    Ok(())
}
