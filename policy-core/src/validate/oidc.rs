//! OIDC trust: `oidc-without-condition` and `github-sub-not-scoped` (security warnings).
//!
//! A role that trusts an OIDC provider (`"Federated": "arn:aws:iam::ACCOUNT:oidc-provider/HOST"`,
//! or a web identity provider written by name such as `accounts.google.com`) is assumable by
//! every identity that provider issues tokens for, unless a condition on the provider's claims
//! (`HOST:aud`, `HOST:sub`, ...) narrows it. AWS's guidance for web identity federation:
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html>.
//!
//! GitHub Actions (`token.actions.githubusercontent.com`) issues tokens to every repository on
//! GitHub, so a trust policy must name the repository in a `:sub` condition; a wildcard in the
//! repository (`repo:acme/*`) or the branch (`repo:acme/app:ref:refs/heads/*`) lets other
//! repositories or branches assume the role (`repo:acme/app:*`, every ref of one repository,
//! is AWS's own documented example and is accepted)
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub>,
//! <https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services>).
//!
//! Decisions: only `Allow` statements whose actions cover `sts:AssumeRoleWithWebIdentity` are
//! checked; a condition counts whatever its operator, except the negated ones
//! (`StringNotEquals`, `StringNotLike`), which do not name who may assume the role. A GitHub
//! `:sub` value that does not start with `repo:` (a customised subject) is only checked for a
//! leading wildcard.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{BaseOperator, ConditionValue, Effect, PrincipalKind, Statement};
use crate::validate::principals::principal_map;
use crate::validate::resources::arn::covers;
use crate::validate::Sink;

const GITHUB: &str = "token.actions.githubusercontent.com";

pub(super) fn check(statement: &Statement, at: &Location, sink: &mut Sink<'_>) {
    if statement.effect() != Effect::Allow {
        return;
    }
    let Some(kinds) = principal_map(statement) else {
        return;
    };
    let Some(actions) = statement.action() else {
        return;
    };
    if actions.is_negated()
        || !actions
            .items()
            .iter()
            .any(|a| covers(a.as_str(), "sts:AssumeRoleWithWebIdentity", true))
    {
        return;
    }
    for (kind, values) in kinds {
        if *kind != PrincipalKind::Federated {
            continue;
        }
        for (index, value) in values.iter().enumerate() {
            let Some(provider) = oidc_provider(value) else {
                continue;
            };
            let location = || at.clone().key("Principal").key(kind.as_str()).index(index);
            if !has_claim_condition(statement, provider) {
                sink.push(
                    Diagnostic::new(
                        Code::OidcWithoutCondition,
                        location(),
                        format!(
                            "any identity of the OIDC provider `{provider}` may assume this role: \
                             no condition names its claims"
                        ),
                    )
                    .with_help(format!(
                        "add a condition on `{provider}:aud` (the audience) and `{provider}:sub` (the subject)"
                    )),
                );
                continue;
            }
            if provider.eq_ignore_ascii_case(GITHUB) {
                github(statement, at, location, sink);
            }
        }
    }
}

/// The provider host of a federated principal that is an OIDC provider: the part after
/// `oidc-provider/` of an IAM ARN, or a web identity provider's name (a DNS name, not a SAML
/// provider ARN).
pub(crate) fn oidc_provider(value: &str) -> Option<&str> {
    if value.starts_with("arn:") {
        let (_, host) = value.split_once(":oidc-provider/")?;
        return (!host.is_empty()).then_some(host);
    }
    (value.contains('.') && !value.contains('*')).then_some(value)
}

/// Whether a condition that is not negated names one of the provider's claims (`HOST:...`).
fn has_claim_condition(statement: &Statement, provider: &str) -> bool {
    let Some(condition) = statement.condition() else {
        return false;
    };
    condition.blocks().iter().any(|block| {
        !block.operator().kind().is_some_and(|k| is_negated(k.base))
            && block.entries().iter().any(|entry| {
                entry
                    .key()
                    .get(..provider.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(provider))
                    && entry.key().as_bytes().get(provider.len()) == Some(&b':')
            })
    })
}

fn is_negated(base: BaseOperator) -> bool {
    base.as_str().contains("Not")
}

/// GitHub: a `:sub` condition must exist and name one repository and, for branches, one branch.
fn github(
    statement: &Statement,
    at: &Location,
    principal_at: impl Fn() -> Location,
    sink: &mut Sink<'_>,
) {
    let sub = format!("{GITHUB}:sub");
    let mut found = false;
    if let Some(condition) = statement.condition() {
        for block in condition.blocks() {
            let operator = block.operator().as_str();
            if block.operator().kind().is_some_and(|k| is_negated(k.base)) {
                continue;
            }
            for entry in block.entries() {
                if !entry.key().eq_ignore_ascii_case(&sub) {
                    continue;
                }
                found = true;
                for (index, value) in entry.values().iter().enumerate() {
                    let ConditionValue::String(text) = value else {
                        continue;
                    };
                    if let Some(problem) = github_subject_problem(text) {
                        sink.push(
                            Diagnostic::new(
                                Code::GithubSubNotScoped,
                                at.clone()
                                    .key("Condition")
                                    .key(operator)
                                    .key(entry.key())
                                    .index(index),
                                format!("GitHub subject `{text}` has a wildcard in the {problem}"),
                            )
                            .with_help(
                                "name one repository and branch or environment, such as \
                                 `repo:OWNER/REPO:ref:refs/heads/main` or `repo:OWNER/REPO:environment:prod`",
                            ),
                        );
                    }
                }
            }
        }
    }
    if !found {
        sink.push(
            Diagnostic::new(
                Code::GithubSubNotScoped,
                principal_at(),
                format!(
                    "every GitHub Actions workflow of every repository may assume this role: \
                     no `{sub}` condition names a repository"
                ),
            )
            .with_help(format!(
                "add `\"StringEquals\": {{\"{sub}\": \"repo:OWNER/REPO:ref:refs/heads/main\"}}`"
            )),
        );
    }
}

/// What part of a GitHub subject holds a wildcard: `repository` or `branch`.
fn github_subject_problem(text: &str) -> Option<&'static str> {
    let Some(rest) = text.strip_prefix("repo:") else {
        return text.starts_with(['*', '?']).then_some("repository");
    };
    // `OWNER/REPO` is everything up to the next `:`.
    let (repository, context) = match rest.split_once(':') {
        Some((repository, context)) => (repository, Some(context)),
        None => (rest, None),
    };
    if repository.contains(['*', '?']) || !repository.contains('/') {
        return Some("repository");
    }
    // `repo:OWNER/REPO:*` (every ref of one repository) is AWS's documented example; a
    // wildcard is reported in the branch name itself.
    let context = context?;
    if let Some(branch) = context.strip_prefix("ref:refs/heads/") {
        if branch.contains(['*', '?']) {
            return Some("branch");
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn providers() {
        assert_eq!(
            oidc_provider(
                "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
            ),
            Some(GITHUB)
        );
        assert_eq!(
            oidc_provider("accounts.google.com"),
            Some("accounts.google.com")
        );
        assert_eq!(
            oidc_provider("arn:aws:iam::123456789012:saml-provider/Okta"),
            None
        );
    }

    #[test]
    fn github_subjects() {
        assert_eq!(
            github_subject_problem("repo:acme/app:ref:refs/heads/main"),
            None
        );
        assert_eq!(
            github_subject_problem("repo:acme/app:environment:prod"),
            None
        );
        assert_eq!(github_subject_problem("repo:acme/app:pull_request"), None);
        assert_eq!(github_subject_problem("repo:acme/*"), Some("repository"));
        assert_eq!(
            github_subject_problem("repo:acme/*:ref:refs/heads/main"),
            Some("repository")
        );
        assert_eq!(github_subject_problem("repo:acme/app:*"), None);
        assert_eq!(
            github_subject_problem("repo:acme/app:ref:refs/heads/*"),
            Some("branch")
        );
        assert_eq!(github_subject_problem("*"), Some("repository"));
    }
}
