//! Properties of `compare` (issue 15), over generated identity policies:
//! - the canonical form is Equivalent to its policy, a fixed point, and the same for every
//!   reshaping;
//! - compare(p, p) is Equivalent; reordering statements and list items, and writing one item
//!   as a string or a one-item array, is Equivalent;
//! - adding an Allow of an action not allowed yet is Broader, with that action in a witness;
//! - adding a Deny of an allowed action is Narrower, with that action in a witness;
//! - compare is antisymmetric (Narrower one way is Broader the other; Unknown both ways);
//! - for any two policies and random requests, the relation agrees with the evaluator, and
//!   every reported witness replays (none is dropped). Requests are those the action can
//!   carry (`takes_resource`: `s3:ListBucket` names a bucket, never an object): the
//!   comparison is over real requests;
//! - the exact resource inclusion (`resources_within`) agrees with brute-force matching
//!   through the evaluator on generated resources, and its witnesses are matched by the one
//!   side and not the other.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use serde_json::{json, Value};
use typed_iam_core::compare::{
    canonical, compare, resources_within, semantically_equal, takes_resource, Comparison,
    Inclusion, Relation,
};
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

/// The (action, resource) pairs of real requests: the resource is one the action takes.
fn taken_requests() -> Vec<(&'static str, &'static str)> {
    REQUEST_ACTIONS
        .iter()
        .flat_map(|a| REQUEST_RESOURCES.iter().map(move |r| (*a, *r)))
        .filter(|(a, r)| takes_resource(a, r))
        .collect()
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
        (action, resource) in select(taken_requests()),
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
            for resource in REQUEST_RESOURCES.iter().filter(|r| takes_resource(action, r)) {
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

/// One glob over a tiny alphabet, for a field (`:` only in the resource part).
fn glob_text(resource_part: bool) -> impl Strategy<Value = String> {
    let chars: &'static [char] = if resource_part {
        &['a', 'b', 'A', '/', ':', '*', '?']
    } else {
        &['a', 'b', 'A', '*', '?']
    };
    prop::collection::vec(select(chars), 0..4).prop_map(|c| c.into_iter().collect())
}

/// A `Resource` pattern: `*` now and then, else `arn:` and one to five more fields.
fn resource_pattern() -> impl Strategy<Value = String> {
    (
        prop::bool::weighted(0.05),
        prop::collection::vec(glob_text(false), 0..4),
        glob_text(true),
    )
        .prop_map(|(star, fields, last)| {
            if star {
                return "*".to_owned();
            }
            let mut all = vec!["arn".to_owned()];
            all.extend(fields);
            all.push(last);
            all.join(":")
        })
}

/// Texts that the pattern may match: each `*` and `?` replaced from the fill.
fn instances(pattern: &str, fill: &[u8]) -> Vec<String> {
    const PIECES: &[&str] = &["", "a", "b", "A", "/", ":", "ab", "a:b", "a/b", "::"];
    let mut out = Vec::new();
    for shift in 0..fill.len().max(1) {
        let mut text = String::new();
        for (i, c) in pattern.chars().enumerate() {
            let pick = fill
                .get((i + shift) % fill.len().max(1))
                .copied()
                .unwrap_or(0) as usize;
            match c {
                '*' => text.push_str(PIECES[pick % PIECES.len()]),
                '?' => text.push(['a', 'b', 'A', ':', '/'][pick % 5]),
                c => text.push(c),
            }
        }
        out.push(text);
    }
    out
}

/// Whether the evaluator matches the resource with one of the patterns (an action the
/// catalog does not know, the caller's own account).
fn evaluator_matches(patterns: &[String], resource: &str) -> bool {
    let policy = Policy::from_json(
        &json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "zzw:Act", "Resource": patterns}})
            .to_string(),
    )
    .unwrap();
    let Ok(request) = Request::unchecked("zzw:Act", resource) else {
        return false;
    };
    let request = request
        .principal("arn:aws:iam::111122223333:user/test")
        .unwrap()
        .resource_account("111122223333");
    PolicySet::new()
        .identity(&policy)
        .evaluate(&request)
        .is_allowed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn exact_resource_inclusion_agrees_with_brute_force(
        small in prop::collection::vec(resource_pattern(), 1..3),
        mut big in prop::collection::vec(resource_pattern(), 0..3),
        widen in any::<prop::sample::Index>(),
        fill in prop::collection::vec(any::<u8>(), 1..6),
        random in prop::collection::vec(prop::collection::vec(select(&["a", "b", "A", ":", "/", "*"][..]), 0..12), 8),
    ) {
        // Half the time, the big side holds a widened copy of a small pattern (a character
        // made `*`), so that inclusions hold too.
        if let Some(first) = small.first() {
            let mut chars: Vec<char> = first.chars().collect();
            if !chars.is_empty() && fill[0] % 2 == 0 {
                let at = widen.index(chars.len());
                chars[at] = '*';
                big.push(chars.into_iter().collect());
            }
        }
        let small_refs: Vec<&str> = small.iter().map(String::as_str).collect();
        let big_refs: Vec<&str> = big.iter().map(String::as_str).collect();
        let answer = resources_within(None, &small_refs, &big_refs);
        let mut texts: Vec<String> = small.iter().chain(&big).flat_map(|p| instances(p, &fill)).collect();
        texts.extend(random.iter().map(|chars| format!("arn:{}", chars.concat())));
        texts.push("*".to_owned());
        match &answer {
            Inclusion::Within => {
                for text in &texts {
                    prop_assert!(
                        !evaluator_matches(&small, text) || evaluator_matches(&big, text),
                        "{small:?} within {big:?}, but {text} is a counterexample"
                    );
                }
            }
            Inclusion::Outside(witness) => {
                prop_assert!(evaluator_matches(&small, witness), "{small:?} {big:?}: {witness}");
                prop_assert!(!evaluator_matches(&big, witness), "{small:?} {big:?}: {witness}");
            }
            other => prop_assert!(false, "undecided: {other:?}"),
        }
    }
}

/// The exact inclusion on cases field-wise containment cannot prove.
#[test]
fn exact_resource_inclusion_sees_unions_and_formats() {
    let within = |action: Option<&str>, small: &[&str], big: &[&str]| {
        resources_within(action, small, big) == Inclusion::Within
    };
    // A union of two patterns covers a third.
    assert!(within(
        None,
        &["arn:aws:s3:::b/*"],
        &["arn:aws:s3:::b/?*", "arn:aws:s3:::b/"]
    ));
    assert!(within(
        None,
        &["arn:aws:s3:::*"],
        &["arn:aws:s3:::", "arn:aws:s3:::?*"]
    ));
    // A `*` of a short pattern reaches over `:`.
    assert!(within(None, &["arn:aws:s3:::b/*"], &["arn:aws:s3*"]));
    assert!(!within(None, &["arn:aws:s3*"], &["arn:aws:s3:::b/*"]));
    // The action's resource types decide: `s3:GetObject` takes objects, `s3:ListBucket`
    // buckets.
    assert!(within(
        Some("s3:GetObject"),
        &["arn:aws:s3:::*"],
        &["arn:aws:s3:::*/*"]
    ));
    assert!(!within(
        Some("s3:ListBucket"),
        &["arn:aws:s3:::*"],
        &["arn:aws:s3:::*/*"]
    ));
    assert!(within(
        Some("s3:ListBucket"),
        &["arn:aws:s3:::*"],
        &["arn:aws:s3:::?*"]
    ));
}

/// The comparison uses the exact inclusion: a pattern split in two is Equivalent, and a
/// bucket pattern added to an object action changes nothing.
#[test]
fn compare_decides_resources_exactly() {
    let allow = |action: &str, resources: &[&str]| {
        parse(
            &json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": action, "Resource": resources}}),
        )
    };
    let whole = allow("s3:GetObject", &["arn:aws:s3:::b/*"]);
    let split = allow("s3:GetObject", &["arn:aws:s3:::b/?*", "arn:aws:s3:::b/"]);
    assert_eq!(compare(&whole, &split).relation, Relation::Equivalent);
    let objects = allow("s3:GetObject", &["arn:aws:s3:::*/*"]);
    let everything = allow("s3:GetObject", &["arn:aws:s3:::*"]);
    assert_eq!(
        compare(&objects, &everything).relation,
        Relation::Equivalent
    );
    // A Deny carved out of an Allow, against the Allow of what is left.
    let carved = parse(&json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
        {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/a*"}]}));
    let rest = allow(
        "s3:GetObject",
        &["arn:aws:s3:::b/", "arn:aws:s3:::b/b*", "arn:aws:s3:::b/c*"],
    );
    let comparison = compare(&carved, &rest);
    check_witnesses(&carved, &rest, &comparison);
    assert_eq!(comparison.relation, Relation::Narrower, "{comparison:#?}");
    let witness = &comparison.removed_access[0].witness;
    assert!(
        witness.resource.starts_with("arn:aws:s3:::b/"),
        "{witness:?}"
    );
}

/// Conditions compared as exact sets (issue 15, item 3): unions of values, implication across
/// operators, set qualifiers. Each pair: the relation of the second to the first, proven
/// where it is `Equivalent`, with replayed witnesses where the sides differ.
#[test]
fn conditions_compare_as_exact_sets() {
    let with = |condition: &str| {
        Policy::from_json(&format!(
            r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{condition}}}}}"#
        ))
        .unwrap()
    };
    for (old, new, expected) in [
        // Two CIDRs that make the larger one.
        (
            r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
            r#"{"IpAddress":{"aws:SourceIp":["10.128.0.0/9","10.0.0.0/9"]}}"#,
            Relation::Equivalent,
        ),
        (
            r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
            r#"{"IpAddress":{"aws:SourceIp":["10.0.0.0/9"]}}"#,
            Relation::Narrower,
        ),
        // Numeric bounds across operators.
        (
            r#"{"NumericLessThanEquals":{"s3:max-keys":"10"}}"#,
            r#"{"NumericLessThan":{"s3:max-keys":["10","10.5"]}}"#,
            Relation::Broader,
        ),
        (
            r#"{"NumericLessThanEquals":{"s3:max-keys":"10"}}"#,
            r#"{"NumericLessThan":{"s3:max-keys":"10"}}"#,
            Relation::Narrower,
        ),
        // `StringEquals` values within a `StringLike` pattern, and ARNs.
        (
            r#"{"StringLike":{"s3:prefix":"home/*"}}"#,
            r#"{"StringEquals":{"s3:prefix":["home/ana","home/bo"]}}"#,
            Relation::Narrower,
        ),
        (
            r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111122223333:*"}}"#,
            r#"{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:topic"}}"#,
            Relation::Narrower,
        ),
        (
            r#"{"ArnLike":{"aws:SourceArn":["arn:aws:sns:us-*:*:*","arn:aws:sns:eu-*:*:*"]}}"#,
            r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-east-1:*:*"}}"#,
            Relation::Narrower,
        ),
        // Set qualifiers: a smaller ForAllValues set is narrower; ForAnyValue with the same
        // values as a plain operator is the same condition; ForAllValues holds on an absent
        // key, ForAnyValue does not.
        (
            r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}"#,
            r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["a"]}}"#,
            Relation::Narrower,
        ),
        (
            r#"{"StringEquals":{"aws:TagKeys":["a","b"]}}"#,
            r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["b","a"]}}"#,
            Relation::Equivalent,
        ),
        (
            r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["a"]}}"#,
            r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["a"]}}"#,
            Relation::Incomparable,
        ),
    ] {
        let (before, after) = (with(old), with(new));
        let comparison = compare(&before, &after);
        check_witnesses(&before, &after, &comparison);
        assert_eq!(
            comparison.relation, expected,
            "{old} -> {new}: {comparison:#?}"
        );
        let back = compare(&after, &before);
        check_witnesses(&after, &before, &back);
        let mirrored = match expected {
            Relation::Narrower => Relation::Broader,
            Relation::Broader => Relation::Narrower,
            other => other,
        };
        assert_eq!(back.relation, mirrored, "{new} -> {old}: {back:#?}");
    }
}
