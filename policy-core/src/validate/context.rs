//! What the validator knows about a policy beyond its text: its [`PolicyKind`], its
//! [`SizeTarget`] and the codes that are silenced ([`Context`]).

use std::fmt;
use std::str::FromStr;

use crate::diagnostic::{Code, Location};
use crate::model::{Policy, Statement};
use crate::names::ParseValueError;

use super::actions;

/// What kind of policy is being checked. Rules about principals, `Sid`s, `Resource` and size
/// depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PolicyKind {
    /// An identity-based policy, attached to a user, group or role (managed or inline).
    Identity,
    /// A resource-based policy: an S3 bucket policy, a KMS key policy, an SQS queue policy, ...
    Resource,
    /// A role trust policy (the role's `AssumeRolePolicyDocument`).
    Trust,
    /// An AWS Organizations service control policy.
    ServiceControl,
    /// An AWS Organizations resource control policy.
    ResourceControl,
}

impl PolicyKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [PolicyKind] = &[
        PolicyKind::Identity,
        PolicyKind::Resource,
        PolicyKind::Trust,
        PolicyKind::ServiceControl,
        PolicyKind::ResourceControl,
    ];

    /// The names of [`PolicyKind::ALL`], in the same order.
    pub const NAMES: &'static [&'static str] = &["identity", "resource", "trust", "scp", "rcp"];

    /// The short name used on the command line and in configuration:
    /// `identity`, `resource`, `trust`, `scp`, `rcp`.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity",
            PolicyKind::Resource => "resource",
            PolicyKind::Trust => "trust",
            PolicyKind::ServiceControl => "scp",
            PolicyKind::ResourceControl => "rcp",
        }
    }

    /// Whether statements of this kind name their principal (resource, trust and resource
    /// control policies).
    pub fn needs_principal(self) -> bool {
        matches!(
            self,
            PolicyKind::Resource | PolicyKind::Trust | PolicyKind::ResourceControl
        )
    }
}

impl fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PolicyKind {
    type Err = ParseValueError;

    /// Parses `identity`, `resource`, `trust`, `scp` or `rcp` (ASCII case ignored).
    ///
    /// ```
    /// use typed_iam_core::PolicyKind;
    /// assert_eq!("SCP".parse::<PolicyKind>()?, PolicyKind::ServiceControl);
    /// assert_eq!(PolicyKind::ServiceControl.to_string(), "scp");
    /// # Ok::<(), typed_iam_core::ParseValueError>(())
    /// ```
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        PolicyKind::ALL
            .iter()
            .copied()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(name))
            .ok_or_else(|| ParseValueError::new("policy kind", name, PolicyKind::NAMES))
    }
}

/// Where a policy will be stored, which decides its size limit.
///
/// IAM counts a policy's size in characters without whitespace; AWS Organizations counts SCPs and
/// RCPs as written (see [`SizeTarget::limit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum SizeTarget {
    /// A customer managed policy: 6,144 characters, a hard limit.
    ManagedPolicy,
    /// The inline policies of a role: 10,240 characters in total, a hard limit.
    RoleInline,
    /// The inline policies of a user: 2,048 characters in total, a hard limit.
    UserInline,
    /// The inline policies of a group: 5,120 characters in total, a hard limit.
    GroupInline,
    /// A role trust policy: 2,048 characters by default, a quota that can be raised to 4,096.
    TrustPolicy,
    /// A service control policy: 5,120 characters, a hard limit.
    ServiceControlPolicy,
    /// A resource control policy: 5,120 characters, a hard limit.
    ResourceControlPolicy,
}

impl SizeTarget {
    /// Every target, in declaration order.
    pub const ALL: &'static [SizeTarget] = &[
        SizeTarget::ManagedPolicy,
        SizeTarget::RoleInline,
        SizeTarget::UserInline,
        SizeTarget::GroupInline,
        SizeTarget::TrustPolicy,
        SizeTarget::ServiceControlPolicy,
        SizeTarget::ResourceControlPolicy,
    ];

    /// The names of [`SizeTarget::ALL`], in the same order.
    pub const NAMES: &'static [&'static str] = &[
        "managed-policy",
        "role-inline",
        "user-inline",
        "group-inline",
        "trust",
        "scp",
        "rcp",
    ];

    /// The name used on the command line and in `#![target = ..]` (where `_` may stand for
    /// `-`): `managed-policy`, `role-inline`, `user-inline`, `group-inline`, `trust`, `scp`,
    /// `rcp`.
    ///
    /// ```
    /// use typed_iam_core::SizeTarget;
    /// assert_eq!(SizeTarget::RoleInline.as_str(), "role-inline");
    /// assert_eq!("role_inline".parse::<SizeTarget>()?, SizeTarget::RoleInline);
    /// assert_eq!("trust-policy".parse::<SizeTarget>()?, SizeTarget::TrustPolicy);
    /// # Ok::<(), typed_iam_core::ParseValueError>(())
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            SizeTarget::ManagedPolicy => "managed-policy",
            SizeTarget::RoleInline => "role-inline",
            SizeTarget::UserInline => "user-inline",
            SizeTarget::GroupInline => "group-inline",
            SizeTarget::TrustPolicy => "trust",
            SizeTarget::ServiceControlPolicy => "scp",
            SizeTarget::ResourceControlPolicy => "rcp",
        }
    }

    /// The limit in characters: whitespace excluded for IAM's policies, included for service
    /// control and resource control policies (see [`Context::with_written_size`]).
    pub fn limit(self) -> usize {
        match self {
            SizeTarget::ManagedPolicy => 6_144,
            SizeTarget::RoleInline => 10_240,
            SizeTarget::UserInline => 2_048,
            SizeTarget::GroupInline => 5_120,
            SizeTarget::TrustPolicy => 2_048,
            SizeTarget::ServiceControlPolicy | SizeTarget::ResourceControlPolicy => 5_120,
        }
    }

    /// Whether the limit is hard (AWS rejects a larger policy) rather than a default quota that
    /// can be raised (the trust policy length).
    pub fn is_hard(self) -> bool {
        !matches!(self, SizeTarget::TrustPolicy)
    }

    /// Whether the limit is shared by all the policies of its kind on one identity (the
    /// inline policies of a user, group or role), or there is only one such policy (a role's
    /// trust policy), so that splitting a policy into several does not help there.
    ///
    /// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>: "the total
    /// aggregate policy size (the sum size of all inline policies) per entity cannot exceed"
    /// 2,048 (user), 10,240 (role) and 5,120 (group) characters.
    ///
    /// ```
    /// use typed_iam_core::SizeTarget;
    /// assert!(SizeTarget::UserInline.is_aggregate());
    /// assert!(!SizeTarget::ManagedPolicy.is_aggregate());
    /// ```
    pub fn is_aggregate(self) -> bool {
        matches!(
            self,
            SizeTarget::RoleInline | SizeTarget::UserInline | SizeTarget::GroupInline
        )
    }

    /// What the target is called in messages: `customer managed policy`.
    pub fn description(self) -> &'static str {
        match self {
            SizeTarget::ManagedPolicy => "customer managed policy",
            SizeTarget::RoleInline => "role's inline policies",
            SizeTarget::UserInline => "user's inline policies",
            SizeTarget::GroupInline => "group's inline policies",
            SizeTarget::TrustPolicy => "role trust policy",
            SizeTarget::ServiceControlPolicy => "service control policy",
            SizeTarget::ResourceControlPolicy => "resource control policy",
        }
    }
}

/// What the validator knows about the policy beyond its text: its kind, where it will be stored,
/// and which codes are silenced.
///
/// ```
/// use typed_iam_core::{Code, Context, PolicyKind, SizeTarget};
///
/// let cx = Context::identity()
///     .with_target(SizeTarget::RoleInline)
///     .allow(Code::PlaceholderValue);
/// assert_eq!(cx.kind(), PolicyKind::Identity);
/// assert_eq!(cx.target(), Some(SizeTarget::RoleInline));
/// assert!(cx.is_allowed(Code::PlaceholderValue));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Context {
    kind: PolicyKind,
    target: Option<SizeTarget>,
    written_size: Option<usize>,
    allowed: Vec<Code>,
    allowed_at: Vec<(Location, Code)>,
}

impl Context {
    /// A context for this kind of policy, with no size target (see [`Context::target`]) and no
    /// allowed codes.
    pub fn new(kind: PolicyKind) -> Self {
        Self {
            kind,
            target: None,
            written_size: None,
            allowed: Vec::new(),
            allowed_at: Vec::new(),
        }
    }

    /// An identity-based policy.
    pub fn identity() -> Self {
        Self::new(PolicyKind::Identity)
    }

    /// A resource-based policy.
    pub fn resource() -> Self {
        Self::new(PolicyKind::Resource)
    }

    /// A role trust policy.
    pub fn trust() -> Self {
        Self::new(PolicyKind::Trust)
    }

    /// A service control policy.
    pub fn scp() -> Self {
        Self::new(PolicyKind::ServiceControl)
    }

    /// Guesses the kind from the policy itself: a statement with an `sts:AssumeRole`,
    /// `sts:AssumeRoleWithWebIdentity` or `sts:AssumeRoleWithSAML` action (or a pattern
    /// matching one, such as `sts:AssumeRole*`) and a `Principal` makes a trust policy; any other
    /// statement with a `Principal` or `NotPrincipal` makes a resource policy; otherwise the
    /// policy is an identity policy.
    ///
    /// ```
    /// use typed_iam_core::{Action, Actions, Context, Effect, OneOrMany, Policy, PolicyKind};
    /// use typed_iam_core::{Principal, PrincipalKind, Principals, Statement};
    ///
    /// let service = Principal::Map(vec![(
    ///     PrincipalKind::Service,
    ///     OneOrMany::one("bedrock.amazonaws.com".to_owned()),
    /// )]);
    /// let statement = Statement::new(
    ///     None,
    ///     Effect::Allow,
    ///     Some(Principals::Principal(service)),
    ///     Some(Actions::action(OneOrMany::one(Action::parse("sts:AssumeRole")))),
    ///     None,
    ///     None,
    /// );
    /// let policy = Policy::new(None, None, OneOrMany::many(vec![statement]));
    /// assert_eq!(Context::infer(&policy).kind(), PolicyKind::Trust);
    /// ```
    pub fn infer(policy: &Policy) -> Self {
        Self::new(infer_kind(policy.statements().iter()))
    }

    /// Guesses the kind of a policy made of this one statement (see [`Context::infer`]): what a
    /// statement fragment is checked as when its kind is not given.
    ///
    /// ```
    /// use typed_iam_core::{Context, PolicyKind, Statement};
    /// let fragment = Statement::from_json(r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#)?;
    /// assert_eq!(Context::infer_statement(&fragment).kind(), PolicyKind::Identity);
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    pub fn infer_statement(statement: &Statement) -> Self {
        Self::new(infer_kind(std::iter::once(statement)))
    }

    /// The same context, with the size limit of `target`.
    #[must_use]
    pub fn with_target(mut self, target: SizeTarget) -> Self {
        self.target = Some(target);
        self
    }

    /// The same context, with the size of the policy's text as written, in characters,
    /// whitespace included: AWS Organizations counts a service control or resource control
    /// policy that way (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html>:
    /// "the size is measured in characters ... including white space"), unlike IAM, which
    /// ignores whitespace. Without it, an SCP's size is its compact JSON's, which may be less
    /// than what Organizations counts. [`check_text`](crate::check_text) states it.
    ///
    /// ```
    /// use typed_iam_core::{validate, Code, Context, Policy};
    ///
    /// let text = format!(
    ///     r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}}]}}{}"#,
    ///     " ".repeat(6_000)
    /// );
    /// let policy = Policy::from_json(&text)?;
    /// assert!(validate(&policy, &Context::scp()).is_empty());
    /// let written = Context::scp().with_written_size(text.chars().count());
    /// assert_eq!(validate(&policy, &written)[0].code, Code::PolicyTooLarge);
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    #[must_use]
    pub fn with_written_size(mut self, chars: usize) -> Self {
        self.written_size = Some(chars);
        self
    }

    /// The size of the policy as written, if it was stated with [`Context::with_written_size`].
    pub fn written_size(&self) -> Option<usize> {
        self.written_size
    }

    /// The same context, with findings of `code` dropped: the one place to silence a code for a
    /// policy (the macro's `allow` form and the CLI's configuration both use it).
    #[must_use]
    pub fn allow(mut self, code: Code) -> Self {
        if !self.allowed.contains(&code) {
            self.allowed.push(code);
        }
        self
    }

    /// The same context, with findings of `code` dropped at exactly `location` (not inside it):
    /// the way to say that one element is checked elsewhere, as the `policy!` macro does for an
    /// `unchecked(..)` action or a value only known at run time.
    ///
    /// ```
    /// use typed_iam_core::{validate, Code, Context, Location, Policy};
    ///
    /// let policy = Policy::from_json(
    ///     r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"newsvc:Launch","Resource":"*"}]}"#,
    /// )?;
    /// let action = Location::root().key("Statement").index(0).key("Action").index(0);
    /// assert_eq!(validate(&policy, &Context::identity())[0].code, Code::UnknownService);
    /// let cx = Context::identity().allow_at(action, Code::UnknownService);
    /// assert!(validate(&policy, &cx).is_empty());
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    #[must_use]
    pub fn allow_at(mut self, location: Location, code: Code) -> Self {
        self.allowed_at.push((location, code));
        self
    }

    /// Whether findings of `code` at `location` are dropped, by [`Context::allow`] or
    /// [`Context::allow_at`].
    pub fn is_allowed_at(&self, location: &Location, code: Code) -> bool {
        self.is_allowed(code)
            || self
                .allowed_at
                .iter()
                .any(|(at, allowed)| *allowed == code && at == location)
    }

    /// The policy kind.
    pub fn kind(&self) -> PolicyKind {
        self.kind
    }

    /// The size target that was set with [`Context::with_target`], if any.
    ///
    /// Without one, the size rule still applies: a service control or resource control policy has
    /// its fixed limit (an error), a trust policy its default quota (a warning), an identity policy
    /// is compared with the customer managed policy limit (a warning); the limits of resource
    /// policies differ by service, so they are only checked against a stated target.
    pub fn target(&self) -> Option<SizeTarget> {
        self.target
    }

    /// Whether findings of `code` are dropped.
    pub fn is_allowed(&self, code: Code) -> bool {
        self.allowed.contains(&code)
    }

    /// The codes whose findings are dropped, in the order they were allowed.
    pub fn allowed(&self) -> &[Code] {
        &self.allowed
    }
}

impl fmt::Display for SizeTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SizeTarget {
    type Err = ParseValueError;

    /// Parses a name of [`SizeTarget::as_str`]; `_` may stand for `-` (`managed_policy`, as an
    /// identifier in `#![target = ..]`), and `trust-policy` is accepted for `trust`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let name = text.replace('_', "-");
        let name = if name == "trust-policy" {
            "trust"
        } else {
            &name
        };
        SizeTarget::ALL
            .iter()
            .copied()
            .find(|target| target.as_str() == name)
            .ok_or_else(|| {
                let mut error = ParseValueError::new("size target", name, SizeTarget::NAMES);
                text.clone_into(&mut error.text);
                error
            })
    }
}

impl Default for Context {
    /// An identity policy with no size target: the most common case.
    fn default() -> Self {
        Self::identity()
    }
}

/// The rule of [`Context::infer`]: a statement with a principal and an `sts:AssumeRole*` action
/// makes a trust policy, any other statement with a principal a resource policy.
fn infer_kind<'a>(statements: impl Iterator<Item = &'a Statement>) -> PolicyKind {
    let mut kind = PolicyKind::Identity;
    for statement in statements {
        if statement.principal().is_none() {
            continue;
        }
        if actions::assumes_role(statement) {
            return PolicyKind::Trust;
        }
        kind = PolicyKind::Resource;
    }
    kind
}
