//! Exact wildcards: a list of one service's actions is shortened by `service:Prefix*` patterns
//! that match, in today's catalog, only actions the statement already grants.
//!
//! IAM matches action names case-insensitively, `*` standing for any run of characters
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html>).
//! A pattern `svc:p*` therefore matches exactly the actions of `svc` whose lowercase name starts
//! with the lowercase `p`: in the catalog (sorted by lowercase name) a contiguous run. The
//! names form a trie; for each node the cheapest writing is either one pattern (allowed only
//! when every action below the node is granted) or the cheapest writings of its children. The
//! choice is made bottom-up, preferring the listed actions on ties, so that a pattern is only
//! written when it is strictly shorter.

use std::collections::HashSet;

use catalog::index::{catalog, ActionId, ActionInfo};

/// The actions of one statement's list to rewrite, and the actions it grants otherwise.
pub(super) struct Synthesis {
    /// Patterns to write (`ec2:Describe*`), each matching only granted actions.
    pub(super) patterns: Vec<String>,
    /// The listed actions that no new pattern covers, in catalog order.
    pub(super) kept: Vec<ActionId>,
}

/// Chooses patterns for `listed` (actions to be written) given `covered` (actions the list
/// grants through patterns already written, which a new pattern may cover for free).
pub(super) fn synthesize(listed: &[ActionId], covered: &HashSet<ActionId>) -> Synthesis {
    let mut out = Synthesis {
        patterns: Vec::new(),
        kept: Vec::new(),
    };
    let wanted: HashSet<ActionId> = listed.iter().copied().collect();
    let mut services: Vec<_> = listed
        .iter()
        .map(|&id| catalog().action_by_id(id).service().prefix())
        .collect();
    services.sort_unstable();
    let covered_services: HashSet<&str> = covered
        .iter()
        .map(|&id| catalog().action_by_id(id).service().prefix())
        .collect();
    let mut start = 0;
    while start < services.len() {
        let prefix = services.get(start).copied().unwrap_or_default();
        let count = services
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&other| other == prefix)
            .count();
        start += count;
        // One listed action alone in its service: a pattern for it would be its own name
        // and a star, longer than the name.
        if count < 2 && !covered_services.contains(prefix) {
            out.kept.extend(
                listed
                    .iter()
                    .copied()
                    .filter(|&id| catalog().action_by_id(id).service().prefix() == prefix),
            );
            continue;
        }
        let Some(service) = catalog().service(prefix) else {
            continue;
        };
        let actions: Vec<ActionInfo> = service.actions().collect();
        // The catalog sorts a service's actions by lowercase name: names are compared with
        // ASCII case ignored, without lowercase copies.
        let names: Vec<&str> = actions.iter().map(|action| action.name()).collect();
        let state: Vec<State> = actions
            .iter()
            .map(|action| {
                if wanted.contains(&action.id()) {
                    State::Listed
                } else if covered.contains(&action.id()) {
                    State::Covered
                } else {
                    State::Absent
                }
            })
            .collect();
        let trie = Trie {
            service: service.prefix(),
            actions: &actions,
            names: &names,
            state: &state,
        };
        let (_, choice) = trie.solve(0, actions.len(), 0);
        trie.emit(&choice, &mut out);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// The action is listed and must stay granted.
    Listed,
    /// Granted by a pattern already in the list: a new pattern may cover it.
    Covered,
    /// Not granted: no new pattern may match it.
    Absent,
}

/// How a run of the catalog is written.
enum Choice {
    /// Nothing to write (no listed action in the run).
    Nothing,
    /// One pattern for the run `first..end`: the service, the first `len` chars of the run's
    /// first name, `*`.
    Pattern {
        first: usize,
        end: usize,
        len: usize,
    },
    /// The one listed action.
    Action(usize),
    /// Each part as chosen.
    Parts(Vec<Choice>),
}

struct Trie<'a> {
    service: &'static str,
    actions: &'a [ActionInfo],
    names: &'a [&'static str],
    state: &'a [State],
}

impl Trie<'_> {
    /// What `"svc:name",` costs in an array.
    fn action_cost(&self, index: usize) -> usize {
        self.service.len() + 1 + self.names.get(index).map_or(0, |name| name.len()) + 3
    }

    /// What `"svc:prefix*",` costs in an array.
    fn pattern_cost(&self, len: usize) -> usize {
        self.service.len() + 1 + len + 1 + 3
    }

    /// The length of the longest prefix common to the names of `lo..hi` (sorted, so the
    /// first and the last decide).
    fn common_prefix(&self, lo: usize, hi: usize) -> usize {
        let first = self
            .names
            .get(lo)
            .map(|name| name.as_bytes())
            .unwrap_or_default();
        let last = self
            .names
            .get(hi.saturating_sub(1))
            .map(|name| name.as_bytes())
            .unwrap_or_default();
        first
            .iter()
            .zip(last)
            .take_while(|(a, b)| a.eq_ignore_ascii_case(b))
            .count()
    }

    /// The cheapest writing of the run `lo..hi`, whose lowercase names all start with the same
    /// `depth` chars (and no other action's name does).
    fn solve(&self, lo: usize, hi: usize, depth: usize) -> (usize, Choice) {
        let states = self.state.get(lo..hi).unwrap_or_default();
        if !states.contains(&State::Listed) {
            return (0, Choice::Nothing);
        }
        let all_granted = !states.contains(&State::Absent);
        // The pattern's prefix is the run's longest common prefix (`Describe`, not `Des`,
        // when only `Describe...` names start with `des`): the same actions today, and fewer
        // of the names AWS may add later.
        let common = self.common_prefix(lo, hi);
        let pattern = all_granted.then(|| self.pattern_cost(common));
        if hi - lo == 1 {
            // A single listed action: deeper prefixes only get longer.
            let listed = self.action_cost(lo);
            return match pattern {
                Some(cost) if cost < listed => (
                    cost,
                    Choice::Pattern {
                        first: lo,
                        end: hi,
                        len: common,
                    },
                ),
                _ => (listed, Choice::Action(lo)),
            };
        }
        // Children: the name that ends here (at most one), then runs by the next char.
        let mut total = 0;
        let mut parts = Vec::new();
        let mut start = lo;
        while start < hi {
            let name = self
                .names
                .get(start)
                .map(|name| name.as_bytes())
                .unwrap_or_default();
            let Some(next) = name.get(depth).map(u8::to_ascii_lowercase) else {
                if self.state.get(start) == Some(&State::Listed) {
                    total += self.action_cost(start);
                    parts.push(Choice::Action(start));
                }
                start += 1;
                continue;
            };
            let mut end = start + 1;
            while end < hi
                && self
                    .names
                    .get(end)
                    .and_then(|name| name.as_bytes().get(depth))
                    .map(u8::to_ascii_lowercase)
                    == Some(next)
            {
                end += 1;
            }
            let (cost, choice) = self.solve(start, end, depth + 1);
            total += cost;
            parts.push(choice);
            start = end;
        }
        match pattern {
            Some(cost) if cost < total => (
                cost,
                Choice::Pattern {
                    first: lo,
                    end: hi,
                    len: common,
                },
            ),
            _ => (total, Choice::Parts(parts)),
        }
    }

    fn emit(&self, choice: &Choice, out: &mut Synthesis) {
        match choice {
            Choice::Nothing => {}
            Choice::Action(index) => {
                if let Some(action) = self.actions.get(*index) {
                    out.kept.push(action.id());
                }
            }
            Choice::Pattern { first, end, len } => {
                let name = self.actions.get(*first).map_or("", |action| action.name());
                // Names are ASCII; a name that is not keeps its actions listed.
                match name.get(..*len) {
                    Some(prefix) => out.patterns.push(format!("{}:{prefix}*", self.service)),
                    None => {
                        for index in *first..*end {
                            if self.state.get(index) == Some(&State::Listed) {
                                if let Some(action) = self.actions.get(index) {
                                    out.kept.push(action.id());
                                }
                            }
                        }
                    }
                }
            }
            Choice::Parts(parts) => {
                for part in parts {
                    self.emit(part, out);
                }
            }
        }
    }
}
