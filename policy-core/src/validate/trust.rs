//! Trust policies: `invalid-trust-policy-element` (an error) for `"Principal": "*"`,
//! `NotPrincipal`, and `Resource` or `NotResource` in a role trust policy.
//!
//! A role trust policy is attached to the role, which is its resource, so IAM rejects a
//! `Resource` element there; it also rejects `NotPrincipal` and the bare wildcard principal
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html>,
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html>,
//! and Access Analyzer's `ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL`,
//! `ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL` and
//! `ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE` checks). `{"AWS": "*"}` is left alone: IAM accepts
//! it, and AWS documents it with conditions such as `aws:PrincipalOrgID`.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Principal, Statement};
use crate::validate::{PolicyKind, Scope, Sink};

pub(super) fn check(statement: &Statement, at: &Location, scope: Scope, sink: &mut Sink<'_>) {
    if sink.cx().kind() != PolicyKind::Trust {
        return;
    }
    if let Some(principals) = statement.principal() {
        if principals.is_negated() {
            sink.push(
                Diagnostic::new(
                    Code::InvalidTrustPolicyElement,
                    at.clone().key("NotPrincipal"),
                    "a role trust policy cannot use `NotPrincipal`",
                )
                .with_help("name the principals that may assume the role in `Principal`"),
            );
        } else if matches!(principals.principal(), Principal::Wildcard) {
            sink.push(
                Diagnostic::new(
                    Code::InvalidTrustPolicyElement,
                    at.clone().key("Principal"),
                    "a role trust policy cannot have `\"Principal\": \"*\"`",
                )
                .with_help(
                    "name the accounts, roles, services or providers that may assume the role",
                ),
            );
        }
    }
    if scope == Scope::Fragment {
        return;
    }
    if let Some(resources) = statement.resource() {
        let name = if resources.is_negated() {
            "NotResource"
        } else {
            "Resource"
        };
        sink.push(
            Diagnostic::new(
                Code::InvalidTrustPolicyElement,
                at.clone().key(name),
                format!("a role trust policy cannot have `{name}`: its resource is the role"),
            )
            .with_help(format!("remove `{name}`")),
        );
    }
}
