//! Conditions: operators, keys, values and policy variables.
//!
//! Decisions where AWS leaves room:
//! - **Operator family vs key type** (`condition-operator-mismatch`, a warning). `String*`
//!   operators on ARN-typed keys are *not* reported: AWS documents that ARN keys may be compared
//!   with string operators, and its own managed policies do it routinely (`StringLike` on
//!   `aws:SourceArn`, `StringEquals` on `aws:PrincipalArn`). What is reported is a family that
//!   cannot compare the key's values meaningfully: `Numeric*`, `Date*`, `Bool`, `IpAddress` or
//!   `Binary` on a key of another type, `Arn*` on a numeric, date, boolean, IP or binary key, and
//!   `String*` on numeric, date, IP or binary keys. Not reported either: `Arn*` on string keys
//!   (many hold ARNs: `kms:EncryptionContext:aws:s3:arn`, tags; AWS's managed policies do this),
//!   and `String*` on boolean keys (IAM compares the text `"true"`). `Null` applies to every key.
//! - **Values** (`condition-value-mismatch`, an error): each value must parse as its operator
//!   needs: numbers for `Numeric*`, ISO 8601 dates or epoch seconds for `Date*`, `true`/`false`
//!   for `Bool` and `Null`, IPv4/IPv6 addresses or CIDR ranges for `IpAddress`, base64 for
//!   `BinaryEquals`, ARNs (or `*`) for `Arn*`. A value holding a `${...}` policy variable is
//!   checked only for the variable.
//! - **Policy variables** (`unknown-policy-variable`, an error): `${key}` or `${key, 'default'}`
//!   in resources and in condition values must name a condition key the catalog knows (tag
//!   templates such as `${aws:PrincipalTag/team}` resolve); `${*}`, `${?}` and `${$}` are the
//!   escapes for literal characters. In a `2008-10-17` policy variables are plain text, so they
//!   are not checked (`old-version` says so). A `${AWS::AccountId}`-style CloudFormation
//!   substitution is a `placeholder-value` warning instead.
//! - **Applicability** (`condition-key-not-applicable`, a warning): a service-specific key that no
//!   action of the statement lists among its condition keys. Global `aws:` keys always apply, and
//!   the rule is silent when the statement's actions are open-ended (`*`, `NotAction`) or unknown.

mod literal_values;
mod operators;
mod paired;
mod region_values;
mod service_principals;
mod simpler;
mod values;
pub(crate) mod variables;
mod vpc_values;

use catalog::index::{catalog, ConditionKeyInfo, KeyType};

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{BaseOperator, Condition, ConditionValue, OperatorKind, Statement, Version};
use crate::validate::actions::Facts;
use crate::validate::placeholders;
use crate::validate::Sink;

pub(super) fn check(
    statement: &Statement,
    at: &Location,
    facts: &Facts<'_>,
    version: Option<Version>,
    sink: &mut Sink<'_>,
) {
    let Some(condition) = statement.condition() else {
        return;
    };
    let cat = catalog();
    let variables_live = version != Some(Version::V2008_10_17);
    duplicate_names(condition, at, sink);
    operators::check(condition, at, sink);
    paired::check(condition, at, sink);
    simpler::check(condition, at, sink);
    region_values::check(condition, at, sink);
    service_principals::check(condition, at, sink);
    vpc_values::check(condition, at, sink);
    for block in condition.blocks() {
        let operator_text = block.operator().as_str();
        let operator_at = || at.clone().key("Condition").key(operator_text);
        let kind = block.operator().kind();
        if kind.is_none() {
            unknown_operator(operator_text, operator_at(), sink);
        }
        for entry in block.entries() {
            let key = entry.key();
            let key_at = || operator_at().key(key);
            let info = cat.condition_key(key);
            match info {
                None => {
                    if !key.contains("${") {
                        unknown_key(key, key_at(), sink);
                    }
                }
                Some(info) => {
                    if let Some(kind) = kind {
                        operator_mismatch(kind, key, info.value_type(), key_at, sink);
                    }
                    if !info.is_global() && facts.is_closed() {
                        applicability(key, info, facts, key_at, sink);
                    }
                }
            }
            for (index, value) in entry.values().iter().enumerate() {
                let value_at = || key_at().index(index);
                check_value(kind, value, &value_at, variables_live, sink);
            }
        }
    }
}

/// The JSON reader refuses an object with a key twice; a condition built in code (the builder,
/// `policy!`) can still hold one operator twice, or one key twice under an operator, which would
/// be written as exactly such an ambiguous object. Names are compared as written: JSON keys are
/// case-sensitive text, even where IAM ignores case.
fn duplicate_names(condition: &Condition, at: &Location, sink: &mut Sink<'_>) {
    if !sink.wants(Code::DuplicateJsonKey) {
        return;
    }
    let blocks = condition.blocks();
    for (index, block) in blocks.iter().enumerate() {
        let operator = block.operator().as_str();
        let operator_at = || at.clone().key("Condition").key(operator);
        if blocks[..index]
            .iter()
            .any(|earlier| earlier.operator().as_str() == operator)
        {
            sink.push(
                Diagnostic::new(
                    Code::DuplicateJsonKey,
                    operator_at(),
                    format!("condition operator `{operator}` appears twice in `Condition`"),
                )
                .with_help("write all keys of one operator in one block"),
            );
        }
        let entries = block.entries();
        for (position, entry) in entries.iter().enumerate() {
            let key = entry.key();
            if entries[..position]
                .iter()
                .any(|earlier| earlier.key() == key)
            {
                sink.push(
                    Diagnostic::new(
                        Code::DuplicateJsonKey,
                        operator_at().key(key),
                        format!("condition key `{key}` appears twice under `{operator}`"),
                    )
                    .with_help("list every value of the key once, as an array"),
                );
            }
        }
    }
}

fn unknown_operator(text: &str, location: Location, sink: &mut Sink<'_>) {
    let suggestion = text
        .parse::<OperatorKind>()
        .err()
        .and_then(|error| error.suggestion)
        .or_else(|| {
            // IAM spells operators with a fixed case; a case slip gets the right spelling.
            let lower = text.to_ascii_lowercase();
            crate::model::BaseOperator::ALL
                .iter()
                .flat_map(|base| {
                    [
                        base.as_str().to_owned(),
                        format!("{}IfExists", base.as_str()),
                    ]
                })
                .flat_map(|name| {
                    [
                        name.clone(),
                        format!("ForAllValues:{name}"),
                        format!("ForAnyValue:{name}"),
                    ]
                })
                .find(|name| name.to_ascii_lowercase() == lower)
        });
    let mut diagnostic = Diagnostic::new(
        Code::UnknownConditionOperator,
        location,
        format!("unknown condition operator `{text}`"),
    );
    match suggestion {
        Some(suggestion) => {
            diagnostic = diagnostic.with_did_you_mean(&suggestion, suggestion.clone());
        }
        None => {
            diagnostic = diagnostic.with_help(
                "use an IAM condition operator such as `StringEquals`, `ArnLike`, `NumericLessThan`, \
                 `DateGreaterThan`, `Bool`, `IpAddress` or `Null`",
            );
        }
    }
    sink.push(diagnostic);
}

fn unknown_key(key: &str, location: Location, sink: &mut Sink<'_>) {
    let mut diagnostic = Diagnostic::new(
        Code::UnknownConditionKey,
        location,
        format!("unknown condition key `{key}`"),
    );
    match crate::validate::memo::suggest_key(key) {
        Some(suggestion) => {
            diagnostic = diagnostic.with_did_you_mean(suggestion, suggestion);
        }
        None => {
            diagnostic = diagnostic.with_help(
                "condition keys are `aws:` global keys or a service's keys, such as `s3:prefix`",
            );
        }
    }
    sink.push(diagnostic);
}

/// The family of a base operator, for comparison with a key's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    Ip,
    Arn,
    Null,
}

fn family(base: BaseOperator) -> Family {
    use BaseOperator as B;
    match base {
        B::StringEquals
        | B::StringNotEquals
        | B::StringEqualsIgnoreCase
        | B::StringNotEqualsIgnoreCase
        | B::StringLike
        | B::StringNotLike => Family::String,
        B::NumericEquals
        | B::NumericNotEquals
        | B::NumericLessThan
        | B::NumericLessThanEquals
        | B::NumericGreaterThan
        | B::NumericGreaterThanEquals => Family::Numeric,
        B::DateEquals
        | B::DateNotEquals
        | B::DateLessThan
        | B::DateLessThanEquals
        | B::DateGreaterThan
        | B::DateGreaterThanEquals => Family::Date,
        B::Bool => Family::Bool,
        B::BinaryEquals => Family::Binary,
        B::IpAddress | B::NotIpAddress => Family::Ip,
        B::ArnEquals | B::ArnNotEquals | B::ArnLike | B::ArnNotLike => Family::Arn,
        B::Null => Family::Null,
    }
}

/// The operator family that suits a key type, and its name for messages.
fn key_family(key_type: KeyType) -> (Family, &'static str) {
    match key_type {
        KeyType::String | KeyType::ArrayOfString => (Family::String, "string"),
        KeyType::Arn | KeyType::ArrayOfArn => (Family::Arn, "ARN"),
        KeyType::Numeric | KeyType::ArrayOfNumeric => (Family::Numeric, "numeric"),
        KeyType::Date | KeyType::ArrayOfDate => (Family::Date, "date"),
        KeyType::Bool | KeyType::ArrayOfBool => (Family::Bool, "boolean"),
        KeyType::IpAddress | KeyType::ArrayOfIpAddress => (Family::Ip, "IP address"),
        KeyType::Binary | KeyType::ArrayOfBinary => (Family::Binary, "binary"),
        _ => (Family::String, "string"),
    }
}

fn operators_for(family: Family) -> &'static str {
    match family {
        Family::String => "`String*` operators",
        Family::Numeric => "`Numeric*` operators",
        Family::Date => "`Date*` operators",
        Family::Bool => "`Bool`",
        Family::Binary => "`BinaryEquals`",
        Family::Ip => "`IpAddress` or `NotIpAddress`",
        Family::Arn => "`Arn*` operators (or `String*` operators)",
        Family::Null => "`Null`",
    }
}

fn operator_mismatch(
    kind: OperatorKind,
    key: &str,
    key_type: KeyType,
    location: impl Fn() -> Location,
    sink: &mut Sink<'_>,
) {
    let used = family(kind.base);
    let (wanted, type_name) = key_family(key_type);
    let fine = used == wanted
        || used == Family::Null
        // ARN keys compare fine as strings; boolean keys compare fine as the strings "true"/"false".
        || (used == Family::String && matches!(wanted, Family::Arn | Family::Bool))
        // Many string keys hold ARNs (`kms:EncryptionContext:aws:s3:arn`, tags holding ARNs).
        || (used == Family::Arn && wanted == Family::String);
    if fine || !sink.wants(Code::ConditionOperatorMismatch) {
        return;
    }
    sink.push(
        Diagnostic::new(
            Code::ConditionOperatorMismatch,
            location(),
            format!(
                "condition key `{key}` has {} values, which `{}` does not compare",
                type_name,
                kind.base.as_str()
            ),
        )
        .with_help(format!("use {} with this key", operators_for(wanted))),
    );
}

fn applicability(
    key: &str,
    info: ConditionKeyInfo,
    facts: &Facts<'_>,
    location: impl Fn() -> Location,
    sink: &mut Sink<'_>,
) {
    if !sink.wants(Code::ConditionKeyNotApplicable) {
        return;
    }
    let canonical = info.name();
    let listed = |name: &str| key_matches(key, canonical, name);
    let supported = facts.actions().iter().any(|action| {
        // An OIDC provider's claims are recognised by their shape, not listed by any action.
        (info.is_oidc_claim() && action.carries_oidc_claims())
            || action.condition_keys().any(listed)
            || action
                .resource_types()
                .any(|(resource_type, _)| resource_type.condition_keys().any(listed))
    });
    if supported {
        return;
    }
    sink.push(
        Diagnostic::new(
            Code::ConditionKeyNotApplicable,
            location(),
            format!("condition key `{key}` applies to none of this statement's actions"),
        )
        .with_help(
            "move the condition to the statement with the actions that support this key, \
             or check the key's service",
        ),
    );
}

/// Whether a key as written (`secretsmanager:ResourceTag/team`), resolved by the catalog to
/// `canonical` (`secretsmanager:ResourceTag/${TagKey}`), is the key an action lists as `listed`.
/// AWS's reference is not consistent in how it writes templates (`${TagKey}`, `<key>`,
/// `tag-key`), so templates compare by their stem before the first `/`.
fn key_matches(written: &str, canonical: &str, listed: &str) -> bool {
    if listed.eq_ignore_ascii_case(canonical) || listed.eq_ignore_ascii_case(written) {
        return true;
    }
    match (canonical.split_once('/'), listed.split_once('/')) {
        (Some((stem, _)), Some((other, _))) => stem.eq_ignore_ascii_case(other),
        _ => false,
    }
}

fn check_value(
    kind: Option<OperatorKind>,
    value: &ConditionValue,
    location: &dyn Fn() -> Location,
    variables_live: bool,
    sink: &mut Sink<'_>,
) {
    let text: &str = match value {
        ConditionValue::String(text) | ConditionValue::Number(text) => text,
        ConditionValue::Bool(true) => "true",
        ConditionValue::Bool(false) => "false",
    };
    if let ConditionValue::String(text) = value {
        if let Some(placeholder) = placeholders::in_value(text) {
            sink.push(
                Diagnostic::new(Code::PlaceholderValue, location(), placeholder.message())
                    .with_help("replace the placeholder with the real value"),
            );
            return;
        }
        if text.contains("${") {
            if variables_live {
                variables::check(text, location, sink);
                if let Some(kind) = kind {
                    variables::check_operator(kind.base, family(kind.base), text, location, sink);
                }
            }
            return;
        }
    }
    let Some(kind) = kind else {
        return;
    };
    let fam = family(kind.base);
    let (ok, wanted) = match fam {
        Family::String => return,
        Family::Numeric => (
            !matches!(value, ConditionValue::Bool(_)) && values::is_number(text),
            "a number",
        ),
        Family::Date => (
            !matches!(value, ConditionValue::Bool(_)) && values::is_date(text),
            "an ISO 8601 date such as `2024-01-31T00:00:00Z`, or epoch seconds",
        ),
        Family::Bool | Family::Null => (
            !matches!(value, ConditionValue::Number(_)) && values::is_bool(text),
            "`true` or `false`",
        ),
        Family::Ip => (
            matches!(value, ConditionValue::String(_)) && values::is_ip_range(text),
            "an IP address or CIDR range such as `203.0.113.0/24`",
        ),
        Family::Binary => (
            matches!(value, ConditionValue::String(_)) && values::is_base64(text),
            "base64 text",
        ),
        Family::Arn => (
            matches!(value, ConditionValue::String(_)) && values::is_arn(text),
            "an ARN such as `arn:aws:s3:::bucket`",
        ),
    };
    if ok {
        return;
    }
    sink.push(
        Diagnostic::new(
            Code::ConditionValueMismatch,
            location(),
            format!("`{}` needs {wanted}, not `{text}`", kind.base.as_str()),
        )
        .with_help(format!(
            "write {wanted}, or use an operator for this kind of value"
        )),
    );
}
