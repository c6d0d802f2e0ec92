//! Resource control policies and service principals: three warnings about conditions that
//! reach further than intended, because an RCP applies to IAM principals and AWS service
//! principals alike.
//!
//! From the policy check reference
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>,
//! general warnings), for an RCP statement:
//!
//! - `rcp-principal-key-without-service-check` (`RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY`):
//!   a principal key (`aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`,
//!   `aws:PrincipalOrgPaths`, `aws:PrincipalTag/...`) without `"BoolIfExists":
//!   {"aws:PrincipalIsAWSService": "false"}` in the same `Condition`: services acting on your
//!   behalf have no principal keys in their request context, so the statement denies them too.
//! - `rcp-source-key-without-service-check`
//!   (`RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY`): a source key (`aws:SourceOrgID`,
//!   `aws:SourceOrgPaths`, `aws:SourceAccount`, `aws:SourceArn`: the keys a service sets when it
//!   acts for a resource) without `"BoolIfExists": {"aws:PrincipalIsAWSService": "true"}`: your
//!   own principals' requests have no source keys, so the statement denies them too.
//! - `rcp-source-key-without-null-check` (`RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK`): a
//!   source key without `"Null": {"aws:SourceAccount": "false"}` or `"Null": {"aws:SourceArn":
//!   "false"}`: a service integration that sets no source key is denied too.
//!
//! The fixes are the ones the reference gives, and AWS's RCP examples use them
//! (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_examples.html>).
//! `Bool` is accepted beside `BoolIfExists`: `aws:PrincipalIsAWSService` is in every request's
//! context, so the two mean the same there. A `Null` entry on a source key is the check itself,
//! not a use of the key.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{BaseOperator, Condition, ConditionBlock, Statement};
use crate::validate::confused_deputy::{is_principal_key, is_source_key};
use crate::validate::{PolicyKind, Sink};

const IS_SERVICE: &str = "aws:PrincipalIsAWSService";

pub(super) fn check(statement: &Statement, at: &Location, sink: &mut Sink<'_>) {
    if sink.cx().kind() != PolicyKind::ResourceControl {
        return;
    }
    let Some(condition) = statement.condition() else {
        return;
    };
    let excludes_services = requires(condition, BaseOperator::Bool, &[IS_SERVICE], false);
    let only_services = requires(condition, BaseOperator::Bool, &[IS_SERVICE], true);
    let null_checked = requires(
        condition,
        BaseOperator::Null,
        &["aws:SourceAccount", "aws:SourceArn"],
        false,
    );
    for block in condition.blocks() {
        if is_null(block) {
            continue;
        }
        for entry in block.entries() {
            let key = entry.key();
            let entry_at = || {
                at.clone()
                    .key("Condition")
                    .key(block.operator().as_str())
                    .key(key)
            };
            if is_principal_key(key) && !excludes_services {
                sink.push(
                    Diagnostic::new(
                        Code::RcpPrincipalKeyWithoutServiceCheck,
                        entry_at(),
                        format!(
                            "a resource control policy applies to AWS services too, and `{key}` is not in their request context: this statement also denies services acting on your behalf"
                        ),
                    )
                    .with_help(format!(
                        "add `\"BoolIfExists\": {{\"{IS_SERVICE}\": \"false\"}}` to the condition"
                    )),
                );
            }
            if !is_source_key(key) {
                continue;
            }
            if !only_services {
                sink.push(
                    Diagnostic::new(
                        Code::RcpSourceKeyWithoutServiceCheck,
                        entry_at(),
                        format!(
                            "a resource control policy applies to your own principals too, and their requests have no `{key}`: this statement also denies them"
                        ),
                    )
                    .with_help(format!(
                        "add `\"BoolIfExists\": {{\"{IS_SERVICE}\": \"true\"}}` to the condition"
                    )),
                );
            }
            if !null_checked {
                sink.push(
                    Diagnostic::new(
                        Code::RcpSourceKeyWithoutNullCheck,
                        entry_at(),
                        format!(
                            "a service integration may send no `{key}`: this statement also denies it"
                        ),
                    )
                    .with_help(
                        "add `\"Null\": {\"aws:SourceAccount\": \"false\"}` (or `\"aws:SourceArn\"`) to the condition",
                    ),
                );
            }
        }
    }
}

/// Whether a block of `base` (with or without `IfExists`, no set qualifier) requires one of
/// `keys` to be `value`: `Bool` `aws:PrincipalIsAWSService` `false`, `Null` `aws:SourceArn`
/// `false`. Values are read as IAM reads them (`false` and `"false"` alike, any case).
fn requires(condition: &Condition, base: BaseOperator, keys: &[&str], value: bool) -> bool {
    let expected = if value { "true" } else { "false" };
    condition.blocks().iter().any(|block| {
        block
            .operator()
            .kind()
            .is_some_and(|kind| kind.base == base && kind.qualifier.is_none())
            && block.entries().iter().any(|entry| {
                keys.iter().any(|key| entry.key().eq_ignore_ascii_case(key))
                    && !entry.values().items().is_empty()
                    && entry
                        .values()
                        .iter()
                        .all(|v| v.as_text().eq_ignore_ascii_case(expected))
            })
    })
}

fn is_null(block: &ConditionBlock) -> bool {
    block
        .operator()
        .kind()
        .is_some_and(|kind| kind.base == BaseOperator::Null && kind.qualifier.is_none())
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::{expect_one, policy};
    use crate::{validate, Code, Context, Diagnostic, PolicyKind};

    fn rcp(condition: &str) -> Vec<Diagnostic> {
        let json = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{condition}}}]}}"#
        );
        validate(&policy(&json), &Context::new(PolicyKind::ResourceControl))
    }

    fn codes(findings: &[Diagnostic]) -> Vec<Code> {
        let mut codes: Vec<Code> = findings
            .iter()
            .map(|d| d.code)
            .filter(|code| code.as_str().starts_with("rcp-"))
            .collect();
        codes.sort_by_key(|code| code.as_str());
        codes
    }

    #[test]
    fn principal_key_without_the_service_check() {
        let bad = rcp(r#"{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#);
        let d = expect_one(
            &bad,
            Code::RcpPrincipalKeyWithoutServiceCheck,
            "Statement[0].Condition.StringNotEqualsIfExists.\"aws:PrincipalOrgID\"",
            "a resource control policy applies to AWS services too, and `aws:PrincipalOrgID` is not in their request context: this statement also denies services acting on your behalf",
        );
        assert_eq!(
            d.help.as_deref(),
            Some(
                r#"add `"BoolIfExists": {"aws:PrincipalIsAWSService": "false"}` to the condition"#
            )
        );
        // A tag key of the principal too; `Bool` and `BoolIfExists` both exclude services.
        let tag = rcp(r#"{"StringNotEquals":{"aws:PrincipalTag/team":"reports"}}"#);
        assert_eq!(codes(&tag), [Code::RcpPrincipalKeyWithoutServiceCheck]);
        for operator in ["BoolIfExists", "Bool"] {
            let good = rcp(&format!(
                r#"{{"StringNotEqualsIfExists":{{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}},"{operator}":{{"aws:PrincipalIsAWSService":"false"}}}}"#
            ));
            assert_eq!(codes(&good), [], "{operator}");
        }
        // `true` is the opposite check, and other kinds of policy are not RCPs.
        let opposite = rcp(
            r#"{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"},"BoolIfExists":{"aws:PrincipalIsAWSService":"true"}}"#,
        );
        assert_eq!(codes(&opposite), [Code::RcpPrincipalKeyWithoutServiceCheck]);
        let scp = validate(
            &policy(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}"#,
            ),
            &Context::new(PolicyKind::ServiceControl),
        );
        assert_eq!(codes(&scp), []);
    }

    #[test]
    fn source_key_without_the_service_and_null_checks() {
        let bad = rcp(r#"{"StringNotEqualsIfExists":{"aws:SourceOrgID":"o-a1b2c3d4e5"}}"#);
        assert_eq!(
            codes(&bad),
            [
                Code::RcpSourceKeyWithoutNullCheck,
                Code::RcpSourceKeyWithoutServiceCheck
            ]
        );
        let d = expect_one(
            &bad,
            Code::RcpSourceKeyWithoutServiceCheck,
            "Statement[0].Condition.StringNotEqualsIfExists.\"aws:SourceOrgID\"",
            "a resource control policy applies to your own principals too, and their requests have no `aws:SourceOrgID`: this statement also denies them",
        );
        assert_eq!(
            d.help.as_deref(),
            Some(r#"add `"BoolIfExists": {"aws:PrincipalIsAWSService": "true"}` to the condition"#)
        );
        expect_one(
            &bad,
            Code::RcpSourceKeyWithoutNullCheck,
            "Statement[0].Condition.StringNotEqualsIfExists.\"aws:SourceOrgID\"",
            "a service integration may send no `aws:SourceOrgID`: this statement also denies it",
        );
        // AWS's confused-deputy RCP: both checks present, nothing to say.
        let good = rcp(
            r#"{"StringNotEqualsIfExists":{"aws:SourceOrgID":"o-a1b2c3d4e5"},"Null":{"aws:SourceAccount":"false"},"Bool":{"aws:PrincipalIsAWSService":"true"}}"#,
        );
        assert_eq!(codes(&good), []);
        // The null check on `aws:SourceArn` counts too; a `Null` entry is no use of the key.
        let arn = rcp(
            r#"{"StringNotEqualsIfExists":{"aws:SourceAccount":"803456129837"},"Null":{"aws:SourceArn":"false"},"BoolIfExists":{"aws:PrincipalIsAWSService":"true"}}"#,
        );
        assert_eq!(codes(&arn), []);
        let null_true = rcp(
            r#"{"StringNotEqualsIfExists":{"aws:SourceOrgID":"o-a1b2c3d4e5"},"Null":{"aws:SourceAccount":"true"},"Bool":{"aws:PrincipalIsAWSService":"true"}}"#,
        );
        assert_eq!(codes(&null_true), [Code::RcpSourceKeyWithoutNullCheck]);
    }
}
