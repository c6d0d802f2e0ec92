//! Actions: the form `service:Action`, the catalog (unknown services and actions, wildcards that
//! match nothing, case), duplicates and redundancies.
//!
//! A retired action (one that an earlier catalog snapshot had and AWS has since removed) is an
//! `unknown-action` error with its own message ("action `x:Y` was retired by AWS (last seen in
//! catalog version V)"): for IAM it is as unknown as a typo (it grants nothing), so the code is
//! the same and `allow`-ing `unknown-action` treats both alike, while the message tells the user
//! it is not a typo and that no spelling fix exists.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use catalog::index::{catalog, ActionId, ActionInfo};

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Action, Statement};
use crate::validate::resources::arn::{covers, has_wildcard};
use crate::validate::Sink;

/// What the action rules learnt about a statement, for the rules that follow (resources,
/// conditions, risk): computed once per statement.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// The catalog's actions that the statement's `Action` names, with patterns expanded, each
    /// once. Empty for `NotAction`.
    pub(crate) actions: Vec<ActionInfo>,
    /// Whether the set of actions is open-ended: `NotAction`, a lone `*`, or a pattern over
    /// services (`*:Get*`). Rules that need "no action of the statement ..." stay silent then.
    pub(crate) open: bool,
}

impl Facts {
    /// Whether the rules that reason about "every action of the statement" can: the actions
    /// are a known, closed set with at least one member.
    pub(crate) fn is_closed(&self) -> bool {
        !self.open && !self.actions.is_empty()
    }
}

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

    let mut facts = Facts {
        actions: Vec::new(),
        open: actions.is_negated(),
    };
    let mut seen: std::collections::HashSet<ActionId> = std::collections::HashSet::new();
    for (index, action) in items.iter().enumerate() {
        let text = action.as_str();
        if text == "*" {
            facts.open = true;
            continue;
        }
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
            continue;
        }
        let resolved = resolve(action, text, &|| location(index), sink);
        match resolved {
            Resolved::Open => facts.open = true,
            Resolved::Actions(found) => {
                for info in found {
                    if seen.insert(info.id()) && !actions.is_negated() {
                        facts.actions.push(info);
                    }
                }
            }
            Resolved::Unknown => {}
        }
    }

    duplicates_and_redundancies(items, &location, sink);
    if actions.is_negated() {
        facts.actions.clear();
    }
    facts
}

/// What one `Action` item stands for.
enum Resolved {
    /// These catalog actions.
    Actions(Vec<ActionInfo>),
    /// An open-ended set (a pattern over services).
    Open,
    /// Nothing the catalog knows (already reported).
    Unknown,
}

/// Looks one well-formed action up in the catalog, reporting unknown services and actions,
/// retired actions, patterns that match nothing, and case differences.
fn resolve(
    action: &Action,
    text: &str,
    location: &dyn Fn() -> Location,
    sink: &mut Sink<'_>,
) -> Resolved {
    let cat = catalog();
    let known = match action {
        Action::Known { id, .. } => Some(cat.action_by_id(*id)),
        Action::Pattern(_) => None,
        Action::Unchecked(_) => cat.action(text),
    };
    if let Some(info) = known {
        let as_written = text.split_once(':');
        if as_written != Some((info.service().prefix(), info.name()))
            && sink.wants(Code::ActionCase)
        {
            let canonical = info.full_name();
            sink.push(
                Diagnostic::new(
                    Code::ActionCase,
                    location(),
                    format!("action `{text}` is spelled `{canonical}` by AWS"),
                )
                .with_help(format!("write `{canonical}`"))
                .with_suggestion(canonical),
            );
        }
        return Resolved::Actions(vec![info]);
    }
    let Some((prefix, name)) = text.split_once(':') else {
        return Resolved::Unknown;
    };
    if has_wildcard(prefix) {
        return Resolved::Open;
    }
    if !has_wildcard(name) {
        if let Some(retired) = cat.retired_action(text) {
            sink.push(
                Diagnostic::new(
                    Code::UnknownAction,
                    location(),
                    format!(
                        "action `{text}` was retired by AWS (last seen in catalog version {})",
                        retired.last_seen()
                    ),
                )
                .with_help("remove it: AWS no longer has this action, so it grants nothing"),
            );
            return Resolved::Unknown;
        }
    }
    let Some(service) = cat.service(prefix) else {
        let mut diagnostic = Diagnostic::new(
            Code::UnknownService,
            location(),
            format!("unknown service `{prefix}` in action `{text}`"),
        );
        match cat.suggest_service(prefix) {
            Some(suggestion) => {
                diagnostic = diagnostic
                    .with_help(format!("did you mean `{suggestion}`?"))
                    .with_suggestion(format!("{suggestion}:{name}"));
            }
            None => {
                diagnostic = diagnostic.with_help(
                    "the service prefix is the part before `:`, such as `s3` or `bedrock`",
                );
            }
        }
        sink.push(diagnostic);
        return Resolved::Unknown;
    };
    if has_wildcard(name) {
        let found = cat.expand(text);
        if found.is_empty() {
            sink.push(
                Diagnostic::new(
                    Code::WildcardMatchesNothing,
                    location(),
                    format!("`{text}` matches no action of service `{prefix}`"),
                )
                .with_help(format!(
                    "list the actions with `policy expand '{prefix}:*'` and check the pattern"
                )),
            );
            return Resolved::Unknown;
        }
        return Resolved::Actions(found);
    }
    let mut diagnostic = Diagnostic::new(
        Code::UnknownAction,
        location(),
        format!("unknown action `{name}` in service `{prefix}`"),
    );
    match cat.suggest_action(service, name) {
        Some(suggestion) => {
            diagnostic = diagnostic
                .with_help(format!("did you mean `{suggestion}`?"))
                .with_suggestion(format!("{prefix}:{suggestion}"));
        }
        None => {
            diagnostic = diagnostic.with_help(format!(
                "list the actions with `policy expand '{prefix}:*'`"
            ));
        }
    }
    sink.push(diagnostic);
    Resolved::Unknown
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
