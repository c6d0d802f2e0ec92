//! Scenario files: requests with the policies that apply and the expected outcome, shared by
//! `policy can --scenario`, `policy test` and tests.
//!
//! One scenario is a JSON object; a `.jsonl` text holds one per line, a `.json` text one
//! scenario or an array of them. Every field but `request` is optional:
//!
//! ```json
//! { "name": "eval role reads its data",
//!   "identity": [ {"Version": "2012-10-17", "Statement": []}, "policies/role.json" ],
//!   "resource": {}, "session": {}, "boundary": [], "vpc_endpoint": [],
//!   "scp": [ [ {} ], [ {} ] ], "rcp": [ [ {} ] ],
//!   "management_account": "999999999999",
//!   "request": { "principal": "arn:aws:iam::111122223333:role/EvalRole",
//!                "action": "s3:GetObject", "resource": "arn:aws:s3:::eval-data/a.jsonl",
//!                "resource_account": "111122223333",
//!                "context": { "aws:SourceIp": "10.0.0.7", "aws:TagKeys": ["team", "env"] },
//!                "unchecked": false },
//!   "expect": "allow" }
//! ```
//!
//! - A policy is an inline object or a path (relative to the scenario file). A layer is one
//!   policy or a list; `"boundary": []` is a boundary in force that allows nothing; `scp` and
//!   `rcp` are lists of organization levels (root first), each one policy or a list.
//! - `request.resource` defaults to `*`; `request.principal` to `anonymous`; `context` values are
//!   strings, numbers or bools (one value) or arrays of them (a multivalued key);
//!   `"unchecked": true` skips the catalog checks of [`super::Request::new`].
//! - `expect` is `allow`, `explicit-deny` or `implicit-deny`.
//!
//! Every error says where: `file:line:col` and what was expected.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_core::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::decision::{Decision, Origin, Outcome, PolicyRef};
use super::request::{ContextValue, Request};
use super::scenario_raw::{RawRequest, RawScenario};
use super::PolicySet;
use crate::model::Policy;

/// A scenario file that cannot be read: where, and what is wrong.
///
/// ```
/// use typed_iam_core::eval::scenario;
/// let error = scenario::parse_str("s.json", "{\"request\": {\"action\": \"s3:GetObjet\"}}", None)
///     .err()
///     .ok_or("expected an error")?;
/// assert!(error.to_string().starts_with("s.json:1:13: "), "{error}");
/// assert!(error.to_string().contains("did you mean `GetObject`?"), "{error}");
/// # Ok::<(), &str>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// The file.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ScenarioError {}

/// A policy read for a scenario, with where it came from.
pub type SourcedPolicy = Arc<(Policy, Origin)>;

/// One scenario: policies by layer, a request and an optional expectation.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// The scenario's name (its `name`, or `file:line` when it has none).
    pub name: String,
    /// Where the scenario starts: `file:line:col`.
    pub location: String,
    /// The request.
    pub request: Request,
    /// The expected outcome.
    pub expect: Option<Outcome>,
    identity: Vec<SourcedPolicy>,
    resource: Vec<SourcedPolicy>,
    session: Option<Vec<SourcedPolicy>>,
    boundary: Option<Vec<SourcedPolicy>>,
    vpc_endpoint: Option<Vec<SourcedPolicy>>,
    scp: Option<Vec<Vec<SourcedPolicy>>>,
    rcp: Option<Vec<Vec<SourcedPolicy>>>,
    management_account: Option<String>,
}

fn refs(policies: &[SourcedPolicy]) -> Vec<PolicyRef<'_>> {
    policies
        .iter()
        .map(|sourced| PolicyRef {
            policy: &sourced.0,
            origin: Some(&sourced.1),
        })
        .collect()
}

impl Scenario {
    /// The policies as a [`PolicySet`].
    pub fn policy_set(&self) -> PolicySet<'_> {
        PolicySet {
            identity: refs(&self.identity),
            resource: refs(&self.resource),
            boundary: self.boundary.as_deref().map(refs),
            session: self.session.as_deref().map(refs),
            scp: self
                .scp
                .as_ref()
                .map(|levels| levels.iter().map(|level| refs(level)).collect()),
            rcp: self
                .rcp
                .as_ref()
                .map(|levels| levels.iter().map(|level| refs(level)).collect()),
            vpc_endpoint: self.vpc_endpoint.as_deref().map(refs),
            management_account: self.management_account.clone(),
        }
    }

    /// Evaluates the scenario's request (with a trace when `trace`).
    pub fn evaluate(&self, trace: bool) -> Decision<'_> {
        let set = self.policy_set();
        if trace {
            set.evaluate_traced(&self.request)
        } else {
            set.evaluate(&self.request)
        }
    }
}

/// Reads scenarios from files, keeping each policy file it reads once.
#[derive(Debug, Default)]
pub struct Reader {
    files: HashMap<PathBuf, SourcedPolicy>,
}

/// Reads a scenario file (`.jsonl`: one scenario per line; otherwise one scenario or an array).
///
/// ```no_run
/// let scenarios = typed_iam_core::eval::scenario::parse_file(std::path::Path::new("tests/data/scenarios/rule01-default-deny.json"))?;
/// for scenario in &scenarios {
///     let decision = scenario.evaluate(false);
///     assert_eq!(Some(decision.outcome()), scenario.expect, "{decision}");
/// }
/// # Ok::<(), typed_iam_core::eval::scenario::ScenarioError>(())
/// ```
pub fn parse_file(path: &Path) -> Result<Vec<Scenario>, ScenarioError> {
    Reader::default().read_file(path)
}

/// Reads scenarios from text; `name` is the file name used in messages and decides the form
/// (`.jsonl` or not); relative policy paths are resolved against `base` (the working directory
/// when `None`).
pub fn parse_str(
    name: &str,
    text: &str,
    base: Option<&Path>,
) -> Result<Vec<Scenario>, ScenarioError> {
    Reader::default().read_str(name, text, base)
}

impl Reader {
    /// A reader with no files read yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads a scenario file.
    pub fn read_file(&mut self, path: &Path) -> Result<Vec<Scenario>, ScenarioError> {
        let mut scenarios = Vec::new();
        self.read_file_each(path, |scenario| scenarios.push(scenario))?;
        Ok(scenarios)
    }

    /// Reads a scenario file and hands each scenario to `each` as soon as it is read, so
    /// that a large file is never held whole in memory. Returns how many were read. On an
    /// error the scenarios before it have been handed over; none after it are.
    ///
    /// ```no_run
    /// use typed_iam_core::eval::scenario::Reader;
    /// let mut failures = 0;
    /// Reader::new().read_file_each(std::path::Path::new("checks.jsonl"), |scenario| {
    ///     if Some(scenario.evaluate(false).outcome()) != scenario.expect {
    ///         failures += 1;
    ///     }
    /// })?;
    /// # Ok::<(), typed_iam_core::eval::scenario::ScenarioError>(())
    /// ```
    pub fn read_file_each(
        &mut self,
        path: &Path,
        each: impl FnMut(Scenario),
    ) -> Result<usize, ScenarioError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| ScenarioError {
            file: name.clone(),
            line: 1,
            column: 1,
            message: format!("cannot read the scenario file: {error}"),
        })?;
        self.read_str_each(&name, &text, path.parent(), each)
    }

    /// Reads scenarios from text (see [`parse_str`]).
    pub fn read_str(
        &mut self,
        name: &str,
        text: &str,
        base: Option<&Path>,
    ) -> Result<Vec<Scenario>, ScenarioError> {
        let mut scenarios = Vec::new();
        self.read_str_each(name, text, base, |scenario| scenarios.push(scenario))?;
        Ok(scenarios)
    }

    /// Reads scenarios from text and hands each to `each` as soon as it is read (see
    /// [`Reader::read_file_each`]).
    ///
    /// ```
    /// use typed_iam_core::eval::scenario::Reader;
    /// let text = r#"{"request": {"action": "s3:ListAllMyBuckets"}, "expect": "implicit-deny"}
    /// {"request": {"action": "sts:GetCallerIdentity"}, "expect": "allow"}
    /// "#;
    /// let mut passed = 0;
    /// let read = Reader::new().read_str_each("checks.jsonl", text, None, |scenario| {
    ///     passed += usize::from(Some(scenario.evaluate(false).outcome()) == scenario.expect);
    /// })?;
    /// assert_eq!((read, passed), (2, 2));
    /// # Ok::<(), typed_iam_core::eval::scenario::ScenarioError>(())
    /// ```
    pub fn read_str_each(
        &mut self,
        name: &str,
        text: &str,
        base: Option<&Path>,
        mut each: impl FnMut(Scenario),
    ) -> Result<usize, ScenarioError> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        let mut file = File {
            name,
            shared_name: Arc::from(name),
            text,
            line_starts,
            last: std::cell::Cell::new((0, 1)),
            base: base.unwrap_or_else(|| Path::new("")),
            reader: self,
        };
        let mut count = 0;
        if name.ends_with(".jsonl") {
            for line in text.split_inclusive('\n') {
                let object = line.trim_start();
                if object.trim_end().is_empty() {
                    continue;
                }
                // One pass over the line: its fields are read straight from its text (a
                // syntax error is reported by that same pass, at its place). Reading the line
                // as a raw value first scanned every policy once more: serde's scanning of raw
                // values was 18% of a profile of `policy test` on the differential run's file,
                // over three passes (this one, the scenario's fields, the layers' arrays).
                each(file.scenario(object)?);
                count += 1;
            }
        } else {
            let trimmed = text.trim_start();
            let raw = file.parse_raw(text)?;
            if trimmed.starts_with('[') {
                let items: Vec<&RawValue> = file.deserialize(raw)?;
                for item in items {
                    each(file.scenario(item.get())?);
                    count += 1;
                }
            } else {
                each(file.scenario(raw.get())?);
                count += 1;
            }
        }
        Ok(count)
    }
}

struct File<'f> {
    name: &'f str,
    /// The name that the origins of inline policies share.
    shared_name: Arc<str>,
    text: &'f str,
    /// The byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// The last position found, as (byte offset, column): the scenario and its inline
    /// policies are found in order along one line, so each column is counted on from the last
    /// instead of from the line's start.
    last: std::cell::Cell<(usize, usize)>,
    base: &'f Path,
    reader: &'f mut Reader,
}

impl<'f> File<'f> {
    /// The byte offset of a slice of the file's text.
    fn offset_of(&self, slice: &str) -> usize {
        (slice.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize)
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        // Line starts are found once per file (a binary search per position): a file of
        // thousands of scenarios would otherwise be rescanned from its start for each.
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let (last_offset, last_column) = self.last.get();
        let (from, column_at_from) = if (line_start..=offset).contains(&last_offset) {
            (last_offset, last_column)
        } else {
            (line_start, 1)
        };
        let column = self
            .text
            .get(from..offset)
            .map_or(1, |rest| rest.chars().count() + column_at_from);
        self.last.set((offset, column));
        (line.max(1), column)
    }

    fn error_at(&self, offset: usize, message: impl Into<String>) -> ScenarioError {
        let (line, column) = self.position(offset);
        ScenarioError {
            file: self.name.to_owned(),
            line,
            column,
            message: message.into(),
        }
    }

    /// An error of serde_json inside `slice` (its line and column are relative to the slice, and
    /// its column counts bytes: it is turned back into an offset, so that the error's column
    /// counts chars like every other position; found by the `scenario` fuzz target on a line
    /// with two-byte characters).
    fn serde_error(&self, slice: &str, error: &serde_json::Error) -> ScenarioError {
        let line_start = slice
            .match_indices('\n')
            .nth(error.line().saturating_sub(2))
            .map_or(0, |(at, _)| at + 1);
        let line_start = if error.line() <= 1 { 0 } else { line_start };
        let mut offset = (line_start + error.column().saturating_sub(1)).min(slice.len());
        while !slice.is_char_boundary(offset) {
            offset -= 1;
        }
        let (line, column) = self.position(self.offset_of(slice) + offset);
        let message = error.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        ScenarioError {
            file: self.name.to_owned(),
            line,
            column,
            message,
        }
    }

    fn parse_raw(&self, slice: &'f str) -> Result<&'f RawValue, ScenarioError> {
        serde_json::from_str(slice).map_err(|error| self.serde_error(slice, &error))
    }

    fn deserialize<T: Deserialize<'f>>(&self, raw: &'f RawValue) -> Result<T, ScenarioError> {
        serde_json::from_str(raw.get()).map_err(|error| self.serde_error(raw.get(), &error))
    }

    /// One scenario from its text (a slice of the file's text that starts at its first byte).
    fn scenario(&mut self, text: &'f str) -> Result<Scenario, ScenarioError> {
        let start = self.offset_of(text);
        let (line, column) = self.position(start);
        if !text.starts_with('{') {
            return Err(self.error_at(start, "a scenario is a JSON object with at least `request`"));
        }
        let fields: RawScenario<'f> =
            serde_json::from_str(text).map_err(|error| self.serde_error(text, &error))?;
        let request = self.request(fields.request)?;
        let expect = match fields.expect {
            None => None,
            Some(raw) => {
                let text: String = self.deserialize(raw)?;
                Some(
                    text.parse::<Outcome>()
                        .map_err(|message| self.error_at(self.offset_of(raw.get()), message))?,
                )
            }
        };
        Ok(Scenario {
            name: fields
                .name
                .unwrap_or_else(|| format!("{}:{line}", self.name)),
            location: format!("{}:{line}:{column}", self.name),
            request,
            expect,
            identity: self.layer(fields.identity)?.unwrap_or_default(),
            resource: self.layer(fields.resource)?.unwrap_or_default(),
            session: self.layer(fields.session)?,
            boundary: self.layer(fields.boundary)?,
            vpc_endpoint: self.layer(fields.vpc_endpoint)?,
            scp: self.levels(fields.scp)?,
            rcp: self.levels(fields.rcp)?,
            management_account: fields.management_account,
        })
    }

    fn request(&self, raw: &'f RawValue) -> Result<Request, ScenarioError> {
        let start = self.offset_of(raw.get());
        let fields: RawRequest<'f> = self.deserialize(raw)?;
        let at_request =
            |error: super::RequestError| self.error_at(start, format!("request.{error}"));
        let resource = fields.resource.unwrap_or_else(|| "*".to_owned());
        let mut request = if fields.unchecked {
            Request::unchecked(&fields.action, resource)
        } else {
            Request::new(&*fields.action, resource)
        }
        .map_err(at_request)?;
        if let Some(principal) = &fields.principal {
            request = request.principal(principal).map_err(at_request)?;
        }
        if let Some(account) = fields.resource_account {
            request = request.resource_account(account);
        }
        for (key, value) in fields.context.unwrap_or_default() {
            let scalar = |value: Value| match value {
                Value::String(text) => Some(text),
                Value::Number(number) => Some(number.to_string()),
                Value::Bool(flag) => Some(flag.to_string()),
                _ => None,
            };
            let value = match value {
                Value::Array(items) => items
                    .into_iter()
                    .map(scalar)
                    .collect::<Option<Vec<_>>>()
                    .map(ContextValue::Multi),
                other => scalar(other).map(ContextValue::Single),
            };
            let Some(value) = value else {
                return Err(self.error_at(
                    start,
                    format!("request.context.{key}: a context value is a string, number or bool, or an array of them"),
                ));
            };
            request = request.context(&key, value).map_err(at_request)?;
        }
        Ok(request)
    }

    /// One policy: an inline object or a path (`text` is valid JSON, checked by serde).
    fn policy(&mut self, text: &'f str) -> Result<SourcedPolicy, ScenarioError> {
        let start = self.offset_of(text);
        if text.starts_with('"') {
            let relative: String =
                serde_json::from_str(text).map_err(|error| self.serde_error(text, &error))?;
            let path = self.base.join(&relative);
            if let Some(known) = self.reader.files.get(&path) {
                return Ok(Arc::clone(known));
            }
            let contents = std::fs::read_to_string(&path).map_err(|error| {
                self.error_at(
                    start,
                    format!("cannot read the policy file `{}`: {error}", path.display()),
                )
            })?;
            let (policy, origin) = Origin::parse(path.display().to_string(), &contents);
            let policy = policy.map_err(|error| {
                self.error_at(
                    start,
                    format!(
                        "the policy file `{}` is not a policy: {error}",
                        path.display()
                    ),
                )
            })?;
            let sourced = Arc::new((policy, origin));
            self.reader.files.insert(path, Arc::clone(&sourced));
            return Ok(sourced);
        }
        if !text.starts_with('{') {
            return Err(self.error_at(
                start,
                "a policy is a JSON object or the path of a policy file",
            ));
        }
        let (line, column) = self.position(start);
        let (policy, origin) = Origin::parse_named(Arc::clone(&self.shared_name), text);
        let origin = origin.starting_at(line, column);
        match policy {
            Ok(policy) => Ok(Arc::new((policy, origin))),
            Err(error) => {
                let (diagnostic, position) = error
                    .positioned()
                    .next()
                    .map_or((None, None), |(d, p)| (Some(d), p));
                let offset = position.map_or(start, |p| start + p.offset);
                let message = diagnostic.map_or_else(
                    || error.to_string(),
                    |d| {
                        let help = d
                            .help
                            .as_deref()
                            .map(|h| format!(" ({h})"))
                            .unwrap_or_default();
                        format!("not a policy: {} [{}]{help}", d.message, d.code)
                    },
                );
                Err(self.error_at(offset, message))
            }
        }
    }

    /// One policy or a list of policies.
    fn layer(
        &mut self,
        raw: Option<&'f RawValue>,
    ) -> Result<Option<Vec<SourcedPolicy>>, ScenarioError> {
        let Some(raw) = raw else { return Ok(None) };
        self.policies(raw.get()).map(Some)
    }

    /// The policies of a layer's text: one policy, or an array of them.
    fn policies(&mut self, text: &'f str) -> Result<Vec<SourcedPolicy>, ScenarioError> {
        if text.starts_with('[') {
            let mut policies = Vec::new();
            for item in array_items(text) {
                policies.push(self.policy(item)?);
            }
            Ok(policies)
        } else {
            Ok(vec![self.policy(text)?])
        }
    }

    /// A list of organization levels, each one policy or a list (one policy alone is one level).
    fn levels(
        &mut self,
        raw: Option<&'f RawValue>,
    ) -> Result<Option<Vec<Vec<SourcedPolicy>>>, ScenarioError> {
        let Some(raw) = raw else { return Ok(None) };
        let text = raw.get();
        if !text.starts_with('[') {
            return Ok(Some(vec![vec![self.policy(text)?]]));
        }
        let mut levels = Vec::new();
        for item in array_items(text) {
            levels.push(self.policies(item)?);
        }
        Ok(Some(levels))
    }
}

/// The texts of the items of `text`, a JSON array that serde has already read as valid JSON
/// (a raw value): split at the commas outside strings, objects and arrays, each item trimmed.
/// Having serde read the array again (as `Vec<&RawValue>`) scanned every policy once more;
/// this scan only looks for brackets, quotes and commas.
fn array_items(text: &str) -> impl Iterator<Item = &str> {
    let inner = text
        .trim()
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or_default();
    let bytes = inner.as_bytes();
    let (mut depth, mut in_string, mut escaped, mut start) = (0usize, false, false, 0);
    let mut bounds = Vec::new();
    for (index, &byte) in bytes.iter().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                bounds.push((start, index));
                start = index + 1;
            }
            _ => {}
        }
    }
    bounds.push((start, bytes.len()));
    bounds
        .into_iter()
        .filter_map(move |(from, to)| inner.get(from..to))
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

#[cfg(test)]
mod tests {
    use super::array_items;

    #[test]
    fn array_items_split_at_top_level_commas_only() {
        let items: Vec<&str> =
            array_items(r#" [ {"a": [1, 2], "b": "x,]\"}"}, "p.json" ,[[]], 3 ] "#).collect();
        assert_eq!(
            items,
            [
                r#"{"a": [1, 2], "b": "x,]\"}"}"#,
                r#""p.json""#,
                "[[]]",
                "3"
            ]
        );
        assert_eq!(array_items("[]").count(), 0);
        assert_eq!(array_items("[ ]").count(), 0);
    }
}
