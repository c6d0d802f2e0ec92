//! `redundant-statement` (a suggestion): a statement that grants, or denies, nothing that another
//! statement of the policy does not already.
//!
//! Access Analyzer's `REDUNDANT_STATEMENT` suggestion reports a statement included twice
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>):
//! one can be removed without changing the policy, and an edit to one copy alone later changes
//! what the policy allows. This check also reports a statement *contained* in another: the same
//! `Effect`, the same principal and the same `Condition` (compared as written), and every action
//! and resource of the one covered by an action or resource of the other (wildcards included, as
//! `redundant-action` compares them). Statements whose `NotAction` or `NotResource` differ are not
//! compared. Of two equivalent statements, the later one is reported.
//!
//! The `Sid` is not compared: it does not change what a statement allows.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Actions, Policy, Resources, Statement};
use crate::validate::resources::arn::covers;
use crate::validate::Sink;

pub(super) fn check(policy: &Policy, sink: &mut Sink<'_>) {
    if !sink.wants(Code::RedundantStatement) {
        return;
    }
    let statements = policy.statements();
    for (index, statement) in statements.iter().enumerate() {
        let cover = statements.iter().enumerate().find(|(other, candidate)| {
            *other != index
                && contained(statement, candidate)
                && (*other < index || !contained(candidate, statement))
        });
        let Some((other, candidate)) = cover else {
            continue;
        };
        let name = match candidate.sid() {
            Some(sid) if !sid.is_empty() => format!("`Statement[{other}]` (`{sid}`)"),
            _ => format!("`Statement[{other}]`"),
        };
        let verb = match statement.effect() {
            crate::model::Effect::Allow => "allows",
            crate::model::Effect::Deny => "denies",
        };
        sink.push(
            Diagnostic::new(
                Code::RedundantStatement,
                Location::root().key("Statement").index(index),
                format!("this statement is redundant: {name} already {verb} everything it {verb}"),
            )
            .with_help("remove the statement, or merge what differs into the other one"),
        );
    }
}

/// Whether everything `inner` applies to, `outer` applies to as well, with the same effect,
/// principal and condition.
fn contained(inner: &Statement, outer: &Statement) -> bool {
    inner.effect() == outer.effect()
        && inner.principal() == outer.principal()
        && inner.condition() == outer.condition()
        && actions_contained(inner.action(), outer.action())
        && resources_contained(inner.resource(), outer.resource())
}

fn actions_contained(inner: Option<&Actions>, outer: Option<&Actions>) -> bool {
    match (inner, outer) {
        (None, None) => true,
        (Some(inner), Some(outer)) if inner.is_negated() || outer.is_negated() => inner == outer,
        (Some(inner), Some(outer)) => inner.items().iter().all(|a| {
            outer
                .items()
                .iter()
                .any(|b| covers(b.as_str(), a.as_str(), true))
        }),
        _ => false,
    }
}

fn resources_contained(inner: Option<&Resources>, outer: Option<&Resources>) -> bool {
    match (inner, outer) {
        (None, None) => true,
        (Some(inner), Some(outer)) if inner.is_negated() || outer.is_negated() => inner == outer,
        (Some(inner), Some(outer)) => inner.items().iter().all(|a| {
            outer
                .items()
                .iter()
                .any(|b| covers(b.as_str(), a.as_str(), false))
        }),
        _ => false,
    }
}
