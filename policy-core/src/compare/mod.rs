//! Semantic comparison of two policies (or two sets of policies of one layer): does the new
//! one grant anything the old one did not? And the canonical form ([`canonical`],
//! [`semantically_equal`]).
//!
//! [`compare`] answers with a [`Relation`] and, for each way the two differ, a [`Difference`]
//! with a **witness**: a concrete request one side allows and the other does not. Every
//! witness is replayed through the evaluator ([`crate::eval::PolicySet::evaluate`]) before it is reported;
//! one that does not replay is dropped and counted in [`Comparison::dropped_witnesses`] (a bug:
//! the tests require zero).
//!
//! # How
//! - **Actions, exactly.** The catalog's actions are split into the classes that the action
//!   patterns of both policies induce, plus classes for actions AWS adds later (one per
//!   wildcard pattern, one per service named, one for unknown services), because `s3:*`, `*`
//!   and `NotAction` grant those too ([Action page], [NotAction page]).
//! - **Statements, by containment first.** For each class, each side's applicable statements
//!   are compared by containment (ARN patterns field by field, condition blocks as
//!   conjunctions of entries). A direction ("nothing new") is *proven* when every allowing
//!   statement of one side is contained in an allowing statement of the other (or in one of
//!   its own denies) and the other side's denies are contained in its denies.
//! - **Resources, exactly.** When containment does not prove a direction and no plain request
//!   separates the sides, the resource patterns are run as automata (`resources`: the
//!   evaluator's ARN matching as languages, intersected with the resource space of the
//!   class's actions from the catalog's ARN formats, within a size budget): unions of allows,
//!   denies carved out of them and the other side's denies are decided exactly (`exact`), and
//!   a text that shows a difference becomes a witness candidate. See [`resources_within`].
//! - **Conditions, as sets.** One entry implies another when its set of request values (texts
//!   as automata, numbers and dates as intervals, addresses as ranges) and its operator's
//!   quantifier (`ForAllValues`, `ForAnyValue`, plain, negated, absent key) say so: across
//!   operators and qualifiers (`condition_sets`). A statement's entries are ANDed.
//! - **Never a guess.** When a direction is neither proven nor shown by a replayed witness
//!   (conditions that only a combination of statements decides, policy variables, automata
//!   over the budget), the answer is [`Relation::Unknown`] with the reason.
//! - **Policy variables** (`${aws:username}`) stand for the same text on both sides of one
//!   request, so a pattern or condition value with one is contained only in the same text (or
//!   in `*`); a policy is thus equivalent to its reordering, but a change inside a variable's
//!   pattern is `Unknown` unless a witness separates the sides. Sides that read variables
//!   differently (`Version` 2012-10-17 or not) are `Unknown`.
//! - **Kinds** ([`Kind`], [`compare_as`]): identity policies by default; resource policies
//!   compared with their principals (a `Principal` list is a set of principals, containment
//!   proven by inclusion); boundaries, session policies, SCPs and RCPs replayed in their own
//!   layer of the evaluator (RCPs only for the services they cover).
//! - **Out of scope, answered `Unknown`:** a `Principal` outside a resource policy (and none
//!   in one), statements without `Action` (or, outside resource policies, `Resource`),
//!   condition operators IAM does not know.
//!
//! [Action page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
//! [NotAction page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
//!
//! ```
//! use typed_iam_core::{compare::{compare, Relation}, Policy};
//! let old = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[
//!   {"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]}"#)?;
//! let new = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[
//!   {"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject","s3:PutObject"],"Resource":"*"}]}"#)?;
//! let comparison = compare(&old, &new);
//! assert_eq!(comparison.relation, Relation::Broader);
//! assert_eq!(comparison.new_access[0].witness.action, "s3:PutObject");
//! # Ok::<(), typed_iam_core::ParseError>(())
//! ```

mod atoms;
mod canonical;
mod classes;
mod condition_sets;
mod conditions;
mod exact;
mod kind;
mod resources;

pub use canonical::{canonical, canonical_statement, semantically_equal};
pub use kind::Kind;
pub use resources::{resources_within, takes_resource, Inclusion};

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use crate::eval::glob::arn_like;
use crate::eval::{ContextValue, Request, RequestError};
use crate::model::{Effect, Policy, Version};

use atoms::{edge_contexts, instantiate_resource, satisfying_context, Atom, ACCOUNT};
use classes::{classes, pattern_text, ActionClass};
use exact::Exact;
use kind::RESOURCE_ACCOUNT;
use resources::Space;

/// How the new policy's access relates to the old one's.
///
/// ```
/// use typed_iam_core::compare::Relation;
/// assert_eq!(Relation::Narrower.as_str(), "narrower");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Relation {
    /// Both allow exactly the same requests.
    Equivalent,
    /// The new one allows a strict subset.
    Narrower,
    /// The new one allows a strict superset.
    Broader,
    /// Each allows something the other does not.
    Incomparable,
    /// Not decided, with the reason.
    Unknown(String),
}

impl Relation {
    /// The relation's name in JSON output: `equivalent`, `narrower`, `broader`,
    /// `incomparable`, `unknown`.
    ///
    /// ```
    /// use typed_iam_core::compare::Relation;
    /// assert_eq!(Relation::Unknown("why".into()).as_str(), "unknown");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::Equivalent => "equivalent",
            Relation::Narrower => "narrower",
            Relation::Broader => "broader",
            Relation::Incomparable => "incomparable",
            Relation::Unknown(_) => "unknown",
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Relation::Unknown(reason) => write!(f, "unknown ({reason})"),
            other => f.write_str(other.as_str()),
        }
    }
}

/// A concrete request, in the scenario format's request shape.
///
/// ```
/// use typed_iam_core::compare::Witness;
/// let witness = Witness {
///     principal: "arn:aws:iam::111122223333:user/witness".into(),
///     action: "s3:PutObject".into(),
///     resource: "*".into(),
///     resource_account: None,
///     context: Vec::new(),
/// };
/// assert_eq!(witness.request()?.action(), "s3:PutObject");
/// # Ok::<(), typed_iam_core::eval::RequestError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witness {
    /// The calling principal's ARN.
    pub principal: String,
    /// `service:Name`.
    pub action: String,
    /// `*` or an ARN.
    pub resource: String,
    /// The account that owns the resource, when it is not the ARN's (or the caller's): set for
    /// resource policies, whose witnesses are cross-account requests.
    pub resource_account: Option<String>,
    /// The request context.
    pub context: Vec<(String, ContextValue)>,
}

impl Witness {
    /// The evaluator's request (not checked against the catalog: future actions are
    /// witnesses too).
    ///
    /// ```
    /// use typed_iam_core::compare::Witness;
    /// let witness = Witness { principal: "nobody".into(), action: "s3:GetObject".into(),
    ///     resource: "*".into(), resource_account: None, context: Vec::new() };
    /// assert!(witness.request().is_err());
    /// ```
    pub fn request(&self) -> Result<Request, RequestError> {
        let mut request =
            Request::unchecked(&self.action, self.resource.clone())?.principal(&self.principal)?;
        if let Some(account) = &self.resource_account {
            request = request.resource_account(account);
        }
        for (key, value) in &self.context {
            request = request.context(key, value.clone())?;
        }
        Ok(request)
    }

    /// Whether `allowing` allows the request and `denying` does not, by the evaluator.
    ///
    /// ```
    /// use typed_iam_core::{compare::Witness, Policy};
    /// let put = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}}"#)?;
    /// let witness = Witness { principal: "arn:aws:iam::111122223333:user/w".into(),
    ///     action: "s3:PutObject".into(), resource: "*".into(), resource_account: None,
    ///     context: Vec::new() };
    /// assert!(witness.replays(&[put], &[]));
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    pub fn replays(&self, allowing: &[Policy], denying: &[Policy]) -> bool {
        self.replays_as(Kind::Identity, allowing, denying)
    }

    /// Whether `allowing` allows the request and `denying` does not, both taken as `kind`
    /// ([`Kind::allows`]).
    ///
    /// ```
    /// use typed_iam_core::{compare::{Kind, Witness}, Policy};
    /// let guard = Policy::from_json(r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
    ///   {"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]}"#)?;
    /// let open = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#)?;
    /// let witness = Witness { principal: "arn:aws:iam::111122223333:user/w".into(),
    ///     action: "s3:PutObject".into(), resource: "*".into(), resource_account: None,
    ///     context: Vec::new() };
    /// assert!(witness.replays_as(Kind::Scp, &[open], &[guard]));
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    pub fn replays_as(&self, kind: Kind, allowing: &[Policy], denying: &[Policy]) -> bool {
        match self.request() {
            Ok(request) => kind.allows(allowing, &request) && !kind.allows(denying, &request),
            Err(_) => false,
        }
    }
}

/// One way the sides differ: what one side allows that the other does not.
///
/// ```
/// use typed_iam_core::{compare::compare, Policy};
/// let old = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#)?;
/// let new = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#)?;
/// let removed = &compare(&old, &new).removed_access[0];
/// assert_eq!(removed.actions, vec!["s3:GetObject".to_owned()]);
/// assert_eq!(removed.resources, vec!["*".to_owned()]);
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The catalog actions of the class (and, after them, which future actions it stands for).
    pub actions: Vec<String>,
    /// The resources of the allowing side's statements for these actions that apply to the
    /// witness (`NotResource ...` for a negated list).
    pub resources: Vec<String>,
    /// The conditions of those statements, one entry each (`operator key [values]`).
    pub conditions: Vec<String>,
    /// A request the allowing side allows and the other side does not (replayed).
    pub witness: Witness,
}

/// The result of [`compare`].
///
/// ```
/// use typed_iam_core::{compare::{compare, Relation}, Policy};
/// let p = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#)?;
/// let c = compare(&p, &p);
/// assert_eq!(c.relation, Relation::Equivalent);
/// assert!(!c.has_new_access());
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The relation of new to old.
    pub relation: Relation,
    /// What the new side allows and the old did not.
    pub new_access: Vec<Difference>,
    /// What the old side allowed and the new does not.
    pub removed_access: Vec<Difference>,
    /// Witnesses that did not replay through the evaluator and were dropped (a bug when not 0).
    pub dropped_witnesses: usize,
}

impl Comparison {
    /// Whether the new side grants something new (found, with a witness), or might (`Unknown`).
    ///
    /// ```
    /// use typed_iam_core::{compare::compare, Policy};
    /// // `Version` 2012-10-17 reads the variable; no `Version` takes it as text.
    /// let old = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}}"#)?;
    /// let new = Policy::from_json(r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}}"#)?;
    /// assert!(compare(&old, &new).has_new_access());
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    pub fn has_new_access(&self) -> bool {
        !self.new_access.is_empty() || matches!(self.relation, Relation::Unknown(_))
    }

    fn unknown(reason: String) -> Self {
        Comparison {
            relation: Relation::Unknown(reason),
            new_access: Vec::new(),
            removed_access: Vec::new(),
            dropped_witnesses: 0,
        }
    }
}

/// Compares two identity policies: see the module documentation.
///
/// ```
/// use typed_iam_core::{compare::{compare, Relation}, Policy};
/// let old = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#)?;
/// let new = Policy::from_json(r#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},
///   {"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}"#)?;
/// assert_eq!(compare(&old, &new).relation, Relation::Narrower);
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
pub fn compare(old: &Policy, new: &Policy) -> Comparison {
    compare_sets(std::slice::from_ref(old), std::slice::from_ref(new))
}

/// Compares two sets of identity policies of one principal (each set taken together).
///
/// ```
/// use typed_iam_core::{compare::{compare_sets, Relation}, Policy};
/// let get = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#)?;
/// let put = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}}"#)?;
/// let both = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"*"}}"#)?;
/// assert_eq!(compare_sets(&[get, put], &[both]).relation, Relation::Equivalent);
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
pub fn compare_sets(old: &[Policy], new: &[Policy]) -> Comparison {
    compare_sets_as(Kind::Identity, old, new)
}

/// Compares two policies of the given kind (see [`Kind`]: resource policies are compared
/// with their principals, SCPs and RCPs as the evaluator applies them).
///
/// ```
/// use typed_iam_core::{compare::{compare_as, Kind, Relation}, Policy};
/// let old = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:role/Reader"},
///   "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#)?;
/// let new = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:role/Reader","444455556666"]},
///   "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#)?;
/// let comparison = compare_as(Kind::Resource, &old, &new);
/// assert_eq!(comparison.relation, Relation::Broader);
/// assert_eq!(comparison.new_access[0].witness.principal, "arn:aws:iam::444455556666:user/witness");
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
pub fn compare_as(kind: Kind, old: &Policy, new: &Policy) -> Comparison {
    compare_sets_as(kind, std::slice::from_ref(old), std::slice::from_ref(new))
}

/// Compares two sets of policies of the given kind, each set taken together.
///
/// ```
/// use typed_iam_core::{compare::{compare_sets_as, Kind, Relation}, Policy};
/// let full = Policy::from_json(r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#)?;
/// let region = Policy::from_json(r#"{"Statement":{"Effect":"Deny","Action":"*","Resource":"*",
///   "Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}}}"#)?;
/// let c = compare_sets_as(Kind::Scp, &[full.clone()], &[full, region]);
/// assert_eq!(c.relation, Relation::Narrower);
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
pub fn compare_sets_as(kind: Kind, old: &[Policy], new: &[Policy]) -> Comparison {
    for (side, policies) in [("old", old), ("new", new)] {
        if let Some(reason) = unsupported(kind, policies) {
            return Comparison::unknown(format!("{side} policy: {reason}"));
        }
    }
    let all: Vec<&Policy> = old.iter().chain(new).collect();
    // Equal text with a policy variable is equal for every request only when both sides read
    // variables alike: only `"Version": "2012-10-17"` does (the [variables page]).
    //
    // [variables page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
    let variables = all.iter().any(|policy| uses_variables(policy));
    let reads_variables = |policy: &&Policy| policy.version() == Some(Version::V2012_10_17);
    let mixed = all.iter().any(reads_variables) && !all.iter().all(reads_variables);
    if variables && mixed {
        return Comparison::unknown(
            "policy variables (`${...}`) with different `Version`s: one side reads them, the \
             other takes them as text"
                .to_owned(),
        );
    }
    let mut comparison = Comparison {
        relation: Relation::Equivalent,
        new_access: Vec::new(),
        removed_access: Vec::new(),
        dropped_witnesses: 0,
    };
    let mut undecided: Vec<String> = Vec::new();
    let split = classes(&all);
    let old_statements = numbered(old, &split.index, 0);
    let new_statements = numbered(new, &split.index, old_statements.len());
    // Containment between two statements does not depend on the class: decided once per pair
    // (the corpus's largest policies have hundreds of classes over a few statements).
    let memo = Covers::default();
    let automata = exact::Memo::default();
    let mut over_budget: Option<String> = None;
    for class in split
        .classes
        .iter()
        .filter(|class| kind.governs(&class.representative))
    {
        // The class's resource space, computed when a direction needs it.
        let space_cell = std::cell::OnceCell::new();
        let space = || {
            space_cell
                .get_or_init(|| Space::of_actions(&class.members, !class.future_of.is_empty()))
        };
        let old_atoms = atoms_for(&old_statements, class);
        let new_atoms = atoms_for(&new_statements, class);
        for (gaining, losing, gaining_atoms, losing_atoms, out) in [
            (new, old, &new_atoms, &old_atoms, &mut comparison.new_access),
            (
                old,
                new,
                &old_atoms,
                &new_atoms,
                &mut comparison.removed_access,
            ),
        ] {
            if within(&memo, gaining_atoms, losing_atoms) {
                continue;
            }
            let atoms = Sides {
                gaining: gaining_atoms,
                losing: losing_atoms,
            };
            // The plain candidates first (cheap, and most differences show there), then the
            // exact check, whose texts are candidates too.
            let mut witness = search(kind, class, space(), gaining, losing, &atoms, None);
            if witness.is_none() {
                let found = match automata.direction(space(), gaining_atoms, losing_atoms) {
                    Exact::Proven => continue,
                    Exact::NotProven(resources) => resources,
                    Exact::NotApplicable => Vec::new(),
                    Exact::OverBudget(reason) => {
                        over_budget.get_or_insert(reason);
                        Vec::new()
                    }
                };
                if !found.is_empty() {
                    witness = search(kind, class, space(), gaining, losing, &atoms, Some(found));
                }
            }
            match witness {
                Some(witness) if witness.replays_as(kind, gaining, losing) => {
                    out.push(difference(class, gaining_atoms, witness));
                }
                Some(_) => comparison.dropped_witnesses += 1,
                None => undecided.push(class.representative.clone()),
            }
        }
    }
    comparison.relation = match (
        undecided.first(),
        comparison.new_access.is_empty(),
        comparison.removed_access.is_empty(),
    ) {
        (Some(example), _, _) => Relation::Unknown(format!(
            "{} comparison(s) not decided, e.g. for `{example}`: {}, and no request found \
             separates them",
            undecided.len(),
            match (&over_budget, variables) {
                (Some(reason), _) => reason.as_str(),
                (None, true) =>
                    "the policies use policy variables (`${...}`), which are compared as written",
                (None, false) => "conditions differ in a way this comparison cannot decide exactly",
            }
        )),
        (None, true, true) => Relation::Equivalent,
        (None, true, false) => Relation::Narrower,
        (None, false, true) => Relation::Broader,
        (None, false, false) => Relation::Incomparable,
    };
    comparison
}

/// Whether a policy has a policy variable in a resource or a condition value.
fn uses_variables(policy: &Policy) -> bool {
    policy.statements().iter().any(|statement| {
        let in_resources = statement
            .resource
            .iter()
            .flat_map(|r| r.items())
            .any(|r| r.as_str().contains("${"));
        let in_conditions = statement
            .condition
            .iter()
            .flat_map(|c| c.blocks())
            .flat_map(|b| b.entries())
            .flat_map(|e| e.values())
            .any(|v| v.as_text().contains("${"));
        in_resources || in_conditions
    })
}

/// Why the policies are out of this comparison's reach, if they are.
fn unsupported(kind: Kind, policies: &[Policy]) -> Option<String> {
    let resource = kind == Kind::Resource;
    for policy in policies {
        for (index, statement) in policy.statements().iter().enumerate() {
            let at = format!("statement {index}");
            if statement.principal.is_some() && !resource {
                return Some(format!(
                    "{at} has a Principal: compare it as a resource policy (`--kind resource`)"
                ));
            }
            if statement.principal.is_none() && resource {
                return Some(format!(
                    "{at} has no Principal or NotPrincipal, which a resource policy needs"
                ));
            }
            if statement.resource.is_none() && !resource {
                return Some(format!("{at} has no Resource or NotResource"));
            }
            if statement.action.is_none() {
                return Some(format!("{at} has no Action or NotAction"));
            }
            for block in statement.condition.iter().flat_map(|c| c.blocks()) {
                if block.operator().kind().is_none() {
                    return Some(format!(
                        "{at} has an unknown operator `{}`",
                        block.operator()
                    ));
                }
            }
        }
    }
    None
}

/// Each statement's atom, whether its action list is negated, and the numbers of its action
/// patterns.
type Numbered<'p> = Vec<(Atom<'p>, bool, Vec<usize>)>;

fn numbered<'p>(
    policies: &'p [Policy],
    index: &HashMap<String, usize>,
    first_id: usize,
) -> Numbered<'p> {
    policies
        .iter()
        .flat_map(|policy| policy.statements())
        .enumerate()
        .filter_map(|(number, statement)| {
            let actions = statement.action.as_ref()?;
            let numbers = actions
                .items()
                .iter()
                .filter_map(|item| index.get(&pattern_text(item).to_ascii_lowercase()).copied())
                .collect();
            let mut atom = Atom::of(statement);
            atom.id = first_id + number;
            Some((atom, actions.is_negated(), numbers))
        })
        .collect()
}

/// The atoms of the statements whose `Action`/`NotAction` applies to the class.
fn atoms_for<'a, 'p>(statements: &'a Numbered<'p>, class: &ActionClass) -> Vec<&'a Atom<'p>> {
    statements
        .iter()
        .filter(|(_, negated, numbers)| {
            let any = numbers.iter().any(|n| class.key.binary_search(n).is_ok());
            any != *negated
        })
        .map(|(atom, _, _)| atom)
        .collect()
}

/// The atoms of one effect, in order.
fn pick<'a, 'p>(atoms: &[&'a Atom<'p>], effect: Effect) -> Vec<&'a Atom<'p>> {
    atoms
        .iter()
        .copied()
        .filter(|atom| atom.effect == effect)
        .collect()
}

/// Whether everything `gaining` allows is allowed by `losing` (proven).
fn within(memo: &Covers, gaining: &[&Atom<'_>], losing: &[&Atom<'_>]) -> bool {
    let (gain_allow, gain_deny) = (pick(gaining, Effect::Allow), pick(gaining, Effect::Deny));
    let (lose_allow, lose_deny) = (pick(losing, Effect::Allow), pick(losing, Effect::Deny));
    let mut needs_denies = false;
    for allow in &gain_allow {
        if gain_deny.iter().any(|deny| memo.covers(deny, allow)) {
            continue;
        }
        if !lose_allow.iter().any(|other| memo.covers(other, allow)) {
            return false;
        }
        needs_denies = true;
    }
    !needs_denies
        || lose_deny
            .iter()
            .all(|deny| gain_deny.iter().any(|mine| memo.covers(mine, deny)))
}

/// [`Atom::covers`], remembered by the pair of statements.
#[derive(Default)]
struct Covers(std::cell::RefCell<HashMap<(usize, usize), bool>>);

impl Covers {
    fn covers(&self, big: &Atom<'_>, small: &Atom<'_>) -> bool {
        if let Some(known) = self.0.borrow().get(&(big.id, small.id)) {
            return *known;
        }
        let answer = big.covers(small);
        self.0.borrow_mut().insert((big.id, small.id), answer);
        answer
    }
}

/// The principal of a witness: a user of the resource's account (so that only the identity
/// policies decide), else of [`ACCOUNT`].
fn principal_for(resource: &str) -> String {
    let account = resource
        .split(':')
        .nth(4)
        .filter(|a| a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or(ACCOUNT);
    format!("arn:aws:iam::{account}:user/witness")
}

/// The atoms of both sides of one direction.
struct Sides<'a, 'p> {
    gaining: &'a [&'a Atom<'p>],
    losing: &'a [&'a Atom<'p>],
}

/// Looks for a request that `gaining` allows and `losing` does not, among the resources the
/// class's requests can carry: `found` (the exact check's texts) when given, else resources
/// made from both sides' patterns and from the space's ARN formats.
fn search(
    kind: Kind,
    class: &ActionClass,
    space: &Space,
    gaining: &[Policy],
    losing: &[Policy],
    sides: &Sides<'_, '_>,
    found: Option<Vec<String>>,
) -> Option<Witness> {
    let atoms = || sides.gaining.iter().chain(sides.losing);
    let mut resources: Vec<String> = Vec::new();
    let mut push = |resource: String| {
        if !resources.contains(&resource) && resources.len() < 64 && space.contains(&resource) {
            resources.push(resource);
        }
    };
    match found {
        Some(found) => found.into_iter().for_each(&mut push),
        None => {
            for atom in atoms() {
                for resource in &atom.resources {
                    push(instantiate_resource(resource));
                }
            }
            push("*".to_owned());
            push(format!("arn:aws:zzw:us-east-1:{ACCOUNT}:zzw"));
            space.examples().into_iter().for_each(&mut push);
        }
    }
    // Resources of the action's own types first, so that a witness reads like a real request
    // (`s3:DeleteObject` on an object, not on a bucket).
    if let Some(info) = catalog::index::catalog().action(&class.representative) {
        let own = |arn: &String| info.resource_types().any(|(kind, _)| kind.matches(arn));
        resources.sort_by_key(|arn| !own(arn));
    }
    let mut contexts: Vec<Vec<(String, ContextValue)>> = vec![Vec::new()];
    let mut merged = Vec::new();
    for condition in atoms().filter_map(|atom| atom.condition) {
        let context = satisfying_context(condition);
        merged.extend(context.iter().cloned());
        if !contexts.contains(&context) && contexts.len() < 16 {
            contexts.push(context);
        }
    }
    contexts.push(merged);
    for condition in atoms().filter_map(|atom| atom.condition) {
        for context in edge_contexts(condition) {
            if !contexts.contains(&context) && contexts.len() < 96 {
                contexts.push(context);
            }
        }
    }
    let mut principals: Vec<String> = Vec::new();
    for set in atoms().filter_map(|atom| atom.principals.as_ref()) {
        set.candidates(&mut principals);
    }
    let resource_account = (kind == Kind::Resource).then(|| RESOURCE_ACCOUNT.to_owned());
    for resource in &resources {
        // An action of the class whose requests can carry the resource.
        let action = std::iter::once(&class.representative)
            .chain(class.members.iter().take(16))
            .find(|action| takes_resource(action, resource))
            .unwrap_or(&class.representative);
        let callers = if kind == Kind::Resource {
            principals.clone()
        } else {
            vec![principal_for(resource)]
        };
        for principal in &callers {
            for context in &contexts {
                let witness = Witness {
                    principal: principal.clone(),
                    action: action.clone(),
                    resource: resource.clone(),
                    resource_account: resource_account.clone(),
                    context: context.clone(),
                };
                let Ok(request) = witness.request() else {
                    continue;
                };
                if kind.allows(gaining, &request) && !kind.allows(losing, &request) {
                    return Some(witness);
                }
            }
        }
    }
    None
}

fn difference(class: &ActionClass, atoms: &[&Atom<'_>], witness: Witness) -> Difference {
    let mut actions = class.members.clone();
    actions.extend(class.future_of.iter().cloned());
    let mut resources = BTreeSet::new();
    let mut conditions = BTreeSet::new();
    // The allowing statements that apply to the witness's resource.
    let applies_to_witness = |atom: &&Atom<'_>| {
        let listed = atom.resources.iter().any(|pattern| {
            *pattern == "*"
                || (witness.resource != "*" && arn_like(pattern, &witness.resource, true))
        });
        atom.effect == Effect::Allow && listed != atom.negated
    };
    for atom in atoms.iter().copied().filter(applies_to_witness) {
        for resource in &atom.resources {
            resources.insert(if atom.negated {
                format!("NotResource {resource}")
            } else {
                (*resource).to_owned()
            });
        }
        conditions.extend(atom.entries.iter().cloned());
    }
    Difference {
        actions,
        resources: resources.into_iter().collect(),
        conditions: conditions.into_iter().collect(),
        witness,
    }
}
