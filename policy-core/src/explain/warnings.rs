//! The explanations of the codes that are warnings by default: style, redundancy, mismatches and
//! risky grants.

use super::Entry;
use crate::diagnostic::Code;

pub(super) fn entry(code: Code) -> Option<Entry> {
    Some(match code {
        Code::MissingVersion => (
            "that the policy has `\"Version\": \"2012-10-17\"`",
            "without a version IAM reads the policy as version 2008-10-17, in which policy variables such as `${aws:username}` are plain text",
            "identity",
            r#"{
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::OldVersion => (
            "that the policy does not use version `2008-10-17`",
            "in the old version policy variables are plain text and newer features do not work",
            "identity",
            r#"{
  "Version": "2008-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::ActionCase => (
            "that each action is written as AWS spells it",
            "IAM compares actions ignoring case, so this is harmless to AWS, but every document, log and search shows AWS's spelling",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:getobject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::ResourceTypeMismatch => (
            "that each resource matches a resource type that at least one action of the statement accepts (an action that takes no resource type needs `*`)",
            "a resource no action applies to grants nothing: `s3:GetObject` on a bucket ARN does not give access to its objects",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::ConditionOperatorMismatch => (
            "that the operator's family fits the key's type: `IpAddress` for IP address keys, `Date*` for dates, `Numeric*` for numbers, `Bool` for booleans, `Arn*` or `String*` for ARNs, `String*` for strings",
            "AWS compares the value as the operator's type: `StringEquals` on `aws:SourceIp` compares text, so a CIDR range never matches an address in it",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "StringEquals": { "aws:SourceIp": "203.0.113.0/24" } }
    }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "IpAddress": { "aws:SourceIp": "203.0.113.0/24" } }
    }
  ]
}"#,
        ),
        Code::ConditionKeyNotApplicable => (
            "that a service-specific condition key is supported by at least one action of the statement",
            "a key that none of the actions' requests carry is never present, so the condition never holds",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "StringEquals": { "ec2:InstanceType": "t3.micro" } }
    }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:RunInstances",
      "Resource": "arn:aws:ec2:*:803456129837:instance/*",
      "Condition": { "StringEquals": { "ec2:InstanceType": "t3.micro" } }
    }
  ]
}"#,
        ),
        Code::AdminAccess => (
            "that no statement allows every action (`*`) on every resource (`*`)",
            "it grants full administrator access, including to change its own permissions",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "*", "Resource": "*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::PassRoleWildcard => (
            "that `iam:PassRole` on `*` is limited by an `iam:PassedToService` condition (or names the roles)",
            "passing any role to any service lets the holder act with the permissions of every role in the account",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "*",
      "Condition": { "StringEquals": { "iam:PassedToService": "bedrock.amazonaws.com" } }
    }
  ]
}"#,
        ),
        Code::AllowNotAction => (
            "that no statement combines `Allow` with `NotAction`",
            "it allows every action except those listed, including actions AWS adds later",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "NotAction": "s3:DeleteObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::AllowNotResource => (
            "that no statement combines `Allow` with `NotResource`",
            "it allows the actions on every resource except those listed, including resources created later",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::acme-reports/private/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/public/*" }
  ]
}"#,
        ),
        Code::DuplicateAction => (
            "that no action is listed twice in a statement",
            "the copy changes nothing; it usually hides a different action that was meant",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObject"], "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::DuplicateResource => (
            "that no resource is listed twice in a statement",
            "the copy changes nothing; it usually hides a different resource that was meant",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::acme-reports/*", "arn:aws:s3:::acme-reports/*"] }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::acme-reports/*", "arn:aws:s3:::acme-archive/*"] }
  ]
}"#,
        ),
        Code::RedundantAction => (
            "that no action is already matched by a wildcard pattern in the same statement",
            "the covered action adds nothing, and the wildcard may grant more than the reader thinks",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject"], "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:Get*"], "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::RedundantResource => (
            "that no resource is already matched by a wildcard ARN in the same statement",
            "the covered resource adds nothing, and the wildcard may reach more than the reader thinks",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::acme-reports/*", "arn:aws:s3:::acme-reports/2024/*"] }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::acme-reports/*"] }
  ]
}"#,
        ),
        Code::PlaceholderValue => (
            "that no value is a documentation placeholder: `account-id`, `region`, `DOC-EXAMPLE-BUCKET`, `111122223333`, `123456789012`, `<...>` and the like",
            "a policy copied from documentation and not filled in grants access to someone else's resources, or to nothing",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::DOC-EXAMPLE-BUCKET/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::InvalidServicePrincipalFormat => (
            "that each service principal, in `Principal` or in the value of a key that holds them (`iam:PassedToService`, `iam:AWSServiceName`, `aws:CalledVia`, `aws:PrincipalServiceName`, `kms:ViaService`, ...), is a lowercase `SERVICE.amazonaws.com` (`SERVICE.amazonaws.com.cn` in the China Regions), and that a `kms:ViaService` value names its region (`SERVICE.REGION.amazonaws.com`)",
            "IAM compares service principals as written, so `lambda`, `Lambda.amazonaws.com` or a `kms:ViaService` without its region never matches: the condition silently never holds",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::803456129837:role/reports",
      "Condition": { "StringEquals": { "iam:PassedToService": "lambda" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::803456129837:role/reports",
      "Condition": { "StringEquals": { "iam:PassedToService": "lambda.amazonaws.com" } } }
  ]
}"#,
        ),
        Code::MissingArnRegion => (
            "that an ARN does not leave its region empty where every ARN format of its resource (by the Service Authorization Reference) has one; an ARN with an empty account is left alone, since AWS-owned resources are written that way",
            "IAM compares ARNs field by field, and an empty region matches only an empty one, so the ARN names no resource and the statement silently never applies to it",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "kms:Decrypt",
      "Resource": "arn:aws:kms::803456129837:key/0f3c2a94-7d1e-4b6a-9c55-2e8d41a7b903" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "kms:Decrypt",
      "Resource": "arn:aws:kms:us-east-1:803456129837:key/0f3c2a94-7d1e-4b6a-9c55-2e8d41a7b903" }
  ]
}"#,
        ),
        Code::ForAnyValueWithAudienceClaim => (
            "that an OIDC provider's audience claim (`HOST:aud`, such as `token.actions.githubusercontent.com:aud`) is not compared under `ForAnyValue:`",
            "the audience claim is single-valued; a set operator on it does not mean what it reads as, and Access Analyzer reports it as overly permissive: compare it with a plain operator",
            "trust",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow",
      "Principal": { "Federated": "arn:aws:iam::803456129837:oidc-provider/token.actions.githubusercontent.com" },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "ForAnyValue:StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
        "StringEquals": { "token.actions.githubusercontent.com:sub": "repo:acme/reports:ref:refs/heads/main" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow",
      "Principal": { "Federated": "arn:aws:iam::803456129837:oidc-provider/token.actions.githubusercontent.com" },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
          "token.actions.githubusercontent.com:sub": "repo:acme/reports:ref:refs/heads/main" } } }
  ]
}"#,
        ),
        Code::RedundantPrincipal => (
            "that a `Principal` does not list an assumed-role session (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`) beside its role (`arn:aws:iam::ACCOUNT:role/ROLE`)",
            "the role principal already covers every session of the role, so the session principal allows or denies nothing more; it only makes the policy longer and harder to review",
            "trust",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": { "AWS": [
        "arn:aws:iam::803456129837:role/reports",
        "arn:aws:sts::803456129837:assumed-role/reports/nightly" ] } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": { "AWS": "arn:aws:iam::803456129837:role/reports" } }
  ]
}"#,
        ),
        Code::RcpPrincipalKeyWithoutServiceCheck => (
            "that a resource control policy's condition on a principal key (`aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:PrincipalOrgPaths`, `aws:PrincipalTag/...`) also has `\"BoolIfExists\": {\"aws:PrincipalIsAWSService\": \"false\"}`",
            "an RCP applies to AWS service principals too, and their requests carry no principal keys: a `Deny` unless `aws:PrincipalOrgID` is yours then denies the services that act on your behalf (Access Analyzer: RCP missing related principal condition key)",
            "rcp",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
      "Condition": { "StringNotEqualsIfExists": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
      "Condition": { "StringNotEqualsIfExists": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" },
                     "BoolIfExists": { "aws:PrincipalIsAWSService": "false" } } }
  ]
}"#,
        ),
        Code::RcpSourceKeyWithoutServiceCheck => (
            "that a resource control policy's condition on a source key (`aws:SourceOrgID`, `aws:SourceOrgPaths`, `aws:SourceAccount`, `aws:SourceArn`) also has `\"BoolIfExists\": {\"aws:PrincipalIsAWSService\": \"true\"}`",
            "an RCP applies to your own principals too, and their requests carry no source keys: a `Deny` unless `aws:SourceOrgID` is yours then denies your users and roles (Access Analyzer: RCP missing related service principal condition key)",
            "rcp",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
      "Condition": { "StringNotEqualsIfExists": { "aws:SourceOrgID": "o-a1b2c3d4e5" },
                     "Null": { "aws:SourceAccount": "false" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
      "Condition": { "StringNotEqualsIfExists": { "aws:SourceOrgID": "o-a1b2c3d4e5" },
                     "Null": { "aws:SourceAccount": "false" },
                     "Bool": { "aws:PrincipalIsAWSService": "true" } } }
  ]
}"#,
        ),
        Code::RcpSourceKeyWithoutNullCheck => (
            "that a resource control policy's condition on a source key (`aws:SourceOrgID`, `aws:SourceOrgPaths`, `aws:SourceAccount`, `aws:SourceArn`) also has `\"Null\": {\"aws:SourceAccount\": \"false\"}` or `\"Null\": {\"aws:SourceArn\": \"false\"}`",
            "some service integrations send no source key; with `...IfExists` a `Deny` on a missing key matches, so the RCP denies those integrations too (Access Analyzer: RCP missing service condition key null check)",
            "rcp",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
      "Condition": { "StringNotEqualsIfExists": { "aws:SourceOrgID": "o-a1b2c3d4e5" },
                     "Bool": { "aws:PrincipalIsAWSService": "true" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
      "Condition": { "StringNotEqualsIfExists": { "aws:SourceOrgID": "o-a1b2c3d4e5" },
                     "Null": { "aws:SourceAccount": "false" },
                     "Bool": { "aws:PrincipalIsAWSService": "true" } } }
  ]
}"#,
        ),
        Code::InvalidVpcFormat => (
            "that each value of `aws:SourceVpc` is a VPC ID (`vpc-` and 8 or 17 letters or digits) and each value of `aws:SourceVpce` a VPC endpoint ID (`vpce-` and 8 or 17)",
            "the keys hold the ID of the VPC or endpoint a request came through; a name, an ARN or a truncated ID never matches, so the condition silently never holds",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "StringEquals": { "aws:SourceVpce": "reports-endpoint" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-0c9a7e1d2b3f45678" } } }
  ]
}"#,
        ),
        Code::S3PrefixInNegativeContext => (
            "that `s3:prefix` is compared with a positive string operator in an `Allow`, or a negated one in a `Deny` (the two patterns that restrict listing)",
            "a `Deny` on `s3:ListBucket` with `StringLike` on `s3:prefix` `private/*` does not stop a request for the prefix `priv`, which lists the same objects; `Deny` with `StringNotLike` on the allowed prefixes does",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-reports",
      "Condition": { "StringLike": { "s3:prefix": "private/*" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-reports",
      "Condition": { "StringNotLike": { "s3:prefix": "public/*" } } }
  ]
}"#,
        ),
        Code::DynamodbAttributesWithoutSelect => (
            "that an `Allow` restricted on `dynamodb:Attributes` also sets `dynamodb:Select` to `SPECIFIC_ATTRIBUTES`",
            "DynamoDB evaluates `dynamodb:Attributes` only for requests that name the attributes to return; a read without a projection expression returns the whole item",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:803456129837:table/reports",
      "Condition": { "ForAllValues:StringEquals": { "dynamodb:Attributes": ["id", "title"] } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:803456129837:table/reports",
      "Condition": { "ForAllValues:StringEquals": { "dynamodb:Attributes": ["id", "title"] },
                     "StringEquals": { "dynamodb:Select": "SPECIFIC_ATTRIBUTES" } } }
  ]
}"#,
        ),
        _ => return None,
    })
}
