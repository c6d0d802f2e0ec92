//! One test per code: a minimal bad policy, asserting code, location and message.

use super::*;
use crate::model::*;
use crate::{Segment, Severity};

/// Reads a policy (the JSON reader is tested on its own).
pub(crate) fn policy(json: &str) -> Policy {
    Policy::from_json(json).unwrap()
}

/// Reads a statement fragment.
pub(crate) fn statement(json: &str) -> Statement {
    Statement::from_json(json).unwrap()
}

/// Parses a location written like `Statement[0].Action[1]` or `Statement[0].Condition.X."a:b"[0]`.
pub(crate) fn at(path: &str) -> Location {
    let mut location = Location::root();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']').unwrap();
            location = location.index(after[..close].parse().unwrap());
            rest = &after[close + 1..];
        } else {
            let rest1 = rest.strip_prefix('.').unwrap_or(rest);
            if let Some(quoted) = rest1.strip_prefix('"') {
                let close = quoted.find('"').unwrap();
                location = location.key(&quoted[..close]);
                rest = &quoted[close + 1..];
            } else {
                let end = rest1.find(['.', '[']).unwrap_or(rest1.len());
                location = location.key(&rest1[..end]);
                rest = &rest1[end..];
            }
        }
    }
    location
}

/// The findings with `code`.
fn with_code(findings: &[Diagnostic], code: Code) -> Vec<&Diagnostic> {
    findings.iter().filter(|d| d.code == code).collect()
}

/// Asserts exactly one finding of `code`, at `path`, with `message`; returns it.
#[track_caller]
pub(crate) fn expect_one(
    findings: &[Diagnostic],
    code: Code,
    path: &str,
    message: &str,
) -> Diagnostic {
    let found = with_code(findings, code);
    assert_eq!(found.len(), 1, "expected one `{code}` in {findings:#?}");
    let d = found[0].clone();
    assert_eq!(d.location, at(path), "location of {d:#?}");
    assert_eq!(d.message, message);
    assert_eq!(d.severity, code.default_severity());
    d
}

fn identity(json: &str) -> Vec<Diagnostic> {
    validate(&policy(json), &Context::identity())
}

#[test]
fn location_helper_reads_paths() {
    let location = at("Statement[0].Condition.StringEquals.\"aws:SourceAccount\"[0]");
    assert_eq!(
        location,
        Location::root()
            .key("Statement")
            .index(0)
            .key("Condition")
            .key("StringEquals")
            .key("aws:SourceAccount")
            .index(0)
    );
    assert!(matches!(location.segments()[0], Segment::Key(_)));
}

#[test]
fn empty_statement() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":"*"}]}"#,
    );
    expect_one(
        &findings,
        Code::EmptyStatement,
        "Statement[0].Action",
        "`Action` is empty",
    );
    let findings = identity(r#"{"Version":"2012-10-17","Statement":[]}"#);
    expect_one(
        &findings,
        Code::EmptyStatement,
        "Statement",
        "`Statement` is empty",
    );
}

#[test]
fn missing_action() {
    let findings =
        identity(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}"#);
    expect_one(
        &findings,
        Code::MissingAction,
        "Statement[0]",
        "statement has neither `Action` nor `NotAction`",
    );
}

#[test]
fn missing_resource_depends_on_kind() {
    let json =
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}"#;
    let findings = identity(json);
    expect_one(
        &findings,
        Code::MissingResource,
        "Statement[0]",
        "statement has neither `Resource` nor `NotResource`",
    );
    let scp = validate(&policy(json), &Context::scp());
    assert_eq!(
        with_code(&scp, Code::MissingResource)[0].severity,
        Severity::Warning
    );
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    assert!(with_code(
        &validate(&policy(trust), &Context::trust()),
        Code::MissingResource
    )
    .is_empty());
    // A fragment may get its Resource later.
    let fragment = statement(r#"{"Effect":"Allow","Action":"s3:GetObject"}"#);
    assert!(validate_statement(&fragment, &Context::identity()).is_empty());
}

#[test]
fn missing_version() {
    let findings =
        identity(r#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#);
    let d = expect_one(
        &findings,
        Code::MissingVersion,
        "",
        "policy has no `Version`, so policy variables such as `${aws:username}` are plain text",
    );
    assert_eq!(d.suggestion.as_deref(), Some("2012-10-17"));
}

#[test]
fn old_version() {
    let findings = identity(
        r#"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
    );
    expect_one(
        &findings,
        Code::OldVersion,
        "Version",
        "`Version` `2008-10-17` is outdated: policy variables such as `${aws:username}` are plain text in it",
    );
}

#[test]
fn duplicate_sid() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[
            {"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
            {"Sid":"Read","Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}"#,
    );
    expect_one(
        &findings,
        Code::DuplicateSid,
        "Statement[1].Sid",
        "duplicate `Sid` `Read`",
    );
}

#[test]
fn invalid_sid_depends_on_kind() {
    let json = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Allow use of the key","Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"kms:Decrypt","Resource":"*"}]}"#;
    let findings = validate(
        &policy(json),
        &Context::scp().allow(Code::PrincipalInIdentityPolicy),
    );
    let d = expect_one(
        &findings,
        Code::InvalidSid,
        "Statement[0].Sid",
        "`Sid` `Allow use of the key` has the character ' ', which no service control policy allows",
    );
    assert_eq!(d.suggestion.as_deref(), Some("Allowuseofthekey"));
    assert!(validate(&policy(json), &Context::resource()).is_empty());
}

#[test]
fn principal_in_identity_policy() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"#,
    );
    expect_one(
        &findings,
        Code::PrincipalInIdentityPolicy,
        "Statement[0].Principal",
        "`Principal` in an identity policy",
    );
}

#[test]
fn missing_principal() {
    let json = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}"#;
    let findings = validate(&policy(json), &Context::resource());
    expect_one(
        &findings,
        Code::MissingPrincipal,
        "Statement[0]",
        "statement of a resource policy has neither `Principal` nor `NotPrincipal`",
    );
}

#[test]
fn invalid_principal() {
    let json = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::12345:role/x"]},"Action":"sts:AssumeRole"}]}"#;
    let findings = validate(&policy(json), &Context::trust());
    expect_one(
        &findings,
        Code::InvalidPrincipal,
        "Statement[0].Principal.AWS[1]",
        "invalid `AWS` principal `arn:aws:iam::12345:role/x`: the account field of a principal ARN has 12 digits",
    );
}

#[test]
fn invalid_action() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3GetObject"],"Resource":"*"}]}"#,
    );
    expect_one(
        &findings,
        Code::InvalidAction,
        "Statement[0].Action[1]",
        "invalid action `s3GetObject`: not of the form `service:Action`",
    );
}

#[test]
fn duplicate_action() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:getobject"],"Resource":"*"}]}"#,
    );
    expect_one(
        &findings,
        Code::DuplicateAction,
        "Statement[0].Action[1]",
        "duplicate action `s3:getobject`",
    );
}

#[test]
fn redundant_action() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:Get*"],"Resource":"*"}]}"#,
    );
    expect_one(
        &findings,
        Code::RedundantAction,
        "Statement[0].Action[0]",
        "action `s3:GetObject` is already covered by `s3:Get*`",
    );
}

#[test]
fn malformed_arn() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["*","arn:aws:s3:bucket"]}]}"#,
    );
    expect_one(
        &findings,
        Code::MalformedArn,
        "Statement[0].Resource[1]",
        "malformed ARN `arn:aws:s3:bucket`: it has 4 of the 6 fields separated by `:`",
    );
}

#[test]
fn duplicate_resource() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*","arn:aws:s3:::b/*"]}]}"#,
    );
    expect_one(
        &findings,
        Code::DuplicateResource,
        "Statement[0].Resource[1]",
        "duplicate resource `arn:aws:s3:::b/*`",
    );
}

#[test]
fn redundant_resource() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/x","arn:aws:s3:::b/*"]}]}"#,
    );
    expect_one(
        &findings,
        Code::RedundantResource,
        "Statement[0].Resource[0]",
        "resource `arn:aws:s3:::b/x` is already covered by `arn:aws:s3:::b/*`",
    );
}

#[test]
fn placeholder_value() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:account-id:key/1"}]}"#,
    );
    expect_one(
        &findings,
        Code::PlaceholderValue,
        "Statement[0].Resource[0]",
        "`account-id` looks like a documentation placeholder for an account ID",
    );
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"bedrock.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"account-id"}}}]}"#;
    let findings = validate(&policy(trust), &Context::trust());
    expect_one(
        &findings,
        Code::PlaceholderValue,
        "Statement[0].Condition.StringEquals.\"aws:SourceAccount\"[0]",
        "`account-id` looks like a documentation placeholder for an account ID",
    );
}

#[test]
fn admin_access() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    );
    expect_one(
        &findings,
        Code::AdminAccess,
        "Statement[0].Action[0]",
        "statement allows every action on every resource",
    );
    assert_eq!(findings.len(), 1, "{findings:#?}");
}

#[test]
fn pass_role_wildcard() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","iam:Pass*"],"Resource":"*"}]}"#,
    );
    expect_one(
        &findings,
        Code::PassRoleWildcard,
        "Statement[0].Action[1]",
        "`iam:Pass*` allows `iam:PassRole` on every role, to any service",
    );
    let guarded = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}}}]}"#,
    );
    assert!(with_code(&guarded, Code::PassRoleWildcard).is_empty());
}

#[test]
fn allow_not_action() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}"#,
    );
    expect_one(
        &findings,
        Code::AllowNotAction,
        "Statement[0].NotAction",
        "`Allow` with `NotAction` allows every other action, including ones AWS adds later",
    );
}

#[test]
fn allow_not_resource() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::secret/*"}]}"#,
    );
    expect_one(
        &findings,
        Code::AllowNotResource,
        "Statement[0].NotResource",
        "`Allow` with `NotResource` allows every other resource, including ones created later",
    );
}

#[test]
fn allowed_codes_are_dropped_and_output_is_sorted() {
    let json = r#"{"Statement":[{"Effect":"Allow","Action":["*","s3:GetObject"],"Resource":"*"}]}"#;
    let findings = identity(json);
    let codes: Vec<Code> = findings.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        vec![
            Code::MissingVersion,
            Code::AdminAccess,
            Code::RedundantAction
        ]
    );
    let quiet = validate(
        &policy(json),
        &Context::identity().allow(Code::RedundantAction),
    );
    assert!(with_code(&quiet, Code::RedundantAction).is_empty());
    assert_eq!(quiet.len(), 2);
}

#[test]
fn infer_kind() {
    let resource = policy(
        r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"#,
    );
    assert_eq!(Context::infer(&resource).kind(), PolicyKind::Resource);
    let trust = policy(
        r#"{"Statement":[{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"#,
    );
    assert_eq!(Context::infer(&trust).kind(), PolicyKind::Trust);
    let identity =
        policy(r#"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#);
    assert_eq!(Context::infer(&identity).kind(), PolicyKind::Identity);
}

#[test]
fn policy_kind_names() {
    for kind in PolicyKind::ALL {
        assert_eq!(kind.as_str().parse::<PolicyKind>(), Ok(*kind));
    }
    let error = "trus".parse::<PolicyKind>().unwrap_err();
    assert_eq!(error.suggestion.as_deref(), Some("trust"));
    assert_eq!(error.to_string(), "invalid policy kind `trus`");
    assert_eq!(error.help().as_deref(), Some("did you mean `trust`?"));
    for target in SizeTarget::ALL {
        assert_eq!(target.as_str().parse::<SizeTarget>(), Ok(*target));
        assert_eq!(target.to_string(), target.as_str());
    }
    let error = "managed_polcy".parse::<SizeTarget>().unwrap_err();
    assert_eq!(error.text, "managed_polcy");
    assert_eq!(error.suggestion.as_deref(), Some("managed-policy"));
}

#[test]
fn size_targets() {
    assert_eq!(SizeTarget::ManagedPolicy.limit(), 6_144);
    assert_eq!(SizeTarget::RoleInline.limit(), 10_240);
    assert_eq!(SizeTarget::UserInline.limit(), 2_048);
    assert_eq!(SizeTarget::GroupInline.limit(), 5_120);
    assert_eq!(SizeTarget::TrustPolicy.limit(), 2_048);
    assert_eq!(SizeTarget::ServiceControlPolicy.limit(), 5_120);
    assert!(!SizeTarget::TrustPolicy.is_hard());
    assert!(SizeTarget::ManagedPolicy.is_hard());
}

#[test]
fn unknown_service() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrok:InvokeModel","Resource":"*"}]}"#,
    );
    let d = expect_one(
        &findings,
        Code::UnknownService,
        "Statement[0].Action[0]",
        "unknown service `bedrok` in action `bedrok:InvokeModel`",
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `bedrock`?"));
    assert_eq!(d.suggestion.as_deref(), Some("bedrock:InvokeModel"));
}

#[test]
fn unknown_action() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["bedrock:CreateEvalutionJob"],"Resource":"*"}]}"#,
    );
    let d = expect_one(
        &findings,
        Code::UnknownAction,
        "Statement[0].Action[0]",
        "unknown action `CreateEvalutionJob` in service `bedrock`",
    );
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `CreateEvaluationJob`?")
    );
    assert_eq!(d.suggestion.as_deref(), Some("bedrock:CreateEvaluationJob"));
}

#[test]
fn retired_action_is_unknown_with_its_own_message() {
    let retired = catalog::index::catalog()
        .retired_actions()
        .find(|retired| retired.last_seen_date().is_empty())
        .expect("the catalog records retired actions without a date");
    let json = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"{}","Resource":"*"}}]}}"#,
        retired.full_name()
    );
    let findings = identity(&json);
    expect_one(
        &findings,
        Code::UnknownAction,
        "Statement[0].Action[0]",
        &format!(
            "action `{}` was retired by AWS (last seen in catalog version {})",
            retired.full_name(),
            retired.last_seen()
        ),
    );
}

#[test]
fn wildcard_matches_nothing() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Frobnicate*","Resource":"*"}]}"#,
    );
    expect_one(
        &findings,
        Code::WildcardMatchesNothing,
        "Statement[0].Action[0]",
        "`s3:Frobnicate*` matches no action of service `s3`",
    );
}

#[test]
fn action_case() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:getobject","Resource":"*"}]}"#,
    );
    let d = expect_one(
        &findings,
        Code::ActionCase,
        "Statement[0].Action[0]",
        "action `s3:getobject` is spelled `s3:GetObject` by AWS",
    );
    assert_eq!(d.suggestion.as_deref(), Some("s3:GetObject"));
}

#[test]
fn resource_type_mismatch() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListAllMyBuckets"],"Resource":["arn:aws:s3:::bucket/*","arn:aws:dynamodb:us-east-1:123456789012:table/t"]}]}"#,
    );
    expect_one(
        &findings,
        Code::ResourceTypeMismatch,
        "Statement[0].Resource[1]",
        "no action of this statement applies to resource `arn:aws:dynamodb:us-east-1:123456789012:table/t`",
    );
    // An action that takes no resource type needs `*`; `*` is never a mismatch.
    let list = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":["*","arn:aws:s3:::bucket"]}]}"#,
    );
    expect_one(
        &list,
        Code::ResourceTypeMismatch,
        "Statement[0].Resource[1]",
        "no action of this statement applies to resource `arn:aws:s3:::bucket`",
    );
    // AWS-owned resources (account `aws`) match.
    let owned = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetPolicy","Resource":"arn:aws:iam::aws:policy/ReadOnlyAccess"}]}"#,
    );
    assert!(owned.is_empty(), "{owned:#?}");
    // Public SSM documents have no account: an explicit resource part is accepted without one.
    let public = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"arn:aws:ssm:*::document/AWS-RunShellScript"}]}"#,
    );
    assert!(public.is_empty(), "{public:#?}");
    // A wildcard resource part does not stand for a missing account, nor does a wildcard
    // region stretch over the resource part.
    for arn in [
        "arn:*:kms:*:::*",
        "arn:aws:kms:*::*",
        "arn:aws:kms:*:*:alias/x",
    ] {
        let text = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"kms:Decrypt","Resource":"{arn}"}}]}}"#
        );
        let findings = identity(&text);
        expect_one(
            &findings,
            Code::ResourceTypeMismatch,
            "Statement[0].Resource[0]",
            &format!("no action of this statement applies to resource `{arn}`"),
        );
    }
    let key = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:*:*:key/*"}]}"#,
    );
    assert!(key.is_empty(), "{key:#?}");
}

#[test]
fn unknown_condition_operator() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEqual":{"aws:SourceAccount":"123456789012"}}}]}"#,
    );
    let d = expect_one(
        &findings,
        Code::UnknownConditionOperator,
        "Statement[0].Condition.StringEqual",
        "unknown condition operator `StringEqual`",
    );
    assert_eq!(d.suggestion.as_deref(), Some("StringEquals"));
}

#[test]
fn unknown_condition_key() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccont":"123456789012"}}}]}"#,
    );
    let d = expect_one(
        &findings,
        Code::UnknownConditionKey,
        "Statement[0].Condition.StringEquals.\"aws:SourceAccont\"",
        "unknown condition key `aws:SourceAccont`",
    );
    assert_eq!(d.suggestion.as_deref(), Some("aws:SourceAccount"));
    // Tag-key templates resolve.
    let tags = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"a"}}}]}"#,
    );
    assert!(tags.is_empty(), "{tags:#?}");
}

#[test]
fn condition_operator_mismatch() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"NumericLessThan":{"aws:SourceIp":"10"}}}]}"#,
    );
    expect_one(
        &findings,
        Code::ConditionOperatorMismatch,
        "Statement[0].Condition.NumericLessThan.\"aws:SourceIp\"",
        "condition key `aws:SourceIp` has IP address values, which `NumericLessThan` does not compare",
    );
    // String operators on ARN keys are fine.
    let arn = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:SourceArn":"arn:aws:s3:::b"}}}]}"#,
    );
    assert!(arn.is_empty(), "{arn:#?}");
}

#[test]
fn condition_value_mismatch() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":["2024-01-01T00:00:00Z","yesterday"]}}}]}"#,
    );
    expect_one(
        &findings,
        Code::ConditionValueMismatch,
        "Statement[0].Condition.DateGreaterThan.\"aws:CurrentTime\"[1]",
        "`DateGreaterThan` needs an ISO 8601 date such as `2024-01-31T00:00:00Z`, or epoch seconds, not `yesterday`",
    );
    let null = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Null":{"aws:SourceIp":"maybe"}}}]}"#,
    );
    expect_one(
        &null,
        Code::ConditionValueMismatch,
        "Statement[0].Condition.Null.\"aws:SourceIp\"[0]",
        "`Null` needs `true` or `false`, not `maybe`",
    );
}

#[test]
fn unknown_policy_variable() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/${aws:usrname}/*"}]}"#,
    );
    let d = expect_one(
        &findings,
        Code::UnknownPolicyVariable,
        "Statement[0].Resource[0]",
        "unknown policy variable `${aws:usrname}`",
    );
    assert_eq!(
        d.suggestion.as_deref(),
        Some("arn:aws:s3:::bucket/${aws:username}/*")
    );
    let escapes = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/${aws:username}/${*}/*"}]}"#,
    );
    assert!(escapes.is_empty(), "{escapes:#?}");
}

#[test]
fn condition_key_not_applicable() {
    let findings = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"ec2:InstanceType":"t3.micro","aws:SourceAccount":"123456789012"}}}]}"#,
    );
    expect_one(
        &findings,
        Code::ConditionKeyNotApplicable,
        "Statement[0].Condition.StringEquals.\"ec2:InstanceType\"",
        "condition key `ec2:InstanceType` applies to none of this statement's actions",
    );
}

#[test]
fn policy_too_large() {
    let actions: Vec<String> = catalog::index::catalog()
        .service("ec2")
        .unwrap()
        .actions()
        .take(400)
        .map(|a| format!("\"{}\"", a.full_name()))
        .collect();
    let json = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":[{}],"Resource":"*"}}]}}"#,
        actions.join(",")
    );
    let big = policy(&json);
    let size = big.to_json().chars().count();
    assert!(size > 10_240, "{size}");
    let unknown = validate(&big, &Context::identity());
    let d = with_code(&unknown, Code::PolicyTooLarge)[0].clone();
    assert_eq!(d.severity, Severity::Warning);
    let hard = validate(
        &big,
        &Context::identity().with_target(SizeTarget::RoleInline),
    );
    let d = expect_one(
        &hard,
        Code::PolicyTooLarge,
        "",
        &format!(
            "policy has {} characters without whitespace, over the 10,240 of a role's inline policies",
            size.to_string().as_bytes().rchunks(3).rev().map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(",")
        ),
    );
    assert!(d.is_error());
    let trust = validate(&big, &Context::trust().allow(Code::MissingPrincipal));
    assert_eq!(
        with_code(&trust, Code::PolicyTooLarge)[0].severity,
        Severity::Warning
    );
}

#[test]
fn duplicate_condition_key_built_in_code() {
    // The JSON reader refuses duplicate keys, so only a model built in code can hold them.
    let values = || crate::OneOrMany::one(crate::ConditionValue::String("111122223333".into()));
    let condition = crate::Condition::new(vec![
        crate::ConditionBlock::new(
            crate::Operator::new("StringEquals"),
            vec![
                crate::ConditionEntry::new("aws:SourceAccount", values()),
                crate::ConditionEntry::new("aws:SourceAccount", values()),
            ],
        ),
        crate::ConditionBlock::new(crate::Operator::new("StringEquals"), vec![]),
    ]);
    let statement = crate::Statement::new(
        None,
        crate::Effect::Allow,
        None,
        Some(crate::Actions::action(crate::OneOrMany::one(
            crate::Action::parse("s3:GetObject"),
        ))),
        Some(crate::Resources::resource(crate::OneOrMany::one(
            crate::Resource::new("*"),
        ))),
        Some(condition),
    );
    let policy = crate::Policy::new(
        Some(crate::Version::V2012_10_17),
        None,
        crate::OneOrMany::many(vec![statement]),
    );
    let findings = validate(&policy, &Context::identity());
    let duplicates = with_code(&findings, Code::DuplicateJsonKey);
    assert_eq!(duplicates.len(), 2, "{findings:#?}");
    assert_eq!(
        duplicates[0].location.to_string(),
        "Statement[0].Condition.StringEquals"
    );
    assert_eq!(
        duplicates[0].message,
        "condition operator `StringEquals` appears twice in `Condition`"
    );
    assert_eq!(
        duplicates[1].location.to_string(),
        "Statement[0].Condition.StringEquals.\"aws:SourceAccount\""
    );
    assert_eq!(
        duplicates[1].message,
        "condition key `aws:SourceAccount` appears twice under `StringEquals`"
    );
}
