//! The lookup face against the vendored data: canonical spellings, condition keys, wildcards,
//! suggestions, retired actions and ARN matching.

use typed_iam_catalog::index::{arn_matches, catalog, AccessLevel, KeyType};

#[test]
fn actions_by_any_case() {
    let catalog = catalog();
    for (written, canonical) in [
        ("s3:GetBucketCors", "s3:GetBucketCORS"),
        ("bedrock:createevaluationjob", "bedrock:CreateEvaluationJob"),
        ("bedrock:CallWithBearerToken", "bedrock:CallWithBearerToken"),
        (
            "bedrock-mantle:CreateInference",
            "bedrock-mantle:CreateInference",
        ),
        ("sagemaker:CreateAutoMLJobV2", "sagemaker:CreateAutoMLJobV2"),
        ("COGNITO-IDP:CreateUserPool", "cognito-idp:CreateUserPool"),
        ("aws-marketplace:subscribe", "aws-marketplace:Subscribe"),
        ("rds-db:Connect", "rds-db:connect"),
    ] {
        let action = catalog.action(written);
        assert_eq!(
            action.map(|a| a.full_name()).as_deref(),
            Some(canonical),
            "{written}"
        );
    }
    assert!(catalog.action("s3:GetObjet").is_none());
    assert!(catalog.action("nosuchservice:GetObject").is_none());
    assert!(catalog.action("s3").is_none());
    assert!(catalog.action("").is_none());
    // Two names joined by a line break are no name (the look-up table keeps its names one per
    // line).
    assert!(catalog.action("s3:GetObject\ns3:PutObject").is_none());
    assert!(catalog.action("s3:GetObject\n").is_none());
    // Every action is found by its full name, in any case.
    for service in catalog.services() {
        for action in service.actions() {
            let name = action.full_name();
            assert_eq!(
                catalog.action(&name).map(|a| a.id()),
                Some(action.id()),
                "{name}"
            );
            let upper = name.to_ascii_uppercase();
            assert_eq!(
                catalog.action(&upper).map(|a| a.id()),
                Some(action.id()),
                "{upper}"
            );
        }
    }
}

#[test]
fn action_details() {
    let catalog = catalog();
    let job = catalog
        .action("bedrock:CreateEvaluationJob")
        .expect("known action");
    assert_eq!(job.service().prefix(), "bedrock");
    assert_eq!(job.service().name(), "Amazon Bedrock");
    assert!(job.description().starts_with("Grants permission"));
    assert_eq!(job.access_levels(), &[AccessLevel::Write]);
    assert!(job
        .resource_types()
        .any(|(t, required)| t.name() == "foundation-model" && required));
    assert!(job
        .condition_keys()
        .any(|k| k == "aws:RequestTag/${TagKey}"));
    assert!(job.doc_url().contains("list_amazonbedrock.html#"));
    assert_eq!(catalog.action_by_id(job.id()), job);

    let both = catalog
        .actions()
        .find(|a| a.access_levels().len() == 2)
        .expect("an action with two access levels");
    assert!(both.access_levels().contains(&AccessLevel::Write));

    // RunInstances lists keys both on itself and on its resource types.
    let run = catalog.action("ec2:RunInstances").expect("known action");
    let keys: Vec<_> = run.condition_keys().collect();
    assert!(keys.contains(&"ec2:Region") && keys.contains(&"ec2:InstanceType"));
    let mut unique = keys.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), keys.len());
}

#[test]
fn services() {
    let catalog = catalog();
    let prefixes: Vec<_> = catalog.services().map(|s| s.prefix()).collect();
    assert!(prefixes.windows(2).all(|pair| pair[0] < pair[1]));
    assert_eq!(catalog.service("S3").map(|s| s.prefix()), Some("s3"));
    assert!(catalog.service("s4").is_none());
    let s3 = catalog.service("s3").expect("s3");
    assert!(s3.actions().all(|a| a.service() == s3));
    assert!(s3.resource_types().any(|t| t.name() == "bucket"));
    assert!(s3.condition_keys().any(|k| k.name() == "s3:x-amz-acl"));
    assert_eq!(catalog.version(), "0.1.202610271");
    assert_eq!(catalog.date(), "2026-10-27");
}

#[test]
fn condition_keys() {
    let catalog = catalog();
    let cases = [
        (
            "iam:PassedToService",
            "iam:PassedToService",
            KeyType::String,
            false,
        ),
        ("aws:sourcearn", "aws:SourceArn", KeyType::Arn, true),
        ("aws:TagKeys", "aws:TagKeys", KeyType::ArrayOfString, true),
        (
            "aws:CalledViaLast",
            "aws:CalledViaLast",
            KeyType::String,
            true,
        ),
        (
            "sagemaker:WorkteamType",
            "sagemaker:WorkteamType",
            KeyType::String,
            false,
        ),
        ("aws:SourceIp", "aws:SourceIp", KeyType::IpAddress, true),
        ("aws:CurrentTime", "aws:CurrentTime", KeyType::Date, true),
        (
            "aws:SecureTransport",
            "aws:SecureTransport",
            KeyType::Bool,
            true,
        ),
        (
            "aws:MultiFactorAuthAge",
            "aws:MultiFactorAuthAge",
            KeyType::Numeric,
            true,
        ),
        (
            "aws:RequestTag/team",
            "aws:RequestTag/${TagKey}",
            KeyType::String,
            true,
        ),
        (
            "aws:PrincipalTag/x",
            "aws:PrincipalTag/${TagKey}",
            KeyType::String,
            true,
        ),
        (
            "aws:ResourceTag/${TagKey}",
            "aws:ResourceTag/${TagKey}",
            KeyType::String,
            true,
        ),
        (
            "s3:ExistingObjectTag/env",
            "s3:ExistingObjectTag/<key>",
            KeyType::String,
            false,
        ),
        (
            "kms:EncryptionContext:purpose",
            "kms:EncryptionContext:${EncryptionContextKey}",
            KeyType::String,
            false,
        ),
        (
            "events:Metadata/k/Matcher",
            "events:Metadata/${MetadataKey}/Matcher",
            KeyType::String,
            false,
        ),
    ];
    for (written, canonical, value_type, global) in cases {
        let key = catalog
            .condition_key(written)
            .unwrap_or_else(|| panic!("{written}"));
        assert_eq!(
            (key.name(), key.value_type(), key.is_global()),
            (canonical, value_type, global),
            "{written}"
        );
    }
    assert!(catalog.condition_key("aws:SourceArm").is_none());
    assert!(catalog.condition_key("aws:RequestTag/").is_none());
    let passed = catalog
        .condition_key("iam:PassedToService")
        .expect("iam key");
    assert_eq!(passed.service().map(|s| s.prefix()), Some("iam"));
    assert!(!passed.description().is_empty());
    // Keys of another prefix listed by a service belong to it.
    let change = catalog
        .condition_key("catalog:ChangeType")
        .expect("listed by aws-marketplace");
    assert_eq!(
        change.service().map(|s| s.prefix()),
        Some("aws-marketplace")
    );
    assert!(catalog
        .global_condition_keys()
        .all(|k| k.is_global() && k.service().is_none()));
    assert!(catalog
        .global_condition_keys()
        .all(|k| !k.description().is_empty()));
    assert_eq!(KeyType::ArrayOfString.element(), KeyType::String);
    assert!(KeyType::ArrayOfArn.is_multivalued() && !KeyType::Arn.is_multivalued());
}

#[test]
fn wildcard_expansion() {
    let catalog = catalog();
    let gets = catalog.expand("s3:Get*");
    assert!(gets.len() > 50);
    assert!(gets
        .iter()
        .all(|a| a.service().prefix() == "s3" && a.name().starts_with("Get")));
    let names: Vec<String> = gets
        .iter()
        .map(|a| a.full_name().to_ascii_lowercase())
        .collect();
    assert!(names.windows(2).all(|pair| pair[0] < pair[1]));

    let evaluation = catalog.expand("bedrock:*Evaluation*");
    assert!(evaluation.iter().any(|a| a.name() == "CreateEvaluationJob"));
    assert!(evaluation.iter().all(|a| a.name().contains("Evaluation")));

    assert_eq!(catalog.expand("*").len(), catalog.action_count());
    assert_eq!(catalog.expand("*:*").len(), catalog.action_count());
    let all: Vec<String> = catalog
        .expand("*")
        .iter()
        .map(|a| a.full_name().to_ascii_lowercase())
        .collect();
    assert!(all.windows(2).all(|pair| pair[0] < pair[1]));

    let any_get = catalog.expand("*:Get*");
    assert!(any_get.iter().any(|a| a.service().prefix() == "ec2"));
    let s3_family = catalog.expand("s3*:getobject");
    assert!(s3_family.iter().any(|a| a.service().prefix() == "s3"));
    assert!(s3_family
        .iter()
        .any(|a| a.service().prefix() == "s3-outposts"));
    assert_eq!(catalog.expand("s3:GetObjec?").len(), 1);
    assert!(catalog.expand("s3:Frobnicate*").is_empty());
}

#[test]
fn suggestions() {
    let catalog = catalog();
    let bedrock = catalog.service("bedrock").expect("bedrock");
    assert_eq!(
        catalog.suggest_action(bedrock, "CreateEvalutionJob"),
        Some("CreateEvaluationJob")
    );
    assert_eq!(
        catalog.suggest_action(bedrock, "createevaluationjob"),
        Some("CreateEvaluationJob")
    );
    assert_eq!(catalog.suggest_action(bedrock, "Frobnicate"), None);
    assert_eq!(catalog.suggest_service("bedrok"), Some("bedrock"));
    assert_eq!(catalog.suggest_service("zzzzzzzz"), None);
    assert_eq!(
        catalog.suggest_condition_key("aws:SourceArm"),
        Some("aws:SourceArn")
    );
    assert_eq!(
        catalog.suggest_condition_key("iam:PassedToServices"),
        Some("iam:PassedToService")
    );
}

#[test]
fn retired_actions() {
    let catalog = catalog();
    assert!(catalog.retired_action_count() > 0);
    let retired = catalog
        .retired_action("CODESTAR:createproject")
        .expect("retired");
    assert_eq!(
        (retired.service(), retired.name()),
        ("codestar", "CreateProject")
    );
    assert_eq!(retired.last_seen(), "0.21.202609261");
    assert!(catalog.action("codestar:CreateProject").is_none());
    assert!(catalog.retired_action("s3:GetObject").is_none());
    for retired in catalog.retired_actions() {
        assert!(
            catalog.action(retired.full_name()).is_none(),
            "{}",
            retired.full_name()
        );
    }
}

#[test]
fn arns() {
    let catalog = catalog();
    let names = |arn: &str| -> Vec<(&str, &str)> {
        catalog
            .resource_types_matching(arn)
            .iter()
            .map(|t| (t.service().prefix(), t.name()))
            .collect()
    };
    assert_eq!(names("arn:aws:s3:::my-bucket/*"), [("s3", "object")]);
    assert_eq!(names("arn:aws:s3:::my-bucket"), [("s3", "bucket")]);
    assert!(
        names("arn:aws:bedrock:us-east-1:123456789012:model-customization-job/*")
            .contains(&("bedrock", "model-customization-job"))
    );
    assert!(names("arn:aws:iam::123456789012:role/service-role/Eval").contains(&("iam", "role")));
    assert!(names("arn:aws:iam::aws:policy/AdministratorAccess").contains(&("iam", "policy")));
    assert!(names("arn:aws:nosuch:::x").is_empty());
    assert!(!arn_matches(
        "arn:aws:s3:::my-bucket",
        "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
    ));
    let bucket = catalog
        .service("s3")
        .and_then(|s| s.resource_type("bucket"))
        .expect("bucket");
    assert_eq!(
        bucket.arn_formats(),
        &["arn:${Partition}:s3:::${BucketName}"]
    );
    assert!(bucket.matches("arn:aws:s3:::${aws:username}-data"));
}
