//! Service keys that do not restrict what they seem to: `s3-prefix-in-negative-context` and
//! `dynamodb-attributes-without-select` (security warnings).
//!
//! Access Analyzer's checks, in the policy check reference
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>):
//! - `S3_PREFIX_IN_NEGATIVE_CONTEXT`: "Using the s3:prefix condition key in a Deny statement or
//!   with a negated string operator does not block listing the objects under the matching
//!   prefixes. A request that specifies a shorter prefix does not match the condition"; the
//!   patterns that restrict are `Allow` with `StringLike` and `Deny` with `StringNotLike`. So a
//!   `Deny` with a positive string operator, or an `Allow` with a negated one, is reported
//!   (`Deny` with a negated operator and `Allow` with a positive one are the safe patterns);
//! - `DYNAMODB_ATTRIBUTES_WITHOUT_SELECT`: "Restricting dynamodb:Attributes without also setting
//!   dynamodb:Select to SPECIFIC_ATTRIBUTES allows all attributes to be returned on read requests
//!   that omit a projection expression"
//!   (<https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html>).
//!   Reported for an `Allow` statement with a condition on `dynamodb:Attributes` and no string
//!   condition that gives `dynamodb:Select` the value `SPECIFIC_ATTRIBUTES`.
//!
//! Keys are compared without regard to case, as IAM compares them; `Null` conditions are
//! presence tests and are left alone.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{BaseOperator, ConditionValue, Effect, Statement};
use crate::validate::Sink;

const PREFIX: &str = "s3:prefix";
const ATTRIBUTES: &str = "dynamodb:Attributes";
const SELECT: &str = "dynamodb:Select";

pub(super) fn check(statement: &Statement, at: &Location, sink: &mut Sink<'_>) {
    let Some(condition) = statement.condition() else {
        return;
    };
    let effect = statement.effect();
    // Only asked when a statement has `dynamodb:Attributes` (rare): not computed otherwise.
    let selects_specific = || {
        condition.blocks().iter().any(|block| {
        block.operator().kind().is_some_and(|kind| {
            matches!(
                kind.base,
                BaseOperator::StringEquals
                    | BaseOperator::StringEqualsIgnoreCase
                    | BaseOperator::StringLike
            )
        }) && block.entries().iter().any(|entry| {
            entry.key().eq_ignore_ascii_case(SELECT)
                && entry.values().iter().next().is_some()
                && entry.values().iter().all(|value| {
                    matches!(value, ConditionValue::String(text) if text.eq_ignore_ascii_case("SPECIFIC_ATTRIBUTES"))
                })
        })
    })
    };
    for block in condition.blocks() {
        let Some(kind) = block.operator().kind() else {
            continue;
        };
        let negated = match kind.base {
            BaseOperator::StringEquals
            | BaseOperator::StringEqualsIgnoreCase
            | BaseOperator::StringLike => false,
            BaseOperator::StringNotEquals
            | BaseOperator::StringNotEqualsIgnoreCase
            | BaseOperator::StringNotLike => true,
            BaseOperator::Null => continue,
            _ => {
                // Other families on these string keys are `condition-operator-mismatch`.
                continue;
            }
        };
        let operator = block.operator().as_str();
        for entry in block.entries() {
            let key = entry.key();
            let location = || at.clone().key("Condition").key(operator).key(key);
            if key.eq_ignore_ascii_case(PREFIX) && (effect == Effect::Deny) != negated {
                let (effect_name, help) = if effect == Effect::Deny {
                    ("a `Deny`", "deny with `StringNotLike` on the prefixes to allow, or allow with `StringLike`")
                } else {
                    ("an `Allow`", "allow with `StringLike` on the prefixes to allow, or deny with `StringNotLike`")
                };
                sink.push(
                    Diagnostic::new(
                        Code::S3PrefixInNegativeContext,
                        location(),
                        format!(
                            "`{PREFIX}` under `{operator}` in {effect_name} statement does not stop listing: a request with a shorter prefix does not match the condition"
                        ),
                    )
                    .with_help(help),
                );
            }
            if key.eq_ignore_ascii_case(ATTRIBUTES)
                && effect == Effect::Allow
                && !negated
                && !selects_specific()
            {
                sink.push(
                    Diagnostic::new(
                        Code::DynamodbAttributesWithoutSelect,
                        location(),
                        format!(
                            "`{ATTRIBUTES}` restricts attributes, but without `{SELECT}` set to `SPECIFIC_ATTRIBUTES` a read without a projection expression returns every attribute"
                        ),
                    )
                    .with_help(format!(
                        "add `\"StringEquals\": {{\"{SELECT}\": \"SPECIFIC_ATTRIBUTES\"}}` to the statement's condition"
                    )),
                );
            }
        }
    }
}
