//! The semantics table of condition operators: every base operator x {plain, IfExists} x
//! {no qualifier, ForAllValues, ForAnyValue} x the key {absent, empty, one matching value, one
//! other value, many values (one matching, one not)}, plus `Null`.
//!
//! The expected answers are written by hand from AWS's pages, once for positive operators and
//! once for negated ones (rules 10-12 of `typed_iam_core::eval`'s docs):
//! - [condition operators](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
//!   a missing key fails a positive operator; `...IfExists` holds on a missing key; negated
//!   operators hold on a missing key;
//! - [multivalued keys](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html):
//!   `ForAllValues` holds for a missing or empty key and when every value matches;
//!   `ForAnyValue` needs one matching value (so fails on a missing or empty key, `IfExists` or
//!   not); a negated base is negated per value;
//! - the engine's documented decisions where the pages are silent: a plain operator on many
//!   values holds when any value matches (negated: when none does); an empty list is a missing
//!   key for plain operators and `Null`.
//!
//! Each operator has its own fixture (a policy value, a request value that matches it and one
//! that does not), which also exercises the typed comparisons of rule 14.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use typed_iam_core::eval::{ContextValue, PolicySet, Request};
use typed_iam_core::Policy;

#[derive(Clone, Copy, Debug)]
enum Key {
    Absent,
    Empty,
    OneMatching,
    OneOther,
    Many,
}

const KEYS: [Key; 5] = [
    Key::Absent,
    Key::Empty,
    Key::OneMatching,
    Key::OneOther,
    Key::Many,
];

/// The expected answer of a positive operator: (qualifier, if_exists, key) -> holds.
fn positive(qualifier: &str, if_exists: bool, key: Key) -> bool {
    match (qualifier, key) {
        ("", Key::Absent | Key::Empty) => if_exists,
        ("", Key::OneMatching | Key::Many) => true,
        ("", Key::OneOther) => false,
        ("ForAllValues:", Key::Absent | Key::Empty | Key::OneMatching) => true,
        ("ForAllValues:", Key::OneOther | Key::Many) => false,
        ("ForAnyValue:", Key::Absent | Key::Empty | Key::OneOther) => false,
        ("ForAnyValue:", Key::OneMatching | Key::Many) => true,
        _ => unreachable!(),
    }
}

/// The expected answer of a negated operator (its fixture's "matching" value is one its
/// positive counterpart matches).
fn negated(qualifier: &str, _if_exists: bool, key: Key) -> bool {
    match (qualifier, key) {
        ("", Key::Absent | Key::Empty | Key::OneOther) => true,
        ("", Key::OneMatching | Key::Many) => false,
        ("ForAllValues:", Key::Absent | Key::Empty | Key::OneOther) => true,
        ("ForAllValues:", Key::OneMatching | Key::Many) => false,
        ("ForAnyValue:", Key::Absent | Key::Empty | Key::OneMatching) => false,
        ("ForAnyValue:", Key::OneOther | Key::Many) => true,
        _ => unreachable!(),
    }
}

fn holds(operator: &str, policy_value: &str, key: Option<ContextValue>) -> bool {
    let policy = Policy::from_json(&format!(
        r#"{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
            "Condition": {{"{operator}": {{"test:Key": "{policy_value}"}}}}}}}}"#
    ))
    .unwrap();
    let mut request = Request::new("s3:GetObject", "arn:aws:s3:::b/k")
        .unwrap()
        .principal("arn:aws:iam::111122223333:user/ana")
        .unwrap();
    if let Some(value) = key {
        request = request.context("test:Key", value).unwrap();
    }
    PolicySet::new()
        .identity(&policy)
        .evaluate(&request)
        .is_allowed()
}

fn check(base: &str, is_negated: bool, policy_value: &str, matching: &str, other: &str) {
    let mut failures = Vec::new();
    let mut cells = 0;
    for qualifier in ["", "ForAllValues:", "ForAnyValue:"] {
        for if_exists in [false, true] {
            for key in KEYS {
                let operator = format!(
                    "{qualifier}{base}{}",
                    if if_exists { "IfExists" } else { "" }
                );
                let value = match key {
                    Key::Absent => None,
                    Key::Empty => Some(ContextValue::Multi(Vec::new())),
                    Key::OneMatching => Some(ContextValue::Single(matching.to_owned())),
                    Key::OneOther => Some(ContextValue::Single(other.to_owned())),
                    Key::Many => Some(ContextValue::Multi(vec![
                        matching.to_owned(),
                        other.to_owned(),
                    ])),
                };
                let expected = if is_negated {
                    negated(qualifier, if_exists, key)
                } else {
                    positive(qualifier, if_exists, key)
                };
                let actual = holds(&operator, policy_value, value);
                cells += 1;
                if actual != expected {
                    failures.push(format!(
                        "{operator} / key {key:?}: expected {expected}, got {actual}"
                    ));
                }
            }
        }
    }
    assert_eq!(cells, 30);
    assert!(
        failures.is_empty(),
        "{} of 30 cells wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

macro_rules! table {
    ($($test:ident: $base:literal, $negated:literal, $policy:literal, $matching:literal, $other:literal;)*) => {$(
        #[test]
        fn $test() {
            check($base, $negated, $policy, $matching, $other);
        }
    )*};
}

table! {
    string_equals: "StringEquals", false, "abc", "abc", "ABC";
    string_not_equals: "StringNotEquals", true, "abc", "abc", "ABC";
    string_equals_ignore_case: "StringEqualsIgnoreCase", false, "abc", "ABC", "abd";
    string_not_equals_ignore_case: "StringNotEqualsIgnoreCase", true, "abc", "ABC", "abd";
    string_like: "StringLike", false, "a*c?", "abbcd", "abd";
    string_not_like: "StringNotLike", true, "a*c?", "abbcd", "abd";
    numeric_equals: "NumericEquals", false, "10", "10.0", "11";
    numeric_not_equals: "NumericNotEquals", true, "10", "10.0", "11";
    numeric_less_than: "NumericLessThan", false, "10", "9.5", "10";
    numeric_less_than_equals: "NumericLessThanEquals", false, "10", "10", "10.5";
    numeric_greater_than: "NumericGreaterThan", false, "10", "11", "10";
    numeric_greater_than_equals: "NumericGreaterThanEquals", false, "10", "10", "9";
    date_equals: "DateEquals", false, "2026-12-05", "2026-12-05T00:00:00Z", "2026-12-06";
    date_not_equals: "DateNotEquals", true, "2026-12-05", "2026-12-05T00:00:00Z", "2026-12-06";
    date_less_than: "DateLessThan", false, "2026-12-05", "2026-12-04T23:59:59Z", "2026-12-05";
    date_less_than_equals: "DateLessThanEquals", false, "2026-12-05", "1796428800", "2026-12-05T00:00:01Z";
    date_greater_than: "DateGreaterThan", false, "2026-12-05", "2026-12-06", "2026-12-05";
    date_greater_than_equals: "DateGreaterThanEquals", false, "2026-12-05", "2026-12-05", "2026-12-04";
    bool_: "Bool", false, "true", "true", "false";
    binary_equals: "BinaryEquals", false, "aGk=", "aGk=", "aGo=";
    ip_address: "IpAddress", false, "10.0.0.0/8", "10.1.2.3", "11.0.0.1";
    not_ip_address: "NotIpAddress", true, "10.0.0.0/8", "10.1.2.3", "11.0.0.1";
    arn_equals: "ArnEquals", false, "arn:aws:s3:::b/*", "arn:aws:s3:::b/x", "arn:aws:s3:::c/x";
    arn_not_equals: "ArnNotEquals", true, "arn:aws:s3:::b/*", "arn:aws:s3:::b/x", "arn:aws:s3:::c/x";
    arn_like: "ArnLike", false, "arn:aws:s3:::b/*", "arn:aws:s3:::b/x", "arn:aws:s3:::c/x";
    arn_not_like: "ArnNotLike", true, "arn:aws:s3:::b/*", "arn:aws:s3:::b/x", "arn:aws:s3:::c/x";
}

/// `Null`: `true` holds when the key is absent (or an empty list), `false` when present.
#[test]
fn null() {
    let cells: [(&str, Option<ContextValue>, bool); 10] = [
        ("true", None, true),
        ("false", None, false),
        ("true", Some(ContextValue::Multi(Vec::new())), true),
        ("false", Some(ContextValue::Multi(Vec::new())), false),
        ("true", Some("x".into()), false),
        ("false", Some("x".into()), true),
        ("true", Some(vec!["x", "y"].into()), false),
        ("false", Some(vec!["x", "y"].into()), true),
        // The value of `Null` is a bool, case-insensitively; anything else never holds.
        ("TRUE", None, true),
        ("maybe", None, false),
    ];
    for (policy_value, key, expected) in cells {
        let name = format!("Null {policy_value} / {key:?}");
        assert_eq!(holds("Null", policy_value, key), expected, "{name}");
    }
}

/// 2026-12-05T00:00:00Z is 1796428800 in epoch seconds (used by the table above).
#[test]
fn the_epoch_fixture_is_right() {
    assert_eq!(
        typed_iam_core::eval::values::parse_date("1796428800"),
        typed_iam_core::eval::values::parse_date("2026-12-05T00:00:00Z")
    );
}
