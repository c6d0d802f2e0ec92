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
use crate::model::{Action, Actions, Policy, Resource, Resources, Statement};
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
    fn list(actions: &Actions) -> (bool, &[Action]) {
        (actions.is_negated(), actions.items().items())
    }
    lists_contained(inner.map(list), outer.map(list), Action::as_str, true)
}

fn resources_contained(inner: Option<&Resources>, outer: Option<&Resources>) -> bool {
    fn list(resources: &Resources) -> (bool, &[Resource]) {
        (resources.is_negated(), resources.items().items())
    }
    lists_contained(inner.map(list), outer.map(list), Resource::as_str, false)
}

/// Whether every item of `inner` is covered by an item of `outer` (both negated lists: only
/// when equal). Each list is `(negated, items)`.
fn lists_contained<T: PartialEq>(
    inner: Option<(bool, &[T])>,
    outer: Option<(bool, &[T])>,
    text: fn(&T) -> &str,
    ignore_case: bool,
) -> bool {
    match (inner, outer) {
        (None, None) => true,
        (Some(inner), Some(outer)) if inner.0 || outer.0 => inner == outer,
        (Some((_, inner)), Some((_, outer))) => inner
            .iter()
            .all(|a| outer.iter().any(|b| covers(text(b), text(a), ignore_case))),
        _ => false,
    }
}
