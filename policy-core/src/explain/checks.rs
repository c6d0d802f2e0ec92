//! The explanations of the codes added for IAM Access Analyzer's checks (issue 13): what each
//! checks, why it matters, and a failing and a fixed example, tested like the others by
//! `explain.rs`'s tests.

use crate::diagnostic::Code;

use super::Entry;

/// The entry of a code of this file; `None` for the codes `explain.rs` explains itself.
pub(super) fn entry(code: Code) -> Option<Entry> {
    Some(match code {
        Code::InvalidArnAccount => (
            "that the account field of a resource ARN is a 12-digit account ID, `aws`, a wildcard or a variable, and empty where the service's ARNs have no account",
            "AWS rejects an ARN whose account is malformed; a mistyped account, with hyphens or a digit missing, names no account",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:8034-5612-9837:table/orders" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:803456129837:table/orders" }
  ]
}"#,
        ),
        Code::InvalidArnServiceCase => (
            "that the service field of a resource ARN is lowercase, as every AWS service namespace is",
            "ARNs are compared case-sensitively, so `DynamoDB` names no resource and the statement grants nothing",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:DynamoDB:us-east-1:803456129837:table/orders" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:803456129837:table/orders" }
  ]
}"#,
        ),
        Code::InvalidPartition => (
            "that the partition field of a resource ARN is an AWS partition: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`, `aws-iso-e`, `aws-iso-f` or `aws-eusc`",
            "an ARN in a partition that does not exist names no resource, and AWS rejects it",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:amazon:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::InvalidRegion => (
            "that the region field of a resource ARN is an AWS region code (from a vendored table; a region-shaped name the table lacks is a warning), and empty where the service's ARNs have no region",
            "an ARN with a mistyped region names no resource, and AWS rejects a region on resources that have none (IAM, S3 buckets)",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east:803456129837:table/orders" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:803456129837:table/orders" }
  ]
}"#,
        ),
        Code::InvalidTrustPolicyElement => (
            "that a role trust policy has no `Resource` or `NotResource`, no `NotPrincipal`, and no `\"Principal\": \"*\"`",
            "IAM rejects these elements in a role trust policy: its resource is the role itself, and it must name who may assume the role",
            "trust",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole", "Resource": "*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }
  ]
}"#,
        ),
        Code::DuplicateKeysWithDifferentCase => (
            "that no condition operator lists the same key twice in different cases",
            "condition keys ignore case, so the two are one key written twice, which AWS rejects; which values apply is ambiguous",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "StringEquals": { "aws:RequestedRegion": "eu-west-1", "aws:requestedregion": "eu-west-2" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "StringEquals": { "aws:RequestedRegion": ["eu-west-1", "eu-west-2"] } } }
  ]
}"#,
        ),
        Code::OidcWithoutCondition => (
            "that a trust statement allowing `sts:AssumeRoleWithWebIdentity` to an OIDC provider has a condition on that provider's claims (`HOST:aud`, `HOST:sub`, ...)",
            "without one, every identity the provider issues tokens for (every Google account, every app of the provider) may assume the role",
            "trust",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Federated": "accounts.google.com" }, "Action": "sts:AssumeRoleWithWebIdentity" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Federated": "accounts.google.com" }, "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": { "StringEquals": { "accounts.google.com:aud": "acme-reports.apps.googleusercontent.com" } } }
  ]
}"#,
        ),
        Code::GithubSubNotScoped => (
            "that a trust statement for GitHub Actions (`token.actions.githubusercontent.com`) has a `token.actions.githubusercontent.com:sub` condition, and that its subjects name one repository (no wildcard in `OWNER/REPO`) and no wildcard branch",
            "GitHub issues tokens to every workflow of every repository on GitHub: without a subject naming yours, anyone's workflow may assume the role",
            "trust",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::803456129837:oidc-provider/token.actions.githubusercontent.com" },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::803456129837:oidc-provider/token.actions.githubusercontent.com" },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
        "token.actions.githubusercontent.com:sub": "repo:acme/reports:ref:refs/heads/main" } } }
  ]
}"#,
        ),
        Code::ServicePrincipalWithoutSource => (
            "that a resource policy statement allowing a service principal has a condition on `aws:SourceArn`, `aws:SourceAccount`, `aws:SourceOrgID` or `aws:SourceOrgPaths`",
            "a service acts for every AWS customer: without a condition naming your resource or account, another customer can make the service use your resource (the confused deputy problem)",
            "resource",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Service": "s3.amazonaws.com" }, "Action": "sns:Publish",
      "Resource": "arn:aws:sns:us-east-1:803456129837:reports" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Service": "s3.amazonaws.com" }, "Action": "sns:Publish",
      "Resource": "arn:aws:sns:us-east-1:803456129837:reports",
      "Condition": { "StringEquals": { "aws:SourceAccount": "803456129837" } } }
  ]
}"#,
        ),
        Code::PrincipalKeyWithServicePrincipal => (
            "that a statement whose only principals are services has no condition on `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths` or `aws:PrincipalTag/...`",
            "AWS does not set these keys for service principals, so the condition never matches: an `Allow` grants nothing, a `Deny` with a negated operator denies everything",
            "resource",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Service": "s3.amazonaws.com" }, "Action": "sns:Publish",
      "Resource": "arn:aws:sns:us-east-1:803456129837:reports",
      "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-7kq2m9x4rt", "aws:SourceAccount": "803456129837" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Service": "s3.amazonaws.com" }, "Action": "sns:Publish",
      "Resource": "arn:aws:sns:us-east-1:803456129837:reports",
      "Condition": { "StringEquals": { "aws:SourceOrgID": "o-7kq2m9x4rt", "aws:SourceAccount": "803456129837" } } }
  ]
}"#,
        ),
        Code::ForAllValuesWithSingleValuedKey => (
            "that `ForAllValues:` is used only with multivalued keys (`ArrayOf...` types, such as `aws:TagKeys`)",
            "`ForAllValues:` is also true when the request has no value for the key, so on a single-valued key a restriction becomes \"this value, or no value\"",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "ForAllValues:StringEquals": { "aws:RequestedRegion": "eu-west-1" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "StringEquals": { "aws:RequestedRegion": "eu-west-1" } } }
  ]
}"#,
        ),
        Code::AllowWithNotPrincipal => (
            "that no `Allow` statement uses `NotPrincipal`",
            "`Allow` with `NotPrincipal` allows every principal except the listed ones, including anonymous users and every other account",
            "resource",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "NotPrincipal": { "AWS": "arn:aws:iam::803456129837:role/intruder" }, "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::803456129837:role/reporter" }, "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::CreateSlrWildcard => (
            "that `iam:CreateServiceLinkedRole` on every service-linked role (`*`, `arn:aws:iam::*:role/*`) has an `iam:AWSServiceName` condition",
            "without it the principal can create the service-linked role of any service, which grants that service's permissions in the account",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*",
      "Condition": { "StringEquals": { "iam:AWSServiceName": "elasticbeanstalk.amazonaws.com" } } }
  ]
}"#,
        ),
        Code::DenyWithUnsupportedTagKey => (
            "that every action of a `Deny` statement with an `aws:ResourceTag/...` condition supports that key (by the Service Authorization Reference); with `NotAction` or `*` the statement covers actions that do not",
            "for an action without `aws:ResourceTag`, the condition never matches, so the `Deny` meant to protect tagged resources silently does nothing for it",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Action": ["ec2:TerminateInstances", "ec2:DescribeInstances"], "Resource": "*",
      "Condition": { "StringEquals": { "aws:ResourceTag/env": "prod" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Action": "ec2:TerminateInstances", "Resource": "*",
      "Condition": { "StringEquals": { "aws:ResourceTag/env": "prod" } } }
  ]
}"#,
        ),
        Code::MissingPairedConditionKey => (
            "that `aws:VpcSourceIp` is used together with `aws:SourceVpc` or `aws:SourceVpce`",
            "private addresses repeat in every VPC, so an address alone lets requests from anyone's VPC with that range match",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "IpAddress": { "aws:VpcSourceIp": "10.0.0.0/16" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "IpAddress": { "aws:VpcSourceIp": "10.0.0.0/16" }, "StringEquals": { "aws:SourceVpc": "vpc-0c9a7e1d2b3f45678" } } }
  ]
}"#,
        ),
        Code::MultivaluedKeyWithoutQualifier => (
            "that a multivalued key (`ArrayOf...` types, such as `aws:TagKeys`) is compared with `ForAllValues:` or `ForAnyValue:`",
            "without a qualifier the operator compares the request's whole set of values as one, which matches only in special cases and rarely what was meant",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
      "Condition": { "StringEquals": { "aws:TagKeys": ["env", "team"] } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
      "Condition": { "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "team"] } } }
  ]
}"#,
        ),
        Code::WildcardWithoutLikeOperator => (
            "that values of `StringEquals`, `StringNotEquals` and their `IgnoreCase` forms hold no `*` or `?`",
            "those operators compare `*` and `?` as plain characters, so `reports/*` matches only the text `reports/*`; `StringLike` is what matches with wildcards",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-reports",
      "Condition": { "StringEquals": { "s3:prefix": "reports/*" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-reports",
      "Condition": { "StringLike": { "s3:prefix": "reports/*" } } }
  ]
}"#,
        ),
        Code::PrivateIpInSourceIp => (
            "that `aws:SourceIp` is not compared with a private range (RFC 1918 `10.0.0.0/8`, `172.16.0.0/12`, `192.168.0.0/16`, IPv6 `fc00::/7`)",
            "`aws:SourceIp` holds the public address of a request; requests from inside a VPC carry `aws:VpcSourceIp` instead, so the condition never matches",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "IpAddress": { "aws:SourceIp": "10.0.0.0/8" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "IpAddress": { "aws:SourceIp": "52.94.76.0/22" } } }
  ]
}"#,
        ),
        Code::BoolWithSeveralValues => (
            "that a `Bool` condition has one value",
            "with `true` and `false` the condition is true whenever the key is present, so it restricts nothing",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "Bool": { "aws:SecureTransport": ["true", "false"] } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "Bool": { "aws:SecureTransport": "true" } } }
  ]
}"#,
        ),
        Code::AllowWithUnsupportedTagKey => (
            "that every action of an `Allow` statement with an `aws:ResourceTag/...` condition supports that key (by the Service Authorization Reference)",
            "for an action without `aws:ResourceTag` the condition never matches, so the statement never allows it, which usually means a permission is missing",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:DescribeInstances"], "Resource": "*",
      "Condition": { "StringEquals": { "aws:ResourceTag/team": "reports" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*",
      "Condition": { "StringEquals": { "aws:ResourceTag/team": "reports" } } }
  ]
}"#,
        ),
        Code::VariableUnsupportedInElement => (
            "that no `${...}` policy variable appears in `Action`, `NotAction`, `Principal` or `NotPrincipal`",
            "IAM replaces policy variables only in `Resource` and in condition values; elsewhere `${aws:username}` is plain text, which names no action and no principal",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:${aws:PrincipalTag/extra-action}"], "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::MismatchedActionForPrincipal => (
            "that a trust policy allows a SAML provider `sts:AssumeRoleWithSAML` and an OIDC provider `sts:AssumeRoleWithWebIdentity`, not the other one's action",
            "a SAML provider never calls `sts:AssumeRoleWithWebIdentity` (nor an OIDC provider `sts:AssumeRoleWithSAML`), so no one can assume the role through the statement",
            "trust",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::803456129837:saml-provider/Okta" },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": { "StringEquals": { "SAML:aud": "https://signin.aws.amazon.com/saml" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::803456129837:saml-provider/Okta" },
      "Action": "sts:AssumeRoleWithSAML",
      "Condition": { "StringEquals": { "SAML:aud": "https://signin.aws.amazon.com/saml" } } }
  ]
}"#,
        ),
        Code::RolesAnywhereMissingAction => (
            "that a trust policy naming `rolesanywhere.amazonaws.com` allows it `sts:AssumeRole`, `sts:TagSession` and `sts:SetSourceIdentity`",
            "IAM Roles Anywhere needs all three to create a session; without one, every `CreateSession` for the role fails",
            "trust",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Service": "rolesanywhere.amazonaws.com" },
      "Action": "sts:AssumeRole" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Service": "rolesanywhere.amazonaws.com" },
      "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"] }
  ]
}"#,
        ),
        Code::EmptySid => (
            "that a `Sid`, when present, is not the empty string",
            "a `Sid` is optional; an empty one names nothing and usually means a name was meant",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "ReadReports", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::NullWithQualifier => (
            "that `Null` is not written with `ForAllValues:` or `ForAnyValue:`",
            "`Null` tests whether a key is present; under `ForAllValues:` the condition is always true and under `ForAnyValue:` always false",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "ForAnyValue:Null": { "aws:SourceVpc": "false" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "Null": { "aws:SourceVpc": "false" } } }
  ]
}"#,
        ),
        Code::RedundantConditionValue => (
            "that no value of a `Numeric*Than*` or `IpAddress`/`NotIpAddress` condition is covered by another value of the same key",
            "the values of a key are alternatives: under `NumericLessThan` only the greatest counts, and a range inside another range adds nothing, so the extra values only mislead the reader",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": ["2700", "3600"] } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": "3600" } } }
  ]
}"#,
        ),
        Code::ImproveIpRange => (
            "that a CIDR range in an `IpAddress`/`NotIpAddress` condition has no bits set after its prefix",
            "IAM ignores the bits after the prefix, so `54.240.143.7/24` is `54.240.143.0/24`: the range is wider than it looks",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "IpAddress": { "aws:SourceIp": "54.240.143.7/24" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "IpAddress": { "aws:SourceIp": "54.240.143.0/24" } } }
  ]
}"#,
        ),
        Code::RedundantStatement => (
            "that no statement is contained in another of the same effect, principal and condition (all its actions and resources covered by the other's)",
            "the redundant statement can be removed without changing the policy; kept, an edit to one copy alone later changes what the policy allows",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "ReadReports", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" },
    { "Sid": "ReadQuarterly", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/quarterly/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "ReadReports", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::PrincipalUniqueId => (
            "that an `AWS` principal is an account or an ARN, not an IAM unique ID (`AROA...` for a role, `AIDA...` for a user)",
            "IAM stores principal ARNs as unique IDs and shows the ID when the role or user was deleted: the statement names no one, and a role recreated with the same name does not match it",
            "resource",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": "AROA5JZQX7TKW4NMR2HXB" },
      "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::803456129837:role/reports-reader" },
      "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::WildcardInServiceName => (
            "that the service prefix of an action and the service field of a resource ARN hold no partial wildcard (`*code*`)",
            "a wildcard inside a service name matches every service whose name fits, including services AWS adds later",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "codecommit:GitPull", "Resource": "arn:aws:*code*:us-east-1:803456129837:*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "codecommit:GitPull", "Resource": "arn:aws:codecommit:us-east-1:803456129837:*" }
  ]
}"#,
        ),
        Code::VariableUnsupportedForOperator => (
            "that policy variables (`${aws:username}`) stand only in `String*` and `Arn*` condition values",
            "IAM replaces a policy variable in `Resource` and in string and ARN conditions only; under `Numeric*`, `Date*`, `Bool`, `BinaryEquals`, `IpAddress` or `Null` the value is the text `${...}` itself, so the condition cannot compare what was meant (AWS's policy variables page, and Access Analyzer's `INVALID_VARIABLE_FOR_OPERATOR`)",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "DateLessThan": { "aws:CurrentTime": "${aws:TokenIssueTime}" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/${aws:username}/*",
      "Condition": { "DateLessThan": { "aws:CurrentTime": "2027-01-01T00:00:00Z" } } }
  ]
}"#,
        ),
        Code::EpochDateValue => (
            "that a `Date*` condition value is a W3C date (`2026-07-16T00:00:00Z`) rather than a Unix epoch number",
            "AWS accepts epoch seconds but recommends dates, which say plainly when the condition starts or stops matching",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "DateLessThan": { "aws:CurrentTime": "1798761600" } } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "DateLessThan": { "aws:CurrentTime": "2027-01-01T00:00:00Z" } } }
  ]
}"#,
        ),
        _ => return None,
    })
}
