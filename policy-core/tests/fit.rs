//! `Policy::compact` and `Policy::fit`: examples of each rule, and properties over generated
//! policies (`fit` never changes what is granted, is deterministic, never returns a part over
//! the limit, and refuses only statements that cannot fit alone).
#![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]

use proptest::prelude::*;
use typed_iam_core::fit::{self, FitError, Grants, Wildcards};
use typed_iam_core::{
    validate, Action, Code, Context, Effect, OneOrMany, Policy, SizeTarget, Statement,
};

fn policy(json: &str) -> Policy {
    Policy::from_json(json).unwrap()
}

fn same_grants(a: &Policy, b: &[Policy]) {
    assert_eq!(Grants::of(std::slice::from_ref(a)), Grants::of(b));
}

fn actions_of(policy: &Policy) -> Vec<Vec<String>> {
    policy
        .statements()
        .iter()
        .map(|s| {
            s.action()
                .map(|a| a.items().iter().map(|a| a.as_str().to_owned()).collect())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn duplicates_and_covered_actions_go() {
    let p = policy(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:getobject","s3:Get*","s3:PutObject","newsvc:Thing","NEWSVC:thing"],"Resource":["arn:aws:s3:::a/*","arn:aws:s3:::a/*"]}]}"#,
    );
    let c = p.compact_with(Wildcards::Never);
    assert_eq!(
        actions_of(&c),
        [["s3:Get*", "s3:PutObject", "newsvc:Thing"]]
    );
    assert_eq!(
        c.statements()[0].resource().unwrap().items().items().len(),
        1
    );
    same_grants(&p, &[c]);
}

#[test]
fn statements_equal_but_for_one_list_merge() {
    let p = policy(
        r#"{"Version":"2012-10-17","Statement":[
        {"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*"},
        {"Sid":"B","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::a/*"},
        {"Sid":"C","Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"arn:aws:s3:::b/*"},
        {"Sid":"D","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}},
        {"Sid":"E","Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::a/*"}]}"#,
    );
    let c = p.compact();
    // A+B (actions), then with C (resources); D (condition) and E (effect) stay apart.
    let sids: Vec<_> = c.statements().iter().map(|s| s.sid().unwrap()).collect();
    assert_eq!(sids, ["A", "D", "E"]);
    assert_eq!(
        c.statements()[0].resource().unwrap().items().items().len(),
        2
    );
    same_grants(&p, &[c]);
}

#[test]
fn not_action_lists_never_merge() {
    let p = policy(
        r#"{"Version":"2012-10-17","Statement":[
        {"Effect":"Deny","NotAction":"iam:*","Resource":"*"},
        {"Effect":"Deny","NotAction":"s3:*","Resource":"*"}]}"#,
    );
    assert_eq!(p.compact().statements().len(), 2);
}

#[test]
fn a_resource_list_with_star_is_star() {
    let p = policy(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":["arn:aws:s3:::a","*"]}]}"#,
    );
    let c = p.compact();
    assert_eq!(
        c.statements()[0].resource().unwrap().items().items()[0].as_str(),
        "*"
    );
    same_grants(&p, &[c]);
}

/// Every action of the catalog whose name starts with `prefix` in `service`.
fn listing(service: &str, prefix: &str) -> Vec<String> {
    catalog::index::catalog()
        .service(service)
        .unwrap()
        .actions_matching(&format!("{prefix}*"))
        .map(|a| a.full_name())
        .collect()
}

fn allow(actions: &[String]) -> Policy {
    let quoted: Vec<String> = actions.iter().map(|a| format!("\"{a}\"")).collect();
    policy(&format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":[{}],"Resource":"*"}}]}}"#,
        quoted.join(",")
    ))
}

#[test]
fn exact_wildcards_cover_only_listed_actions() {
    let all = listing("ec2", "Describe");
    assert!(all.len() > 50);
    let whole = allow(&all).compact();
    assert_eq!(actions_of(&whole), [["ec2:Describe*"]]);
    // One action missing: no pattern may match it.
    let missing = all[all.len() / 2].clone();
    let some: Vec<String> = all.iter().filter(|a| **a != missing).cloned().collect();
    let p = allow(&some);
    let c = p.compact();
    for pattern in actions_of(&c).concat() {
        if pattern.contains('*') {
            let matched = catalog::index::catalog().expand(&pattern);
            assert!(
                matched.iter().all(|a| a.full_name() != missing),
                "{pattern} matches {missing}"
            );
        }
    }
    assert!(fit::size(&c) < fit::size(&p));
    same_grants(&p, &[c]);
    // Without wildcards, nothing new.
    let never = p.compact_with(Wildcards::Never);
    assert!(actions_of(&never).concat().iter().all(|a| !a.contains('*')));
}

/// Every other action of EC2: no exact wildcard can cover two of them.
fn every_other_ec2_action() -> Vec<String> {
    listing("ec2", "").into_iter().step_by(2).collect()
}

#[test]
fn a_large_allow_statement_is_divided_with_numbered_sids() {
    let actions = every_other_ec2_action();
    let json = allow(&actions)
        .to_json()
        .replacen("{\"Effect", "{\"Sid\":\"Ec2\",\"Effect", 1);
    let p = policy(&json);
    let parts = p.fit(SizeTarget::ManagedPolicy).unwrap();
    assert!(parts.len() > 1);
    let sids: Vec<&str> = parts
        .iter()
        .flat_map(|part| part.statements().iter().map(|s| s.sid().unwrap()))
        .collect();
    assert_eq!(sids[0], "Ec21");
    assert!(parts.iter().all(|part| fit::size(part) <= 6_144));
    assert!(parts.len() <= fit::lower_bound(&p, SizeTarget::ManagedPolicy) + 1);
    same_grants(&p, &parts);
    assert_eq!(p.fit(SizeTarget::ManagedPolicy).unwrap(), parts);
}

#[test]
fn a_deny_statement_over_the_limit_is_refused() {
    let resources: Vec<String> = (0..200)
        .map(|i| format!("\"arn:aws:s3:::bucket-{i:03}/*\""))
        .collect();
    let p = policy(&format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"NoDelete","Effect":"Deny","Action":"s3:DeleteObject","Resource":[{}]}}]}}"#,
        resources.join(",")
    ));
    let error = p.fit(SizeTarget::UserInline).unwrap_err();
    assert!(
        matches!(&error, FitError::StatementTooLarge { index: 0, sid: Some(sid), .. } if sid == "NoDelete")
    );
    assert!(error.to_string().contains("Deny"), "{error}");
}

#[test]
fn a_trust_policy_is_never_split() {
    let arns: Vec<String> = (0..120)
        .map(|i| format!("\"arn:aws:iam::{:012}:root\"", 100_000_000_000u64 + i))
        .collect();
    let p = policy(&format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":[{}]}},"Action":"sts:AssumeRole"}}]}}"#,
        arns.join(",")
    ));
    let error = p.fit(SizeTarget::TrustPolicy).unwrap_err();
    assert!(matches!(error, FitError::SinglePolicy { .. }));
}

#[test]
fn policy_too_large_names_policy_fit_and_its_part_count() {
    let actions = every_other_ec2_action();
    let p = allow(&actions);
    let parts = p.fit(SizeTarget::ManagedPolicy).unwrap().len();
    let found = validate(
        &p,
        &Context::identity().with_target(SizeTarget::ManagedPolicy),
    );
    let d = found
        .iter()
        .find(|d| d.code == Code::PolicyTooLarge)
        .unwrap();
    let help = d.help.as_deref().unwrap();
    assert!(
        help.contains(&format!(
            "`policy fit --target managed-policy` (`Policy::fit`) splits it into {parts} policies"
        )),
        "{help}"
    );
    let untargeted = validate(&p, &Context::identity());
    let d = untargeted
        .iter()
        .find(|d| d.code == Code::PolicyTooLarge)
        .unwrap();
    assert!(d.help.as_deref().unwrap().contains("policy fit"));
}

mod arb {
    use super::*;
    use proptest::collection::vec;
    use proptest::sample::{select, subsequence};

    fn actions() -> Vec<Action> {
        let mut pool: Vec<Action> = listing("s3", "GetObject")
            .into_iter()
            .chain(listing("ec2", "DescribeInstance"))
            .chain(listing("sqs", ""))
            .map(|a| Action::parse(&a))
            .collect();
        pool.extend(
            [
                "s3:Put*",
                "ec2:Describe*",
                "newsvc:Thing",
                "s3:getobjecttagging",
            ]
            .into_iter()
            .map(Action::parse),
        );
        pool
    }

    const RESOURCES: &[&str] = &[
        "*",
        "arn:aws:s3:::a/*",
        "arn:aws:s3:::b/*",
        "arn:aws:sqs:us-east-1:111122223333:queue-with-a-rather-long-name",
        "arn:aws:ec2:*:*:instance/*",
    ];

    fn statement() -> impl Strategy<Value = Statement> {
        let pool = actions();
        let len = pool.len();
        (
            prop_oneof![4 => Just(Effect::Allow), 1 => Just(Effect::Deny)],
            any::<bool>(),
            subsequence(pool, 1..len.min(40)),
            any::<bool>(),
            subsequence(RESOURCES.to_vec(), 1..4),
            select(vec![None, Some("Ok1"), Some("Ok2")]),
            prop_oneof![3 => Just(false), 1 => Just(true)],
        )
            .prop_map(|(effect, reverse, mut actions, negated, resources, sid, condition)| {
                if reverse {
                    actions.reverse();
                }
                let mut json = serde_json::json!({
                    "Effect": effect.as_str(),
                    (if negated { "NotAction" } else { "Action" }): actions.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
                    "Resource": resources,
                });
                if let Some(sid) = sid {
                    json["Sid"] = sid.into();
                }
                if condition {
                    json["Condition"] = serde_json::json!({"StringEquals": {"aws:PrincipalTag/team": "data"}});
                }
                Statement::from_json(&json.to_string()).unwrap()
            })
    }

    pub fn policy() -> impl Strategy<Value = Policy> {
        vec(statement(), 1..8).prop_map(|statements| {
            Policy::new(
                Some(typed_iam_core::Version::V2012_10_17),
                None,
                OneOrMany::many(statements),
            )
        })
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn fit_keeps_grants_is_deterministic_and_within_the_limit(
        policy in arb::policy(),
        target in prop::sample::select(vec![SizeTarget::UserInline, SizeTarget::ManagedPolicy]),
        never in any::<bool>(),
    ) {
        let wildcards = if never { Wildcards::Never } else { Wildcards::Exact };
        let compacted = policy.compact_with(wildcards);
        prop_assert!(fit::size(&compacted) <= fit::size(&policy));
        prop_assert_eq!(Grants::of(&[compacted]), Grants::of(std::slice::from_ref(&policy)));
        match policy.fit_with(target, wildcards) {
            Ok(parts) => {
                for part in &parts {
                    prop_assert!(fit::size(part) <= target.limit());
                }
                prop_assert_eq!(Grants::of(&parts), Grants::of(std::slice::from_ref(&policy)));
                prop_assert_eq!(policy.fit_with(target, wildcards).unwrap(), parts);
            }
            Err(FitError::StatementTooLarge { size, .. }) => {
                prop_assert!(size > target.limit());
            }
            Err(other) => prop_assert!(false, "{other}"),
        }
    }
}
