//! Actions: the form `service:Action`, duplicates and redundancies.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Action, Statement};
use crate::validate::resources::arn::{covers, has_wildcard};
use crate::validate::Sink;

/// What the action rules learnt about a statement, for the rules that follow (resources,
/// conditions, risk): computed once per statement.
#[derive(Debug, Default)]
pub(crate) struct Facts {}

/// Text compared with ASCII case ignored (IAM compares actions that way).
#[derive(Debug, Clone, Copy)]
struct NoCase<'a>(&'a str);

impl PartialEq for NoCase<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for NoCase<'_> {}

impl Hash for NoCase<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for byte in self.0.bytes() {
            state.write_u8(byte.to_ascii_lowercase());
        }
    }
}

pub(super) fn check(statement: &Statement, at: &Location, sink: &mut Sink<'_>) -> Facts {
    let Some(actions) = statement.action() else {
        return Facts::default();
    };
    let element = if actions.is_negated() {
        "NotAction"
    } else {
        "Action"
    };
    let items = actions.items().items();
    let location = |index: usize| at.clone().key(element).index(index);

    for (index, action) in items.iter().enumerate() {
        let text = action.as_str();
        if let Err(problem) = check_form(text) {
            sink.push(
                Diagnostic::new(
                    Code::InvalidAction,
                    location(index),
                    format!("invalid action `{text}`: {problem}"),
                )
                .with_help(
                    "write a service prefix and an action name, such as `s3:GetObject`, or `*`",
                ),
            );
        }
    }

    duplicates_and_redundancies(items, &location, sink);
    Facts {}
}

/// Whether `text` has the form `service:Action` (either side may hold `*` and `?`), or is `*`.
fn check_form(text: &str) -> Result<(), &'static str> {
    if text == "*" {
        return Ok(());
    }
    let Some((service, name)) = text.split_once(':') else {
        return Err("not of the form `service:Action`");
    };
    if service.is_empty() {
        return Err("the service prefix is empty");
    }
    if name.is_empty() {
        return Err("the action name is empty");
    }
    if !service
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'*' | b'?'))
    {
        return Err("a service prefix has only letters, digits and `-`");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'*' | b'?'))
    {
        return Err("an action name has only letters, digits, `-` and `_`");
    }
    Ok(())
}

/// `duplicate-action` (the same text, ignoring case) and `redundant-action` (covered by another
/// item's wildcard).
fn duplicates_and_redundancies(
    items: &[Action],
    location: &dyn Fn(usize) -> Location,
    sink: &mut Sink<'_>,
) {
    let want_duplicates = sink.wants(Code::DuplicateAction);
    let want_redundant = sink.wants(Code::RedundantAction);
    if items.len() < 2 || !(want_duplicates || want_redundant) {
        return;
    }
    let mut first: HashMap<NoCase<'_>, usize> = HashMap::with_capacity(items.len());
    let mut duplicate = vec![false; items.len()];
    for (index, action) in items.iter().enumerate() {
        let text = action.as_str();
        if let Some(&earlier) = first.get(&NoCase(text)) {
            duplicate[index] = true;
            if want_duplicates {
                sink.push(
                    Diagnostic::new(
                        Code::DuplicateAction,
                        location(index),
                        format!("duplicate action `{text}`"),
                    )
                    .with_help(format!(
                        "it is already listed as `{}`; remove this one",
                        items[earlier].as_str()
                    )),
                );
            }
        } else {
            first.insert(NoCase(text), index);
        }
    }
    if !want_redundant {
        return;
    }
    let patterns: Vec<&str> = items
        .iter()
        .enumerate()
        .filter(|&(index, action)| !duplicate[index] && has_wildcard(action.as_str()))
        .map(|(_, action)| action.as_str())
        .collect();
    if patterns.is_empty() {
        return;
    }
    for (index, action) in items.iter().enumerate() {
        if duplicate[index] {
            continue;
        }
        let text = action.as_str();
        let coverer = patterns
            .iter()
            .find(|pattern| !pattern.eq_ignore_ascii_case(text) && covers(pattern, text, true));
        if let Some(pattern) = coverer {
            sink.push(
                Diagnostic::new(
                    Code::RedundantAction,
                    location(index),
                    format!("action `{text}` is already covered by `{pattern}`"),
                )
                .with_help("remove it, or narrow the wildcard"),
            );
        }
    }
}

/// Whether a statement names a role-assuming action (`sts:AssumeRole`,
/// `sts:AssumeRoleWithWebIdentity`, `sts:AssumeRoleWithSAML`, or a pattern covering one) with
/// `Action`: what makes a policy with principals a trust policy.
pub(crate) fn assumes_role(statement: &Statement) -> bool {
    let Some(actions) = statement.action() else {
        return false;
    };
    if actions.is_negated() {
        return false;
    }
    actions.items().iter().any(|action| {
        let text = action.as_str();
        text != "*"
            && [
                "sts:AssumeRole",
                "sts:AssumeRoleWithWebIdentity",
                "sts:AssumeRoleWithSAML",
            ]
            .iter()
            .any(|name| covers(text, name, true))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        for ok in [
            "*",
            "s3:GetObject",
            "s3:*",
            "rds-db:connect",
            "s3:Get*Acl",
            "*:Get*",
        ] {
            assert_eq!(check_form(ok), Ok(()), "{ok}");
        }
        for bad in [
            "s3",
            "s3:",
            ":GetObject",
            "s3:Get Object",
            "s3 :Get",
            "s3:a:b",
        ] {
            assert!(check_form(bad).is_err(), "{bad}");
        }
    }
}
