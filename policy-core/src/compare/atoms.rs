//! One statement's reach for one action class, as an "atom": its effect, its resources and its
//! condition. Containment between atoms is decided conservatively: `covers` says `true` only
//! when every request the small atom applies to is one the big atom applies to; `false` means
//! "not proven" (the caller then looks for a witness, or answers `Unknown`).
//!
//! Resources compare field by field, as the evaluator matches ARNs (rule 8 of
//! [`crate::eval`], the [Resource page]); a condition block is a conjunction of its entries
//! (the [Condition page]: "If your policy has multiple condition operators or multiple keys
//! attached to a single condition operator, the conditions are evaluated using a logical AND"),
//! so a block whose entries are a subset of another's is weaker.
//!
//! [Resource page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
//! [Condition page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_logic_multiple_context_keys_or_values.html

use std::collections::BTreeSet;

use crate::eval::glob::{arn_fields, arn_like};

use super::conditions;
use crate::eval::ContextValue;
use crate::model::{
    BaseOperator, Condition, Effect, Principal, PrincipalKind, Principals, Statement,
};

/// The principal account that witnesses use.
pub(crate) const ACCOUNT: &str = "111122223333";

/// One statement as seen by one action class.
#[derive(Debug, Clone)]
pub(crate) struct Atom<'p> {
    /// The statement's number in the comparison (old side first), for memoized containment.
    pub(crate) id: usize,
    pub(crate) effect: Effect,
    /// `NotResource` when true.
    pub(crate) negated: bool,
    pub(crate) resources: Vec<&'p str>,
    /// The condition's entries, canonical (`operator key [values]`, key lowercase).
    pub(crate) entries: BTreeSet<String>,
    pub(crate) condition: Option<&'p Condition>,
    /// The condition's entries, for containment ([`conditions::implies`]).
    pub(crate) keys: Vec<conditions::Entry>,
    /// The statement's `Principal`/`NotPrincipal` (resource policies), if any.
    pub(crate) principals: Option<PrincipalSet>,
}

/// A `Principal` or `NotPrincipal` as a set of `KIND value` texts (`AWS` account IDs written
/// as their root ARN, which the [Principal page] says they mean), or everyone (`"*"`, or
/// `{"AWS": "*"}`: "these are equivalent" for an `Allow`, the [Principal page]). The values of
/// one element are ORed.
///
/// [Principal page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PrincipalSet {
    pub(crate) negated: bool,
    pub(crate) everyone: bool,
    pub(crate) values: BTreeSet<(PrincipalKind, String)>,
}

impl PrincipalSet {
    fn of(principals: &Principals) -> Self {
        let mut set = PrincipalSet {
            negated: principals.is_negated(),
            everyone: false,
            values: BTreeSet::new(),
        };
        match principals.principal() {
            Principal::Wildcard => set.everyone = true,
            Principal::Map(kinds) => {
                for (kind, values) in kinds {
                    for value in values.items() {
                        let is_account =
                            value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit());
                        if *kind == PrincipalKind::Aws && value == "*" {
                            set.everyone = true;
                        } else if *kind == PrincipalKind::Aws && is_account {
                            set.values
                                .insert((kind.clone(), format!("arn:aws:iam::{value}:root")));
                        } else {
                            set.values.insert((kind.clone(), value.clone()));
                        }
                    }
                }
            }
        }
        set
    }

    /// Whether every principal `small` names is one `self` names (proven).
    fn covers(&self, small: &PrincipalSet) -> bool {
        match (self.negated, small.negated) {
            (false, false) => {
                self.everyone
                    || (!small.everyone
                        && small
                            .values
                            .iter()
                            .all(|value| self.values.contains(value) || self.has_account_of(value)))
            }
            // NotPrincipal B excludes less than NotPrincipal S when B's list is within S's.
            (true, true) => !self.everyone && self.values.is_subset(&small.values),
            _ => false,
        }
    }

    /// Whether the set names the account of an `AWS` principal ARN (`arn:aws:iam::ID:...`,
    /// `arn:aws:sts::ID:...`): an account names every principal of the account (the
    /// [Principal page]; the evaluator's `principal_matches`).
    ///
    /// [Principal page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
    fn has_account_of(&self, (kind, value): &(PrincipalKind, String)) -> bool {
        if *kind != PrincipalKind::Aws || value.contains(['*', '?']) {
            return false;
        }
        let mut fields = value.split(':');
        let (Some("arn"), Some(_), Some(service), Some(""), Some(account)) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            return false;
        };
        let is_account = account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit());
        is_account
            && (service == "iam" || service == "sts")
            && self
                .values
                .contains(&(PrincipalKind::Aws, format!("arn:aws:iam::{account}:root")))
    }

    /// Whether no caller is named by both sets (proven): both list `AWS` principals only, and
    /// every value of one is of another account than every value of the other (a principal
    /// ARN or an account names callers of its own account only: the evaluator's
    /// `principal_matches`).
    fn disjoint(&self, other: &PrincipalSet) -> bool {
        if self.negated || other.negated || self.everyone || other.everyone {
            return false;
        }
        let accounts = |set: &PrincipalSet| -> Option<BTreeSet<String>> {
            set.values
                .iter()
                .map(|(kind, value)| {
                    let account = value.split(':').nth(4)?;
                    let plain = *kind == PrincipalKind::Aws
                        && !value.contains(['*', '?'])
                        && value.starts_with("arn:")
                        && account.len() == 12
                        && account.bytes().all(|b| b.is_ascii_digit());
                    plain.then(|| account.to_owned())
                })
                .collect()
        };
        match (accounts(self), accounts(other)) {
            (Some(mine), Some(theirs)) => mine.is_disjoint(&theirs),
            _ => false,
        }
    }

    /// Principals for witnesses: one per value (an account's user for an account), and a
    /// stranger of another account.
    pub(crate) fn candidates(&self, out: &mut Vec<String>) {
        let mut push = |principal: String| {
            if !out.contains(&principal) {
                out.push(principal);
            }
        };
        if self.everyone {
            push(format!("arn:aws:iam::{ACCOUNT}:user/witness"));
        }
        for (kind, value) in &self.values {
            if value.contains(['*', '?']) {
                continue;
            }
            match kind {
                PrincipalKind::Aws => match value.strip_suffix(":root") {
                    Some(root) => push(format!("{root}:user/witness")),
                    None => push(value.clone()),
                },
                PrincipalKind::Service => push(value.clone()),
                PrincipalKind::Federated => push(format!("federated:{value}")),
                PrincipalKind::CanonicalUser => {}
            }
        }
        push("arn:aws:iam::444455556666:user/stranger".to_owned());
    }
}

impl<'p> Atom<'p> {
    /// The atom of a statement; one without `Resource`/`NotResource` (a trust policy's)
    /// applies to every resource, as the evaluator has it.
    pub(crate) fn of(statement: &'p Statement) -> Self {
        let mut entries = BTreeSet::new();
        if let Some(condition) = &statement.condition {
            for block in condition.blocks() {
                for entry in block.entries() {
                    let values = super::canonical::sorted_values(entry);
                    entries.insert(format!(
                        "{} {} {values:?}",
                        block.operator(),
                        entry.key().to_ascii_lowercase()
                    ));
                }
            }
        }
        let (negated, resources) = match &statement.resource {
            Some(resources) => (
                resources.is_negated(),
                resources.items().iter().map(|r| r.as_str()).collect(),
            ),
            None => (false, vec!["*"]),
        };
        Atom {
            id: 0,
            effect: statement.effect,
            negated,
            resources,
            entries,
            condition: statement.condition.as_ref(),
            keys: conditions::entries(statement.condition.as_ref()),
            principals: statement.principal.as_ref().map(PrincipalSet::of),
        }
    }

    /// Whether every request `small` applies to is one `self` applies to (proven), for the
    /// same action.
    pub(crate) fn covers(&self, small: &Atom<'_>) -> bool {
        // Every entry of the big atom's condition is implied by one of the small atom's (the
        // entries of a condition are ANDed).
        let implied = self.keys.iter().all(|big| {
            small
                .keys
                .iter()
                .any(|entry| conditions::implies(entry, big))
        });
        if !implied {
            return false;
        }
        if !principals_cover(&self.principals, &small.principals) {
            return false;
        }
        match (self.negated, small.negated) {
            (false, _) if self.resources.contains(&"*") => true,
            (false, false) => small
                .resources
                .iter()
                .all(|p| self.resources.iter().any(|q| resource_covers(q, p))),
            // NotResource N_big contains NotResource N_small when N_big is within N_small.
            (true, true) => self
                .resources
                .iter()
                .all(|q| small.resources.iter().any(|p| resource_covers(p, q))),
            _ => false,
        }
    }
}

/// Whether every principal `small` names is one `big` names (proven; statements of identity
/// policies have none).
pub(crate) fn principals_cover(big: &Option<PrincipalSet>, small: &Option<PrincipalSet>) -> bool {
    match (big, small) {
        (None, None) => true,
        (Some(big), Some(small)) => big == small || big.covers(small),
        _ => false,
    }
}

/// Whether no caller is named by both statements' principals (proven; never for identity
/// policies' statements, which name none).
pub(crate) fn principals_disjoint(a: &Option<PrincipalSet>, b: &Option<PrincipalSet>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.disjoint(b))
}

/// Whether every ARN that pattern `p` matches is matched by pattern `q` (proven; `false` means
/// not proven).
pub(crate) fn resource_covers(q: &str, p: &str) -> bool {
    if q == "*" || q == p {
        return true;
    }
    // A policy variable stands for the same text on both sides of one request (the caller has
    // checked that both sides read variables alike), so only equal text is proven to cover it:
    // its value may hold any character, `:` included, so field-wise reasoning is out.
    if p == "*" || p.contains("${") || q.contains("${") {
        return false;
    }
    if !p.contains(['*', '?']) {
        return arn_like(q, p, true);
    }
    let ((qf, qn), (pf, pn)) = (arn_fields(q), arn_fields(p));
    if qn != 6 || pn != 6 {
        return false;
    }
    (0..6).all(|index| {
        let (Some(qx), Some(px)) = (qf.get(index), pf.get(index)) else {
            return false;
        };
        glob_covers(qx, px, index < 5)
    })
}

/// Whether wildcard text `q` matches every instance of wildcard text `p`: a `*` of `q` may
/// absorb any run of `p` (its wildcards included), a `?` of `q` one plain character, a plain
/// character of `q` the same plain character. Sound, not complete.
pub(crate) fn glob_covers(q: &str, p: &str, ignore_case: bool) -> bool {
    let q: Vec<char> = q.chars().collect();
    let p: Vec<char> = p.chars().collect();
    let wild = |c: char| c == '*' || c == '?';
    let mut row = vec![false; p.len() + 1];
    row[0] = true;
    for &qc in &q {
        let mut next = vec![false; p.len() + 1];
        for j in 0..=p.len() {
            next[j] = match qc {
                '*' => row[j] || (j > 0 && next[j - 1]),
                _ if j == 0 => false,
                '?' => !wild(p[j - 1]) && row[j - 1],
                c => {
                    let pc = p[j - 1];
                    !wild(pc)
                        && (c == pc || (ignore_case && c.eq_ignore_ascii_case(&pc)))
                        && row[j - 1]
                }
            };
        }
        row = next;
    }
    row[p.len()]
}

/// A resource that pattern `pattern` matches, for a witness (account [`ACCOUNT`] where the
/// pattern allows it).
pub(crate) fn instantiate_resource(pattern: &str) -> String {
    if pattern == "*" {
        return "*".to_owned();
    }
    let defaults = ["arn", "aws", "zzw", "us-east-1", ACCOUNT, "zzw"];
    let (fields, count) = arn_fields(pattern);
    let mut out: Vec<String> = Vec::new();
    for index in 0..6 {
        let Some(default) = defaults.get(index) else {
            break;
        };
        if index >= count {
            out.push((*default).to_owned());
            continue;
        }
        let field = fields.get(index).copied().unwrap_or_default();
        let text = if !field.contains(['*', '?']) {
            field.to_owned()
        } else if index + 1 == count && count < 6 {
            // A last `*` that reaches across the remaining fields.
            field
                .replace('?', "z")
                .trim_end_matches('*')
                .replace('*', "")
                + default
        } else if crate::eval::glob::glob(field, default, true) {
            (*default).to_owned()
        } else {
            field
                .replace('*', if index == 5 { "zzw" } else { "" })
                .replace('?', "z")
        };
        out.push(text);
    }
    out.join(":")
}

/// Contexts at the condition's edges: the plainest satisfying context with one key set to one
/// of its own values as written (for `...NotEquals`, a value it excludes, which a weaker
/// condition may allow). Candidates, checked by replay.
pub(crate) fn edge_contexts(condition: &Condition) -> Vec<Vec<(String, ContextValue)>> {
    let base = satisfying_context(condition);
    let mut out = Vec::new();
    for block in condition.blocks() {
        let Some(kind) = block.operator().kind() else {
            continue;
        };
        for entry in block.entries() {
            let others: Vec<(String, ContextValue)> = base
                .iter()
                .filter(|(key, _)| !key.eq_ignore_ascii_case(entry.key()))
                .cloned()
                .collect();
            // The key absent (`ForAllValues` holds then, `ForAnyValue` does not).
            out.push(others.clone());
            for value in entry.values().iter().take(4) {
                let text = value.as_text();
                let mut texts = vec![text.replace('*', "zzw").replace('?', "z")];
                texts.extend(neighbours(&text));
                for text in texts {
                    let mut values = vec![ContextValue::Single(text.clone())];
                    if kind.qualifier.is_some() {
                        values = vec![
                            ContextValue::Multi(vec![text.clone()]),
                            ContextValue::Multi(vec![text, "zzw-other".to_owned()]),
                        ];
                    }
                    for value in values {
                        let mut context = others.clone();
                        context.push((entry.key().to_owned(), value));
                        out.push(context);
                    }
                }
            }
        }
    }
    out
}

/// Values just around a condition value: a number ±1, ±0.5, ±0.25 and ±0.001, the addresses just outside
/// a network and its first and last address.
fn neighbours(text: &str) -> Vec<String> {
    if let Some(x) = crate::eval::values::parse_number(text) {
        return [-1.0, -0.5, -0.25, -0.001, 0.001, 0.25, 0.5, 1.0]
            .iter()
            .map(|d| (x + d).to_string())
            .collect();
    }
    let Some((address, prefix)) = crate::eval::values::parse_ip(text) else {
        return Vec::new();
    };
    // The network's range as the condition sets read it (IPv4 as tag 4, in the low 32 bits).
    let (tag, start, end) = crate::eval::values::network_range(address, prefix);
    let text_of = |a: u128| match tag {
        4 => u32::try_from(a)
            .ok()
            .map(|a| std::net::Ipv4Addr::from(a).to_string()),
        _ => Some(std::net::Ipv6Addr::from(a).to_string()),
    };
    [
        start.checked_sub(1),
        Some(start),
        Some(end),
        end.checked_add(1),
    ]
    .into_iter()
    .flatten()
    .filter_map(text_of)
    .collect()
}

/// A context under which the condition most plainly holds (a candidate, checked by replay).
pub(crate) fn satisfying_context(condition: &Condition) -> Vec<(String, ContextValue)> {
    let mut context = Vec::new();
    for block in condition.blocks() {
        let Some(kind) = block.operator().kind() else {
            continue;
        };
        for entry in block.entries() {
            let Some(first) = entry.values().iter().next() else {
                continue;
            };
            let value = first.as_text().into_owned();
            let value = match kind.base {
                BaseOperator::StringLike | BaseOperator::ArnLike => {
                    Some(value.replace('*', "zzw").replace('?', "z"))
                }
                BaseOperator::StringNotEquals
                | BaseOperator::StringNotEqualsIgnoreCase
                | BaseOperator::StringNotLike
                | BaseOperator::ArnNotEquals
                | BaseOperator::ArnNotLike => Some("zzw-other".to_owned()),
                BaseOperator::NumericLessThan => {
                    value.parse::<i64>().ok().map(|n| (n - 1).to_string())
                }
                BaseOperator::NumericGreaterThan | BaseOperator::NumericNotEquals => {
                    value.parse::<i64>().ok().map(|n| (n + 1).to_string())
                }
                BaseOperator::DateLessThan => Some("1971-01-01T00:00:00Z".to_owned()),
                BaseOperator::DateGreaterThan => Some("2999-01-01T00:00:00Z".to_owned()),
                BaseOperator::IpAddress => value.split('/').next().map(str::to_owned),
                BaseOperator::NotIpAddress => Some("192.0.2.77".to_owned()),
                BaseOperator::Null => (value != "true").then(|| "true".to_owned()),
                _ => Some(value),
            };
            let Some(value) = value else { continue };
            let value = if kind.qualifier.is_some() {
                ContextValue::Multi(vec![value])
            } else {
                ContextValue::Single(value)
            };
            context.push((entry.key().to_owned(), value));
        }
    }
    context
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn resource_containment_is_field_aware() {
        assert!(resource_covers("arn:aws:s3:::b/*", "arn:aws:s3:::b/a*"));
        assert!(!resource_covers("arn:aws:s3:::b/a*", "arn:aws:s3:::b/*"));
        assert!(resource_covers("arn:aws:s3:::b/?x", "arn:aws:s3:::b/ax"));
        assert!(!resource_covers("arn:aws:s3:::b/?", "arn:aws:s3:::b/*"));
        assert!(!resource_covers("arn:aws:s3:::b/*", "*"));
        let home = "arn:aws:s3:::b/${aws:username}/*";
        assert!(resource_covers(home, home));
        assert!(!resource_covers("arn:aws:s3:::b/*", home));
        assert!(!resource_covers(home, "arn:aws:s3:::b/x/y"));
    }

    #[test]
    fn instances_match_their_pattern() {
        for pattern in [
            "arn:aws:s3:::b/*",
            "arn:aws:ec2:*:*:instance/i-?",
            "arn:aws:s3*",
        ] {
            let instance = instantiate_resource(pattern);
            assert!(
                arn_like(pattern, &instance, true),
                "{pattern} -> {instance}"
            );
        }
    }
}
