//! The validator over AWS's own managed policies (all accepted by AWS): no false errors.
//!
//! Every error found on these policies must be a true defect of the policy, listed in
//! [`TRUE_DEFECTS`] with its reason; anything else is a bug in a rule. The per-code counts are
//! printed (`cargo test -p policy-core --test validate_managed -- --nocapture`).

#![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]

use std::collections::BTreeMap;
use std::path::PathBuf;

use policy_core::{validate, Code, Context, Policy};

/// (policy, code, why it is a true defect of the AWS policy).
const TRUE_DEFECTS: &[(&str, Code, &str)] = &[];

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

#[test]
fn managed_policies_have_no_false_errors() {
    let policies = managed();
    assert_eq!(policies.len(), 1594);
    let mut per_code: BTreeMap<(bool, &'static str), usize> = BTreeMap::new();
    let mut unexpected = Vec::new();
    let mut with_error = 0;
    for (name, text) in &policies {
        let policy = Policy::from_json(text).unwrap();
        let findings = validate(&policy, &Context::infer(&policy));
        let mut codes: Vec<_> = findings.iter().map(|d| (d.is_error(), d.code)).collect();
        codes.sort();
        codes.dedup();
        for &(error, code) in &codes {
            *per_code.entry((error, code.as_str())).or_default() += 1;
        }
        if findings.iter().any(|d| d.is_error()) {
            with_error += 1;
        }
        for d in findings.iter().filter(|d| d.is_error()) {
            let listed = TRUE_DEFECTS
                .iter()
                .any(|&(policy, code, _)| policy == name && code == d.code);
            if !listed {
                unexpected.push(format!("{name}: [{}] {} (at {})", d.code, d.message, d.location));
            }
        }
    }
    println!("{with_error} of {} policies have an error", policies.len());
    for ((error, code), count) in &per_code {
        println!("{:>7} {code:<30} {count}", if *error { "error" } else { "warning" });
    }
    for line in &unexpected {
        println!("UNEXPECTED {line}");
    }
    assert!(unexpected.is_empty(), "{} unexpected errors", unexpected.len());
    let listed: std::collections::BTreeSet<&str> = TRUE_DEFECTS.iter().map(|d| d.0).collect();
    assert_eq!(with_error, listed.len(), "every listed defect is still found");
}
