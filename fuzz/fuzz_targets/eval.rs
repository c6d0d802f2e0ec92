//! The evaluator on generated policy sets and requests.
//!
//! Input: identity policies, a resource policy, a permissions boundary and SCP levels (each
//! optional; mostly real catalog names), a request, and a `Deny` statement with a place to add
//! it. Properties, as `policy-core/tests/eval_properties.rs` states them: evaluation never
//! panics (traced or not, and both agree); adding a `Deny` statement anywhere never widens (no
//! new Allow; an explicit deny stays); the decision's deciding statements really decide: without
//! them, the outcome changes.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use policy_core::eval::{Layer, Outcome, PolicySet, Request};
use policy_core::Policy;
use typed_iam_fuzz::gen::{GenPolicy, GenStatement, Pick};

#[derive(Arbitrary, Debug, Clone)]
struct World {
    identity: Vec<GenPolicy>,
    resource: Option<GenPolicy>,
    boundary: Option<GenPolicy>,
    scp: Option<Vec<GenPolicy>>,
}

#[derive(Arbitrary, Debug)]
struct GenRequest {
    principal: Pick,
    action: Pick,
    resource: Pick,
    context: Vec<(Pick, Vec<Pick>, bool)>,
    account: Option<bool>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    world: World,
    request: GenRequest,
    deny: GenStatement,
    place: u8,
}

/// The parsed policies of a world.
struct Parsed {
    identity: Vec<Policy>,
    resource: Option<Policy>,
    boundary: Option<Policy>,
    scp: Option<Vec<Policy>>,
}

impl Parsed {
    fn new(world: &World) -> Option<Self> {
        Some(Self {
            identity: world
                .identity
                .iter()
                .map(|p| p.policy(false))
                .collect::<Option<_>>()?,
            resource: match &world.resource {
                Some(p) => Some(p.policy(true)?),
                None => None,
            },
            boundary: match &world.boundary {
                Some(p) => Some(p.policy(false)?),
                None => None,
            },
            scp: match &world.scp {
                Some(levels) => Some(
                    levels
                        .iter()
                        .map(|p| p.policy(false))
                        .collect::<Option<_>>()?,
                ),
                None => None,
            },
        })
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
        for policy in self.scp.iter().flatten() {
            set = set.scp_level([policy]);
        }
        set
    }

    fn outcome(&self, request: &Request) -> Outcome {
        self.set().evaluate(request).outcome()
    }
}

fn request(input: &GenRequest) -> Option<Request> {
    let mut request = Request::unchecked(&input.action.action(), input.resource.resource())
        .ok()?
        .principal(&input.principal.principal())
        .ok()?;
    for (key, values, single) in &input.context {
        let values: Vec<String> = values.iter().map(Pick::value).collect();
        request = match (single, values.first()) {
            (true, Some(value)) => request.context(&key.key(), value.as_str()),
            _ => request.context(&key.key(), policy_core::eval::ContextValue::Multi(values)),
        }
        .ok()?;
    }
    if let Some(other) = input.account {
        request = request.resource_account(if other {
            "444455556666"
        } else {
            "111122223333"
        });
    }
    Some(request)
}

/// The world with `statement` added at `place` (0 identity, 1 resource, 2 boundary, 3 SCP).
fn add(world: &World, statement: GenStatement, place: u8) -> World {
    let mut world = world.clone();
    let policy = |statement| GenPolicy::with_statements(vec![statement]);
    match place % 4 {
        0 => match world.identity.first_mut() {
            Some(p) => p.statements.push(statement),
            None => world.identity.push(policy(statement)),
        },
        1 => match &mut world.resource {
            Some(p) => p.statements.push(statement),
            None => world.resource = Some(policy(statement)),
        },
        2 => match &mut world.boundary {
            Some(p) => p.statements.push(statement),
            None => world.boundary = Some(policy(statement)),
        },
        _ => match world.scp.as_mut().and_then(|levels| levels.first_mut()) {
            Some(p) => p.statements.push(statement),
            None => world.scp = Some(vec![policy(statement)]),
        },
    }
    world
}

fuzz_target!(|input: Input| {
    let world = &input.world;
    // Keep each case small: the properties are about structure, not volume.
    if world.identity.len() > 4 || world.scp.as_ref().is_some_and(|l| l.len() > 3) {
        return;
    }
    let (Some(parsed), Some(request)) = (Parsed::new(world), request(&input.request)) else {
        return;
    };
    let set = parsed.set();
    let decision = set.evaluate(&request);
    let outcome = decision.outcome();
    assert_eq!(
        set.evaluate_traced(&request).outcome(),
        outcome,
        "traced differs"
    );
    let _ = decision.to_string();

    // Adding a Deny never widens.
    let mut deny = input.deny.clone();
    deny.deny = true;
    if let Some(with_deny) = Parsed::new(&add(world, deny, input.place)) {
        let after = with_deny.outcome(&request);
        if outcome != Outcome::Allow {
            assert_ne!(after, Outcome::Allow, "a Deny widened {outcome:?}");
        }
        if outcome == Outcome::ExplicitDeny {
            assert_eq!(
                after,
                Outcome::ExplicitDeny,
                "a Deny lifted an explicit deny"
            );
        }
    }

    // The deciding statements decide.
    if decision.deciding().is_empty() {
        return;
    }
    let mut without = world.clone();
    let mut deciding: Vec<(Layer, usize, usize)> = decision
        .deciding()
        .iter()
        .map(|s| (s.layer, s.policy_index, s.index))
        .collect();
    deciding.sort_by_key(|entry| std::cmp::Reverse(entry.2));
    for (layer, policy_index, index) in deciding {
        let policy = match layer {
            Layer::Identity => without.identity.get_mut(policy_index),
            Layer::Resource => without.resource.as_mut(),
            Layer::Boundary => without.boundary.as_mut(),
            Layer::Scp(level) => without.scp.as_mut().and_then(|l| l.get_mut(level)),
            other => panic!("a deciding statement in a layer that was not given: {other:?}"),
        };
        let Some(policy) = policy else {
            panic!(
                "a deciding statement in a policy that does not exist: {layer:?} {policy_index}"
            );
        };
        assert!(
            index < policy.statements.len(),
            "deciding statement {index} does not exist"
        );
        policy.statements.remove(index);
    }
    let Some(without) = Parsed::new(&without) else {
        return;
    };
    assert_ne!(
        without.outcome(&request),
        outcome,
        "removing the deciding statements did not change the outcome: {decision}"
    );
});
