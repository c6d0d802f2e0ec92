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

// `BaseOperator` is declared with its name table by `base_operators!` below, from one list.

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

impl Actions {
    /// `"Action": items`.
    pub fn action(items: OneOrMany<Action>) -> Self {
        Self {
            negated: false,
            items,
        }
    }

    /// `"NotAction": items`.
    pub fn not_action(items: OneOrMany<Action>) -> Self {
        Self {
            negated: true,
            items,
        }
    }

    /// Whether this is `NotAction`.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The actions, with their written form.
    pub fn items(&self) -> &OneOrMany<Action> {
        &self.items
    }
}

impl Resources {
    /// `"Resource": items`.
    pub fn resource(items: OneOrMany<Resource>) -> Self {
        Self {
            negated: false,
            items,
        }
    }

    /// `"NotResource": items`.
    pub fn not_resource(items: OneOrMany<Resource>) -> Self {
        Self {
            negated: true,
            items,
        }
    }

    /// Whether this is `NotResource`.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The resources, with their written form.
    pub fn items(&self) -> &OneOrMany<Resource> {
        &self.items
    }
}

impl Resource {
    /// A resource as written: `*` or an ARN. Nothing is checked here.
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Action {
    /// The action as written, whatever its kind.
    ///
    /// Classification against the catalog (known, pattern or unchecked) is done by
    /// [`Action::parse`].
    pub fn as_str(&self) -> &str {
        match self {
            Action::Known { text, .. } => text,
            Action::Pattern(text) | Action::Unchecked(text) => text,
        }
    }

    /// Classifies action text against the catalog: a known action (any case), a pattern with
    /// `*` or `?`, or unchecked text. Never fails: unknown text is kept for the validator.
    pub fn parse(text: &str) -> Self {
        if text.bytes().any(|byte| byte == b'*' || byte == b'?') {
            return Action::Pattern(text.to_owned());
        }
        match catalog::index::catalog().action(text) {
            Some(info) => Action::Known {
                id: info.id(),
                text: text.to_owned(),
            },
            None => Action::Unchecked(text.to_owned()),
        }
    }
}

impl<A: catalog::TypedAction> From<A> for Action {
    fn from(action: A) -> Self {
        Action::Known {
            id: action.action_id(),
            text: action.as_str().to_owned(),
        }
    }
}

impl Condition {
    /// A condition from its operator blocks, in order.
    pub fn new(blocks: Vec<ConditionBlock>) -> Self {
        Self { blocks }
    }

    /// The operator blocks, in the order written.
    pub fn blocks(&self) -> &[ConditionBlock] {
        &self.blocks
    }
}

impl ConditionBlock {
    /// One operator with its keys.
    pub fn new(operator: Operator, entries: Vec<ConditionEntry>) -> Self {
        Self { operator, entries }
    }

    /// The operator.
    pub fn operator(&self) -> &Operator {
        &self.operator
    }

    /// The keys with their values, in the order written.
    pub fn entries(&self) -> &[ConditionEntry] {
        &self.entries
    }
}

impl ConditionEntry {
    /// One key with its values.
    pub fn new(key: impl Into<String>, values: OneOrMany<ConditionValue>) -> Self {
        Self {
            key: key.into(),
            values,
        }
    }

    /// The condition key as written: `aws:SourceAccount`, `aws:RequestTag/team`.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The values, with their written form.
    pub fn values(&self) -> &OneOrMany<ConditionValue> {
        &self.values
    }
}

impl Operator {
    /// An operator as written. Nothing is checked here; [`Operator::kind`] tells whether IAM
    /// knows it.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into() }
    }

    /// The operator as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl Principals {
    /// The principal, whether it is `Principal` or `NotPrincipal`.
    pub fn principal(&self) -> &Principal {
        match self {
            Principals::Principal(principal) | Principals::NotPrincipal(principal) => principal,
        }
    }

    /// Whether this is `NotPrincipal`.
    pub fn is_negated(&self) -> bool {
        matches!(self, Principals::NotPrincipal(_))
    }
}

impl PrincipalKind {
    /// The JSON key: `AWS`, `Service`, `Federated`, `CanonicalUser`.
    pub fn as_str(&self) -> &'static str {
        match self {
            PrincipalKind::Aws => "AWS",
            PrincipalKind::Service => "Service",
            PrincipalKind::Federated => "Federated",
            PrincipalKind::CanonicalUser => "CanonicalUser",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Text forms: `Display` and `FromStr` agree, and serde uses the same spelling.
// ---------------------------------------------------------------------------------------------

/// The error of parsing a value that has a fixed set of spellings ([`Effect`], [`Version`],
/// [`PrincipalKind`], [`BaseOperator`], [`OperatorKind`]) from text that is none of them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseValueError {
    /// What was being parsed, in IAM's words: `effect`, `policy version`, `condition operator`.
    pub what: &'static str,
    /// The text that was given.
    pub text: String,
    /// The nearest valid spelling, if one is close.
    pub suggestion: Option<String>,
}

impl ParseValueError {
    fn new(what: &'static str, text: &str, known: &[&'static str]) -> Self {
        Self {
            what,
            text: text.to_owned(),
            suggestion: crate::suggest::suggest(text, known.iter().copied()).map(str::to_owned),
        }
    }
}

impl fmt::Display for ParseValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} `{}`", self.what, self.text)?;
        if let Some(suggestion) = &self.suggestion {
            write!(f, "\n= help: did you mean `{suggestion}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseValueError {}

impl Effect {
    /// The JSON spelling: `Allow` or `Deny`.
    ///
    /// ```
    /// use typed_iam_core::Effect;
    /// assert_eq!(Effect::Deny.as_str(), "Deny");
    /// assert_eq!("Allow".parse::<Effect>()?, Effect::Allow);
    /// # Ok::<(), typed_iam_core::ParseValueError>(())
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

impl std::str::FromStr for Effect {
    type Err = ParseValueError;

    /// Parses `Allow` or `Deny`, exactly as IAM spells them (IAM rejects `allow`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "Allow" => Ok(Effect::Allow),
            "Deny" => Ok(Effect::Deny),
            _ => Err(ParseValueError::new("effect", text, &["Allow", "Deny"])),
        }
    }
}

impl Version {
    /// The JSON spelling: `2012-10-17` or `2008-10-17`.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V2012_10_17 => "2012-10-17",
            Version::V2008_10_17 => "2008-10-17",
        }
    }
}

impl std::str::FromStr for Version {
    type Err = ParseValueError;

    /// Parses `2012-10-17` or `2008-10-17`.
    ///
    /// ```
    /// use typed_iam_core::Version;
    /// assert_eq!("2012-10-17".parse::<Version>()?, Version::V2012_10_17);
    /// assert!("2012-10-18".parse::<Version>().is_err());
    /// # Ok::<(), typed_iam_core::ParseValueError>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "2012-10-17" => Ok(Version::V2012_10_17),
            "2008-10-17" => Ok(Version::V2008_10_17),
            _ => Err(ParseValueError::new(
                "policy version",
                text,
                &["2012-10-17", "2008-10-17"],
            )),
        }
    }
}

impl PrincipalKind {
    /// Every principal kind, in the order of the JSON documentation.
    pub const ALL: &'static [PrincipalKind] = &[
        PrincipalKind::Aws,
        PrincipalKind::Service,
        PrincipalKind::Federated,
        PrincipalKind::CanonicalUser,
    ];
}

impl fmt::Display for PrincipalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PrincipalKind {
    type Err = ParseValueError;

    /// Parses `AWS`, `Service`, `Federated` or `CanonicalUser`, exactly as IAM spells them.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        PrincipalKind::ALL
            .iter()
            .find(|kind| kind.as_str() == text)
            .cloned()
            .ok_or_else(|| {
                ParseValueError::new(
                    "principal kind",
                    text,
                    &["AWS", "Service", "Federated", "CanonicalUser"],
                )
            })
    }
}

impl fmt::Display for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Resource {
    type Err = std::convert::Infallible;

    /// Any text is a resource as written; the validator checks it.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(Resource::new(text))
    }
}

impl From<&str> for Resource {
    fn from(text: &str) -> Self {
        Resource::new(text)
    }
}

impl From<String> for Resource {
    fn from(text: String) -> Self {
        Resource(text)
    }
}

impl From<&String> for Resource {
    fn from(text: &String) -> Self {
        Resource::new(text.as_str())
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Action {
    type Err = std::convert::Infallible;

    /// Classifies the text with [`Action::parse`]; never fails.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(Action::parse(text))
    }
}

// ---------------------------------------------------------------------------------------------
// Condition operators.
// ---------------------------------------------------------------------------------------------

macro_rules! base_operators {
    ($($variant:ident),* $(,)?) => {
        /// The base condition operators of IAM, by family.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum BaseOperator {
            $(
                #[doc = concat!("`", stringify!($variant), "`.")]
                $variant,
            )*
        }

        impl BaseOperator {
            /// Every base operator, in the order of IAM's documentation.
            pub const ALL: &'static [BaseOperator] = &[$(BaseOperator::$variant,)*];

            /// The operator's name as IAM spells it: `StringEquals`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(BaseOperator::$variant => stringify!($variant),)*
                }
            }
        }
    };
}

base_operators!(
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnNotEquals,
    ArnLike,
    ArnNotLike,
    Null,
);

fn base_operator_names() -> impl Iterator<Item = &'static str> {
    BaseOperator::ALL.iter().map(|base| base.as_str())
}

impl fmt::Display for BaseOperator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for BaseOperator {
    type Err = ParseValueError;

    /// Parses a base operator name exactly as IAM spells it: `StringEquals`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        BaseOperator::ALL
            .iter()
            .copied()
            .find(|base| base.as_str() == text)
            .ok_or_else(|| ParseValueError {
                what: "condition operator",
                text: text.to_owned(),
                suggestion: crate::suggest::suggest(text, base_operator_names()).map(str::to_owned),
            })
    }
}

impl SetQualifier {
    /// The prefix as written, with its colon: `ForAllValues:`.
    pub fn as_str(self) -> &'static str {
        match self {
            SetQualifier::ForAllValues => "ForAllValues:",
            SetQualifier::ForAnyValue => "ForAnyValue:",
        }
    }
}

impl OperatorKind {
    /// A plain operator: no qualifier, no `IfExists`.
    pub fn new(base: BaseOperator) -> Self {
        Self {
            qualifier: None,
            base,
            if_exists: false,
        }
    }
}

impl From<BaseOperator> for OperatorKind {
    fn from(base: BaseOperator) -> Self {
        OperatorKind::new(base)
    }
}

impl fmt::Display for OperatorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(qualifier) = self.qualifier {
            f.write_str(qualifier.as_str())?;
        }
        f.write_str(self.base.as_str())?;
        if self.if_exists {
            f.write_str("IfExists")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for OperatorKind {
    type Err = ParseValueError;

    /// Parses an operator: an optional `ForAllValues:`/`ForAnyValue:` qualifier, a base
    /// operator and an optional `IfExists` suffix (which IAM does not allow on `Null`).
    ///
    /// ```
    /// use typed_iam_core::{BaseOperator, OperatorKind, SetQualifier};
    /// let kind: OperatorKind = "ForAnyValue:StringLikeIfExists".parse()?;
    /// assert_eq!(kind.qualifier, Some(SetQualifier::ForAnyValue));
    /// assert_eq!(kind.base, BaseOperator::StringLike);
    /// assert!(kind.if_exists);
    /// assert_eq!(kind.to_string(), "ForAnyValue:StringLikeIfExists");
    /// # Ok::<(), typed_iam_core::ParseValueError>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (qualifier, rest) = if let Some(rest) = text.strip_prefix("ForAllValues:") {
            (Some(SetQualifier::ForAllValues), rest)
        } else if let Some(rest) = text.strip_prefix("ForAnyValue:") {
            (Some(SetQualifier::ForAnyValue), rest)
        } else {
            (None, text)
        };
        let (base_text, if_exists) = match rest.strip_suffix("IfExists") {
            Some(base_text) => (base_text, true),
            None => (rest, false),
        };
        let base = BaseOperator::ALL
            .iter()
            .copied()
            .find(|base| base.as_str() == base_text);
        match base {
            Some(BaseOperator::Null) if if_exists => Err(ParseValueError {
                what: "condition operator",
                text: text.to_owned(),
                suggestion: Some(format!(
                    "{}Null",
                    qualifier.map_or("", SetQualifier::as_str)
                )),
            }),
            Some(base) => Ok(OperatorKind {
                qualifier,
                base,
                if_exists,
            }),
            None => Err(ParseValueError {
                what: "condition operator",
                text: text.to_owned(),
                suggestion: crate::suggest::suggest(base_text, base_operator_names()).map(|base| {
                    format!(
                        "{}{base}{}",
                        qualifier.map_or("", SetQualifier::as_str),
                        if if_exists { "IfExists" } else { "" }
                    )
                }),
            }),
        }
    }
}

impl Operator {
    /// The parts of the operator when IAM knows it: qualifier, base operator, `IfExists`.
    /// `None` for an unknown operator (which the validator reports).
    ///
    /// ```
    /// use typed_iam_core::{BaseOperator, Operator};
    /// let operator = Operator::new("StringEqualsIfExists");
    /// let kind = operator.kind().ok_or("unknown operator")?;
    /// assert_eq!(kind.base, BaseOperator::StringEquals);
    /// assert!(kind.if_exists && kind.qualifier.is_none());
    /// assert_eq!(Operator::new("StringEqual").kind(), None);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn kind(&self) -> Option<OperatorKind> {
        self.text.parse().ok()
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::str::FromStr for Operator {
    type Err = std::convert::Infallible;

    /// Any text is an operator as written; [`Operator::kind`] tells whether IAM knows it.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(Operator::new(text))
    }
}

impl From<BaseOperator> for Operator {
    fn from(base: BaseOperator) -> Self {
        Operator::new(base.as_str())
    }
}

impl From<OperatorKind> for Operator {
    fn from(kind: OperatorKind) -> Self {
        Operator::new(kind.to_string())
    }
}

impl From<&str> for Operator {
    fn from(text: &str) -> Self {
        Operator::new(text)
    }
}

impl From<String> for Operator {
    fn from(text: String) -> Self {
        Operator::new(text)
    }
}

// ---------------------------------------------------------------------------------------------
// Condition values.
// ---------------------------------------------------------------------------------------------

impl ConditionValue {
    /// The value as text: a string's content, a number as written, `true` or `false`. This is
    /// how IAM compares values (`"Bool": {"aws:SecureTransport": false}` and `"false"` mean
    /// the same).
    pub fn as_text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            ConditionValue::String(text) | ConditionValue::Number(text) => {
                std::borrow::Cow::Borrowed(text)
            }
            ConditionValue::Bool(true) => std::borrow::Cow::Borrowed("true"),
            ConditionValue::Bool(false) => std::borrow::Cow::Borrowed("false"),
        }
    }
}

impl From<&str> for ConditionValue {
    fn from(text: &str) -> Self {
        ConditionValue::String(text.to_owned())
    }
}

impl From<String> for ConditionValue {
    fn from(text: String) -> Self {
        ConditionValue::String(text)
    }
}

impl From<&String> for ConditionValue {
    fn from(text: &String) -> Self {
        ConditionValue::String(text.clone())
    }
}

impl From<bool> for ConditionValue {
    fn from(value: bool) -> Self {
        ConditionValue::Bool(value)
    }
}

macro_rules! condition_value_from_integer {
    ($($integer:ty),*) => {$(
        impl From<$integer> for ConditionValue {
            fn from(value: $integer) -> Self {
                ConditionValue::Number(value.to_string())
            }
        }
    )*};
}

condition_value_from_integer!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

impl From<f64> for ConditionValue {
    /// A JSON number as Rust prints the float (`1.5`, `3600`); a value JSON cannot hold (NaN or
    /// an infinity) becomes the string `NaN`, `inf` or `-inf`, which the validator reports.
    fn from(value: f64) -> Self {
        if value.is_finite() {
            ConditionValue::Number(value.to_string())
        } else {
            ConditionValue::String(value.to_string())
        }
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
