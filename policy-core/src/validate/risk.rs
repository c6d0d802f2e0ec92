//! Risk warnings: `admin-access`, `pass-role-wildcard`, `allow-not-action`, `allow-not-resource`.
//!
//! `pass-role-wildcard` is not reported on a statement that already gets `admin-access` (which
//! covers it), and an `iam:PassedToService` condition under any operator silences it.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Effect, Statement};
use crate::validate::actions::Facts;
use crate::validate::resources::arn::covers;
use crate::validate::Sink;

pub(super) fn check(statement: &Statement, at: &Location, _facts: &Facts<'_>, sink: &mut Sink<'_>) {
    if statement.effect() != Effect::Allow {
        return;
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
    if !on_everything {
        return;
    }
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
    let passed_to_service = statement.condition().is_some_and(|condition| {
        condition.blocks().iter().any(|block| {
            block
                .entries()
                .iter()
                .any(|entry| entry.key().eq_ignore_ascii_case("iam:PassedToService"))
        })
    });
    if passed_to_service {
        return;
    }
    if let Some(index) = actions
        .items()
        .iter()
        .position(|a| covers(a.as_str(), "iam:PassRole", true))
    {
        let text = actions.items().items()[index].as_str();
        sink.push(
            Diagnostic::new(
                Code::PassRoleWildcard,
                at.clone().key("Action").index(index),
                format!("`{text}` allows `iam:PassRole` on every role, to any service"),
            )
            .with_help("name the roles in `Resource`, or add a condition on `iam:PassedToService`"),
        );
    }
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
