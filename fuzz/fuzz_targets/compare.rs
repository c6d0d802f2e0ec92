//! The comparison of identity policies.
//!
//! Input: an identity policy's text (a statement is removed for the change), or a generated
//! identity policy (mostly real catalog names) and a change: a statement added, or one removed
//! (see `typed_iam_fuzz::input`). Properties: nothing panics; `compare(p, p)` is Equivalent (or Unknown
//! only for a policy out of the comparison's reach, which it says before comparing anything);
//! comparing `p` with its changed copy drops no witness, every witness it reports replays
//! through the evaluator (the allowing side allows it, the other does not), and the relation
//! agrees with the differences found.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use policy_core::compare::{compare, Comparison, Relation};
use policy_core::Policy;
use typed_iam_fuzz::gen::{GenPolicy, GenStatement};
use typed_iam_fuzz::input::{read, Source};

/// The most action entries of a policy read from text.
const MAX_ACTIONS: usize = 64;

#[derive(Arbitrary, Debug)]
enum Change {
    Add(GenStatement),
    Remove(u8),
}

#[derive(Arbitrary, Debug)]
struct Input {
    policy: GenPolicy,
    change: Change,
}

fuzz_target!(|data: &[u8]| {
    let input = match read::<Input>(data) {
        Some(Source::Text(text, choice)) => {
            if let Ok(policy) = Policy::from_json(text) {
                // A bound on the case, not on the comparison: a large AWS managed policy (470
                // actions) takes seconds per comparison and would only slow the search.
                let actions: usize = policy
                    .statements()
                    .iter()
                    .filter_map(|s| s.action())
                    .map(|a| a.items().items().len())
                    .sum();
                if actions <= MAX_ACTIONS {
                    compare_text(&policy, choice);
                }
            }
            return;
        }
        Some(Source::Structured(input)) => input,
        None => return,
    };
    if input.policy.statements.len() > 6 {
        return;
    }
    let Some(policy) = input.policy.policy(false) else {
        return;
    };
    compare_self(&policy);
    let mut changed = input.policy.clone();
    match input.change {
        Change::Add(statement) => changed.statements.push(statement),
        Change::Remove(index) if !changed.statements.is_empty() => {
            let index = index as usize % changed.statements.len();
            changed.statements.remove(index);
        }
        Change::Remove(_) => return,
    }
    let Some(changed) = changed.policy(false) else {
        return;
    };
    check(&compare(&policy, &changed), &policy, &changed);
    check(&compare(&changed, &policy), &changed, &policy);
});

/// `compare(p, p)` is Equivalent, or Unknown because `p` is out of reach.
fn compare_self(policy: &Policy) {
    let same = compare(policy, policy);
    match &same.relation {
        Relation::Equivalent => {}
        Relation::Unknown(reason) if reason.starts_with("old policy: ") => {}
        other => panic!("compare(p, p) is {other}"),
    }
    check(&same, policy, policy);
}

/// A policy read from text: compared with itself and with a copy without one statement.
fn compare_text(policy: &Policy, choice: usize) {
    compare_self(policy);
    let mut value: serde_json::Value = match serde_json::from_str(&policy.to_json()) {
        Ok(value) => value,
        Err(_) => return,
    };
    if let Some(statements) = value["Statement"].as_array_mut() {
        if !statements.is_empty() {
            statements.remove(choice % statements.len());
        }
    }
    if let Ok(changed) = Policy::from_json(&value.to_string()) {
        check(&compare(policy, &changed), policy, &changed);
        check(&compare(&changed, policy), &changed, policy);
    }
}

/// Every witness replays, none was dropped, and the relation matches the differences.
fn check(comparison: &Comparison, old: &Policy, new: &Policy) {
    assert_eq!(comparison.dropped_witnesses, 0, "dropped witnesses");
    let (old, new) = (std::slice::from_ref(old), std::slice::from_ref(new));
    for difference in &comparison.new_access {
        assert!(
            difference.witness.replays(new, old),
            "{:?}",
            difference.witness
        );
    }
    for difference in &comparison.removed_access {
        assert!(
            difference.witness.replays(old, new),
            "{:?}",
            difference.witness
        );
    }
    let (gained, lost) = (
        !comparison.new_access.is_empty(),
        !comparison.removed_access.is_empty(),
    );
    let expected = match (gained, lost) {
        (false, false) => Relation::Equivalent,
        (false, true) => Relation::Narrower,
        (true, false) => Relation::Broader,
        (true, true) => Relation::Incomparable,
    };
    if !matches!(comparison.relation, Relation::Unknown(_)) {
        assert_eq!(
            comparison.relation, expected,
            "the relation disagrees with the differences"
        );
    }
}
