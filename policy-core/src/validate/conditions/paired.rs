//! Paired keys: `missing-paired-condition-key` (a security warning).
//!
//! Some keys only mean something together with another: `aws:VpcSourceIp` is the address a
//! request has inside *some* VPC, and private ranges repeat across VPCs and accounts, so AWS
//! documents it to be used with `aws:SourceVpc` or `aws:SourceVpce`, which say which VPC
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-vpcsourceip>).
//! The table below is the vendored list of such pairs.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::Condition;
use crate::validate::Sink;

/// A key, and the keys of which at least one must be in the same statement's condition.
const PAIRS: &[(&str, &[&str])] = &[("aws:VpcSourceIp", &["aws:SourceVpc", "aws:SourceVpce"])];

pub(super) fn check(condition: &Condition, at: &Location, sink: &mut Sink<'_>) {
    let has = |name: &str| {
        condition.blocks().iter().any(|block| {
            block
                .entries()
                .iter()
                .any(|entry| entry.key().eq_ignore_ascii_case(name))
        })
    };
    for block in condition.blocks() {
        for entry in block.entries() {
            for (key, partners) in PAIRS {
                if !entry.key().eq_ignore_ascii_case(key) || partners.iter().any(|p| has(p)) {
                    continue;
                }
                sink.push(
                    Diagnostic::new(
                        Code::MissingPairedConditionKey,
                        at.clone()
                            .key("Condition")
                            .key(block.operator().as_str())
                            .key(entry.key()),
                        format!(
                            "`{key}` without `{}` matches the same private addresses in every VPC",
                            partners.join("` or `")
                        ),
                    )
                    .with_help(format!(
                        "add a condition on `{}` naming the VPC",
                        partners.join("` or `")
                    )),
                );
            }
        }
    }
}
