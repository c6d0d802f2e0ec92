//! Principals: where they are allowed, where they are required, and what each kind may hold.
//!
//! - `AWS`: `*`, a 12-digit account, an IAM or STS ARN (`arn:aws:iam::ACCOUNT:root`, `user/...`,
//!   `role/...`, `arn:aws:sts::ACCOUNT:assumed-role/...`, `federated-user/...`), the legacy
//!   CloudFront origin access identity (`arn:aws:iam::cloudfront:user/...`), or an IAM unique ID
//!   (`AROA...`, `AIDA...`), which IAM writes in place of an ARN whose role or user was deleted.
//!   IAM does not accept wildcards inside a principal ARN (only a whole `*`).
//! - `Service`: a DNS name such as `bedrock.amazonaws.com` (letters, digits, `.` and `-`), and
//!   the one rule of what a service principal looks like ([`service_principal_problem`]), which
//!   the condition keys that hold service principals share (`conditions/service_principals.rs`).
//! - `Federated`: a provider's DNS name (`cognito-identity.amazonaws.com`, `accounts.google.com`)
//!   or an IAM `saml-provider/...` or `oidc-provider/...` ARN.
//! - `CanonicalUser`: 64 hexadecimal digits.
//!
//! A documentation placeholder (`arn:aws:iam::account-id:role/x`) is a `placeholder-value`
//! warning, not an invalid principal.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{OneOrMany, Policy, Principal, PrincipalKind, Statement};
use crate::validate::element_variables;
use crate::validate::placeholders;
use crate::validate::resources::arn;
use crate::validate::{PolicyKind, Scope, Sink};

/// The `Principal` map of a statement (`{"Service": .., "Federated": ..}`), when it has one
/// written as `Principal` (not `NotPrincipal`, not `"*"`): what the checks of a statement's
/// principals by kind read.
pub(super) fn principal_map(
    statement: &Statement,
) -> Option<&[(PrincipalKind, OneOrMany<String>)]> {
    let principals = statement.principal()?;
    match principals.principal() {
        Principal::Map(kinds) if !principals.is_negated() => Some(kinds),
        _ => None,
    }
}

/// A policy of a kind that needs principals, in which some statements have one and others do
/// not, gets one `missing-principal` that says so (at `Statement`), instead of one per
/// statement without a principal: the likely mistake is the policy's kind, or one statement
/// pasted from an identity policy.
pub(super) fn check_mixed(policy: &Policy, sink: &mut Sink<'_>) {
    let kind = sink.cx().kind();
    if !kind.needs_principal() {
        return;
    }
    let statements = policy.statements();
    let without: Vec<usize> = statements
        .iter()
        .enumerate()
        .filter(|(_, statement)| statement.principal().is_none())
        .map(|(index, _)| index)
        .collect();
    if without.is_empty() || without.len() == statements.len() {
        return;
    }
    sink.mixed_principals = true;
    let list: Vec<String> = without.iter().map(|index| format!("[{index}]")).collect();
    sink.push(
        Diagnostic::new(
            Code::MissingPrincipal,
            Location::root().key("Statement"),
            format!(
                "the policy mixes statements with and without a principal: `Statement{}` {} no \
                 `Principal` or `NotPrincipal`, the others have one",
                list.join("`, `Statement"),
                if without.len() == 1 { "has" } else { "have" }
            ),
        )
        .with_help(format!(
            "in a {} policy every statement names its principal; if this is an identity policy, \
             remove the principals and check it as one",
            kind_name(kind)
        )),
    );
}

pub(super) fn check(statement: &Statement, at: &Location, _scope: Scope, sink: &mut Sink<'_>) {
    let kind = sink.cx().kind();
    let Some(principals) = statement.principal() else {
        if kind.needs_principal() && !sink.mixed_principals {
            sink.push(
                Diagnostic::new(
                    Code::MissingPrincipal,
                    at.clone(),
                    format!(
                        "statement of a {} policy has neither `Principal` nor `NotPrincipal`",
                        kind_name(kind)
                    ),
                )
                .with_help(
                    "add `\"Principal\"` with the accounts, roles or services it applies to",
                ),
            );
        }
        return;
    };
    let element = if principals.is_negated() {
        "NotPrincipal"
    } else {
        "Principal"
    };
    if matches!(kind, PolicyKind::Identity | PolicyKind::ServiceControl) {
        sink.push(
            Diagnostic::new(
                Code::PrincipalInIdentityPolicy,
                at.clone().key(element),
                format!(
                    "`{element}` in {}",
                    match kind {
                        PolicyKind::ServiceControl => "a service control policy",
                        _ => "an identity policy",
                    }
                ),
            )
            .with_help(
                "an identity policy applies to the user, group or role it is attached to; \
                 remove the principal, or check this as a resource or trust policy",
            ),
        );
    }
    let Principal::Map(kinds) = principals.principal() else {
        return;
    };
    for (principal_kind, values) in kinds {
        if *principal_kind == PrincipalKind::Federated && kind == PolicyKind::Resource {
            // Access Analyzer's `FEDERATED_PRINCIPAL_NOT_SUPPORTED`: "Identity policies and
            // other resource-based policies don't support a federated identity provider in the
            // `Principal` element. For example, you can't use a SAML principal in an Amazon S3
            // bucket policy"
            // (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>).
            sink.push(
                Diagnostic::new(
                    Code::FederatedPrincipalNotSupported,
                    at.clone().key(element).key(principal_kind.as_str()),
                    "a `Federated` principal in a resource policy: identity providers are principals in role trust policies only",
                )
                .with_help(
                    "grant access to the role the provider's users assume (an `AWS` principal), or check this as a trust policy",
                ),
            );
        }
        for (index, value) in values.iter().enumerate() {
            let location = || {
                at.clone()
                    .key(element)
                    .key(principal_kind.as_str())
                    .index(index)
            };
            if element_variables::check(value, element, location, sink) {
                continue;
            }
            if let Some(placeholder) = placeholders::in_value(value) {
                sink.push(
                    Diagnostic::new(Code::PlaceholderValue, location(), placeholder.message())
                        .with_help("replace the placeholder with the real value"),
                );
                continue;
            }
            if *principal_kind == PrincipalKind::Aws && is_unique_id(value) {
                // Access Analyzer's `INVALID_ROLE_REFERENCE` / `INVALID_USER_REFERENCE` warnings
                // (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>):
                // IAM stores a principal ARN as the unique ID of the role or user, and shows the ID
                // when that role or user was deleted; a role recreated with the same name gets a
                // new ID, which this one does not match
                // (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-roles>).
                sink.push(
                    Diagnostic::new(
                        Code::PrincipalUniqueId,
                        location(),
                        format!(
                            "`{value}` is an IAM unique ID, not an ARN: IAM shows one in place of a role or user that was deleted"
                        ),
                    )
                    .with_help(
                        "name the role or user by its ARN; a role or user recreated with the same name has a new ID, which this one does not match",
                    ),
                );
                continue;
            }
            if *principal_kind == PrincipalKind::Service {
                if let Some(problem) = service_principal_problem(value, false)
                    .filter(|problem| *problem != ServicePrincipalProblem::NotDnsName)
                {
                    sink.push(problem.diagnostic(value, location(), None));
                    continue;
                }
            }
            if let Err(problem) = check_value(principal_kind, value) {
                sink.push(
                    Diagnostic::new(
                        Code::InvalidPrincipal,
                        location(),
                        format!(
                            "invalid `{}` principal `{value}`: {problem}",
                            principal_kind.as_str()
                        ),
                    )
                    .with_help(help(principal_kind)),
                );
            }
        }
    }
}

fn kind_name(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::Trust => "trust",
        PolicyKind::ResourceControl => "resource control",
        _ => "resource",
    }
}

fn help(kind: &PrincipalKind) -> &'static str {
    match kind {
        PrincipalKind::Aws => {
            "write `*`, a 12-digit account ID, or an ARN such as \
             `arn:aws:iam::123456789012:root` or `arn:aws:iam::123456789012:role/name`"
        }
        PrincipalKind::Service => "write a service principal such as `bedrock.amazonaws.com`",
        PrincipalKind::Federated => {
            "write a provider such as `cognito-identity.amazonaws.com` or an ARN such as \
             `arn:aws:iam::123456789012:saml-provider/name`"
        }
        PrincipalKind::CanonicalUser => {
            "write the 64 hexadecimal digits of an S3 canonical user ID"
        }
    }
}

/// Checks one principal value, saying what is wrong.
fn check_value(kind: &PrincipalKind, value: &str) -> Result<(), &'static str> {
    match kind {
        PrincipalKind::Aws => aws(value),
        PrincipalKind::Service => match service_principal_problem(value, false) {
            Some(ServicePrincipalProblem::NotDnsName) => {
                Err(ServicePrincipalProblem::NotDnsName.text())
            }
            // Case and DNS suffix are `invalid-service-principal-format` warnings (`check`).
            _ => Ok(()),
        },
        PrincipalKind::Federated => {
            if value.starts_with("arn:") {
                let (service, resource) = iam_arn(value)?;
                if service == "iam"
                    && (resource.starts_with("saml-provider/")
                        || resource.starts_with("oidc-provider/"))
                {
                    Ok(())
                } else {
                    Err("a federated principal ARN names a `saml-provider/` or `oidc-provider/`")
                }
            } else if is_dns_name(value) {
                Ok(())
            } else {
                Err("a federated principal is a provider's DNS name or a provider ARN")
            }
        }
        PrincipalKind::CanonicalUser => {
            if value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()) {
                Ok(())
            } else {
                Err("a canonical user ID has 64 hexadecimal digits")
            }
        }
    }
}

fn aws(value: &str) -> Result<(), &'static str> {
    if value == "*" {
        return Ok(());
    }
    if value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    if is_unique_id(value) {
        return Ok(());
    }
    if !value.starts_with("arn:") {
        return Err("not `*`, an account ID or an ARN");
    }
    let (service, resource) = iam_arn(value)?;
    let ok = match service {
        "iam" => {
            resource == "root"
                || ["user/", "role/", "assumed-role/", "federated-user/"]
                    .iter()
                    .any(|prefix| resource.starts_with(prefix) && resource.len() > prefix.len())
        }
        _ => ["assumed-role/", "federated-user/"]
            .iter()
            .any(|prefix| resource.starts_with(prefix) && resource.len() > prefix.len()),
    };
    if ok {
        Ok(())
    } else {
        Err("an IAM principal ARN ends with `root`, `user/...`, `role/...` or, for STS, `assumed-role/...`")
    }
}

/// The service (`iam` or `sts`) and resource of a principal ARN, after checking its shape.
fn iam_arn(value: &str) -> Result<(&str, &str), &'static str> {
    let parts =
        arn::split(value).map_err(|_| "not an ARN of the form `arn:aws:iam::ACCOUNT:...`")?;
    if parts.service != "iam" && parts.service != "sts" {
        return Err("a principal ARN is an `iam` or `sts` ARN");
    }
    if !parts.region.is_empty() {
        return Err("an IAM principal ARN has no region");
    }
    if arn::has_wildcard(value) {
        return Err("IAM does not accept wildcards inside a principal ARN (only a whole `*`)");
    }
    let account_ok = (parts.account.len() == 12
        && parts.account.bytes().all(|b| b.is_ascii_digit()))
        || (parts.service == "iam" && parts.account == "cloudfront");
    if !account_ok {
        return Err("the account field of a principal ARN has 12 digits");
    }
    Ok((parts.service, parts.resource))
}

/// An IAM unique ID: four letters (`AIDA`, `AROA`, `AIPA`, ...) and at least 16 more upper-case
/// letters or digits.
fn is_unique_id(value: &str) -> bool {
    value.len() >= 20
        && value.starts_with('A')
        && value.bytes().take(4).all(|b| b.is_ascii_uppercase())
        && value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The DNS suffixes of AWS's service principals: `SERVICE.amazonaws.com` in most partitions,
/// `SERVICE.amazonaws.com.cn` in the China Regions, `amazon.com` for Alexa's principals
/// (`alexa-appkit.amazon.com`), and the suffixes of the isolated partitions and the European
/// Sovereign Cloud, which AWS's SDKs write for those partitions' services. Sources: "AWS service
/// principals" in the IAM User Guide
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services>),
/// and Access Analyzer's `INVALID_SERVICE_PRINCIPAL_FORMAT`, "usually in the following format in
/// all lowercase letters: `service-name.amazonaws.com`"
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>).
const SERVICE_PRINCIPAL_SUFFIXES: &[&str] = &[
    ".amazonaws.com",
    ".amazonaws.com.cn",
    ".amazon.com",
    ".c2s.ic.gov",
    ".sc2s.sgov.gov",
    ".cloud.adc-e.uk",
    ".csp.hci.ic.gov",
    ".amazonaws.eu",
];

/// What is wrong with a service principal (`SERVICE.amazonaws.com`), by
/// [`service_principal_problem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ServicePrincipalProblem {
    /// Not a DNS name at all (`lambda`, an ARN, a URL): `invalid-principal` in `Principal`.
    NotDnsName,
    /// Upper-case letters: service principals are all lowercase, and IAM compares them as
    /// written.
    UpperCase,
    /// A DNS name outside AWS's suffixes (`ec2.aws.com`).
    Suffix,
    /// A `kms:ViaService` value without a region (`ec2.amazonaws.com`).
    NotRegional,
}

impl ServicePrincipalProblem {
    /// Why the value is not a service principal.
    pub(crate) fn text(self) -> &'static str {
        match self {
            Self::NotDnsName => "a service principal is a DNS name such as `bedrock.amazonaws.com`",
            Self::UpperCase => "a service principal is written in lowercase",
            Self::Suffix => {
                "a service principal ends with `.amazonaws.com` (`.amazonaws.com.cn` in the China Regions)"
            }
            Self::NotRegional => {
                "`kms:ViaService` names a service in a region: `SERVICE.REGION.amazonaws.com`"
            }
        }
    }

    /// The `invalid-service-principal-format` finding for `value` at `location`; `key` is the
    /// condition key that holds it (none in `Principal`).
    pub(crate) fn diagnostic(
        self,
        value: &str,
        location: Location,
        key: Option<&str>,
    ) -> Diagnostic {
        let message = match key {
            Some(key) => format!(
                "`{value}` is not a service principal as `{key}` holds them: {}; the condition never matches it",
                self.text()
            ),
            None => format!("invalid `Service` principal `{value}`: {}", self.text()),
        };
        let diagnostic = Diagnostic::new(Code::InvalidServicePrincipalFormat, location, message);
        match self {
            Self::UpperCase => {
                let lower = value.to_ascii_lowercase();
                diagnostic.with_did_you_mean(&lower, lower.clone())
            }
            Self::NotDnsName if !value.is_empty() && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') => {
                let full = format!("{value}.amazonaws.com");
                diagnostic.with_did_you_mean(&full, full.clone())
            }
            Self::NotRegional => diagnostic.with_help(
                "write the service and the region of the requests, such as `ec2.us-east-1.amazonaws.com`, or `ec2.*.amazonaws.com` under `StringLike`",
            ),
            _ => diagnostic.with_help("write a service principal such as `bedrock.amazonaws.com`"),
        }
    }
}

/// The one rule of what a service principal looks like: a lowercase DNS name ending with one of
/// AWS's suffixes; with `regional` (`kms:ViaService`, whose values are
/// `SERVICE.REGION.amazonaws.com`:
/// <https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service>),
/// also a region-shaped label before the suffix. `None` for a valid one, regional service
/// principals (`logs.us-east-1.amazonaws.com`) and dotted ones
/// (`ecs.application-autoscaling.amazonaws.com`) included.
pub(crate) fn service_principal_problem(
    value: &str,
    regional: bool,
) -> Option<ServicePrincipalProblem> {
    if !is_dns_name(value) {
        return Some(ServicePrincipalProblem::NotDnsName);
    }
    if value.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(ServicePrincipalProblem::UpperCase);
    }
    let Some(name) = SERVICE_PRINCIPAL_SUFFIXES
        .iter()
        .find_map(|suffix| value.strip_suffix(suffix))
        .filter(|name| !name.is_empty())
    else {
        return Some(ServicePrincipalProblem::Suffix);
    };
    if regional {
        let region = name.rsplit('.').next().unwrap_or_default();
        if !name.contains('.') || !crate::validate::regions::is_region_shaped(region) {
            return Some(ServicePrincipalProblem::NotRegional);
        }
    }
    None
}

/// A DNS name with at least one dot.
fn is_dns_name(value: &str) -> bool {
    value.contains('.')
        && !value.starts_with('.')
        && !value.ends_with('.')
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aws_principals() {
        for ok in [
            "*",
            "123456789012",
            "arn:aws:iam::123456789012:root",
            "arn:aws:iam::123456789012:role/path/Name",
            "arn:aws-cn:iam::123456789012:user/Name",
            "arn:aws:sts::123456789012:assumed-role/Role/session",
            "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1ABC",
            "AROAEXAMPLEID1234567",
        ] {
            assert_eq!(aws(ok), Ok(()), "{ok}");
        }
        for bad in [
            "12345",
            "arn:aws:iam::*:role/x",
            "arn:aws:s3:::bucket",
            "arn:aws:iam::123456789012:group/g",
            "arn:aws:iam:us-east-1:123456789012:root",
            "role/Name",
        ] {
            assert!(aws(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn other_kinds() {
        assert!(check_value(&PrincipalKind::Service, "bedrock.amazonaws.com").is_ok());
        assert!(check_value(&PrincipalKind::Service, "bedrock").is_err());
        // Case and suffix are warnings of their own code, not `invalid-principal`.
        assert!(check_value(&PrincipalKind::Service, "Bedrock.amazonaws.com").is_ok());
        assert!(check_value(&PrincipalKind::Federated, "accounts.google.com").is_ok());
        assert!(check_value(
            &PrincipalKind::Federated,
            "arn:aws:iam::123456789012:saml-provider/Okta"
        )
        .is_ok());
        assert!(check_value(
            &PrincipalKind::Federated,
            "arn:aws:iam::123456789012:role/x"
        )
        .is_err());
        assert!(check_value(&PrincipalKind::CanonicalUser, &"a".repeat(64)).is_ok());
        assert!(check_value(&PrincipalKind::CanonicalUser, "abc").is_err());
    }

    #[test]
    fn service_principal_forms() {
        for ok in [
            "bedrock.amazonaws.com",
            "ecs.application-autoscaling.amazonaws.com",
            "logs.us-east-1.amazonaws.com",
            "ec2.amazonaws.com.cn",
            "alexa-appkit.amazon.com",
        ] {
            assert_eq!(service_principal_problem(ok, false), None, "{ok}");
        }
        for (bad, problem) in [
            ("lambda", ServicePrincipalProblem::NotDnsName),
            (
                "arn:aws:iam::123456789012:root",
                ServicePrincipalProblem::NotDnsName,
            ),
            (
                "https://ec2.amazonaws.com",
                ServicePrincipalProblem::NotDnsName,
            ),
            ("EC2.amazonaws.com", ServicePrincipalProblem::UpperCase),
            ("ec2.aws.com", ServicePrincipalProblem::Suffix),
            ("amazonaws.com", ServicePrincipalProblem::Suffix),
        ] {
            assert_eq!(
                service_principal_problem(bad, false),
                Some(problem),
                "{bad}"
            );
        }
        assert_eq!(
            service_principal_problem("ec2.us-east-1.amazonaws.com", true),
            None
        );
        assert_eq!(
            service_principal_problem("ec2.cn-north-1.amazonaws.com.cn", true),
            None
        );
        assert_eq!(
            service_principal_problem("ec2.amazonaws.com", true),
            Some(ServicePrincipalProblem::NotRegional)
        );
    }
}
