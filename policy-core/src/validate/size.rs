//! Size: `policy-too-large`, counted as AWS counts it (characters of the JSON without
//! whitespace, i.e. [`Policy::to_json`]'s compact form).
//!
//! Which limit applies, and how serious exceeding it is:
//! - a target stated with [`Context::with_target`](crate::Context::with_target): its limit; an
//!   error when the limit is hard, a warning when it is a default quota (trust policies);
//! - no target: a service control or resource control policy has its fixed 5,120 (an error); a
//!   trust policy its default quota of 2,048 (a warning); an identity policy is compared with the
//!   customer managed policy limit of 6,144 as a reference (a warning: it may be an inline policy
//!   of a role, which may hold 10,240, and AWS's own managed policies are not bound by it);
//!   resource policies are not checked, since each service has its own limit (S3 20 KB,
//!   KMS 32 KB, ...).

use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::model::Policy;
use crate::validate::{PolicyKind, Sink, SizeTarget};

pub(super) fn check(policy: &Policy, sink: &mut Sink<'_>) {
    if !sink.wants(Code::PolicyTooLarge) {
        return;
    }
    let cx = sink.cx();
    let (target, stated) = match cx.target() {
        Some(target) => (target, true),
        None => match cx.kind() {
            PolicyKind::ServiceControl => (SizeTarget::ServiceControlPolicy, true),
            PolicyKind::ResourceControl => (SizeTarget::ResourceControlPolicy, true),
            PolicyKind::Trust => (SizeTarget::TrustPolicy, true),
            PolicyKind::Identity => (SizeTarget::ManagedPolicy, false),
            _ => return,
        },
    };
    let limit = target.limit();
    let bound = upper_bound(policy);
    if bound <= limit {
        return;
    }
    let size = crate::json::compact_chars(policy, bound);
    if size <= limit {
        return;
    }
    let severity = if stated && target.is_hard() {
        Severity::Error
    } else {
        Severity::Warning
    };
    let message = format!(
        "policy has {} characters without whitespace, over the {} of a {}{}",
        thousands(size),
        thousands(limit),
        target.description(),
        if target.is_hard() {
            ""
        } else {
            " (a default quota)"
        }
    );
    let help = if stated {
        "split the statements over several policies, or shorten action lists with wildcards"
    } else {
        "split the statements over several policies; if the policy is inline in a role \
         (10,240 characters), say so with the size target"
    };
    sink.push(
        Diagnostic::new(Code::PolicyTooLarge, Location::root(), message)
            .with_help(help)
            .with_severity(severity),
    );
}

/// A cheap upper bound of the compact JSON's length, so that most policies are never
/// serialized: every string counts as if each byte were escaped to `\u00XX` when it has a byte
/// that JSON escapes, and every element gets a generous allowance for its key and punctuation.
fn upper_bound(policy: &Policy) -> usize {
    fn text(s: &str) -> usize {
        let escaped = s
            .bytes()
            .any(|b| b < 0x20 || b == b'"' || b == b'\\' || b >= 0x80);
        if escaped {
            6 * s.len() + 3
        } else {
            s.len() + 3
        }
    }
    const ELEMENT: usize = 32;
    let mut total = 64 + policy.id().map_or(0, text);
    for statement in policy.statements() {
        total += ELEMENT * 8 + statement.sid().map_or(0, text);
        if let Some(principals) = statement.principal() {
            if let crate::model::Principal::Map(kinds) = principals.principal() {
                for (_, values) in kinds {
                    total += ELEMENT + values.iter().map(|v| text(v)).sum::<usize>();
                }
            }
        }
        if let Some(actions) = statement.action() {
            total += actions
                .items()
                .iter()
                .map(|a| text(a.as_str()))
                .sum::<usize>();
        }
        if let Some(resources) = statement.resource() {
            total += resources
                .items()
                .iter()
                .map(|r| text(r.as_str()))
                .sum::<usize>();
        }
        if let Some(condition) = statement.condition() {
            for block in condition.blocks() {
                total += ELEMENT + text(block.operator().as_str());
                for entry in block.entries() {
                    total += ELEMENT + text(entry.key());
                    for value in entry.values() {
                        total += match value {
                            crate::model::ConditionValue::String(s) => text(s),
                            crate::model::ConditionValue::Number(n) => n.len() + 1,
                            crate::model::ConditionValue::Bool(_) => 6,
                        };
                    }
                }
            }
        }
    }
    total
}

/// `6144` as `6,144`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
