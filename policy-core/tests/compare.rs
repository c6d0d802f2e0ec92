//! Properties of `compare` (issue 15), over generated identity policies:
//! - the canonical form is Equivalent to its policy, a fixed point, and the same for every
//!   reshaping;
//! - compare(p, p) is Equivalent; reordering statements and list items, and writing one item
//!   as a string or a one-item array, is Equivalent;
//! - adding an Allow of an action not allowed yet is Broader, with that action in a witness;
//! - adding a Deny of an allowed action is Narrower, with that action in a witness;
//! - compare is antisymmetric (Narrower one way is Broader the other; Unknown both ways);
//! - for any two policies and random requests, the relation agrees with the evaluator, and
//!   every reported witness replays (none is dropped).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use serde_json::{json, Value};
use typed_iam_core::compare::{canonical, compare, semantically_equal, Comparison, Relation};
use typed_iam_core::eval::{PolicySet, Request};
use typed_iam_core::Policy;

const ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:PutObject",
    "s3:Get*",
    "s3:*",
    "s3:List*",
    "ec2:DescribeInstances",
    "ec2:Describe*",
    "iam:PassRole",
];
const RESOURCES: &[&str] = &[
    "*",
    "arn:aws:s3:::b/*",
    "arn:aws:s3:::b/a*",
    "arn:aws:s3:::b/key",
    "arn:aws:ec2:us-east-1:111122223333:instance/*",
];
const NEW_ACTIONS: &[&str] = &["sqs:SendMessage", "dynamodb:GetItem", "kms:Decrypt"];
const REQUEST_ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:GetBucketPolicy",
    "s3:PutObject",
    "s3:ListBucket",
    "s3:DeleteObject",
    "ec2:DescribeInstances",
    "ec2:DescribeVpcs",
    "iam:PassRole",
    "sqs:SendMessage",
];
const REQUEST_RESOURCES: &[&str] = &[
    "*",
    "arn:aws:s3:::b/key",
    "arn:aws:s3:::b/abc",
    "arn:aws:s3:::b/zzz",
    "arn:aws:s3:::other/x",
    "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
];

fn condition(which: u8) -> Option<Value> {
    match which {
        1 => Some(json!({"StringEquals": {"aws:RequestedRegion": "eu-west-1"}})),
        2 => Some(json!({"Bool": {"aws:SecureTransport": "true"}})),
        _ => None,
    }
}

fn statement() -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        prop::bool::weighted(0.1),
        subsequence(ACTIONS, 1..3),
        subsequence(RESOURCES, 1..3),
        0u8..5,
    )
        .prop_map(|(allow, not_action, actions, resources, cond)| {
            let mut s = json!({
                "Effect": if allow || not_action { "Allow" } else { "Deny" },
                (if not_action { "NotAction" } else { "Action" }): actions,
                "Resource": resources,
            });
            if let Some(c) = condition(cond) {
                s["Condition"] = c;
            }
            s
        })
}

fn policy_json() -> impl Strategy<Value = Value> {
    prop::collection::vec(statement(), 1..5)
        .prop_map(|statements| json!({"Version": "2012-10-17", "Statement": statements}))
}

fn parse(value: &Value) -> Policy {
    Policy::from_json(&value.to_string()).unwrap()
}

fn allowed(policy: &Policy, action: &str, resource: &str, region: &str, secure: bool) -> bool {
    let request = Request::unchecked(action, resource)
        .unwrap()
        .principal("arn:aws:iam::111122223333:user/test")
        .unwrap()
        .context("aws:RequestedRegion", region)
        .unwrap()
        .context("aws:SecureTransport", secure.to_string())
        .unwrap();
    PolicySet::new()
        .identity(policy)
        .evaluate(&request)
        .is_allowed()
}

/// Every witness replays, and none was dropped.
fn check_witnesses(old: &Policy, new: &Policy, comparison: &Comparison) {
    assert_eq!(comparison.dropped_witnesses, 0, "{comparison:#?}");
    for difference in &comparison.new_access {
        assert!(difference
            .witness
            .replays(std::slice::from_ref(new), std::slice::from_ref(old)));
    }
    for difference in &comparison.removed_access {
        assert!(difference
            .witness
            .replays(std::slice::from_ref(old), std::slice::from_ref(new)));
    }
}

/// Reorders statements and list items, and writes one-item lists as strings.
fn reshape(value: &Value) -> Value {
    let mut value = value.clone();
    if let Some(statements) = value["Statement"].as_array_mut() {
        statements.reverse();
        for statement in statements.iter_mut() {
            for key in ["Action", "NotAction", "Resource"] {
                if let Some(items) = statement.get_mut(key).and_then(Value::as_array_mut) {
                    items.reverse();
                    if items.len() == 1 {
                        let only = items[0].clone();
                        statement[key] = only;
                    }
                }
            }
        }
    }
    value
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_policy_is_equivalent_to_itself_and_to_its_reshaping(p in policy_json()) {
        let policy = parse(&p);
        let same = compare(&policy, &policy);
        prop_assert_eq!(&same.relation, &Relation::Equivalent);
        let reshaped = parse(&reshape(&p));
        let comparison = compare(&policy, &reshaped);
        check_witnesses(&policy, &reshaped, &comparison);
        prop_assert_eq!(&comparison.relation, &Relation::Equivalent);
    }

    #[test]
    fn the_canonical_form_is_equivalent_and_shared_by_reshapings(p in policy_json()) {
        let policy = parse(&p);
        let written = Policy::from_json(&canonical(&policy).to_json_pretty()).unwrap();
        let comparison = compare(&policy, &written);
        check_witnesses(&policy, &written, &comparison);
        prop_assert_eq!(&comparison.relation, &Relation::Equivalent);
        prop_assert_eq!(canonical(&written), written.clone(), "a fixed point");
        let reshaped = parse(&reshape(&p));
        prop_assert_eq!(canonical(&reshaped), canonical(&policy));
        prop_assert_eq!(semantically_equal(&reshaped, &written), Some(true));
    }

    #[test]
    fn adding_an_allow_of_a_new_action_is_broader(p in policy_json(), action in select(NEW_ACTIONS)) {
        let old = parse(&p);
        prop_assume!(!allowed(&old, action, "*", "us-east-1", false));
        let mut q = p.clone();
        q["Statement"].as_array_mut().unwrap()
            .push(json!({"Effect": "Allow", "Action": action, "Resource": "*"}));
        let new = parse(&q);
        // KMS actions need the key policy too (rule 3 of `eval`): identity alone never allows.
        prop_assume!(allowed(&new, action, "*", "us-east-1", false));
        let comparison = compare(&old, &new);
        check_witnesses(&old, &new, &comparison);
        prop_assert_eq!(&comparison.relation, &Relation::Broader, "{:#?}", comparison);
        prop_assert!(comparison.new_access.iter().any(|d| d.witness.action == action));
    }

    #[test]
    fn adding_a_deny_of_an_allowed_action_is_narrower(
        p in policy_json(),
        action in select(REQUEST_ACTIONS),
        resource in select(REQUEST_RESOURCES),
        region in select(&["us-east-1", "eu-west-1"][..]),
        secure in any::<bool>(),
    ) {
        let old = parse(&p);
        prop_assume!(allowed(&old, action, resource, region, secure));
        let mut q = p.clone();
        q["Statement"].as_array_mut().unwrap()
            .push(json!({"Effect": "Deny", "Action": action, "Resource": "*"}));
        let new = parse(&q);
        let comparison = compare(&old, &new);
        check_witnesses(&old, &new, &comparison);
        prop_assert_eq!(&comparison.relation, &Relation::Narrower, "{:#?}", comparison);
        prop_assert!(comparison.removed_access.iter().any(|d| d.witness.action.eq_ignore_ascii_case(action)));
    }

    #[test]
    fn compare_is_antisymmetric(p in policy_json(), q in policy_json()) {
        let (a, b) = (parse(&p), parse(&q));
        let (forward, backward) = (compare(&a, &b), compare(&b, &a));
        let mirrored = match &forward.relation {
            Relation::Narrower => Relation::Broader,
            Relation::Broader => Relation::Narrower,
            other => other.clone(),
        };
        if !matches!(forward.relation, Relation::Unknown(_)) {
            prop_assert_eq!(&backward.relation, &mirrored);
            prop_assert_eq!(forward.new_access.len(), backward.removed_access.len());
        } else {
            prop_assert!(matches!(backward.relation, Relation::Unknown(_)));
        }
    }

    #[test]
    fn the_relation_agrees_with_the_evaluator(p in policy_json(), q in policy_json()) {
        let (old, new) = (parse(&p), parse(&q));
        let comparison = compare(&old, &new);
        check_witnesses(&old, &new, &comparison);
        let (no_new, no_removed) = match comparison.relation {
            Relation::Equivalent => (true, true),
            Relation::Narrower => (true, false),
            Relation::Broader => (false, true),
            _ => (false, false),
        };
        prop_assert_eq!(no_new, comparison.new_access.is_empty() && !matches!(comparison.relation, Relation::Unknown(_) | Relation::Incomparable));
        for action in REQUEST_ACTIONS {
            for resource in REQUEST_RESOURCES {
                for region in ["us-east-1", "eu-west-1"] {
                    for secure in [false, true] {
                        let (before, after) = (
                            allowed(&old, action, resource, region, secure),
                            allowed(&new, action, resource, region, secure),
                        );
                        prop_assert!(!(no_new && after && !before),
                            "{action} {resource} {region} {secure}: {:?}", comparison.relation);
                        prop_assert!(!(no_removed && before && !after),
                            "{action} {resource} {region} {secure}: {:?}", comparison.relation);
                    }
                }
            }
        }
    }
}

/// Found by the corpus run: an action the catalog does not know is a class of its own.
#[test]
fn a_deny_of_an_action_missing_from_the_catalog_is_narrower() {
    let old = Policy::from_json(
        r#"{"Statement":{"Effect":"Allow","Action":["cloud9:ValidateEnvironmentName","s3:GetObject"],"Resource":"*"}}"#,
    )
    .unwrap();
    let new = Policy::from_json(
        r#"{"Statement":[{"Effect":"Allow","Action":["cloud9:ValidateEnvironmentName","s3:GetObject"],"Resource":"*"},
            {"Effect":"Deny","Action":"cloud9:ValidateEnvironmentName","Resource":"*"}]}"#,
    )
    .unwrap();
    let comparison = compare(&old, &new);
    check_witnesses(&old, &new, &comparison);
    assert_eq!(comparison.relation, Relation::Narrower, "{comparison:#?}");
    assert_eq!(
        comparison.removed_access[0].witness.action,
        "cloud9:ValidateEnvironmentName"
    );
}

/// Conditions compared by meaning: a narrower interval, CIDR range or pattern is Narrower
/// (proven one way, a replayed witness the other), not Unknown.
#[test]
fn narrower_conditions_are_narrower() {
    let with = |condition: &str| {
        Policy::from_json(&format!(
            r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{condition}}}}}"#
        ))
        .unwrap()
    };
    for (wide, narrow) in [
        (
            r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
            r#"{"IpAddress":{"aws:SourceIp":["10.1.0.0/16","10.2.0.0/16"]}}"#,
        ),
        (
            r#"{"NumericLessThan":{"s3:max-keys":"10"}}"#,
            r#"{"NumericLessThan":{"s3:max-keys":"5"}}"#,
        ),
        (
            r#"{"StringLike":{"s3:prefix":"home/*"}}"#,
            r#"{"StringLike":{"s3:prefix":"home/ana/*"}}"#,
        ),
        (
            r#"{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}"#,
            r#"{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","us-east-1"]}}"#,
        ),
    ] {
        let (old, new) = (with(wide), with(narrow));
        let comparison = compare(&old, &new);
        check_witnesses(&old, &new, &comparison);
        assert_eq!(
            comparison.relation,
            Relation::Narrower,
            "{wide} -> {narrow}: {comparison:#?}"
        );
        let back = compare(&new, &old);
        check_witnesses(&new, &old, &back);
        assert_eq!(back.relation, Relation::Broader, "{narrow} -> {wide}");
    }
}
