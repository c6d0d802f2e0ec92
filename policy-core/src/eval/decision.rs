//! The answer: [`Decision`], with the statements that decided, the layers without an Allow, the
//! guardrails that blocked, warnings, and an optional trace; its `Display` is the explanation a
//! failing test prints, with `file:line:col` for policies read from files.

use std::fmt;
use std::sync::Arc;

use super::conditions::{ConditionFailure, FailureReason};
use super::request::Request;
use crate::diagnostic::Location;
use crate::json::SourceMap;
use crate::model::{Effect, Policy, Statement};

/// The three outcomes of IAM's evaluation
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html>).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Allowed.
    Allow,
    /// Denied by an applicable `Deny` statement.
    ExplicitDeny,
    /// Denied because no applicable `Allow` (or a guardrail without one).
    ImplicitDeny,
}

impl Outcome {
    /// `allow`, `explicit-deny` or `implicit-deny`: the words of the scenario format.
    ///
    /// ```
    /// assert_eq!(typed_iam_core::eval::Outcome::ExplicitDeny.as_str(), "explicit-deny");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Allow => "allow",
            Outcome::ExplicitDeny => "explicit-deny",
            Outcome::ImplicitDeny => "implicit-deny",
        }
    }
}

impl std::str::FromStr for Outcome {
    type Err = String;

    /// Parses the scenario format's words.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "allow" => Ok(Outcome::Allow),
            "explicit-deny" => Ok(Outcome::ExplicitDeny),
            "implicit-deny" => Ok(Outcome::ImplicitDeny),
            other => Err(format!(
                "`{other}` is not an outcome: write `allow`, `explicit-deny` or `implicit-deny`"
            )),
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind of policy, as AWS combines them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    /// Identity-based policies of the principal.
    Identity,
    /// The resource-based policy (a bucket policy, a role trust policy, a key policy).
    Resource,
    /// The principal's permissions boundary.
    Boundary,
    /// The session policy passed when the session was created.
    Session,
    /// A service control policy level (0 = root).
    Scp(usize),
    /// A resource control policy level (0 = root).
    Rcp(usize),
    /// The VPC endpoint policy.
    VpcEndpoint,
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Layer::Identity => f.write_str("identity policies"),
            Layer::Resource => f.write_str("resource policy"),
            Layer::Boundary => f.write_str("permissions boundary"),
            Layer::Session => f.write_str("session policy"),
            Layer::Scp(level) => write!(f, "SCPs at organization level {level}"),
            Layer::Rcp(level) => write!(f, "RCPs at organization level {level}"),
            Layer::VpcEndpoint => f.write_str("VPC endpoint policy"),
        }
    }
}

/// Where a policy came from: a name (a file path) and, for a policy read from JSON text, its
/// source map, so that statements have `file:line:col`.
///
/// ```
/// use typed_iam_core::eval::Origin;
/// let text = "{\"Version\": \"2012-10-17\",\n \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}";
/// let (policy, origin) = Origin::parse("role.json", text);
/// let policy = policy?;
/// assert_eq!(origin.position(&typed_iam_core::Location::root().key("Statement").index(0)), Some((2, 16)));
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// Shared: the inline policies of a scenario file all carry the file's name.
    name: Arc<str>,
    map: Option<SourceMap>,
    line: usize,
    column: usize,
}

impl Origin {
    /// A policy known by name only (no positions).
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: Arc::from(name.into()),
            map: None,
            line: 1,
            column: 1,
        }
    }

    /// Reads a policy from JSON text and remembers its positions.
    pub fn parse(
        name: impl Into<String>,
        text: &str,
    ) -> (Result<Policy, crate::ParseError>, Origin) {
        Self::parse_named(Arc::from(name.into()), text)
    }

    /// [`Origin::parse`] with a name already shared (one allocation per file, not per policy).
    pub(crate) fn parse_named(
        name: Arc<str>,
        text: &str,
    ) -> (Result<Policy, crate::ParseError>, Origin) {
        let crate::json::Parsed {
            value: policy,
            source_map: map,
        } = crate::json::parse_policy(text);
        (
            policy,
            Self {
                name,
                map: Some(map),
                line: 1,
                column: 1,
            },
        )
    }

    /// The same origin for text that starts at `line:column` of its file (a policy written
    /// inline in a scenario file).
    #[must_use]
    pub fn starting_at(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// The name (a file path).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The line and column of `location` in the file.
    pub fn position(&self, location: &Location) -> Option<(usize, usize)> {
        let position = self.map.as_ref()?.position(location)?;
        Some(if position.line == 1 {
            (self.line, self.column + position.column - 1)
        } else {
            (self.line + position.line - 1, position.column)
        })
    }
}

/// A policy and, optionally, where it came from.
#[derive(Debug, Clone, Copy)]
pub struct PolicyRef<'a> {
    /// The policy.
    pub policy: &'a Policy,
    /// Where it came from.
    pub origin: Option<&'a Origin>,
}

impl<'a> From<&'a Policy> for PolicyRef<'a> {
    fn from(policy: &'a Policy) -> Self {
        Self {
            policy,
            origin: None,
        }
    }
}

impl<'a> From<(&'a Policy, &'a Origin)> for PolicyRef<'a> {
    fn from((policy, origin): (&'a Policy, &'a Origin)) -> Self {
        Self {
            policy,
            origin: Some(origin),
        }
    }
}

/// One statement of one policy of a layer.
#[derive(Debug, Clone, Copy)]
pub struct StatementRef<'a> {
    /// The layer.
    pub layer: Layer,
    /// The policy's index within its layer (or level).
    pub policy_index: usize,
    /// The policy.
    pub policy: PolicyRef<'a>,
    /// The statement's index in the policy.
    pub index: usize,
}

impl<'a> StatementRef<'a> {
    /// The statement.
    pub fn statement(&self) -> Option<&'a Statement> {
        self.policy.policy.statements().get(self.index)
    }

    /// The statement's `Sid`.
    pub fn sid(&self) -> Option<&'a str> {
        self.statement().and_then(Statement::sid)
    }

    /// The statement's path in its policy: `Statement[2]`.
    pub fn location(&self) -> Location {
        Location::root().key("Statement").index(self.index)
    }

    /// `file:line:col` of the statement, for a policy read from a file.
    pub fn position(&self) -> Option<String> {
        self.position_of(&self.location())
    }

    /// `file:line:col` of a place inside the policy.
    pub fn position_of(&self, location: &Location) -> Option<String> {
        let origin = self.policy.origin?;
        let (line, column) = origin.position(location)?;
        Some(format!("{}:{line}:{column}", origin.name()))
    }

    fn policy_name(&self) -> String {
        match self.policy.origin {
            Some(origin) => origin.name().to_owned(),
            None => format!("{} #{}", self.layer, self.policy_index),
        }
    }
}

impl fmt::Display for StatementRef<'_> {
    /// `Deny "DenyOtherRegions" (SCPs at organization level 1, scp.json Statement[0]) at scp.json:4:7`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let effect = self.statement().map_or(Effect::Allow, Statement::effect);
        write!(f, "{effect}")?;
        if let Some(sid) = self.sid() {
            write!(f, " {sid:?}")?;
        }
        write!(
            f,
            " ({}, {} {})",
            self.layer,
            self.policy_name(),
            self.location()
        )?;
        if let Some(position) = self.position() {
            write!(f, " at {position}")?;
        }
        Ok(())
    }
}

/// Why a statement did or did not apply (the trace).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatementResult {
    /// Every element matched.
    Applies,
    /// `Action`/`NotAction` did not match.
    ActionNotMatched,
    /// `Resource`/`NotResource` did not match.
    ResourceNotMatched,
    /// A policy variable of `Resource` could not be resolved.
    ResourceUnresolved(String),
    /// `Principal`/`NotPrincipal` did not match.
    PrincipalNotMatched,
    /// A statement of a resource policy without `Principal`.
    MissingPrincipal,
    /// A condition key failed.
    ConditionFailed(ConditionFailure),
}

/// One step of the trace: a statement and its result.
#[derive(Debug, Clone)]
pub struct TraceEntry<'a> {
    /// The statement.
    pub statement: StatementRef<'a>,
    /// What happened.
    pub result: StatementResult,
}

/// A warning about the evaluation (a set operator on a single-valued key, an unresolved
/// policy variable, `NotPrincipal` with `Allow`, ...).
#[derive(Debug, Clone)]
pub struct Warning<'a> {
    /// The statement concerned.
    pub statement: Option<StatementRef<'a>>,
    /// What to know.
    pub message: String,
}

/// The result of evaluating a request against a [`super::PolicySet`].
///
/// ```
/// use typed_iam_core::{eval::{PolicySet, Request, Outcome}, Policy};
/// let policy = Policy::from_json(r#"{"Version": "2012-10-17", "Statement": [
///     {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::eval-data/*"}]}"#)?;
/// let request = Request::new("s3:GetObject", "arn:aws:s3:::eval-data/a.jsonl")?
///     .principal("arn:aws:iam::111122223333:role/EvalRole")?;
/// let decision = PolicySet::new().identity(&policy).evaluate(&request);
/// assert!(decision.is_allowed(), "{decision}");
/// assert_eq!(decision.deciding()[0].sid(), Some("Read"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Decision<'a> {
    pub(crate) request: &'a Request,
    pub(crate) outcome: Outcome,
    pub(crate) deciding: Vec<StatementRef<'a>>,
    pub(crate) missing_allow: Vec<Layer>,
    pub(crate) guardrails: Vec<Layer>,
    pub(crate) warnings: Vec<Warning<'a>>,
    pub(crate) notes: Vec<&'static str>,
    pub(crate) trace: Option<Vec<TraceEntry<'a>>>,
}

impl<'a> Decision<'a> {
    /// The outcome.
    pub fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// Whether the request is allowed.
    pub fn is_allowed(&self) -> bool {
        self.outcome == Outcome::Allow
    }

    /// Whether the request is denied (explicitly or implicitly).
    pub fn is_denied(&self) -> bool {
        !self.is_allowed()
    }

    /// The statements that decided: the applicable `Deny` statements of an explicit deny, the
    /// `Allow` statements that granted an allow; none for an implicit deny.
    pub fn deciding(&self) -> &[StatementRef<'a>] {
        &self.deciding
    }

    /// The layers that had no applicable `Allow` when one was needed.
    pub fn missing_allow(&self) -> &[Layer] {
        &self.missing_allow
    }

    /// The guardrails (SCP/RCP levels, boundary, session policy, VPC endpoint policy) that
    /// blocked an otherwise granted request by not allowing it.
    pub fn guardrails(&self) -> &[Layer] {
        &self.guardrails
    }

    /// Warnings.
    pub fn warnings(&self) -> &[Warning<'a>] {
        &self.warnings
    }

    /// The trace, when asked for ([`super::PolicySet::evaluate_traced`]).
    pub fn trace(&self) -> Option<&[TraceEntry<'a>]> {
        self.trace.as_deref()
    }

    /// The request.
    pub fn request(&self) -> &'a Request {
        self.request
    }
}

impl fmt::Display for Decision<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let request = self.request;
        writeln!(
            f,
            "{}: {} on {} by {}",
            self.outcome,
            request.action(),
            request.resource(),
            request.principal_ref()
        )?;
        for note in &self.notes {
            writeln!(f, "  note: {note}")?;
        }
        if !self.deciding.is_empty() {
            writeln!(f, "  decided by:")?;
            for statement in &self.deciding {
                writeln!(f, "    {statement}")?;
            }
        }
        if !self.missing_allow.is_empty() {
            let layers: Vec<_> = self.missing_allow.iter().map(Layer::to_string).collect();
            writeln!(f, "  no applicable Allow in: {}", layers.join(", "))?;
        }
        if !self.guardrails.is_empty() {
            let layers: Vec<_> = self.guardrails.iter().map(Layer::to_string).collect();
            writeln!(f, "  blocked by (no Allow): {}", layers.join(", "))?;
        }
        for warning in &self.warnings {
            match &warning.statement {
                Some(statement) => writeln!(f, "  warning: {} [{statement}]", warning.message)?,
                None => writeln!(f, "  warning: {}", warning.message)?,
            }
        }
        if let Some(trace) = &self.trace {
            writeln!(f, "  trace:")?;
            for entry in trace {
                write!(f, "    {}: ", entry.statement)?;
                write_result(f, entry)?;
                writeln!(f)?;
            }
        }
        Ok(())
    }
}

fn write_result(f: &mut fmt::Formatter<'_>, entry: &TraceEntry<'_>) -> fmt::Result {
    match &entry.result {
        StatementResult::Applies => f.write_str("applies"),
        StatementResult::ActionNotMatched => f.write_str("action does not match"),
        StatementResult::ResourceNotMatched => f.write_str("resource does not match"),
        StatementResult::ResourceUnresolved(variable) => {
            write!(
                f,
                "resource does not match: policy variable `{variable}` is not in the request"
            )
        }
        StatementResult::PrincipalNotMatched => f.write_str("principal does not match"),
        StatementResult::MissingPrincipal => {
            f.write_str("no Principal: a resource policy statement names no one")
        }
        StatementResult::ConditionFailed(failure) => {
            let statement = entry.statement.statement();
            let block = statement
                .and_then(Statement::condition)
                .and_then(|condition| condition.blocks().get(failure.block));
            let operator = block.map_or(String::new(), |block| block.operator().to_string());
            let key = block
                .and_then(|block| block.entries().get(failure.entry))
                .map_or("", |entry| entry.key());
            let why = match failure.reason {
                FailureReason::KeyMissing => "the key is not in the request",
                FailureReason::NoMatch => "no value matches",
                FailureReason::UnknownOperator => "unknown operator",
                FailureReason::UnresolvedVariable => {
                    "a policy variable of a negated operator is not in the request"
                }
            };
            write!(f, "condition {operator} {key:?} fails: {why}")?;
            let location = entry
                .statement
                .location()
                .key("Condition")
                .key(operator)
                .key(key);
            if let Some(position) = entry.statement.position_of(&location) {
                write!(f, " at {position}")?;
            }
            Ok(())
        }
    }
}
