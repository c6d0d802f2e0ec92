//! Matching a statement's `Action`, `Resource` and `Principal` elements (rules 7-9 of the
//! module docs).
//!
//! - Actions, from the [action page]: "action names are case-insensitive" and so are service
//!   prefixes; `*` and `?` match within the service prefix and within the action name, never
//!   across the `:`; `"*"` alone matches every action. An entry with a comma or whitespace is
//!   not an action and matches nothing. `NotAction` ([notaction page]) "matches everything
//!   except the specified list of actions", in every service, including actions the catalog
//!   does not know yet.
//! - Resources: see [`super::glob::arn_like`]. A request for an action that takes no resource
//!   type carries `*` as its resource, which only `"Resource": "*"` matches (the [resource
//!   page]: "Some actions ... do not support resource-level permissions ... you must use the
//!   wildcard (`*`) in the Resource element"). `NotResource` ([notresource page]) matches every
//!   resource not listed. A statement without `Resource` (a resource or trust policy) applies
//!   to the resource the policy is attached to.
//! - Principals, from the [principal page]: `"*"` and `{"AWS": "*"}` match everyone, anonymous
//!   callers included; an account ID and `arn:aws:iam::ID:root` both name the account, which
//!   matches every principal of the account and delegates to its identity policies; a role ARN
//!   matches the role and its sessions (the [evaluation logic page]'s table of resource-based
//!   policies: a role ARN grants to the role's sessions, limited by their boundary and session
//!   policy); an assumed-role ARN matches only that session; principals other than `"*"` take no
//!   wildcards ("You cannot use a wildcard to match part of a principal name or ARN"), so such an
//!   entry matches nothing. `NotPrincipal` ([notprincipal page]) excludes a caller only when
//!   every identity of the caller is listed: its own ARN, its role for a session, and its
//!   account ("you must also include the account ARN ... for role sessions, specify the
//!   assumed-role session ARN, the role ARN and the account").
//!
//! [action page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
//! [notaction page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
//! [resource page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
//! [notresource page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
//! [principal page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
//! [notprincipal page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
//! [evaluation logic page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html

use super::glob::{arn_like, arn_like_split, glob, substitute, Substituted};
use super::request::{Request, RequestPrincipal};
use crate::model::{Action, Actions, Principal, PrincipalKind, Resources};

/// Whether one `Action` entry matches the request's action.
pub(crate) fn action_matches(action: &Action, request: &Request) -> bool {
    match action {
        Action::Known { id, text } => match request.action_info {
            Some(request_id) => *id == request_id,
            None => text.eq_ignore_ascii_case(request.action()),
        },
        Action::Pattern(text) | Action::Unchecked(text) => {
            if text == "*" {
                return true;
            }
            if text.contains([',', ' ', '\t', '\n', '\r']) {
                return false;
            }
            let Some((service, name)) = text.split_once(':') else {
                return false;
            };
            glob(service, request.service(), true) && glob(name, request.action_name(), true)
        }
    }
}

/// Whether the `Action`/`NotAction` element applies to the request.
pub(crate) fn actions_match(actions: &Actions, request: &Request) -> bool {
    let any = actions
        .items()
        .iter()
        .any(|action| action_matches(action, request));
    any != actions.is_negated()
}

/// How a resource entry matched, or why not.
pub(crate) enum ResourceMatch {
    /// Matched (or, for `NotResource`, not listed).
    Yes,
    /// Not matched.
    No,
    /// Not matched because a policy variable could not be resolved.
    Unresolved(String),
}

/// Whether the `Resource`/`NotResource` element applies to the request. `variables`: whether
/// policy variables are replaced (version `2012-10-17`).
pub(crate) fn resources_match(
    resources: &Resources,
    request: &Request,
    variables: bool,
) -> ResourceMatch {
    let mut unresolved = None;
    let fields = request.resource_fields();
    let any = resources.items().iter().any(|resource| {
        let text = resource.as_str();
        if text == "*" {
            return true;
        }
        if request.resource() == "*" {
            return false;
        }
        let pattern = if variables {
            match substitute(text, request, true) {
                Substituted::Text(text) => text,
                Substituted::Unresolved(variable) => {
                    unresolved = Some(variable);
                    return false;
                }
            }
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        arn_like_split(&pattern, request.resource(), fields, true)
    });
    // An unresolved entry matches nothing, in `Resource` and `NotResource` alike (see the
    // decision in `glob`'s docs).
    match (any != resources.is_negated(), unresolved) {
        (true, _) => ResourceMatch::Yes,
        (false, Some(variable)) => ResourceMatch::Unresolved(variable),
        (false, None) => ResourceMatch::No,
    }
}

/// How a principal entry matched the caller: this decides which layers still limit a grant
/// of a resource policy (rule 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PrincipalMatch {
    /// Through the caller's account: a delegation to the account's identity policies.
    Account,
    /// Through the role of a role session: limited by the session's boundary and session policy.
    Role,
    /// The caller itself (user, session, federated user, service, provider), or `"*"`.
    Direct,
}

/// Whether one principal string of kind `kind` names the caller, and how.
fn entry_matches(
    kind: &PrincipalKind,
    entry: &str,
    caller: &RequestPrincipal,
) -> Option<PrincipalMatch> {
    match kind {
        PrincipalKind::Aws => {
            if entry == "*" {
                return Some(PrincipalMatch::Direct);
            }
            if entry.contains(['*', '?']) {
                return None;
            }
            let account_of_entry = if entry.len() == 12 && entry.bytes().all(|b| b.is_ascii_digit())
            {
                Some(entry)
            } else {
                entry
                    .strip_prefix("arn:")
                    .and_then(|rest| rest.split_once(":iam::"))
                    .and_then(|(_, rest)| rest.strip_suffix(":root"))
            };
            if let Some(account) = account_of_entry {
                return (caller.account() == Some(account)).then_some(match caller {
                    RequestPrincipal::Account { .. } => PrincipalMatch::Direct,
                    _ => PrincipalMatch::Account,
                });
            }
            match caller {
                RequestPrincipal::User { arn, .. }
                | RequestPrincipal::FederatedUser { arn, .. } => {
                    same_arn(entry, arn).then_some(PrincipalMatch::Direct)
                }
                RequestPrincipal::Role { arn, .. } => {
                    same_arn(entry, arn).then_some(PrincipalMatch::Role)
                }
                RequestPrincipal::AssumedRole {
                    arn,
                    role_name,
                    account,
                    ..
                } => {
                    if same_arn(entry, arn) {
                        return Some(PrincipalMatch::Direct);
                    }
                    names_role(entry, account, role_name).then_some(PrincipalMatch::Role)
                }
                _ => None,
            }
        }
        PrincipalKind::Service => match caller {
            RequestPrincipal::Service { name } => {
                (entry == "*" || entry.eq_ignore_ascii_case(name)).then_some(PrincipalMatch::Direct)
            }
            _ => None,
        },
        PrincipalKind::Federated => match caller {
            RequestPrincipal::Federated { provider } => (entry == "*"
                || entry.eq_ignore_ascii_case(provider))
            .then_some(PrincipalMatch::Direct),
            _ => None,
        },
        PrincipalKind::CanonicalUser => None,
    }
}

/// ARNs compare with the `arn:partition:service:region:account:` prefix ignoring case, the
/// resource part exactly.
fn same_arn(entry: &str, arn: &str) -> bool {
    arn_like(entry, arn, true) && !entry.contains(['*', '?'])
}

/// Whether `entry` is the ARN of the role `role_name` in `account` (any path).
fn names_role(entry: &str, account: &str, role_name: &str) -> bool {
    let Some(rest) = entry.strip_prefix("arn:") else {
        return false;
    };
    let mut parts = rest.splitn(5, ':');
    let (_partition, service, _region, entry_account, resource) = (
        parts.next(),
        parts.next().unwrap_or_default(),
        parts.next(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    service.eq_ignore_ascii_case("iam")
        && entry_account == account
        && resource
            .strip_prefix("role/")
            .is_some_and(|path| path.rsplit('/').next() == Some(role_name))
}

/// Whether a `Principal` element names the caller, and the strongest way it does.
pub(crate) fn principal_matches(
    principal: &Principal,
    caller: &RequestPrincipal,
) -> Option<PrincipalMatch> {
    match principal {
        Principal::Wildcard => Some(PrincipalMatch::Direct),
        Principal::Map(entries) => entries
            .iter()
            .flat_map(|(kind, values)| values.iter().map(move |value| (kind, value)))
            .filter_map(|(kind, value)| entry_matches(kind, value, caller))
            .max(),
    }
}

/// Whether a `NotPrincipal` element applies to the caller: it does unless every identity of
/// the caller is listed.
pub(crate) fn not_principal_applies(principal: &Principal, caller: &RequestPrincipal) -> bool {
    let Principal::Map(entries) = principal else {
        // `"NotPrincipal": "*"` excludes everyone.
        return false;
    };
    let listed = |predicate: &dyn Fn(&PrincipalKind, &str) -> bool| {
        entries
            .iter()
            .any(|(kind, values)| values.iter().any(|value| predicate(kind, value)))
    };
    let account_listed = |account: &str| {
        listed(&|kind, value| {
            *kind == PrincipalKind::Aws
                && (value == account
                    || value
                        .strip_prefix("arn:")
                        .and_then(|rest| rest.split_once(":iam::"))
                        .and_then(|(_, rest)| rest.strip_suffix(":root"))
                        == Some(account))
        })
    };
    let arn_listed =
        |arn: &str| listed(&|kind, value| *kind == PrincipalKind::Aws && same_arn(value, arn));
    match caller {
        RequestPrincipal::Anonymous => {
            !listed(&|kind, value| *kind == PrincipalKind::Aws && value == "*")
        }
        RequestPrincipal::Account { account, .. } => !account_listed(account),
        RequestPrincipal::User { arn, account }
        | RequestPrincipal::FederatedUser { arn, account } => {
            !(arn_listed(arn) && account_listed(account))
        }
        RequestPrincipal::Role { arn, account } => !(arn_listed(arn) && account_listed(account)),
        RequestPrincipal::AssumedRole {
            arn,
            role_name,
            account,
            ..
        } => {
            let role_listed = listed(&|kind, value| {
                *kind == PrincipalKind::Aws && names_role(value, account, role_name)
            });
            !(arn_listed(arn) && role_listed && account_listed(account))
        }
        RequestPrincipal::Service { name } => !listed(&|kind, value| {
            *kind == PrincipalKind::Service && value.eq_ignore_ascii_case(name)
        }),
        RequestPrincipal::Federated { provider } => !listed(&|kind, value| {
            *kind == PrincipalKind::Federated && value.eq_ignore_ascii_case(provider)
        }),
    }
}
