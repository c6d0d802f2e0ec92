//! Operator misuse: `wildcard-without-like-operator`, `private-ip-in-source-ip`,
//! `bool-with-several-values` (warnings) and `duplicate-keys-with-different-case` (an error).
//!
//! - `*` and `?` are wildcards only under `StringLike`/`StringNotLike` (and the `Arn*`
//!   operators, which all match ARNs field by field with wildcards); under `StringEquals` and
//!   the other `String*Equals*` operators they are plain characters
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String>).
//!   A value holding a `${...}` variable is left alone (`${*}` is the escape for a literal `*`).
//! - `aws:SourceIp` holds the public address a request comes from; a request through a VPC
//!   endpoint carries `aws:VpcSourceIp` instead, so a private range (RFC 1918 `10.0.0.0/8`,
//!   `172.16.0.0/12`, `192.168.0.0/16`, IPv6 unique local `fc00::/7`) never matches
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip>).
//! - `Bool` compares one boolean; several values make it true for any of them, which is always
//!   or never what was meant (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean>).
//! - Condition key names are case-insensitive, so two keys of one operator that differ only in
//!   case are the same key twice, which AWS rejects
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html>).
//!   The same key in the same case is `duplicate-json-key`.

use std::net::IpAddr;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{BaseOperator, Condition, ConditionValue};
use crate::validate::Sink;

pub(super) fn check(condition: &Condition, at: &Location, sink: &mut Sink<'_>) {
    for block in condition.blocks() {
        let operator = block.operator().as_str();
        let kind = block.operator().kind();
        let entries = block.entries();
        for (position, entry) in entries.iter().enumerate() {
            let key = entry.key();
            let key_at = || at.clone().key("Condition").key(operator).key(key);
            if entries[..position]
                .iter()
                .any(|earlier| earlier.key() != key && earlier.key().eq_ignore_ascii_case(key))
            {
                sink.push(
                    Diagnostic::new(
                        Code::DuplicateKeysWithDifferentCase,
                        key_at(),
                        format!(
                            "condition key `{key}` appears twice under `{operator}`, in different cases"
                        ),
                    )
                    .with_help("condition keys ignore case: merge the values under one key"),
                );
            }
            let Some(kind) = kind else {
                continue;
            };
            match kind.base {
                BaseOperator::StringEquals
                | BaseOperator::StringNotEquals
                | BaseOperator::StringEqualsIgnoreCase
                | BaseOperator::StringNotEqualsIgnoreCase => {
                    for (index, value) in entry.values().iter().enumerate() {
                        let ConditionValue::String(text) = value else {
                            continue;
                        };
                        if text.contains("${") || !text.contains(['*', '?']) {
                            continue;
                        }
                        let like = kind.base.as_str().replace("Equals", "Like");
                        let like = like.trim_end_matches("IgnoreCase");
                        sink.push(
                            Diagnostic::new(
                                Code::WildcardWithoutLikeOperator,
                                key_at().index(index),
                                format!(
                                    "`{text}` holds a wildcard, which `{}` compares as a plain character",
                                    kind.base.as_str()
                                ),
                            )
                            .with_help(format!("use `{like}` to match with wildcards")),
                        );
                    }
                }
                BaseOperator::IpAddress | BaseOperator::NotIpAddress
                    if key.eq_ignore_ascii_case("aws:SourceIp") =>
                {
                    for (index, value) in entry.values().iter().enumerate() {
                        let ConditionValue::String(text) = value else {
                            continue;
                        };
                        if is_private_range(text) {
                            sink.push(
                                Diagnostic::new(
                                    Code::PrivateIpInSourceIp,
                                    key_at().index(index),
                                    format!(
                                        "`{text}` is a private range, which `aws:SourceIp` never holds"
                                    ),
                                )
                                .with_help(
                                    "use `aws:VpcSourceIp` (with `aws:SourceVpc`) for addresses \
                                     inside a VPC, or a public range",
                                ),
                            );
                        }
                    }
                }
                BaseOperator::Bool if entry.values().items().len() > 1 => sink.push(
                    Diagnostic::new(
                        Code::BoolWithSeveralValues,
                        key_at(),
                        format!(
                            "`Bool` condition on `{key}` has {} values; it is true for any of them",
                            entry.values().items().len()
                        ),
                    )
                    .with_help("write one value, `true` or `false`"),
                ),
                _ => {}
            }
        }
    }
}

/// Whether an address or CIDR range lies inside a private range (RFC 1918, IPv6 unique local).
fn is_private_range(text: &str) -> bool {
    let (address, prefix) = match text.split_once('/') {
        Some((address, prefix)) => (address, prefix.parse::<u8>().ok()),
        None => (text, None),
    };
    match address.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => {
            let [a, b, ..] = v4.octets();
            let prefix = prefix.unwrap_or(32);
            (a == 10 && prefix >= 8)
                || (a == 172 && (16..32).contains(&b) && prefix >= 12)
                || (a == 192 && b == 168 && prefix >= 16)
        }
        Ok(IpAddr::V6(v6)) => {
            let prefix = prefix.unwrap_or(128);
            (v6.segments()[0] & 0xfe00) == 0xfc00 && prefix >= 7
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_private_range;

    #[test]
    fn private_ranges() {
        for private in [
            "10.0.0.0/8",
            "10.1.2.3",
            "172.16.0.0/12",
            "172.31.255.0/24",
            "192.168.1.0/24",
            "fd00::/8",
        ] {
            assert!(is_private_range(private), "{private}");
        }
        for public in [
            "0.0.0.0/0",
            "8.0.0.0/7",
            "172.32.0.0/16",
            "203.0.113.0/24",
            "2001:db8::/32",
            "nonsense",
        ] {
            assert!(!is_private_range(public), "{public}");
        }
    }
}
