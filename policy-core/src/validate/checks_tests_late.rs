//! One test per Access Analyzer check added in issue 13's second round (federation, Roles
//! Anywhere, empty `Sid`, `Null` with a qualifier, redundant condition values and statements, IP
//! ranges, variables in elements): a minimal bad policy, asserting code, location and message, and
//! a nearby good policy that does not get the code.

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

const SAML: &str = r#""Principal":{"Federated":"arn:aws:iam::803456129837:saml-provider/Okta"}"#;
const OIDC: &str = r#""Principal":{"Federated":"arn:aws:iam::803456129837:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/5C4F9E0B"}"#;
const READ: &str = r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-reports/*""#;

#[test]
fn saml_provider_with_web_identity_action() {
    let bad = check(
        PolicyKind::Trust,
        &format!(r#"{{"Effect":"Allow",{SAML},"Action":"sts:AssumeRoleWithWebIdentity"}}"#),
    );
    let d = expect_one(
        &bad,
        Code::MismatchedActionForPrincipal,
        "Statement[0].Action[0]",
        "the principal is a SAML provider, which never calls `sts:AssumeRoleWithWebIdentity`: no one can assume the role through this statement",
    );
    assert_eq!(d.suggestion.as_deref(), Some("sts:AssumeRoleWithSAML"));
    let good = check(
        PolicyKind::Trust,
        &format!(
            r#"{{"Effect":"Allow",{SAML},"Action":["sts:AssumeRoleWithSAML","sts:TagSession"]}}"#
        ),
    );
    none_of(&good, Code::MismatchedActionForPrincipal);
}

#[test]
fn oidc_provider_with_saml_action() {
    let bad = check(
        PolicyKind::Trust,
        &format!(
            r#"{{"Effect":"Allow",{OIDC},"Action":["sts:TagSession","sts:AssumeRoleWithSAML"]}}"#
        ),
    );
    expect_one(
        &bad,
        Code::MismatchedActionForPrincipal,
        "Statement[0].Action[1]",
        "the principal is an OIDC provider, which never calls `sts:AssumeRoleWithSAML`: no one can assume the role through this statement",
    );
    // Allowing the right action as well, or a wildcard that covers it, is not a mismatch.
    let both = check(
        PolicyKind::Trust,
        &format!(
            r#"{{"Effect":"Allow",{OIDC},"Action":["sts:AssumeRoleWithWebIdentity","sts:AssumeRoleWithSAML"]}}"#
        ),
    );
    none_of(&both, Code::MismatchedActionForPrincipal);
    // Outside a trust policy the rule does not apply.
    let resource = check(
        PolicyKind::Resource,
        &format!(r#"{{"Effect":"Allow",{OIDC},"Action":"sts:AssumeRoleWithSAML","Resource":"*"}}"#),
    );
    none_of(&resource, Code::MismatchedActionForPrincipal);
}

const ROLES_ANYWHERE: &str = r#""Principal":{"Service":"rolesanywhere.amazonaws.com"}"#;

#[test]
fn roles_anywhere_without_its_actions() {
    let bad = check(
        PolicyKind::Trust,
        &format!(
            r#"{{"Effect":"Allow",{ROLES_ANYWHERE},"Action":["sts:AssumeRole","sts:TagSession"]}}"#
        ),
    );
    expect_one(
        &bad,
        Code::RolesAnywhereMissingAction,
        "Statement[0].Action",
        "IAM Roles Anywhere needs `sts:AssumeRole`, `sts:TagSession` and `sts:SetSourceIdentity`; the policy does not allow `sts:SetSourceIdentity` to it",
    );
    let good = check(
        PolicyKind::Trust,
        &format!(
            r#"{{"Effect":"Allow",{ROLES_ANYWHERE},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}}"#
        ),
    );
    none_of(&good, Code::RolesAnywhereMissingAction);
    // Split over two statements, or granted by a wildcard, the actions are all there.
    let split = check(
        PolicyKind::Trust,
        &format!(
            r#"{{"Effect":"Allow",{ROLES_ANYWHERE},"Action":"sts:AssumeRole"}},
               {{"Effect":"Allow",{ROLES_ANYWHERE},"Action":["sts:TagSession","sts:Set*"]}}"#
        ),
    );
    none_of(&split, Code::RolesAnywhereMissingAction);
}

#[test]
fn empty_sid() {
    let bad = check(
        PolicyKind::Identity,
        &format!(r#"{{"Sid":"","Effect":"Allow",{READ}}}"#),
    );
    expect_one(&bad, Code::EmptySid, "Statement[0].Sid", "`Sid` is empty");
    none_of(&bad, Code::InvalidSid);
    let good = check(
        PolicyKind::Identity,
        &format!(r#"{{"Sid":"Read","Effect":"Allow",{READ}}}"#),
    );
    none_of(&good, Code::EmptySid);
}

#[test]
fn null_with_qualifier() {
    let bad = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"ForAllValues:Null":{{"aws:TagKeys":"false"}}}}}}"#
        ),
    );
    let d = expect_one(
        &bad,
        Code::NullWithQualifier,
        "Statement[0].Condition.\"ForAllValues:Null\"",
        "`ForAllValues:Null` is always true: `Null` tests whether a key is present, not its values",
    );
    assert_eq!(d.suggestion.as_deref(), Some("Null"));
    let any = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"ForAnyValue:Null":{{"aws:SourceVpc":"true"}}}}}}"#
        ),
    );
    expect_one(
        &any,
        Code::NullWithQualifier,
        "Statement[0].Condition.\"ForAnyValue:Null\"",
        "`ForAnyValue:Null` is always false: `Null` tests whether a key is present, not its values",
    );
    let good = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"Null":{{"aws:SourceVpc":"true"}}}}}}"#
        ),
    );
    none_of(&good, Code::NullWithQualifier);
}

#[test]
fn redundant_numeric_values() {
    let bad = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"NumericLessThan":{{"aws:MultiFactorAuthAge":["2700","3600"]}}}}}}"#
        ),
    );
    expect_one(
        &bad,
        Code::RedundantConditionValue,
        "Statement[0].Condition.NumericLessThan.\"aws:MultiFactorAuthAge\"[0]",
        "`2700` is redundant: under `NumericLessThan` only the greatest value, `3600`, counts",
    );
    let greater = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"NumericGreaterThanEquals":{{"aws:MultiFactorAuthAge":[60, 30]}}}}}}"#
        ),
    );
    expect_one(
        &greater,
        Code::RedundantConditionValue,
        "Statement[0].Condition.NumericGreaterThanEquals.\"aws:MultiFactorAuthAge\"[0]",
        "`60` is redundant: under `NumericGreaterThanEquals` only the least value, `30`, counts",
    );
    // `NumericEquals` values are not ordered alternatives of each other.
    let equals = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"NumericEquals":{{"aws:MultiFactorAuthAge":["2700","3600"]}}}}}}"#
        ),
    );
    none_of(&equals, Code::RedundantConditionValue);
}

#[test]
fn contained_and_imprecise_ip_ranges() {
    let bad = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"IpAddress":{{"aws:SourceIp":["54.240.143.0/24","54.240.0.0/16","2001:db8:1234::/48","54.240.196.7/24"]}}}}}}"#
        ),
    );
    let redundant: Vec<_> = bad
        .iter()
        .filter(|d| d.code == Code::RedundantConditionValue)
        .collect();
    assert_eq!(redundant.len(), 2, "{bad:#?}");
    assert_eq!(
        redundant[0].message,
        "`54.240.143.0/24` is redundant: it lies inside `54.240.0.0/16`, another value of the key"
    );
    let d = expect_one(
        &bad,
        Code::ImproveIpRange,
        "Statement[0].Condition.IpAddress.\"aws:SourceIp\"[3]",
        "`54.240.196.7/24` has bits set after its /24 prefix, which are ignored: it is `54.240.196.0/24`",
    );
    assert_eq!(d.suggestion.as_deref(), Some("54.240.196.0/24"));
    let v6 = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"NotIpAddress":{{"aws:SourceIp":"2600:1f18::1/32"}}}}}}"#
        ),
    );
    expect_one(
        &v6,
        Code::ImproveIpRange,
        "Statement[0].Condition.NotIpAddress.\"aws:SourceIp\"[0]",
        "`2600:1f18::1/32` has bits set after its /32 prefix, which are ignored: it is `2600:1f18::/32`",
    );
    let good = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"IpAddress":{{"aws:SourceIp":["54.240.143.0/24","54.240.144.0/24","54.240.143.9"]}}}}}}"#
        ),
    );
    // The single address lies inside the first range: only that one is redundant.
    let redundant: Vec<_> = good
        .iter()
        .filter(|d| d.code == Code::RedundantConditionValue)
        .map(|d| d.location.to_string())
        .collect();
    assert_eq!(
        redundant,
        ["Statement[0].Condition.IpAddress.\"aws:SourceIp\"[2]"]
    );
    none_of(&good, Code::ImproveIpRange);
}

#[test]
fn redundant_statements() {
    let identical = check(
        PolicyKind::Identity,
        &format!(r#"{{"Sid":"A","Effect":"Allow",{READ}}},{{"Sid":"B","Effect":"Allow",{READ}}}"#),
    );
    expect_one(
        &identical,
        Code::RedundantStatement,
        "Statement[1]",
        "this statement is redundant: `Statement[0]` (`A`) already allows everything it allows",
    );
    let contained = check(
        PolicyKind::Identity,
        r#"{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::acme-reports/2024/*"},
           {"Effect":"Deny","Action":["s3:Delete*","s3:PutObject"],"Resource":"arn:aws:s3:::acme-reports/*"}"#,
    );
    expect_one(
        &contained,
        Code::RedundantStatement,
        "Statement[0]",
        "this statement is redundant: `Statement[1]` already denies everything it denies",
    );
    // Another effect, another condition, or a resource outside the other's: not redundant.
    let different = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ}}},
               {{"Effect":"Deny",{READ}}},
               {{"Effect":"Allow",{READ},"Condition":{{"Bool":{{"aws:SecureTransport":"true"}}}}}},
               {{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-archive/*"}}"#
        ),
    );
    none_of(&different, Code::RedundantStatement);
}

#[test]
fn variables_in_action_and_principal() {
    let action = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":["s3:GetObject","s3:${aws:PrincipalTag/extra}"],"Resource":"*"}"#,
    );
    expect_one(
        &action,
        Code::VariableUnsupportedInElement,
        "Statement[0].Action[1]",
        "`s3:${aws:PrincipalTag/extra}` holds a policy variable, which `Action` does not replace",
    );
    none_of(&action, Code::UnknownAction);
    let principal = check(
        PolicyKind::Resource,
        r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::803456129837:user/${aws:username}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-reports/*"}"#,
    );
    expect_one(
        &principal,
        Code::VariableUnsupportedInElement,
        "Statement[0].Principal.AWS[0]",
        "`arn:aws:iam::803456129837:user/${aws:username}` holds a policy variable, which `Principal` does not replace",
    );
    none_of(&principal, Code::InvalidPrincipal);
    // In `Resource` and condition values variables are what they are meant to be.
    let good = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-home/${aws:username}/*"}"#,
    );
    none_of(&good, Code::VariableUnsupportedInElement);
}

#[test]
fn unique_id_as_principal() {
    let bad = check(
        PolicyKind::Resource,
        &format!(
            r#"{{"Effect":"Allow","Principal":{{"AWS":["arn:aws:iam::803456129837:root","AROA5JZQX7TKW4NMR2HXB"]}},{READ}}}"#
        ),
    );
    expect_one(
        &bad,
        Code::PrincipalUniqueId,
        "Statement[0].Principal.AWS[1]",
        "`AROA5JZQX7TKW4NMR2HXB` is an IAM unique ID, not an ARN: IAM shows one in place of a role or user that was deleted",
    );
    let good = check(
        PolicyKind::Resource,
        &format!(
            r#"{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::803456129837:role/reports-reader"}},{READ}}}"#
        ),
    );
    none_of(&good, Code::PrincipalUniqueId);
}

#[test]
fn region_in_condition_value() {
    let bad = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"StringEquals":{{"aws:RequestedRegion":["eu-west-1","us-eest-1"]}}}}}}"#
        ),
    );
    let found: Vec<_> = bad
        .iter()
        .filter(|d| d.code == Code::InvalidRegion)
        .collect();
    assert_eq!(found.len(), 1, "{bad:#?}");
    assert_eq!(
        found[0].location.to_string(),
        "Statement[0].Condition.StringEquals.\"aws:RequestedRegion\"[1]"
    );
    assert_eq!(
        found[0].message,
        "`us-eest-1` is not a region this checker knows (its table is of 2025-11): if it is no region, the condition on `aws:RequestedRegion` never matches it"
    );
    assert_eq!(found[0].severity, crate::Severity::Warning);
    assert_eq!(found[0].suggestion.as_deref(), Some("us-east-1"));
    let good = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"StringLike":{{"aws:RequestedRegion":["eu-*","us-east-1"]}}}}}}"#
        ),
    );
    none_of(&good, Code::InvalidRegion);
}

#[test]
fn wildcard_in_service_name() {
    let bad = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":["codecommit:GitPull","code*:List*"],"Resource":"arn:aws:*code*:us-east-1:803456129837:*"}"#,
    );
    let found: Vec<_> = bad
        .iter()
        .filter(|d| d.code == Code::WildcardInServiceName)
        .map(|d| (d.location.to_string(), d.message.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "Statement[0].Action[1]".to_owned(),
                "the service name `code*` in `code*:List*` has a wildcard, which matches every service whose name fits, future ones included".to_owned()
            ),
            (
                "Statement[0].Resource[0]".to_owned(),
                "the service name `*code*` in `arn:aws:*code*:us-east-1:803456129837:*` has a wildcard, which matches every service whose name fits, future ones included".to_owned()
            ),
        ]
    );
    // A whole `*` says "every service" plainly.
    let good = check(
        PolicyKind::Identity,
        r#"{"Effect":"Allow","Action":"*","Resource":"arn:aws:*:us-east-1:803456129837:*"}"#,
    );
    none_of(&good, Code::WildcardInServiceName);
}

#[test]
fn epoch_date_value() {
    let bad = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"DateLessThan":{{"aws:CurrentTime":"1798761600"}}}}}}"#
        ),
    );
    let d = expect_one(
        &bad,
        Code::EpochDateValue,
        "Statement[0].Condition.DateLessThan.\"aws:CurrentTime\"[0]",
        "`1798761600` is a Unix epoch time (2027-01-01T00:00:00Z), which might not resolve as expected",
    );
    assert_eq!(d.suggestion.as_deref(), Some("2027-01-01T00:00:00Z"));
    let good = check(
        PolicyKind::Identity,
        &format!(
            r#"{{"Effect":"Allow",{READ},"Condition":{{"DateLessThan":{{"aws:CurrentTime":"2027-01-01T00:00:00Z"}}}}}}"#
        ),
    );
    none_of(&good, Code::EpochDateValue);
}

#[test]
fn variable_unsupported_for_operator() {
    for (operator, key, value) in [
        ("DateLessThan", "aws:CurrentTime", "${aws:TokenIssueTime}"),
        (
            "NumericLessThan",
            "aws:MultiFactorAuthAge",
            "${aws:PrincipalTag/max-age}",
        ),
        ("IpAddress", "aws:SourceIp", "${aws:PrincipalTag/cidr}"),
    ] {
        let bad = check(
            PolicyKind::Identity,
            &format!(
                r#"{{"Effect":"Allow",{READ},"Condition":{{"{operator}":{{"{key}":"{value}"}}}}}}"#
            ),
        );
        let name = &value[2..value.len() - 1];
        expect_one(
            &bad,
            Code::VariableUnsupportedForOperator,
            &format!("Statement[0].Condition.{operator}.\"{key}\"[0]"),
            &format!("the policy variable `${{{name}}}` is not replaced under `{operator}`: IAM replaces variables only in `String*` and `Arn*` conditions"),
        );
    }
    for (operator, key, value) in [
        ("StringEquals", "aws:PrincipalTag/team", "${aws:username}"),
        ("ArnLike", "aws:SourceArn", "arn:aws:s3:::${aws:username}-*"),
        ("NumericLessThan", "aws:MultiFactorAuthAge", "3600"),
        ("DateLessThan", "aws:CurrentTime", "${*}"),
    ] {
        let good = check(
            PolicyKind::Identity,
            &format!(
                r#"{{"Effect":"Allow",{READ},"Condition":{{"{operator}":{{"{key}":"{value}"}}}}}}"#
            ),
        );
        none_of(&good, Code::VariableUnsupportedForOperator);
    }
}
