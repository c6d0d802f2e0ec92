//! The exact resource check of one direction ("does the gaining side allow nothing the losing
//! side does not?") for one action class, over the product automaton of
//! [`super::resources`].
//!
//! Statements are read as boxes: a resource set (a union of patterns, complemented for
//! `NotResource`) times a condition and a principal set. Conditions and principals are
//! compared by implication ([`super::conditions::implies`], [`PrincipalSet`]); resources as
//! exact sets. For each allowing statement `a` of the gaining side:
//! 1. the resources of `a`, minus those of the gaining denies whose condition `a`'s implies,
//!    must lie within the union of the losing side's allows whose condition `a`'s implies;
//! 2. for each deny `e` of the losing side, the resources of both `a` and `e` must lie within
//!    the gaining denies whose condition is implied by `a`'s and `e`'s together (every request
//!    `e` denies there is denied on the gaining side too).
//!
//! Both are sufficient: a request the gaining side allows through `a` is, by 1, allowed by a
//! losing statement, and by 2, denied by no losing statement. They are exact when no
//! condition or principal is involved; otherwise a failure is "not proven", and the texts
//! that show it are candidates for the witness search.
//!
//! [`PrincipalSet`]: super::atoms::PrincipalSet

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::atoms::{principals_cover, principals_disjoint, Atom};
use super::conditions::implies;
use super::pick;
use super::resources::{explore, plain_example, Explored, OverBudget, Space};
use crate::model::Effect;

/// The answer for one direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Exact {
    /// Nothing new on the gaining side.
    Proven,
    /// Not proven; the resources that show it (in the action's space).
    NotProven(Vec<String>),
    /// Policy variables in the patterns: the exact check does not apply.
    NotApplicable,
    /// Over the size budget, with the reason.
    OverBudget(String),
}

/// An exploration, shared, or why there is none.
type Shared = Result<Rc<Explored>, OverBudget>;

/// Explorations, remembered by their patterns and space (the classes of one comparison share
/// their statements).
#[derive(Default)]
pub(crate) struct Memo {
    explored: RefCell<HashMap<(Vec<String>, Space), Shared>>,
}

/// At most this many candidate resources per direction.
const CANDIDATES: usize = 8;

impl Memo {
    fn explore(&self, patterns: &[&str], space: &Space) -> Shared {
        let key = (
            patterns.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>(),
            space.clone(),
        );
        if let Some(known) = self.explored.borrow().get(&key) {
            return known.clone();
        }
        let answer = explore(patterns, space, &[]).map(Rc::new);
        self.explored.borrow_mut().insert(key, answer.clone());
        answer
    }

    /// The exact check of one direction (see the module docs).
    pub(crate) fn direction(
        &self,
        space: &Space,
        gaining: &[&Atom<'_>],
        losing: &[&Atom<'_>],
    ) -> Exact {
        let mut patterns: Vec<&str> = gaining
            .iter()
            .chain(losing)
            .flat_map(|atom| atom.resources.iter().copied())
            .collect();
        patterns.sort_unstable();
        patterns.dedup();
        if patterns.iter().any(|p| p.contains("${")) {
            return Exact::NotApplicable;
        }
        let explored = match self.explore(&patterns, space) {
            Ok(explored) => explored,
            Err(OverBudget(reason)) => return Exact::OverBudget(reason),
        };
        let bit = |pattern: &str| {
            patterns
                .binary_search(&pattern)
                .map_or(usize::MAX, |i| i + 1)
        };
        // Whether an atom's resources hold for an outcome's memberships.
        let applies = |atom: &Atom<'_>, bits: &[bool]| {
            let listed = atom
                .resources
                .iter()
                .any(|p| bits.get(bit(p)).copied().unwrap_or(false));
            listed != atom.negated
        };
        let (gain_allow, gain_deny) = (pick(gaining, Effect::Allow), pick(gaining, Effect::Deny));
        let (lose_allow, lose_deny) = (pick(losing, Effect::Allow), pick(losing, Effect::Deny));
        let mut candidates: Vec<String> = Vec::new();
        let mut note = |example: &str| {
            if candidates.len() < CANDIDATES && !candidates.iter().any(|c| c == example) {
                candidates.push(example.to_owned());
            }
        };
        for &a in &gain_allow {
            let denied: Vec<&Atom<'_>> = gain_deny
                .iter()
                .copied()
                .filter(|d| within(a, &[], d))
                .collect();
            let allowed: Vec<&Atom<'_>> = lose_allow
                .iter()
                .copied()
                .filter(|b| within(a, &[], b))
                .collect();
            for outcome in explored.outcomes.iter().filter(|o| o.bits[0]) {
                let bits = &outcome.bits;
                if applies(a, bits)
                    && !denied.iter().any(|d| applies(d, bits))
                    && !allowed.iter().any(|b| applies(b, bits))
                {
                    note(&outcome.example);
                }
            }
            // A deny that names none of `a`'s callers never meets `a`'s requests.
            for &e in lose_deny
                .iter()
                .filter(|e| !principals_disjoint(&a.principals, &e.principals))
            {
                let denied_too: Vec<&Atom<'_>> = gain_deny
                    .iter()
                    .copied()
                    .filter(|d| within(a, &[e], d))
                    .collect();
                for outcome in explored.outcomes.iter().filter(|o| o.bits[0]) {
                    let bits = &outcome.bits;
                    if applies(a, bits)
                        && applies(e, bits)
                        && !denied_too.iter().any(|d| applies(d, bits))
                    {
                        note(&outcome.example);
                    }
                }
            }
        }
        if candidates.is_empty() {
            Exact::Proven
        } else {
            let plain = candidates
                .iter()
                .map(|example| plain_example(&patterns, space, example))
                .collect();
            Exact::NotProven(plain)
        }
    }
}

/// Whether every request that `small` (and each of `also`) applies to by condition and
/// principal, `big` applies to by condition and principal (proven): each entry of `big`'s
/// condition is implied by an entry of theirs (a condition's entries are ANDed), and `big`'s
/// principals cover `small`'s or one of `also`'s.
fn within(small: &Atom<'_>, also: &[&Atom<'_>], big: &Atom<'_>) -> bool {
    let smalls = || std::iter::once(small).chain(also.iter().copied());
    let conditions = big
        .keys
        .iter()
        .all(|wanted| smalls().any(|atom| atom.keys.iter().any(|entry| implies(entry, wanted))));
    conditions && smalls().any(|atom| principals_cover(&big.principals, &atom.principals))
}
