//! The validator: the one place where the rules about IAM policies live.
//!
//! [`validate`] checks a whole policy and [`validate_statement`] a statement fragment; both return
//! every finding at once, sorted by location and then by code, so that the `policy!` macro, the
//! builder and the `policy` CLI report the same things in the same order.
//!
//! What a rule may say depends on the [`Context`]: the [`PolicyKind`] (a `Principal` is required in
//! a trust policy and invalid in an identity policy; the characters allowed in a `Sid` differ) and
//! the [`SizeTarget`] (which size limit applies, and whether it is hard).
//!
//! The rules are split by area: structure and `Sid` (`sid`), actions, resources and ARNs,
//! conditions, principals, size and risk warnings. Each module's documentation states the
//! decisions it makes where AWS leaves room (what counts as a placeholder, when a `String`
//! operator on an ARN key is worth a warning, when `Resource` may be omitted).

use std::fmt;
use std::str::FromStr;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Policy, Statement};

mod actions;
mod arns;
mod conditions;
mod confused_deputy;
mod multivalue;
mod oidc;
mod placeholders;
mod principals;
mod regions;
mod resources;
mod risk;
mod sid;
mod size;
mod structure;
mod tag_keys;
mod trust;

/// Every finding about `policy`, sorted by location and then by code.
///
/// The result is deterministic: the same policy and context always give the same list in the same
/// order. Findings whose code the context allows ([`Context::allow`]) are left out.
///
/// ```
/// use policy_core::{validate, Action, Actions, Code, Context, Effect, OneOrMany, Policy};
/// use policy_core::{Resource, Resources, Statement, Version};
///
/// let statement = Statement::new(
///     Some("Everything".into()),
///     Effect::Allow,
///     None,
///     Some(Actions::action(OneOrMany::one(Action::parse("*")))),
///     Some(Resources::resource(OneOrMany::one(Resource::new("*")))),
///     None,
/// );
/// let policy = Policy::new(Some(Version::V2012_10_17), None, OneOrMany::many(vec![statement]));
///
/// let findings = validate(&policy, &Context::identity());
/// assert!(findings.iter().any(|d| d.code == Code::AdminAccess));
/// assert!(findings.iter().all(|d| !d.is_error()));
///
/// // The context is the one place to silence a code for a policy.
/// let quiet = validate(&policy, &Context::identity().allow(Code::AdminAccess));
/// assert!(quiet.is_empty());
/// ```
pub fn validate(policy: &Policy, cx: &Context) -> Vec<Diagnostic> {
    let mut sink = Sink::new(cx);
    structure::check_policy(policy, &mut sink);
    sid::check_duplicates(policy, &mut sink);
    principals::check_mixed(policy, &mut sink);
    let statements = Location::root().key("Statement");
    for (index, statement) in policy.statements().iter().enumerate() {
        let at = statements.clone().index(index);
        check_statement(statement, &at, Scope::Policy, policy.version(), &mut sink);
    }
    size::check(policy, &mut sink);
    sink.finish()
}

/// Every finding about one statement written as a fragment, sorted by location and then by code.
///
/// Locations are relative to the statement (their paths start at `Sid`, `Action`, ...). A fragment
/// may get its `Resource` later (when it is added to a policy), so a missing `Resource` is not
/// reported here; nor are the rules that need the whole policy (duplicate `Sid`s, `Version`, size).
///
/// ```
/// use policy_core::{validate_statement, Action, Actions, Code, Context, Effect, OneOrMany};
/// use policy_core::{Location, Statement};
///
/// let fragment = Statement::new(
///     Some("Bad Sid".into()),
///     Effect::Allow,
///     None,
///     Some(Actions::action(OneOrMany::many(vec![Action::parse("s3:GetObject")]))),
///     None,
///     None,
/// );
/// let findings = validate_statement(&fragment, &Context::identity());
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].code, Code::InvalidSid);
/// assert_eq!(findings[0].location, Location::root().key("Sid"));
/// ```
pub fn validate_statement(statement: &Statement, cx: &Context) -> Vec<Diagnostic> {
    let mut sink = Sink::new(cx);
    check_statement(
        statement,
        &Location::root(),
        Scope::Fragment,
        None,
        &mut sink,
    );
    sink.finish()
}

/// Whether a statement is checked as part of a policy or on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// A statement of a whole policy: every rule applies.
    Policy,
    /// A fragment: its `Resource` may come later.
    Fragment,
}

fn check_statement(
    statement: &Statement,
    at: &Location,
    scope: Scope,
    version: Option<crate::model::Version>,
    sink: &mut Sink<'_>,
) {
    structure::check_statement(statement, at, scope, sink);
    sid::check_sid(statement, at, sink);
    principals::check(statement, at, scope, sink);
    trust::check(statement, at, scope, sink);
    oidc::check(statement, at, sink);
    confused_deputy::check(statement, at, sink);
    let facts = actions::check(statement, at, sink);
    let variables_live = version != Some(crate::model::Version::V2008_10_17);
    resources::check(statement, at, &facts, variables_live, sink);
    conditions::check(statement, at, &facts, version, sink);
    multivalue::check(statement, at, sink);
    tag_keys::check(statement, at, &facts, sink);
    risk::check(statement, at, &facts, sink);
}

/// Collects findings, dropping the codes the context allows.
pub(crate) struct Sink<'a> {
    cx: &'a Context,
    found: Vec<Diagnostic>,
    /// Whether the policy mixes statements with and without a principal (reported once, by
    /// `principals::check_mixed`, instead of on every statement without one).
    pub(crate) mixed_principals: bool,
}

impl<'a> Sink<'a> {
    fn new(cx: &'a Context) -> Self {
        Self {
            cx,
            found: Vec::new(),
            mixed_principals: false,
        }
    }

    /// The context of this run.
    pub(crate) fn cx(&self) -> &Context {
        self.cx
    }

    /// Whether a finding with this code would be kept (rules skip work for allowed codes).
    pub(crate) fn wants(&self, code: Code) -> bool {
        !self.cx.allowed.contains(&code)
    }

    /// Records a finding, unless its code is allowed.
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        if !self.cx.is_allowed_at(&diagnostic.location, diagnostic.code) {
            self.found.push(diagnostic);
        }
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        // A stable sort: findings with the same location and code keep the order the rules
        // produced them in, which is itself deterministic.
        self.found.sort_by(|a, b| {
            a.location
                .cmp(&b.location)
                .then(a.code.cmp(&b.code))
                .then_with(|| a.message.cmp(&b.message))
        });
        self.found.dedup();
        self.found
    }
}

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

/// The error of [`PolicyKind::from_str`]: no policy kind has that name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPolicyKindError {
    /// The name that was given.
    pub name: String,
    /// The nearest kind's name, if one is close.
    pub suggestion: Option<&'static str>,
}

impl fmt::Display for UnknownPolicyKindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown policy kind `{}`", self.name)?;
        match self.suggestion {
            Some(suggestion) => write!(f, "\n= help: did you mean `{suggestion}`?"),
            None => write!(
                f,
                "\n= help: the kinds are `identity`, `resource`, `trust`, `scp` and `rcp`"
            ),
        }
    }
}

impl std::error::Error for UnknownPolicyKindError {}

impl FromStr for PolicyKind {
    type Err = UnknownPolicyKindError;

    /// Parses `identity`, `resource`, `trust`, `scp` or `rcp` (ASCII case ignored).
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        PolicyKind::ALL
            .iter()
            .copied()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(name))
            .ok_or_else(|| UnknownPolicyKindError {
                name: name.to_owned(),
                suggestion: crate::suggest::suggest(
                    name,
                    PolicyKind::ALL.iter().map(|kind| kind.as_str()),
                ),
            })
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
/// use policy_core::{Code, Context, PolicyKind, SizeTarget};
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
    /// use policy_core::{Action, Actions, Context, Effect, OneOrMany, Policy, PolicyKind};
    /// use policy_core::{Principal, PrincipalKind, Principals, Statement};
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
        let mut kind = PolicyKind::Identity;
        for statement in policy.statements() {
            if statement.principal().is_none() {
                continue;
            }
            if actions::assumes_role(statement) {
                return Self::new(PolicyKind::Trust);
            }
            kind = PolicyKind::Resource;
        }
        Self::new(kind)
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
    /// than what Organizations counts.
    ///
    /// ```
    /// use policy_core::{validate, Code, Context, Policy};
    ///
    /// let text = format!(
    ///     r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}}]}}{}"#,
    ///     " ".repeat(6_000)
    /// );
    /// let policy = Policy::from_json(&text)?;
    /// assert!(validate(&policy, &Context::scp()).is_empty());
    /// let written = Context::scp().with_written_size(text.chars().count());
    /// assert_eq!(validate(&policy, &written)[0].code, Code::PolicyTooLarge);
    /// # Ok::<(), policy_core::ParseError>(())
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
    /// use policy_core::{validate, Code, Context, Location, Policy};
    ///
    /// let policy = Policy::from_json(
    ///     r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"newsvc:Launch","Resource":"*"}]}"#,
    /// )?;
    /// let action = Location::root().key("Statement").index(0).key("Action").index(0);
    /// assert_eq!(validate(&policy, &Context::identity())[0].code, Code::UnknownService);
    /// let cx = Context::identity().allow_at(action, Code::UnknownService);
    /// assert!(validate(&policy, &cx).is_empty());
    /// # Ok::<(), policy_core::ParseError>(())
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

impl Default for Context {
    /// An identity policy with no size target: the most common case.
    fn default() -> Self {
        Self::identity()
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]
mod tests;

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]
mod checks_tests;

/// The last name a suggestion was asked for, with the answer.
pub(crate) type LastSuggestion = std::cell::RefCell<Option<(String, Option<&'static str>)>>;

/// A suggestion, remembered per thread for the last name: a policy that names an unknown
/// service or key usually names it many times, and each suggestion costs an edit distance
/// against every name in the catalog.
pub(crate) fn remembered(
    last: &'static std::thread::LocalKey<LastSuggestion>,
    name: &str,
    suggest: impl FnOnce(&str) -> Option<&'static str>,
) -> Option<&'static str> {
    last.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((known, suggestion)) = last.as_ref() {
            if known == name {
                return *suggestion;
            }
        }
        let suggestion = suggest(name);
        *last = Some((name.to_owned(), suggestion));
        suggestion
    })
}
