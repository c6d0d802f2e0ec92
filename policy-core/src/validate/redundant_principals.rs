//! `redundant-principal` (a suggestion): an assumed-role session principal listed beside its
//! role in the same `Principal`.
//!
//! Access Analyzer's `REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY`: "The assumed-role principal
//! ... is redundant with its parent role ... If you specify both an assumed-role principal and
//! its parent role in the `Principal` element of a policy, it does not allow or deny any
//! different permissions" (the policy check reference,
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>;
//! role session principals,
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-role-session>).
//!
//! The session `arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION` is redundant with
//! `arn:PARTITION:iam::ACCOUNT:role/PATH/ROLE` (a role's path is not part of its session ARN, so
//! the role's last name segment is compared). Only `AWS` principals of one `Principal` element
//! are compared, as written (no wildcards: IAM accepts none inside a principal ARN).

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{PrincipalKind, Statement};
use crate::validate::principals::principal_map;
use crate::validate::resources::arn;
use crate::validate::Sink;

pub(super) fn check(statement: &Statement, at: &Location, sink: &mut Sink<'_>) {
    if !sink.wants(Code::RedundantPrincipal) {
        return;
    }
    let Some(kinds) = principal_map(statement) else {
        return;
    };
    for (kind, values) in kinds {
        if *kind != PrincipalKind::Aws {
            continue;
        }
        let roles: Vec<(&str, &str, &str, &str)> = values.iter().filter_map(|v| role(v)).collect();
        if roles.is_empty() {
            continue;
        }
        for (index, value) in values.iter().enumerate() {
            let Some((partition, account, name)) = session(value) else {
                continue;
            };
            let Some((_, _, _, parent)) = roles
                .iter()
                .find(|(p, a, n, _)| *p == partition && *a == account && *n == name)
            else {
                continue;
            };
            sink.push(
                Diagnostic::new(
                    Code::RedundantPrincipal,
                    at.clone().key("Principal").key(kind.as_str()).index(index),
                    format!(
                        "the session principal `{value}` is redundant with its role `{parent}`, which covers every session of the role"
                    ),
                )
                .with_help("remove the assumed-role principal"),
            );
        }
    }
}

/// A role ARN's partition, account, name (the last segment of its path) and text.
fn role(value: &str) -> Option<(&str, &str, &str, &str)> {
    let parts = arn::split(value).ok()?;
    let path = parts.resource.strip_prefix("role/")?;
    if parts.service != "iam" || arn::has_wildcard(value) {
        return None;
    }
    let name = path.rsplit('/').next().filter(|name| !name.is_empty())?;
    Some((parts.partition, parts.account, name, value))
}

/// An assumed-role session ARN's partition, account and role name.
fn session(value: &str) -> Option<(&str, &str, &str)> {
    let parts = arn::split(value).ok()?;
    let rest = parts.resource.strip_prefix("assumed-role/")?;
    if parts.service != "sts" || arn::has_wildcard(value) {
        return None;
    }
    let (name, session) = rest.split_once('/')?;
    if name.is_empty() || session.is_empty() {
        return None;
    }
    Some((parts.partition, parts.account, name))
}
