//! Size: `policy-too-large`, counted as AWS counts it: IAM counts the characters of the JSON
//! without whitespace ([`Policy::to_json`]'s compact form); AWS Organizations counts a service
//! control or resource control policy as written, whitespace included
//! (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html>),
//! which [`Context::with_written_size`](crate::Context::with_written_size) states (the CLI does;
//! without it the compact size is used, a lower bound).
//!
//! SCPs take the full IAM policy language since September 2025 (`NotResource`, conditions and
//! wildcards anywhere in actions in `Allow` statements), so the former SCP-only syntax limits
//! are not errors here.
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
    let organizations = matches!(
        target,
        SizeTarget::ServiceControlPolicy | SizeTarget::ResourceControlPolicy
    );
    let written = cx.written_size().filter(|_| organizations);
    // Counted as the writer would write it, without building the text.
    let size = written.unwrap_or_else(|| crate::json::compact_chars(policy));
    if size <= limit {
        return;
    }
    let severity = if stated && target.is_hard() {
        Severity::Error
    } else {
        Severity::Warning
    };
    let message = format!(
        "policy has {} characters {}, over the {} of a {}{}",
        thousands(size),
        if written.is_some() {
            "as written, whitespace included"
        } else {
            "without whitespace"
        },
        thousands(limit),
        target.description(),
        if target.is_hard() {
            ""
        } else {
            " (a default quota)"
        }
    );
    let help = if stated {
        fit_help(policy, target)
    } else {
        "split the statements over several policies with `policy fit --target managed-policy` \
         (`Policy::fit`); if the policy is inline in a role (10,240 characters), say so with \
         the size target"
            .to_owned()
    };
    sink.push(
        Diagnostic::new(Code::PolicyTooLarge, Location::root(), message)
            .with_help(help)
            .with_severity(severity),
    );
}

/// What `policy fit` would do with an over-size policy: the number of parts comes from the
/// one splitter ([`Policy::fit`]), so the message and the command cannot disagree.
fn fit_help(policy: &Policy, target: SizeTarget) -> String {
    let command = format!("`policy fit --target {}`", target.as_str());
    match policy.fit(target) {
        Ok(parts) if parts.len() <= 1 => format!(
            "{command} (`Policy::compact`) compacts it to {} characters, granting exactly the same",
            thousands(parts.first().map_or(0, crate::json::compact_chars))
        ),
        Ok(parts) if target.is_aggregate() => format!(
            "{command} (`Policy::fit`) splits it into {} policies of at most {} characters, but \
             the inline policies of one identity share that limit: attach them as managed \
             policies (`--target managed-policy`)",
            parts.len(),
            thousands(target.limit())
        ),
        Ok(parts) => format!(
            "{command} (`Policy::fit`) splits it into {} policies within the limit that together \
             grant exactly the same",
            parts.len()
        ),
        Err(error) => format!("shorten the policy; {command} cannot split it: {error}"),
    }
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
