//! Structure: `Version`, empty lists, missing `Action` and `Resource`.
//!
//! `missing-resource` depends on the kind of policy:
//! - identity policies: an error (IAM rejects a statement without `Resource` or `NotResource`);
//! - service control, resource control and resource policies: a warning. AWS's documentation
//!   writes `Resource` in every statement of these and most services require it (S3, KMS, SQS,
//!   SNS), but some accept a statement without it, since the policy is attached to the one
//!   resource it governs (an ECR repository policy, for example);
//! - trust policies: never (the resource is the role itself; IAM rejects a `Resource` there);
//! - statement fragments ([`crate::validate_statement`]): never, since a fragment may get its
//!   `Resource` when it is added to a policy.

use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::model::{Policy, Principal, SetQualifier, Statement, Version};
use crate::validate::{PolicyKind, Scope, Sink};

/// `Version` and an empty `Statement` list.
pub(super) fn check_policy(policy: &Policy, sink: &mut Sink<'_>) {
    match policy.version() {
        None => sink.push(
            Diagnostic::new(
                Code::MissingVersion,
                Location::root(),
                "policy has no `Version`, so policy variables such as `${aws:username}` are plain text",
            )
            .with_help("add `\"Version\": \"2012-10-17\"`")
            .with_suggestion("2012-10-17"),
        ),
        Some(Version::V2008_10_17) => sink.push(
            Diagnostic::new(
                Code::OldVersion,
                Location::root().key("Version"),
                "`Version` `2008-10-17` is outdated: policy variables such as `${aws:username}` are plain text in it",
            )
            .with_help("use `2012-10-17`, the current version")
            .with_suggestion("2012-10-17"),
        ),
        Some(Version::V2012_10_17) => {}
    }
    if policy.statements().is_empty() {
        sink.push(
            Diagnostic::new(
                Code::EmptyStatement,
                Location::root().key("Statement"),
                "`Statement` is empty",
            )
            .with_help("a policy needs at least one statement"),
        );
    }
}

/// Missing or empty `Action`, `Resource`, `Principal` and condition values.
pub(super) fn check_statement(
    statement: &Statement,
    at: &Location,
    scope: Scope,
    sink: &mut Sink<'_>,
) {
    match statement.action() {
        None => sink.push(
            Diagnostic::new(
                Code::MissingAction,
                at.clone(),
                "statement has neither `Action` nor `NotAction`",
            )
            .with_help("add `\"Action\": [...]` with the actions this statement governs"),
        ),
        Some(actions) if actions.items().items().is_empty() => {
            let name = if actions.is_negated() {
                "NotAction"
            } else {
                "Action"
            };
            sink.push(empty(at.clone().key(name), name));
        }
        Some(_) => {}
    }

    match statement.resource() {
        None => {
            if let Some(severity) = missing_resource_severity(sink.cx().kind(), scope) {
                sink.push(
                    Diagnostic::new(
                        Code::MissingResource,
                        at.clone(),
                        "statement has neither `Resource` nor `NotResource`",
                    )
                    .with_help("add `\"Resource\": \"*\"` or the ARNs this statement governs")
                    .with_severity(severity),
                );
            }
        }
        Some(resources) if resources.items().items().is_empty() => {
            let name = if resources.is_negated() {
                "NotResource"
            } else {
                "Resource"
            };
            sink.push(empty(at.clone().key(name), name));
        }
        Some(_) => {}
    }

    if let Some(principals) = statement.principal() {
        let name = if principals.is_negated() {
            "NotPrincipal"
        } else {
            "Principal"
        };
        if let Principal::Map(kinds) = principals.principal() {
            if kinds.is_empty() {
                sink.push(empty(at.clone().key(name), name));
            }
            for (kind, values) in kinds {
                if values.items().is_empty() {
                    sink.push(empty(
                        at.clone().key(name).key(kind.as_str()),
                        kind.as_str(),
                    ));
                }
            }
        }
    }

    if let Some(condition) = statement.condition() {
        for block in condition.blocks() {
            for entry in block.entries() {
                if entry.values().items().is_empty() {
                    let location = at
                        .clone()
                        .key("Condition")
                        .key(block.operator().as_str())
                        .key(entry.key());
                    let effect = match block.operator().kind().and_then(|kind| kind.qualifier) {
                        Some(SetQualifier::ForAllValues) => Some(
                            "under `ForAllValues:` an empty list is true only for requests \
                             without the key",
                        ),
                        Some(SetQualifier::ForAnyValue) => {
                            Some("under `ForAnyValue:` an empty list never matches")
                        }
                        None => None,
                    };
                    let diagnostic = empty(location, entry.key());
                    sink.push(match effect {
                        Some(effect) => Diagnostic {
                            message: format!("{}: {effect}", diagnostic.message),
                            ..diagnostic
                        },
                        None => diagnostic,
                    });
                }
            }
        }
    }
}

fn empty(location: Location, name: &str) -> Diagnostic {
    Diagnostic::new(Code::EmptyStatement, location, format!("`{name}` is empty"))
        .with_help("write at least one value, or remove the element")
}

/// How serious a statement without `Resource` is for this kind of policy, if at all.
fn missing_resource_severity(kind: PolicyKind, scope: Scope) -> Option<Severity> {
    if scope == Scope::Fragment {
        return None;
    }
    match kind {
        PolicyKind::Identity => Some(Severity::Error),
        PolicyKind::Trust => None,
        _ => Some(Severity::Warning),
    }
}
