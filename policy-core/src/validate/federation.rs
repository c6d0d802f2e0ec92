//! Trust policies whose principal cannot use the action they are allowed:
//! `mismatched-action-for-principal` and `roles-anywhere-missing-action` (warnings).
//!
//! Both follow checks of IAM Access Analyzer's policy validation
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>,
//! `MISMATCHED_ACTION_FOR_PRINCIPAL` and `MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY`), which
//! Access Analyzer calls errors. IAM accepts such a policy, so here they are warnings, like every
//! finding on a policy AWS takes:
//!
//! - A SAML provider (`arn:aws:iam::ACCOUNT:saml-provider/NAME`) assumes a role only through
//!   `sts:AssumeRoleWithSAML`, and an OIDC provider only through `sts:AssumeRoleWithWebIdentity`
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html>,
//!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html>). A
//!   statement whose federated principals are all of one kind and that allows only the other kind's
//!   action lets no one assume the role. A statement that allows both actions, or names providers of
//!   both kinds, is left alone.
//! - IAM Roles Anywhere (`rolesanywhere.amazonaws.com`) creates a session with `sts:AssumeRole`,
//!   `sts:TagSession` and `sts:SetSourceIdentity`, and the role's trust policy must allow all three
//!   (<https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html#trust-policy>).
//!   Wildcards (`sts:*`) count; `NotAction` is not checked (what it allows depends on the catalog
//!   of the day).

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Effect, Policy, Principal, PrincipalKind, Statement};
use crate::validate::oidc::oidc_provider;
use crate::validate::principals::principal_map;
use crate::validate::resources::arn::covers;
use crate::validate::{PolicyKind, Sink};

const SAML_ACTION: &str = "sts:AssumeRoleWithSAML";
const OIDC_ACTION: &str = "sts:AssumeRoleWithWebIdentity";
const ROLES_ANYWHERE: &str = "rolesanywhere.amazonaws.com";
const ROLES_ANYWHERE_ACTIONS: [&str; 3] =
    ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"];

pub(super) fn check(statement: &Statement, at: &Location, sink: &mut Sink<'_>) {
    if sink.cx().kind() != PolicyKind::Trust || statement.effect() != Effect::Allow {
        return;
    }
    let Some(kinds) = principal_map(statement) else {
        return;
    };
    let Some(actions) = statement.action() else {
        return;
    };
    if actions.is_negated() {
        return;
    }
    let items = actions.items().items();
    let allows = |action: &str| items.iter().any(|a| covers(a.as_str(), action, true));

    let federated: Vec<&str> = kinds
        .iter()
        .filter(|(kind, _)| *kind == PrincipalKind::Federated)
        .flat_map(|(_, values)| values.iter().map(String::as_str))
        .collect();
    if !federated.is_empty() {
        let saml = federated.iter().filter(|v| is_saml_provider(v)).count();
        let oidc = federated
            .iter()
            .filter(|v| !is_saml_provider(v) && oidc_provider(v).is_some())
            .count();
        let (kind, needed, wrong) = if saml == federated.len() {
            ("a SAML provider", SAML_ACTION, OIDC_ACTION)
        } else if oidc == federated.len() {
            ("an OIDC provider", OIDC_ACTION, SAML_ACTION)
        } else {
            ("", "", "")
        };
        if !needed.is_empty() && !allows(needed) {
            if let Some(index) = items
                .iter()
                .position(|a| a.as_str().eq_ignore_ascii_case(wrong))
            {
                sink.push(
                    Diagnostic::new(
                        Code::MismatchedActionForPrincipal,
                        at.clone().key("Action").index(index),
                        format!(
                            "the principal is {kind}, which never calls `{wrong}`: no one can assume the role through this statement"
                        ),
                    )
                    .with_help(format!("allow `{needed}` instead"))
                    .with_suggestion(needed),
                );
            }
        }
    }
}

/// The Roles Anywhere rule, over the whole policy: the three actions may be allowed by several
/// statements that name the service. Reported once, at the `Action` of the first of them.
pub(super) fn check_roles_anywhere(policy: &Policy, sink: &mut Sink<'_>) {
    if sink.cx().kind() != PolicyKind::Trust || !sink.wants(Code::RolesAnywhereMissingAction) {
        return;
    }
    let mut first = None;
    let mut allowed = [false; 3];
    for (index, statement) in policy.statements().iter().enumerate() {
        if statement.effect() != Effect::Allow {
            continue;
        }
        let Some(principals) = statement.principal() else {
            continue;
        };
        let Principal::Map(kinds) = principals.principal() else {
            continue;
        };
        let names_service = !principals.is_negated()
            && kinds.iter().any(|(kind, values)| {
                *kind == PrincipalKind::Service
                    && values
                        .iter()
                        .any(|v| v.eq_ignore_ascii_case(ROLES_ANYWHERE))
            });
        if !names_service {
            continue;
        }
        let Some(actions) = statement.action() else {
            continue;
        };
        if actions.is_negated() {
            // What `NotAction` allows is not checked; leave the policy alone.
            return;
        }
        first.get_or_insert(index);
        for (slot, action) in allowed.iter_mut().zip(ROLES_ANYWHERE_ACTIONS) {
            *slot |= actions
                .items()
                .iter()
                .any(|a| covers(a.as_str(), action, true));
        }
    }
    let Some(first) = first else {
        return;
    };
    let missing: Vec<String> = ROLES_ANYWHERE_ACTIONS
        .iter()
        .zip(allowed)
        .filter(|(_, allowed)| !allowed)
        .map(|(action, _)| format!("`{action}`"))
        .collect();
    if missing.is_empty() {
        return;
    }
    let list = missing.join(", ");
    sink.push(
        Diagnostic::new(
            Code::RolesAnywhereMissingAction,
            Location::root().key("Statement").index(first).key("Action"),
            format!(
                "IAM Roles Anywhere needs `sts:AssumeRole`, `sts:TagSession` and `sts:SetSourceIdentity`; the policy does not allow {list} to it"
            ),
        )
        .with_help(format!("add {list} to the `Action` of the statement that names `{ROLES_ANYWHERE}`")),
    );
}

/// An IAM SAML provider ARN: `arn:PARTITION:iam::ACCOUNT:saml-provider/NAME`.
fn is_saml_provider(value: &str) -> bool {
    value.starts_with("arn:") && value.contains(":saml-provider/")
}
