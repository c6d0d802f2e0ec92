//! What each diagnostic code means, with a failing and a fixed example: the one source of the
//! texts of `policy explain CODE`, the SARIF rules and the documentation.
//!
//! A test runs every example through [`Policy::from_json`](crate::Policy) and the validator:
//! the failing one must produce its code and the fixed one must not, so that the text and the
//! rules cannot drift apart.

use std::borrow::Cow;

use crate::diagnostic::Code;

mod checks;
mod errors;
mod warnings;

/// The explanation of a [`Code`].
///
/// ```
/// use typed_iam_core::Code;
/// let explanation = Code::UnknownAction.explanation();
/// assert!(explanation.failing.contains("s3:GetObjet"));
/// assert_eq!(explanation.access_analyzer, Some("INVALID_ACTION"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Explanation {
    /// The code explained.
    pub code: Code,
    /// What the rule checks.
    pub checks: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// The kind of policy the examples are checked as: `identity`, `resource`, `trust`, `scp`.
    pub kind: &'static str,
    /// A policy that gets this code.
    pub failing: Cow<'static, str>,
    /// The same policy, fixed: it does not get this code.
    pub fixed: Cow<'static, str>,
    /// The nearest IAM Access Analyzer policy check, by its issue code, where one exists
    /// ([`Code::access_analyzer`]).
    pub access_analyzer: Option<&'static str>,
}

impl Code {
    /// What this code means, why it matters, and a failing and a fixed example.
    pub fn explanation(self) -> Explanation {
        let (checks, why, kind, failing, fixed) = entry(self);
        let (failing, fixed) = match self {
            Code::PolicyTooLarge => (Cow::Owned(large_policy(400)), Cow::Owned(large_policy(20))),
            _ => (Cow::Borrowed(failing), Cow::Borrowed(fixed)),
        };
        Explanation {
            code: self,
            checks,
            why,
            kind,
            failing,
            fixed,
            access_analyzer: self.access_analyzer(),
        }
    }
}

/// An identity policy that reads `count` S3 prefixes, one resource each.
fn large_policy(count: usize) -> String {
    let resources: Vec<String> = (0..count)
        .map(|index| format!("        \"arn:aws:s3:::acme-reports/team-{index:04}/*\""))
        .collect();
    format!(
        "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {{\n      \"Effect\": \"Allow\",\n      \"Action\": \"s3:GetObject\",\n      \"Resource\": [\n{}\n      ]\n    }}\n  ]\n}}",
        resources.join(",\n")
    )
}

pub(crate) type Entry = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

// The examples use `acme-reports` and account `803456129837` rather than AWS's documentation
// values (`DOC-EXAMPLE-BUCKET`, `111122223333`), which are themselves `placeholder-value`.
fn entry(code: Code) -> Entry {
    errors::entry(code)
        .or_else(|| warnings::entry(code))
        .or_else(|| checks::entry(code))
        // Every code has an entry: a test explains each one.
        .unwrap_or(("", "", "identity", "", ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{validate, Context, Policy, PolicyKind};

    /// The codes a policy text gets: the reader's when it cannot be read, else the validator's.
    fn codes(text: &str, kind: &str) -> Vec<Code> {
        let kind: PolicyKind = kind.parse().unwrap();
        match Policy::from_json(text) {
            Ok(policy) => validate(&policy, &Context::new(kind))
                .into_iter()
                .map(|diagnostic| diagnostic.code)
                .collect(),
            Err(error) => error.diagnostics().iter().map(|d| d.code).collect(),
        }
    }

    #[test]
    fn every_failing_example_fails_and_every_fixed_one_does_not() {
        let mut wrong = Vec::new();
        for &code in Code::ALL {
            let explanation = code.explanation();
            let failing = codes(&explanation.failing, explanation.kind);
            if !failing.contains(&code) {
                wrong.push(format!("{code}: failing example gives {failing:?}"));
            }
            let fixed = codes(&explanation.fixed, explanation.kind);
            if !fixed.is_empty() {
                wrong.push(format!("{code}: fixed example gives {fixed:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn every_explanation_is_written() {
        for &code in Code::ALL {
            let explanation = code.explanation();
            assert_eq!(explanation.code, code);
            assert!(
                !explanation.checks.is_empty() && !explanation.why.is_empty(),
                "{code}"
            );
            assert!(
                !explanation.checks.ends_with('.'),
                "{code}: rustc's voice, no final period"
            );
        }
    }
}
