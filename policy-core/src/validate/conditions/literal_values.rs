//! The literal string values of `String*` conditions on a set of keys: what the checks of a
//! value's format (`service_principals`, `vpc_values`) read.
//!
//! A value with a `${...}` policy variable, a `*` or `?`, or a documentation placeholder is left
//! out: its text is not the value a request is compared with, so its format says nothing.

use crate::diagnostic::Location;
use crate::model::{BaseOperator, Condition, ConditionValue};
use crate::validate::placeholders;

/// One literal value of a condition entry whose key is in the caller's list.
pub(super) struct LiteralValue<'a, T> {
    /// The caller's data for the key (its spelling in the list, and what else the list holds).
    pub(super) key: &'a T,
    /// The value as written.
    pub(super) text: &'a str,
    /// Whether the operator ignores case (`StringEqualsIgnoreCase`, ...).
    pub(super) ignore_case: bool,
    /// `Condition.<operator>.<key>[index]` under `at`.
    pub(super) location: Location,
}

/// Every literal value under a `String*` operator of an entry whose key (in any case) is the
/// `name` of one of `keys`.
pub(super) fn literal_values<'a, T>(
    condition: &'a Condition,
    at: &Location,
    keys: &'a [T],
    name: impl Fn(&T) -> &str,
) -> Vec<LiteralValue<'a, T>> {
    let mut out = Vec::new();
    for block in condition.blocks() {
        let Some(kind) = block.operator().kind() else {
            continue;
        };
        let ignore_case = match kind.base {
            BaseOperator::StringEquals
            | BaseOperator::StringNotEquals
            | BaseOperator::StringLike
            | BaseOperator::StringNotLike => false,
            BaseOperator::StringEqualsIgnoreCase | BaseOperator::StringNotEqualsIgnoreCase => true,
            _ => continue,
        };
        for entry in block.entries() {
            let Some(key) = keys
                .iter()
                .find(|key| name(key).eq_ignore_ascii_case(entry.key()))
            else {
                continue;
            };
            for (index, value) in entry.values().iter().enumerate() {
                let ConditionValue::String(text) = value else {
                    continue;
                };
                if text.contains("${")
                    || text.contains(['*', '?'])
                    || placeholders::in_value(text).is_some()
                {
                    continue;
                }
                out.push(LiteralValue {
                    key,
                    text,
                    ignore_case,
                    location: at
                        .clone()
                        .key("Condition")
                        .key(block.operator().as_str())
                        .key(entry.key())
                        .index(index),
                });
            }
        }
    }
    out
}
