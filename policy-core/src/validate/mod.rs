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

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Policy, Statement};

mod actions;
mod arns;
mod conditions;
mod confused_deputy;
mod context;
mod element_variables;
mod federation;
mod key_pitfalls;
mod memo;
mod multivalue;
mod oidc;
mod placeholders;
mod principals;
mod rcp;
mod rcp_conditions;
mod redundant_principals;
mod redundant_statements;
mod regions;
mod resources;
mod risk;
mod service_wildcards;
mod sid;
mod size;
mod structure;
mod tag_keys;
mod trust;

pub use context::{Context, PolicyKind, SizeTarget};

/// Every finding about `policy`, sorted by location and then by code.
///
/// The result is deterministic: the same policy and context always give the same list in the same
/// order. Findings whose code the context allows ([`Context::allow`]) are left out.
///
/// ```
/// use typed_iam_core::{validate, Action, Actions, Code, Context, Effect, OneOrMany, Policy};
/// use typed_iam_core::{Resource, Resources, Statement, Version};
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
#[must_use = "the findings are the result; nothing else reports them"]
pub fn validate(policy: &Policy, cx: &Context) -> Vec<Diagnostic> {
    let mut sink = Sink::new(cx);
    structure::check_policy(policy, &mut sink);
    sid::check_duplicates(policy, &mut sink);
    principals::check_mixed(policy, &mut sink);
    federation::check_roles_anywhere(policy, &mut sink);
    redundant_statements::check(policy, &mut sink);
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
/// use typed_iam_core::{validate_statement, Action, Actions, Code, Context, Effect, OneOrMany};
/// use typed_iam_core::{Location, Statement};
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
#[must_use = "the findings are the result; nothing else reports them"]
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
    redundant_principals::check(statement, at, sink);
    trust::check(statement, at, scope, sink);
    rcp::check(statement, at, scope, sink);
    rcp_conditions::check(statement, at, sink);
    oidc::check(statement, at, sink);
    federation::check(statement, at, sink);
    confused_deputy::check(statement, at, sink);
    let facts = actions::check(statement, at, sink);
    let variables_live = version != Some(crate::model::Version::V2008_10_17);
    resources::check(statement, at, &facts, variables_live, sink);
    conditions::check(statement, at, &facts, version, sink);
    multivalue::check(statement, at, sink);
    key_pitfalls::check(statement, at, sink);
    tag_keys::check(statement, at, &facts, sink);
    risk::check(statement, at, &facts, sink);
    service_wildcards::check(statement, at, sink);
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
        !self.cx.is_allowed(code)
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

#[cfg(test)]
mod tests;

#[cfg(test)]
mod checks_tests;

#[cfg(test)]
mod checks_tests_late;

#[cfg(test)]
mod checks_tests_final;
