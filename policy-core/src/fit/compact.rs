//! Exact compaction: the same grants in fewer characters.
//!
//! Every step keeps what the policy grants, statement by statement or across statements whose
//! other elements are equal:
//! - within a list: duplicates go (actions compare case-insensitively, as IAM compares them;
//!   resources as written), a listed action that a wildcard of the same list matches goes, and
//!   a `Resource` list holding `*` becomes `*` (which matches every resource);
//! - across statements: two statements that differ only in their `Action` lists grant the
//!   union of both lists (and two that differ only in their `Resource` lists the union of
//!   both), because IAM allows a request that any statement allows and denies one that any
//!   statement denies
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>);
//!   `NotAction` and `NotResource` lists are never merged (the union of two exclusions is not
//!   the exclusion of the union);
//! - in exact mode, action lists are shortened with wildcards that match only listed actions
//!   in today's catalog ([`super::wildcards`]).
//!
//! Principals, conditions, effects and `Sid`s are never rewritten; a merged statement keeps the
//! `Sid` of the first statement of its group.

use std::collections::HashSet;

use catalog::index::{catalog, wildcard_match, ActionId};

use super::wildcards;
use super::Wildcards;
use crate::model::{
    Action, Actions, Condition, Effect, OneOrMany, Policy, Principals, Resource, Resources,
    Statement,
};

/// How many rounds of merging at most (each round can only shrink the statement count, so
/// this bounds the work; two rounds reach the fixed point on every managed policy).
const MAX_ROUNDS: usize = 8;

pub(super) fn compact(policy: &Policy, mode: Wildcards) -> Policy {
    let mut statements: Vec<Statement> = policy.statements().iter().map(tidy).collect();
    for _ in 0..MAX_ROUNDS {
        let before = statements.len();
        statements = merge(statements, Merge::Actions);
        statements = merge(statements, Merge::Resources);
        if statements.len() == before {
            break;
        }
    }
    if mode == Wildcards::Exact {
        for statement in &mut statements {
            if let Some(actions) = &statement.action {
                statement.action = Some(with_wildcards(actions));
            }
        }
    }
    let statements = if statements.len() == 1 && policy.statement_list().is_single() {
        OneOrMany::one(statements.remove(0))
    } else {
        OneOrMany::many(statements)
    };
    Policy::new(policy.version(), policy.id().map(str::to_owned), statements)
}

/// A list, written in its shortest form: a single item without the array.
fn list<T>(items: Vec<T>) -> OneOrMany<T> {
    if items.len() == 1 {
        OneOrMany {
            items,
            single: true,
        }
    } else {
        OneOrMany::many(items)
    }
}

/// An action pattern, split as the catalog expands patterns: service and action parts matched
/// separately when the pattern has a `:`, the full name otherwise.
struct Pattern<'a> {
    whole: &'a str,
    parts: Option<(&'a str, &'a str)>,
}

impl<'a> Pattern<'a> {
    fn new(text: &'a str) -> Self {
        Pattern {
            whole: text,
            parts: text.split_once(':'),
        }
    }

    /// Whether the pattern matches the action `prefix:name`.
    fn matches(&self, prefix: &str, name: &str) -> bool {
        match self.parts {
            Some((service, action)) => {
                wildcard_match(service, prefix) && wildcard_match(action, name)
            }
            None => wildcard_match(self.whole, &format!("{prefix}:{name}")),
        }
    }
}

/// A statement with its lists tidied: duplicates and covered items dropped.
fn tidy(statement: &Statement) -> Statement {
    let mut out = statement.clone();
    if let Some(actions) = &statement.action {
        out.action = Some(tidy_actions(actions));
    }
    if let Some(resources) = &statement.resource {
        out.resource = Some(tidy_resources(resources));
    }
    out
}

fn tidy_actions(actions: &Actions) -> Actions {
    let patterns: Vec<Pattern<'_>> = actions
        .items
        .iter()
        .filter_map(|action| match action {
            Action::Pattern(text) => Some(Pattern::new(text)),
            _ => None,
        })
        .collect();
    let mut seen_ids: HashSet<ActionId> = HashSet::new();
    let mut seen_text: HashSet<String> = HashSet::new();
    let mut kept = Vec::with_capacity(actions.items.items.len());
    for action in &actions.items {
        let keep = match action {
            Action::Known { id, .. } => {
                let info = catalog().action_by_id(*id);
                let (prefix, name) = (info.service().prefix(), info.name());
                seen_ids.insert(*id) && !patterns.iter().any(|p| p.matches(prefix, name))
            }
            // Text the catalog does not know, and patterns, go only when repeated.
            Action::Pattern(text) | Action::Unchecked(text) => {
                seen_text.insert(text.to_ascii_lowercase())
            }
        };
        if keep {
            kept.push(action.clone());
        }
    }
    Actions {
        negated: actions.negated,
        items: list(kept),
    }
}

fn tidy_resources(resources: &Resources) -> Resources {
    if !resources.negated && resources.items.iter().any(|r| r.as_str() == "*") {
        return Resources::resource(OneOrMany::one(Resource::new("*")));
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let kept: Vec<Resource> = resources
        .items
        .iter()
        .filter(|resource| seen.insert(resource.as_str()))
        .cloned()
        .collect();
    Resources {
        negated: resources.negated,
        items: list(kept),
    }
}

/// The action list with exact wildcards for its known actions.
fn with_wildcards(actions: &Actions) -> Actions {
    let mut listed = Vec::new();
    let mut covered: HashSet<ActionId> = HashSet::new();
    for action in &actions.items {
        match action {
            Action::Known { id, .. } => listed.push(*id),
            Action::Pattern(text) => covered.extend(catalog().expand(text).iter().map(|a| a.id())),
            Action::Unchecked(_) => {}
        }
    }
    if listed.len() < 2 {
        return actions.clone();
    }
    let synthesis = wildcards::synthesize(&listed, &covered);
    let kept: HashSet<ActionId> = synthesis.kept.iter().copied().collect();
    // Keep the order as written for what stays; new patterns come first, in catalog order.
    let mut items: Vec<Action> = synthesis
        .patterns
        .into_iter()
        .map(Action::Pattern)
        .collect();
    for action in &actions.items {
        match action {
            Action::Known { id, .. } if !kept.contains(id) => {}
            other => items.push(other.clone()),
        }
    }
    Actions {
        negated: actions.negated,
        items: list(items),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Merge {
    /// Statements equal but for their `Action` lists.
    Actions,
    /// Statements equal but for their `Resource` lists.
    Resources,
}

/// Merges the statements that are equal but for one list, into the first of each group, in
/// the order written.
fn merge(statements: Vec<Statement>, what: Merge) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::with_capacity(statements.len());
    let mut keys: Vec<Option<Key>> = Vec::with_capacity(statements.len());
    let mut merged: Vec<bool> = Vec::with_capacity(statements.len());
    for statement in statements {
        let key = Key::of(&statement, what);
        let group = key
            .as_ref()
            .and_then(|key| keys.iter().position(|other| other.as_ref() == Some(key)));
        match group.and_then(|index| Some((out.get_mut(index)?, merged.get_mut(index)?))) {
            Some((first, was_merged)) => {
                *was_merged = true;
                match what {
                    Merge::Actions => {
                        if let (Some(into), Some(from)) = (&mut first.action, statement.action) {
                            into.items.extend(from.items.items);
                        }
                    }
                    Merge::Resources => {
                        if let (Some(into), Some(from)) = (&mut first.resource, statement.resource)
                        {
                            into.items.extend(from.items.items);
                        }
                    }
                }
            }
            None => {
                out.push(statement);
                keys.push(key);
                merged.push(false);
            }
        }
    }
    // The merged lists, tidied once.
    for (statement, merged) in out.iter_mut().zip(merged) {
        if merged {
            *statement = tidy(statement);
        }
    }
    out
}

/// What must be equal for two statements to merge: everything but `Sid` and the merged list;
/// the other list is compared as a set, since the order of a list does not change what it
/// grants.
#[derive(PartialEq)]
struct Key {
    effect: Effect,
    principal: Option<Principals>,
    condition: Option<Condition>,
    /// The other list: whether it is negated, and its items (`None` when absent).
    other: Option<(bool, Vec<ItemKey>)>,
}

/// An item as IAM compares it: a known action by ID, other action text in lowercase, a
/// resource as written.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum ItemKey {
    Id(ActionId),
    Text(String),
}

impl Key {
    fn of(statement: &Statement, what: Merge) -> Option<Key> {
        let other = match what {
            Merge::Actions => {
                if statement.action.as_ref()?.negated {
                    return None;
                }
                statement.resource.as_ref().map(|resources| {
                    let mut items: Vec<ItemKey> = resources
                        .items
                        .iter()
                        .map(|resource| ItemKey::Text(resource.as_str().to_owned()))
                        .collect();
                    items.sort_unstable();
                    (resources.negated, items)
                })
            }
            Merge::Resources => {
                if statement.resource.as_ref()?.negated {
                    return None;
                }
                statement.action.as_ref().map(|actions| {
                    let mut items: Vec<ItemKey> = actions
                        .items
                        .iter()
                        .map(|action| match action {
                            Action::Known { id, .. } => ItemKey::Id(*id),
                            Action::Pattern(text) | Action::Unchecked(text) => {
                                ItemKey::Text(text.to_ascii_lowercase())
                            }
                        })
                        .collect();
                    items.sort_unstable();
                    (actions.negated, items)
                })
            }
        };
        Some(Key {
            effect: statement.effect,
            principal: statement.principal.clone(),
            condition: statement.condition.clone(),
            other,
        })
    }
}
