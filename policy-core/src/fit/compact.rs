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
use crate::model::{Action, Actions, OneOrMany, Policy, Resource, Resources, Statement};

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

/// Whether an action `pattern` matches the full action name `full`, as the catalog expands
/// patterns: service and action parts separately when the pattern has a `:`.
fn pattern_matches(pattern: &str, full: &str) -> bool {
    match (pattern.split_once(':'), full.split_once(':')) {
        (Some((service_pattern, action_pattern)), Some((service, action))) => {
            wildcard_match(service_pattern, service) && wildcard_match(action_pattern, action)
        }
        (Some(_), None) => false,
        (None, _) => wildcard_match(pattern, full),
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
    let patterns: Vec<&str> = actions
        .items
        .iter()
        .filter_map(|action| match action {
            Action::Pattern(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let mut seen_ids: HashSet<ActionId> = HashSet::new();
    let mut seen_text: HashSet<String> = HashSet::new();
    let mut kept = Vec::with_capacity(actions.items.items.len());
    for action in &actions.items {
        let keep = match action {
            Action::Known { id, .. } => {
                let full = catalog().action_by_id(*id).full_name();
                seen_ids.insert(*id) && !patterns.iter().any(|p| pattern_matches(p, &full))
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
    for statement in statements {
        let key = Key::of(&statement, what);
        let group = key
            .as_ref()
            .and_then(|key| keys.iter().position(|other| other.as_ref() == Some(key)));
        match group.and_then(|index| out.get_mut(index)) {
            Some(first) => match what {
                Merge::Actions => {
                    if let (Some(into), Some(from)) = (&mut first.action, statement.action) {
                        into.items.extend(from.items.items);
                        *into = tidy_actions(into);
                    }
                }
                Merge::Resources => {
                    if let (Some(into), Some(from)) = (&mut first.resource, statement.resource) {
                        into.items.extend(from.items.items);
                        *into = tidy_resources(into);
                    }
                }
            },
            None => {
                out.push(statement);
                keys.push(key);
            }
        }
    }
    out
}

/// What must be equal for two statements to merge: everything but `Sid` and the merged list
/// (compared as a set, since the order of a list does not change what it grants).
#[derive(PartialEq)]
struct Key {
    statement: Statement,
    other_list: Vec<String>,
}

impl Key {
    fn of(statement: &Statement, what: Merge) -> Option<Key> {
        let mut bare = statement.clone();
        bare.sid = None;
        let other_list = match what {
            Merge::Actions => {
                let actions = bare.action.take()?;
                if actions.negated {
                    return None;
                }
                let mut resources = sorted_resources(bare.resource.take());
                resources.sort();
                resources
            }
            Merge::Resources => {
                let resources = bare.resource.take()?;
                if resources.negated {
                    return None;
                }
                let mut actions: Vec<String> = bare
                    .action
                    .take()
                    .map(|actions| {
                        let negated = if actions.negated { "!" } else { "" };
                        actions
                            .items
                            .iter()
                            .map(|action| format!("{negated}{}", action_key(action)))
                            .collect()
                    })
                    .unwrap_or_else(|| vec!["(none)".to_owned()]);
                actions.sort();
                actions
            }
        };
        Some(Key {
            statement: bare,
            other_list,
        })
    }
}

fn sorted_resources(resources: Option<Resources>) -> Vec<String> {
    match resources {
        None => vec!["(none)".to_owned()],
        Some(resources) => {
            let negated = if resources.negated { "!" } else { "" };
            resources
                .items
                .iter()
                .map(|resource| format!("{negated}{resource}"))
                .collect()
        }
    }
}

/// An action as IAM compares it: a known action by ID, other text in lowercase.
fn action_key(action: &Action) -> String {
    match action {
        Action::Known { id, .. } => format!("#{}", id.index()),
        Action::Pattern(text) | Action::Unchecked(text) => text.to_ascii_lowercase(),
    }
}
