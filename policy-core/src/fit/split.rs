//! Deterministic splitting: statements (and, where one statement is too large alone, its
//! `Action` or `Resource` list) packed into as few policies as possible within a limit.
//!
//! All the identity-based policies of a principal are evaluated together: a request is allowed
//! when some statement of some policy allows it and no statement denies it
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>).
//! So the parts, attached together, grant what the whole did, provided that each statement is
//! kept or divided into statements whose union is the original: an `Allow` statement with
//! actions `A1 ∪ A2` grants what one with `A1` and one with `A2` (same resources, principal and
//! condition) grant together, and likewise for resources. `Deny` statements are kept whole, as
//! are `NotAction` and `NotResource` lists.
//!
//! Packing is first-fit decreasing: statements by size, largest first (ties by position), each
//! into the first part with room. Its result is at most 11/9 of the optimum plus one part; the
//! parts are compared with the lower bound `ceil(size / limit)` in the corpus test.

use super::FitError;
use crate::json::compact_chars;
use crate::model::{Actions, OneOrMany, Policy, Resources, Statement};

/// The most digits a divided statement's pieces add to its `Sid` (999 pieces).
const SID_DIGITS: usize = 3;

/// The chars one statement takes in a policy's `Statement` array (without the comma).
fn statement_chars(statement: &Statement) -> usize {
    statement.to_json().chars().count()
}

/// The chars of a policy with `version` and `id` and no statement: `{"Version":..,"Statement":[]}`.
fn overhead(policy: &Policy) -> usize {
    compact_chars(&Policy::new(
        policy.version(),
        policy.id().map(str::to_owned),
        OneOrMany::many(Vec::new()),
    ))
}

/// Splits `compacted` into parts of at most `limit` chars each.
pub(super) fn split(compacted: &Policy, limit: usize) -> Result<Vec<Policy>, FitError> {
    if compact_chars(compacted) <= limit {
        return Ok(vec![compacted.clone()]);
    }
    let overhead = overhead(compacted);
    let room = limit.saturating_sub(overhead);
    // Every statement, divided where it cannot fit alone, with its place in the input.
    let mut pieces: Vec<(usize, Statement, usize)> = Vec::new();
    for (index, statement) in compacted.statements().iter().enumerate() {
        // A divided statement's pieces get numbered `Sid`s: room for up to three digits.
        let reserve = if statement.sid().is_some() && statement_chars(statement) > room {
            SID_DIGITS
        } else {
            0
        };
        let divided = divide(statement, room.saturating_sub(reserve)).map_err(|reason| {
            FitError::StatementTooLarge {
                index,
                sid: statement.sid().map(str::to_owned),
                size: overhead + statement_chars(statement),
                limit,
                reason,
            }
        })?;
        let count = divided.len();
        for (number, mut piece) in divided.into_iter().enumerate() {
            if count > 1 {
                piece.sid = statement.sid().map(|sid| format!("{sid}{}", number + 1));
            }
            let size = statement_chars(&piece);
            pieces.push((index, piece, size));
        }
    }
    // First-fit decreasing; `sort_by` is stable, so equal sizes keep their order.
    let mut order: Vec<usize> = (0..pieces.len()).collect();
    order.sort_by(|&a, &b| {
        let size = |i: usize| pieces.get(i).map_or(0, |piece| piece.2);
        size(b).cmp(&size(a))
    });
    let mut bins: Vec<(usize, Vec<usize>)> = Vec::new();
    for piece in order {
        let size = pieces.get(piece).map_or(0, |piece| piece.2);
        let fits = |used: usize, count: usize| used + size + usize::from(count > 0) <= room;
        match bins
            .iter_mut()
            .find(|(used, members)| fits(*used, members.len()))
        {
            Some((used, members)) => {
                *used += size + usize::from(!members.is_empty());
                members.push(piece);
            }
            None => bins.push((size, vec![piece])),
        }
    }
    let mut parts = Vec::with_capacity(bins.len());
    for (_, mut members) in bins {
        // Within a part, statements in the order of the input.
        members.sort_unstable();
        let statements: Vec<Statement> = members
            .iter()
            .filter_map(|&member| pieces.get(member).map(|piece| piece.1.clone()))
            .collect();
        let part = Policy::new(
            compacted.version(),
            compacted.id().map(str::to_owned),
            OneOrMany::many(statements),
        );
        let size = compact_chars(&part);
        if size > limit {
            // The arithmetic above is the writer's; this guards it rather than trusting it.
            return Err(FitError::Internal { size, limit });
        }
        parts.push(part);
    }
    Ok(parts)
}

/// Divides a statement into statements of at most `room` chars whose union grants the same,
/// or says why it cannot.
fn divide(statement: &Statement, room: usize) -> Result<Vec<Statement>, &'static str> {
    if statement_chars(statement) <= room {
        return Ok(vec![statement.clone()]);
    }
    if statement.effect == crate::model::Effect::Deny {
        return Err("a Deny statement is kept whole, and alone it is over the limit");
    }
    // Divide the action list or the resource list, whichever gives fewer characters in all
    // (the total decides how many parts the pieces fill).
    let by_actions = divide_actions(statement, room);
    let by_resources = divide_resources(statement, room);
    match (by_actions, by_resources) {
        (Ok(a), Ok(r)) => Ok(if total_chars(&r) < total_chars(&a) {
            r
        } else {
            a
        }),
        (Ok(a), Err(_)) => Ok(a),
        (Err(_), Ok(r)) => Ok(r),
        (Err(reason), Err(_)) => Err(reason),
    }
}

fn total_chars(statements: &[Statement]) -> usize {
    statements.iter().map(|s| statement_chars(s) + 1).sum()
}

/// Divides the `Action` list (and then, for an action that is too large alone with all the
/// resources, the `Resource` list).
fn divide_actions(statement: &Statement, room: usize) -> Result<Vec<Statement>, &'static str> {
    let Some(actions) = statement
        .action
        .as_ref()
        .filter(|actions| !actions.negated && actions.items.items.len() > 1)
    else {
        return Err("its action and resource lists cannot be divided further (a single item, or NotAction/NotResource) and it is over the limit");
    };
    let mut out = Vec::new();
    for chunk in chunks(statement, &actions.items.items, room, |s, items| {
        s.action = Some(Actions::action(OneOrMany::many(items)));
    }) {
        if statement_chars(&chunk) <= room {
            out.push(chunk);
        } else {
            out.extend(divide_resources(&chunk, room)?);
        }
    }
    Ok(out)
}

/// Divides the `Resource` list.
fn divide_resources(statement: &Statement, room: usize) -> Result<Vec<Statement>, &'static str> {
    let Some(resources) = statement
        .resource
        .as_ref()
        .filter(|resources| !resources.negated && resources.items.items.len() > 1)
    else {
        return Err("its action and resource lists cannot be divided further (a single item, or NotAction/NotResource) and it is over the limit");
    };
    let mut out = Vec::new();
    for chunk in chunks(statement, &resources.items.items, room, |s, items| {
        s.resource = Some(Resources::resource(OneOrMany::many(items)));
    }) {
        if statement_chars(&chunk) <= room {
            out.push(chunk);
        } else {
            // A single resource: divide the actions of this piece if it has several.
            let actions_too = chunk
                .action
                .as_ref()
                .is_some_and(|actions| !actions.negated && actions.items.items.len() > 1);
            if !actions_too {
                return Err("one of its resources with its actions, principal and condition is over the limit");
            }
            for piece in chunks(
                &chunk,
                chunk.action.as_ref().map_or(&[][..], |a| &a.items.items),
                room,
                |s, items| {
                    s.action = Some(Actions::action(OneOrMany::many(items)));
                },
            ) {
                if statement_chars(&piece) > room {
                    return Err("one of its actions with one of its resources, its principal and condition is over the limit");
                }
                out.push(piece);
            }
        }
    }
    Ok(out)
}

/// An entry of a list that can be divided: written as one JSON string.
trait Item {
    fn text(&self) -> &str;
}

impl Item for crate::model::Action {
    fn text(&self) -> &str {
        self.as_str()
    }
}

impl Item for crate::model::Resource {
    fn text(&self) -> &str {
        self.as_str()
    }
}

/// Copies of `statement` with `items` divided greedily, in order, into the longest runs whose
/// statement fits `room` (a run of one item may still not fit; the caller divides it further).
fn chunks<T: Clone + Item>(
    statement: &Statement,
    items: &[T],
    room: usize,
    set: impl Fn(&mut Statement, Vec<T>),
) -> Vec<Statement> {
    let with = |run: &[T]| {
        let mut copy = statement.clone();
        set(&mut copy, run.to_vec());
        copy
    };
    // The statement with an empty list, and what each item adds (its JSON and a comma).
    let skeleton = statement_chars(&with(&[]));
    // An item adds its JSON string to `[]` (and a comma after the first), as the writer
    // writes it; the parts are measured again with the writer at the end.
    let mut scratch = String::new();
    let item_chars: Vec<usize> = items
        .iter()
        .map(|item| {
            scratch.clear();
            crate::json::push_string(&mut scratch, item.text());
            scratch.chars().count()
        })
        .collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let mut used = skeleton;
        let mut end = start;
        while end < items.len() {
            let add = item_chars.get(end).copied().unwrap_or(0) + usize::from(end > start);
            if end > start && used + add > room {
                break;
            }
            used += add;
            end += 1;
        }
        out.push(with(items.get(start..end).unwrap_or_default()));
        start = end;
    }
    out
}
