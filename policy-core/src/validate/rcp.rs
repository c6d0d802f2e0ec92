//! Resource control policies: `invalid-rcp-element` (an error) for what AWS Organizations does
//! not accept in an RCP.
//!
//! Access Analyzer's `RCP_SYNTAX_ERROR_PRINCIPAL` ("RCPs only support specifying all principals
//! ("*") in the Principal element. The NotPrincipal element is not supported for RCPs"),
//! `RCP_SYNTAX_ERROR_ALLOW` ("RCPs only support specifying all principals ("*") in the Principal
//! element, all resources ("*") in the Resource element, and no Condition element with an effect
//! of Allow") and `RCP_SYNTAX_ERROR_NOTACTION` ("RCPs do not support the NotAction element"), in
//! the policy check reference
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>;
//! RCP syntax:
//! <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html>).
//!
//! Decision: `{"AWS": "*"}` is read as "all principals" like `"*"` and left alone (IAM treats the
//! two alike); any other principal is reported. Which services an RCP's actions may name
//! (`RCP_SYNTAX_ERROR_ACTION`) is not checked: the list is not vendored.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Effect, Principal, PrincipalKind, Statement};
use crate::validate::{PolicyKind, Scope, Sink};

pub(super) fn check(statement: &Statement, at: &Location, scope: Scope, sink: &mut Sink<'_>) {
    if sink.cx().kind() != PolicyKind::ResourceControl || !sink.wants(Code::InvalidRcpElement) {
        return;
    }
    let mut report = |element: &str, message: &str, help: &str| {
        sink.push(
            Diagnostic::new(Code::InvalidRcpElement, at.clone().key(element), message)
                .with_help(help),
        );
    };
    if let Some(principals) = statement.principal() {
        if principals.is_negated() {
            report(
                "NotPrincipal",
                "a resource control policy cannot use `NotPrincipal`",
                "write `\"Principal\": \"*\"` and narrow the principals with conditions such as `aws:PrincipalOrgID`",
            );
        } else if !all_principals(principals.principal()) {
            report(
                "Principal",
                "a resource control policy names all principals: its `Principal` is `\"*\"`",
                "write `\"Principal\": \"*\"` and narrow the principals with conditions such as `aws:PrincipalOrgID`",
            );
        }
    }
    if statement
        .action()
        .is_some_and(|actions| actions.is_negated())
    {
        report(
            "NotAction",
            "a resource control policy cannot use `NotAction`",
            "list the actions in `Action`",
        );
    }
    if statement.effect() != Effect::Allow {
        return;
    }
    if statement.condition().is_some() {
        report(
            "Condition",
            "an `Allow` statement of a resource control policy cannot have a `Condition`",
            "RCPs restrict with `Deny` statements; remove the condition, or make the statement a `Deny` of what it should not allow",
        );
    }
    if scope == Scope::Fragment {
        return;
    }
    if let Some(resources) = statement.resource() {
        let everything =
            !resources.is_negated() && resources.items().iter().all(|r| r.as_str() == "*");
        if !everything {
            report(
                if resources.is_negated() {
                    "NotResource"
                } else {
                    "Resource"
                },
                "an `Allow` statement of a resource control policy applies to all resources: its `Resource` is `\"*\"`",
                "write `\"Resource\": \"*\"`, and restrict resources with `Deny` statements",
            );
        }
    }
}

/// `"*"`, or `{"AWS": "*"}` alone.
fn all_principals(principal: &Principal) -> bool {
    match principal {
        Principal::Wildcard => true,
        Principal::Map(kinds) => {
            !kinds.is_empty()
                && kinds.iter().all(|(kind, values)| {
                    *kind == PrincipalKind::Aws && values.iter().all(|value| value == "*")
                })
        }
    }
}
