//! Resources: ARN shape, placeholders, duplicates and redundancies.
//!
//! A resource is `*` or `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, where any field may hold
//! `*`, `?` and `${...}` variables; the region and account may be empty (global resources, S3
//! buckets, AWS-owned resources). Anything else is `malformed-arn`.

pub(crate) mod arn;

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Resource, Statement};
use crate::validate::actions::Facts;
use crate::validate::placeholders;
use crate::validate::Sink;

use self::arn::{covers, has_wildcard, split, ArnError};

pub(super) fn check(statement: &Statement, at: &Location, _facts: &Facts, sink: &mut Sink<'_>) {
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
                }
            }
        }
    }
    duplicates_and_redundancies(items, &location, sink);
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
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    let mut duplicate = vec![false; items.len()];
    for (index, resource) in items.iter().enumerate() {
        let text = resource.as_str();
        if first.contains_key(text) {
            duplicate[index] = true;
            if want_duplicates {
                sink.push(
                    Diagnostic::new(
                        Code::DuplicateResource,
                        location(index),
                        format!("duplicate resource `{text}`"),
                    )
                    .with_help("remove this one"),
                );
            }
        } else {
            first.insert(text, index);
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
