//! What each diagnostic code means, with a failing and a fixed example: the one source of the
//! texts of `policy explain CODE`, the SARIF rules and the documentation.
//!
//! A test runs every example through [`Policy::from_json`](crate::Policy) and the validator:
//! the failing one must produce its code and the fixed one must not, so that the text and the
//! rules cannot drift apart.

use std::borrow::Cow;

use crate::diagnostic::Code;

mod checks;

/// The explanation of a [`Code`].
///
/// ```
/// use typed_iam_core::Code;
/// let explanation = Code::UnknownAction.explanation();
/// assert!(explanation.failing.contains("s3:GetObjet"));
/// assert_eq!(explanation.access_analyzer, Some("INVALID_ACTION"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Explanation {
    /// The code explained.
    pub code: Code,
    /// What the rule checks.
    pub checks: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// The kind of policy the examples are checked as: `identity`, `resource`, `trust`, `scp`.
    pub kind: &'static str,
    /// A policy that gets this code.
    pub failing: Cow<'static, str>,
    /// The same policy, fixed: it does not get this code.
    pub fixed: Cow<'static, str>,
    /// The nearest IAM Access Analyzer policy check, by its issue code, where one exists
    /// ([`Code::access_analyzer`]).
    pub access_analyzer: Option<&'static str>,
}

impl Code {
    /// What this code means, why it matters, and a failing and a fixed example.
    pub fn explanation(self) -> Explanation {
        let (checks, why, kind, failing, fixed) = entry(self);
        let (failing, fixed) = match self {
            Code::PolicyTooLarge => (Cow::Owned(large_policy(400)), Cow::Owned(large_policy(20))),
            _ => (Cow::Borrowed(failing), Cow::Borrowed(fixed)),
        };
        Explanation {
            code: self,
            checks,
            why,
            kind,
            failing,
            fixed,
            access_analyzer: self.access_analyzer(),
        }
    }
}

/// An identity policy that reads `count` S3 prefixes, one resource each.
fn large_policy(count: usize) -> String {
    let resources: Vec<String> = (0..count)
        .map(|index| format!("        \"arn:aws:s3:::acme-reports/team-{index:04}/*\""))
        .collect();
    format!(
        "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {{\n      \"Effect\": \"Allow\",\n      \"Action\": \"s3:GetObject\",\n      \"Resource\": [\n{}\n      ]\n    }}\n  ]\n}}",
        resources.join(",\n")
    )
}

pub(crate) type Entry = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

// The examples use `acme-reports` and account `803456129837` rather than AWS's documentation
// values (`DOC-EXAMPLE-BUCKET`, `111122223333`), which are themselves `placeholder-value`.
fn entry(code: Code) -> Entry {
    if let Some(entry) = checks::entry(code) {
        return entry;
    }
    match code {
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
        // The codes of `checks.rs`, answered above.
        _ => ("", "", "identity", "", ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{validate, Context, Policy, PolicyKind};

    /// The codes a policy text gets: the reader's when it cannot be read, else the validator's.
    fn codes(text: &str, kind: &str) -> Vec<Code> {
        let kind: PolicyKind = kind.parse().unwrap();
        match Policy::from_json(text) {
            Ok(policy) => validate(&policy, &Context::new(kind))
                .into_iter()
                .map(|diagnostic| diagnostic.code)
                .collect(),
            Err(error) => error.diagnostics().iter().map(|d| d.code).collect(),
        }
    }

    #[test]
    fn every_failing_example_fails_and_every_fixed_one_does_not() {
        let mut wrong = Vec::new();
        for &code in Code::ALL {
            let explanation = code.explanation();
            let failing = codes(&explanation.failing, explanation.kind);
            if !failing.contains(&code) {
                wrong.push(format!("{code}: failing example gives {failing:?}"));
            }
            let fixed = codes(&explanation.fixed, explanation.kind);
            if !fixed.is_empty() {
                wrong.push(format!("{code}: fixed example gives {fixed:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn every_explanation_is_written() {
        for &code in Code::ALL {
            let explanation = code.explanation();
            assert_eq!(explanation.code, code);
            assert!(
                !explanation.checks.is_empty() && !explanation.why.is_empty(),
                "{code}"
            );
            assert!(
                !explanation.checks.ends_with('.'),
                "{code}: rustc's voice, no final period"
            );
        }
    }
}
