//! The canonical form of a policy: one way to write what it says, so that two policies that
//! differ only in order, duplicates or the string-vs-array shape are written identically
//! (`policy fmt --canonical`), and [`semantically_equal`] to ask whether two policies grant the
//! same.
//!
//! The canonical form is built from the rules IAM itself states, and nothing else:
//! - **Arrays everywhere.** `Statement`, `Action`/`NotAction`, `Resource`/`NotResource`, every
//!   principal kind's values and every condition key's values are written as arrays: "the
//!   `Action` element ... can be a string or an array" ([Action page]); a one-item array and a
//!   string mean the same.
//! - **Actions** are sorted and deduplicated ignoring ASCII case ("action names are not case
//!   sensitive", [Action page]); an action the catalog knows is spelled as AWS spells it;
//!   patterns and unknown actions keep their text.
//! - **Resources** are sorted and deduplicated exactly (ARNs are case sensitive, [ARN page]).
//! - **Conditions**: operators sorted by name, keys within an operator sorted ignoring case
//!   ("condition key names are not case-sensitive", [Condition page]), values sorted and
//!   deduplicated as text and written as strings (IAM compares a condition's values as text:
//!   `true` and `"true"` mean the same, [Condition page]). Values within a key are ORed, so
//!   their order and repetition do not matter ([multiple values page]).
//! - **Principals**: kinds in a fixed order (`AWS`, `Service`, `Federated`, `CanonicalUser`),
//!   values sorted and deduplicated exactly; `"*"` stays `"*"`.
//! - **Statements** are sorted by their canonical JSON text, and a statement identical to
//!   another (`Sid` included) is removed: statements are combined by their effects, not by
//!   their order ([evaluation logic page]). A `Sid` is kept, never invented or dropped, so two
//!   statements that differ only in `Sid` both stay.
//! - `Version` and `Id` are kept as written (an absent `Version` is not added: it changes
//!   whether policy variables are read).
//!
//! [`canonical`] never changes what a policy grants; `policy fmt --canonical` and the corpus
//! test (`tests/compare_managed.rs`) check that with [`compare`](super::compare) on every
//! managed policy.
//!
//! [Action page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
//! [ARN page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
//! [Condition page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
//! [multiple values page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
//! [evaluation logic page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html

use std::collections::BTreeMap;

use crate::model::{
    Action, Actions, Condition, ConditionBlock, ConditionEntry, ConditionValue, OneOrMany, Policy,
    Principal, Principals, Resource, Resources, Statement,
};

use super::{compare_sets, Relation};

/// The canonical form of a policy (see the module documentation).
///
/// ```
/// use typed_iam_core::{compare::canonical, Policy};
/// let written = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[
///   {"Effect":"Allow","Action":["s3:putobject","s3:GetObject","S3:GetObject"],"Resource":"*"}]}"#)?;
/// let canonical = canonical(&written);
/// assert_eq!(canonical.to_json(),
///   r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":["*"]}]}"#);
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
pub fn canonical(policy: &Policy) -> Policy {
    let mut keyed: BTreeMap<String, Statement> = BTreeMap::new();
    for statement in policy.statements() {
        let statement = canonical_statement(statement);
        keyed.entry(statement.to_json()).or_insert(statement);
    }
    Policy {
        version: policy.version,
        id: policy.id.clone(),
        statements: OneOrMany::many(keyed.into_values().collect()),
    }
}

/// Whether two policies grant exactly the same: `Some(true)` when they are written the same
/// in canonical form or [`compare`](super::compare) proves them equivalent, `Some(false)` when
/// a request one allows and the other does not was found (and replayed through the
/// evaluator), `None` when the comparison could not decide (see [`Relation::Unknown`]).
///
/// ```
/// use typed_iam_core::{compare::semantically_equal, Policy};
/// let a = Policy::from_json(r#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
///   {"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}"#)?;
/// let b = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"*"}}"#)?;
/// let c = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#)?;
/// assert_eq!(semantically_equal(&a, &b), Some(true));
/// assert_eq!(semantically_equal(&a, &c), Some(false));
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
pub fn semantically_equal(a: &Policy, b: &Policy) -> Option<bool> {
    if canonical(a) == canonical(b) {
        return Some(true);
    }
    match compare_sets(std::slice::from_ref(a), std::slice::from_ref(b)).relation {
        Relation::Equivalent => Some(true),
        Relation::Unknown(_) => None,
        _ => Some(false),
    }
}

/// The canonical form of one statement (a policy's statements are also sorted and
/// deduplicated by [`canonical`]).
///
/// ```
/// use typed_iam_core::{compare::canonical_statement, Statement};
/// let s = Statement::from_json(r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#)?;
/// assert_eq!(canonical_statement(&s).to_json(), r#"{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["*"]}"#);
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
pub fn canonical_statement(statement: &Statement) -> Statement {
    Statement {
        sid: statement.sid.clone(),
        effect: statement.effect,
        principal: statement.principal.as_ref().map(canonical_principals),
        action: statement.action.as_ref().map(canonical_actions),
        resource: statement.resource.as_ref().map(canonical_resources),
        condition: statement.condition.as_ref().map(canonical_condition),
    }
}

fn canonical_actions(actions: &Actions) -> Actions {
    let mut items: BTreeMap<String, Action> = BTreeMap::new();
    for action in actions.items() {
        let action = match action {
            Action::Known { id, .. } => Action::Known {
                id: *id,
                text: catalog::index::catalog()
                    .action_by_id(*id)
                    .full_name()
                    .to_owned(),
            },
            other => other.clone(),
        };
        items
            .entry(action.as_str().to_ascii_lowercase())
            .or_insert(action);
    }
    Actions {
        negated: actions.negated,
        items: OneOrMany::many(items.into_values().collect()),
    }
}

fn canonical_resources(resources: &Resources) -> Resources {
    let mut items: Vec<Resource> = resources.items().items().to_vec();
    items.sort();
    items.dedup();
    Resources {
        negated: resources.negated,
        items: OneOrMany::many(items),
    }
}

fn canonical_principals(principals: &Principals) -> Principals {
    let canonical = |principal: &Principal| match principal {
        Principal::Wildcard => Principal::Wildcard,
        Principal::Map(kinds) => {
            let mut kinds: Vec<_> = kinds
                .iter()
                .map(|(kind, values)| {
                    let mut values = values.items().to_vec();
                    values.sort();
                    values.dedup();
                    (kind.clone(), OneOrMany::many(values))
                })
                .collect();
            kinds.sort_by(|a, b| a.0.cmp(&b.0));
            Principal::Map(kinds)
        }
    };
    match principals {
        Principals::Principal(p) => Principals::Principal(canonical(p)),
        Principals::NotPrincipal(p) => Principals::NotPrincipal(canonical(p)),
    }
}

/// A condition entry's values as text, sorted and without duplicates: the canonical form's, and
/// what the comparison's statement atoms compare.
pub(super) fn sorted_values(entry: &ConditionEntry) -> Vec<String> {
    let mut values: Vec<String> = entry
        .values()
        .iter()
        .map(|value| value.as_text().into_owned())
        .collect();
    values.sort();
    values.dedup();
    values
}

fn canonical_condition(condition: &Condition) -> Condition {
    let mut blocks: Vec<ConditionBlock> = condition
        .blocks()
        .iter()
        .map(|block| {
            let mut entries: Vec<ConditionEntry> = block
                .entries()
                .iter()
                .map(|entry| {
                    let values = sorted_values(entry);
                    ConditionEntry {
                        key: entry.key.clone(),
                        values: OneOrMany::many(
                            values.into_iter().map(ConditionValue::String).collect(),
                        ),
                    }
                })
                .collect();
            entries.sort_by(|a, b| {
                (a.key.to_ascii_lowercase(), &a.key).cmp(&(b.key.to_ascii_lowercase(), &b.key))
            });
            ConditionBlock {
                operator: block.operator.clone(),
                entries,
            }
        })
        .collect();
    blocks.sort_by(|a, b| a.operator.as_str().cmp(b.operator.as_str()));
    Condition { blocks }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn canonical_is_idempotent_and_shape_free() {
        let a = Policy::from_json(
            r#"{"Version":"2012-10-17","Statement":[
              {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::b/*",
               "Condition":{"Bool":{"aws:SecureTransport":false},"StringEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1","us-east-1"]}}},
              {"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b/*","arn:aws:s3:::a/*"]},
              {"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::a/*","arn:aws:s3:::b/*"]}]}"#,
        )
        .unwrap();
        let b = Policy::from_json(
            r#"{"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"S3:getobject","Resource":["arn:aws:s3:::b/*","arn:aws:s3:::a/*","arn:aws:s3:::a/*"]},
              {"Effect":"Deny","Action":["s3:DeleteObject"],"Resource":["arn:aws:s3:::b/*"],
               "Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1","us-east-1"]},"Bool":{"aws:SecureTransport":"false"}}}]}"#,
        )
        .unwrap();
        let (ca, cb) = (canonical(&a), canonical(&b));
        assert_eq!(ca, cb);
        assert_eq!(ca.statements().len(), 2);
        assert_eq!(canonical(&ca), ca);
        assert_eq!(
            Policy::from_json(&ca.to_json_pretty()).unwrap(),
            ca,
            "the canonical form reads back as itself"
        );
    }

    #[test]
    fn sids_are_kept_and_principals_sorted() {
        let p = Policy::from_json(
            r#"{"Statement":[
              {"Sid":"B","Effect":"Allow","Principal":{"Service":"s.amazonaws.com","AWS":["222233334444","111122223333"]},"Action":"sts:AssumeRole"},
              {"Sid":"A","Effect":"Allow","Principal":{"Service":"s.amazonaws.com","AWS":["222233334444","111122223333"]},"Action":"sts:AssumeRole"}]}"#,
        )
        .unwrap();
        let text = canonical(&p).to_json();
        assert!(text.starts_with(r#"{"Statement":[{"Sid":"A""#), "{text}");
        assert!(
            text.contains(r#""Principal":{"AWS":["111122223333","222233334444"],"Service":["s.amazonaws.com"]}"#),
            "{text}"
        );
    }
}
