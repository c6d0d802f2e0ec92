//! Resources: ARN shape, placeholders, duplicates and redundancies.
//!
//! A resource is `*` or `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, where any field may hold
//! `*`, `?` and `${...}` variables; the region and account may be empty (global resources, S3
//! buckets, AWS-owned resources). Anything else is `malformed-arn`.
//!
//! `resource-type-mismatch` (a warning) is reported for an ARN that no action of the statement
//! accepts: one action whose resource types match the ARN is enough; patterns count with every
//! action they expand to; an action that takes no resource type accepts only `*`; unknown actions
//! are left out; `*` always matches; and the rule is silent when the actions are open-ended
//! (`*`, `NotAction`) or when the ARN holds a policy variable in its service or resource fields
//! only to the extent the catalog's ARN matching allows (see `catalog::index::arn_matches`).

pub(crate) mod arn;

use catalog::index::{ArnPattern, ResourceTypeInfo};

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Resource, Statement};
use crate::validate::actions::Facts;
use crate::validate::conditions::variables;
use crate::validate::placeholders;
use crate::validate::Sink;

use self::arn::{covers, has_wildcard, split, ArnError};

pub(super) fn check(
    statement: &Statement,
    at: &Location,
    facts: &Facts<'_>,
    variables_live: bool,
    sink: &mut Sink<'_>,
) {
    let Some(resources) = statement.resource() else {
        return;
    };
    let element = if resources.is_negated() {
        "NotResource"
    } else {
        "Resource"
    };
    let items = resources.items().items();
    let location = |index: usize| at.clone().key(element).index(index);

    // Computed on the first ARN that needs it.
    let mut types: Option<Vec<ResourceTypeInfo>> = None;
    for (index, resource) in items.iter().enumerate() {
        let text = resource.as_str();
        if text == "*" {
            continue;
        }
        match split(text) {
            Err(problem) => sink.push(
                Diagnostic::new(
                    Code::MalformedArn,
                    location(index),
                    format!("malformed ARN `{text}`: {}", describe(problem)),
                )
                .with_help(
                    "write `*` or an ARN `arn:partition:service:region:account:resource`, \
                     such as `arn:aws:s3:::bucket/*`",
                ),
            ),
            Ok(parts) => {
                if let Some(placeholder) = placeholders::in_arn(&parts) {
                    sink.push(
                        Diagnostic::new(
                            Code::PlaceholderValue,
                            location(index),
                            placeholder.message(),
                        )
                        .with_help("replace the placeholder with the real value"),
                    );
                } else {
                    crate::validate::arns::check(&parts, text, &|| location(index), sink);
                }
                if variables_live && text.contains("${") {
                    variables::check(text, &|| location(index), sink);
                }
                if !resources.is_negated()
                    && facts.is_closed()
                    && sink.wants(Code::ResourceTypeMismatch)
                    && !accepted(
                        types.get_or_insert_with(|| resource_types(facts)),
                        &parts,
                        text,
                    )
                {
                    sink.push(
                        Diagnostic::new(
                            Code::ResourceTypeMismatch,
                            location(index),
                            format!("no action of this statement applies to resource `{text}`"),
                        )
                        .with_help(mismatch_help(facts, parts.service)),
                    );
                }
            }
        }
    }
    duplicates_and_redundancies(items, &location, sink);
}

/// The distinct resource types that the statement's actions take (an action's resource type
/// may belong to another service: `ssm:SendCommand` takes EC2 instances).
fn resource_types(facts: &Facts<'_>) -> Vec<ResourceTypeInfo> {
    let mut types: Vec<ResourceTypeInfo> = facts
        .actions()
        .iter()
        .flat_map(|action| {
            action
                .resource_types()
                .map(|(resource_type, _)| resource_type)
        })
        .collect();
    types.sort_unstable();
    types.dedup();
    types
}

/// Whether one of the resource types can name the policy ARN `text` (split into `parts`): one
/// of its ARN formats matches it, field by field (see `catalog::index::arn_matches`: a wildcard
/// resource part never stands for a missing region or account, so `arn:*:kms:*:::*` names no
/// KMS key).
///
/// A region or account left empty where the ARN format has one is accepted when the resource
/// part names the resource explicitly: AWS-owned resources have such ARNs (public SSM documents
/// `arn:aws:ssm:*::document/AWS-RunShellScript`, public parameters).
fn accepted(types: &[ResourceTypeInfo], parts: &arn::ArnParts<'_>, text: &str) -> bool {
    let pattern = ArnPattern::new(text);
    if pattern.matches_any(types) {
        return true;
    }
    let explicit = parts
        .resource
        .starts_with(|c: char| c.is_ascii_alphanumeric());
    if !explicit || !(parts.region.is_empty() || parts.account.is_empty()) {
        return false;
    }
    // The empty fields as wildcards.
    fn or_any(field: &str) -> &str {
        if field.is_empty() {
            "*"
        } else {
            field
        }
    }
    let owned = format!(
        "arn:{}:{}:{}:{}:{}",
        parts.partition,
        parts.service,
        or_any(parts.region),
        or_any(parts.account),
        parts.resource
    );
    ArnPattern::new(&owned).matches_any(types)
}

/// Says which resource types the statement's actions of the ARN's service take.
fn mismatch_help(facts: &Facts<'_>, service: &str) -> String {
    let mut types: Vec<&str> = Vec::new();
    for action in facts.actions() {
        if !action.service().prefix().eq_ignore_ascii_case(service) {
            continue;
        }
        for (resource_type, _) in action.resource_types() {
            if let Some(&format) = resource_type.arn_formats().first() {
                if !types.contains(&format) {
                    types.push(format);
                }
            }
        }
    }
    match types.as_slice() {
        [] => format!(
            "none of the statement's actions takes a `{service}` resource; \
             an action without resource types needs `\"Resource\": \"*\"`"
        ),
        [one] => format!("the statement's `{service}` actions take ARNs like `{one}`"),
        more => format!(
            "the statement's `{service}` actions take ARNs like `{}`",
            more.join("`, `")
        ),
    }
}

fn describe(problem: ArnError) -> String {
    match problem {
        ArnError::NoPrefix => "it does not start with `arn:`".to_owned(),
        ArnError::TooFewFields(n) => format!("it has {n} of the 6 fields separated by `:`"),
        ArnError::EmptyField(field) => format!("the {field} field is empty"),
        ArnError::UnclosedVariable => "a `${` has no closing `}`".to_owned(),
    }
}

/// `duplicate-resource` (the same text: ARNs are case-sensitive) and `redundant-resource` (covered
/// by another item's wildcard).
fn duplicates_and_redundancies(
    items: &[Resource],
    location: &dyn Fn(usize) -> Location,
    sink: &mut Sink<'_>,
) {
    let want_duplicates = sink.wants(Code::DuplicateResource);
    let want_redundant = sink.wants(Code::RedundantResource);
    if items.len() < 2 || !(want_duplicates || want_redundant) {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| items[a].as_str().cmp(items[b].as_str()).then(a.cmp(&b)));
    let mut duplicate = vec![false; items.len()];
    for pair in order.windows(2) {
        if items[pair[0]].as_str() == items[pair[1]].as_str() {
            duplicate[pair[1]] = true;
        }
    }
    if want_duplicates {
        for (index, resource) in items.iter().enumerate() {
            if duplicate[index] {
                sink.push(
                    Diagnostic::new(
                        Code::DuplicateResource,
                        location(index),
                        format!("duplicate resource `{}`", resource.as_str()),
                    )
                    .with_help("remove this one"),
                );
            }
        }
    }
    if !want_redundant {
        return;
    }
    let patterns: Vec<&str> = items
        .iter()
        .enumerate()
        .filter(|&(index, resource)| !duplicate[index] && has_wildcard(resource.as_str()))
        .map(|(_, resource)| resource.as_str())
        .collect();
    if patterns.is_empty() {
        return;
    }
    for (index, resource) in items.iter().enumerate() {
        if duplicate[index] {
            continue;
        }
        let text = resource.as_str();
        let coverer = patterns
            .iter()
            .find(|&&pattern| pattern != text && covers(pattern, text, false));
        if let Some(pattern) = coverer {
            sink.push(
                Diagnostic::new(
                    Code::RedundantResource,
                    location(index),
                    format!("resource `{text}` is already covered by `{pattern}`"),
                )
                .with_help("remove it, or narrow the wildcard"),
            );
        }
    }
}
