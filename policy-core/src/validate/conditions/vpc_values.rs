//! `invalid-vpc-format` (a warning): a value of `aws:SourceVpc` or `aws:SourceVpce` that is not a
//! VPC or VPC endpoint ID.
//!
//! Access Analyzer's `INVALID_VPC_FORMAT` and `INVALID_VPCE_FORMAT`: "The `aws:SourceVpc`
//! condition key must use the prefix `vpc-` followed by either 8 or 17 alphanumeric characters"
//! (`vpce-` for `aws:SourceVpce`), in the policy check reference
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>;
//! the keys:
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourcevpc>).
//! AWS accepts the policy and the condition never matches such a value, so this is a warning.
//! Only `String*` operators are read; values with a `${...}` variable, a `*` or `?`, or a
//! documentation placeholder are left alone.

use super::literal_values::literal_values;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::Condition;
use crate::validate::Sink;

/// The keys and the prefix of their IDs.
const KEYS: &[(&str, &str)] = &[("aws:SourceVpc", "vpc-"), ("aws:SourceVpce", "vpce-")];

pub(super) fn check(condition: &Condition, at: &Location, sink: &mut Sink<'_>) {
    if !sink.wants(Code::InvalidVpcFormat) {
        return;
    }
    for value in literal_values(condition, at, KEYS, |(key, _)| key) {
        let (key, prefix) = value.key;
        if is_id(value.text, prefix, value.ignore_case) {
            continue;
        }
        let text = value.text;
        sink.push(
            Diagnostic::new(
                Code::InvalidVpcFormat,
                value.location,
                format!(
                    "`{text}` is not an ID as `{key}` holds them (`{prefix}` and 8 or 17 letters or digits): the condition never matches it"
                ),
            )
            .with_help(format!("write the ID, such as `{prefix}0c9a7e1d2b3f45678`")),
        );
    }
}

/// `prefix` (in any case with `ignore_case`) and 8 or 17 ASCII letters or digits.
fn is_id(text: &str, prefix: &str, ignore_case: bool) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head == prefix || (ignore_case && head.eq_ignore_ascii_case(prefix)))
        && text.get(prefix.len()..).is_some_and(|id| {
            matches!(id.len(), 8 | 17) && id.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}
