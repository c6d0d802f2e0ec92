//! Condition keys of OpenID Connect identity providers: `<provider>:<claim>`.
//!
//! A role trust policy that trusts an OIDC provider (`"Federated":
//! "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"`) may test the
//! claims of the provider's token under keys named after the provider's URL without `https://`:
//! `token.actions.githubusercontent.com:sub`,
//! `oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud`. IAM accepts these
//! keys for *any* provider, so they cannot be listed: AWS's service reference lists a few
//! providers' keys (`accounts.google.com:aud`, `cognito-identity.amazonaws.com:amr`, GitHub's
//! custom claims such as `token.actions.githubusercontent.com:repository`), and those stay the
//! catalog's own records. Every other key of this shape is recognised by the rule below.
//!
//! The rule, from AWS's pages:
//! - the claims IAM maps to keys for every OIDC provider are `amr`, `aud`, `azp`, `email`, `oaud`
//!   and `sub` ("Available keys for AWS OIDC federation",
//!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif>);
//! - the prefix is the provider's URL without the scheme: a host name (at least one `.`), then
//!   optionally a path (`/id/<cluster-id>` for EKS,
//!   <https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html>;
//!   GitHub's trust policy,
//!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html>).
//!   A service prefix (`s3`, `aws`) has no `.`, so `s3:sub` is never read as a provider key;
//! - the keys are available in `sts:AssumeRoleWithWebIdentity` requests only.
//!
//! `amr` is multivalued (Amazon Cognito writes it with `ForAnyValue:`,
//! <https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html>);
//! the others hold one string.

use crate::index::KeyType;

/// The placeholder that stands for the provider in the claims' names:
/// `${OidcProvider}:sub`.
pub(crate) const PROVIDER_PLACEHOLDER: &str = "${OidcProvider}";

/// The one action whose requests carry the provider's claims.
pub(crate) const CLAIMS_ACTION: (&str, &str) = ("sts", "AssumeRoleWithWebIdentity");

/// A claim IAM maps to a condition key for every OIDC provider.
#[derive(Debug)]
pub(crate) struct Claim {
    /// The key's name with the provider as a placeholder: `${OidcProvider}:sub`.
    pub(crate) name: &'static str,
    pub(crate) value_type: KeyType,
    pub(crate) description: &'static str,
}

/// The claims, sorted by name.
pub(crate) const CLAIMS: [Claim; 6] = [
    Claim {
        name: "${OidcProvider}:amr",
        value_type: KeyType::ArrayOfString,
        description: "Filters access by the authentication methods reference of the identity \
                      provider's token (the `amr` claim; Amazon Cognito sets `authenticated` or \
                      `unauthenticated`)",
    },
    Claim {
        name: "${OidcProvider}:aud",
        value_type: KeyType::String,
        description: "Filters access by the audience of the identity provider's token (the `aud` \
                      claim: the client ID the token was issued for, `sts.amazonaws.com` for \
                      GitHub Actions and Amazon EKS)",
    },
    Claim {
        name: "${OidcProvider}:azp",
        value_type: KeyType::String,
        description: "Filters access by the authorized party of the identity provider's token \
                      (the `azp` claim)",
    },
    Claim {
        name: "${OidcProvider}:email",
        value_type: KeyType::String,
        description: "Filters access by the email address in the identity provider's token (the \
                      `email` claim)",
    },
    Claim {
        name: "${OidcProvider}:oaud",
        value_type: KeyType::String,
        description: "Filters access by the original audience of the identity provider's token \
                      (the `oaud` claim)",
    },
    Claim {
        name: "${OidcProvider}:sub",
        value_type: KeyType::String,
        description: "Filters access by the subject of the identity provider's token (the `sub` \
                      claim: the user or workload, such as `repo:octo-org/octo-repo:ref:refs/heads/main` \
                      for GitHub Actions or `system:serviceaccount:<namespace>:<name>` for Amazon \
                      EKS)",
    },
];

/// The index in [`CLAIMS`] of the claim `key` names, when `key` is `<provider>:<claim>` with a
/// provider URL as the module docs describe.
pub(crate) fn claim_index(key: &str) -> Option<usize> {
    let (provider, claim) = key.rsplit_once(':')?;
    if !is_provider(provider) {
        return None;
    }
    CLAIMS.iter().position(|known| {
        known
            .name
            .strip_prefix(PROVIDER_PLACEHOLDER)
            .and_then(|name| name.strip_prefix(':'))
            .is_some_and(|name| name.eq_ignore_ascii_case(claim))
    })
}

/// Whether `text` is an OIDC provider's URL without the scheme: a host name with at least two
/// labels, then optionally a path.
pub(crate) fn is_provider(text: &str) -> bool {
    let (host, path) = text.split_once('/').unwrap_or((text, ""));
    let labels_ok = host.split('.').all(|label| {
        !label.is_empty()
            && label
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
    });
    let path_ok = path.bytes().all(|byte| {
        byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/' | b'%')
    });
    host.contains('.') && labels_ok && path_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_keys_are_recognised() {
        let eks = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
        for (key, claim) in [
            ("token.actions.githubusercontent.com:sub", "sub"),
            ("token.actions.githubusercontent.com:AUD", "aud"),
            (&format!("{eks}:sub"), "sub"),
            (&format!("{eks}:aud"), "aud"),
            (&format!("{eks}:amr"), "amr"),
            ("login.example.com/realms/ci:azp", "azp"),
        ] {
            let index = claim_index(key);
            assert_eq!(
                index.map(|i| CLAIMS[i].name),
                Some(format!("${{OidcProvider}}:{claim}").as_str()),
                "{key}"
            );
        }
    }

    #[test]
    fn other_keys_are_not_provider_keys() {
        for key in [
            "aws:sub",
            "s3:aud",
            "sub",
            ":sub",
            ".com:sub",
            "example..com:sub",
            "token.actions.githubusercontent.com:repo",
            "token.actions.githubusercontent.com:",
            "${aws:username}.example.com:sub",
            "exa mple.com:sub",
        ] {
            assert_eq!(claim_index(key), None, "{key}");
        }
    }

    #[test]
    fn claims_are_sorted_and_named_with_the_placeholder() {
        assert!(CLAIMS.windows(2).all(|pair| pair[0].name < pair[1].name));
        assert!(CLAIMS
            .iter()
            .all(|claim| claim.name.starts_with(PROVIDER_PLACEHOLDER)));
    }
}
