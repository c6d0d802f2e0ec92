//! `aws:ResourceTag/...` on actions that do not support it: `deny-with-unsupported-tag-key` (a
//! security warning) and `allow-with-unsupported-tag-key` (a suggestion).
//!
//! A condition on a key that the request does not carry is false for `StringEquals`-like
//! operators (and true for the negated ones only with `IfExists`), so an action that does not
//! support `aws:ResourceTag` is never allowed by an `Allow` with such a condition, and a `Deny`
//! meant to protect tagged resources does not apply to it: the Deny silently does nothing for
//! those actions. Whether an action supports the key is AWS's Service Authorization Reference
//! (an action's or its resource types' condition keys), as vendored in the catalog:
//! <https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>,
//! and the tag guide <https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html>.
//!
//! Only positive operators without `IfExists` are checked (`StringEquals`, `StringLike`, ...): for
//! them an absent key makes the condition false, which is the case described above. `Null`
//! tests presence and is meant for absent keys; `IfExists` and the negated operators
//! (`StringNotEquals`) are true when the key is absent, so a `Deny` then denies the unsupported
//! actions whatever their tags (more than meant, not less) and an `Allow` allows them whatever
//! their tags; those are left to review, since the intent cannot be read from the text.
//!
//! Reported once per condition key. With `NotAction`, or a lone `*`, the statement covers every
//! other action of every service, most of which do not support the key: always reported. With
//! unknown actions only, nothing is said (`unknown-action` is).

use catalog::index::ActionInfo;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{BaseOperator, Effect, Statement};
use crate::validate::actions::Facts;
use crate::validate::Sink;

const PREFIX: &str = "aws:ResourceTag/";

pub(super) fn check(statement: &Statement, at: &Location, facts: &Facts<'_>, sink: &mut Sink<'_>) {
    let Some(condition) = statement.condition() else {
        return;
    };
    let code = match statement.effect() {
        Effect::Deny => Code::DenyWithUnsupportedTagKey,
        Effect::Allow => Code::AllowWithUnsupportedTagKey,
    };
    if !sink.wants(code) {
        return;
    }
    let Some(actions) = statement.action() else {
        return;
    };
    for block in condition.blocks() {
        let positive = block.operator().kind().is_some_and(|kind| {
            !kind.if_exists
                && kind.base != BaseOperator::Null
                && !kind.base.as_str().contains("Not")
        });
        if !positive {
            continue;
        }
        for entry in block.entries() {
            let key = entry.key();
            let is_tag = key
                .get(..PREFIX.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(PREFIX));
            if !is_tag {
                continue;
            }
            let effect = match statement.effect() {
                Effect::Deny => "deny",
                Effect::Allow => "allow",
            };
            let message = if actions.is_negated() || facts.open {
                format!(
                    "`{key}` is not supported by every action this statement covers \
                     (`{}`): for the others the condition never matches, and the statement \
                     does not {effect} them",
                    if actions.is_negated() {
                        "NotAction"
                    } else {
                        "*"
                    }
                )
            } else {
                if !facts.is_closed() {
                    continue;
                }
                let unsupported: Vec<&ActionInfo> = facts
                    .actions()
                    .iter()
                    .filter(|action| !supports_resource_tag(action))
                    .collect();
                if unsupported.is_empty() {
                    continue;
                }
                let mut names: Vec<String> = unsupported
                    .iter()
                    .take(3)
                    .map(|action| action.full_name())
                    .collect();
                if unsupported.len() > 3 {
                    names.push(format!("{} more", unsupported.len() - 3));
                }
                format!(
                    "`{key}` is not supported by `{}`: the condition never matches for them, and \
                     the statement does not {effect} them",
                    names.join("`, `")
                )
            };
            let help = match statement.effect() {
                Effect::Deny => {
                    "move the actions that do not support `aws:ResourceTag` to a statement \
                     that denies them by resource ARN or another key"
                }
                Effect::Allow => {
                    "move the actions that do not support `aws:ResourceTag` to their own \
                     statement without the tag condition"
                }
            };
            sink.push(
                Diagnostic::new(
                    code,
                    at.clone()
                        .key("Condition")
                        .key(block.operator().as_str())
                        .key(key),
                    message,
                )
                .with_help(help),
            );
        }
    }
}

/// Whether the action, or one of its resource types, lists `aws:ResourceTag/${TagKey}`.
fn supports_resource_tag(action: &ActionInfo) -> bool {
    let tag = |name: &str| {
        name.get(..PREFIX.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(PREFIX))
    };
    action.condition_keys().any(tag)
        || action
            .resource_types()
            .any(|(resource_type, _)| resource_type.condition_keys().any(tag))
}
