//! Property tests: any generated policy survives write -> read -> write unchanged, and any
//! mutation of a valid policy's JSON either reads or gives a `ParseError`, never a panic.

use proptest::prelude::*;
use typed_iam_core::{json, Location, Policy, Statement};

mod arb {
    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::{select, subsequence};
    use typed_iam_core::{
        Action, Actions, Condition, ConditionBlock, ConditionEntry, ConditionValue, Effect,
        OneOrMany, Operator, Policy, Principal, PrincipalKind, Principals, Resource, Resources,
        Statement, Version,
    };

    /// Text of every kind: plain, any printable unicode, quotes, backslashes, control characters.
    pub fn text() -> impl Strategy<Value = String> + Clone {
        prop_oneof![
            "[a-zA-Z0-9:/*?$_.-]{0,16}",
            "\\PC{0,8}",
            "[\"\\\\\\x00-\\x1f\\x7f/é😀 a]{0,8}",
        ]
    }

    fn one_or_many<T: std::fmt::Debug + Clone>(
        item: impl Strategy<Value = T> + Clone,
    ) -> impl Strategy<Value = OneOrMany<T>> + Clone {
        prop_oneof![
            item.clone().prop_map(OneOrMany::one),
            vec(item, 0..4).prop_map(OneOrMany::many),
        ]
    }

    fn action() -> impl Strategy<Value = Action> + Clone {
        prop_oneof![
            "[a-z0-9-]{1,8}:[A-Za-z*?]{1,12}",
            Just("*".to_owned()),
            text(),
        ]
        .prop_map(|text| Action::parse(&text))
    }

    fn resource() -> impl Strategy<Value = Resource> + Clone {
        prop_oneof![
            "arn:aws:[a-z0-9]{1,6}:[a-z0-9-]{0,9}:[0-9]{0,12}:[a-zA-Z0-9/*${}:]{0,20}",
            Just("*".to_owned()),
            text(),
        ]
        .prop_map(Resource::new)
    }

    fn principal() -> impl Strategy<Value = Principal> + Clone {
        let kinds = subsequence(PrincipalKind::ALL.to_vec(), 0..=4).prop_shuffle();
        prop_oneof![
            1 => Just(Principal::Wildcard),
            4 => kinds.prop_flat_map(|kinds| {
                let values: Vec<_> = kinds
                    .into_iter()
                    .map(|kind| one_or_many(text()).prop_map(move |values| (kind.clone(), values)))
                    .collect();
                values.prop_map(Principal::Map)
            }),
        ]
    }

    fn number() -> impl Strategy<Value = String> + Clone {
        "-?(0|[1-9][0-9]{0,18})(\\.[0-9]{1,4})?([eE][+-]?[0-9]{1,2})?"
    }

    fn condition_value() -> impl Strategy<Value = ConditionValue> + Clone {
        prop_oneof![
            text().prop_map(ConditionValue::String),
            number().prop_map(ConditionValue::Number),
            any::<bool>().prop_map(ConditionValue::Bool),
        ]
    }

    fn operator() -> impl Strategy<Value = Operator> + Clone {
        let known = [
            "StringEquals",
            "ForAnyValue:StringLike",
            "ForAllValues:StringEqualsIfExists",
            "NumericLessThan",
            "Bool",
            "Null",
            "ArnLike",
            "IpAddress",
            "DateGreaterThan",
        ];
        prop_oneof![select(known.to_vec()).prop_map(str::to_owned), text()].prop_map(Operator::new)
    }

    /// Keeps the first of items with the same name (JSON keys must be unique).
    fn unique<T>(items: Vec<T>, name: impl Fn(&T) -> String) -> Vec<T> {
        let mut seen = std::collections::HashSet::new();
        items
            .into_iter()
            .filter(|item| seen.insert(name(item)))
            .collect()
    }

    fn condition() -> impl Strategy<Value = Condition> + Clone {
        let entry = (text(), one_or_many(condition_value()))
            .prop_map(|(key, values)| ConditionEntry::new(key, values));
        let block = (operator(), vec(entry, 0..4)).prop_map(|(operator, entries)| {
            ConditionBlock::new(operator, unique(entries, |entry| entry.key().to_owned()))
        });
        vec(block, 0..4).prop_map(|blocks| {
            Condition::new(unique(blocks, |block| block.operator().as_str().to_owned()))
        })
    }

    pub fn statement() -> impl Strategy<Value = Statement> + Clone {
        let principals = proptest::option::of((any::<bool>(), principal()).prop_map(
            |(negated, principal)| {
                if negated {
                    Principals::NotPrincipal(principal)
                } else {
                    Principals::Principal(principal)
                }
            },
        ));
        let actions = proptest::option::of((any::<bool>(), one_or_many(action())).prop_map(
            |(negated, items)| {
                if negated {
                    Actions::not_action(items)
                } else {
                    Actions::action(items)
                }
            },
        ));
        let resources = proptest::option::of((any::<bool>(), one_or_many(resource())).prop_map(
            |(negated, items)| {
                if negated {
                    Resources::not_resource(items)
                } else {
                    Resources::resource(items)
                }
            },
        ));
        (
            proptest::option::of(text()),
            prop_oneof![Just(Effect::Allow), Just(Effect::Deny)],
            principals,
            actions,
            resources,
            proptest::option::of(condition()),
        )
            .prop_map(|(sid, effect, principal, action, resource, condition)| {
                Statement::new(sid, effect, principal, action, resource, condition)
            })
    }

    pub fn policy() -> impl Strategy<Value = Policy> + Clone {
        (
            proptest::option::of(prop_oneof![
                Just(Version::V2012_10_17),
                Just(Version::V2008_10_17)
            ]),
            proptest::option::of(text()),
            one_or_many(statement()),
        )
            .prop_map(|(version, id, statements)| Policy::new(version, id, statements))
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> + Clone {
    let byte = prop_oneof![
        any::<u8>(),
        proptest::sample::select(b"{}[]\":,\\ 0-eEtfn\xff\xc3".to_vec())
    ];
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(at, byte)| Mutation::Flip(at, byte)),
        (any::<usize>(), byte).prop_map(|(at, byte)| Mutation::Insert(at, byte)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    match *mutation {
        Mutation::Flip(at, byte) => {
            if let Some(target) = bytes.get_mut(at % len) {
                *target = byte;
            }
        }
        Mutation::Insert(at, byte) => bytes.insert(at % (bytes.len() + 1), byte),
        Mutation::Delete(at) => {
            if !bytes.is_empty() {
                bytes.remove(at % len);
            }
        }
        Mutation::Truncate(at) => bytes.truncate(at % len),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 192,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn write_read_write_is_unchanged(policy in arb::policy()) {
        let compact = policy.to_json();
        let reread = Policy::from_json(&compact).unwrap();
        prop_assert_eq!(&reread, &policy);
        prop_assert_eq!(reread.to_json(), compact.clone());
        prop_assert_eq!(serde_json::to_string(&policy).unwrap(), compact.clone());

        let pretty = policy.to_json_pretty();
        let reread = Policy::from_json(&pretty).unwrap();
        prop_assert_eq!(&reread, &policy);
        prop_assert_eq!(reread.to_json_pretty(), pretty.clone());
        prop_assert_eq!(serde_json::to_string_pretty(&policy).unwrap(), pretty.clone());

        // Both outputs are the same JSON value, and serde reads the same model.
        let compact_value: serde_json::Value = serde_json::from_str(&compact).unwrap();
        let pretty_value: serde_json::Value = serde_json::from_str(&pretty).unwrap();
        prop_assert_eq!(compact_value, pretty_value);
        prop_assert_eq!(serde_json::from_str::<Policy>(&pretty).unwrap(), policy);
    }

    #[test]
    fn statements_round_trip_alone(statement in arb::statement()) {
        let compact = statement.to_json();
        let reread = Statement::from_json(&compact).unwrap();
        prop_assert_eq!(&reread, &statement);
        prop_assert_eq!(reread.to_json(), compact);
    }

    #[test]
    fn mutated_json_reads_or_fails_without_panicking(
        policy in arb::policy(),
        pretty in any::<bool>(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let text = if pretty { policy.to_json_pretty() } else { policy.to_json() };
        let mut bytes = text.into_bytes();
        for mutation in &mutations {
            mutate(&mut bytes, mutation);
        }
        match Policy::from_slice(&bytes) {
            // Whatever reads must write back and read the same.
            Ok(read) => prop_assert_eq!(Policy::from_json(&read.to_json()).unwrap(), read),
            Err(error) => {
                prop_assert!(!error.diagnostics().is_empty());
                prop_assert!(error.diagnostics().iter().all(|d| d.is_error()));
                prop_assert!(error.positioned().all(|(_, position)| position.is_some()));
                prop_assert!(!error.to_string().is_empty());
            }
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let json::Parsed { value: result, source_map: map } = json::parse_policy(text);
            if let Err(error) = result {
                for (diagnostic, position) in error.positioned() {
                    let position = position.unwrap();
                    prop_assert!(position.offset <= text.len());
                    prop_assert!(text.is_char_boundary(position.offset));
                    // The source map answers (or not) for any location without panicking.
                    let _ = map.position(&diagnostic.location);
                }
            }
            let _ = map.position(&Location::root().key("Statement").index(0).key("Action").index(3));
        }
    }
}
