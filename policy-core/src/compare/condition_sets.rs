//! Condition entries as exact sets, across operators and set qualifiers.
//!
//! An entry's values are ORed into one set `P` of request values that "match" ([`crate::eval`]
//! rule 14): texts for `StringEquals`, `StringLike`, `ArnEquals`/`ArnLike` (languages of the
//! automata of [`super::resources`], so `StringEquals` values compare with `StringLike` and
//! `Arn...` patterns); a union of intervals for numbers and dates; a union of address ranges
//! for `IpAddress` (two CIDRs that make a larger one cover it). A value that does not parse as
//! its operator's type matches nothing, so the complement of a number set holds every text
//! that is not a number.
//!
//! Then the operator's shape, from the [Condition operators page] and the [single vs
//! multivalued page] (the evaluator's rules 11 and 12), over the request's values `V` (absent,
//! or a non-empty set; an empty list counts as absent):
//!
//! | operator | present: holds when | absent |
//! | --- | --- | --- |
//! | plain, positive | `V ∩ P ≠ ∅` | `...IfExists` only |
//! | plain, negated | `V ⊆ Pᶜ` | true |
//! | `ForAllValues:` positive / negated | `V ⊆ P` / `V ⊆ Pᶜ` | true ("It also returns true if there are no context keys in the request") |
//! | `ForAnyValue:` positive / negated | `V ∩ P ≠ ∅` / `V ∩ Pᶜ ≠ ∅` | false |
//!
//! So every entry is `Some(S)` (`V ∩ S ≠ ∅`) or `All(S)` (`V ⊆ S`) with `S = P` or `Pᶜ`, and
//! a flag for absence. One entry implies another, for every `V`, exactly when absence does and:
//! `Some(S1) ⇒ Some(S2)`, `All(S1) ⇒ All(S2)` and `All(S1) ⇒ Some(S2)` iff `S1 ⊆ S2` (take
//! `V` a single value); `Some(S1) ⇒ All(S2)` iff `S1 = ∅` or `S2` is every value (take `V`
//! one value of `S1` and any other). So `ForAllValues` with a smaller set implies it with a
//! larger one, a plain positive operator implies `ForAnyValue` with the same values, and
//! `ForAllValues` on an absent key is true while `ForAnyValue` is false.
//!
//! Numbers and dates are compared as intervals of reals: an inclusion over the reals holds
//! over the values that parse, so a "yes" is exact and a "no" may, at worst, be a case with
//! no value in between (then the witness search decides, or the answer is `Unknown`).
//!
//! [Condition operators page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
//! [single vs multivalued page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html

use super::resources::{explore_texts, TextSet};
use crate::eval::conditions::{family, Compare, Family};
use crate::eval::glob::{arn_like, glob};
use crate::eval::values::{network_range, parse_date, parse_ip, parse_number};
use crate::model::{OperatorKind, SetQualifier};

/// The set `P` of request values an entry's values match.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Values {
    Texts(Vec<TextSet>),
    Numbers(Vec<Interval>),
    Dates(Vec<Interval>),
    /// Closed address ranges, IPv4 (tag 4) and IPv6 (tag 6).
    Addresses(Vec<(u8, u128, u128)>),
}

/// An interval of reals; infinite ends are open.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Interval {
    lo: f64,
    lo_closed: bool,
    hi: f64,
    hi_closed: bool,
}

impl Interval {
    fn of(x: f64, how: Compare) -> Interval {
        let (inf, neg) = (f64::INFINITY, f64::NEG_INFINITY);
        let (lo, lo_closed, hi, hi_closed) = match how {
            Compare::Eq => (x, true, x, true),
            Compare::Lt => (neg, false, x, false),
            Compare::Le => (neg, false, x, true),
            Compare::Gt => (x, false, inf, false),
            Compare::Ge => (x, true, inf, false),
        };
        Interval {
            lo,
            lo_closed,
            hi,
            hi_closed,
        }
    }

    fn is_empty(&self) -> bool {
        self.lo > self.hi || (self.lo == self.hi && !(self.lo_closed && self.hi_closed))
    }
}

/// An entry as a set: `Some(S)` or `All(S)`, `S = P` or its complement, and whether it holds
/// for an absent key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shape {
    all: bool,
    complement: bool,
    absent: bool,
    values: Values,
}

/// The shape of an entry, when its operator and values have an exact set (none for `Bool`,
/// `Null`, `Binary`, `...IgnoreCase`, policy variables, and numbers that are not finite).
pub(crate) fn shape(kind: OperatorKind, values: &[String]) -> Option<Shape> {
    let (value_family, negated) = family(kind.base)?;
    if values.iter().any(|v| v.contains("${")) {
        return None;
    }
    let values = match value_family {
        Family::String => Values::Texts(values.iter().cloned().map(TextSet::Literal).collect()),
        Family::StringLike => Values::Texts(values.iter().cloned().map(TextSet::Glob).collect()),
        Family::Arn => Values::Texts(values.iter().cloned().map(TextSet::Arn).collect()),
        Family::Numeric(how) => Values::Numbers(intervals(values, how, parse_number)?),
        Family::Date(how) => {
            Values::Dates(intervals(values, how, |t| parse_date(t).map(|d| d as f64))?)
        }
        Family::Ip => Values::Addresses(
            values
                .iter()
                .filter_map(|v| parse_ip(v))
                .map(|(address, prefix)| network_range(address, prefix))
                .collect(),
        ),
        Family::StringIgnoreCase | Family::Bool | Family::Binary => return None,
    };
    let (all, complement, absent) = match (kind.qualifier, negated) {
        (None, false) => (false, false, kind.if_exists),
        (None, true) => (true, true, true),
        (Some(SetQualifier::ForAllValues), complement) => (true, complement, true),
        (Some(SetQualifier::ForAnyValue), complement) => (false, complement, false),
    };
    Some(Shape {
        all,
        complement,
        absent,
        values,
    })
}

fn intervals(
    values: &[String],
    how: Compare,
    parse: impl Fn(&str) -> Option<f64>,
) -> Option<Vec<Interval>> {
    let mut out = Vec::new();
    for value in values {
        if let Some(x) = parse(value) {
            if !x.is_finite() {
                return None;
            }
            out.push(Interval::of(x, how));
        }
    }
    Some(out)
}

/// Whether every request that satisfies `small` satisfies `big`: `Some(answer)` when both
/// have exact sets of one kind, `None` otherwise.
pub(crate) fn implies(small: &Shape, big: &Shape) -> Option<bool> {
    if small.absent && !big.absent {
        return Some(false);
    }
    let x = (&small.values, small.complement);
    let y = (&big.values, big.complement);
    match (small.all, big.all) {
        (false, true) => Some(empty(x)? || universal(y)?),
        _ => subset(x, y),
    }
}

type Set<'a> = (&'a Values, bool);

fn subset((a, a_comp): Set<'_>, (b, b_comp): Set<'_>) -> Option<bool> {
    match (a, b) {
        (Values::Texts(x), Values::Texts(y)) => texts_subset(x, a_comp, y, b_comp),
        (Values::Numbers(x), Values::Numbers(y)) | (Values::Dates(x), Values::Dates(y)) => {
            Some(match (a_comp, b_comp) {
                (false, false) => reals_within(x, y),
                (false, true) => reals_disjoint(x, y),
                // Texts that are not numbers are in the complement and never in a set.
                (true, false) => false,
                (true, true) => reals_within(y, x),
            })
        }
        (Values::Addresses(x), Values::Addresses(y)) => Some(match (a_comp, b_comp) {
            (false, false) => ranges_within(x, y),
            (false, true) => ranges_disjoint(x, y),
            (true, false) => false,
            (true, true) => ranges_within(y, x),
        }),
        _ => None,
    }
}

fn empty((a, comp): Set<'_>) -> Option<bool> {
    match (a, comp) {
        (Values::Texts(x), _) => texts_subset(x, comp, &[], false),
        (Values::Numbers(x) | Values::Dates(x), false) => Some(x.iter().all(Interval::is_empty)),
        (Values::Addresses(x), false) => Some(x.is_empty()),
        (_, true) => Some(false),
    }
}

fn universal((a, comp): Set<'_>) -> Option<bool> {
    match (a, comp) {
        (Values::Texts(x), _) => texts_subset(&[], true, x, comp),
        (Values::Numbers(x) | Values::Dates(x), true) => Some(x.iter().all(Interval::is_empty)),
        (Values::Addresses(x), true) => Some(x.is_empty()),
        (_, false) => Some(false),
    }
}

/// Whether a concrete text is in a text set, as the evaluator matches it.
fn text_in(set: &TextSet, text: &str) -> bool {
    match set {
        TextSet::Literal(literal) => literal == text,
        TextSet::Glob(pattern) => glob(pattern, text, false),
        TextSet::Arn(pattern) => arn_like(pattern, text, false),
    }
}

/// `(∪x or its complement) ⊆ (∪y or its complement)`, over every text: value by value when
/// `x` is a set of literal texts, else by the automata.
fn texts_subset(x: &[TextSet], x_comp: bool, y: &[TextSet], y_comp: bool) -> Option<bool> {
    if !x_comp {
        let literals: Option<Vec<&str>> = x
            .iter()
            .map(|set| match set {
                TextSet::Literal(text) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        if let Some(literals) = literals {
            return Some(
                literals
                    .iter()
                    .all(|text| y.iter().any(|set| text_in(set, text)) != y_comp),
            );
        }
    }
    // A text of `x` outside `y` refutes the inclusion without the automata: samples of each
    // wildcard text (each `*` empty or `zzw`, each `?` an `a`), kept when their own set
    // holds them.
    if !x_comp {
        for set in x {
            let (TextSet::Glob(text) | TextSet::Arn(text) | TextSet::Literal(text)) = set;
            for star in ["", "zzw"] {
                let sample = text.replace('*', star).replace('?', "a");
                if text_in(set, &sample) && y.iter().any(|other| text_in(other, &sample)) == y_comp
                {
                    return Some(false);
                }
            }
        }
    }
    type Key = (Vec<TextSet>, bool, Vec<TextSet>, bool);
    thread_local! {
        // Policies repeat their conditions, statement after statement: answers are
        // remembered per thread (and forgotten when there are many).
        static KNOWN: std::cell::RefCell<std::collections::HashMap<Key, Option<bool>>> =
            std::cell::RefCell::default();
    }
    let key: Key = (x.to_vec(), x_comp, y.to_vec(), y_comp);
    if let Some(known) = KNOWN.with(|known| known.borrow().get(&key).copied()) {
        return known;
    }
    let answer = texts_subset_by_automata(x, x_comp, y, y_comp);
    KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        if known.len() > 4096 {
            known.clear();
        }
        known.insert(key, answer);
    });
    answer
}

fn texts_subset_by_automata(
    x: &[TextSet],
    x_comp: bool,
    y: &[TextSet],
    y_comp: bool,
) -> Option<bool> {
    let sets: Vec<TextSet> = x.iter().chain(y).cloned().collect();
    let explored = explore_texts(&sets).ok()?;
    let (in_x, in_y) = (1..=x.len(), x.len() + 1..=x.len() + y.len());
    Some(!explored.outcomes.iter().any(|outcome| {
        let any = |mut range: std::ops::RangeInclusive<usize>| {
            range.any(|i| outcome.bits.get(i).copied().unwrap_or(false))
        };
        (any(in_x.clone()) != x_comp) && (any(in_y.clone()) == y_comp)
    }))
}

/// Whether the union of `x` lies within the union of `y`.
fn reals_within(x: &[Interval], y: &[Interval]) -> bool {
    let mut merged: Vec<Interval> = y.iter().copied().filter(|i| !i.is_empty()).collect();
    merged.sort_by(|a, b| {
        a.lo.total_cmp(&b.lo)
            .then_with(|| b.lo_closed.cmp(&a.lo_closed))
    });
    let mut joined: Vec<Interval> = Vec::new();
    for next in merged {
        match joined.last_mut() {
            Some(current)
                if next.lo < current.hi
                    || (next.lo == current.hi && (current.hi_closed || next.lo_closed)) =>
            {
                if next.hi > current.hi || (next.hi == current.hi && next.hi_closed) {
                    current.hi = next.hi;
                    current.hi_closed =
                        next.hi_closed || (next.hi == current.hi && current.hi_closed);
                }
            }
            _ => joined.push(next),
        }
    }
    x.iter().filter(|i| !i.is_empty()).all(|i| {
        joined.iter().any(|m| {
            let lo_ok = m.lo < i.lo || (m.lo == i.lo && (m.lo_closed || !i.lo_closed));
            let hi_ok = m.hi > i.hi || (m.hi == i.hi && (m.hi_closed || !i.hi_closed));
            lo_ok && hi_ok
        })
    })
}

fn reals_disjoint(x: &[Interval], y: &[Interval]) -> bool {
    x.iter().all(|a| {
        y.iter().all(|b| {
            let lo = if a.lo > b.lo || (a.lo == b.lo && !a.lo_closed) {
                a
            } else {
                b
            };
            let hi = if a.hi < b.hi || (a.hi == b.hi && !a.hi_closed) {
                a
            } else {
                b
            };
            Interval {
                lo: lo.lo,
                lo_closed: lo.lo_closed,
                hi: hi.hi,
                hi_closed: hi.hi_closed,
            }
            .is_empty()
                || a.is_empty()
                || b.is_empty()
        })
    })
}

fn ranges_within(x: &[(u8, u128, u128)], y: &[(u8, u128, u128)]) -> bool {
    let mut sorted = y.to_vec();
    sorted.sort_unstable();
    let mut joined: Vec<(u8, u128, u128)> = Vec::new();
    for (tag, start, end) in sorted {
        match joined.last_mut() {
            Some(current) if current.0 == tag && start <= current.2.saturating_add(1) => {
                current.2 = current.2.max(end);
            }
            _ => joined.push((tag, start, end)),
        }
    }
    x.iter().all(|&(tag, start, end)| {
        joined
            .iter()
            .any(|&(t, s, e)| t == tag && s <= start && end <= e)
    })
}

fn ranges_disjoint(x: &[(u8, u128, u128)], y: &[(u8, u128, u128)]) -> bool {
    x.iter()
        .all(|&(tag, start, end)| y.iter().all(|&(t, s, e)| t != tag || end < s || e < start))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::Policy;

    fn shape_of(condition: &str) -> Shape {
        let policy = Policy::from_json(&format!(
            r#"{{"Statement":{{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{condition}}}}}"#
        ))
        .unwrap();
        let block = &policy.statements()[0].condition.as_ref().unwrap().blocks()[0];
        let entry = &block.entries()[0];
        let values: Vec<String> = entry
            .values()
            .iter()
            .map(|v| v.as_text().into_owned())
            .collect();
        shape(block.operator().kind().unwrap(), &values).unwrap()
    }

    fn check(small: &str, big: &str, expected: bool) {
        assert_eq!(
            implies(&shape_of(small), &shape_of(big)),
            Some(expected),
            "{small} => {big}"
        );
    }

    #[test]
    fn unions_cover() {
        let whole = r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#;
        let halves = r#"{"IpAddress":{"aws:SourceIp":["10.0.0.0/9","10.128.0.0/9"]}}"#;
        let half = r#"{"IpAddress":{"aws:SourceIp":["10.0.0.0/9"]}}"#;
        check(whole, halves, true);
        check(halves, whole, true);
        check(whole, half, false);
        check(
            r#"{"NumericLessThanEquals":{"s3:max-keys":"10"}}"#,
            r#"{"NumericLessThan":{"s3:max-keys":["5","10.5"]}}"#,
            true,
        );
        check(
            r#"{"NumericLessThanEquals":{"s3:max-keys":"10"}}"#,
            r#"{"NumericLessThan":{"s3:max-keys":"10"}}"#,
            false,
        );
        check(
            r#"{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/9","10.128.0.0/9"]}}"#,
            r#"{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/16"}}"#,
            true,
        );
    }

    #[test]
    fn operators_imply_across() {
        check(
            r#"{"StringEquals":{"s3:prefix":["home/ana/x","home/bo"]}}"#,
            r#"{"StringLike":{"s3:prefix":"home/*"}}"#,
            true,
        );
        check(
            r#"{"StringLike":{"s3:prefix":"home/*"}}"#,
            r#"{"StringEquals":{"s3:prefix":"home/bo"}}"#,
            false,
        );
        check(
            r#"{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:topic"}}"#,
            r#"{"ArnLike":{"aws:SourceArn":["arn:aws:sns:us-*:*:*","arn:aws:sns:eu-*:*:*"]}}"#,
            true,
        );
        check(
            r#"{"StringEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:topic"}}"#,
            r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*"}}"#,
            true,
        );
        check(
            r#"{"StringLike":{"s3:prefix":["a*","*"]}}"#,
            r#"{"StringNotEquals":{"s3:prefix":"zz"}}"#,
            false,
        );
        // A request may send several values: `["a", "bx"]` satisfies the first (some value
        // is `a`) and not the second (a value is like `b*`).
        check(
            r#"{"StringEquals":{"s3:prefix":"a"}}"#,
            r#"{"StringNotLike":{"s3:prefix":"b*"}}"#,
            false,
        );
        check(
            r#"{"StringEquals":{"s3:prefix":"a"}}"#,
            r#"{"ForAnyValue:StringNotLike":{"s3:prefix":"b*"}}"#,
            true,
        );
    }

    #[test]
    fn set_qualifiers() {
        let all_small = r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["a"]}}"#;
        let all_large = r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}"#;
        let any_small = r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["a"]}}"#;
        let any_large = r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","b"]}}"#;
        check(all_small, all_large, true);
        check(all_large, all_small, false);
        check(any_small, any_large, true);
        check(any_large, any_small, false);
        // ForAllValues holds on an absent key, ForAnyValue does not.
        check(all_small, any_large, false);
        check(any_small, all_large, false);
        let plain = r#"{"StringEquals":{"aws:TagKeys":["a"]}}"#;
        check(plain, any_small, true);
        check(any_small, plain, true);
        let plain_not = r#"{"StringNotEquals":{"aws:TagKeys":["a"]}}"#;
        let all_not = r#"{"ForAllValues:StringNotEquals":{"aws:TagKeys":["a"]}}"#;
        check(plain_not, all_not, true);
        check(all_not, plain_not, true);
    }
}
