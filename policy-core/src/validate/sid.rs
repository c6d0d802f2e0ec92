//! `Sid`: duplicates, empty ones (`empty-sid`), and the characters each kind of policy allows.
//!
//! IAM (identity policies) and AWS Organizations (service control policies) accept only ASCII
//! letters and digits in a `Sid`. Resource-based policies are stored by each service, and the
//! services accept more: KMS key policies and S3 bucket policies use spaces
//! (`"Sid": "Allow use of the key"`), so for resource, trust and resource control policies only
//! control characters are rejected.

use std::collections::HashSet;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Policy, Statement};
use crate::validate::{PolicyKind, Sink};

/// Two statements with the same `Sid` (the second and later ones are reported).
pub(super) fn check_duplicates(policy: &Policy, sink: &mut Sink<'_>) {
    if !sink.wants(Code::DuplicateSid) {
        return;
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (index, statement) in policy.statements().iter().enumerate() {
        let Some(sid) = statement.sid() else {
            continue;
        };
        if sid.is_empty() {
            continue;
        }
        if !seen.insert(sid) {
            sink.push(
                Diagnostic::new(
                    Code::DuplicateSid,
                    Location::root().key("Statement").index(index).key("Sid"),
                    format!("duplicate `Sid` `{sid}`"),
                )
                .with_help("every statement's `Sid` must be unique within the policy"),
            );
        }
    }
}

/// The characters of one statement's `Sid`.
pub(super) fn check_sid(statement: &Statement, at: &Location, sink: &mut Sink<'_>) {
    let Some(sid) = statement.sid() else {
        return;
    };
    if sid.is_empty() {
        // Access Analyzer's `EMPTY_SID_VALUE` suggestion: a `Sid` is optional, and an empty one
        // names nothing
        // (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>,
        // <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html>).
        sink.push(
            Diagnostic::new(Code::EmptySid, at.clone().key("Sid"), "`Sid` is empty")
                .with_help("remove the `Sid`, or give the statement a name"),
        );
        return;
    }
    let kind = sink.cx().kind();
    let strict = matches!(kind, PolicyKind::Identity | PolicyKind::ServiceControl);
    let bad = if strict {
        sid.chars().find(|c| !c.is_ascii_alphanumeric())
    } else {
        sid.chars().find(|c| c.is_control())
    };
    let Some(bad) = bad else {
        return;
    };
    let mut diagnostic = Diagnostic::new(
        Code::InvalidSid,
        at.clone().key("Sid"),
        format!(
            "`Sid` `{sid}` has the character {bad:?}, which {} allows",
            match kind {
                PolicyKind::Identity => "no identity policy",
                PolicyKind::ServiceControl => "no service control policy",
                _ => "no policy",
            }
        ),
    );
    if strict {
        let fixed: String = sid.chars().filter(char::is_ascii_alphanumeric).collect();
        diagnostic = diagnostic
            .with_help("a `Sid` may only use ASCII letters and digits (`A-Z`, `a-z`, `0-9`)");
        if !fixed.is_empty() {
            diagnostic = diagnostic.with_suggestion(fixed);
        }
    } else {
        diagnostic = diagnostic.with_help("remove the control character");
    }
    sink.push(diagnostic);
}
