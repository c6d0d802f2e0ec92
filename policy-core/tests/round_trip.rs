//! Every seed document and every AWS managed policy reads and writes back the same JSON value,
//! and writing is deterministic and idempotent.
#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test fails by panicking, naming the file"
)]

use std::path::{Path, PathBuf};

use typed_iam_core::{Policy, Statement};

fn data_dir(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data")).join(name)
}

fn json_files(name: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(data_dir(name))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                text,
            )
        })
        .collect();
    files.sort();
    files
}

fn value(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

/// Checks one document, a policy or a statement; returns whether it was a policy, and its
/// pretty form. `thorough`
/// adds the checks of serde's `Deserialize` and `Display` (the seeds have them; the managed
/// corpus keeps the suite fast).
fn check(name: &str, text: &str, thorough: bool) -> (bool, String) {
    let input = value(text);
    let is_policy = input.get("Statement").is_some();
    let (compact, pretty, reread_pretty) = if is_policy {
        let policy = Policy::from_json(text).unwrap_or_else(|error| panic!("{name}: {error}"));
        let compact = policy.to_json();
        assert_eq!(
            compact,
            policy.to_json(),
            "{name}: writing is deterministic"
        );
        assert_eq!(
            serde_json::to_string(&policy).unwrap(),
            compact,
            "{name}: serde"
        );
        let pretty = policy.to_json_pretty();
        assert_eq!(
            serde_json::to_string_pretty(&policy).unwrap(),
            pretty,
            "{name}: serde"
        );
        let reread = Policy::from_json(&pretty).unwrap();
        assert_eq!(reread, policy, "{name}: model equal after a round trip");
        if thorough {
            assert_eq!(policy.to_string(), pretty, "{name}: Display");
            let via_serde: Policy = serde_json::from_str(text).unwrap();
            assert_eq!(via_serde, policy, "{name}: Deserialize");
        }
        (compact, pretty, reread.to_json_pretty())
    } else {
        let statement =
            Statement::from_json(text).unwrap_or_else(|error| panic!("{name}: {error}"));
        let compact = statement.to_json();
        assert_eq!(
            serde_json::to_string(&statement).unwrap(),
            compact,
            "{name}: serde"
        );
        let pretty = statement.to_json_pretty();
        assert_eq!(serde_json::to_string_pretty(&statement).unwrap(), pretty);
        let reread = Statement::from_json(&pretty).unwrap();
        assert_eq!(reread, statement, "{name}: model equal after a round trip");
        if thorough {
            assert_eq!(statement.to_string(), pretty, "{name}: Display");
            let via_serde: Statement = serde_json::from_str(text).unwrap();
            assert_eq!(via_serde, statement, "{name}: Deserialize");
        }
        (compact, pretty, reread.to_json_pretty())
    };
    assert_eq!(
        value(&compact),
        input,
        "{name}: compact output is the same JSON value"
    );
    assert_eq!(
        value(&pretty),
        input,
        "{name}: pretty output is the same JSON value"
    );
    assert_eq!(
        reread_pretty, pretty,
        "{name}: pretty printing is idempotent"
    );
    (is_policy, pretty)
}

#[test]
fn every_seed_round_trips() {
    let seeds = json_files("seeds");
    assert_eq!(seeds.len(), 40, "tests/data/seeds holds 40 documents");
    let policies = seeds
        .iter()
        .filter(|(name, text)| check(name, text, true).0)
        .count();
    assert!(
        policies > 0 && policies < seeds.len(),
        "seeds hold policies and statements"
    );
}

#[test]
fn every_managed_policy_round_trips() {
    let managed = json_files("managed");
    assert_eq!(
        managed.len(),
        1594,
        "tests/data/managed holds 1,594 policies"
    );
    let mut identical = 0;
    for (name, text) in &managed {
        let (is_policy, pretty) = check(name, text, false);
        assert!(is_policy, "{name} is a policy");
        // The files are written with two-space indentation in AWS's key order; where that
        // order is already the canonical one, pretty output gives back the file byte for byte.
        identical += usize::from(pretty == text.trim_end());
    }
    assert!(
        identical * 2 > managed.len(),
        "only {identical} of {} identical",
        managed.len()
    );
}
