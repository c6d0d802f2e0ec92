//! Condition entries compared exactly per key, with the evaluator's own value families
//! (`eval::conditions`, reused): an entry of one statement *implies* an entry of another
//! when they have the same operator and key and every request value the first accepts, the
//! second accepts too.
//!
//! One entry's values are ORed and its operator is a quantifier (`ForAllValues`: every
//! request value; `ForAnyValue` or none: some value) over "the value matches one of the
//! policy's values", negated for `...Not...` operators (the [Condition operators page], the
//! [multivalued page]). Both quantifiers are monotone in that predicate, so for the same
//! operator and key:
//! - positive operators: the entry with values `A` implies the one with values `B` when each
//!   value of `A` matches only what some value of `B` matches;
//! - negated operators: the other way round (excluding more is stricter).
//!
//! "Matches only what another matches", per family: equal text (`String`, `Bool`, `Null`);
//! equal ignoring case (`...IgnoreCase`); pattern containment (`StringLike`, case-sensitive;
//! `Arn...`, field by field, case-sensitive as the evaluator compares ARNs in conditions);
//! `NumericLessThan 5` within `NumericLessThan 10` (intervals: bounds compared), the same for
//! dates; a CIDR range inside another (`IpAddress`); equal bytes (`BinaryEquals`). A value
//! with a policy variable only matches what its equal text matches (it stands for the same
//! text on both sides of one request). A statement's entries are ANDed, so a statement is
//! within another when every entry of the other is implied by one of its own: sound, and
//! exact for single entries per key; a union of values that together cover one value (two
//! CIDRs making a larger one) is not seen, and the comparison then looks for a witness.
//!
//! [Condition operators page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
//! [multivalued page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html

use crate::eval::conditions::{family, Compare, Family};
use crate::eval::glob::{arn_fields, arn_like};
use crate::eval::values::{decode_base64, ip_in, parse_date, parse_ip, parse_number};
use crate::model::{Condition, OperatorKind};

use super::atoms::glob_covers;
use super::condition_sets;

/// One key of one operator of a statement's condition.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    kind: Option<OperatorKind>,
    operator: String,
    /// Lowercase: keys are case-insensitive (the [Condition page]).
    ///
    /// [Condition page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
    key: String,
    values: Vec<String>,
    /// The entry as an exact set ([`condition_sets`]), when it has one.
    shape: Option<condition_sets::Shape>,
}

/// The entries of a condition.
pub(crate) fn entries(condition: Option<&Condition>) -> Vec<Entry> {
    let mut out = Vec::new();
    for block in condition.iter().flat_map(|c| c.blocks()) {
        for entry in block.entries() {
            let kind = block.operator().kind();
            let values: Vec<String> = entry
                .values()
                .iter()
                .map(|value| value.as_text().into_owned())
                .collect();
            out.push(Entry {
                kind,
                operator: block.operator().as_str().to_owned(),
                key: entry.key().to_ascii_lowercase(),
                shape: kind.and_then(|kind| condition_sets::shape(kind, &values)),
                values,
            });
        }
    }
    out
}

/// Whether every request that satisfies `small` satisfies `big` (proven; `false`: not
/// proven).
pub(crate) fn implies(small: &Entry, big: &Entry) -> bool {
    if small.key != big.key {
        return false;
    }
    // The same operator, value by value (cheap, sound), then the exact sets, across
    // operators and qualifiers, when both entries have one.
    if small.operator == big.operator && same_operator_implies(small, big) {
        return true;
    }
    match (&small.shape, &big.shape) {
        (Some(a), Some(b)) => condition_sets::implies(a, b).unwrap_or(false),
        _ => false,
    }
}

/// [`implies`] for entries of the same operator and key: value by value.
fn same_operator_implies(small: &Entry, big: &Entry) -> bool {
    let Some((value_family, negated)) = small.kind.and_then(|kind| family(kind.base)) else {
        // `Null` and anything the evaluator has no family for: equal value sets only.
        return same_texts(&small.values, &big.values);
    };
    let (inner, outer) = if negated {
        (&big.values, &small.values)
    } else {
        (&small.values, &big.values)
    };
    inner.iter().all(|a| {
        outer
            .iter()
            .any(|b| a == b || (!variable(a) && !variable(b) && within(value_family, a, b)))
    })
}

fn same_texts(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

fn variable(text: &str) -> bool {
    text.contains("${")
}

/// Whether every request value that policy value `a` accepts, `b` accepts (same family).
fn within(value_family: Family, a: &str, b: &str) -> bool {
    match value_family {
        Family::String => a == b,
        Family::StringIgnoreCase => a.to_lowercase() == b.to_lowercase(),
        Family::StringLike => glob_covers(b, a, false),
        Family::Arn => arn_within(a, b),
        Family::Numeric(how) => match (parse_number(a), parse_number(b)) {
            (Some(a), Some(b)) => bound_within(a, b, how),
            _ => false,
        },
        Family::Date(how) => match (parse_date(a), parse_date(b)) {
            (Some(a), Some(b)) => bound_within(a, b, how),
            _ => false,
        },
        Family::Bool => {
            a.eq_ignore_ascii_case(b)
                && (a.eq_ignore_ascii_case("true") || a.eq_ignore_ascii_case("false"))
        }
        Family::Binary => {
            matches!((decode_base64(a), decode_base64(b)), (Some(x), Some(y)) if x == y)
        }
        Family::Ip => match (parse_ip(a), parse_ip(b)) {
            (Some((address, prefix)), Some(network)) => {
                prefix >= network.1 && ip_in(address, network)
            }
            _ => false,
        },
    }
}

/// `v OP a` implies `v OP b` for every `v`.
fn bound_within<T: PartialOrd>(a: T, b: T, how: Compare) -> bool {
    match how {
        Compare::Eq => a == b,
        Compare::Lt | Compare::Le => a <= b,
        Compare::Gt | Compare::Ge => a >= b,
    }
}

/// ARN pattern `a` matches only ARNs that `b` matches, as conditions compare them (case
/// sensitive, field by field: `ArnLike` in the [Condition operators page]).
///
/// [Condition operators page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
fn arn_within(a: &str, b: &str) -> bool {
    if b == "*" {
        return true;
    }
    if !a.contains(['*', '?']) {
        return arn_like(b, a, false);
    }
    let ((af, an), (bf, bn)) = (arn_fields(a), arn_fields(b));
    an == 6
        && bn == 6
        && (0..6).all(|index| match (af.get(index), bf.get(index)) {
            (Some(x), Some(y)) => glob_covers(y, x, false),
            _ => false,
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::Policy;

    fn entry(condition: &str) -> Entry {
        let policy = Policy::from_json(&format!(
            r#"{{"Statement":{{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{condition}}}}}"#
        ))
        .unwrap();
        entries(policy.statements()[0].condition.as_ref()).remove(0)
    }

    #[test]
    fn families_compare_by_meaning() {
        let yes = [
            (
                r#"{"NumericLessThan":{"s3:max-keys":"5"}}"#,
                r#"{"NumericLessThan":{"s3:max-keys":["10"]}}"#,
            ),
            (
                r#"{"IpAddress":{"aws:SourceIp":"10.1.0.0/16"}}"#,
                r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
            ),
            (
                r#"{"StringLike":{"s3:prefix":"home/ana/*"}}"#,
                r#"{"StringLike":{"s3:prefix":"home/*"}}"#,
            ),
            (
                r#"{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}"#,
                r#"{"StringEquals":{"AWS:requestedregion":["eu-west-1","us-east-1"]}}"#,
            ),
            (
                r#"{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","us-east-1"]}}"#,
                r#"{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}"#,
            ),
            (
                r#"{"DateGreaterThan":{"aws:CurrentTime":"2026-06-01T00:00:00Z"}}"#,
                r#"{"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}"#,
            ),
            (
                r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111122223333:topic-a"}}"#,
                r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111122223333:*"}}"#,
            ),
        ];
        for (small, big) in yes {
            assert!(implies(&entry(small), &entry(big)), "{small} => {big}");
            assert!(!implies(&entry(big), &entry(small)), "{big} =/=> {small}");
        }
        // Across operators, by the exact sets; different keys: not proven.
        assert!(implies(
            &entry(r#"{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}"#),
            &entry(r#"{"StringLike":{"aws:RequestedRegion":"eu-*"}}"#)
        ));
        assert!(!implies(
            &entry(r#"{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}"#),
            &entry(r#"{"StringLike":{"aws:SourceVpc":"*"}}"#)
        ));
    }
}
