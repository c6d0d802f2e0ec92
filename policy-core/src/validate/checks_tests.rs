//! One test per Access Analyzer check added for issue 13: a minimal bad policy, asserting code,
//! location and message, and a nearby good policy that does not get the code.

use super::tests::{expect_one, policy};
use super::*;
use crate::Severity;

fn check(kind: PolicyKind, statement: &str) -> Vec<Diagnostic> {
    let json = format!(r#"{{"Version":"2012-10-17","Statement":[{statement}]}}"#);
    validate(&policy(&json), &Context::new(kind))
}

fn none_of(findings: &[Diagnostic], code: Code) {
    assert!(
        findings.iter().all(|d| d.code != code),
        "unexpected `{code}` in {findings:#?}"
    );
}

const GITHUB: &str = r#""Principal":{"Federated":"arn:aws:iam::803456129837:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity""#;

#[test]
fn oidc_without_condition() {
    let bad = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"sts:AssumeRoleWithWebIdentity"}"#,
    );
    expect_one(
        &bad,
        Code::OidcWithoutCondition,
        "Statement[0].Principal.Federated[0]",
        "any identity of the OIDC provider `accounts.google.com` may assume this role: no condition names its claims",
    );
    // A negated condition does not name who may assume the role.
    let negated = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"sts:AssumeRoleWithWebIdentity",
            "Condition":{"StringNotEquals":{"accounts.google.com:aud":"x"}}}"#,
    );
    assert!(negated.iter().any(|d| d.code == Code::OidcWithoutCondition));
    let good = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"sts:AssumeRoleWithWebIdentity",
            "Condition":{"StringEquals":{"accounts.google.com:aud":"acme.apps.googleusercontent.com"}}}"#,
    );
    none_of(&good, Code::OidcWithoutCondition);
    // SAML providers are not OIDC.
    let saml = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::803456129837:saml-provider/Okta"},"Action":"sts:AssumeRoleWithSAML"}"#,
    );
    none_of(&saml, Code::OidcWithoutCondition);
}

#[test]
fn github_without_sub_or_with_wildcards() {
    let no_sub = check(
        PolicyKind::Trust,
        &format!(
            r#"{{"Effect":"Allow",{GITHUB},"Condition":{{"StringEquals":{{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}}}}"#
        ),
    );
    expect_one(
        &no_sub,
        Code::GithubSubNotScoped,
        "Statement[0].Principal.Federated[0]",
        "every GitHub Actions workflow of every repository may assume this role: no `token.actions.githubusercontent.com:sub` condition names a repository",
    );
    let any_repository = check(
        PolicyKind::Trust,
        &format!(
            r#"{{"Effect":"Allow",{GITHUB},"Condition":{{"StringLike":{{"token.actions.githubusercontent.com:sub":["repo:acme/app:ref:refs/heads/main","repo:acme/*"]}}}}}}"#
        ),
    );
    expect_one(
        &any_repository,
        Code::GithubSubNotScoped,
        "Statement[0].Condition.StringLike.\"token.actions.githubusercontent.com:sub\"[1]",
        "GitHub subject `repo:acme/*` has a wildcard in the repository",
    );
    let any_branch = check(
        PolicyKind::Trust,
        &format!(
            r#"{{"Effect":"Allow",{GITHUB},"Condition":{{"StringLike":{{"token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/*"}}}}}}"#
        ),
    );
    expect_one(
        &any_branch,
        Code::GithubSubNotScoped,
        "Statement[0].Condition.StringLike.\"token.actions.githubusercontent.com:sub\"[0]",
        "GitHub subject `repo:acme/app:ref:refs/heads/*` has a wildcard in the branch",
    );
    let good = check(
        PolicyKind::Trust,
        &format!(
            r#"{{"Effect":"Allow",{GITHUB},"Condition":{{"StringEquals":{{"token.actions.githubusercontent.com:sub":"repo:acme/app:environment:prod"}}}}}}"#
        ),
    );
    none_of(&good, Code::GithubSubNotScoped);
}

const SNS: &str = r#""Principal":{"Service":"s3.amazonaws.com"},"Action":"sns:Publish","Resource":"arn:aws:sns:us-east-1:803456129837:reports""#;

#[test]
fn service_principal_without_source() {
    let bad = check(
        PolicyKind::Resource,
        &format!(r#"{{"Effect":"Allow",{SNS}}}"#),
    );
    expect_one(
        &bad,
        Code::ServicePrincipalWithoutSource,
        "Statement[0].Principal.Service[0]",
        "`s3.amazonaws.com` may use this permission on behalf of any AWS account: no condition on `aws:SourceArn` or `aws:SourceAccount` names the resource or account it acts for",
    );
    let good = check(
        PolicyKind::Resource,
        &format!(
            r#"{{"Effect":"Allow",{SNS},"Condition":{{"ArnLike":{{"aws:SourceArn":"arn:aws:s3:::acme-reports"}}}}}}"#
        ),
    );
    none_of(&good, Code::ServicePrincipalWithoutSource);
    // A trust policy for a service role is AWS's documented form: not reported.
    let trust = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}"#,
    );
    none_of(&trust, Code::ServicePrincipalWithoutSource);
}

#[test]
fn principal_key_with_service_principal() {
    let bad = check(
        PolicyKind::Resource,
        &format!(
            r#"{{"Effect":"Allow",{SNS},"Condition":{{"StringEquals":{{"aws:SourceAccount":"803456129837","aws:PrincipalOrgID":"o-7kq2m9x4rt"}}}}}}"#
        ),
    );
    expect_one(
        &bad,
        Code::PrincipalKeyWithServicePrincipal,
        "Statement[0].Condition.StringEquals.\"aws:PrincipalOrgID\"",
        "`aws:PrincipalOrgID` is not in the request context of a service principal, so this condition never matches for the statement's services",
    );
    // With an AWS principal too, the key applies to it.
    let mixed = check(
        PolicyKind::Resource,
        r#"{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com","AWS":"803456129837"},"Action":"sns:Publish","Resource":"*",
            "Condition":{"StringEquals":{"aws:SourceAccount":"803456129837","aws:PrincipalOrgID":"o-7kq2m9x4rt"}}}"#,
    );
    none_of(&mixed, Code::PrincipalKeyWithServicePrincipal);
}

const S3: &str = r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-reports/*""#;

#[test]
fn forallvalues_with_single_valued_key() {
    let bad = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{S3},"Condition":{{"ForAllValues:StringEquals":{{"aws:RequestedRegion":"eu-west-1"}}}}}}"#
        ),
    );
    let d = expect_one(
        &bad,
        Code::ForAllValuesWithSingleValuedKey,
        "Statement[0].Condition.\"ForAllValues:StringEquals\".\"aws:RequestedRegion\"",
        "`ForAllValues:` on the single-valued key `aws:RequestedRegion` is also true when the request has no `aws:RequestedRegion`",
    );
    assert_eq!(d.code.aws_level(), crate::AwsLevel::SecurityWarning);
    let good = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a"]}}}"#,
    );
    none_of(&good, Code::ForAllValuesWithSingleValuedKey);
}

#[test]
fn multivalued_key_without_qualifier() {
    let bad = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"StringEquals":{"aws:TagKeys":["env","team"]}}}"#,
    );
    expect_one(
        &bad,
        Code::MultivaluedKeyWithoutQualifier,
        "Statement[0].Condition.StringEquals.\"aws:TagKeys\"",
        "`aws:TagKeys` is multivalued, and `StringEquals` without `ForAllValues:` or `ForAnyValue:` compares it as one value",
    );
    let null = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"Null":{"aws:TagKeys":"false"}}}"#,
    );
    none_of(&null, Code::MultivaluedKeyWithoutQualifier);
}

#[test]
fn empty_lists_under_qualifiers_say_what_they_do() {
    let all = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":[]}}}"#,
    );
    expect_one(
        &all,
        Code::EmptyStatement,
        "Statement[0].Condition.\"ForAllValues:StringEquals\".\"aws:TagKeys\"",
        "`aws:TagKeys` is empty: under `ForAllValues:` an empty list is true only for requests without the key",
    );
    let any = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":[]}}}"#,
    );
    expect_one(
        &any,
        Code::EmptyStatement,
        "Statement[0].Condition.\"ForAnyValue:StringEquals\".\"aws:TagKeys\"",
        "`aws:TagKeys` is empty: under `ForAnyValue:` an empty list never matches",
    );
}

#[test]
fn unsupported_tag_keys() {
    let deny = check(
        PolicyKind::Identity,
        r#"{"Effect":"Deny","Action":["ec2:TerminateInstances","ec2:DescribeInstances"],"Resource":"*",
            "Condition":{"StringEquals":{"aws:ResourceTag/env":"prod"}}}"#,
    );
    expect_one(
        &deny,
        Code::DenyWithUnsupportedTagKey,
        "Statement[0].Condition.StringEquals.\"aws:ResourceTag/env\"",
        "`aws:ResourceTag/env` is not supported by `ec2:DescribeInstances`: the condition never matches for them, and the statement does not deny them",
    );
    let not_action = check(
        PolicyKind::Identity,
        r#"{"Effect":"Deny","NotAction":"iam:*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"prod"}}}"#,
    );
    expect_one(
        &not_action,
        Code::DenyWithUnsupportedTagKey,
        "Statement[0].Condition.StringEquals.\"aws:ResourceTag/env\"",
        "`aws:ResourceTag/env` is not supported by every action this statement covers (`NotAction`): for the others the condition never matches, and the statement does not deny them",
    );
    let allow = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":["ec2:StartInstances","ec2:DescribeInstances"],"Resource":"*",
            "Condition":{"StringEquals":{"aws:ResourceTag/team":"reports"}}}"#,
    );
    let d = expect_one(
        &allow,
        Code::AllowWithUnsupportedTagKey,
        "Statement[0].Condition.StringEquals.\"aws:ResourceTag/team\"",
        "`aws:ResourceTag/team` is not supported by `ec2:DescribeInstances`: the condition never matches for them, and the statement does not allow them",
    );
    assert_eq!(d.code.aws_level(), crate::AwsLevel::Suggestion);
    let good = check(
        PolicyKind::Identity,
        r#"{"Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"prod"}}}"#,
    );
    none_of(&good, Code::DenyWithUnsupportedTagKey);
    // `Null` and the negated operators are true when the key is absent: not this case.
    for operator in ["Null", "StringNotEquals", "StringEqualsIfExists"] {
        let other = check(
            PolicyKind::Identity,
            &format!(
                r#"{{"Effect":"Deny","Action":["ec2:TerminateInstances","ec2:DescribeInstances"],"Resource":"*",
                    "Condition":{{"{operator}":{{"aws:ResourceTag/env":"true"}}}}}}"#
            ),
        );
        none_of(&other, Code::DenyWithUnsupportedTagKey);
    }
}

#[test]
fn allow_with_not_principal() {
    let bad = check(
        PolicyKind::Resource,
        &format!(r#"{{"Effect":"Allow","NotPrincipal":{{"AWS":"803456129837"}},{S3}}}"#),
    );
    expect_one(
        &bad,
        Code::AllowWithNotPrincipal,
        "Statement[0].NotPrincipal",
        "`Allow` with `NotPrincipal` allows every principal but the listed ones, anonymous users included",
    );
    let deny = check(
        PolicyKind::Resource,
        &format!(r#"{{"Effect":"Deny","NotPrincipal":{{"AWS":"803456129837"}},{S3}}}"#),
    );
    none_of(&deny, Code::AllowWithNotPrincipal);
}

#[test]
fn pass_role_and_create_slr_on_role_wildcards() {
    let bad = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::*:role/*"}"#,
    );
    expect_one(
        &bad,
        Code::PassRoleWildcard,
        "Statement[0].Resource[0]",
        "`iam:PassRole` on `arn:aws:iam::*:role/*` allows `iam:PassRole` on every role, to any service",
    );
    let path = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::803456129837:role/service-role/*"}"#,
    );
    none_of(&path, Code::PassRoleWildcard);
    let slr = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"arn:aws:iam::803456129837:role/*"}"#,
    );
    expect_one(
        &slr,
        Code::CreateSlrWildcard,
        "Statement[0].Resource[0]",
        "`iam:CreateServiceLinkedRole` on `arn:aws:iam::803456129837:role/*` allows creating the service-linked role of any service",
    );
    let named = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*","Condition":{"StringEquals":{"iam:AWSServiceName":"elasticbeanstalk.amazonaws.com"}}}"#,
    );
    none_of(&named, Code::CreateSlrWildcard);
}

#[test]
fn operator_misuse() {
    let like = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::acme-reports","Condition":{"StringEquals":{"s3:prefix":"reports/*"}}}"#,
    );
    let d = expect_one(
        &like,
        Code::WildcardWithoutLikeOperator,
        "Statement[0].Condition.StringEquals.\"s3:prefix\"[0]",
        "`reports/*` holds a wildcard, which `StringEquals` compares as a plain character",
    );
    assert_eq!(
        d.help.as_deref(),
        Some("use `StringLike` to match with wildcards")
    );
    let private = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{S3},"Condition":{{"IpAddress":{{"aws:SourceIp":["52.94.76.0/22","192.168.0.0/16"]}}}}}}"#
        ),
    );
    expect_one(
        &private,
        Code::PrivateIpInSourceIp,
        "Statement[0].Condition.IpAddress.\"aws:SourceIp\"[1]",
        "`192.168.0.0/16` is a private range, which `aws:SourceIp` never holds",
    );
    let bools = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{S3},"Condition":{{"Bool":{{"aws:SecureTransport":["true","false"]}}}}}}"#
        ),
    );
    expect_one(
        &bools,
        Code::BoolWithSeveralValues,
        "Statement[0].Condition.Bool.\"aws:SecureTransport\"",
        "`Bool` condition on `aws:SecureTransport` has 2 values; it is true for any of them",
    );
    let case = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{S3},"Condition":{{"StringEquals":{{"aws:RequestedRegion":"eu-west-1","AWS:RequestedRegion":"eu-west-2"}}}}}}"#
        ),
    );
    expect_one(
        &case,
        Code::DuplicateKeysWithDifferentCase,
        "Statement[0].Condition.StringEquals.\"AWS:RequestedRegion\"",
        "condition key `AWS:RequestedRegion` appears twice under `StringEquals`, in different cases",
    );
}

#[test]
fn paired_keys() {
    let bad = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{S3},"Condition":{{"IpAddress":{{"aws:VpcSourceIp":"10.0.0.0/16"}}}}}}"#
        ),
    );
    expect_one(
        &bad,
        Code::MissingPairedConditionKey,
        "Statement[0].Condition.IpAddress.\"aws:VpcSourceIp\"",
        "`aws:VpcSourceIp` without `aws:SourceVpc` or `aws:SourceVpce` matches the same private addresses in every VPC",
    );
    let good = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{S3},"Condition":{{"IpAddress":{{"aws:VpcSourceIp":"10.0.0.0/16"}},"StringEquals":{{"aws:SourceVpce":"vpce-0c9a7e1d2b3f45678"}}}}}}"#
        ),
    );
    none_of(&good, Code::MissingPairedConditionKey);
}

fn resource(arn: &str) -> Vec<Diagnostic> {
    check(
        PolicyKind::Identity,
        &format!(r#"{{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"{arn}"}}"#),
    )
}

#[test]
fn arn_fields() {
    expect_one(
        &resource("arn:aws:dynamodb:us-east-1:8034-5612-9837:table/t"),
        Code::InvalidArnAccount,
        "Statement[0].Resource[0]",
        "`8034-5612-9837` in `arn:aws:dynamodb:us-east-1:8034-5612-9837:table/t` is not an account ID",
    );
    expect_one(
        &resource("arn:aws:DynamoDB:us-east-1:803456129837:table/t"),
        Code::InvalidArnServiceCase,
        "Statement[0].Resource[0]",
        "the service `DynamoDB` in `arn:aws:DynamoDB:us-east-1:803456129837:table/t` is not lowercase",
    );
    expect_one(
        &resource("arn:amazon:dynamodb:us-east-1:803456129837:table/t"),
        Code::InvalidPartition,
        "Statement[0].Resource[0]",
        "`amazon` in `arn:amazon:dynamodb:us-east-1:803456129837:table/t` is not an AWS partition",
    );
    expect_one(
        &resource("arn:aws:dynamodb:us-east:803456129837:table/t"),
        Code::InvalidRegion,
        "Statement[0].Resource[0]",
        "`us-east` in `arn:aws:dynamodb:us-east:803456129837:table/t` is not an AWS region",
    );
    // A region-shaped name the table lacks is a warning (AWS opens regions).
    let future = resource("arn:aws:dynamodb:xx-north-9:803456129837:table/t");
    let region: Vec<_> = future
        .iter()
        .filter(|d| d.code == Code::InvalidRegion)
        .collect();
    assert_eq!(region.len(), 1);
    assert_eq!(region[0].severity, Severity::Warning);
    // IAM ARNs have no region.
    let iam = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam:us-east-1:803456129837:role/r"}"#,
    );
    expect_one(
        &iam,
        Code::InvalidRegion,
        "Statement[0].Resource[0]",
        "`iam` resources have no region, but `arn:aws:iam:us-east-1:803456129837:role/r` names `us-east-1`",
    );
    for fine in [
        "arn:aws:dynamodb:*:*:table/t",
        "arn:aws:dynamodb:${aws:RequestedRegion}:803456129837:table/t",
        "arn:aws-cn:dynamodb:cn-north-1:803456129837:table/t",
        "arn:*:dynamodb:us-east-1:803456129837:table/t",
    ] {
        let findings = resource(fine);
        for code in [
            Code::InvalidArnAccount,
            Code::InvalidArnServiceCase,
            Code::InvalidPartition,
            Code::InvalidRegion,
        ] {
            none_of(&findings, code);
        }
    }
}

#[test]
fn trust_policy_elements() {
    let resource = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}"#,
    );
    expect_one(
        &resource,
        Code::InvalidTrustPolicyElement,
        "Statement[0].Resource",
        "a role trust policy cannot have `Resource`: its resource is the role",
    );
    let not_principal = check(
        PolicyKind::Trust,
        r#"{"Effect":"Deny","NotPrincipal":{"AWS":"803456129837"},"Action":"sts:AssumeRole"}"#,
    );
    expect_one(
        &not_principal,
        Code::InvalidTrustPolicyElement,
        "Statement[0].NotPrincipal",
        "a role trust policy cannot use `NotPrincipal`",
    );
    let star = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}"#,
    );
    expect_one(
        &star,
        Code::InvalidTrustPolicyElement,
        "Statement[0].Principal",
        "a role trust policy cannot have `\"Principal\": \"*\"`",
    );
    let aws_star = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-7kq2m9x4rt"}}}"#,
    );
    none_of(&aws_star, Code::InvalidTrustPolicyElement);
}

#[test]
fn mixed_principals_get_one_error() {
    let findings = validate(
        &policy(
            r#"{"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Principal":{"AWS":"803456129837"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-reports/*"},
                {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-reports/*"},
                {"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::acme-reports/*"}]}"#,
        ),
        &Context::resource(),
    );
    expect_one(
        &findings,
        Code::MissingPrincipal,
        "Statement",
        "the policy mixes statements with and without a principal: `Statement[1]`, `Statement[2]` have no `Principal` or `NotPrincipal`, the others have one",
    );
}

#[test]
fn an_empty_statement_reports_every_missing_element() {
    let error = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[{}]}"#).unwrap_err();
    let codes: Vec<Code> = error.diagnostics().iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            Code::MissingEffect,
            Code::MissingAction,
            Code::MissingResource
        ]
    );
    // A fragment may get its `Resource` later.
    let error = Statement::from_json("{}").unwrap_err();
    let codes: Vec<Code> = error.diagnostics().iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::MissingEffect, Code::MissingAction]);
}

#[test]
fn every_code_has_a_level_and_the_errors_are_aws_errors() {
    for &code in Code::ALL {
        assert_eq!(
            code.default_severity() == Severity::Error,
            code.aws_level() == crate::AwsLevel::Error,
            "{code}"
        );
    }
}

#[test]
fn retired_services_and_actions_are_named_as_retired() {
    let cat = catalog::index::catalog();
    let deeplens = cat
        .retired_service("deeplens")
        .expect("the catalog records DeepLens as retired");
    let findings = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"deeplens:*","Resource":"*"}"#,
    );
    expect_one(
        &findings,
        Code::UnknownService,
        "Statement[0].Action[0]",
        &format!(
            "service `deeplens` (AWS DeepLens) was retired by AWS (last in its reference on {}, catalog version {})",
            deeplens.last_seen_date(),
            deeplens.last_seen()
        ),
    );
    // An action the older snapshot had is retired with its date; a name that never existed
    // stays unknown.
    let action = cat
        .retired_actions()
        .find(|a| a.service() == "deeplens")
        .expect("DeepLens actions are recorded");
    assert!(!action.last_seen_date().is_empty());
    let findings = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow","Action":"{}","Resource":"*"}}"#,
            action.full_name()
        ),
    );
    assert!(findings[0]
        .message
        .contains("was retired by AWS (last in its reference on"));
    let never = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"deeplenz:ListDevices","Resource":"*"}"#,
    );
    assert!(never[0].message.starts_with("unknown service `deeplenz`"));
}

#[test]
fn an_scp_counts_whitespace_as_written() {
    let text = format!(
        "{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}}]}}{}",
        " ".repeat(5_100)
    );
    let parsed = policy(&text);
    let size = text.chars().count();
    let findings = validate(&parsed, &Context::scp().with_written_size(size));
    expect_one(
        &findings,
        Code::PolicyTooLarge,
        "",
        &format!(
            "policy has {},{:03} characters as written, whitespace included, over the 5,120 of a service control policy",
            size / 1000,
            size % 1000
        ),
    );
    // IAM's policies ignore whitespace: the written size does not count for them.
    let identity = validate(&parsed, &Context::identity().with_written_size(size));
    none_of(&identity, Code::PolicyTooLarge);
}
