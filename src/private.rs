//! Constructors for the code that `policy!`, `statement!` and `policy_json!` expand to. Not a
//! public API: the macros are the only callers, and these functions skip the validation the
//! macros already did at compile time.

use policy_core::{
    Action, Actions, Condition, ConditionBlock, ConditionEntry, ConditionValue, Effect, OneOrMany,
    Operator, Policy, Principal, PrincipalKind, Principals, Resource, Resources, Statement,
    Version,
};

/// `"Version": "2012-10-17"`.
pub const V2012_10_17: Option<Version> = Some(Version::V2012_10_17);
/// `"Version": "2008-10-17"`.
pub const V2008_10_17: Option<Version> = Some(Version::V2008_10_17);
/// `"Effect": "Allow"`.
pub const ALLOW: Effect = Effect::Allow;
/// `"Effect": "Deny"`.
pub const DENY: Effect = Effect::Deny;
/// `"AWS"`.
pub const AWS: PrincipalKind = PrincipalKind::Aws;
/// `"Service"`.
pub const SERVICE: PrincipalKind = PrincipalKind::Service;
/// `"Federated"`.
pub const FEDERATED: PrincipalKind = PrincipalKind::Federated;
/// `"CanonicalUser"`.
pub const CANONICAL_USER: PrincipalKind = PrincipalKind::CanonicalUser;

/// A policy; its statements are always written as an array.
pub fn policy<const N: usize>(
    version: Option<Version>,
    id: Option<&'static str>,
    statements: [Statement; N],
) -> Policy {
    Policy::new(
        version,
        id.map(String::from),
        OneOrMany::many(Vec::from(statements)),
    )
}

/// A policy whose one statement is written as an object: `"Statement": {..}`.
pub fn policy_object(
    version: Option<Version>,
    id: Option<&'static str>,
    statement: Statement,
) -> Policy {
    Policy::new(version, id.map(String::from), OneOrMany::one(statement))
}

/// A statement.
pub fn statement(
    sid: Option<&'static str>,
    effect: Effect,
    principal: Option<Principals>,
    action: Option<Actions>,
    resource: Option<Resources>,
    condition: Option<Condition>,
) -> Statement {
    Statement::new(
        sid.map(String::from),
        effect,
        principal,
        action,
        resource,
        condition,
    )
}

/// A bare JSON value.
pub fn one<T>(item: T) -> OneOrMany<T> {
    OneOrMany::one(item)
}

/// A JSON array.
pub fn many<T, const N: usize>(items: [T; N]) -> OneOrMany<T> {
    OneOrMany::many(Vec::from(items))
}

/// `Action` or `NotAction`.
pub fn actions(negated: bool, items: OneOrMany<Action>) -> Actions {
    if negated {
        Actions::not_action(items)
    } else {
        Actions::action(items)
    }
}

/// A known action, spelled as AWS does.
pub fn action<A: catalog::TypedAction>(action: A) -> Action {
    Action::from(action)
}

/// A known action written in another case (`s3:getobject`): IAM accepts it, and the JSON keeps
/// the text as written.
pub fn action_as_written<A: catalog::TypedAction>(action: A, text: &'static str) -> Action {
    Action::Known {
        id: action.action_id(),
        text: String::from(text),
    }
}

/// A known action looked up by its text (without the `enums` feature, which gives the typed
/// catalog variants).
pub fn known(text: &'static str) -> Action {
    Action::parse(text)
}

/// An action pattern (`s3:Get*`).
pub fn pattern(text: &'static str) -> Action {
    Action::Pattern(String::from(text))
}

/// An action written `unchecked(..)`: classified as the JSON reader classifies the same text
/// (a pattern, a known action, or unchecked text), since the marker only silences the checks.
pub fn unchecked(text: &'static str) -> Action {
    Action::parse(text)
}

/// `Resource` or `NotResource`.
pub fn resources(negated: bool, items: OneOrMany<Resource>) -> Resources {
    if negated {
        Resources::not_resource(items)
    } else {
        Resources::resource(items)
    }
}

/// One resource.
pub fn resource(text: impl Into<String>) -> Resource {
    Resource::new(text)
}

/// `Principal` or `NotPrincipal`.
pub fn principal(negated: bool, principal: Principal) -> Principals {
    if negated {
        Principals::NotPrincipal(principal)
    } else {
        Principals::Principal(principal)
    }
}

/// `"Principal": "*"`.
pub fn principal_wildcard() -> Principal {
    Principal::Wildcard
}

/// `"Principal": {"AWS": ..., "Service": ...}` in the order written.
pub fn principal_map<const N: usize>(
    entries: [(PrincipalKind, OneOrMany<String>); N],
) -> Principal {
    Principal::Map(Vec::from(entries))
}

/// Text: a literal or a string made at run time.
pub fn text(text: impl Into<String>) -> String {
    text.into()
}

/// A `{expr}` value in a resource or principal: any `Display` value.
pub fn display<T: std::fmt::Display + ?Sized>(value: &T) -> String {
    value.to_string()
}

/// `"Condition"`.
pub fn condition<const N: usize>(blocks: [ConditionBlock; N]) -> Condition {
    Condition::new(Vec::from(blocks))
}

/// One operator with its keys.
pub fn block<const N: usize>(
    operator: &'static str,
    entries: [ConditionEntry; N],
) -> ConditionBlock {
    ConditionBlock::new(Operator::new(operator), Vec::from(entries))
}

/// One key with its values.
pub fn entry(key: &'static str, values: OneOrMany<ConditionValue>) -> ConditionEntry {
    ConditionEntry::new(key, values)
}

/// A string condition value.
pub fn string(text: impl Into<String>) -> ConditionValue {
    ConditionValue::String(text.into())
}

/// A number condition value, as written.
pub fn number(text: &'static str) -> ConditionValue {
    ConditionValue::Number(String::from(text))
}

/// A boolean condition value.
pub fn boolean(value: bool) -> ConditionValue {
    ConditionValue::Bool(value)
}

/// A `{expr}` condition value: strings stay strings, numbers numbers, booleans booleans.
pub fn value(value: impl IntoConditionValue) -> ConditionValue {
    value.into_condition_value()
}

/// What a `{expr}` in a condition's value position may be.
pub trait IntoConditionValue {
    /// The condition value.
    fn into_condition_value(self) -> ConditionValue;
}

impl IntoConditionValue for &str {
    fn into_condition_value(self) -> ConditionValue {
        ConditionValue::String(String::from(self))
    }
}

impl IntoConditionValue for String {
    fn into_condition_value(self) -> ConditionValue {
        ConditionValue::String(self)
    }
}

impl IntoConditionValue for &String {
    fn into_condition_value(self) -> ConditionValue {
        ConditionValue::String(self.clone())
    }
}

impl IntoConditionValue for bool {
    fn into_condition_value(self) -> ConditionValue {
        ConditionValue::Bool(self)
    }
}

macro_rules! numbers {
    ($($number:ty),*) => {$(
        impl IntoConditionValue for $number {
            fn into_condition_value(self) -> ConditionValue {
                ConditionValue::Number(self.to_string())
            }
        }
    )*};
}

numbers!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);
