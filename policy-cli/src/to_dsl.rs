//! `policy to-dsl`: the `policy! { ... }` form of a JSON policy, laid out as rustfmt lays out
//! code (four-space indents, lines of at most 100 characters, one item per line with a trailing
//! comma when a list does not fit), which compiles back to the same JSON value.
//!
//! What the DSL needs to say the same thing:
//! - actions and condition keys the catalog does not know are written `unchecked("...")`, its
//!   escape hatch; an action pattern that matches nothing too;
//! - other errors that the validator reports (a malformed ARN, say) are listed in
//!   `#![allow(...)]` under a comment, so that the policy compiles as it is and the reader sees
//!   what to fix;
//! - text goes into Rust string literals with `{` and `}` doubled (single braces interpolate
//!   Rust values), except in `${...}` IAM policy variables, which the DSL keeps as written.
//!
//! - a `Statement` written as a single object rather than an array gets
//!   `#![statement = object]`, so that the JSON comes back in the same shape.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io;
use std::path::PathBuf;

use clap::Args;
use policy_core::{
    Action, Actions, Code, Condition, ConditionValue, OneOrMany, Policy, Principal, PrincipalKind,
    Principals, Resources, Statement, Version,
};

use crate::engine::{self, Kind, Settings};
use crate::inputs::{self, Content, Input};
use crate::render;
use crate::{Exit, Streams};

/// The arguments of `policy to-dsl`.
#[derive(Debug, Clone, Args)]
pub struct ToDslArgs {
    /// The kind of policy, written as `#![kind = ...]` (default: inferred, and not written).
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// A JSON policy file, or `-` for stdin.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// Runs `policy to-dsl`.
///
/// Exit status: `0` with the DSL on stdout, `1` when the file is not a policy or has a part the
/// DSL cannot write (reported on stderr), `2` when it cannot be read.
///
/// # Errors
/// The error of writing to stdout.
pub fn run(args: &ToDslArgs, streams: &mut Streams<'_>) -> io::Result<Exit> {
    let input = Input::from_arg(&args.file);
    let name = input.name();
    let content = match &input {
        Input::File(path) => inputs::read_file(path),
        Input::Stdin => inputs::read_limited(&mut *streams.stdin),
    };
    let bytes = match content {
        Ok(Content::Bytes(bytes)) => bytes,
        Ok(other) => {
            let checked = engine::check_content(other, &Settings::default());
            return report(streams, &name, &checked);
        }
        Err(error) => {
            let error = inputs::InputError { path: name, error };
            writeln!(streams.stderr, "error: {error}")?;
            return Ok(Exit::Trouble);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let checked = engine::check_bytes(error.into_bytes(), &Settings::default());
            return report(streams, &name, &checked);
        }
    };
    let policy = match policy_core::json::parse_policy(&text).value {
        Ok(policy) => policy,
        Err(_) => {
            let findings = engine::check_text(&text, &Settings::default());
            let checked = engine::Checked { text, findings };
            return report(streams, &name, &checked);
        }
    };
    match to_dsl(&policy, args.kind) {
        Ok(dsl) => {
            streams.stdout.write_all(dsl.as_bytes())?;
            Ok(Exit::Clean)
        }
        Err(error) => {
            writeln!(
                streams.stderr,
                "error: `{name}` cannot be written in the DSL: {error}"
            )?;
            Ok(Exit::Findings)
        }
    }
}

fn report(streams: &mut Streams<'_>, name: &str, checked: &engine::Checked) -> io::Result<Exit> {
    render::findings_text(streams.stderr, name, checked)?;
    writeln!(streams.stderr, "error: `{name}` is not a policy")?;
    Ok(Exit::Findings)
}

/// A part of a policy that the DSL has no way to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToDslError(String);

impl std::fmt::Display for ToDslError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ToDslError {}

/// The widest line rustfmt writes.
const WIDTH: usize = 100;

/// The `policy! { ... }` form of a policy; `kind` is written as `#![kind = ...]` when given.
///
/// ```
/// let policy = policy_core::Policy::from_json(
///     r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#,
/// )?;
/// let dsl = typed_iam_cli::to_dsl::to_dsl(&policy, None)?;
/// assert_eq!(dsl, "policy! {\n    allow s3:GetObject on *;\n}\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`ToDslError`] for a part the DSL cannot write: a condition operator that is not
/// `Word` or `Qualifier:Word`, an empty condition operator or principal map.
pub fn to_dsl(policy: &Policy, kind: Option<Kind>) -> Result<String, ToDslError> {
    let document = policy_core::Document::Policy(policy.clone());
    let kind = kind.and_then(Kind::policy_kind);
    let diagnostics = document.check(&policy_core::CheckOptions::kind(kind));
    // Errors that `unchecked(..)` does not already cover need `#![allow]` to compile.
    let escaped = [
        Code::UnknownService,
        Code::UnknownAction,
        Code::WildcardMatchesNothing,
        Code::UnknownConditionKey,
    ];
    let allowed: BTreeSet<&str> = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error() && !escaped.contains(&diagnostic.code))
        .map(|diagnostic| diagnostic.code.as_str())
        .collect();

    let mut out = String::from("policy! {\n");
    match policy.version() {
        Some(Version::V2012_10_17) => {}
        Some(Version::V2008_10_17) => out.push_str("    #![version = \"2008-10-17\"]\n"),
        None => out.push_str("    #![version = none]\n"),
    }
    if let Some(id) = policy.id() {
        let _ = writeln!(out, "    #![id = {}]", rust_str(id));
    }
    if let Some(kind) = kind {
        let _ = writeln!(out, "    #![kind = {kind}]");
    }
    if !allowed.is_empty() {
        out.push_str("    // `policy check` reports errors of these codes: fix them, then remove this line\n");
        let codes: Vec<String> = allowed.iter().map(|code| code.replace('-', "_")).collect();
        let _ = writeln!(out, "    #![allow({})]", codes.join(", "));
    }
    if policy.statement_list().is_single() {
        out.push_str("    #![statement = object]\n");
    }
    let statements = policy
        .statements()
        .iter()
        .map(statement)
        .collect::<Result<Vec<_>, _>>()?;
    let spaced = statements.iter().any(|lines| lines.len() > 1);
    for (index, lines) in statements.iter().enumerate() {
        if spaced && index > 0 {
            out.push('\n');
        }
        for line in lines {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("}\n");
    Ok(out)
}

/// A clause of a statement: its keyword(s) and items, written inline or one item per line.
struct Clause {
    /// `allow`, `on`, `on not`, `for`, ... (empty for the action list after the effect).
    keyword: String,
    /// The items, already written.
    items: Vec<String>,
    /// Whether the items are in brackets (a JSON array) or a bare single value.
    brackets: Brackets,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Brackets {
    None,
    Square,
    /// `when { ... }`: always one line per condition.
    Curly,
}

impl Clause {
    fn inline(&self) -> Option<String> {
        let body = match self.brackets {
            Brackets::None => self.items.join(", "),
            Brackets::Square => format!("[{}]", self.items.join(", ")),
            Brackets::Curly => return None,
        };
        Some(if self.keyword.is_empty() {
            body
        } else {
            format!("{} {body}", self.keyword)
        })
    }
}

/// Appends text that may span lines (a list broken one item per line) to the current line,
/// indenting its later lines by `indent`.
fn append(lines: &mut Vec<String>, current: &mut String, text: &str, indent: usize) {
    let mut parts = text.split('\n');
    if let Some(first) = parts.next() {
        current.push_str(first);
    }
    for part in parts {
        lines.push(std::mem::take(current));
        *current = format!("{}{part}", " ".repeat(indent));
    }
}

/// Lays out clauses one after the other, as tokens flow: a clause goes on the current line when
/// it fits, a list that does not fit gets one item per line.
fn layout(head: String, clauses: Vec<Clause>) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = format!("    {head}");
    let mut indent = 4;
    for clause in clauses {
        if let Some(inline) = clause.inline() {
            let first_line = inline.lines().next().unwrap_or("");
            if current.len() + 1 + first_line.len() <= WIDTH
                && (clause.brackets == Brackets::None || !inline.contains('\n'))
            {
                current.push(' ');
                append(&mut lines, &mut current, &inline, indent);
                continue;
            }
            if clause.brackets == Brackets::None {
                // A single value that does not fit: on a continuation line of its own.
                lines.push(std::mem::take(&mut current));
                indent = 8;
                current = " ".repeat(indent);
                append(&mut lines, &mut current, &inline, indent);
                continue;
            }
        }
        let (open, close) = match clause.brackets {
            Brackets::Curly => ("{", "}"),
            _ => ("[", "]"),
        };
        let opening = if clause.keyword.is_empty() {
            open.to_owned()
        } else {
            format!("{} {open}", clause.keyword)
        };
        if current.len() + 1 + opening.len() > WIDTH {
            lines.push(std::mem::take(&mut current));
            indent = 8;
            current = " ".repeat(indent);
        } else {
            current.push(' ');
        }
        current.push_str(&opening);
        lines.push(std::mem::take(&mut current));
        for item in &clause.items {
            for part in item.lines() {
                lines.push(format!("{}{part}", " ".repeat(indent + 4)));
            }
            if let Some(last) = lines.last_mut() {
                last.push(',');
            }
        }
        current = format!("{}{close}", " ".repeat(indent));
    }
    current.push(';');
    lines.push(current);
    lines
}

fn statement(statement: &Statement) -> Result<Vec<String>, ToDslError> {
    let mut head = String::new();
    if let Some(sid) = statement.sid() {
        let _ = write!(head, "{}: ", rust_str(sid));
    }
    head.push_str(match statement.effect() {
        policy_core::Effect::Allow => "allow",
        policy_core::Effect::Deny => "deny",
    });
    let mut clauses = Vec::new();
    if let Some(actions) = statement.action() {
        clauses.push(action_clause(actions));
    }
    if let Some(principals) = statement.principal() {
        clauses.extend(principal_clauses(principals)?);
    }
    if let Some(resources) = statement.resource() {
        clauses.push(resource_clause(resources));
    }
    if let Some(condition) = statement.condition() {
        clauses.push(condition_clause(condition)?);
    }
    Ok(layout(head, clauses))
}

fn brackets<T>(items: &OneOrMany<T>) -> Brackets {
    if items.is_single() {
        Brackets::None
    } else {
        Brackets::Square
    }
}

fn action_clause(actions: &Actions) -> Clause {
    Clause {
        keyword: if actions.is_negated() { "not" } else { "" }.to_owned(),
        items: actions.items().iter().map(action).collect(),
        brackets: brackets(actions.items()),
    }
}

fn action(action: &Action) -> String {
    let text = action.as_str();
    let known = match action {
        Action::Known { .. } => true,
        Action::Pattern(pattern) => {
            pattern == "*" || !catalog::index::catalog().expand(pattern).is_empty()
        }
        Action::Unchecked(_) => false,
    };
    if !known {
        return format!("unchecked({})", rust_str(text));
    }
    if text == "*" || action_tokens(text) {
        text.to_owned()
    } else {
        rust_str(text)
    }
}

/// Whether the DSL reads `text` as tokens (`cognito-idp:CreateUserPool`, `s3:Get*`): a service
/// of identifiers joined by `-`, `:`, then identifiers and numbers between `*` and `?`.
fn action_tokens(text: &str) -> bool {
    let Some((service, name)) = text.split_once(':') else {
        return false;
    };
    let service_ok = service
        .split('-')
        .enumerate()
        .all(|(index, part)| identifier(part) || (index > 0 && digits(part)));
    let name_ok = !name.is_empty()
        && name.split(['*', '?']).all(|part| {
            part.is_empty() || (identifier(part) && !clause_word(part)) || digits(part)
        });
    service_ok && name_ok
}

fn identifier(part: &str) -> bool {
    let mut chars = part.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn digits(part: &str) -> bool {
    !part.is_empty() && part.chars().all(|c| c.is_ascii_digit())
}

/// The DSL's words that end an action name.
fn clause_word(part: &str) -> bool {
    matches!(part, "on" | "when" | "not" | "for")
}

fn principal_clauses(principals: &Principals) -> Result<Vec<Clause>, ToDslError> {
    let keyword = if principals.is_negated() {
        "for not"
    } else {
        "for"
    };
    let entries = match principals.principal() {
        Principal::Wildcard => {
            return Ok(vec![Clause {
                keyword: keyword.to_owned(),
                items: vec!["*".to_owned()],
                brackets: Brackets::None,
            }])
        }
        Principal::Map(entries) => entries,
    };
    if entries.is_empty() {
        return Err(ToDslError("an empty `Principal` map".to_owned()));
    }
    // `for aws [..], service ".."`: one clause whose items are the kinds with their values.
    let mut items = Vec::new();
    for (kind, values) in entries {
        let name = match kind {
            PrincipalKind::Aws => "aws",
            PrincipalKind::Service => "service",
            PrincipalKind::Federated => "federated",
            PrincipalKind::CanonicalUser => "canonical_user",
        };
        let written: Vec<String> = values.iter().map(|value| text_value(value)).collect();
        let value = if values.is_single() {
            written.join("")
        } else {
            list(&written, 8 + name.len())
        };
        items.push(format!("{name} {value}"));
    }
    Ok(vec![Clause {
        keyword: keyword.to_owned(),
        items: vec![items.join(", ")],
        brackets: Brackets::None,
    }])
}

/// A bracketed list inline, or one item per line when it does not fit in `width_left`.
fn list(items: &[String], used: usize) -> String {
    let inline = format!("[{}]", items.join(", "));
    if used + inline.len() <= WIDTH {
        return inline;
    }
    let mut out = String::from("[\n");
    for item in items {
        let _ = writeln!(out, "    {item},");
    }
    out.push(']');
    out
}

fn resource_clause(resources: &Resources) -> Clause {
    Clause {
        keyword: if resources.is_negated() {
            "on not"
        } else {
            "on"
        }
        .to_owned(),
        items: resources
            .items()
            .iter()
            .map(|r| text_value(r.as_str()))
            .collect(),
        brackets: brackets(resources.items()),
    }
}

/// A resource or principal value: `*`, or a string literal.
fn text_value(text: &str) -> String {
    if text == "*" {
        "*".to_owned()
    } else {
        dsl_str(text)
    }
}

fn condition_clause(condition: &Condition) -> Result<Clause, ToDslError> {
    let mut items = Vec::new();
    for block in condition.blocks() {
        let operator = block.operator().as_str();
        if !operator_tokens(operator) {
            return Err(ToDslError(format!("the condition operator `{operator}`")));
        }
        if block.entries().is_empty() {
            return Err(ToDslError(format!(
                "the condition operator `{operator}` without keys"
            )));
        }
        for entry in block.entries() {
            let key = condition_key(entry.key());
            let values: Vec<String> = entry.values().iter().map(condition_value).collect();
            let prefix = format!("{operator} {key}: ");
            let value = if entry.values().is_single() {
                values.join("")
            } else {
                list(&values, 8 + prefix.len())
            };
            items.push(format!("{prefix}{value}"));
        }
    }
    Ok(Clause {
        keyword: "when".to_owned(),
        items,
        brackets: Brackets::Curly,
    })
}

/// `StringEquals` or `ForAllValues:StringLike`: what the DSL reads as an operator.
fn operator_tokens(operator: &str) -> bool {
    match operator.split_once(':') {
        Some((qualifier, base)) => identifier(qualifier) && identifier(base),
        None => identifier(operator),
    }
}

fn condition_key(key: &str) -> String {
    if catalog::index::catalog().condition_key(key).is_none() {
        return format!("unchecked({})", rust_str(key));
    }
    if key_tokens(key) {
        key.to_owned()
    } else {
        rust_str(key)
    }
}

/// Whether the DSL reads a key as tokens: `service:Name`, then optionally `/` and words and
/// numbers joined by `-`, `.` and `/`.
fn key_tokens(key: &str) -> bool {
    let Some((prefix, rest)) = key.split_once(':') else {
        return false;
    };
    let prefix_ok = prefix
        .split('-')
        .enumerate()
        .all(|(index, part)| identifier(part) || (index > 0 && digits(part)));
    let (name, suffix) = match rest.split_once('/') {
        Some((name, suffix)) => (name, Some(suffix)),
        None => (rest, None),
    };
    let suffix_ok = suffix.is_none_or(|suffix| {
        // Parts between separators alternate with single separators; a number must not be
        // followed directly by a word (`2x` would lex as a suffixed number).
        !suffix.is_empty()
            && suffix
                .split(['-', '.', '/'])
                .all(|part| identifier(part) || digits(part))
    });
    prefix_ok && identifier(name) && suffix_ok
}

fn condition_value(value: &ConditionValue) -> String {
    match value {
        ConditionValue::String(text) => dsl_str(text),
        ConditionValue::Number(text) => text.clone(),
        ConditionValue::Bool(value) => value.to_string(),
    }
}

/// A Rust string literal of `text`, exactly (for `Sid`, `Id`, `unchecked(..)`).
fn rust_str(text: &str) -> String {
    format!("{text:?}")
}

/// A Rust string literal that the DSL reads back as `text`: `{` and `}` doubled, except inside
/// `${...}` policy variables, which the DSL copies as written up to the first `}`.
fn dsl_str(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '$' if chars.peek() == Some(&'{') => {
                escaped.push('$');
                for inner in chars.by_ref() {
                    escaped.push(inner);
                    if inner == '}' {
                        break;
                    }
                }
            }
            '{' => escaped.push_str("{{"),
            '}' => escaped.push_str("}}"),
            _ => escaped.push(c),
        }
    }
    rust_str(&escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dsl(json: &str) -> String {
        to_dsl(&Policy::from_json(json).unwrap(), None).unwrap()
    }

    #[test]
    fn braces_are_doubled_except_in_policy_variables() {
        assert_eq!(
            dsl_str("arn:aws:s3:::b/${aws:username}/*"),
            r#""arn:aws:s3:::b/${aws:username}/*""#
        );
        assert_eq!(dsl_str("a{b}c"), r#""a{{b}}c""#);
        assert_eq!(dsl_str("${{x}}"), r#""${{x}}}""#);
        assert_eq!(dsl_str("quote\"and\\"), r#""quote\"and\\""#);
    }

    #[test]
    fn tokens_where_the_dsl_reads_them() {
        assert!(action_tokens("cognito-idp:CreateUserPool"));
        assert!(action_tokens("s3:Get*"));
        assert!(action_tokens("bedrock:*Evaluation*"));
        assert!(action_tokens("rds-db:connect"));
        assert!(!action_tokens("s3:*on*"));
        assert!(!action_tokens("*:Get*"));
        assert!(!action_tokens("s3:2Get"));
        assert!(key_tokens("aws:RequestTag/team"));
        assert!(key_tokens("aws:RequestTag/cost-center.v2"));
        assert!(!key_tokens("aws:RequestTag/a:b"));
        assert!(!key_tokens("aws:RequestTag/${TagKey}"));
    }

    #[test]
    fn a_policy_in_the_dsl() {
        let json = r#"{
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
             "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/${aws:username}/*"]},
            {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "*",
             "Condition": {"StringEquals": {"aws:SourceAccount": ["111111111111", "222222222222"]},
                           "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}}}
          ]
        }"#;
        let expected = r#"policy! {
    "Read": allow [s3:GetObject, s3:ListBucket] on [
        "arn:aws:s3:::reports",
        "arn:aws:s3:::reports/${aws:username}/*",
    ];

    deny not iam:* on not * when {
        StringEquals aws:SourceAccount: ["111111111111", "222222222222"],
        NumericLessThan aws:MultiFactorAuthAge: 3600,
    };
}
"#;
        assert_eq!(dsl(json), expected);
        let trust = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"Service": "bedrock.amazonaws.com", "AWS": ["arn:aws:iam::803456129837:root"]},
            "Action": "sts:AssumeRole"}]}"#;
        assert_eq!(
            dsl(trust),
            "policy! {\n    allow sts:AssumeRole for service \"bedrock.amazonaws.com\", aws [\"arn:aws:iam::803456129837:root\"];\n}\n"
        );
    }

    #[test]
    fn unknown_names_use_the_escape_hatch_and_errors_are_allowed() {
        let json = r#"{"Statement": {"Effect": "Allow", "Action": ["s3:GetObjet", "newsvc:Do"],
            "Resource": "bucket", "Condition": {"StringEquals": {"newsvc:Stage": "beta"}}}}"#;
        let out = dsl(json);
        assert!(out.contains("#![version = none]"), "{out}");
        assert!(
            out.contains(r#"[unchecked("s3:GetObjet"), unchecked("newsvc:Do")]"#),
            "{out}"
        );
        assert!(
            out.contains(r#"StringEquals unchecked("newsvc:Stage"): "beta""#),
            "{out}"
        );
        assert!(out.contains("#![allow(malformed_arn)]"), "{out}");
        assert!(out.contains("#![statement = object]"), "{out}");
    }
}
