//! `compare` over every AWS managed policy (issue 15's corpus run), each against:
//! - its canonical form (`policy fmt --canonical`: `compare::canonical`, written and re-read):
//!   Equivalent expected everywhere (policy variables included: equal text is equal);
//! - a reshaped copy (statements and `Action`/`Resource` lists reversed): Equivalent expected;
//! - a mutated copy with a `Deny` of one action it allows on `*` added: Narrower expected;
//! - a mutated copy with an `Allow` of an action it does not allow added: Broader expected,
//!   with that action in a witness.
//!
//! `Unknown` is allowed but counted (policy variables, or containment this slice cannot
//! decide); a wrong relation or a dropped witness fails. Counts and time are printed:
//! `cargo test -p typed-iam-core --release --test compare_managed -- --nocapture`.
//!
//! An unoptimized build (the README's `cargo test --workspace`) compares every 16th policy: the
//! whole corpus takes about 10 s optimized but well over ten minutes unoptimized, which would
//! dominate the test suite. The release command above, or `FULL_CORPUS=1`, runs all of them.

#![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]

use std::path::PathBuf;
use std::time::Instant;

use serde_json::{json, Value};
use typed_iam_core::compare::{canonical, compare, semantically_equal, Relation};
use typed_iam_core::eval::{PolicySet, Request};
use typed_iam_core::Policy;

fn managed() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/managed");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let every = if cfg!(debug_assertions) && std::env::var_os("FULL_CORPUS").is_none() {
        16
    } else {
        1
    };
    files
        .into_iter()
        .step_by(every)
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

fn reshape(value: &mut Value) {
    if let Some(statements) = value["Statement"].as_array_mut() {
        statements.reverse();
        for statement in statements {
            for key in ["Action", "NotAction", "Resource", "NotResource"] {
                if let Some(items) = statement.get_mut(key).and_then(Value::as_array_mut) {
                    items.reverse();
                }
            }
        }
    }
}

/// An action the policy allows on `*` (from its first `Allow` with a plain action list).
fn allowed_action(policy: &Policy, value: &Value) -> Option<String> {
    let statements = match &value["Statement"] {
        Value::Array(items) => items.clone(),
        other => vec![other.clone()],
    };
    for statement in statements {
        if statement["Effect"] != "Allow" {
            continue;
        }
        let actions = match &statement["Action"] {
            Value::Array(items) => items.clone(),
            Value::String(_) => vec![statement["Action"].clone()],
            _ => continue,
        };
        for action in actions.iter().filter_map(Value::as_str) {
            if action.contains(['*', '?']) {
                continue;
            }
            let Ok(request) = Request::unchecked(action, "*")
                .and_then(|r| r.principal("arn:aws:iam::111122223333:user/test"))
            else {
                continue;
            };
            if PolicySet::new()
                .identity(policy)
                .evaluate(&request)
                .is_allowed()
            {
                return Some(action.to_owned());
            }
        }
    }
    None
}

/// The policy with an `Allow` of an action it does not allow yet on `*` added (the first of a
/// few that the evaluator says the mutation newly allows), and that action.
fn allow_added(policy: &Policy, value: &Value) -> Option<(String, Policy)> {
    let allowed = |p: &Policy, action: &str| {
        let request = Request::unchecked(action, "*")
            .and_then(|r| r.principal("arn:aws:iam::111122223333:user/test"))
            .unwrap();
        PolicySet::new().identity(p).evaluate(&request).is_allowed()
    };
    for action in [
        "sqs:SendMessage",
        "dynamodb:DeleteTable",
        "iam:CreateUser",
        "ec2:TerminateInstances",
    ] {
        if allowed(policy, action) {
            continue;
        }
        let mut value = value.clone();
        let added = json!({"Effect": "Allow", "Action": action, "Resource": "*"});
        value["Statement"] = match value["Statement"].take() {
            Value::Array(mut items) => {
                items.push(added);
                Value::Array(items)
            }
            one => json!([one, added]),
        };
        let new = Policy::from_json(&value.to_string()).unwrap();
        if allowed(&new, action) {
            return Some((action.to_owned(), new));
        }
    }
    None
}

#[test]
fn managed_policies_compare_as_expected() {
    let corpus = managed();
    let (mut equivalent, mut unknown, mut wrong) = ([0usize; 2], [0usize; 4], Vec::new());
    let (mut narrower, mut mutated) = (0usize, 0usize);
    let (mut broader, mut allow_mutated) = (0usize, 0usize);
    let mut slowest = (0f64, String::new());
    let mut unknown_reasons: Vec<String> = Vec::new();
    let (mut variables, mut other_unknown) = (0usize, 0usize);
    let mut deny_other: Vec<String> = Vec::new();
    let (mut times, mut parse_seconds) = (Vec::new(), 0f64);
    let start = Instant::now();
    for (name, text) in &corpus {
        let parsing = Instant::now();
        let policy = Policy::from_json(text).unwrap();
        parse_seconds += parsing.elapsed().as_secs_f64();
        let mut value: Value = serde_json::from_str(text).unwrap();
        let formatted = Policy::from_json(&canonical(&policy).to_json_pretty()).unwrap();
        assert_eq!(
            semantically_equal(&policy, &formatted),
            Some(true),
            "{name}"
        );
        let one = Instant::now();
        let fmt = compare(&policy, &formatted);
        let seconds = one.elapsed().as_secs_f64();
        times.push(seconds);
        if seconds > slowest.0 {
            slowest = (seconds, name.clone());
        }
        reshape(&mut value);
        let reshaped = Policy::from_json(&value.to_string()).unwrap();
        let shape = compare(&policy, &reshaped);
        for (index, comparison) in [&fmt, &shape].into_iter().enumerate() {
            assert_eq!(comparison.dropped_witnesses, 0, "{name}");
            match &comparison.relation {
                Relation::Equivalent => equivalent[index] += 1,
                Relation::Unknown(reason) => {
                    unknown[index] += 1;
                    if index == 0 {
                        if reason.contains("policy variables") {
                            variables += 1;
                        } else {
                            other_unknown += 1;
                            if unknown_reasons.len() < 12 {
                                unknown_reasons.push(format!("{name}: {reason}"));
                            }
                        }
                    }
                }
                other => wrong.push(format!("{name} ({index}): {other}")),
            }
        }
        if let Some((action, added)) = allow_added(&policy, &value) {
            allow_mutated += 1;
            let comparison = compare(&policy, &added);
            assert_eq!(comparison.dropped_witnesses, 0, "{name}");
            match &comparison.relation {
                Relation::Broader
                    if comparison
                        .new_access
                        .iter()
                        .any(|d| d.witness.action == action) =>
                {
                    broader += 1
                }
                Relation::Unknown(reason) => {
                    unknown[3] += 1;
                    if unknown_reasons.len() < 12 {
                        unknown_reasons.push(format!("{name} (allow {action}): {reason}"));
                    }
                }
                other => wrong.push(format!("{name} (allow {action}): {other}")),
            }
        }
        if let Some(action) = allowed_action(&policy, &value) {
            mutated += 1;
            value["Statement"] = match value["Statement"].take() {
                Value::Array(mut items) => {
                    items.push(json!({"Effect": "Deny", "Action": action, "Resource": "*"}));
                    Value::Array(items)
                }
                one => json!([one, {"Effect": "Deny", "Action": action, "Resource": "*"}]),
            };
            let denied = Policy::from_json(&value.to_string()).unwrap();
            let comparison = compare(&policy, &denied);
            assert_eq!(comparison.dropped_witnesses, 0, "{name}");
            match &comparison.relation {
                Relation::Narrower => narrower += 1,
                Relation::Unknown(reason) => {
                    unknown[2] += 1;
                    if !reason.contains("policy variables") {
                        deny_other.push(format!("{name} (deny {action}): {reason}"));
                    }
                }
                other => wrong.push(format!("{name} (deny {action}): {other}")),
            }
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "{} policies in {elapsed:.2} s ({:.0} policies/s, 2 comparisons each + 1 for mutated ones)",
        corpus.len(),
        corpus.len() as f64 / elapsed
    );
    println!(
        "canonical:  {} equivalent, {} unknown",
        equivalent[0], unknown[0]
    );
    println!(
        "reshaped:   {} equivalent, {} unknown",
        equivalent[1], unknown[1]
    );
    println!(
        "deny added: {narrower} narrower, {} unknown of {mutated}",
        unknown[2]
    );
    println!(
        "allow added: {broader} broader (with the action in a witness), {} unknown of {allow_mutated}",
        unknown[3]
    );
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize] * 1e3;
    println!(
        "canonical pass: {:.2} s in compare for {} policies ({:.0}/s); parsing the same policies (baseline): {parse_seconds:.2} s; ratio {:.1}",
        times.iter().sum::<f64>(),
        times.len(),
        times.len() as f64 / times.iter().sum::<f64>(),
        times.iter().sum::<f64>() / parse_seconds
    );
    println!(
        "per comparison: median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.0} ms",
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
    println!("canonical unknown: {variables} policy variables, {other_unknown} other");
    println!(
        "deny added, unknown not from policy variables: {}",
        deny_other.len()
    );
    for reason in deny_other.iter().take(5) {
        println!("  {reason}");
    }
    println!(
        "slowest canonical comparison: {:.3} s ({})",
        slowest.0, slowest.1
    );
    for reason in &unknown_reasons {
        println!("unknown: {reason}");
    }
    assert!(wrong.is_empty(), "{} wrong: {:#?}", wrong.len(), wrong);
}
