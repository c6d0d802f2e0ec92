//! The typed policy model: what a policy *is*, independent of how it was written (JSON, the
//! `policy!` DSL or the builder).
//!
//! The model keeps every detail that the JSON form carries, so that reading a policy and writing
//! it back gives the same JSON value: whether a list was written as a bare string or an array
//! ([`OneOrMany`]), the order of statements, actions, resources, condition operators and keys,
//! the casing of actions as written, and numbers in conditions exactly as written.
//!
//! Checks live in [`crate::validate`], not here: the model can hold a policy that is wrong (an
//! unknown action, a malformed ARN) so that the validator can report every problem at once.

use std::fmt;

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

/// The base condition operators of IAM, by family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum BaseOperator {
    /// `StringEquals`.
    StringEquals,
    /// `StringNotEquals`.
    StringNotEquals,
    /// `StringEqualsIgnoreCase`.
    StringEqualsIgnoreCase,
    /// `StringNotEqualsIgnoreCase`.
    StringNotEqualsIgnoreCase,
    /// `StringLike`.
    StringLike,
    /// `StringNotLike`.
    StringNotLike,
    /// `NumericEquals`.
    NumericEquals,
    /// `NumericNotEquals`.
    NumericNotEquals,
    /// `NumericLessThan`.
    NumericLessThan,
    /// `NumericLessThanEquals`.
    NumericLessThanEquals,
    /// `NumericGreaterThan`.
    NumericGreaterThan,
    /// `NumericGreaterThanEquals`.
    NumericGreaterThanEquals,
    /// `DateEquals`.
    DateEquals,
    /// `DateNotEquals`.
    DateNotEquals,
    /// `DateLessThan`.
    DateLessThan,
    /// `DateLessThanEquals`.
    DateLessThanEquals,
    /// `DateGreaterThan`.
    DateGreaterThan,
    /// `DateGreaterThanEquals`.
    DateGreaterThanEquals,
    /// `Bool`.
    Bool,
    /// `BinaryEquals`.
    BinaryEquals,
    /// `IpAddress`.
    IpAddress,
    /// `NotIpAddress`.
    NotIpAddress,
    /// `ArnEquals`.
    ArnEquals,
    /// `ArnNotEquals`.
    ArnNotEquals,
    /// `ArnLike`.
    ArnLike,
    /// `ArnNotLike`.
    ArnNotLike,
    /// `Null`.
    Null,
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        })
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Version::V2012_10_17 => "2012-10-17",
            Version::V2008_10_17 => "2008-10-17",
        })
    }
}
