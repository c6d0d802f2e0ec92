//! One test per Access Analyzer check added in issue 13's last round (service principal format,
//! missing ARN region, ...): a minimal bad policy, asserting code, location and message, and a
//! nearby good policy that does not get the code.

use super::tests::{expect_one, policy};
use super::*;

fn check(kind: PolicyKind, statements: &str) -> Vec<Diagnostic> {
    let json = format!(r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#);
    validate(&policy(&json), &Context::new(kind))
}

fn none_of(findings: &[Diagnostic], code: Code) {
    assert!(
        findings.iter().all(|d| d.code != code),
        "unexpected `{code}` in {findings:#?}"
    );
}

const PASS: &str = r#""Action":"iam:PassRole","Resource":"arn:aws:iam::803456129837:role/reports""#;

#[test]
fn invalid_service_principal_format_in_condition() {
    let bad = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{PASS},"Condition":{{"StringEquals":{{"iam:PassedToService":["ec2.amazonaws.com","lambda"]}}}}}}"#
        ),
    );
    let d = expect_one(
        &bad,
        Code::InvalidServicePrincipalFormat,
        "Statement[0].Condition.StringEquals.\"iam:PassedToService\"[1]",
        "`lambda` is not a service principal as `iam:PassedToService` holds them: a service principal is a DNS name such as `bedrock.amazonaws.com`; the condition never matches it",
    );
    assert_eq!(d.suggestion.as_deref(), Some("lambda.amazonaws.com"));
    let upper = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{PASS},"Condition":{{"StringEquals":{{"iam:passedtoservice":"Lambda.amazonaws.com"}}}}}}"#
        ),
    );
    let d = expect_one(
        &upper,
        Code::InvalidServicePrincipalFormat,
        "Statement[0].Condition.StringEquals.\"iam:passedtoservice\"[0]",
        "`Lambda.amazonaws.com` is not a service principal as `iam:PassedToService` holds them: a service principal is written in lowercase; the condition never matches it",
    );
    assert_eq!(d.suggestion.as_deref(), Some("lambda.amazonaws.com"));
    let via = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"s3.amazonaws.com"}}}"#,
    );
    expect_one(
        &via,
        Code::InvalidServicePrincipalFormat,
        "Statement[0].Condition.StringEquals.\"kms:ViaService\"[0]",
        "`s3.amazonaws.com` is not a service principal as `kms:ViaService` holds them: `kms:ViaService` names a service in a region: `SERVICE.REGION.amazonaws.com`; the condition never matches it",
    );
    // The forms AWS uses: China, regional, dotted, patterns, variables, any case under IgnoreCase.
    let good = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{PASS},"Condition":{{"StringEquals":{{"iam:PassedToService":["ec2.amazonaws.com.cn","ecs.application-autoscaling.amazonaws.com","logs.us-east-1.amazonaws.com"]}},
                "StringLike":{{"iam:AWSServiceName":["ec2.*","*.amazonaws.com"]}},
                "StringEqualsIgnoreCase":{{"aws:CalledViaFirst":"Athena.amazonaws.com"}}}}}},
              {{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{{"StringEquals":{{"kms:ViaService":["s3.us-east-1.amazonaws.com","s3.cn-north-1.amazonaws.com.cn"]}},"StringLike":{{"kms:ViaService":"ec2.*.amazonaws.com"}},"Null":{{"kms:ViaService":"true"}}}}}}"#
        ),
    );
    none_of(&good, Code::InvalidServicePrincipalFormat);
}

#[test]
fn invalid_service_principal_format_in_principal() {
    let bad = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","ec2.aws.com"]},"Action":"sts:AssumeRole"}"#,
    );
    expect_one(
        &bad,
        Code::InvalidServicePrincipalFormat,
        "Statement[0].Principal.Service[1]",
        "invalid `Service` principal `ec2.aws.com`: a service principal ends with `.amazonaws.com` (`.amazonaws.com.cn` in the China Regions)",
    );
    none_of(&bad, Code::InvalidPrincipal);
    // Not a DNS name at all stays an `invalid-principal` error, reported once.
    let not_dns = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":{"Service":"lambda"},"Action":"sts:AssumeRole"}"#,
    );
    none_of(&not_dns, Code::InvalidServicePrincipalFormat);
    assert!(not_dns.iter().any(|d| d.code == Code::InvalidPrincipal));
    let good = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":{"Service":["alexa-appkit.amazon.com","logs.ap-east-1.amazonaws.com","ec2.amazonaws.com.cn"]},"Action":"sts:AssumeRole"}"#,
    );
    none_of(&good, Code::InvalidServicePrincipalFormat);
    none_of(&good, Code::InvalidPrincipal);
}

#[test]
fn missing_arn_region() {
    let bad = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"kms:Decrypt","Resource":["arn:aws:kms:us-east-1:803456129837:key/k1","arn:aws:kms::803456129837:key/k2"]}"#,
    );
    expect_one(
        &bad,
        Code::MissingArnRegion,
        "Statement[0].Resource[1]",
        "`kms` resources of this kind have a region in their ARN, but `arn:aws:kms::803456129837:key/k2` leaves it empty: it names no resource",
    );
    let any_account = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda::*:function:reports"}"#,
    );
    assert!(any_account.iter().any(|d| d.code == Code::MissingArnRegion));
    // Left alone: global resources (IAM, S3 buckets, CloudFront), an empty account (AWS-owned
    // resources), a region left open, a resource part that also matches a format without a
    // region (S3 Multi-Region Access Points), and unknown services.
    let good = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":["iam:GetRole","s3:GetObject","cloudfront:GetDistribution","ssm:GetParameter","kms:Decrypt","s3:GetAccessPoint"],
            "Resource":["arn:aws:iam::803456129837:role/reports","arn:aws:s3:::acme-reports/*","arn:aws:cloudfront::803456129837:distribution/E2QWRUHEXAMPLE",
              "arn:aws:ssm:::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64","arn:aws:kms:*:803456129837:key/k1",
              "arn:aws:s3::803456129837:accesspoint/reports.mrap","arn:aws:nosuchservice::803456129837:thing/x"]}"#,
    );
    none_of(&good, Code::MissingArnRegion);
}

const GITHUB: &str = r#""Principal":{"Federated":"arn:aws:iam::803456129837:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity""#;

#[test]
fn foranyvalue_with_audience_claim() {
    let bad = check(
        PolicyKind::Trust,
        &format!(
            r#"{{"Effect":"Allow",{GITHUB},"Condition":{{"ForAnyValue:StringEquals":{{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}},"StringEquals":{{"token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/main"}}}}}}"#
        ),
    );
    let d = expect_one(
        &bad,
        Code::ForAnyValueWithAudienceClaim,
        "Statement[0].Condition.\"ForAnyValue:StringEquals\".\"token.actions.githubusercontent.com:aud\"",
        "`ForAnyValue:` on `token.actions.githubusercontent.com:aud`, the token's audience (`aud`) claim, which is single-valued",
    );
    assert_eq!(
        d.help.as_deref(),
        Some("remove `ForAnyValue:` (write `StringEquals`)")
    );
    // Plain operators on `aud`, and `ForAnyValue:` on Cognito's multivalued `amr`, are fine.
    let good = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity",
            "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:0f3c2a94-7d1e-4b6a-9c55-2e8d41a7b903"},
                         "ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}}"#,
    );
    none_of(&good, Code::ForAnyValueWithAudienceClaim);
}

#[test]
fn redundant_principal() {
    let bad = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":["arn:aws:iam::803456129837:role/team/reports","arn:aws:sts::803456129837:assumed-role/reports/nightly"]}}"#,
    );
    expect_one(
        &bad,
        Code::RedundantPrincipal,
        "Statement[0].Principal.AWS[1]",
        "the session principal `arn:aws:sts::803456129837:assumed-role/reports/nightly` is redundant with its role `arn:aws:iam::803456129837:role/team/reports`, which covers every session of the role",
    );
    // Another account's or another role's session, or a session alone, is not redundant.
    let good = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":["arn:aws:iam::803456129837:role/reports","arn:aws:sts::803456129838:assumed-role/reports/nightly","arn:aws:sts::803456129837:assumed-role/billing/nightly"]}},
           {"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"arn:aws:sts::803456129837:assumed-role/reports/nightly"}}"#,
    );
    none_of(&good, Code::RedundantPrincipal);
}

const READ: &str = r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-reports/*""#;

#[test]
fn invalid_vpc_format() {
    let bad = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"StringEquals":{{"aws:SourceVpc":["vpc-0c9a7e1d2b3f45678","vpc-123"]}}}}}}"#
        ),
    );
    expect_one(
        &bad,
        Code::InvalidVpcFormat,
        "Statement[0].Condition.StringEquals.\"aws:SourceVpc\"[1]",
        "`vpc-123` is not an ID as `aws:SourceVpc` holds them (`vpc-` and 8 or 17 letters or digits): the condition never matches it",
    );
    let endpoint = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Deny",{READ},"Condition":{{"StringNotEquals":{{"aws:sourcevpce":"vpc-1a2b3c4d"}}}}}}"#
        ),
    );
    assert!(endpoint.iter().any(|d| d.code == Code::InvalidVpcFormat));
    // 8 or 17 characters, patterns, variables and other operators are left alone.
    let good = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"StringEquals":{{"aws:SourceVpc":["vpc-1a2b3c4d","vpc-0c9a7e1d2b3f45678"],"aws:SourceVpce":"vpce-1a2b3c4d"}},
                "StringLike":{{"aws:SourceVpc":"vpc-*"}},"StringEqualsIgnoreCase":{{"aws:SourceVpc":"VPC-1A2B3C4D"}},"Null":{{"aws:SourceVpce":"false"}}}}}}"#
        ),
    );
    none_of(&good, Code::InvalidVpcFormat);
}

#[test]
fn federated_principal_not_supported() {
    let bad = check(
        PolicyKind::Resource,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Principal":{{"Federated":"arn:aws:iam::803456129837:saml-provider/Okta"}}}}"#
        ),
    );
    expect_one(
        &bad,
        Code::FederatedPrincipalNotSupported,
        "Statement[0].Principal.Federated",
        "a `Federated` principal in a resource policy: identity providers are principals in role trust policies only",
    );
    let trust = check(
        PolicyKind::Trust,
        r#"{"Effect":"Allow","Action":"sts:AssumeRoleWithSAML","Principal":{"Federated":"arn:aws:iam::803456129837:saml-provider/Okta"},"Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}"#,
    );
    none_of(&trust, Code::FederatedPrincipalNotSupported);
    let aws = check(
        PolicyKind::Resource,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Principal":{{"AWS":"arn:aws:iam::803456129837:role/okta-readers"}}}}"#
        ),
    );
    none_of(&aws, Code::FederatedPrincipalNotSupported);
}

#[test]
fn invalid_rcp_element() {
    let bad = check(
        PolicyKind::ResourceControl,
        r#"{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::acme-reports/*"}"#,
    );
    expect_one(
        &bad,
        Code::InvalidRcpElement,
        "Statement[0].Resource",
        "an `Allow` statement of a resource control policy applies to all resources: its `Resource` is `\"*\"`",
    );
    let principal = check(
        PolicyKind::ResourceControl,
        r#"{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::803456129837:root"},"NotAction":"s3:GetObject","Resource":"*"}"#,
    );
    let found: Vec<String> = principal
        .iter()
        .filter(|d| d.code == Code::InvalidRcpElement)
        .map(|d| d.location.to_string())
        .collect();
    assert_eq!(found, ["Statement[0].NotAction", "Statement[0].Principal"]);
    let condition = check(
        PolicyKind::ResourceControl,
        r#"{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}"#,
    );
    assert!(condition
        .iter()
        .any(|d| d.code == Code::InvalidRcpElement
            && d.location.to_string() == "Statement[0].Condition"));
    // The default RCP, a Deny with conditions, and `{"AWS": "*"}` are accepted; other kinds are
    // not held to RCP rules.
    let good = check(
        PolicyKind::ResourceControl,
        r#"{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},
           {"Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"arn:aws:s3:::acme-reports/*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}"#,
    );
    none_of(&good, Code::InvalidRcpElement);
    let resource = check(
        PolicyKind::Resource,
        r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-reports/*"}"#,
    );
    none_of(&resource, Code::InvalidRcpElement);
}

const LIST: &str = r#""Action":"s3:ListBucket","Resource":"arn:aws:s3:::acme-reports""#;

#[test]
fn s3_prefix_in_negative_context() {
    let bad = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Deny",{LIST},"Condition":{{"StringLike":{{"s3:prefix":"private/*"}}}}}}"#
        ),
    );
    expect_one(
        &bad,
        Code::S3PrefixInNegativeContext,
        "Statement[0].Condition.StringLike.\"s3:prefix\"",
        "`s3:prefix` under `StringLike` in a `Deny` statement does not stop listing: a request with a shorter prefix does not match the condition",
    );
    let allow = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{LIST},"Condition":{{"StringNotLike":{{"S3:Prefix":"private/*"}}}}}}"#
        ),
    );
    assert!(allow
        .iter()
        .any(|d| d.code == Code::S3PrefixInNegativeContext));
    let good = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{LIST},"Condition":{{"StringLike":{{"s3:prefix":["","home/${{aws:username}}/*"]}}}}}},
               {{"Effect":"Deny",{LIST},"Condition":{{"StringNotLike":{{"s3:prefix":"public/*"}},"Null":{{"s3:prefix":"false"}}}}}}"#
        ),
    );
    none_of(&good, Code::S3PrefixInNegativeContext);
}

#[test]
fn dynamodb_attributes_without_select() {
    let table = r#""Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:us-east-1:803456129837:table/reports""#;
    let bad = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{table},"Condition":{{"ForAllValues:StringEquals":{{"dynamodb:Attributes":["id","title"]}}}}}}"#
        ),
    );
    expect_one(
        &bad,
        Code::DynamodbAttributesWithoutSelect,
        "Statement[0].Condition.\"ForAllValues:StringEquals\".\"dynamodb:Attributes\"",
        "`dynamodb:Attributes` restricts attributes, but without `dynamodb:Select` set to `SPECIFIC_ATTRIBUTES` a read without a projection expression returns every attribute",
    );
    let good = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{table},"Condition":{{"ForAllValues:StringEquals":{{"dynamodb:Attributes":["id","title"]}},"StringEquals":{{"dynamodb:Select":"SPECIFIC_ATTRIBUTES"}}}}}},
               {{"Effect":"Deny",{table},"Condition":{{"ForAnyValue:StringEquals":{{"dynamodb:Attributes":["secret"]}}}}}}"#
        ),
    );
    none_of(&good, Code::DynamodbAttributesWithoutSelect);
}
