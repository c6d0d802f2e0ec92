//! The explanations of the codes that are errors by default: what the reader rejects, unknown
//! names, malformed ARNs and principals, `Sid`s and size.

use super::Entry;
use crate::diagnostic::Code;

pub(super) fn entry(code: Code) -> Option<Entry> {
    Some(match code {
        Code::InvalidJson => (
            "that the text is JSON: balanced brackets, quoted keys, commas between items and none after the last",
            "AWS rejects a policy that is not JSON, and no other rule can look at it until it is",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*", }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::DuplicateJsonKey => (
            "that no JSON object has the same key twice",
            "JSON readers keep either the first or the last of two equal keys, so a duplicated `Effect` or `Resource` means whatever the reader chooses; it is almost always a merge or copy mistake",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*", "Effect": "Deny" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::InvalidType => (
            "that each element has the JSON type IAM expects: strings for `Effect`, `Sid` and actions, a string or an array of strings for `Action` and `Resource`, an object for `Condition`",
            "AWS rejects a policy with a value of the wrong type",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": 42, "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::UnknownElement => (
            "that every key of the policy and of its statements is an element IAM defines (`Version`, `Id`, `Statement`; `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource`, `Condition`)",
            "AWS rejects unknown elements; a misspelt element (`Resources`) also means the element you meant is missing",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resources": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::MissingStatement => (
            "that the policy has a `Statement` element",
            "a policy without statements grants and denies nothing; AWS rejects it",
            "identity",
            r#"{
  "Version": "2012-10-17"
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::EmptyStatement => (
            "that statements and the lists in them (`Action`, `Resource`, condition values) are not empty",
            "an empty list matches nothing, so the statement has no effect (or AWS rejects it); it usually means a template was not filled in",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": [], "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::InvalidVersion => (
            "that `Version` is `2012-10-17` or `2008-10-17`, the only two policy language versions",
            "AWS rejects any other version; `Version` is not the date the policy was written",
            "identity",
            r#"{
  "Version": "2024-01-01",
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
        Code::InvalidEffect => (
            "that `Effect` is `Allow` or `Deny`, spelt exactly so",
            "AWS rejects any other effect",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Permit", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::MissingEffect => (
            "that every statement has an `Effect`",
            "without it the statement neither allows nor denies; AWS rejects it",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::MissingAction => (
            "that every statement has an `Action` or a `NotAction`",
            "a statement without actions applies to nothing; AWS rejects it",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::ActionAndNotAction => (
            "that no statement has both `Action` and `NotAction`",
            "the two are exclusive ways of naming actions; AWS rejects a statement with both",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "NotAction": "s3:DeleteObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::MissingResource => (
            "that every statement of an identity policy (or SCP allow) has a `Resource` or `NotResource`",
            "in an identity policy the resource is not implied by where the policy is attached, so AWS rejects a statement without one",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::ResourceAndNotResource => (
            "that no statement has both `Resource` and `NotResource`",
            "the two are exclusive ways of naming resources; AWS rejects a statement with both",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*", "NotResource": "arn:aws:s3:::acme-reports/private/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::UnknownService => (
            "that the service prefix of each action (`s3` in `s3:GetObject`) is an AWS service in the catalog",
            "an action of a service that does not exist matches no request: the statement silently grants or denies nothing",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s4:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::UnknownAction => (
            "that each action names an action its service defines (ignoring case, as IAM does)",
            "a misspelt action matches no request: an allow grants nothing and, worse, a deny protects nothing",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObjet", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::WildcardMatchesNothing => (
            "that an action pattern with `*` or `?` matches at least one action of its service",
            "a pattern that matches nothing is a typo or names an action that does not exist; the statement has no effect",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:Fetch*", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject*", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::InvalidAction => (
            "that each action has the form `service:Action` (or is `*`)",
            "IAM only matches actions of that form; anything else is rejected or matches nothing",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::MalformedArn => (
            "that each resource is `*` or an ARN with six parts: `arn:partition:service:region:account:resource`",
            "AWS rejects a resource that is not an ARN; a bucket name alone is not one",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::UnknownConditionOperator => (
            "that each condition operator is one IAM defines (`StringEquals`, `ArnLike`, `DateLessThan`, ..., with `ForAllValues:`, `ForAnyValue:` and `IfExists`)",
            "AWS rejects an unknown operator",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "StringEqual": { "aws:PrincipalTag/team": "reports" } }
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
      "Condition": { "StringEquals": { "aws:PrincipalTag/team": "reports" } }
    }
  ]
}"#,
        ),
        Code::UnknownConditionKey => (
            "that each condition key is a global key (`aws:...`) or a key some AWS service defines",
            "a key that no request carries is never present: the condition is false (or, with `IfExists`, always true), whatever was intended",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "Bool": { "aws:SecureTransprt": "true" } }
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
      "Condition": { "Bool": { "aws:SecureTransport": "true" } }
    }
  ]
}"#,
        ),
        Code::ConditionValueMismatch => (
            "that each condition value is what its operator compares: an ISO 8601 date for `Date*`, a number for `Numeric*`, `true` or `false` for `Bool`, an IP address or CIDR range for `IpAddress`, an ARN for `Arn*`",
            "a value of the wrong form never matches, so the condition is always false (an allow never applies, a deny never protects)",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "DateLessThan": { "aws:CurrentTime": "next tuesday" } }
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
      "Condition": { "DateLessThan": { "aws:CurrentTime": "2030-01-01T00:00:00Z" } }
    }
  ]
}"#,
        ),
        Code::UnknownPolicyVariable => (
            "that each `${...}` policy variable in a resource or condition value names a known condition key (or is `${*}`, `${?}` or `${$}`)",
            "an unknown variable is never replaced, so the ARN or value never matches",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/home/${aws:usrname}/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/home/${aws:username}/*" }
  ]
}"#,
        ),
        Code::PrincipalInIdentityPolicy => (
            "that an identity policy has no `Principal` or `NotPrincipal`",
            "an identity policy applies to the user, group or role it is attached to; AWS rejects a principal in it (it belongs in a resource or trust policy)",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::803456129837:root" },
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*"
    }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::MissingPrincipal => (
            "that every statement of a resource or trust policy has a `Principal` or `NotPrincipal`",
            "a resource policy must say whom it applies to; AWS rejects a statement without a principal",
            "resource",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::803456129837:root" },
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*"
    }
  ]
}"#,
        ),
        Code::InvalidPrincipal => (
            "that each principal is `*`, a 12-digit account ID, an IAM ARN, a service principal (`bedrock.amazonaws.com`), a federated provider or a canonical user ID, under the right key (`AWS`, `Service`, `Federated`, `CanonicalUser`)",
            "AWS rejects a principal it cannot resolve",
            "resource",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "reports-team" },
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*"
    }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::803456129837:role/reports-team" },
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-reports/*"
    }
  ]
}"#,
        ),
        Code::DuplicateSid => (
            "that no two statements share a `Sid`",
            "AWS rejects duplicate statement IDs in most kinds of policies, and tools that address statements by `Sid` pick one at random",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Reports", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" },
    { "Sid": "Reports", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-reports" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "ReadReports", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" },
    { "Sid": "ListReports", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-reports" }
  ]
}"#,
        ),
        Code::InvalidSid => (
            "that a `Sid` uses only the characters its kind of policy allows (letters and digits in identity policies and SCPs)",
            "AWS rejects the policy when it is attached",
            "identity",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "read reports", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "ReadReports", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
        ),
        Code::PolicyTooLarge => (
            "that the policy, without whitespace, fits its kind's size limit (6,144 characters for a managed identity policy, 5,120 for an SCP, 20 KB for an S3 bucket policy, ...)",
            "AWS rejects a policy over its limit when it is attached; where the limit is only a default quota that can be raised, this is a warning",
            "identity",
            "",
            "",
        ),
        Code::FederatedPrincipalNotSupported => (
            "that a resource policy other than a role trust policy has no `Federated` principal",
            "identity providers (SAML, OIDC, Amazon Cognito) are principals in role trust policies only; their users act through the role they assume, which is the principal to name elsewhere",
            "resource",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Principal": { "Federated": "arn:aws:iam::803456129837:saml-provider/Okta" } }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*",
      "Principal": { "AWS": "arn:aws:iam::803456129837:role/okta-readers" } }
  ]
}"#,
        ),
        Code::InvalidRcpElement => (
            "that a resource control policy names all principals (`\"Principal\": \"*\"`, no `NotPrincipal`), uses no `NotAction`, and that its `Allow` statements apply to all resources (`\"Resource\": \"*\"`) without a `Condition`",
            "AWS Organizations rejects such an RCP: RCPs restrict access with `Deny` statements, and their one kind of `Allow` is the default that allows everything",
            "rcp",
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}"#,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::acme-reports/*",
      "Condition": { "StringNotEqualsIfExists": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" },
                     "BoolIfExists": { "aws:PrincipalIsAWSService": "false" } } }
  ]
}"#,
        ),
        _ => return None,
    })
}
