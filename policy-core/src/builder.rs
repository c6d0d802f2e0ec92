//! Building policies in code: [`Policy::builder`], [`Statement::allow`] and [`Statement::deny`].
//!
//! The builders take the catalog's typed enums (`catalog::bedrock::Action::InvokeModel`, with the
//! `enums` feature of `catalog`) or text, and write what AWS's own documents write: a single
//! action, resource, principal or condition value as a bare string, several as an array. The
//! statements of a built policy are an array. [`PolicyBuilder::build`] runs the validator.
//!
//! ```
//! use typed_iam_core::{BaseOperator, Policy, PrincipalKind, Statement};
//! let account = "123456789012";
//! let trust = Policy::builder()
//!     .statement(
//!         Statement::allow()
//!             .principal(PrincipalKind::Service, "bedrock.amazonaws.com")
//!             .action("sts:AssumeRole")
//!             .condition(BaseOperator::StringEquals, "aws:SourceAccount", account)
//!             .build(),
//!     )
//!     .build()?;
//! assert_eq!(
//!     trust.to_json(),
//!     r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"bedrock.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}"#
//! );
//! # Ok::<(), typed_iam_core::BuildError>(())
//! ```

use std::fmt;

use crate::diagnostic::Diagnostic;
use crate::model::{
    Action, Actions, Condition, ConditionBlock, ConditionEntry, ConditionValue, Effect, OneOrMany,
    Operator, Policy, Principal, PrincipalKind, Principals, Resource, Resources, Statement,
    Version,
};
use crate::validate::Context;

/// Builds a [`Policy`]; see [`Policy::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct PolicyBuilder {
    version: Option<Version>,
    id: Option<String>,
    statements: Vec<Statement>,
}

/// Why [`PolicyBuilder::build`] refused a policy: the validator's diagnostics, at least one
/// of them an error.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BuildError {
    diagnostics: Vec<Diagnostic>,
}

/// Builds a [`Statement`]; see [`Statement::allow`] and [`Statement::deny`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct StatementBuilder {
    sid: Option<String>,
    effect: Effect,
    principal: Option<(bool, PrincipalValue)>,
    actions: Option<(bool, Vec<Action>)>,
    resources: Option<(bool, Vec<Resource>)>,
    condition: Vec<ConditionBlock>,
}

#[derive(Debug, Clone)]
enum PrincipalValue {
    Wildcard,
    Map(Vec<(PrincipalKind, Vec<String>)>),
}

/// What [`StatementBuilder::action`] accepts: a catalog enum (any service's `Action`, through
/// [`catalog::TypedAction`]), text (`&str`, `String`, classified by [`Action::parse`]) or an
/// [`Action`].
///
/// The type parameter only tells the impls apart (a catalog enum and text could not otherwise
/// both be accepted); it is always inferred.
pub trait IntoAction<Marker> {
    /// The action.
    fn into_action(self) -> Action;
}

/// Markers for [`IntoAction`]'s impls.
pub mod marker {
    /// A catalog enum.
    #[derive(Debug)]
    pub enum Typed {}
    /// Text or an [`Action`](crate::Action).
    #[derive(Debug)]
    pub enum Plain {}
}

impl<A: catalog::TypedAction> IntoAction<marker::Typed> for A {
    fn into_action(self) -> Action {
        Action::from(self)
    }
}

impl IntoAction<marker::Plain> for Action {
    fn into_action(self) -> Action {
        self
    }
}

impl IntoAction<marker::Plain> for &Action {
    fn into_action(self) -> Action {
        self.clone()
    }
}

impl IntoAction<marker::Plain> for &str {
    fn into_action(self) -> Action {
        Action::parse(self)
    }
}

impl IntoAction<marker::Plain> for String {
    fn into_action(self) -> Action {
        Action::parse(&self)
    }
}

impl IntoAction<marker::Plain> for &String {
    fn into_action(self) -> Action {
        Action::parse(self)
    }
}

/// What [`StatementBuilder::condition`] accepts as values: one value (a string, number or
/// bool; written bare) or several (a `Vec`, array or slice; written as an array).
pub trait IntoConditionValues {
    /// The values with their written form.
    fn into_condition_values(self) -> OneOrMany<ConditionValue>;
}

impl<T: Into<ConditionValue>> IntoConditionValues for T {
    fn into_condition_values(self) -> OneOrMany<ConditionValue> {
        OneOrMany::one(self.into())
    }
}

impl<T: Into<ConditionValue>> IntoConditionValues for Vec<T> {
    fn into_condition_values(self) -> OneOrMany<ConditionValue> {
        OneOrMany::many(self.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<ConditionValue>, const N: usize> IntoConditionValues for [T; N] {
    fn into_condition_values(self) -> OneOrMany<ConditionValue> {
        OneOrMany::many(self.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<ConditionValue> + Clone> IntoConditionValues for &[T] {
    fn into_condition_values(self) -> OneOrMany<ConditionValue> {
        OneOrMany::many(self.iter().cloned().map(Into::into).collect())
    }
}

impl Policy {
    /// Starts a policy with `"Version": "2012-10-17"` and no statements.
    ///
    /// ```
    /// use typed_iam_core::{Policy, Statement};
    /// let policy = Policy::builder()
    ///     .id("ReadLogs")
    ///     .statement(Statement::allow().action("logs:GetLogEvents").resource("*").build())
    ///     .build()?;
    /// assert_eq!(policy.id(), Some("ReadLogs"));
    /// assert_eq!(policy.statements().len(), 1);
    /// # Ok::<(), typed_iam_core::BuildError>(())
    /// ```
    pub fn builder() -> PolicyBuilder {
        PolicyBuilder {
            version: Some(Version::V2012_10_17),
            id: None,
            statements: Vec::new(),
        }
    }
}

impl PolicyBuilder {
    /// Sets `"Version"` (`2012-10-17` unless set).
    pub fn version(mut self, version: Version) -> Self {
        self.version = Some(version);
        self
    }

    /// Sets `"Id"`.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Appends a statement.
    pub fn statement(mut self, statement: Statement) -> Self {
        self.statements.push(statement);
        self
    }

    /// Appends statements: fragments built elsewhere, or the statements of another policy.
    ///
    /// ```
    /// use typed_iam_core::{Policy, Statement};
    /// let logging = [
    ///     Statement::allow().action("logs:CreateLogStream").resource("*").build(),
    ///     Statement::allow().action("logs:PutLogEvents").resource("*").build(),
    /// ];
    /// let policy = Policy::builder()
    ///     .statement(Statement::allow().action("s3:GetObject").resource("arn:aws:s3:::bucket/*").build())
    ///     .statements(logging)
    ///     .build()?;
    /// assert_eq!(policy.statements().len(), 3);
    /// # Ok::<(), typed_iam_core::BuildError>(())
    /// ```
    pub fn statements(mut self, statements: impl IntoIterator<Item = Statement>) -> Self {
        self.statements.extend(statements);
        self
    }

    /// Builds the policy and validates it with the context inferred from it
    /// ([`Context::infer`]: a policy with principals is a resource or trust policy).
    ///
    /// ```
    /// use typed_iam_core::{Code, Policy, Statement};
    /// let error = Policy::builder()
    ///     .statement(Statement::allow().action("s3:GetObject").resource("arn:aws:s3:bucket").build())
    ///     .build()
    ///     .err()
    ///     .ok_or("expected an error")?;
    /// assert!(error.diagnostics().iter().any(|d| d.code == Code::MalformedArn));
    /// # Ok::<(), &str>(())
    /// ```
    ///
    /// # Errors
    /// [`BuildError`] with every diagnostic when the validator finds an error (warnings alone
    /// do not fail the build; see [`crate::validate()`] to see them).
    pub fn build(self) -> Result<Policy, BuildError> {
        let policy = self.build_unchecked();
        let context = Context::infer(&policy);
        check(policy, &context)
    }

    /// Builds the policy and validates it in the given context (policy kind, size target).
    ///
    /// ```
    /// use typed_iam_core::{Context, Policy, Statement};
    /// let policy = Policy::builder()
    ///     .statement(Statement::allow().action("s3:ListBucket").resource("arn:aws:s3:::bucket").build())
    ///     .build_with(&Context::identity())?;
    /// assert_eq!(policy.statements().len(), 1);
    /// # Ok::<(), typed_iam_core::BuildError>(())
    /// ```
    ///
    /// # Errors
    /// As [`PolicyBuilder::build`].
    pub fn build_with(self, context: &Context) -> Result<Policy, BuildError> {
        check(self.build_unchecked(), context)
    }

    /// Builds the policy without validating it.
    pub fn build_unchecked(self) -> Policy {
        Policy::new(self.version, self.id, OneOrMany::many(self.statements))
    }
}

fn check(policy: Policy, context: &Context) -> Result<Policy, BuildError> {
    let diagnostics = crate::validate(&policy, context);
    if diagnostics.iter().any(Diagnostic::is_error) {
        Err(BuildError { diagnostics })
    } else {
        Ok(policy)
    }
}

impl BuildError {
    /// Every diagnostic of the validator (errors and warnings).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> + '_ {
        self.diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.is_error())
    }

    /// Every diagnostic, by value.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

impl fmt::Display for BuildError {
    /// One line: the first error, and how many more there are. Every finding, with its help,
    /// is in [`BuildError::diagnostics`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut errors = self.errors();
        match errors.next() {
            Some(first) => write!(f, "invalid policy: {} [{}]", first.message, first.code)?,
            None => return f.write_str("invalid policy"),
        }
        match errors.count() {
            0 => Ok(()),
            1 => f.write_str(", and 1 more error"),
            more => write!(f, ", and {more} more errors"),
        }
    }
}

impl std::error::Error for BuildError {}

impl Statement {
    /// Starts an `"Effect": "Allow"` statement.
    ///
    /// ```
    /// use typed_iam_core::Statement;
    /// let statement = Statement::allow()
    ///     .sid("ReadObjects")
    ///     .actions(["s3:GetObject", "s3:GetObjectVersion"])
    ///     .resource("arn:aws:s3:::bucket/*")
    ///     .build();
    /// assert_eq!(
    ///     statement.to_json(),
    ///     r#"{"Sid":"ReadObjects","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion"],"Resource":"arn:aws:s3:::bucket/*"}"#
    /// );
    /// ```
    pub fn allow() -> StatementBuilder {
        StatementBuilder::new(Effect::Allow)
    }

    /// Starts an `"Effect": "Deny"` statement.
    ///
    /// ```
    /// use typed_iam_core::{BaseOperator, Statement};
    /// let statement = Statement::deny()
    ///     .any_principal()
    ///     .action("s3:*")
    ///     .resources(["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"])
    ///     .condition(BaseOperator::Bool, "aws:SecureTransport", false)
    ///     .build();
    /// assert_eq!(
    ///     statement.to_json(),
    ///     r#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::bucket","arn:aws:s3:::bucket/*"],"Condition":{"Bool":{"aws:SecureTransport":false}}}"#
    /// );
    /// ```
    pub fn deny() -> StatementBuilder {
        StatementBuilder::new(Effect::Deny)
    }
}

impl StatementBuilder {
    fn new(effect: Effect) -> Self {
        Self {
            sid: None,
            effect,
            principal: None,
            actions: None,
            resources: None,
            condition: Vec::new(),
        }
    }

    /// Sets `"Sid"`.
    pub fn sid(mut self, sid: impl Into<String>) -> Self {
        self.sid = Some(sid.into());
        self
    }

    /// Adds an action: a catalog enum (`catalog::bedrock::Action::InvokeModel`), text
    /// (`"s3:GetObject"`, `"s3:Get*"`) or an [`Action`].
    ///
    /// A statement has `Action` or `NotAction`: calling [`not_action`](Self::not_action) after
    /// `action` (or the reverse) turns the actions added so far into the other element.
    pub fn action<M>(self, action: impl IntoAction<M>) -> Self {
        self.add_actions(false, [action.into_action()])
    }

    /// Adds several actions; see [`action`](Self::action).
    pub fn actions<M, A: IntoAction<M>>(self, actions: impl IntoIterator<Item = A>) -> Self {
        self.add_actions(false, actions.into_iter().map(IntoAction::into_action))
    }

    /// Adds an action to `"NotAction"`: the statement applies to every other action.
    ///
    /// ```
    /// use typed_iam_core::Statement;
    /// let statement = Statement::deny().not_action("iam:*").not_resource("arn:aws:iam::*:role/Admin").build();
    /// assert_eq!(statement.to_json(), r#"{"Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:iam::*:role/Admin"}"#);
    /// ```
    pub fn not_action<M>(self, action: impl IntoAction<M>) -> Self {
        self.add_actions(true, [action.into_action()])
    }

    /// Adds several actions to `"NotAction"`.
    pub fn not_actions<M, A: IntoAction<M>>(self, actions: impl IntoIterator<Item = A>) -> Self {
        self.add_actions(true, actions.into_iter().map(IntoAction::into_action))
    }

    fn add_actions(mut self, negated: bool, actions: impl IntoIterator<Item = Action>) -> Self {
        let (flag, list) = self.actions.get_or_insert_with(|| (negated, Vec::new()));
        *flag = negated;
        list.extend(actions);
        self
    }

    /// Adds a resource: `*` or an ARN (checked by the validator).
    ///
    /// A statement has `Resource` or `NotResource`: calling
    /// [`not_resource`](Self::not_resource) after `resource` (or the reverse) turns the
    /// resources added so far into the other element.
    pub fn resource(self, resource: impl Into<Resource>) -> Self {
        self.add_resources(false, [resource.into()])
    }

    /// Adds several resources.
    pub fn resources<R: Into<Resource>>(self, resources: impl IntoIterator<Item = R>) -> Self {
        self.add_resources(false, resources.into_iter().map(Into::into))
    }

    /// Adds a resource to `"NotResource"`.
    pub fn not_resource(self, resource: impl Into<Resource>) -> Self {
        self.add_resources(true, [resource.into()])
    }

    /// Adds several resources to `"NotResource"`.
    pub fn not_resources<R: Into<Resource>>(self, resources: impl IntoIterator<Item = R>) -> Self {
        self.add_resources(true, resources.into_iter().map(Into::into))
    }

    fn add_resources(
        mut self,
        negated: bool,
        resources: impl IntoIterator<Item = Resource>,
    ) -> Self {
        let (flag, list) = self.resources.get_or_insert_with(|| (negated, Vec::new()));
        *flag = negated;
        list.extend(resources);
        self
    }

    /// Adds a principal of a kind: `(PrincipalKind::Service, "bedrock.amazonaws.com")`.
    /// Principals of the same kind are gathered in one list, kinds stay in the order added.
    ///
    /// A statement has `Principal` or `NotPrincipal`: calling
    /// [`not_principal`](Self::not_principal) after `principal` (or the reverse) turns the
    /// principals added so far into the other element.
    ///
    /// ```
    /// use typed_iam_core::{PrincipalKind, Statement};
    /// let statement = Statement::allow()
    ///     .principal(PrincipalKind::Aws, "arn:aws:iam::111122223333:root")
    ///     .principal(PrincipalKind::Aws, "arn:aws:iam::444455556666:root")
    ///     .action("s3:GetObject")
    ///     .resource("arn:aws:s3:::bucket/*")
    ///     .build();
    /// assert_eq!(
    ///     statement.to_json(),
    ///     r#"{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::444455556666:root"]},"Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}"#
    /// );
    /// ```
    pub fn principal(self, kind: PrincipalKind, principal: impl Into<String>) -> Self {
        self.add_principal(false, kind, principal.into())
    }

    /// Adds a principal to `"NotPrincipal"`.
    pub fn not_principal(self, kind: PrincipalKind, principal: impl Into<String>) -> Self {
        self.add_principal(true, kind, principal.into())
    }

    /// Sets `"Principal": "*"` (everyone), replacing any principal added before.
    pub fn any_principal(mut self) -> Self {
        self.principal = Some((false, PrincipalValue::Wildcard));
        self
    }

    fn add_principal(mut self, negated: bool, kind: PrincipalKind, principal: String) -> Self {
        let map = match self.principal.take() {
            Some((_, PrincipalValue::Map(map))) => map,
            // `*` followed by a principal: the map replaces it (`"*"` and a map cannot mix).
            Some((_, PrincipalValue::Wildcard)) | None => Vec::new(),
        };
        let mut map = map;
        match map.iter_mut().find(|(existing, _)| *existing == kind) {
            Some((_, values)) => values.push(principal),
            None => map.push((kind, vec![principal])),
        }
        self.principal = Some((negated, PrincipalValue::Map(map)));
        self
    }

    /// Adds a condition: an operator (a [`BaseOperator`](crate::BaseOperator), an
    /// [`OperatorKind`](crate::OperatorKind) or text such as `"ForAnyValue:StringLike"`), a
    /// condition key, and one value (written bare) or several (a `Vec` or array, written as an
    /// array). Values are strings, numbers or booleans.
    ///
    /// Adding the same operator and key again adds the values to that key (a key appears once
    /// in JSON).
    ///
    /// ```
    /// use typed_iam_core::{BaseOperator, OperatorKind, SetQualifier, Statement};
    /// let any_of = OperatorKind { qualifier: Some(SetQualifier::ForAllValues), ..BaseOperator::StringEquals.into() };
    /// let statement = Statement::allow()
    ///     .action("s3:PutObject")
    ///     .resource("*")
    ///     .condition(any_of, "aws:TagKeys", ["team", "project"])
    ///     .condition("NumericLessThan", "s3:max-keys", 10)
    ///     .build();
    /// assert_eq!(
    ///     statement.to_json(),
    ///     r#"{"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team","project"]},"NumericLessThan":{"s3:max-keys":10}}}"#
    /// );
    /// ```
    pub fn condition(
        mut self,
        operator: impl Into<Operator>,
        key: impl Into<String>,
        values: impl IntoConditionValues,
    ) -> Self {
        let operator = operator.into();
        let key = key.into();
        let values = values.into_condition_values();
        let block_index = match self
            .condition
            .iter()
            .position(|block| block.operator == operator)
        {
            Some(index) => index,
            None => {
                self.condition
                    .push(ConditionBlock::new(operator, Vec::new()));
                self.condition.len() - 1
            }
        };
        let Some(block) = self.condition.get_mut(block_index) else {
            return self;
        };
        match block.entries.iter_mut().find(|entry| entry.key == key) {
            Some(entry) => {
                entry.values.items.extend(values.items);
                entry.values.single = false;
            }
            None => block.entries.push(ConditionEntry::new(key, values)),
        }
        self
    }

    /// The statement. Not validated here: [`PolicyBuilder::build`] validates the policy, and
    /// [`crate::validate_statement`] a statement on its own.
    pub fn build(self) -> Statement {
        let principal = self.principal.map(|(negated, value)| {
            let principal = match value {
                PrincipalValue::Wildcard => Principal::Wildcard,
                PrincipalValue::Map(map) => Principal::Map(
                    map.into_iter()
                        .map(|(kind, values)| (kind, one_or_many(values)))
                        .collect(),
                ),
            };
            if negated {
                Principals::NotPrincipal(principal)
            } else {
                Principals::Principal(principal)
            }
        });
        let action = self.actions.map(|(negated, actions)| {
            if negated {
                Actions::not_action(one_or_many(actions))
            } else {
                Actions::action(one_or_many(actions))
            }
        });
        let resource = self.resources.map(|(negated, resources)| {
            if negated {
                Resources::not_resource(one_or_many(resources))
            } else {
                Resources::resource(one_or_many(resources))
            }
        });
        let condition = (!self.condition.is_empty()).then(|| Condition::new(self.condition));
        Statement::new(
            self.sid,
            self.effect,
            principal,
            action,
            resource,
            condition,
        )
    }
}

/// One item bare, several (or none) as an array, as AWS writes them.
fn one_or_many<T>(mut items: Vec<T>) -> OneOrMany<T> {
    if items.len() == 1 {
        if let Some(item) = items.pop() {
            return OneOrMany::one(item);
        }
    }
    OneOrMany::many(items)
}
