//! What a policy text is: the one place that decides whether a text holds a whole policy or a
//! single statement, and what kind of policy it is checked as. The `policy` CLI and the
//! `policy!` macro both ask here.

use crate::diagnostic::{Code, Diagnostic};
use crate::json::{self, Parsed, Position, SourceMap};
use crate::model::{Policy, Statement};
use crate::validate::{self, Context, PolicyKind, SizeTarget};

/// A policy document as found in a file or a macro: a whole policy, or one statement written
/// on its own (a *fragment*, as AWS's pages show statements to add to a policy).
///
/// ```
/// use typed_iam_core::{CheckOptions, Document, PolicyKind};
///
/// let fragment = Document::read(r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"#);
/// let document = fragment.value?;
/// assert!(matches!(document, Document::Statement(_)));
/// assert!(document.check(&CheckOptions::default()).is_empty());
///
/// let trust = Document::read(r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
///     "Principal": {"Service": "bedrock.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#);
/// assert_eq!(trust.value?.context(&CheckOptions::default()).kind(), PolicyKind::Trust);
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    /// A whole policy: `Version`, `Id` and `Statement`.
    Policy(Policy),
    /// One statement written on its own.
    Statement(Statement),
}

/// How to check a document: its kind (or `None` to infer it), its size target and the codes to
/// leave out. The `policy` CLI's settings and the `policy!` macro's attributes both come down to
/// this.
///
/// ```
/// use typed_iam_core::{CheckOptions, Code, PolicyKind, SizeTarget};
/// let options = CheckOptions::kind(Some(PolicyKind::Identity))
///     .with_target(SizeTarget::RoleInline)
///     .allow(Code::PlaceholderValue);
/// assert_eq!(options.allow, [Code::PlaceholderValue]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckOptions {
    /// The kind of policy; `None` infers it from the document ([`Context::infer`]).
    pub kind: Option<PolicyKind>,
    /// Where the policy will be stored, for its size limit ([`Context::with_target`]).
    pub target: Option<SizeTarget>,
    /// Codes whose findings are left out ([`Context::allow`]).
    pub allow: Vec<Code>,
}

impl CheckOptions {
    /// Options that check a document as `kind`, or as the kind it shows when `None`.
    pub fn kind(kind: Option<PolicyKind>) -> Self {
        Self {
            kind,
            ..Self::default()
        }
    }

    /// The validator's context for `policy` under these options: of the options' kind, or the
    /// kind the policy shows ([`Context::infer`]), with the target and allowed codes. For a
    /// policy the caller holds by reference; [`Document::context`] is the same rule.
    ///
    /// ```
    /// use typed_iam_core::{CheckOptions, Policy, PolicyKind};
    /// let policy = Policy::from_json(r#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#)?;
    /// assert_eq!(CheckOptions::default().policy_context(&policy).kind(), PolicyKind::Identity);
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    pub fn policy_context(&self, policy: &Policy) -> Context {
        self.finish(
            self.kind
                .map_or_else(|| Context::infer(policy), Context::new),
        )
    }

    /// The validator's context for a statement fragment under these options (see
    /// [`CheckOptions::policy_context`]).
    pub fn statement_context(&self, statement: &Statement) -> Context {
        self.finish(
            self.kind
                .map_or_else(|| Context::infer_statement(statement), Context::new),
        )
    }

    /// `cx` with the options' target and allowed codes.
    fn finish(&self, mut cx: Context) -> Context {
        if let Some(target) = self.target {
            cx = cx.with_target(target);
        }
        for code in &self.allow {
            cx = cx.allow(*code);
        }
        cx
    }

    /// The same options, with the size limit of `target`.
    #[must_use]
    pub fn with_target(mut self, target: SizeTarget) -> Self {
        self.target = Some(target);
        self
    }

    /// The same options, with findings of `code` left out.
    #[must_use]
    pub fn allow(mut self, code: Code) -> Self {
        if !self.allow.contains(&code) {
            self.allow.push(code);
        }
        self
    }
}

/// A finding with its place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What was found.
    pub diagnostic: Diagnostic,
    /// Where in the text the element it concerns is; `None` when the element is not written
    /// in the text (a missing `Resource`, say: the finding is about the whole statement).
    pub position: Option<Position>,
}

impl Document {
    /// Reads a text as a policy, or, when it is an object without `Statement` that reads as a
    /// statement, as that statement. Every problem is reported against the policy reading
    /// unless the statement reading succeeds.
    pub fn read(text: &str) -> Parsed<Document> {
        let policy = json::parse_policy(text);
        let error = match policy.value {
            Ok(policy_value) => {
                return Parsed {
                    value: Ok(Document::Policy(policy_value)),
                    source_map: policy.source_map,
                }
            }
            Err(error) => error,
        };
        let missing_statement = error
            .diagnostics()
            .iter()
            .any(|diagnostic| diagnostic.code == Code::MissingStatement);
        if missing_statement {
            let statement = json::parse_statement(text);
            if let Ok(statement_value) = statement.value {
                return Parsed {
                    value: Ok(Document::Statement(statement_value)),
                    source_map: statement.source_map,
                };
            }
        }
        Parsed {
            value: Err(error),
            source_map: policy.source_map,
        }
    }

    /// The validator's context for this document: of the options' kind when it is given,
    /// otherwise of the kind the document shows ([`Context::infer`]), with the options' target
    /// and allowed codes.
    pub fn context(&self, options: &CheckOptions) -> Context {
        match self {
            Document::Policy(policy) => options.policy_context(policy),
            Document::Statement(statement) => options.statement_context(statement),
        }
    }

    /// Every finding about the document under `cx` ([`validate()`](crate::validate()) or
    /// [`validate_statement`](crate::validate_statement)).
    #[must_use = "the findings are the result; nothing else reports them"]
    pub fn validate(&self, cx: &Context) -> Vec<Diagnostic> {
        match self {
            Document::Policy(policy) => validate::validate(policy, cx),
            Document::Statement(statement) => validate::validate_statement(statement, cx),
        }
    }

    /// Every finding about the document under `options` (the kind given or inferred).
    #[must_use = "the findings are the result; nothing else reports them"]
    pub fn check(&self, options: &CheckOptions) -> Vec<Diagnostic> {
        self.validate(&self.context(options))
    }

    /// The document as compact JSON, exactly as read.
    #[must_use]
    pub fn to_json(&self) -> String {
        match self {
            Document::Policy(policy) => policy.to_json(),
            Document::Statement(statement) => statement.to_json(),
        }
    }

    /// The document as pretty JSON (the canonical layout of `policy fmt`).
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        match self {
            Document::Policy(policy) => policy.to_json_pretty(),
            Document::Statement(statement) => statement.to_json_pretty(),
        }
    }
}

/// Reads `text` and checks it under `options`: every finding, with its position. The reader's
/// findings come in document order, the validator's by location and then code. Codes the
/// options allow are left out of the reader's findings too.
///
/// ```
/// use typed_iam_core::{check_text, CheckOptions, Code};
///
/// let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]}"#;
/// let findings = check_text(text, &CheckOptions::default());
/// assert_eq!(findings[0].diagnostic.code, Code::UnknownAction);
/// let position = findings[0].position.ok_or("no position")?;
/// assert_eq!((position.line, position.column), (1, 71));
///
/// let quiet = CheckOptions::default().allow(Code::MissingStatement);
/// assert!(check_text("{}", &quiet).is_empty());
/// # Ok::<(), &str>(())
/// ```
#[must_use = "the findings are the result; nothing else reports them"]
pub fn check_text(text: &str, options: &CheckOptions) -> Vec<Finding> {
    let parsed = Document::read(text);
    match parsed.value {
        Ok(document) => {
            // Organizations counts an SCP's or RCP's characters as written.
            let cx = document
                .context(options)
                .with_written_size(text.chars().count());
            locate(document.validate(&cx), &parsed.source_map)
        }
        Err(error) => error
            .positioned()
            .filter(|(diagnostic, _)| !options.allow.contains(&diagnostic.code))
            .map(|(diagnostic, position)| Finding {
                diagnostic: diagnostic.clone(),
                position,
            })
            .collect(),
    }
}

/// The findings with their positions in the text the source map was made from.
fn locate(diagnostics: Vec<Diagnostic>, map: &SourceMap) -> Vec<Finding> {
    diagnostics
        .into_iter()
        .map(|diagnostic| {
            let position = map.position(&diagnostic.location);
            Finding {
                diagnostic,
                position,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_is_read_as_a_statement_and_a_policy_as_a_policy() {
        let fragment = Document::read(r#"{"Effect":"Deny","Action":"*","Resource":"*"}"#);
        assert!(matches!(fragment.value.unwrap(), Document::Statement(_)));
        let policy =
            Document::read(r#"{"Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}"#);
        assert!(matches!(policy.value.unwrap(), Document::Policy(_)));
    }

    #[test]
    fn a_text_that_is_neither_reports_the_policy_reading() {
        let parsed = Document::read(r#"{"Effect":"Maybe"}"#);
        let codes: Vec<Code> = parsed
            .value
            .unwrap_err()
            .diagnostics()
            .iter()
            .map(|d| d.code)
            .collect();
        assert!(codes.contains(&Code::MissingStatement), "{codes:?}");
    }

    #[test]
    fn a_fragment_with_a_principal_is_checked_as_the_kind_it_shows() {
        let text = r#"{"Effect":"Allow","Principal":{"Service":"bedrock.amazonaws.com"},"Action":"sts:AssumeRole"}"#;
        let document = Document::read(text).value.unwrap();
        let identity = CheckOptions::kind(Some(PolicyKind::Identity));
        assert_eq!(
            document.context(&CheckOptions::default()).kind(),
            PolicyKind::Trust
        );
        assert_eq!(document.context(&identity).kind(), PolicyKind::Identity);
        // As an identity policy, the principal is misplaced.
        let codes: Vec<Code> = document.check(&identity).iter().map(|d| d.code).collect();
        assert!(!codes.is_empty());
        assert!(document.check(&CheckOptions::default()).is_empty());
    }

    #[test]
    fn findings_of_a_fragment_point_into_the_fragment() {
        let text = "{\"Effect\": \"Allow\",\n \"Action\": \"s3:GetObjekt\", \"Resource\": \"*\"}";
        let findings = check_text(text, &CheckOptions::default());
        assert_eq!(findings.len(), 1);
        let position = findings[0].position.unwrap();
        assert_eq!((position.line, position.column), (2, 12));
    }
}
