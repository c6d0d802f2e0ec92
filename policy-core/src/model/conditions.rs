//! Conditions: blocks, entries, operators (with their one list of base operators) and values.

use std::fmt;

use super::*;
use crate::names::ParseValueError;

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
            .ok_or_else(|| {
                ParseValueError::with_suggestion(
                    "condition operator",
                    text,
                    crate::names::suggest(text, base_operator_names()).map(str::to_owned),
                )
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
            Some(BaseOperator::Null) if if_exists => Err(ParseValueError::with_suggestion(
                "condition operator",
                text,
                Some(format!(
                    "{}Null",
                    qualifier.map_or("", SetQualifier::as_str)
                )),
            )),
            Some(base) => Ok(OperatorKind {
                qualifier,
                base,
                if_exists,
            }),
            None => Err(ParseValueError::with_suggestion(
                "condition operator",
                text,
                crate::names::suggest(base_text, base_operator_names()).map(|base| {
                    format!(
                        "{}{base}{}",
                        qualifier.map_or("", SetQualifier::as_str),
                        if if_exists { "IfExists" } else { "" }
                    )
                }),
            )),
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
