//! The rule that maps AWS names (service prefixes, action names, resource type names, condition
//! keys) to the Rust identifiers of the typed face (feature `enums`).
//!
//! `cargo xtask codegen` uses this very file (through `#[path]`) to name the generated items, and
//! the macro uses it to name them in its expansion, so the two can never disagree. A test checks
//! that the mapping is injective over the whole catalog.
//!
//! | AWS name                              | Rust identifier               | rule                     |
//! |---------------------------------------|-------------------------------|--------------------------|
//! | service `bedrock`                     | module `bedrock`              | as is                    |
//! | service `cognito-idp`                 | module `cognito_idp`          | `-`, `.` become `_`      |
//! | service `type` (a keyword)            | module `type_`                | keywords get a `_`       |
//! | service `index` (a catalog module)    | module `index_`               | taken names get a `_`    |
//! | action `CreateEvaluationJob`          | variant `CreateEvaluationJob` | as is                    |
//! | action `rds-db:connect`               | variant `Connect`             | first letter upper case  |
//! | action `AssociateViaAWSService-EventsAndStates` | `AssociateViaAWSServiceEventsAndStates` | words joined |
//! | resource type `model-customization-job` | `ModelCustomizationJob`     | words in `PascalCase`    |
//! | condition key `aws:SourceArn`         | `AwsSourceArn`                | prefix kept, `PascalCase`|
//! | condition key `aws:RequestTag/${TagKey}` | `AwsRequestTagAny`         | placeholders are `Any`   |
//! | condition key `codebuild:environment.type` | `CodebuildEnvironmentDotType` | `.` is the word `Dot` |
//! | a name starting with a digit (`3d`)   | `_3d`                         | a leading `_`            |
//!
//! Words are the runs of ASCII letters and digits; each word keeps its spelling except that its
//! first letter is made upper case. Condition keys keep their service prefix because dropping it
//! makes keys collide (`aws:ResourceTag/${TagKey}` and `ec2:ResourceTag/${TagKey}` are both listed
//! by EC2).

/// Rust's strict and reserved keywords, which cannot name a module.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Module names the catalog crate uses for itself, which no service module may take.
const TAKEN_MODULES: &[&str] = &[
    "generated",
    "global",
    "ident",
    "index",
    "std",
    "core",
    "alloc",
];

/// The module of a service: `cognito-idp` -> `cognito_idp`.
///
/// ```
/// assert_eq!(typed_iam_catalog::ident::service_module("cognito-idp"), "cognito_idp");
/// assert_eq!(typed_iam_catalog::ident::service_module("s3"), "s3");
/// ```
pub fn service_module(prefix: &str) -> String {
    let mut module: String = prefix
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if module.starts_with(|c: char| c.is_ascii_digit()) {
        module.insert(0, '_');
    }
    if KEYWORDS.contains(&module.as_str()) || TAKEN_MODULES.contains(&module.as_str()) {
        module.push('_');
    }
    module
}

/// The `Action` variant of an action: `CreateEvaluationJob` stays, `connect` -> `Connect`.
///
/// ```
/// assert_eq!(typed_iam_catalog::ident::action_variant("CreateEvaluationJob"), "CreateEvaluationJob");
/// assert_eq!(typed_iam_catalog::ident::action_variant("connect"), "Connect");
/// ```
pub fn action_variant(name: &str) -> String {
    pascal_case(name)
}

/// The `ResourceType` variant of a resource type: `model-customization-job` ->
/// `ModelCustomizationJob`.
///
/// ```
/// assert_eq!(
///     typed_iam_catalog::ident::resource_type_variant("model-customization-job"),
///     "ModelCustomizationJob"
/// );
/// ```
pub fn resource_type_variant(name: &str) -> String {
    pascal_case(name)
}

/// The `ConditionKey` variant of a condition key, prefix included: `aws:SourceArn` ->
/// `AwsSourceArn`. A placeholder is the word `Any` (`aws:RequestTag/${TagKey}` ->
/// `AwsRequestTagAny`, `s3:ExistingObjectTag/<key>` -> `S3ExistingObjectTagAny`).
///
/// ```
/// assert_eq!(typed_iam_catalog::ident::condition_key_variant("aws:SourceArn"), "AwsSourceArn");
/// assert_eq!(
///     typed_iam_catalog::ident::condition_key_variant("s3:x-amz-content-sha256"),
///     "S3XAmzContentSha256"
/// );
/// ```
pub fn condition_key_variant(key: &str) -> String {
    let mut without_placeholders = String::with_capacity(key.len());
    let mut rest = key;
    while let Some(c) = rest.chars().next() {
        let close = match c {
            '$' if rest.starts_with("${") => Some('}'),
            '<' => Some('>'),
            _ => None,
        };
        if let Some(end) = close.and_then(|close| rest.find(close)) {
            rest = &rest[end + 1..];
            without_placeholders.push_str(" any ");
            continue;
        }
        without_placeholders.push(c);
        rest = &rest[c.len_utf8()..];
    }
    pascal_case(&without_placeholders)
}

/// Joins the ASCII alphanumeric words of `name`, each with its first letter in upper case, with
/// the word `Dot` for each `.` (so that `environment.type` and `environmentType` stay apart); a
/// leading digit gets a `_` in front, and `Self` (the only keyword in `PascalCase`) gets one after.
fn pascal_case(name: &str) -> String {
    let mut ident = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            ident.push(if word_start {
                c.to_ascii_uppercase()
            } else {
                c
            });
            word_start = false;
        } else {
            if c == '.' {
                ident.push_str("Dot");
            }
            word_start = true;
        }
    }
    if ident.is_empty() || ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, '_');
    }
    if ident == "Self" {
        ident.push('_');
    }
    ident
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services() {
        assert_eq!(service_module("cognito-idp"), "cognito_idp");
        assert_eq!(service_module("aws-marketplace"), "aws_marketplace");
        assert_eq!(service_module("type"), "type_");
        assert_eq!(service_module("index"), "index_");
        assert_eq!(service_module("3d"), "_3d");
    }

    #[test]
    fn names() {
        assert_eq!(action_variant("connect"), "Connect");
        assert_eq!(
            action_variant("AssociateViaAWSService-EventsAndStates"),
            "AssociateViaAWSServiceEventsAndStates"
        );
        assert_eq!(action_variant("3dThing"), "_3dThing");
        assert_eq!(action_variant("Self"), "Self_");
        assert_eq!(
            resource_type_variant("loadbalancer/app/"),
            "LoadbalancerApp"
        );
        assert_eq!(
            resource_type_variant("CIS Scan Configuration"),
            "CISScanConfiguration"
        );
        assert_eq!(
            condition_key_variant("aws:RequestTag/${TagKey}"),
            "AwsRequestTagAny"
        );
        assert_eq!(
            condition_key_variant("events:Metadata/${MetadataKey}/Matcher"),
            "EventsMetadataAnyMatcher"
        );
        assert_eq!(
            condition_key_variant("codebuild:environment.type"),
            "CodebuildEnvironmentDotType"
        );
        assert_eq!(
            condition_key_variant("s3:ExistingObjectTag/<key>"),
            "S3ExistingObjectTagAny"
        );
    }
}
