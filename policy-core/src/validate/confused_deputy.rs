//! Service principals: `service-principal-without-source` (the confused deputy) and
//! `principal-key-with-service-principal` (security warnings).
//!
//! - A resource policy that allows a service principal (`"Service": "sns.amazonaws.com"`) lets
//!   that service act for *any* AWS customer unless a condition on `aws:SourceArn`,
//!   `aws:SourceAccount`, `aws:SourceOrgID` or `aws:SourceOrgPaths` names the resource or
//!   account on whose behalf it may act: AWS's confused deputy guidance,
//!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html>. Checked in
//!   resource policies only: a role trust policy for a service is the documented way to let a
//!   service assume a role of this account, and AWS's own service role trust policies have no
//!   such condition.
//! - AWS does not put the principal keys (`aws:PrincipalArn`, `aws:PrincipalAccount`,
//!   `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`, `aws:PrincipalTag/...`) in the request
//!   context when the caller is a service principal
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principal-properties>),
//!   so in a statement whose only principals are services such a condition never matches: an
//!   `Allow` grants nothing, and a `Deny` with a negated operator denies everything. Use the
//!   `aws:Source...` keys instead.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Effect, PrincipalKind, Statement};
use crate::validate::principals::principal_map;
use crate::validate::{PolicyKind, Sink};

/// The keys that name on whose behalf a service acts.
const SOURCE_KEYS: &[&str] = &[
    "aws:SourceArn",
    "aws:SourceAccount",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
];

/// The principal keys AWS leaves out of the request context for service principals.
const PRINCIPAL_KEYS: &[&str] = &[
    "aws:PrincipalArn",
    "aws:PrincipalAccount",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
];

pub(super) fn check(statement: &Statement, at: &Location, sink: &mut Sink<'_>) {
    let Some(kinds) = principal_map(statement) else {
        return;
    };
    let Some(services) = kinds
        .iter()
        .find(|(kind, _)| *kind == PrincipalKind::Service)
        .map(|(_, values)| values)
    else {
        return;
    };
    if services.items().is_empty() {
        return;
    }
    let only_services = kinds
        .iter()
        .all(|(kind, _)| *kind == PrincipalKind::Service);
    if only_services {
        principal_keys(statement, at, sink);
    }
    if sink.cx().kind() != PolicyKind::Resource || statement.effect() != Effect::Allow {
        return;
    }
    let has_source = statement.condition().is_some_and(|condition| {
        condition.blocks().iter().any(|block| {
            block
                .entries()
                .iter()
                .any(|entry| is_source_key(entry.key()))
        })
    });
    if has_source {
        return;
    }
    let names: Vec<&str> = services.iter().map(String::as_str).collect();
    sink.push(
        Diagnostic::new(
            Code::ServicePrincipalWithoutSource,
            at.clone().key("Principal").key("Service").index(0),
            format!(
                "`{}` may use this permission on behalf of any AWS account: no condition on \
                 `aws:SourceArn` or `aws:SourceAccount` names the resource or account it acts for",
                names.join("`, `")
            ),
        )
        .with_help(
            "add `\"StringEquals\": {\"aws:SourceAccount\": \"ACCOUNT\"}` or \
             `\"ArnLike\": {\"aws:SourceArn\": \"ARN\"}` (the confused deputy problem)",
        ),
    );
}

fn principal_keys(statement: &Statement, at: &Location, sink: &mut Sink<'_>) {
    let Some(condition) = statement.condition() else {
        return;
    };
    for block in condition.blocks() {
        for entry in block.entries() {
            let key = entry.key();
            if !is_principal_key(key) {
                continue;
            }
            sink.push(
                Diagnostic::new(
                    Code::PrincipalKeyWithServicePrincipal,
                    at.clone()
                        .key("Condition")
                        .key(block.operator().as_str())
                        .key(key),
                    format!(
                        "`{key}` is not in the request context of a service principal, so this \
                         condition never matches for the statement's services"
                    ),
                )
                .with_help(
                    "use `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID` or \
                     `aws:SourceOrgPaths` to say on whose behalf the service may act",
                ),
            );
        }
    }
}

/// Whether `key` is one of the principal keys AWS leaves out of a service principal's request
/// context (`PRINCIPAL_KEYS`, `aws:PrincipalTag/...`), in any case.
pub(super) fn is_principal_key(key: &str) -> bool {
    PRINCIPAL_KEYS
        .iter()
        .any(|known| key.eq_ignore_ascii_case(known))
        || key
            .get(..17)
            .is_some_and(|head| head.eq_ignore_ascii_case("aws:PrincipalTag/"))
}

/// Whether `key` is one of the keys that name on whose behalf a service acts (`SOURCE_KEYS`),
/// in any case.
pub(super) fn is_source_key(key: &str) -> bool {
    SOURCE_KEYS
        .iter()
        .any(|known| key.eq_ignore_ascii_case(known))
}
