//! Risk warnings: `admin-access`, `pass-role-wildcard`, `create-slr-wildcard`,
//! `allow-not-action`, `allow-not-resource`, `allow-with-not-principal`.
//!
//! `pass-role-wildcard` is reported for `iam:PassRole` on every role: `*`, or an ARN whose
//! service covers `iam` and whose resource covers `role/*` (`arn:aws:iam::*:role/*`,
//! `arn:aws:iam::123456789012:role/*`), not only a literal `*`
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html>). It is not
//! reported on a statement that already gets `admin-access` (which covers it), and an
//! `iam:PassedToService` condition under any operator silences it. `create-slr-wildcard` is the
//! same for `iam:CreateServiceLinkedRole` on every service-linked role, silenced by an
//! `iam:AWSServiceName` condition
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html#service-linked-role-permissions>).
//! `allow-with-not-principal`: `Allow` with `NotPrincipal` allows every principal but the
//! listed ones, anonymous users included
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html>).

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Effect, Statement};
use crate::validate::actions::Facts;
use crate::validate::resources::arn::{covers, split};
use crate::validate::Sink;

pub(super) fn check(statement: &Statement, at: &Location, _facts: &Facts<'_>, sink: &mut Sink<'_>) {
    if statement.effect() != Effect::Allow {
        return;
    }
    if statement.principal().is_some_and(|p| p.is_negated()) {
        sink.push(
            Diagnostic::new(
                Code::AllowWithNotPrincipal,
                at.clone().key("NotPrincipal"),
                "`Allow` with `NotPrincipal` allows every principal but the listed ones, \
                 anonymous users included",
            )
            .with_help("name the allowed principals in `Principal` instead"),
        );
    }
    let (Some(actions), Some(resources)) = (statement.action(), statement.resource()) else {
        if let Some(actions) = statement.action() {
            if actions.is_negated() {
                allow_not_action(at, sink);
            }
        }
        if let Some(resources) = statement.resource() {
            if resources.is_negated() {
                allow_not_resource(at, sink);
            }
        }
        return;
    };
    if actions.is_negated() {
        allow_not_action(at, sink);
    }
    if resources.is_negated() {
        allow_not_resource(at, sink);
    }
    if actions.is_negated() || resources.is_negated() {
        return;
    }
    let on_everything = resources.items().iter().any(|r| r.as_str() == "*");
    if on_everything {
        if let Some(index) = actions
            .items()
            .iter()
            .position(|a| a.as_str() == "*" || a.as_str() == "*:*")
        {
            sink.push(
                Diagnostic::new(
                    Code::AdminAccess,
                    at.clone().key("Action").index(index),
                    "statement allows every action on every resource",
                )
                .with_help("grant only the actions and resources this principal needs"),
            );
            return;
        }
    }
    // The finding points at the action when the resource is `*`, else at the role pattern
    // (whose text may be partly filled at run time, as `policy!` interpolations are).
    let roles = |role_pattern: &str| {
        resources
            .items()
            .iter()
            .map(|r| r.as_str())
            .enumerate()
            .find(|(_, text)| on_every_role(text, role_pattern))
    };
    let condition_on = |key: &str| {
        statement.condition().is_some_and(|condition| {
            condition.blocks().iter().any(|block| {
                block
                    .entries()
                    .iter()
                    .any(|entry| entry.key().eq_ignore_ascii_case(key))
            })
        })
    };
    let place = |action_index: usize, resource: (usize, &str)| match resource {
        (_, "*") => at.clone().key("Action").index(action_index),
        (index, _) => at.clone().key("Resource").index(index),
    };
    if let Some(found) = roles("role/*") {
        let resource = found.1;
        if !condition_on("iam:PassedToService") {
            if let Some(index) = actions
                .items()
                .iter()
                .position(|a| covers(a.as_str(), "iam:PassRole", true))
            {
                let text = actions.items().items()[index].as_str();
                sink.push(
                    Diagnostic::new(
                        Code::PassRoleWildcard,
                        place(index, found),
                        if resource == "*" {
                            format!("`{text}` allows `iam:PassRole` on every role, to any service")
                        } else {
                            format!(
                                "`{text}` on `{resource}` allows `iam:PassRole` on every role, to any service"
                            )
                        },
                    )
                    .with_help(
                        "name the roles in `Resource`, or add a condition on `iam:PassedToService`",
                    ),
                );
            }
        }
    }
    if let Some(found) = roles("role/aws-service-role/*") {
        let resource = found.1;
        if !condition_on("iam:AWSServiceName") {
            if let Some(index) = actions
                .items()
                .iter()
                .position(|a| covers(a.as_str(), "iam:CreateServiceLinkedRole", true))
            {
                let text = actions.items().items()[index].as_str();
                sink.push(
                    Diagnostic::new(
                        Code::CreateSlrWildcard,
                        place(index, found),
                        format!(
                            "`{text}` on `{resource}` allows creating the service-linked role of any service"
                        ),
                    )
                    .with_help(
                        "add a condition on `iam:AWSServiceName` naming the services, or name the \
                         service-linked roles in `Resource`",
                    ),
                );
            }
        }
    }
}

/// Whether a resource covers every role matching `role_pattern` (`role/*`): `*`, or an ARN whose
/// service field covers `iam` and whose resource field covers the pattern, in any account.
fn on_every_role(resource: &str, role_pattern: &str) -> bool {
    if resource == "*" {
        return true;
    }
    let Ok(parts) = split(resource) else {
        return false;
    };
    covers(parts.service, "iam", false) && covers(parts.resource, role_pattern, false)
}

fn allow_not_action(at: &Location, sink: &mut Sink<'_>) {
    sink.push(
        Diagnostic::new(
            Code::AllowNotAction,
            at.clone().key("NotAction"),
            "`Allow` with `NotAction` allows every other action, including ones AWS adds later",
        )
        .with_help("list the allowed actions in `Action` instead"),
    );
}

fn allow_not_resource(at: &Location, sink: &mut Sink<'_>) {
    sink.push(
        Diagnostic::new(
            Code::AllowNotResource,
            at.clone().key("NotResource"),
            "`Allow` with `NotResource` allows every other resource, including ones created later",
        )
        .with_help("list the allowed resources in `Resource` instead"),
    );
}
