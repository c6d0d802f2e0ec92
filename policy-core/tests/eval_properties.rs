//! Properties of the evaluation engine, over generated policy sets and requests:
//! - adding a `Deny` statement anywhere never widens (no new Allow; an explicit deny stays);
//! - adding an `Allow` statement to a layer in force never narrows (an Allow stays);
//! - `NotAction` is the complement of `Action` over the whole catalog;
//! - the deciding statements really decide: without them, the outcome changes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Value};
use typed_iam_core::eval::{Layer, Outcome, PolicySet, Request};
use typed_iam_core::Policy;

const ACCOUNT: &str = "111122223333";

#[derive(Debug, Clone)]
struct Stmt {
    allow: bool,
    not_action: bool,
    actions: Vec<&'static str>,
    resources: Vec<&'static str>,
    principal: &'static str,
    condition: usize,
}

/// Policies by layer: identity policies, a resource policy (or none), a boundary (or none),
/// SCP levels (or none).
#[derive(Debug, Clone)]
struct World {
    identity: Vec<Vec<Stmt>>,
    resource: Option<Vec<Stmt>>,
    boundary: Option<Vec<Stmt>>,
    scp: Option<Vec<Vec<Stmt>>>,
}

const ACTIONS: [&str; 8] = [
    "s3:GetObject",
    "s3:PutObject",
    "s3:*",
    "s3:Get*",
    "*",
    "iam:*",
    "sqs:SendMessage",
    "s3:ListAllMyBuckets",
];
const RESOURCES: [&str; 6] = [
    "*",
    "arn:aws:s3:::b/*",
    "arn:aws:s3:::b/k",
    "arn:aws:s3:::c/*",
    "arn:aws:sqs:*",
    "arn:aws:s3:::${aws:username}/*",
];
const PRINCIPALS: [&str; 7] = [
    "*",
    "111122223333",
    "arn:aws:iam::111122223333:user/ana",
    "arn:aws:iam::111122223333:role/R",
    "arn:aws:sts::111122223333:assumed-role/R/s",
    "arn:aws:iam::444455556666:root",
    "service:sagemaker.amazonaws.com",
];
const CONDITIONS: usize = 6;

fn condition(index: usize) -> Option<Value> {
    match index {
        1 => Some(json!({"StringEquals": {"aws:PrincipalTag/team": "ml"}})),
        2 => Some(json!({"StringNotEqualsIfExists": {"aws:PrincipalTag/team": "web"}})),
        3 => Some(json!({"ForAnyValue:StringLike": {"aws:TagKeys": "te*"}})),
        4 => Some(json!({"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}})),
        5 => Some(
            json!({"Bool": {"aws:SecureTransport": "true"}, "Null": {"aws:MultiFactorAuthAge": "false"}}),
        ),
        _ => None,
    }
}

fn stmt() -> impl Strategy<Value = Stmt> {
    (
        any::<bool>(),
        prop::bool::weighted(0.15),
        prop::collection::vec(select(&ACTIONS[..]), 1..3),
        prop::collection::vec(select(&RESOURCES[..]), 1..3),
        select(&PRINCIPALS[..]),
        0..CONDITIONS,
    )
        .prop_map(
            |(allow, not_action, actions, resources, principal, condition)| Stmt {
                allow,
                not_action,
                actions,
                resources,
                principal,
                condition,
            },
        )
}

fn policy_json(statements: &[Stmt], with_principal: bool) -> Value {
    let statements: Vec<Value> = statements
        .iter()
        .map(|s| {
            let mut object = serde_json::Map::new();
            object.insert(
                "Effect".into(),
                (if s.allow { "Allow" } else { "Deny" }).into(),
            );
            object.insert(
                (if s.not_action { "NotAction" } else { "Action" }).into(),
                json!(s.actions),
            );
            object.insert("Resource".into(), json!(s.resources));
            if with_principal {
                let principal = match s.principal {
                    "*" => json!("*"),
                    service if service.starts_with("service:") => json!({"Service": &service[8..]}),
                    aws => json!({"AWS": aws}),
                };
                object.insert("Principal".into(), principal);
            }
            if let Some(condition) = condition(s.condition) {
                object.insert("Condition".into(), condition);
            }
            Value::Object(object)
        })
        .collect();
    json!({"Version": "2012-10-17", "Statement": statements})
}

fn parse(statements: &[Stmt], with_principal: bool) -> Policy {
    Policy::from_json(&policy_json(statements, with_principal).to_string()).unwrap()
}

fn world() -> impl Strategy<Value = World> {
    (
        prop::collection::vec(prop::collection::vec(stmt(), 0..4), 0..3),
        prop::option::of(prop::collection::vec(stmt(), 1..4)),
        prop::option::weighted(0.3, prop::collection::vec(stmt(), 0..3)),
        prop::option::weighted(
            0.3,
            prop::collection::vec(prop::collection::vec(stmt(), 1..3), 1..3),
        ),
    )
        .prop_map(|(identity, resource, boundary, scp)| World {
            identity,
            resource,
            boundary,
            scp,
        })
}

fn request() -> impl Strategy<Value = Request> {
    (
        select(
            &[
                "arn:aws:iam::111122223333:user/ana",
                "arn:aws:sts::111122223333:assumed-role/R/s",
                "arn:aws:iam::444455556666:user/eve",
                "anonymous",
                "sagemaker.amazonaws.com",
            ][..],
        ),
        select(
            &[
                ("s3:GetObject", "arn:aws:s3:::b/k"),
                ("s3:PutObject", "arn:aws:s3:::c/x"),
                ("sqs:SendMessage", "arn:aws:sqs:eu-west-1:111122223333:q"),
                ("iam:CreateUser", "arn:aws:iam::111122223333:user/bob"),
                ("s3:ListAllMyBuckets", "*"),
                ("s3:GetObject", "arn:aws:s3:::ana/notes"),
            ][..],
        ),
        prop::option::of(select(&["ml", "web"][..])),
        prop::option::of(prop::collection::vec(
            select(&["team", "env", "owner"][..]),
            0..3,
        )),
        any::<bool>(),
        prop::option::of(Just("ana")),
        prop::option::of(select(&[ACCOUNT, "444455556666"][..])),
    )
        .prop_map(
            |(principal, (action, resource), team, tag_keys, secure, username, account)| {
                let mut request = Request::new(action, resource)
                    .unwrap()
                    .principal(principal)
                    .unwrap();
                if let Some(team) = team {
                    request = request.context("aws:PrincipalTag/team", team).unwrap();
                }
                if let Some(keys) = tag_keys {
                    request = request.context("aws:TagKeys", keys).unwrap();
                }
                request = request.context("aws:SecureTransport", secure).unwrap();
                if let Some(username) = username {
                    request = request.context("aws:username", username).unwrap();
                }
                if let Some(account) = account {
                    request = request.resource_account(account);
                }
                request
            },
        )
}

/// The parsed policies of a world, kept alive for a `PolicySet`.
struct Parsed {
    identity: Vec<Policy>,
    resource: Option<Policy>,
    boundary: Option<Policy>,
    scp: Option<Vec<Policy>>,
}

impl Parsed {
    fn new(world: &World) -> Self {
        Self {
            identity: world.identity.iter().map(|p| parse(p, false)).collect(),
            resource: world.resource.as_ref().map(|p| parse(p, true)),
            boundary: world.boundary.as_ref().map(|p| parse(p, false)),
            scp: world
                .scp
                .as_ref()
                .map(|levels| levels.iter().map(|p| parse(p, false)).collect()),
        }
    }

    fn outcome(&self, request: &Request) -> Outcome {
        self.set().evaluate(request).outcome()
    }

    fn set(&self) -> PolicySet<'_> {
        let mut set = PolicySet::new();
        for policy in &self.identity {
            set = set.identity(policy);
        }
        if let Some(policy) = &self.resource {
            set = set.resource(policy);
        }
        if let Some(policy) = &self.boundary {
            set = set.boundary(policy);
        }
        if let Some(levels) = &self.scp {
            for policy in levels {
                set = set.scp_level([policy]);
            }
        }
        set
    }
}

/// Where to add a statement: 0 identity (a new or existing policy), 1 resource, 2 boundary,
/// 3 an SCP level.
fn add(world: &World, statement: Stmt, place: usize, existing_layers_only: bool) -> World {
    let mut world = world.clone();
    match place % 4 {
        0 => match world.identity.first_mut() {
            Some(policy) => policy.push(statement),
            None => world.identity.push(vec![statement]),
        },
        1 => match &mut world.resource {
            Some(policy) => policy.push(statement),
            None if !existing_layers_only => world.resource = Some(vec![statement]),
            None => world.identity.push(vec![statement]),
        },
        2 => match &mut world.boundary {
            Some(policy) => policy.push(statement),
            None if !existing_layers_only => world.boundary = Some(vec![statement]),
            None => world.identity.push(vec![statement]),
        },
        _ => match &mut world.scp {
            Some(levels) => levels[0].push(statement),
            None if !existing_layers_only => world.scp = Some(vec![vec![statement]]),
            None => world.identity.push(vec![statement]),
        },
    }
    world
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, max_global_rejects: 100_000, ..ProptestConfig::default() })]

    #[test]
    fn adding_a_deny_never_widens(world in world(), request in request(), mut statement in stmt(), place in 0usize..4) {
        statement.allow = false;
        let before = Parsed::new(&world).outcome(&request);
        let after = Parsed::new(&add(&world, statement, place, false)).outcome(&request);
        if before != Outcome::Allow {
            prop_assert_ne!(after, Outcome::Allow);
        }
        if before == Outcome::ExplicitDeny {
            prop_assert_eq!(after, Outcome::ExplicitDeny);
        }
    }

    #[test]
    fn adding_an_allow_never_narrows(world in world(), request in request(), mut statement in stmt(), place in 0usize..4) {
        statement.allow = true;
        let before = Parsed::new(&world).outcome(&request);
        let after = Parsed::new(&add(&world, statement, place, true)).outcome(&request);
        if before == Outcome::Allow {
            prop_assert_eq!(after, Outcome::Allow);
        }
    }

    #[test]
    fn removing_the_deciding_statements_changes_the_outcome(world in world(), request in request()) {
        let parsed = Parsed::new(&world);
        let set = parsed.set();
        let decision = set.evaluate(&request);
        prop_assume!(!decision.deciding().is_empty());
        let mut without = world.clone();
        // Remove from the highest index down, so earlier indexes stay valid.
        let mut deciding: Vec<(Layer, usize, usize)> = decision.deciding().iter().map(|s| (s.layer, s.policy_index, s.index)).collect();
        deciding.sort_by_key(|entry| std::cmp::Reverse(entry.2));
        for (layer, policy_index, index) in deciding {
            let statements = match layer {
                Layer::Identity => &mut without.identity[policy_index],
                Layer::Resource => without.resource.as_mut().unwrap(),
                Layer::Boundary => without.boundary.as_mut().unwrap(),
                Layer::Scp(level) => &mut without.scp.as_mut().unwrap()[level],
                other => panic!("unexpected layer {other:?}"),
            };
            statements.remove(index);
        }
        let after = Parsed::new(&without).outcome(&request);
        prop_assert_ne!(after, decision.outcome(), "{}", decision);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(30))]

    /// Over every action of the catalog: `NotAction: L` applies exactly where `Action: L` does
    /// not.
    #[test]
    fn not_action_is_the_complement_over_the_catalog(actions in prop::collection::vec(
        prop_oneof![
            select(&ACTIONS[..]).prop_map(str::to_owned),
            "(s3|iam|ec2|bedrock|sagemaker):[A-Z][a-z]{0,3}\\*".prop_map(|s| s),
            "(s3|iam|ec2|bedrock|sagemaker):\\*[A-Z][a-z]{1,4}\\*".prop_map(|s| s),
        ], 1..4), tenth in 0usize..10) {
        let with = |negated: bool| {
            let key = if negated { "NotAction" } else { "Action" };
            // A Deny is decided before any layer logic (KMS key policies, trust policies), so it
            // shows the element's match for every action.
            Policy::from_json(&json!({"Version": "2012-10-17", "Statement": {"Effect": "Deny", key: actions, "Resource": "*"}}).to_string()).unwrap()
        };
        let (action_policy, not_action_policy) = (with(false), with(true));
        let catalog = catalog::index::catalog();
        let mut checked = 0;
        for (index, info) in catalog.actions().enumerate() {
            // A tenth of the catalog per case (a random tenth each time).
            if index % 10 != tenth {
                continue;
            }
            // Rule 6: no policy decides `sts:GetCallerIdentity`, so it shows no match.
            if info.full_name() == "sts:GetCallerIdentity" {
                continue;
            }
            let request = Request::unchecked(&info.full_name(), "*").unwrap().principal("arn:aws:iam::111122223333:user/ana").unwrap();
            let denied = |policy: &Policy| PolicySet::new().identity(policy).evaluate(&request).outcome() == Outcome::ExplicitDeny;
            let (plain, negated) = (denied(&action_policy), denied(&not_action_policy));
            prop_assert_ne!(plain, negated, "{}", info.full_name());
            checked += 1;
        }
        prop_assert!(checked > 1000);
    }
}
