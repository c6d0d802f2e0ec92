//! `compare_as` for each policy kind (issue 15, `--kind`): resource policies compared with
//! their principals, SCPs and RCPs as the evaluator applies them, boundaries and session
//! policies in their layers; and, for random resource policies and SCPs, the relation agrees
//! with the evaluator and every witness replays.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use serde_json::{json, Value};
use typed_iam_core::compare::{compare_as, Comparison, Kind, Relation};
use typed_iam_core::eval::Request;
use typed_iam_core::Policy;

fn parse(value: &Value) -> Policy {
    Policy::from_json(&value.to_string()).unwrap()
}

fn checked(kind: Kind, old: &Policy, new: &Policy) -> Comparison {
    let comparison = compare_as(kind, old, new);
    assert_eq!(comparison.dropped_witnesses, 0, "{comparison:#?}");
    for d in &comparison.new_access {
        assert!(d
            .witness
            .replays_as(kind, std::slice::from_ref(new), std::slice::from_ref(old)));
    }
    for d in &comparison.removed_access {
        assert!(d
            .witness
            .replays_as(kind, std::slice::from_ref(old), std::slice::from_ref(new)));
    }
    comparison
}

fn bucket_policy(principals: Value, actions: Value) -> Policy {
    parse(&json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": principals},
        "Action": actions, "Resource": "arn:aws:s3:::shared/*"}]}))
}

#[test]
fn resource_policies_compare_principals() {
    let reader = "arn:aws:iam::444455556666:role/Reader";
    let old = bucket_policy(json!(reader), json!("s3:GetObject"));
    let same = bucket_policy(json!([reader, reader]), json!(["s3:GetObject"]));
    assert_eq!(
        checked(Kind::Resource, &old, &same).relation,
        Relation::Equivalent
    );
    // Another account named: Broader, and the witness is a caller of that account.
    let wider = bucket_policy(json!([reader, "777788889999"]), json!("s3:GetObject"));
    let c = checked(Kind::Resource, &old, &wider);
    assert_eq!(c.relation, Relation::Broader, "{c:#?}");
    assert_eq!(
        c.new_access[0].witness.principal,
        "arn:aws:iam::777788889999:user/witness"
    );
    assert!(c.new_access[0].witness.resource_account.is_some());
    // Everyone: Broader; back: Narrower.
    let public = bucket_policy(json!("*"), json!("s3:GetObject"));
    assert_eq!(
        checked(Kind::Resource, &old, &public).relation,
        Relation::Broader
    );
    assert_eq!(
        checked(Kind::Resource, &public, &old).relation,
        Relation::Narrower
    );
    // As an identity policy, a Principal is out of reach: Unknown with the reason.
    match compare_as(Kind::Identity, &old, &wider).relation {
        Relation::Unknown(reason) => assert!(reason.contains("--kind resource"), "{reason}"),
        other => panic!("{other}"),
    }
}

#[test]
fn a_trust_policy_without_resource_is_compared() {
    let trust = |principal: Value| {
        parse(
            &json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow",
            "Principal": principal, "Action": "sts:AssumeRole"}}),
        )
    };
    let old = trust(json!({"Service": "lambda.amazonaws.com"}));
    let new = trust(json!({"Service": ["lambda.amazonaws.com", "ec2.amazonaws.com"]}));
    let c = checked(Kind::Resource, &old, &new);
    assert_eq!(c.relation, Relation::Broader, "{c:#?}");
    assert_eq!(c.new_access[0].witness.principal, "ec2.amazonaws.com");
}

const FULL_ACCESS: &str =
    r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#;

#[test]
fn scps_limit_as_an_organization_level() {
    let full = Policy::from_json(FULL_ACCESS).unwrap();
    let guarded = parse(&json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}]}));
    let c = checked(Kind::Scp, &full, &guarded);
    assert_eq!(c.relation, Relation::Narrower, "{c:#?}");
    assert_eq!(
        c.removed_access[0].witness.action,
        "organizations:LeaveOrganization"
    );
    // An allow list instead of FullAWSAccess: everything else (future services too) removed.
    let s3_only = parse(&json!({"Version": "2012-10-17", "Statement":
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}));
    let c = checked(Kind::Scp, &full, &s3_only);
    assert_eq!(c.relation, Relation::Narrower);
    // KMS needs a key policy for an identity policy, not for an SCP comparison.
    let no_kms = parse(&json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": "kms:Decrypt", "Resource": "*"}]}));
    assert_eq!(
        checked(Kind::Scp, &full, &no_kms).relation,
        Relation::Narrower
    );
}

#[test]
fn rcps_only_govern_their_services() {
    let full = Policy::from_json(FULL_ACCESS).unwrap();
    let deny = |action: &str| {
        parse(&json!({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Effect": "Deny", "Action": action, "Resource": "*"}]}))
    };
    // EC2 is not a service RCPs cover: denying it in an RCP changes nothing.
    assert_eq!(
        checked(Kind::Rcp, &full, &deny("ec2:RunInstances")).relation,
        Relation::Equivalent
    );
    // As an SCP it does.
    assert_eq!(
        checked(Kind::Scp, &full, &deny("ec2:RunInstances")).relation,
        Relation::Narrower
    );
    assert_eq!(
        checked(Kind::Rcp, &full, &deny("s3:PutObject")).relation,
        Relation::Narrower
    );
}

#[test]
fn boundaries_and_session_policies_are_layers() {
    let s3 = parse(&json!({"Version": "2012-10-17", "Statement":
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}));
    let more = parse(&json!({"Version": "2012-10-17", "Statement":
        {"Effect": "Allow", "Action": ["s3:GetObject", "sqs:SendMessage"], "Resource": "*"}}));
    for kind in [Kind::Boundary, Kind::Session] {
        let c = checked(kind, &s3, &more);
        assert_eq!(c.relation, Relation::Broader, "{kind}: {c:#?}");
        assert_eq!(c.new_access[0].witness.action, "sqs:SendMessage");
    }
}

const PRINCIPALS: &[&str] = &[
    "*",
    "444455556666",
    "arn:aws:iam::444455556666:role/Reader",
    "arn:aws:iam::777788889999:user/ana",
];
const ACTIONS: &[&str] = &["s3:GetObject", "s3:PutObject", "s3:Get*", "s3:*"];
const CALLERS: &[&str] = &[
    "arn:aws:iam::444455556666:role/Reader",
    "arn:aws:iam::444455556666:user/bob",
    "arn:aws:iam::777788889999:user/ana",
    "arn:aws:iam::123456789012:user/eve",
];

fn resource_statement() -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        subsequence(PRINCIPALS, 1..3),
        subsequence(ACTIONS, 1..3),
        select(&["arn:aws:s3:::shared/*", "arn:aws:s3:::shared/a*"][..]),
    )
        .prop_map(|(allow, principals, actions, resource)| {
            json!({"Effect": if allow { "Allow" } else { "Deny" },
                   "Principal": {"AWS": principals}, "Action": actions, "Resource": resource})
        })
}

fn resource_policy() -> impl Strategy<Value = Value> {
    prop::collection::vec(resource_statement(), 1..4)
        .prop_map(|s| json!({"Version": "2012-10-17", "Statement": s}))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn resource_relations_agree_with_the_evaluator(p in resource_policy(), q in resource_policy()) {
        let (old, new) = (parse(&p), parse(&q));
        let c = checked(Kind::Resource, &old, &new);
        // For a tally of the relations (`--nocapture`).
        eprintln!("resource pair: {}", c.relation.as_str());
        if matches!(c.relation, Relation::Unknown(_)) { eprintln!("unknown pair: {p} {q} {}", c.relation); }
        let (no_new, no_removed) = match c.relation {
            Relation::Equivalent => (true, true),
            Relation::Narrower => (true, false),
            Relation::Broader => (false, true),
            _ => (false, false),
        };
        for caller in CALLERS {
            for action in ["s3:GetObject", "s3:PutObject", "s3:GetObjectAcl", "s3:DeleteObject"] {
                for object in ["arn:aws:s3:::shared/abc", "arn:aws:s3:::shared/xyz"] {
                    let request = Request::unchecked(action, object).unwrap()
                        .principal(caller).unwrap().resource_account("999988887777");
                    let (before, after) = (
                        Kind::Resource.allows(std::slice::from_ref(&old), &request),
                        Kind::Resource.allows(std::slice::from_ref(&new), &request),
                    );
                    prop_assert!(!(no_new && after && !before), "{caller} {action} {object}: {:?}", c.relation);
                    prop_assert!(!(no_removed && before && !after), "{caller} {action} {object}: {:?}", c.relation);
                }
            }
        }
        // The same policy reordered is Equivalent.
        let mut r = p.clone();
        r["Statement"].as_array_mut().unwrap().reverse();
        prop_assert_eq!(checked(Kind::Resource, &old, &parse(&r)).relation, Relation::Equivalent);
    }
}
