//! The identifier mapping of `typed_iam_catalog::ident` is injective over the whole catalog, and the typed
//! face (feature `enums`) agrees with the index.
#![expect(
    clippy::panic,
    reason = "a test fails by panicking, naming the collision"
)]

use std::collections::BTreeMap;

use typed_iam_catalog::ident;
use typed_iam_catalog::index::catalog;

fn assert_injective<'a>(what: &str, pairs: impl Iterator<Item = (&'a str, String)>) {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for (name, identifier) in pairs {
        assert!(
            identifier.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && identifier
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{what} `{name}` maps to `{identifier}`, not an identifier"
        );
        if let Some(other) = seen.insert(identifier.clone(), name) {
            panic!("{what}s `{other}` and `{name}` both map to `{identifier}`");
        }
    }
}

#[test]
fn mapping_is_injective_over_the_catalog() {
    let catalog = catalog();
    assert_injective(
        "service",
        catalog
            .services()
            .map(|s| (s.prefix(), ident::service_module(s.prefix()))),
    );
    for service in catalog.services() {
        assert_injective(
            "action",
            service
                .actions()
                .map(|a| (a.name(), ident::action_variant(a.name()))),
        );
        assert_injective(
            "resource type",
            service
                .resource_types()
                .map(|t| (t.name(), ident::resource_type_variant(t.name()))),
        );
        assert_injective(
            "condition key",
            service
                .condition_keys()
                .map(|k| (k.name(), ident::condition_key_variant(k.name()))),
        );
    }
    assert_injective(
        "global condition key",
        catalog
            .global_condition_keys()
            .map(|k| (k.name(), ident::condition_key_variant(k.name()))),
    );
}

#[cfg(feature = "enums")]
#[test]
fn typed_face_agrees_with_the_index() {
    use typed_iam_catalog::index::KeyType;
    use typed_iam_catalog::TypedAction;

    let catalog = catalog();
    let job = typed_iam_catalog::bedrock::Action::CreateEvaluationJob;
    assert_eq!(job.as_str(), "bedrock:CreateEvaluationJob");
    assert_eq!(job.name(), "CreateEvaluationJob");
    assert_eq!(
        catalog.action_by_id(job.action_id()).full_name(),
        job.as_str()
    );
    assert_eq!(
        job.info().description(),
        catalog.action(job.as_str()).map_or("", |a| a.description())
    );
    assert_eq!(
        typed_iam_catalog::rds_db::Action::Connect.as_str(),
        "rds-db:connect"
    );
    assert_eq!(
        typed_iam_catalog::cognito_idp::Action::CreateUserPool.to_string(),
        "cognito-idp:CreateUserPool"
    );
    assert_eq!(
        typed_iam_catalog::aws_marketplace::Action::Subscribe.as_str(),
        "aws-marketplace:Subscribe"
    );
    assert_eq!(
        typed_iam_catalog::s3::Action::GetBucketCORS.as_str(),
        "s3:GetBucketCORS"
    );
    assert_eq!(typed_iam_catalog::s3::PREFIX, "s3");
    assert_eq!(
        typed_iam_catalog::bedrock::Action::ALL.len(),
        catalog.service("bedrock").map_or(0, |s| s.actions().len())
    );
    assert_eq!(
        typed_iam_catalog::s3::ResourceType::Object.as_str(),
        "object"
    );
    assert!(typed_iam_catalog::s3::ResourceType::Object
        .info()
        .is_some_and(|t| t.matches("arn:aws:s3:::my-bucket/*")));
    assert_eq!(
        typed_iam_catalog::global::ConditionKey::AwsSourceArn.value_type(),
        KeyType::Arn
    );
    assert_eq!(
        typed_iam_catalog::global::ConditionKey::AwsTagKeys.value_type(),
        KeyType::ArrayOfString
    );
    assert_eq!(
        typed_iam_catalog::global::ConditionKey::AwsRequestTagAny.as_str(),
        "aws:RequestTag/${TagKey}"
    );
    assert_eq!(
        typed_iam_catalog::sagemaker::ConditionKey::SagemakerWorkteamType.as_str(),
        "sagemaker:WorkteamType"
    );
    assert_eq!(
        typed_iam_catalog::iam::ConditionKey::IamPassedToService
            .info()
            .map(|k| k.value_type()),
        Some(KeyType::String)
    );
    assert_eq!(
        typed_iam_catalog::global::ConditionKey::ALL.len(),
        catalog.global_condition_keys().len()
    );
}
