//! AWS's documented OIDC trust policies compile with `policy!` and write the documented JSON:
//! a provider's claims (`token.actions.githubusercontent.com:sub`) are condition keys.
#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use serde_json::Value;
use typed_iam::policy;

fn documented(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/trust")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn github_actions_trust_policy() {
    let trust = policy! {
        allow sts:AssumeRoleWithWebIdentity
            for federated "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
            when {
                StringEquals "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                StringLike "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*",
            };
    };
    let written: Value = serde_json::from_str(&trust.to_json()).unwrap();
    assert_eq!(written, documented("github-actions.json"));
}

#[test]
fn eks_service_account_trust_policy() {
    let trust = policy! {
        allow sts:AssumeRoleWithWebIdentity
            for federated "arn:aws:iam::111122223333:oidc-provider/oidc.eks.region-code.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
            when {
                StringEquals "oidc.eks.region-code.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub":
                    "system:serviceaccount:default:my-service-account",
                StringEquals "oidc.eks.region-code.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud":
                    "sts.amazonaws.com",
            };
    };
    let written: Value = serde_json::from_str(&trust.to_json()).unwrap();
    assert_eq!(written, documented("eks-service-account.json"));
}
