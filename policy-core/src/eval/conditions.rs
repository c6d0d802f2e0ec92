//! The `Condition` element (rules 10-14 of the module docs).
//!
//! - Rule 10, from the [condition page]: "If your policy has multiple condition operators or
//!   multiple keys, the conditions are evaluated using a logical AND"; several values of one key
//!   are ORed; for a negated operator (`StringNotEquals`, ...) the values are NORed: the
//!   request value must match none of them ([multi-value page], "Negated matching condition
//!   operators").
//! - Rule 11, from the [condition operators page]: a key missing from the request makes a
//!   condition false, except: a negated operator is true ("If the key that you specify in a
//!   policy condition is not present in the request context, the values do not match" - so a
//!   negated operator, which asks that they do not match, holds), an `...IfExists` operator is
//!   true, and `Null` tests exactly presence.
//! - Rule 12, from the [multi-value page]: `ForAllValues` is true when every request value
//!   matches, and when the key is missing or empty ("It also returns true if there are no
//!   context keys in the request"); `ForAnyValue` needs at least one request value that matches,
//!   so it is false for a missing or empty key, with or without `IfExists`. A negated base under
//!   a set qualifier is negated per request value (`ForAllValues:StringNotEquals`: no request
//!   value equals any policy value).
//! - Decided (the pages are not explicit): a plain operator on a multivalued key is true when
//!   any request value matches (the NOR of a negated one: no request value matches), which is
//!   what the [single vs multi page] warns about when it tells users to use set operators; a
//!   set operator on a single-valued key treats it as a set of one (the page warns that this
//!   "can lead to overly permissive policies", and the engine warns too); an empty list is a
//!   missing key for plain operators and for `Null`, and an empty set for set qualifiers.
//! - Rule 13: key names compare ignoring case, tag keys included (the [condition page]:
//!   "Condition key names are not case-sensitive"); values compare case-sensitively except
//!   with `StringEqualsIgnoreCase`/`StringNotEqualsIgnoreCase` and `Bool`.
//! - Rule 14: typed comparisons ([`super::values`]); a value that does not parse as its
//!   operator's type matches nothing. `ArnEquals` and `ArnLike` are the same operator: each of
//!   the six `:`-separated fields is matched on its own, case-sensitively, with `*` and `?`
//!   (the operators page: "Case-sensitive matching of the ARN. Each of the six colon-delimited
//!   components of the ARN is checked separately and each can include multi-character match
//!   wildcards").
//!
//! [condition page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
//! [condition operators page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
//! [multi-value page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
//! [single vs multi page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html

use super::glob::{arn_like, glob, substitute, unmark, Substituted};
use super::request::{ContextValue, Request};
use super::values;
use crate::model::{BaseOperator, Condition, ConditionValue, OperatorKind, SetQualifier};

/// Why a condition did not hold, for the trace: the operator block and key that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConditionFailure {
    /// The index of the operator in the `Condition` element.
    pub block: usize,
    /// The index of the key under that operator.
    pub entry: usize,
    /// What went wrong.
    pub reason: FailureReason,
}

/// Why one condition key failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FailureReason {
    /// The key is not in the request.
    KeyMissing,
    /// The key is in the request but no value matched as the operator requires.
    NoMatch,
    /// The operator is not one IAM knows: the condition never holds.
    UnknownOperator,
    /// A negated operator's value has a policy variable the request cannot resolve, so the
    /// statement does not apply (the [variables page](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
    /// "If AWS cannot resolve a variable, this might cause the entire statement to be invalid").
    UnresolvedVariable,
}

/// Something worth telling the user that does not change the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ConditionNote {
    /// `ForAllValues`/`ForAnyValue` on a key the catalog types as single-valued.
    SetOperatorOnSingleValuedKey { operator: String, key: String },
    /// A policy variable that could not be resolved.
    UnresolvedVariable { variable: String },
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compare {
    Eq,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    String,
    StringIgnoreCase,
    StringLike,
    Numeric(Compare),
    Date(Compare),
    Bool,
    Binary,
    Ip,
    Arn,
}

/// The positive family of a base operator and whether it is negated.
pub(crate) fn family(base: BaseOperator) -> Option<(Family, bool)> {
    use BaseOperator as B;
    Some(match base {
        B::StringEquals => (Family::String, false),
        B::StringNotEquals => (Family::String, true),
        B::StringEqualsIgnoreCase => (Family::StringIgnoreCase, false),
        B::StringNotEqualsIgnoreCase => (Family::StringIgnoreCase, true),
        B::StringLike => (Family::StringLike, false),
        B::StringNotLike => (Family::StringLike, true),
        B::NumericEquals => (Family::Numeric(Compare::Eq), false),
        B::NumericNotEquals => (Family::Numeric(Compare::Eq), true),
        B::NumericLessThan => (Family::Numeric(Compare::Lt), false),
        B::NumericLessThanEquals => (Family::Numeric(Compare::Le), false),
        B::NumericGreaterThan => (Family::Numeric(Compare::Gt), false),
        B::NumericGreaterThanEquals => (Family::Numeric(Compare::Ge), false),
        B::DateEquals => (Family::Date(Compare::Eq), false),
        B::DateNotEquals => (Family::Date(Compare::Eq), true),
        B::DateLessThan => (Family::Date(Compare::Lt), false),
        B::DateLessThanEquals => (Family::Date(Compare::Le), false),
        B::DateGreaterThan => (Family::Date(Compare::Gt), false),
        B::DateGreaterThanEquals => (Family::Date(Compare::Ge), false),
        B::Bool => (Family::Bool, false),
        B::BinaryEquals => (Family::Binary, false),
        B::IpAddress => (Family::Ip, false),
        B::NotIpAddress => (Family::Ip, true),
        B::ArnEquals | B::ArnLike => (Family::Arn, false),
        B::ArnNotEquals | B::ArnNotLike => (Family::Arn, true),
        _ => return None,
    })
}

fn compare<T: PartialOrd>(request: T, policy: T, how: Compare) -> bool {
    match how {
        Compare::Eq => request == policy,
        Compare::Lt => request < policy,
        Compare::Le => request <= policy,
        Compare::Gt => request > policy,
        Compare::Ge => request >= policy,
    }
}

/// Evaluates a `Condition` element against the request. `variables` tells whether policy
/// variables are replaced (version `2012-10-17`).
pub(crate) fn evaluate(
    condition: &Condition,
    request: &Request,
    variables: bool,
    notes: &mut Vec<ConditionNote>,
) -> Result<(), ConditionFailure> {
    for (block_index, block) in condition.blocks().iter().enumerate() {
        let fail = |entry, reason| ConditionFailure {
            block: block_index,
            entry,
            reason,
        };
        let Some(kind) = block.operator().kind() else {
            return Err(fail(0, FailureReason::UnknownOperator));
        };
        for (entry_index, entry) in block.entries().iter().enumerate() {
            let value = request.context_value(entry.key());
            if let Err(reason) = evaluate_key(
                kind,
                entry.key(),
                value,
                entry.values().items(),
                request,
                variables,
                notes,
            ) {
                return Err(fail(entry_index, reason));
            }
        }
    }
    Ok(())
}

/// Evaluates one key of one operator: the cell of the semantics table.
fn evaluate_key(
    kind: OperatorKind,
    key: &str,
    value: Option<&ContextValue>,
    policy_values: &[ConditionValue],
    request: &Request,
    variables: bool,
    notes: &mut Vec<ConditionNote>,
) -> Result<(), FailureReason> {
    let request_values: Option<&[String]> = value.map(ContextValue::values);
    if kind.base == BaseOperator::Null {
        // `Null: true` holds when the key is absent; `false` when present.
        let absent = request_values.is_none_or(<[String]>::is_empty);
        let holds = policy_values.iter().any(|policy| {
            let text = policy.as_text();
            (text.eq_ignore_ascii_case("true") && absent)
                || (text.eq_ignore_ascii_case("false") && !absent)
        });
        return if holds {
            Ok(())
        } else {
            Err(FailureReason::NoMatch)
        };
    }
    let Some((family, negated)) = family(kind.base) else {
        return Err(FailureReason::UnknownOperator);
    };
    // A negated operator cannot tell "matches none" from an unresolved value: the statement
    // does not apply. (In a positive operator, the value just matches nothing.)
    let substitutes = matches!(
        family,
        Family::String | Family::StringIgnoreCase | Family::StringLike | Family::Arn
    );
    if negated && substitutes && variables {
        for policy_value in policy_values {
            if let Substituted::Unresolved(variable) =
                substitute(&policy_value.as_text(), request, false)
            {
                note(notes, ConditionNote::UnresolvedVariable { variable });
                return Err(FailureReason::UnresolvedVariable);
            }
        }
    }
    if let Some(qualifier) = kind.qualifier {
        if let Some(info) = catalog::index::catalog().condition_key(key) {
            if !info.value_type().as_str().starts_with("ArrayOf") {
                note(
                    notes,
                    ConditionNote::SetOperatorOnSingleValuedKey {
                        operator: kind.to_string(),
                        key: key.to_owned(),
                    },
                );
            }
        }
        let values = request_values.unwrap_or_default();
        let one = |request_value: &String| {
            matches_any(
                family,
                request_value,
                policy_values,
                request,
                variables,
                notes,
            ) != negated
        };
        let holds = match qualifier {
            SetQualifier::ForAllValues => values.iter().all(one),
            SetQualifier::ForAnyValue => values.iter().any(one),
        };
        return if holds {
            Ok(())
        } else if request_values.is_none() {
            Err(FailureReason::KeyMissing)
        } else {
            Err(FailureReason::NoMatch)
        };
    }
    match request_values {
        None | Some([]) => {
            if kind.if_exists || negated {
                Ok(())
            } else {
                Err(FailureReason::KeyMissing)
            }
        }
        Some(values) => {
            let any = values.iter().any(|request_value| {
                matches_any(
                    family,
                    request_value,
                    policy_values,
                    request,
                    variables,
                    notes,
                )
            });
            if any != negated {
                Ok(())
            } else {
                Err(FailureReason::NoMatch)
            }
        }
    }
}

fn note(notes: &mut Vec<ConditionNote>, new: ConditionNote) {
    if !notes.contains(&new) {
        notes.push(new);
    }
}

/// Whether one request value matches any of the policy's values under the positive operator.
fn matches_any(
    family: Family,
    request_value: &str,
    policy_values: &[ConditionValue],
    request: &Request,
    variables: bool,
    notes: &mut Vec<ConditionNote>,
) -> bool {
    policy_values.iter().any(|policy_value| {
        let text = policy_value.as_text();
        match family {
            Family::String | Family::StringIgnoreCase | Family::StringLike | Family::Arn => {
                let pattern = matches!(family, Family::StringLike | Family::Arn);
                let substituted = if variables {
                    substitute(&text, request, pattern)
                } else {
                    Substituted::Text(std::borrow::Cow::Borrowed(&*text))
                };
                let policy = match substituted {
                    Substituted::Text(policy) => policy,
                    Substituted::Unresolved(variable) => {
                        note(notes, ConditionNote::UnresolvedVariable { variable });
                        return false;
                    }
                };
                match family {
                    Family::String => *unmark(&policy) == *request_value,
                    Family::StringIgnoreCase => {
                        let policy = unmark(&policy);
                        policy.eq_ignore_ascii_case(request_value)
                            || policy.to_lowercase() == request_value.to_lowercase()
                    }
                    Family::StringLike => glob(&policy, request_value, false),
                    _ => arn_like(&policy, request_value, false),
                }
            }
            Family::Numeric(how) => match (
                values::parse_number(request_value),
                values::parse_number(&text),
            ) {
                (Some(r), Some(p)) => compare(r, p, how),
                _ => false,
            },
            Family::Date(how) => {
                match (values::parse_date(request_value), values::parse_date(&text)) {
                    (Some(r), Some(p)) => compare(r, p, how),
                    _ => false,
                }
            }
            Family::Bool => {
                let valid =
                    |t: &str| t.eq_ignore_ascii_case("true") || t.eq_ignore_ascii_case("false");
                valid(&text) && text.eq_ignore_ascii_case(request_value)
            }
            Family::Binary => match (
                values::decode_base64(request_value),
                values::decode_base64(&text),
            ) {
                (Some(r), Some(p)) => r == p,
                _ => false,
            },
            Family::Ip => match (values::parse_ip(request_value), values::parse_ip(&text)) {
                (Some((address, _)), Some(network)) => values::ip_in(address, network),
                _ => false,
            },
        }
    })
}
