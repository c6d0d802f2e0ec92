//! Resource patterns as exact sets: every `Resource` pattern of a comparison is read as the
//! language of resource texts the evaluator matches with it, and all of them (with the
//! action's resource space) are run together as one product automaton, explored breadth first
//! within a size budget. Each reachable state says which patterns match the text read so far,
//! so any boolean question over the patterns (is `A` within `B ∪ C` minus `D`?) is answered
//! exactly by looking at the states reached, and a "no" comes with the shortest text that
//! shows it.
//!
//! The language of a pattern is the evaluator's ([`crate::eval::glob::arn_like`], the
//! [Resource page]): a text of six fields (five `:`) is matched field by field, `*` and `?`
//! staying inside each of the first five fields (compared ignoring ASCII case) and reaching
//! over `:` and `/` in the resource part (compared exactly); a pattern of fewer than six
//! fields matches when its last field ends with `*`, which then stands for the rest of the
//! text ("If the `*` wildcard is the last character of a resource ARN segment, it can expand
//! to match beyond the colon boundaries"); a text of fewer than six fields is matched as a
//! whole. A request for `*` (an action that takes no resource) is matched by the pattern `*`
//! only.
//!
//! The resource space of an action is the set of texts its requests can carry: the ARNs that
//! one of its resource types' ARN formats names (the catalog's [`format_tokens`]), plus `*`
//! when the catalog lists none of its types as required; `*` alone for an action without
//! resource types; every `*` or `arn:...` text for an action the catalog does not know.
//!
//! The alphabet is finite and exact: every character that a pattern or format names (both
//! ASCII cases of letters), `:`, `/`, `*`, and one symbol for "any other character", which no
//! literal matches.
//!
//! [Resource page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html

use std::collections::HashMap;

use catalog::index::{catalog, format_tokens, Class, Token};

/// How one list of `Resource` patterns relates to another over the requests of an action
/// ([`resources_within`]).
///
/// ```
/// use typed_iam_core::compare::{resources_within, Inclusion};
/// assert_eq!(resources_within(None, &["arn:aws:s3:::b/a*"], &["arn:aws:s3:::b/*"]), Inclusion::Within);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Inclusion {
    /// Every resource the first list matches, the second matches.
    Within,
    /// Not within: a resource the first list matches and the second does not.
    Outside(String),
    /// Not decided (policy variables, or the automaton passed its size budget), with the
    /// reason.
    Unknown(String),
}

/// Whether every resource of the action's requests that one of the `small` patterns matches
/// is matched by one of the `big` patterns, decided exactly over the evaluator's matching
/// (see the module docs of `compare`): `action` `None` stands for an action the catalog does
/// not know (every `*` or `arn:...` resource).
///
/// ```
/// use typed_iam_core::compare::{resources_within, Inclusion};
/// // Two patterns that together cover a third.
/// let small = ["arn:aws:s3:::b/*"];
/// assert_eq!(resources_within(None, &small, &["arn:aws:s3:::b/?*", "arn:aws:s3:::b/"]), Inclusion::Within);
/// assert_eq!(resources_within(None, &small, &["arn:aws:s3:::b/?*"]),
///     Inclusion::Outside("arn:aws:s3:::b/".to_owned()));
/// // `s3:GetObject` takes objects only: a bucket pattern adds nothing.
/// assert_eq!(resources_within(Some("s3:GetObject"), &["arn:aws:s3:::*"], &["arn:aws:s3:::*/*"]),
///     Inclusion::Within);
/// assert!(matches!(resources_within(None, &["arn:aws:s3:::*"], &["arn:aws:s3:::*/*"]), Inclusion::Outside(_)));
/// ```
pub fn resources_within(action: Option<&str>, small: &[&str], big: &[&str]) -> Inclusion {
    let mut patterns: Vec<&str> = small.iter().chain(big).copied().collect();
    patterns.sort_unstable();
    patterns.dedup();
    if patterns.iter().any(|p| p.contains("${")) {
        return Inclusion::Unknown(
            "a pattern has a policy variable (`${...}`), which stands for a request's value"
                .to_owned(),
        );
    }
    let space = action.map_or(Space::Any, Space::of_action);
    let explored = match explore(&patterns, &space, &[]) {
        Ok(explored) => explored,
        Err(OverBudget(reason)) => return Inclusion::Unknown(reason),
    };
    let bit = |p: &&str| patterns.binary_search(p).map_or(usize::MAX, |i| i + 1);
    let any = |list: &[&str], bits: &[bool]| {
        list.iter()
            .any(|p| bits.get(bit(p)).copied().unwrap_or(false))
    };
    explored
        .outcomes
        .iter()
        .find(|o| o.bits[0] && any(small, &o.bits) && !any(big, &o.bits))
        .map_or(Inclusion::Within, |o| Inclusion::Outside(o.example.clone()))
}

/// Whether a request for `action` can carry `resource`: an ARN that one of the action's
/// resource types names, or `*` when the catalog lists none of its types as required (for an
/// action the catalog does not know: `*` or any `arn:...` text).
///
/// ```
/// use typed_iam_core::compare::takes_resource;
/// assert!(takes_resource("s3:GetObject", "arn:aws:s3:::b/key"));
/// assert!(!takes_resource("s3:GetObject", "arn:aws:s3:::b"));
/// assert!(takes_resource("s3:ListAllMyBuckets", "*"));
/// ```
pub fn takes_resource(action: &str, resource: &str) -> bool {
    Space::of_action(action).contains(resource)
}

/// A class of more actions than this has every text as its space.
const CLASS_SPACE_LIMIT: usize = 16;

/// At most this many product states are explored.
pub(crate) const STATE_BUDGET: usize = 20_000;
/// At most this much work (states × symbols × automaton positions).
pub(crate) const WORK_BUDGET: usize = 150_000_000;

/// A set of characters for one step of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cls {
    /// Every character.
    Any,
    /// Every character but `:` (a wildcard inside one of the first five ARN fields).
    NoColon,
    /// A format's class.
    Format(Class),
}

impl Cls {
    fn admits(self, symbol: Symbol) -> bool {
        match (self, symbol) {
            (Cls::Any, _) => true,
            (Cls::NoColon, Symbol::Char(c)) => c != ':',
            (Cls::Format(class), Symbol::Char(c)) => class.admits(c),
            // The other symbol is never `:` or `/`.
            (_, Symbol::Other) => true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// This character; the flag: ignoring ASCII case.
    Lit(char, bool),
    One(Cls),
    Run(Cls),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Symbol {
    Char(char),
    /// Any character the patterns and formats do not name.
    Other,
}

/// When an automaton's final position accepts: always, or only for texts with at least (or
/// fewer than) five `:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Accept {
    Always,
    SixFields,
    FewerFields,
}

#[derive(Debug, Clone)]
struct Nfa {
    tokens: Vec<Tok>,
    accept: Accept,
    /// The first word of its positions in a state.
    offset: usize,
}

impl Nfa {
    fn words(&self) -> usize {
        (self.tokens.len() + 1).div_ceil(64)
    }
}

/// The language of one set member: everything, or the union of some automata, with or
/// without the text `*`.
#[derive(Debug, Clone)]
enum Language {
    Everything,
    Union { nfas: Vec<usize>, star: bool },
}

/// A set of condition values, as the evaluator matches a request value with a policy value
/// ([`crate::eval`]'s rule 14).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum TextSet {
    /// `StringEquals`: exactly this text.
    Literal(String),
    /// `StringLike`: the wildcard text over the whole value, case-sensitive.
    Glob(String),
    /// `ArnEquals`/`ArnLike`: field by field, case-sensitive.
    Arn(String),
}

/// Explores the product of text sets over every text: member 0 is every text, member
/// `1 + i` the set `i`.
pub(crate) fn explore_texts(sets: &[TextSet]) -> Result<Explored, OverBudget> {
    let mut builder = Builder {
        nfas: Vec::new(),
        words: 0,
    };
    let everything = builder.push(vec![Tok::Run(Cls::Any)], Accept::Always);
    let mut members = vec![Language::Union {
        nfas: vec![everything],
        star: true,
    }];
    let mut texts: Vec<&str> = Vec::new();
    for set in sets {
        members.push(match set {
            TextSet::Literal(text) => Language::Union {
                nfas: vec![builder.push(
                    text.chars().map(|c| Tok::Lit(c, false)).collect(),
                    Accept::Always,
                )],
                star: text == "*",
            },
            TextSet::Glob(pattern) => Language::Union {
                nfas: vec![builder.push(glob_tokens(pattern, Cls::Any, false), Accept::Always)],
                star: crate::eval::glob::glob(pattern, "*", false),
            },
            TextSet::Arn(pattern) if pattern == "*" => Language::Everything,
            TextSet::Arn(pattern) => match builder.arn_pattern(pattern, false) {
                Language::Union { nfas, .. } => Language::Union {
                    nfas,
                    star: crate::eval::glob::arn_like(pattern, "*", false),
                },
                everything => everything,
            },
        });
        texts.push(match set {
            TextSet::Literal(t) | TextSet::Glob(t) | TextSet::Arn(t) => t,
        });
    }
    run(builder, &members, &texts, sets.len())
}

/// A resource space: which texts an action's requests can carry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Space {
    /// `*` and every `arn:...` text (an action the catalog does not know).
    Any,
    /// The ARNs the formats name, and `*` when the flag says so.
    Formats(Vec<&'static str>, bool),
}

impl Space {
    /// The resource space of an action (see the module docs).
    pub(crate) fn of_action(action: &str) -> Space {
        let Some(info) = catalog().action(action) else {
            return Space::Any;
        };
        let mut formats = Vec::new();
        let mut required = false;
        for (kind, is_required) in info.resource_types() {
            required |= is_required;
            formats.extend(kind.arn_formats().iter().copied());
        }
        formats.sort_unstable();
        formats.dedup();
        Space::Formats(formats, !required)
    }

    /// The resource space of a class of actions: the union of its actions' spaces, or every
    /// text when the class stands for actions AWS adds later (their resource types are not
    /// known) or is large (the union would be most texts anyway, at a high cost).
    pub(crate) fn of_actions(actions: &[String], future: bool) -> Space {
        if future || actions.is_empty() || actions.len() > CLASS_SPACE_LIMIT {
            return Space::Any;
        }
        let mut formats = Vec::new();
        let mut star = false;
        for action in actions {
            match Space::of_action(action) {
                Space::Any => return Space::Any,
                Space::Formats(more, more_star) => {
                    formats.extend(more);
                    star |= more_star;
                }
            }
        }
        formats.sort_unstable();
        formats.dedup();
        Space::Formats(formats, star)
    }

    /// One plain resource per ARN format (partition `aws`, region `us-east-1`, the witnesses'
    /// account, `zzw` for every other name), for witnesses.
    pub(crate) fn examples(&self) -> Vec<String> {
        let Space::Formats(formats, _) = self else {
            return Vec::new();
        };
        formats
            .iter()
            .take(8)
            .map(|format| {
                let mut out = String::new();
                let mut rest: &str = format;
                while let Some(start) = rest.find("${") {
                    out.push_str(rest.get(..start).unwrap_or_default());
                    let after = rest.get(start..).unwrap_or_default();
                    let end = after.find('}').map_or(after.len(), |e| e + 1);
                    out.push_str(match after.get(..end).unwrap_or_default() {
                        "${Partition}" => "aws",
                        "${Region}" => "us-east-1",
                        "${Account}" => super::atoms::ACCOUNT,
                        _ => "zzw",
                    });
                    rest = after.get(end..).unwrap_or_default();
                }
                out.push_str(rest);
                out
            })
            .collect()
    }

    /// Whether a concrete request resource is in the space.
    pub(crate) fn contains(&self, resource: &str) -> bool {
        memberships(&[], self, resource).is_some()
    }
}

/// One kind of text the product reached: which members (index 0: the space; index 1 + i:
/// pattern i; after the patterns, the probes) match it, and the shortest such text.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub(crate) bits: Vec<bool>,
    pub(crate) example: String,
}

/// Every combination of memberships that some text of the space reaches (combinations
/// outside the space may be left out: ask only about texts of the space).
#[derive(Debug, Clone)]
pub(crate) struct Explored {
    pub(crate) outcomes: Vec<Outcome>,
}

/// Why an exploration stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OverBudget(pub(crate) String);

struct Builder {
    nfas: Vec<Nfa>,
    words: usize,
}

impl Builder {
    fn push(&mut self, tokens: Vec<Tok>, accept: Accept) -> usize {
        let nfa = Nfa {
            tokens,
            accept,
            offset: self.words,
        };
        self.words += nfa.words();
        self.nfas.push(nfa);
        self.nfas.len() - 1
    }

    /// The language of a `Resource` pattern (see the module docs).
    fn pattern(&mut self, pattern: &str) -> Language {
        if pattern == "*" {
            return Language::Everything;
        }
        self.arn_pattern(pattern, true)
    }

    /// The language of an ARN pattern, the first five fields compared ignoring case or not
    /// (the `Resource` element or the `Arn...` condition operators), without the text `*`.
    fn arn_pattern(&mut self, pattern: &str, ignore_case_prefix: bool) -> Language {
        let mut nfas = Vec::new();
        // Texts of fewer than six fields: the whole pattern as a wildcard text, exactly.
        nfas.push(self.push(glob_tokens(pattern, Cls::Any, false), Accept::FewerFields));
        // Texts of six fields: field by field.
        let (fields, count) = crate::eval::glob::arn_fields(pattern);
        let last = count - 1;
        let mut tokens = Vec::new();
        let mut matches_six = true;
        for (index, field) in fields.iter().take(count).enumerate() {
            if index > 0 {
                tokens.push(Tok::Lit(':', false));
            }
            if index == last && count < 6 {
                // The last field stands for the rest of the text, `:` included; the whole
                // rest compares ignoring case (as the evaluator does).
                matches_six = field.ends_with('*');
                tokens.extend(glob_tokens(field, Cls::Any, ignore_case_prefix));
            } else if index < 5 {
                tokens.extend(glob_tokens(field, Cls::NoColon, ignore_case_prefix));
            } else {
                tokens.extend(glob_tokens(field, Cls::Any, false));
            }
        }
        if matches_six {
            nfas.push(self.push(tokens, Accept::SixFields));
        }
        Language::Union { nfas, star: false }
    }

    fn space(&mut self, space: &Space) -> Language {
        match space {
            Space::Any => {
                let mut tokens: Vec<Tok> = "arn:".chars().map(|c| Tok::Lit(c, false)).collect();
                tokens.push(Tok::Run(Cls::Any));
                Language::Union {
                    nfas: vec![self.push(tokens, Accept::Always)],
                    star: true,
                }
            }
            Space::Formats(formats, star) => {
                let nfas = formats
                    .iter()
                    .map(|format| {
                        let tokens = format_tokens(format, None)
                            .into_iter()
                            .map(|token| match token {
                                Token::Char(c) => Tok::Lit(c, true),
                                Token::One(class) => Tok::One(Cls::Format(class)),
                                Token::Run(class) => Tok::Run(Cls::Format(class)),
                            })
                            .collect();
                        self.push(tokens, Accept::Always)
                    })
                    .collect();
                Language::Union { nfas, star: *star }
            }
        }
    }
}

/// The tokens of a wildcard text: `*` a run of `wild`, `?` one of `wild`.
fn glob_tokens(text: &str, wild: Cls, ignore_case: bool) -> Vec<Tok> {
    text.chars()
        .map(|c| match c {
            '*' => Tok::Run(wild),
            '?' => Tok::One(wild),
            c => Tok::Lit(c, ignore_case),
        })
        .collect()
}

/// Whether the text so far is empty, exactly `*`, or something else.
const EMPTY: u64 = 0;
const STAR: u64 = 1;
const OTHER: u64 = 2;

/// Explores the product of the space, the patterns and the probes (concrete texts, matched
/// as patterns too: a probe's member is true for the texts the probe pattern matches).
pub(crate) fn explore(
    patterns: &[&str],
    space: &Space,
    probes: &[&str],
) -> Result<Explored, OverBudget> {
    let mut builder = Builder {
        nfas: Vec::new(),
        words: 0,
    };
    let mut members = vec![builder.space(space)];
    for pattern in patterns {
        members.push(builder.pattern(pattern));
    }
    // Probes are literal texts (a `*` in one is the character).
    for probe in probes {
        let tokens = probe.chars().map(|c| Tok::Lit(c, false)).collect();
        members.push(Language::Union {
            nfas: vec![builder.push(tokens, Accept::Always)],
            star: *probe == "*",
        });
    }
    let texts: Vec<&str> = patterns.iter().chain(probes).copied().collect();
    run(builder, &members, &texts, patterns.len())
}

/// The breadth-first exploration of the product of the built automata.
fn run(
    builder: Builder,
    members: &[Language],
    texts: &[&str],
    patterns: usize,
) -> Result<Explored, OverBudget> {
    let alphabet = alphabet(&builder.nfas, texts.iter());
    let Builder { nfas, words } = builder;
    // A state: word 0 holds the `:` count (capped at 5) and the text kind; then each
    // automaton's set of positions.
    let start = start_state(&nfas, words);
    let mut index: HashMap<Vec<u64>, usize> = HashMap::new();
    let mut states: Vec<Vec<u64>> = Vec::new();
    let mut parents: Vec<Option<(usize, Symbol)>> = Vec::new();
    index.insert(start.clone(), 0);
    states.push(start);
    parents.push(None);
    let positions: usize = nfas.iter().map(|nfa| nfa.tokens.len() + 1).sum();
    let step_cost = (alphabet.len() * positions.max(1)).max(1);
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut seen_bits: HashMap<Vec<bool>, ()> = HashMap::new();
    let mut next = 0;
    while let Some(state) = states.get(next).cloned() {
        let bits: Vec<bool> = members
            .iter()
            .map(|member| holds(member, &nfas, &state))
            .collect();
        if seen_bits.insert(bits.clone(), ()).is_none() {
            outcomes.push(Outcome {
                bits,
                example: spell(&parents, next, &alphabet),
            });
        }
        if states.len() > STATE_BUDGET || states.len().saturating_mul(step_cost) > WORK_BUDGET {
            return Err(OverBudget(format!(
                "the automaton of {patterns} pattern(s) passed its budget ({} states of \
                 {STATE_BUDGET}, {} steps of {WORK_BUDGET})",
                states.len(),
                states.len().saturating_mul(step_cost)
            )));
        }
        for &symbol in &alphabet {
            let Some(target) = step(&nfas, &state, symbol, false) else {
                continue;
            };
            if !index.contains_key(&target) {
                index.insert(target.clone(), states.len());
                states.push(target);
                parents.push(Some((next, symbol)));
            }
        }
        next += 1;
    }
    Ok(Explored { outcomes })
}

/// Which members (the space, then each pattern) a concrete text belongs to, by running the
/// automata over it; `None` when the text is outside the space.
fn memberships(patterns: &[&str], space: &Space, text: &str) -> Option<Vec<bool>> {
    let mut builder = Builder {
        nfas: Vec::new(),
        words: 0,
    };
    let mut members = vec![builder.space(space)];
    for pattern in patterns {
        members.push(builder.pattern(pattern));
    }
    let Builder { nfas, words } = builder;
    let mut state = start_state(&nfas, words);
    for c in text.chars() {
        state = step(&nfas, &state, Symbol::Char(c), true)?;
    }
    let bits: Vec<bool> = members
        .iter()
        .map(|member| holds(member, &nfas, &state))
        .collect();
    bits.first().copied().unwrap_or(false).then_some(bits)
}

/// An example text made plainer where that changes no membership: partition `aws`, region
/// `us-east-1` and the witnesses' account (a resource of another account would make the
/// request cross-account, which identity policies alone never allow).
pub(crate) fn plain_example(patterns: &[&str], space: &Space, example: &str) -> String {
    let Some(bits) = memberships(patterns, space, example) else {
        return example.to_owned();
    };
    let mut current = example.to_owned();
    for (index, default) in [(1, "aws"), (3, "us-east-1"), (4, super::atoms::ACCOUNT)] {
        let (fields, count) = crate::eval::glob::arn_fields(&current);
        if count < 6 || fields.get(index) == Some(&default) {
            continue;
        }
        let mut parts: Vec<&str> = fields.to_vec();
        if let Some(slot) = parts.get_mut(index) {
            *slot = default;
        }
        let candidate = parts.join(":");
        if memberships(patterns, space, &candidate).as_ref() == Some(&bits) {
            current = candidate;
        }
    }
    current
}

/// The state before any text: every automaton at its start.
fn start_state(nfas: &[Nfa], words: usize) -> Vec<u64> {
    let mut start = vec![0u64; words + 1];
    for nfa in nfas {
        set(&mut start, nfa.offset, 0);
        close(nfa, &mut start);
    }
    start
}

/// The symbols: every character named (both ASCII cases), `:`, `/`, `*`, and the other one.
fn alphabet<'t>(nfas: &[Nfa], texts: impl Iterator<Item = &'t &'t str>) -> Vec<Symbol> {
    let mut chars: Vec<char> = vec![':', '/', '*'];
    for nfa in nfas {
        for token in &nfa.tokens {
            if let Tok::Lit(c, _) = token {
                chars.push(*c);
            }
        }
    }
    for text in texts {
        chars.extend(text.chars().filter(|c| *c != '?'));
    }
    let folded: Vec<char> = chars
        .iter()
        .flat_map(|c| [c.to_ascii_lowercase(), c.to_ascii_uppercase()])
        .collect();
    chars.extend(folded);
    // Breadth first in this order, so that examples read plainly: the other symbol, then
    // lowercase letters and digits, then the rest, `*` last.
    chars.sort_unstable_by_key(|c| {
        let rank = match c {
            'a'..='z' | '0'..='9' => 0,
            '*' => 2,
            _ => 1,
        };
        (rank, *c)
    });
    chars.dedup();
    let mut symbols = vec![Symbol::Other];
    symbols.extend(chars.into_iter().map(Symbol::Char));
    symbols
}

/// The shortest text that reaches state `at`.
fn spell(parents: &[Option<(usize, Symbol)>], mut at: usize, alphabet: &[Symbol]) -> String {
    let named: Vec<char> = alphabet
        .iter()
        .filter_map(|s| match s {
            Symbol::Char(c) => Some(*c),
            Symbol::Other => None,
        })
        .collect();
    // A character no pattern names, for the other symbol.
    let other = "zqxjkvwy0123456789"
        .chars()
        .chain('\u{100}'..)
        .find(|c| !named.contains(c))
        .unwrap_or('~');
    let mut out = Vec::new();
    while let Some(Some((parent, symbol))) = parents.get(at) {
        out.push(match symbol {
            Symbol::Char(c) => *c,
            Symbol::Other => other,
        });
        at = *parent;
    }
    out.iter().rev().collect()
}

fn set(state: &mut [u64], offset: usize, position: usize) {
    if let Some(word) = state.get_mut(1 + offset + position / 64) {
        *word |= 1 << (position % 64);
    }
}

fn get(state: &[u64], offset: usize, position: usize) -> bool {
    state
        .get(1 + offset + position / 64)
        .is_some_and(|word| word & (1 << (position % 64)) != 0)
}

/// Adds the positions reached by skipping `*` runs.
fn close(nfa: &Nfa, state: &mut [u64]) {
    for (position, token) in nfa.tokens.iter().enumerate() {
        if matches!(token, Tok::Run(_)) && get(state, nfa.offset, position) {
            set(state, nfa.offset, position + 1);
        }
    }
}

/// The state after reading one symbol, or `None` when every automaton is dead (unless
/// `keep`: reading a given text to its end).
fn step(nfas: &[Nfa], state: &[u64], symbol: Symbol, keep: bool) -> Option<Vec<u64>> {
    let head = state.first().copied().unwrap_or_default();
    let (colons, kind) = (head & 0xff, head >> 8);
    let mut target = vec![0u64; state.len()];
    let mut alive = false;
    for nfa in nfas {
        for (position, token) in nfa.tokens.iter().enumerate() {
            if !get(state, nfa.offset, position) {
                continue;
            }
            match *token {
                Tok::Run(cls) if cls.admits(symbol) => set(&mut target, nfa.offset, position),
                Tok::One(cls) if cls.admits(symbol) => set(&mut target, nfa.offset, position + 1),
                Tok::Lit(c, ignore_case) => {
                    if let Symbol::Char(x) = symbol {
                        if x == c || (ignore_case && x.eq_ignore_ascii_case(&c)) {
                            set(&mut target, nfa.offset, position + 1);
                        }
                    }
                }
                _ => {}
            }
        }
        close(nfa, &mut target);
        alive |= (0..nfa.words()).any(|w| target.get(1 + nfa.offset + w).is_some_and(|x| *x != 0));
    }
    let colons = if symbol == Symbol::Char(':') {
        (colons + 1).min(5)
    } else {
        colons
    };
    let kind = match (kind, symbol) {
        (EMPTY, Symbol::Char('*')) => STAR,
        _ => OTHER,
    };
    // The text `*` is decided by the text kind alone: keep exploring it even when no
    // automaton is alive.
    if !alive && kind != STAR && !keep {
        return None;
    }
    if let Some(first) = target.first_mut() {
        *first = colons | (kind << 8);
    }
    Some(target)
}

fn holds(member: &Language, nfas: &[Nfa], state: &[u64]) -> bool {
    let head = state.first().copied().unwrap_or_default();
    let (colons, kind) = (head & 0xff, head >> 8);
    match member {
        Language::Everything => true,
        Language::Union { nfas: which, star } => {
            if kind == STAR {
                return *star;
            }
            which.iter().filter_map(|&i| nfas.get(i)).any(|nfa| {
                let accepts = match nfa.accept {
                    Accept::Always => true,
                    Accept::SixFields => colons >= 5,
                    Accept::FewerFields => colons < 5,
                };
                accepts && get(state, nfa.offset, nfa.tokens.len())
            })
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::eval::glob::arn_like;

    /// Whether a text is in the language, by the explored product with the text as a probe.
    fn member(pattern: &str, text: &str) -> bool {
        let explored = explore(&[pattern], &Space::Any, &[text]).unwrap();
        explored.outcomes.iter().any(|o| o.bits[1] && o.bits[2])
    }

    #[test]
    fn languages_are_the_evaluators() {
        for (pattern, text) in [
            ("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y:z"),
            ("arn:aws:s3:::b/*", "arn:aws:s3:::c/x"),
            ("ARN:AWS:S3:::b/*", "arn:aws:s3:::b/x"),
            ("arn:aws:s3:::B/*", "arn:aws:s3:::b/x"),
            ("arn:aws:s3*", "arn:aws:s3:::b"),
            ("arn:aws:s3", "arn:aws:s3:::b"),
            (
                "arn:aws:kms:us-*:key/x",
                "arn:aws:kms:us-east-1:111122223333:key/x",
            ),
            (
                "arn:aws:kms:us-*:*:key/x",
                "arn:aws:kms:us-east-1:111122223333:key/x",
            ),
            ("arn:*", "arn:x"),
            ("arn:?", "arn:x"),
            ("*", "*"),
            ("?", "*"),
        ] {
            let expected = text != "*" && arn_like(pattern, text, true) || pattern == "*";
            assert_eq!(member(pattern, text), expected, "{pattern} {text}");
        }
    }

    #[test]
    fn object_actions_do_not_take_buckets() {
        let space = Space::of_action("s3:GetObject");
        assert!(space.contains("arn:aws:s3:::b/k"));
        assert!(!space.contains("arn:aws:s3:::b"));
        assert!(Space::of_action("s3:ListAllMyBuckets").contains("*"));
        assert!(!Space::of_action("s3:ListAllMyBuckets").contains("arn:aws:s3:::b"));
    }
}
