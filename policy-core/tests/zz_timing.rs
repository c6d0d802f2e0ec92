#![expect(clippy::unwrap_used, missing_docs, reason = "scratch")]
use std::time::Instant;
#[test]
fn timing() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/managed");
    let texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let _ = policy_core::Action::parse("s3:GetObject");
    for round in 0..3 {
        let start = Instant::now();
        for t in &texts {
            let _: serde_json::Value = serde_json::from_str(t).unwrap();
        }
        let value = start.elapsed();
        let start = Instant::now();
        let policies: Vec<_> = texts
            .iter()
            .map(|t| policy_core::Policy::from_json(t).unwrap())
            .collect();
        let parse = start.elapsed();
        let start = Instant::now();
        let n: usize = policies.iter().map(|p| p.to_json().len()).sum();
        let write = start.elapsed();
        eprintln!("round {round}: {} policies, {bytes} bytes: serde Value {value:?}, from_json {parse:?}, to_json {write:?} ({n})", texts.len());
    }
}
