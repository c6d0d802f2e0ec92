//! `invalid-region` on condition values: a region code under `aws:RequestedRegion` that is not an
//! AWS region.
//!
//! Access Analyzer's `INVALID_REGION` error is about a *condition value*: "The Region is not
//! valid. Update the condition value to a supported Region"
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>).
//! `aws:RequestedRegion` holds the region code of the request
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion>),
//! so a value that is no region never matches. AWS accepts the policy, so this is a warning (the
//! ARN check of the same code is an error, because AWS rejects such an ARN). Values are checked
//! against the vendored table (`regions.rs`); values with wildcards (under `StringLike`) or
//! `${...}` variables are left alone.

use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::model::{BaseOperator, Condition, ConditionValue};
use crate::validate::regions::{is_region_shaped, REGIONS};
use crate::validate::Sink;

const KEY: &str = "aws:RequestedRegion";

pub(super) fn check(condition: &Condition, at: &Location, sink: &mut Sink<'_>) {
    for block in condition.blocks() {
        let Some(kind) = block.operator().kind() else {
            continue;
        };
        let like = match kind.base {
            BaseOperator::StringEquals
            | BaseOperator::StringNotEquals
            | BaseOperator::StringEqualsIgnoreCase
            | BaseOperator::StringNotEqualsIgnoreCase => false,
            BaseOperator::StringLike | BaseOperator::StringNotLike => true,
            _ => continue,
        };
        let ignore_case = matches!(
            kind.base,
            BaseOperator::StringEqualsIgnoreCase | BaseOperator::StringNotEqualsIgnoreCase
        );
        let operator = block.operator().as_str();
        for entry in block.entries() {
            if !entry.key().eq_ignore_ascii_case(KEY) {
                continue;
            }
            for (index, value) in entry.values().iter().enumerate() {
                let ConditionValue::String(text) = value else {
                    continue;
                };
                if text.contains("${") || (like && text.contains(['*', '?'])) {
                    continue;
                }
                let known = if ignore_case {
                    REGIONS.iter().any(|r| r.eq_ignore_ascii_case(text))
                } else {
                    REGIONS.contains(&text.as_str())
                };
                if known {
                    continue;
                }
                let message = if is_region_shaped(text) {
                    format!(
                        "`{text}` is not a region this checker knows (its table is of 2025-11): if it is no region, the condition on `{KEY}` never matches it"
                    )
                } else {
                    format!(
                        "`{text}` is not an AWS region: the condition on `{KEY}` never matches it"
                    )
                };
                let mut diagnostic = Diagnostic::new(
                    Code::InvalidRegion,
                    at.clone()
                        .key("Condition")
                        .key(operator)
                        .key(entry.key())
                        .index(index),
                    message,
                )
                .with_severity(Severity::Warning);
                diagnostic = match crate::names::suggest(text, REGIONS.iter().copied()) {
                    Some(region) => diagnostic.with_did_you_mean(region, region),
                    None => diagnostic.with_help("write a region code such as `us-east-1`"),
                };
                sink.push(diagnostic);
            }
        }
    }
}
