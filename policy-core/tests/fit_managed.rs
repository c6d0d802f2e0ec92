//! `Policy::fit` over every AWS managed policy larger than a customer managed policy may be
//! (6,144 characters): every part within the limit, the parts together granting exactly what
//! the policy granted ([`Grants`]: actions expanded over the catalog), the same parts on a
//! second run, and the number of parts against the lower bound `ceil(compacted size / limit)`.
//! The figures are printed (`cargo test -p policy-core --test fit_managed -- --nocapture`).
#![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]

use std::path::PathBuf;

use typed_iam_core::fit::{self, FitError, Grants, Wildcards};
use typed_iam_core::{Effect, OneOrMany, Policy, SizeTarget};

fn managed() -> Vec<(String, Policy)> {
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
            let policy = Policy::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
            (name, policy)
        })
        .collect()
}

fn check_corpus(target: SizeTarget, wildcards: Wildcards) {
    let limit = target.limit();
    let over: Vec<_> = managed()
        .into_iter()
        .filter(|(_, policy)| fit::size(policy) > limit)
        .collect();
    assert!(!over.is_empty());
    let (mut parts_total, mut bound_total, mut at_bound, mut worst) = (0, 0, 0, 0);
    let (mut size_before, mut size_after) = (0, 0);
    let mut refused = Vec::new();
    for (name, policy) in &over {
        let parts = match policy.fit_with(target, wildcards) {
            Ok(parts) => parts,
            Err(error) => {
                // Only a statement that no split can shorten may stop the fit: a Deny
                // statement (kept whole) or one whose lists cannot be divided, over the
                // limit in a policy of its own.
                let FitError::StatementTooLarge { index, size, .. } = &error else {
                    panic!("{name}: {error}");
                };
                let compacted = policy.compact_with(wildcards);
                let statement = &compacted.statements()[*index];
                let alone = |statement: &typed_iam_core::Statement| {
                    fit::size(&Policy::new(
                        policy.version(),
                        policy.id().map(str::to_owned),
                        OneOrMany::many(vec![statement.clone()]),
                    ))
                };
                assert_eq!(alone(statement), *size, "{name}");
                assert!(*size > limit, "{name}");
                if statement.effect() == Effect::Allow {
                    // An Allow statement is refused only when one of its actions with one of
                    // its resources is over the limit alone.
                    let json = statement.to_json();
                    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
                    let first = |v: &serde_json::Value| match v {
                        serde_json::Value::Array(items) => items[0].clone(),
                        other => other.clone(),
                    };
                    for key in ["Action", "Resource"] {
                        if let Some(v) = value.get(key).cloned() {
                            value[key] = first(&v);
                        }
                    }
                    let smallest =
                        typed_iam_core::Statement::from_json(&value.to_string()).unwrap();
                    assert!(
                        alone(&smallest) > limit - 3,
                        "{name}: an Allow statement was refused"
                    );
                }
                println!("{name}: cannot fit: {error}");
                refused.push(name.clone());
                continue;
            }
        };
        for (i, part) in parts.iter().enumerate() {
            let size = fit::size(part);
            assert!(size <= limit, "{name} part {i}: {size} > {limit}");
        }
        let before = Grants::of(std::slice::from_ref(policy));
        let after = Grants::of(&parts);
        if before != after {
            let lost: Vec<_> = before.missing_from(&after).take(3).collect();
            let added: Vec<_> = after.missing_from(&before).take(3).collect();
            panic!("{name}: grants differ; lost {lost:?}; added {added:?}");
        }
        assert_eq!(
            policy.fit_with(target, wildcards).unwrap(),
            parts,
            "{name}: not deterministic"
        );
        let compacted = policy.compact_with(wildcards);
        let bound = fit::size(&compacted).div_ceil(limit).max(1);
        assert!(parts.len() >= bound);
        worst = worst.max(parts.len() - bound);
        at_bound += usize::from(parts.len() == bound);
        parts_total += parts.len();
        bound_total += bound;
        size_before += fit::size(policy);
        size_after += fit::size(&compacted);
        println!(
            "{name}: {} -> {} chars, {} parts (lower bound {bound}), {} grant tuples",
            fit::size(policy),
            fit::size(&compacted),
            parts.len(),
            before.len()
        );
    }
    println!(
        "{target:?}/{wildcards:?}: {} policies over {limit}; compacted {size_before} -> {size_after} chars ({:.1}%); \
         {parts_total} parts vs lower bound {bound_total}; {at_bound} at the bound, worst +{worst}; grants equal on all fitted; \
         refused (a statement over the limit alone): {refused:?}",
        over.len(),
        100.0 * size_after as f64 / size_before as f64,
    );
    assert!(worst <= 1, "more than one part over the lower bound");
}

#[test]
fn managed_policies_fit_managed_policy_exact() {
    check_corpus(SizeTarget::ManagedPolicy, Wildcards::Exact);
}

#[test]
fn managed_policies_fit_managed_policy_without_new_wildcards() {
    check_corpus(SizeTarget::ManagedPolicy, Wildcards::Never);
}

#[test]
fn managed_policies_fit_scp() {
    check_corpus(SizeTarget::ServiceControlPolicy, Wildcards::Exact);
}
