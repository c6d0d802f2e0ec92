//! The action dimension, split exactly: every catalog action falls into the class of the
//! action patterns (of both policies) that match it, and AWS's future actions are stood for by
//! one representative per wildcard pattern (`s3:Get*` -> `s3:GetZzfuture`), one per service
//! named (`s3:Zzfuture`) and one for services the catalog does not know yet
//! (`zzfuture:Zzfuture`): `s3:*`, `*` and `NotAction` grant those too (the [Action page]:
//! "you can use wildcards ... to specify multiple actions").
//!
//! Actions are matched as the evaluator matches them: service and name separately, ignoring
//! ASCII case (rule 7 of [`crate::eval`]).
//!
//! [Action page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html

use std::collections::{BTreeMap, HashMap};

use catalog::index::catalog;

use crate::eval::glob::glob;
use crate::model::{Action, Policy};

/// A class of actions that every policy statement treats alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActionClass {
    /// The action used in requests (a catalog action's full name, or a made-up future one).
    pub(crate) representative: String,
    /// The catalog actions of the class, by full name.
    pub(crate) members: Vec<String>,
    /// The wildcard patterns whose future actions this class stands for (empty: none).
    pub(crate) future_of: Vec<String>,
    /// The patterns (indices into [`Classes::index`]'s numbering) that match the class, sorted.
    pub(crate) key: Vec<usize>,
}

/// The classes, and the number of each pattern (lowercase) in the classes' keys.
#[derive(Debug, Clone, Default)]
pub(crate) struct Classes {
    pub(crate) index: HashMap<String, usize>,
    pub(crate) classes: Vec<ActionClass>,
}

/// The text of an `Action`/`NotAction` entry as the evaluator matches it.
pub(crate) fn pattern_text(action: &Action) -> &str {
    action.as_str()
}

/// Whether the action pattern matches the full action name (as `eval::matching` does).
pub(crate) fn pattern_matches(pattern: &str, action: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    if pattern.contains([',', ' ', '\t', '\n', '\r']) {
        return false;
    }
    let (Some((service, name)), Some((action_service, action_name))) =
        (pattern.split_once(':'), action.split_once(':'))
    else {
        return false;
    };
    glob(service, action_service, true) && glob(name, action_name, true)
}

/// A concrete future action name that the pattern matches (`*` -> `Zzfuture`, `?` -> `Z`).
fn instantiate(pattern: &str) -> String {
    let (service, name) = pattern.split_once(':').unwrap_or(("*", pattern));
    let fill = |text: &str, star: &str| text.replace('*', star).replace('?', "z");
    let service = if service == "*" {
        "zzfuture".to_owned()
    } else {
        fill(service, "zzfuture")
    };
    let name = fill(name, "Zzfuture");
    let name = if name.is_empty() {
        "Zzfuture".to_owned()
    } else {
        name
    };
    format!("{service}:{name}")
}

/// Splits the actions into classes over the patterns of `policies`.
pub(crate) fn classes(policies: &[&Policy]) -> Classes {
    let mut patterns: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for policy in policies {
        for statement in policy.statements() {
            if let Some(actions) = &statement.action {
                for action in actions.items() {
                    let text = pattern_text(action);
                    let lower = text.to_ascii_lowercase();
                    if let std::collections::hash_map::Entry::Vacant(slot) = index.entry(lower) {
                        slot.insert(patterns.len());
                        patterns.push(text.to_owned());
                    }
                }
            }
        }
    }
    // Which catalog services to look at: those named, or all of them when a pattern's
    // service part has a wildcard other than a bare `*` (which splits nothing).
    let mut services: Vec<&str> = patterns
        .iter()
        .filter_map(|pattern| pattern.split_once(':').map(|(service, _)| service))
        .collect();
    services.sort_by_key(|service| service.to_ascii_lowercase());
    services.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let every_service = services.iter().any(|service| service.contains(['*', '?']));
    // The patterns by the service they name (lowercase), split once, and those whose service
    // part has a wildcard (`*` included), which may match any service: a class key is then
    // computed from a service's own patterns and the wildcard ones, not from all of them
    // (the corpus's largest policies name a thousand actions).
    let mut by_service: HashMap<String, Vec<(usize, &str)>> = HashMap::new();
    let mut wild_service: Vec<(usize, &str, &str)> = Vec::new();
    for (index, pattern) in patterns.iter().enumerate() {
        if pattern == "*" {
            wild_service.push((index, "*", "*"));
            continue;
        }
        if pattern.contains([',', ' ', '\t', '\n', '\r']) {
            continue;
        }
        let Some((service_part, name)) = pattern.split_once(':') else {
            continue;
        };
        if service_part.contains(['*', '?']) {
            wild_service.push((index, service_part, name));
        } else {
            by_service
                .entry(service_part.to_ascii_lowercase())
                .or_default()
                .push((index, name));
        }
    }
    // The patterns that can match actions of a service, by pattern number.
    let candidates_of = |prefix: &str| -> Vec<(usize, &str)> {
        let mut found: Vec<(usize, &str)> = by_service
            .get(&prefix.to_ascii_lowercase())
            .cloned()
            .unwrap_or_default();
        found.extend(
            wild_service
                .iter()
                .filter(|(_, service, _)| *service == "*" || glob(service, prefix, true))
                .map(|(index, _, name)| (*index, *name)),
        );
        found.sort_unstable();
        found
    };
    let mut groups: BTreeMap<Vec<usize>, ActionClass> = BTreeMap::new();
    let add =
        |name: String, key: Vec<usize>, future: Option<String>, groups: &mut BTreeMap<_, _>| {
            let class = groups.entry(key).or_insert_with(|| ActionClass {
                representative: name.clone(),
                members: Vec::new(),
                future_of: Vec::new(),
                key: Vec::new(),
            });
            match future {
                Some(label) => {
                    if !class.future_of.contains(&label) {
                        class.future_of.push(label);
                    }
                }
                None => class.members.push(name),
            }
        };
    let signature = |action: &str| -> Vec<usize> {
        let Some((prefix, _)) = action.split_once(':') else {
            return Vec::new();
        };
        candidates_of(prefix)
            .into_iter()
            .filter(|(index, _)| {
                patterns
                    .get(*index)
                    .is_some_and(|pattern| pattern_matches(pattern, action))
            })
            .map(|(index, _)| index)
            .collect()
    };
    for service in catalog().services() {
        let prefix = service.prefix();
        if !every_service
            && !services
                .iter()
                .any(|named| named.eq_ignore_ascii_case(prefix))
        {
            continue;
        }
        let candidates = candidates_of(prefix);
        for action in service.actions() {
            let key: Vec<usize> = candidates
                .iter()
                .filter(|(_, name)| glob(name, action.name(), true))
                .map(|(index, _)| *index)
                .collect();
            add(action.full_name(), key, None, &mut groups);
        }
    }
    let mut futures: Vec<(String, String)> = vec![(
        "zzfuture:Zzfuture".to_owned(),
        "actions of services AWS adds later".to_owned(),
    )];
    for service in &services {
        futures.push((
            instantiate(&format!("{service}:*")),
            format!("{service}:* actions AWS adds later"),
        ));
    }
    for pattern in &patterns {
        if pattern.contains(['*', '?']) {
            futures.push((
                instantiate(pattern),
                format!("{pattern} actions AWS adds later"),
            ));
        } else if pattern.contains(':') && catalog().action(pattern).is_none() {
            // An action the catalog does not know (retired, or newer): itself.
            futures.push((pattern.clone(), format!("{pattern} (not in the catalog)")));
        }
    }
    for (name, label) in futures {
        // A made-up name that the catalog knows is no future action: skip it.
        if label.ends_with("(not in the catalog)") || catalog().action(&name).is_none() {
            let key = signature(&name);
            add(name, key, Some(label), &mut groups);
        }
    }
    let classes = groups
        .into_iter()
        .map(|(key, mut class)| {
            class.key = key;
            class
        })
        .collect();
    Classes { index, classes }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_wildcard_splits_its_service_and_keeps_a_future_class() {
        let old = Policy::from_json(
            r#"{"Statement":{"Effect":"Allow","Action":["s3:Get*","s3:PutObject"],"Resource":"*"}}"#,
        )
        .unwrap();
        let found = classes(&[&old]).classes;
        let get = found
            .iter()
            .find(|class| class.members.iter().any(|m| m == "s3:GetObject"))
            .unwrap();
        assert!(get.members.iter().all(|m| m.starts_with("s3:Get")));
        assert!(get.future_of.iter().any(|f| f.starts_with("s3:Get*")));
        // Unknown services match no pattern: they share the class of unmatched actions.
        let unmatched = found
            .iter()
            .find(|class| {
                class
                    .future_of
                    .iter()
                    .any(|f| f.starts_with("actions of services"))
            })
            .unwrap();
        assert!(!unmatched.members.iter().any(|m| m.starts_with("s3:Get")));
        let put = found
            .iter()
            .find(|class| class.members.iter().any(|m| m == "s3:PutObject"))
            .unwrap();
        assert_eq!(put.members, vec!["s3:PutObject".to_owned()]);
    }
}
