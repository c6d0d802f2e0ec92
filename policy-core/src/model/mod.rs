//! The typed policy model: what a policy *is*, independent of how it was written (JSON, the
//! `policy!` DSL or the builder).
//!
//! The model keeps every detail that the JSON form carries, so that reading a policy and writing
//! it back gives the same JSON value: whether a list was written as a bare string or an array
//! ([`OneOrMany`]), the order of statements, actions, resources, condition operators and keys,
//! the casing of actions as written, and numbers in conditions exactly as written.
//!
//! Checks live in [`crate::validate()`], not here: the model can hold a policy that is wrong (an
//! unknown action, a malformed ARN) so that the validator can report every problem at once.

use std::fmt;

mod conditions;
mod elements;
mod spelling;

pub use conditions::BaseOperator;

/// The ID of an action in the catalog's index ([`catalog::index::ActionId`]).
pub use catalog::index::ActionId;

/// An IAM policy document: `Version`, `Id` and `Statement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub(crate) version: Option<Version>,
    pub(crate) id: Option<String>,
    pub(crate) statements: OneOrMany<Statement>,
}

/// The policy language version (`"Version"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Version {
    /// `2012-10-17`, the current version: policy variables work.
    V2012_10_17,
    /// `2008-10-17`, the old version: policy variables are plain text.
    V2008_10_17,
}

/// One statement of a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub(crate) sid: Option<String>,
    pub(crate) effect: Effect,
    pub(crate) principal: Option<Principals>,
    pub(crate) action: Option<Actions>,
    pub(crate) resource: Option<Resources>,
    pub(crate) condition: Option<Condition>,
}

/// `"Effect"`: `Allow` or `Deny`.
///
/// Not `#[non_exhaustive]`: IAM will not grow a third effect, and a `match` over effects should
/// break loudly if it ever did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Effect {
    /// `"Allow"`.
    Allow,
    /// `"Deny"`.
    Deny,
}

/// A value that IAM accepts either as a single item or as an array, remembering which form was
/// written so that it is written back the same way.
///
/// INVARIANT: when `single` is true, `items` holds exactly one item.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OneOrMany<T> {
    pub(crate) items: Vec<T>,
    pub(crate) single: bool,
}

/// `"Principal"` or `"NotPrincipal"` of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principals {
    /// `"Principal"`.
    Principal(Principal),
    /// `"NotPrincipal"`.
    NotPrincipal(Principal),
}

/// The value of a `"Principal"` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// `"Principal": "*"`: everyone (the same as `{"AWS": "*"}` for IAM, but written differently).
    Wildcard,
    /// `"Principal": {"AWS": [...], "Service": ...}`, in the order written.
    Map(Vec<(PrincipalKind, OneOrMany<String>)>),
}

/// The kind of a principal in a `"Principal"` map.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PrincipalKind {
    /// `"AWS"`: accounts, IAM users and roles, `*`.
    Aws,
    /// `"Service"`: an AWS service principal such as `bedrock.amazonaws.com`.
    Service,
    /// `"Federated"`: a web identity or SAML provider.
    Federated,
    /// `"CanonicalUser"`: an S3 canonical user ID.
    CanonicalUser,
}

/// `"Action"` or `"NotAction"` of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actions {
    pub(crate) negated: bool,
    pub(crate) items: OneOrMany<Action>,
}

/// One entry of an `"Action"` list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Action {
    /// An action the catalog knows, with its ID and the text exactly as written (which may differ
    /// in case from AWS's spelling: IAM compares actions case-insensitively).
    Known {
        /// The action in the catalog's index.
        id: ActionId,
        /// The text as written, such as `bedrock:createevaluationjob`.
        text: String,
    },
    /// A pattern with `*` or `?` (`bedrock:*Evaluation*`, `s3:Get*`, `*`).
    Pattern(String),
    /// Text the catalog does not know: kept so that new, retired or mistyped actions still
    /// round-trip, and reported by the validator.
    Unchecked(String),
}

/// `"Resource"` or `"NotResource"` of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resources {
    pub(crate) negated: bool,
    pub(crate) items: OneOrMany<Resource>,
}

/// One entry of a `"Resource"` list: `*` or an ARN, possibly with `*`, `?` and `${...}` policy
/// variables. Kept as written; the validator checks it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Resource(pub(crate) String);

/// `"Condition"`: operators in the order written, each with its keys in the order written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Condition {
    pub(crate) blocks: Vec<ConditionBlock>,
}

/// One operator of a `"Condition"` element with its keys: `"StringEquals": { ... }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionBlock {
    pub(crate) operator: Operator,
    pub(crate) entries: Vec<ConditionEntry>,
}

/// One key of a condition operator with its value or values: `"aws:SourceAccount": "123"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionEntry {
    pub(crate) key: String,
    pub(crate) values: OneOrMany<ConditionValue>,
}

/// A value in a condition, kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ConditionValue {
    /// A JSON string.
    String(String),
    /// A JSON number, as its text exactly as written (`3600`, `1.5e3`).
    Number(String),
    /// A JSON boolean.
    Bool(bool),
}

/// A condition operator as written, such as `ForAnyValue:StringLikeIfExists`.
///
/// Any text is kept (an unknown operator is reported by the validator, not lost); [`Operator::kind`]
/// tells whether it is one IAM knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Operator {
    pub(crate) text: String,
}

/// The parts of a known condition operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OperatorKind {
    /// `ForAllValues:` or `ForAnyValue:`, if present.
    pub qualifier: Option<SetQualifier>,
    /// The base operator.
    pub base: BaseOperator,
    /// Whether `IfExists` is appended.
    pub if_exists: bool,
}

/// The set qualifier of a condition operator for multivalued keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SetQualifier {
    /// `ForAllValues:`.
    ForAllValues,
    /// `ForAnyValue:`.
    ForAnyValue,
}

// `BaseOperator` is declared with its name table by `base_operators!` in `conditions.rs`.

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------------------------
// Constructors and accessors. Constructors do not validate: `crate::validate` does.
// ---------------------------------------------------------------------------------------------

impl Policy {
    /// A policy from its parts. Nothing is checked here; see [`crate::validate()`].
    pub fn new(
        version: Option<Version>,
        id: Option<String>,
        statements: OneOrMany<Statement>,
    ) -> Self {
        Self {
            version,
            id,
            statements,
        }
    }

    /// `"Version"`, if written.
    pub fn version(&self) -> Option<Version> {
        self.version
    }

    /// `"Id"`, if written.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The statements, in order.
    pub fn statements(&self) -> &[Statement] {
        &self.statements.items
    }

    /// The statements with the form they were written in (a single object or an array).
    pub fn statement_list(&self) -> &OneOrMany<Statement> {
        &self.statements
    }

    /// Appends statements (fragments), turning a single statement into an array.
    pub fn extend(&mut self, statements: impl IntoIterator<Item = Statement>) {
        self.statements.extend(statements);
    }
}

impl Statement {
    /// A statement from its parts. Nothing is checked here; see [`crate::validate()`].
    pub fn new(
        sid: Option<String>,
        effect: Effect,
        principal: Option<Principals>,
        action: Option<Actions>,
        resource: Option<Resources>,
        condition: Option<Condition>,
    ) -> Self {
        Self {
            sid,
            effect,
            principal,
            action,
            resource,
            condition,
        }
    }

    /// `"Sid"`, if written.
    pub fn sid(&self) -> Option<&str> {
        self.sid.as_deref()
    }

    /// `"Effect"`.
    pub fn effect(&self) -> Effect {
        self.effect
    }

    /// `"Principal"` or `"NotPrincipal"`, if written.
    pub fn principal(&self) -> Option<&Principals> {
        self.principal.as_ref()
    }

    /// `"Action"` or `"NotAction"`, if written.
    pub fn action(&self) -> Option<&Actions> {
        self.action.as_ref()
    }

    /// `"Resource"` or `"NotResource"`, if written.
    pub fn resource(&self) -> Option<&Resources> {
        self.resource.as_ref()
    }

    /// `"Condition"`, if written.
    pub fn condition(&self) -> Option<&Condition> {
        self.condition.as_ref()
    }
}

impl<T> OneOrMany<T> {
    /// A single item, written without an array: `"Action": "s3:GetObject"`.
    pub fn one(item: T) -> Self {
        Self {
            items: vec![item],
            single: true,
        }
    }

    /// Items written as an array (possibly of one item): `"Action": ["s3:GetObject"]`.
    pub fn many(items: Vec<T>) -> Self {
        Self {
            items,
            single: false,
        }
    }

    /// The items, in order.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// Whether the value was written as a single item rather than an array.
    pub fn is_single(&self) -> bool {
        self.single
    }

    /// An iterator over the items.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// Appends items; a single item becomes an array.
    pub fn extend(&mut self, items: impl IntoIterator<Item = T>) {
        self.items.extend(items);
        self.single = self.single && self.items.len() == 1;
    }
}

impl<'a, T> IntoIterator for &'a OneOrMany<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl fmt::Display for Policy {
    /// The policy as pretty JSON ([`Policy::to_json_pretty`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_json_pretty())
    }
}

impl fmt::Display for Statement {
    /// The statement as pretty JSON ([`Statement::to_json_pretty`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_json_pretty())
    }
}
