//! From bytes to findings: reading a policy (UTF-8, JSON, the model), validating it with the
//! shared validator under the settings of its path, and formatting it.
//!
//! Every rule lives in `policy_core`; this module only adds what concerns files: a file that is
//! empty, not UTF-8 or far too large is reported with the same codes, in the same shape.

use clap::ValueEnum;
use policy_core::{Code, Diagnostic, Location, Position};

use crate::inputs::{Content, MAX_FILE_BYTES};

/// The kind of policy a file holds, which decides rules such as `Principal` and `Sid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Guess from the policy: a `Principal` makes it a resource policy, `sts:AssumeRole*`
    /// with a `Principal` a trust policy, otherwise an identity policy.
    Auto,
    /// An identity policy (attached to a user, group or role).
    Identity,
    /// A resource policy (an S3 bucket policy, a KMS key policy, ...).
    Resource,
    /// A role's trust policy.
    Trust,
    /// A service control policy.
    Scp,
    /// A resource control policy.
    Rcp,
}

/// How to check one file: its kind and the codes to stay silent about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The kind of policy.
    pub kind: Kind,
    /// Codes that are not reported (through `Context::allow`).
    pub allow: Vec<Code>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            kind: Kind::Auto,
            allow: Vec::new(),
        }
    }
}

/// One finding with where it is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What was found.
    pub diagnostic: Diagnostic,
    /// Where in the text the element it concerns is (line, column and byte offset); `None`
    /// for the whole file.
    pub position: Option<Position>,
}

/// A checked input: its text (for showing source lines) and its findings, sorted.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// The text, with invalid UTF-8 replaced (the finding points before the first bad byte,
    /// where offsets are still exact). Empty when the file was too large to read.
    pub text: String,
    /// The findings, sorted by position, then code.
    pub findings: Vec<Finding>,
}

impl Checked {
    /// The number of errors and warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .findings
            .iter()
            .filter(|finding| finding.diagnostic.is_error())
            .count();
        (errors, self.findings.len() - errors)
    }
}

/// Checks what was read from a file or stdin.
pub fn check_content(content: Content, settings: &Settings) -> Checked {
    match content {
        Content::Bytes(bytes) => check_bytes(bytes, settings),
        Content::TooLarge(length) => Checked {
            text: String::new(),
            findings: vec![too_large(length)],
        },
    }
}

/// Checks a file's bytes.
pub fn check_bytes(bytes: Vec<u8>, settings: &Settings) -> Checked {
    match String::from_utf8(bytes) {
        Ok(text) => {
            let findings = check_text(&text, settings);
            Checked { text, findings }
        }
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let position = crate::render::position(&text, offset);
            let diagnostic = Diagnostic::new(
                Code::InvalidJson,
                Location::root(),
                "the file is not valid UTF-8 text",
            )
            .with_help("an IAM policy is JSON text in UTF-8; is this a binary file?");
            Checked {
                text,
                findings: vec![Finding {
                    diagnostic,
                    position: Some(position),
                }],
            }
        }
    }
}

/// Checks a policy's text: reads it and runs the validator.
pub fn check_text(text: &str, settings: &Settings) -> Vec<Finding> {
    if let Some(finding) = empty(text) {
        return vec![finding];
    }
    let mut findings = backend::check(text, settings);
    findings.sort_by(|a, b| {
        (
            a.position.map(|p| p.offset),
            a.diagnostic.code,
            &a.diagnostic.location,
        )
            .cmp(&(
                b.position.map(|p| p.offset),
                b.diagnostic.code,
                &b.diagnostic.location,
            ))
    });
    findings
}

/// The canonical form of a policy's text (AWS's key order, two-space indent, a final newline).
///
/// # Errors
/// The findings that make the text unreadable as a policy (`invalid-json`, ...).
pub fn format_text(text: &str) -> Result<String, Vec<Finding>> {
    if let Some(finding) = empty(text) {
        return Err(vec![finding]);
    }
    backend::format(text)
}

fn empty(text: &str) -> Option<Finding> {
    if !text.trim().is_empty() {
        return None;
    }
    let diagnostic = Diagnostic::new(Code::InvalidJson, Location::root(), "the file is empty")
        .with_help(
            "an IAM policy is a JSON object: `{\"Version\": \"2012-10-17\", \"Statement\": [...]}`",
        );
    Some(Finding {
        diagnostic,
        position: None,
    })
}

fn too_large(length: u64) -> Finding {
    let diagnostic = Diagnostic::new(
        Code::PolicyTooLarge,
        Location::root(),
        format!(
            "the file is {}, larger than any IAM policy can be; it was not read",
            human_size(length)
        ),
    )
    .with_help(format!(
        "the largest policies AWS accepts are 32 KiB (KMS key policies); files over {} are not read",
        human_size(MAX_FILE_BYTES)
    ))
    .with_severity(policy_core::Severity::Error);
    Finding {
        diagnostic,
        position: None,
    }
}

fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1 << 20;
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

pub(crate) use backend::context;

/// The policy-core side: read with positions, validate, write.
mod backend {
    use super::{Finding, Kind, Settings};
    use policy_core::json::{parse_policy, parse_statement, ParseError, SourceMap};
    use policy_core::{
        validate, validate_statement, Context, OneOrMany, Policy, PolicyKind, Statement,
    };

    pub(super) fn check(text: &str, settings: &Settings) -> Vec<Finding> {
        let (policy, map) = parse_policy(text);
        match policy {
            Ok(policy) => {
                // SCPs and RCPs count every character as written.
                let cx = context(&policy, settings).with_written_size(text.chars().count());
                validate(&policy, &cx)
                    .into_iter()
                    .map(|diagnostic| located(diagnostic, &map))
                    .collect()
            }
            Err(error) => match fragment(&error, text) {
                Some((statement, map)) => {
                    let policy = Policy::new(None, None, OneOrMany::one(statement));
                    let cx = context(&policy, settings);
                    validate_statement(&policy.statements()[0], &cx)
                        .into_iter()
                        .map(|diagnostic| located(diagnostic, &map))
                        .collect()
                }
                None => parse_findings(&error, settings),
            },
        }
    }

    /// A statement fragment (`{"Effect": ..., "Action": ...}` without `Statement`, as AWS's
    /// documentation shows statements to add to a policy) reads as a policy with no `Statement`;
    /// it is checked as the statement it is.
    fn fragment(error: &ParseError, text: &str) -> Option<(Statement, SourceMap)> {
        let missing_statement = error
            .diagnostics()
            .iter()
            .any(|diagnostic| diagnostic.code == policy_core::Code::MissingStatement);
        if !missing_statement {
            return None;
        }
        match parse_statement(text) {
            (Ok(statement), map) => Some((statement, map)),
            (Err(_), _) => None,
        }
    }

    pub(super) fn format(text: &str) -> Result<String, Vec<Finding>> {
        let settings = Settings::default();
        let policy = match parse_policy(text).0 {
            Ok(policy) => policy,
            Err(error) => match fragment(&error, text) {
                Some((statement, _)) => return format_statement(&statement),
                None => return Err(parse_findings(&error, &settings)),
            },
        };
        let mut formatted = policy.to_json_pretty();
        formatted.push('\n');
        // Read the new text back: it must be the same policy, or nothing is written.
        match Policy::from_json(&formatted) {
            Ok(again) if again == policy => Ok(formatted),
            _ => Err(vec![not_the_same()]),
        }
    }

    fn not_the_same() -> Finding {
        let diagnostic = policy_core::Diagnostic::new(
            policy_core::Code::InvalidJson,
            policy_core::Location::root(),
            "the canonical form of this policy does not read back as the same policy",
        )
        .with_help("this is a bug in `policy fmt`; the file was left as it is");
        Finding {
            diagnostic,
            position: None,
        }
    }

    /// The canonical form of a statement fragment, read back like a policy's.
    fn format_statement(statement: &Statement) -> Result<String, Vec<Finding>> {
        let mut formatted = statement.to_json_pretty();
        formatted.push('\n');
        match Statement::from_json(&formatted) {
            Ok(again) if &again == statement => Ok(formatted),
            _ => Err(vec![not_the_same()]),
        }
    }

    /// The validator's context for a policy: its kind (given or inferred) and allowed codes.
    pub(crate) fn context(policy: &Policy, settings: &Settings) -> Context {
        let mut cx = match settings.kind {
            Kind::Auto => Context::infer(policy),
            Kind::Identity => Context::new(PolicyKind::Identity),
            Kind::Resource => Context::new(PolicyKind::Resource),
            Kind::Trust => Context::new(PolicyKind::Trust),
            Kind::Scp => Context::new(PolicyKind::ServiceControl),
            Kind::Rcp => Context::new(PolicyKind::ResourceControl),
        };
        for code in &settings.allow {
            cx = cx.allow(*code);
        }
        cx
    }

    fn parse_findings(error: &ParseError, settings: &Settings) -> Vec<Finding> {
        error
            .positioned()
            .filter(|(diagnostic, _)| !settings.allow.contains(&diagnostic.code))
            .map(|(diagnostic, position)| Finding {
                diagnostic: diagnostic.clone(),
                position,
            })
            .collect()
    }

    fn located(diagnostic: policy_core::Diagnostic, map: &SourceMap) -> Finding {
        let position = map.position(&diagnostic.location);
        Finding {
            diagnostic,
            position,
        }
    }
}
