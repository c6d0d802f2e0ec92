//! Trust policies for OpenID Connect providers, as AWS documents them, check clean: the claims
//! of any provider (`token.actions.githubusercontent.com:sub`, EKS's
//! `oidc.eks.<region>.amazonaws.com/id/<id>:aud`) are condition keys, recognised by their shape.
#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::PathBuf;

use typed_iam_core::{validate, Code, Context, Policy};

fn documented(name: &str) -> Policy {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data/trust")
        .join(name);
    Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn awss_documented_oidc_trust_policies_check_clean() {
    for name in ["github-actions.json", "eks-service-account.json"] {
        let policy = documented(name);
        for context in [Context::trust(), Context::infer(&policy)] {
            let findings = validate(&policy, &context);
            assert!(findings.is_empty(), "{name}: {findings:#?}");
        }
    }
}

#[test]
fn a_provider_claim_is_typed_and_checked_like_any_key() {
    // `amr` is multivalued: a plain `StringEquals` is accepted by IAM, and the value is a string.
    let policy = Policy::from_json(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
            "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/login.example.com"},
            "Action":"sts:AssumeRoleWithWebIdentity",
            "Condition":{"NumericLessThan":{"login.example.com:sub":"5"}}}]}"#,
    )
    .unwrap();
    let codes: Vec<Code> = validate(&policy, &Context::trust())
        .iter()
        .map(|finding| finding.code)
        .collect();
    assert_eq!(codes, [Code::ConditionOperatorMismatch]);
}

#[test]
fn a_provider_claim_outside_web_identity_federation_is_not_applicable() {
    let policy = Policy::from_json(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
            "Action":"s3:GetObject","Resource":"*",
            "Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:o/r:ref:refs/heads/main"}}}]}"#,
    )
    .unwrap();
    let codes: Vec<Code> = validate(&policy, &Context::identity())
        .iter()
        .map(|finding| finding.code)
        .collect();
    assert_eq!(codes, [Code::ConditionKeyNotApplicable]);
}

#[test]
fn unknown_claims_and_service_keys_stay_unknown() {
    for key in [
        "token.actions.githubusercontent.com:repo",
        "s3:sub",
        "aws:sub",
    ] {
        let policy = Policy::from_json(&format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow",
                "Principal":{{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}},
                "Action":"sts:AssumeRoleWithWebIdentity",
                "Condition":{{"StringEquals":{{"{key}":"x"}}}}}}]}}"#
        ))
        .unwrap();
        // Without a condition on the provider's claims (or GitHub's `:sub`) the statement also gets
        // the OIDC findings, tested in the validator's tests.
        let codes: Vec<Code> = validate(&policy, &Context::trust())
            .iter()
            .map(|finding| finding.code)
            .filter(|code| !matches!(code, Code::GithubSubNotScoped | Code::OidcWithoutCondition))
            .collect();
        assert_eq!(codes, [Code::UnknownConditionKey], "{key}");
    }
}
