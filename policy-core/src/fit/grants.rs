//! What a set of policies grants, as a set of (effect, action, resource, principal, condition)
//! tuples over today's catalog: the yardstick by which compaction and splitting are checked.
//!
//! An `Action` list is expanded over the catalog (a known action is itself, a wildcard every
//! action it matches); text the catalog does not know, and a wildcard that matches nothing in
//! it, stand for themselves (lowercase, as IAM compares actions case-insensitively). A
//! `NotAction` list, a `NotResource` list, principals and conditions are kept whole as one
//! element of the tuple. A tuple whose resource is an ARN is left out when the same tuple with
//! resource `*` is there, since `*` matches every resource
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html>).

use std::collections::BTreeSet;

use catalog::index::catalog;

use crate::model::{Action, Effect, Policy, Statement};

/// One granted (or denied) tuple.
///
/// ```
/// use typed_iam_core::{fit::Grants, Effect, Policy};
/// let policy = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}"#)?;
/// let grants = Grants::of(&[policy]);
/// let grant = grants.iter().next().ok_or("no grant")?;
/// assert_eq!((grant.effect, grant.resource.as_str()), (Effect::Deny, "*"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Grant {
    /// `Allow` or `Deny`.
    pub effect: Effect,
    /// The action: `#<catalog index>` for a catalog action, the lowercase text otherwise, or
    /// `!{...}` for a whole `NotAction` list, `-` when the statement has no action element.
    pub action: String,
    /// The resource as written, `!{...}` for a whole `NotResource` list, `-` when absent.
    pub resource: String,
    /// The statement's principal element (whole), `-` when absent.
    pub principal: String,
    /// The statement's condition element (whole), `-` when absent.
    pub condition: String,
}

/// What policies grant together, as a set of [`Grant`]s; two sets compare equal when the
/// policies grant and deny the same over today's catalog.
///
/// ```
/// use typed_iam_core::{fit::Grants, Policy};
/// let one = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[
///   {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
///   {"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}"#)?;
/// let two = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[
///   {"Effect":"Allow","Action":["s3:putobject","s3:GetObject"],"Resource":"*"}]}"#)?;
/// assert_eq!(Grants::of(&[one]), Grants::of(&[two]));
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grants {
    grants: BTreeSet<Grant>,
}

impl Grants {
    /// The grants of `policies` taken together.
    pub fn of(policies: &[Policy]) -> Grants {
        let mut grants = BTreeSet::new();
        for policy in policies {
            for statement in policy.statements() {
                add(statement, &mut grants);
            }
        }
        let wildcard: BTreeSet<(Effect, String, String, String)> = grants
            .iter()
            .filter(|grant| grant.resource == "*")
            .map(|grant| {
                (
                    grant.effect,
                    grant.action.clone(),
                    grant.principal.clone(),
                    grant.condition.clone(),
                )
            })
            .collect();
        grants.retain(|grant| {
            grant.resource == "*"
                || grant.resource.starts_with('!')
                || !wildcard.contains(&(
                    grant.effect,
                    grant.action.clone(),
                    grant.principal.clone(),
                    grant.condition.clone(),
                ))
        });
        Grants { grants }
    }

    /// How many tuples.
    ///
    /// ```
    /// use typed_iam_core::{fit::Grants, Policy};
    /// let policy = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::a/*","arn:aws:s3:::b/*"]}]}"#)?;
    /// assert_eq!(Grants::of(&[policy]).len(), 4);
    /// assert!(Grants::of(&[]).is_empty());
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.grants.len()
    }

    /// Whether there is no tuple (see [`Grants::len`]).
    pub fn is_empty(&self) -> bool {
        self.grants.is_empty()
    }

    /// The tuples, in order.
    ///
    /// ```
    /// let grants = typed_iam_core::fit::Grants::of(&[]);
    /// assert_eq!(grants.iter().count(), 0);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &Grant> {
        self.grants.iter()
    }

    /// The tuples of `self` that `other` lacks, to say what differs.
    ///
    /// ```
    /// use typed_iam_core::{fit::Grants, Policy};
    /// let wide = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}]}"#)?;
    /// let narrow = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#)?;
    /// let (wide, narrow) = (Grants::of(&[wide]), Grants::of(&[narrow]));
    /// assert_eq!(wide.missing_from(&narrow).count(), 1);
    /// assert_eq!(narrow.missing_from(&wide).count(), 0);
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    pub fn missing_from<'a>(&'a self, other: &'a Grants) -> impl Iterator<Item = &'a Grant> {
        self.grants.difference(&other.grants)
    }
}

fn action_keys(action: &Action, out: &mut BTreeSet<String>) {
    match action {
        Action::Known { id, .. } => {
            out.insert(format!("#{}", id.index()));
        }
        Action::Pattern(text) => {
            let matched = catalog().expand(text);
            if matched.is_empty() {
                out.insert(text.to_ascii_lowercase());
            }
            out.extend(matched.iter().map(|a| format!("#{}", a.id().index())));
        }
        Action::Unchecked(text) => {
            out.insert(text.to_ascii_lowercase());
        }
    }
}

fn add(statement: &Statement, grants: &mut BTreeSet<Grant>) {
    let actions: Vec<String> = match &statement.action {
        None => vec!["-".to_owned()],
        Some(actions) => {
            let mut keys = BTreeSet::new();
            for action in &actions.items {
                action_keys(action, &mut keys);
            }
            if actions.negated {
                vec![format!("!{keys:?}")]
            } else {
                keys.into_iter().collect()
            }
        }
    };
    let resources: Vec<String> = match &statement.resource {
        None => vec!["-".to_owned()],
        Some(resources) if resources.negated => {
            let set: BTreeSet<&str> = resources.items.iter().map(|r| r.as_str()).collect();
            vec![format!("!{set:?}")]
        }
        Some(resources) => resources
            .items
            .iter()
            .map(|r| r.as_str().to_owned())
            .collect(),
    };
    let principal = statement
        .principal
        .as_ref()
        .map_or_else(|| "-".to_owned(), |p| format!("{p:?}"));
    let condition = statement
        .condition
        .as_ref()
        .map_or_else(|| "-".to_owned(), |c| format!("{c:?}"));
    for action in &actions {
        for resource in &resources {
            grants.insert(Grant {
                effect: statement.effect,
                action: action.clone(),
                resource: resource.clone(),
                principal: principal.clone(),
                condition: condition.clone(),
            });
        }
    }
}
