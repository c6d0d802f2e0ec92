//! Conditions: operators, keys, values and policy variables.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{ConditionValue, Statement, Version};
use crate::validate::actions::Facts;
use crate::validate::placeholders;
use crate::validate::Sink;

pub(super) fn check(
    statement: &Statement,
    at: &Location,
    _facts: &Facts,
    _version: Option<Version>,
    sink: &mut Sink<'_>,
) {
    let Some(condition) = statement.condition() else {
        return;
    };
    for block in condition.blocks() {
        let operator = block.operator().as_str();
        for entry in block.entries() {
            for (index, value) in entry.values().iter().enumerate() {
                let ConditionValue::String(text) = value else {
                    continue;
                };
                if let Some(placeholder) = placeholders::in_value(text) {
                    sink.push(
                        Diagnostic::new(
                            Code::PlaceholderValue,
                            at.clone()
                                .key("Condition")
                                .key(operator)
                                .key(entry.key())
                                .index(index),
                            placeholder.message(),
                        )
                        .with_help("replace the placeholder with the real value"),
                    );
                }
            }
        }
    }
}
