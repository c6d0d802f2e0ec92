//! Actions: the form `service:Action`, the catalog (unknown services and actions, wildcards that
//! match nothing, case), duplicates and redundancies.
//!
//! A retired action (one that an earlier catalog snapshot had and AWS has since removed) is an
//! `unknown-action` error with its own message ("action `x:Y` was retired by AWS (last seen in
//! catalog version V)", with the date of that snapshot when `cargo xtask record-retired`
//! recorded it), and an action of a retired service (`deeplens:ListDevices`) is an
//! `unknown-service` error that says the service was retired and when. For IAM a retired name
//! is as unknown as a typo (it grants nothing), so the code is the same and `allow`-ing it
//! treats both alike, while the message tells the user it is not a typo and that no spelling
//! fix exists.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use catalog::index::{catalog, ActionInfo};

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Action, Statement};
use crate::validate::element_variables;
use crate::validate::resources::arn::{covers, has_wildcard};
use crate::validate::Sink;

/// What the action rules learnt about a statement, for the rules that follow (resources,
/// conditions, risk). Patterns are expanded only when a later rule asks for the actions (most
/// statements have `"Resource": "*"` and no service-specific condition key).
#[derive(Debug, Default)]
pub(crate) struct Facts<'a> {
    /// The known actions that `Action` names literally.
    known: Vec<ActionInfo>,
    /// The patterns of `Action` over one service, each matching at least one action.
    patterns: Vec<&'a str>,
    /// `known` with the patterns expanded, each action once; built on first use.
    expanded: std::cell::OnceCell<Vec<ActionInfo>>,
    /// Whether the set of actions is open-ended: `NotAction`, a lone `*`, or a pattern over
    /// services (`*:Get*`). Rules that need "no action of the statement ..." stay silent then.
    pub(crate) open: bool,
}

impl Facts<'_> {
    /// Whether the rules that reason about "every action of the statement" can: the actions
    /// are a known, closed set with at least one member.
    pub(crate) fn is_closed(&self) -> bool {
        !self.open && (!self.known.is_empty() || !self.patterns.is_empty())
    }

    /// The catalog's actions that the statement's `Action` names, patterns expanded, each once.
    /// Empty for `NotAction`.
    pub(crate) fn actions(&self) -> &[ActionInfo] {
        self.expanded.get_or_init(|| {
            let mut all = self.known.clone();
            let cat = catalog();
            for pattern in &self.patterns {
                all.extend(cat.expand(pattern));
            }
            all.sort_by_key(ActionInfo::id);
            all.dedup_by_key(|info| info.id());
            all
        })
    }
}

/// What an `Action` item is compared by to find duplicates: the catalog action it names (two
/// texts name the same action exactly when they are equal but for ASCII case), else its text
/// with ASCII case ignored. A text never equals an action's name that way: it would have
/// named the action.
#[derive(Debug, Clone, Copy)]
enum Same<'a> {
    Action(catalog::index::ActionId),
    Text(&'a str),
}

/// Compares two texts with ASCII case ignored.
fn compare_no_case(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
        if x != y {
            return x.cmp(&y);
        }
    }
    a.len().cmp(&b.len())
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
        // Lowered a chunk at a time: one `write` per chunk, not per byte.
        let mut lower = [0u8; 32];
        for chunk in self.0.as_bytes().chunks(lower.len()) {
            let lower = &mut lower[..chunk.len()];
            lower.copy_from_slice(chunk);
            lower.make_ascii_lowercase();
            state.write(lower);
        }
        state.write_u8(0xff);
    }
}

pub(super) fn check<'a>(statement: &'a Statement, at: &Location, sink: &mut Sink<'_>) -> Facts<'a> {
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
        open: actions.is_negated(),
        known: Vec::with_capacity(items.len()),
        ..Facts::default()
    };
    // What each item is compared by for duplicates: its catalog action when it names one.
    let mut same: Vec<Same<'_>> = items
        .iter()
        .map(|action| Same::Text(action.as_str()))
        .collect();
    for (index, action) in items.iter().enumerate() {
        let text = action.as_str();
        if text == "*" {
            facts.open = true;
            continue;
        }
        if element_variables::check(text, element, || location(index), sink) {
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
            Resolved::Known(info) => {
                if let Some(slot) = same.get_mut(index) {
                    *slot = Same::Action(info.id());
                }
                facts.known.push(info);
            }
            Resolved::Pattern => facts.patterns.push(text),
            Resolved::Unknown => {}
        }
    }

    duplicates_and_redundancies(items, &same, &location, sink);
    if actions.is_negated() {
        facts.known.clear();
        facts.patterns.clear();
    }
    facts
}

/// What one `Action` item stands for.
enum Resolved {
    /// This catalog action.
    Known(ActionInfo),
    /// A pattern over one service that matches at least one of its actions.
    Pattern,
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
        let as_written = split_action(text);
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
        return Resolved::Known(info);
    }
    let Some((prefix, name)) = split_action(text) else {
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
                    if retired.last_seen_date().is_empty() {
                        format!(
                            "action `{text}` was retired by AWS (last seen in catalog version {})",
                            retired.last_seen()
                        )
                    } else {
                        format!(
                            "action `{text}` was retired by AWS (last in its reference on {}, catalog version {})",
                            retired.last_seen_date(),
                            retired.last_seen()
                        )
                    },
                )
                .with_help("remove it: AWS no longer has this action, so it grants nothing"),
            );
            return Resolved::Unknown;
        }
    }
    let Some(service) = cat.service(prefix) else {
        if let Some(retired) = cat.retired_service(prefix) {
            sink.push(
                Diagnostic::new(
                    Code::UnknownService,
                    location(),
                    format!(
                        "service `{prefix}` ({}) was retired by AWS (last in its reference on {}, catalog version {})",
                        retired.name(),
                        retired.last_seen_date(),
                        retired.last_seen()
                    ),
                )
                .with_help("remove it: AWS no longer has this service, so its actions grant nothing"),
            );
            return Resolved::Unknown;
        }
        let mut diagnostic = Diagnostic::new(
            Code::UnknownService,
            location(),
            format!("unknown service `{prefix}` in action `{text}`"),
        );
        match super::memo::suggest_service(prefix) {
            Some(suggestion) => {
                diagnostic =
                    diagnostic.with_did_you_mean(suggestion, format!("{suggestion}:{name}"));
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
        if service.actions_matching(name).next().is_none() {
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
        return Resolved::Pattern;
    }
    let mut diagnostic = Diagnostic::new(
        Code::UnknownAction,
        location(),
        format!("unknown action `{name}` in service `{prefix}`"),
    );
    match cat.suggest_action(service, name) {
        Some(suggestion) => {
            diagnostic = diagnostic.with_did_you_mean(suggestion, format!("{prefix}:{suggestion}"));
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

/// `text` split at its first `:` (a plain scan: action texts are short, and `split_once`'s
/// searcher costs more than the scan).
fn split_action(text: &str) -> Option<(&str, &str)> {
    let colon = text.bytes().position(|byte| byte == b':')?;
    Some((text.get(..colon)?, text.get(colon + 1..)?))
}

/// Whether `text` has the form `service:Action` (either side may hold `*` and `?`), or is `*`.
fn check_form(text: &str) -> Result<(), &'static str> {
    if text == "*" {
        return Ok(());
    }
    let Some((service, name)) = split_action(text) else {
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
    same: &[Same<'_>],
    location: &dyn Fn(usize) -> Location,
    sink: &mut Sink<'_>,
) {
    let want_duplicates = sink.wants(Code::DuplicateAction);
    let want_redundant = sink.wants(Code::RedundantAction);
    if items.len() < 2 || !(want_duplicates || want_redundant) {
        return;
    }
    // Sorting (what they name, position) pairs puts each duplicate right after the first
    // occurrence: no hashing. Catalog actions compare as numbers; other texts ignoring case.
    let mut known: Vec<(catalog::index::ActionId, usize)> = Vec::with_capacity(items.len());
    let mut texts: Vec<(&str, usize)> = Vec::new();
    for (index, key) in same.iter().enumerate() {
        match *key {
            Same::Action(id) => known.push((id, index)),
            Same::Text(text) => texts.push((text, index)),
        }
    }
    known.sort_unstable();
    texts.sort_unstable_by(|a, b| compare_no_case(a.0, b.0).then(a.1.cmp(&b.1)));
    let mut duplicate = vec![false; items.len()];
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut mark = |earlier: usize, index: usize| {
        if let Some(slot) = duplicate.get_mut(index) {
            *slot = true;
        }
        let first = if duplicate.get(earlier).copied().unwrap_or(false) {
            found
                .iter()
                .find(|&&(_, i)| i == earlier)
                .map_or(earlier, |&(f, _)| f)
        } else {
            earlier
        };
        found.push((first, index));
    };
    for pair in known.windows(2) {
        if let [(a, earlier), (b, index)] = *pair {
            if a == b {
                mark(earlier, index);
            }
        }
    }
    for pair in texts.windows(2) {
        if let [(a, earlier), (b, index)] = *pair {
            if a.eq_ignore_ascii_case(b) {
                mark(earlier, index);
            }
        }
    }
    if want_duplicates {
        for &(earlier, index) in &found {
            let text = items[index].as_str();
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
    }
    if !want_redundant {
        return;
    }
    // Patterns by service prefix (a pattern only covers actions of its own service), and the
    // patterns whose prefix itself has a wildcard (`*`, `*:Get*`), which may cover any action.
    let mut by_service: HashMap<NoCase<'_>, Vec<&str>> = HashMap::new();
    let mut everywhere: Vec<&str> = Vec::new();
    for (index, action) in items.iter().enumerate() {
        let text = action.as_str();
        if duplicate[index] || !has_wildcard(text) {
            continue;
        }
        match split_action(text) {
            Some((prefix, _)) if !has_wildcard(prefix) => {
                by_service.entry(NoCase(prefix)).or_default().push(text);
            }
            _ => everywhere.push(text),
        }
    }
    if by_service.is_empty() && everywhere.is_empty() {
        return;
    }
    for (index, action) in items.iter().enumerate() {
        if duplicate[index] {
            continue;
        }
        let text = action.as_str();
        let prefix = split_action(text).map_or(text, |(prefix, _)| prefix);
        let same_service = by_service
            .get(&NoCase(prefix))
            .map_or(&[][..], Vec::as_slice);
        let coverer = same_service
            .iter()
            .chain(&everywhere)
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
