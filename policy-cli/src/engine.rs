//! From bytes to findings: reading a policy (UTF-8, JSON, the model), validating it with the
//! shared validator under the settings of its path, and formatting it.
//!
//! Every rule lives in `policy_core`; this module only adds what concerns files: a file that is
//! empty, not UTF-8 or far too large is reported with the same codes, in the same shape.

use clap::ValueEnum;
use policy_core::json::Position;
use policy_core::{Code, Diagnostic, Location, PolicyKind};

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

impl Kind {
    /// The core's policy kind; `None` for [`Kind::Auto`] (the core infers it).
    pub fn policy_kind(self) -> Option<PolicyKind> {
        match self {
            Kind::Auto => None,
            Kind::Identity => Some(PolicyKind::Identity),
            Kind::Resource => Some(PolicyKind::Resource),
            Kind::Trust => Some(PolicyKind::Trust),
            Kind::Scp => Some(PolicyKind::ServiceControl),
            Kind::Rcp => Some(PolicyKind::ResourceControl),
        }
    }
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

/// How many errors and warnings a checked input has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
}

impl Checked {
    /// The number of errors and warnings.
    pub fn counts(&self) -> Counts {
        let errors = self
            .findings
            .iter()
            .filter(|finding| finding.diagnostic.is_error())
            .count();
        Counts {
            errors,
            warnings: self.findings.len() - errors,
        }
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

/// The canonical form of a policy's text for `fmt --canonical`: the core's
/// [`policy_core::compare::canonical`] (statements and values sorted, duplicates removed,
/// arrays everywhere), written as [`format_text`] writes. The core's comparison must not find
/// the two different, or nothing is returned.
///
/// # Errors
/// The findings that make the text unreadable as a policy, or the one that says the
/// comparison found the canonical form different (a bug).
pub fn format_canonical(text: &str) -> Result<String, Vec<Finding>> {
    if let Some(finding) = empty(text) {
        return Err(vec![finding]);
    }
    backend::format_canonical(text)
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

/// The policy-core side: the core reads the text (a policy or a statement fragment) and checks
/// it; this only turns the CLI's settings into the core's options, and writes.
mod backend {
    use super::{Finding, Settings};
    use policy_core::{CheckOptions, Document};

    pub(super) fn check(text: &str, settings: &Settings) -> Vec<Finding> {
        policy_core::check_text(text, &settings.options())
            .into_iter()
            .map(|finding| Finding {
                diagnostic: finding.diagnostic,
                position: finding.position,
            })
            .collect()
    }

    pub(super) fn format(text: &str) -> Result<String, Vec<Finding>> {
        let document = match Document::read(text).value {
            Ok(document) => document,
            Err(_) => return Err(check(text, &Settings::default())),
        };
        let mut formatted = document.to_json_pretty();
        formatted.push('\n');
        // Read the new text back: it must be the same document, or nothing is written.
        match Document::read(&formatted).value {
            Ok(again) if again == document => Ok(formatted),
            _ => Err(vec![not_the_same()]),
        }
    }

    pub(super) fn format_canonical(text: &str) -> Result<String, Vec<Finding>> {
        use policy_core::compare::{canonical, canonical_statement, compare, Relation};
        use policy_core::{OneOrMany, Policy};
        let document = match Document::read(text).value {
            Ok(document) => document,
            Err(_) => return Err(check(text, &Settings::default())),
        };
        let (before, after, canonical_document) = match &document {
            Document::Policy(policy) => {
                let after = canonical(policy);
                (policy.clone(), after.clone(), Document::Policy(after))
            }
            Document::Statement(statement) => {
                let after = canonical_statement(statement);
                let wrap =
                    |s: &policy_core::Statement| Policy::new(None, None, OneOrMany::one(s.clone()));
                (wrap(statement), wrap(&after), Document::Statement(after))
            }
        };
        // The proof: the comparison must not find a request that one allows and the other
        // does not (`Unknown`, for what it does not cover yet, lets the rewrite through: the
        // rewrite is sound by construction, the comparison double-checks it).
        let relation = compare(&before, &after).relation;
        if !matches!(relation, Relation::Equivalent | Relation::Unknown(_)) {
            return Err(vec![not_the_same()]);
        }
        let mut formatted = canonical_document.to_json_pretty();
        formatted.push('\n');
        match Document::read(&formatted).value {
            Ok(again) if again == canonical_document => Ok(formatted),
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

    impl Settings {
        /// The core's options for these settings.
        pub(crate) fn options(&self) -> CheckOptions {
            self.allow.iter().fold(
                CheckOptions::kind(self.kind.policy_kind()),
                |options, code| options.allow(*code),
            )
        }
    }
}
