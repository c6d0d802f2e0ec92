//! Policies that fit: exact compaction ([`Policy::compact`]) and deterministic splitting
//! ([`Policy::fit`]) within a [`SizeTarget`]'s limit, counted as the validator counts it
//! (characters of the JSON without whitespace).
//!
//! # The trade-off of wildcards
//! A wildcard such as `ec2:Describe*` matches the actions AWS adds later as well as today's.
//! Compaction therefore has two modes ([`Wildcards`]):
//! - [`Wildcards::Exact`] (the default) writes a wildcard only where it matches, in today's
//!   catalog, nothing but actions the list already grants: the policy grants exactly the same
//!   today, and may grant new actions of the same name prefix when AWS adds them.
//! - [`Wildcards::Never`] writes no new wildcard at all (wildcards already written stay).
//!
//! Tools that "compact" by widening (iam-floyd's `compact()` replaces lists by wildcards that
//! also match actions that were not listed) grant more than was asked today; neither mode here
//! does.
//!
//! # Splitting
//! [`Policy::fit`] compacts, then packs statements into as few policies as it can (first-fit
//! decreasing, see `split.rs`), dividing an `Allow` statement's `Action` (or `Resource`) list
//! only when the statement cannot fit alone. `Deny` statements are kept whole. The output
//! depends only on the input: the same policy gives the same parts, with the same `Sid`s (a
//! divided statement's pieces are numbered: `ReadOnly1`, `ReadOnly2`, ...).
//!
//! Attach all the parts to the same identity: together they grant what the input granted
//! (checked with [`Grants`]). The inline policies of a user, group or role share one limit
//! ([`SizeTarget::is_aggregate`]), and a role has one trust policy, so for those targets
//! splitting does not make the policy attachable: fit for `managed-policy` instead, or shorten
//! the policy (a trust policy is never split: [`FitError::SinglePolicy`]).
//!
//! ```
//! use typed_iam_core::{fit::Grants, Policy, SizeTarget};
//! let actions: Vec<String> = catalog::index::catalog().service("ec2").ok_or("no ec2")?
//!     .actions().take(600).map(|a| format!("\"{}\"", a.full_name())).collect();
//! let json = format!(r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"Ec2","Effect":"Allow","Action":[{}],"Resource":"*"}}]}}"#, actions.join(","));
//! let policy = Policy::from_json(&json)?;
//! let parts = policy.fit(SizeTarget::ManagedPolicy)?;
//! assert!(parts.iter().all(|part| typed_iam_core::fit::size(part) <= 6_144));
//! assert_eq!(Grants::of(&parts), Grants::of(&[policy]));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod compact;
mod grants;
mod split;
mod wildcards;

use std::fmt;

pub use grants::{Grant, Grants};

use crate::model::Policy;
use crate::validate::SizeTarget;

/// Whether compaction may write new action wildcards (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Wildcards {
    /// Wildcards that match, in today's catalog, only actions already granted (the default).
    #[default]
    Exact,
    /// No new wildcard.
    Never,
}

/// Why a policy cannot be fitted.
///
/// ```
/// use typed_iam_core::{fit::FitError, Policy, SizeTarget};
/// let resources: Vec<String> = (0..200).map(|i| format!("\"arn:aws:s3:::bucket-{i:03}/*\"")).collect();
/// let json = format!(r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Deny","Action":"s3:*","Resource":[{}]}}]}}"#, resources.join(","));
/// let error = Policy::from_json(&json)?.fit(SizeTarget::UserInline).err().ok_or("fitted")?;
/// assert!(matches!(error, FitError::StatementTooLarge { index: 0, .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FitError {
    /// One statement cannot fit within the limit even alone.
    StatementTooLarge {
        /// Its position in the compacted policy.
        index: usize,
        /// Its `Sid`, if it has one.
        sid: Option<String>,
        /// The size of a policy holding only this statement.
        size: usize,
        /// The target's limit.
        limit: usize,
        /// Why it cannot be divided.
        reason: &'static str,
    },
    /// The target holds one policy (a role's trust policy) and the compacted policy is over
    /// its limit.
    SinglePolicy {
        /// The compacted size.
        size: usize,
        /// The target's limit.
        limit: usize,
    },
    /// A part came out over the limit: a bug of this module, reported rather than returned.
    Internal {
        /// The part's size.
        size: usize,
        /// The target's limit.
        limit: usize,
    },
}

impl fmt::Display for FitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FitError::StatementTooLarge {
                index,
                sid,
                size,
                limit,
                reason,
            } => {
                write!(f, "statement {index}")?;
                if let Some(sid) = sid {
                    write!(f, " (`{sid}`)")?;
                }
                write!(
                    f,
                    " cannot fit: {reason} ({size} characters in a policy of its own, limit \
                     {limit}); shorten its conditions, principals or resources, or use a \
                     target with a larger limit"
                )
            }
            FitError::SinglePolicy { size, limit } => write!(
                f,
                "a role has one trust policy, which cannot be split: compacted it has {size} \
                 characters, over the {limit} allowed; remove principals or statements, or \
                 ask AWS to raise the quota (up to 4,096)"
            ),
            FitError::Internal { size, limit } => write!(
                f,
                "internal error: a part of {size} characters came out over the limit of \
                 {limit}; please report it with the policy"
            ),
        }
    }
}

impl std::error::Error for FitError {}

/// The size of `policy` as AWS counts it: the characters of its JSON without whitespace (the
/// count behind `policy-too-large`).
///
/// ```
/// let policy = typed_iam_core::Policy::from_json(r#"{ "Version": "2012-10-17", "Statement": [] }"#)?;
/// assert_eq!(typed_iam_core::fit::size(&policy), r#"{"Version":"2012-10-17","Statement":[]}"#.len());
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
pub fn size(policy: &Policy) -> usize {
    crate::json::compact_chars(policy)
}

/// The fewest parts any split could make: the compacted size over the limit, rounded up.
///
/// ```
/// use typed_iam_core::{fit, Policy, SizeTarget};
/// let policy = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[]}"#)?;
/// assert_eq!(fit::lower_bound(&policy, SizeTarget::ManagedPolicy), 1);
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
pub fn lower_bound(policy: &Policy, target: SizeTarget) -> usize {
    size(&policy.compact()).div_ceil(target.limit()).max(1)
}

impl Policy {
    /// The same grants in fewer characters, with exact wildcards ([`Wildcards::Exact`]); see
    /// the [`fit`](crate::fit) module for what changes and what never does.
    ///
    /// ```
    /// use typed_iam_core::Policy;
    /// let policy = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[
    ///   {"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:getobject"],"Resource":"arn:aws:s3:::a/*"},
    ///   {"Sid":"Write","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::a/*"}]}"#)?;
    /// assert_eq!(
    ///     policy.compact().to_json(),
    ///     r#"{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::a/*"}]}"#
    /// );
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    pub fn compact(&self) -> Policy {
        compact::compact(self, Wildcards::Exact)
    }

    /// [`Policy::compact`] with the choice of [`Wildcards`].
    ///
    /// ```
    /// use typed_iam_core::{fit::Wildcards, Policy};
    /// let actions: Vec<String> = catalog::index::catalog().service("s3").ok_or("no s3")?
    ///     .actions_matching("GetObject*").map(|a| format!("\"{}\"", a.full_name())).collect();
    /// let json = format!(r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":[{}],"Resource":"*"}}]}}"#, actions.join(","));
    /// let policy = Policy::from_json(&json)?;
    /// assert!(policy.compact_with(Wildcards::Exact).to_json().contains(r#""s3:GetObject*""#));
    /// assert!(!policy.compact_with(Wildcards::Never).to_json().contains("GetObject*"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compact_with(&self, wildcards: Wildcards) -> Policy {
        compact::compact(self, wildcards)
    }

    /// Compacts ([`Policy::compact`]) and splits into as few policies as it can, each within
    /// `target`'s limit, granting together exactly what `self` grants. One part when the
    /// compacted policy fits. See the [`fit`](crate::fit) module.
    ///
    /// ```
    /// use typed_iam_core::{Policy, SizeTarget};
    /// let policy = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#)?;
    /// assert_eq!(policy.fit(SizeTarget::ManagedPolicy)?, vec![policy.compact()]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`FitError::StatementTooLarge`] when a statement cannot fit even alone (a `Deny`
    /// statement, or one whose lists cannot be divided), [`FitError::SinglePolicy`] for a trust
    /// policy that is over its limit after compaction.
    pub fn fit(&self, target: SizeTarget) -> Result<Vec<Policy>, FitError> {
        self.fit_with(target, Wildcards::Exact)
    }

    /// [`Policy::fit`] with the choice of [`Wildcards`].
    ///
    /// ```
    /// use typed_iam_core::{fit::Wildcards, Policy, SizeTarget};
    /// let policy = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#)?;
    /// assert_eq!(policy.fit_with(SizeTarget::ServiceControlPolicy, Wildcards::Never)?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Policy::fit`].
    pub fn fit_with(
        &self,
        target: SizeTarget,
        wildcards: Wildcards,
    ) -> Result<Vec<Policy>, FitError> {
        let compacted = compact::compact(self, wildcards);
        let limit = target.limit();
        if target == SizeTarget::TrustPolicy {
            let size = size(&compacted);
            if size > limit {
                return Err(FitError::SinglePolicy { size, limit });
            }
        }
        split::split(&compacted, limit)
    }
}
