//! Spellings and "did you mean": the one error for text that is none of a value's known
//! spellings ([`ParseValueError`]), and the one phrasing of a suggestion ([`did_you_mean`]) that
//! the reader, the validator, the macro and the CLI share.

use std::fmt;

/// The nearest of `candidates` to `name`, if one is close (the catalog's edit-distance rule).
pub(crate) use catalog::suggest;

/// The help that proposes `suggestion`: ``did you mean `s3`?``.
///
/// Every "did you mean" of the project is phrased by this function, so that the macro, the CLI
/// and the library read the same.
///
/// ```
/// assert_eq!(typed_iam_core::did_you_mean("Allow"), "did you mean `Allow`?");
/// ```
#[must_use]
pub fn did_you_mean(suggestion: &str) -> String {
    format!("did you mean `{suggestion}`?")
}

/// The error of parsing a value that has a fixed set of spellings ([`Effect`](crate::Effect),
/// [`Version`](crate::Version), [`PolicyKind`](crate::PolicyKind),
/// [`SizeTarget`](crate::SizeTarget), [`Code`](crate::Code), condition operators, ...) from
/// text that is none of them.
///
/// `Display` is one line (`invalid policy kind `trus``); [`ParseValueError::help`] is the line a
/// renderer shows under it.
///
/// ```
/// use typed_iam_core::{ParseValueError, PolicyKind};
///
/// let error: ParseValueError = "trus".parse::<PolicyKind>().unwrap_err();
/// assert_eq!(error.to_string(), "invalid policy kind `trus`");
/// assert_eq!(error.suggestion.as_deref(), Some("trust"));
/// assert_eq!(error.help().as_deref(), Some("did you mean `trust`?"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseValueError {
    /// What was being parsed, in IAM's words: `effect`, `policy version`, `condition operator`.
    pub what: &'static str,
    /// The text that was given.
    pub text: String,
    /// The nearest valid spelling, if one is close.
    pub suggestion: Option<String>,
    /// Every valid spelling, when there are few enough to list in a help line (empty otherwise).
    pub known: &'static [&'static str],
}

impl ParseValueError {
    /// An error for `text`, with the nearest of `known` as its suggestion; `known` is listed in
    /// the help when nothing is close.
    pub(crate) fn new(what: &'static str, text: &str, known: &'static [&'static str]) -> Self {
        Self {
            what,
            text: text.to_owned(),
            suggestion: suggest(text, known.iter().copied()).map(str::to_owned),
            known,
        }
    }

    /// An error for `text` with a suggestion found elsewhere, and no list of spellings.
    pub(crate) fn with_suggestion(
        what: &'static str,
        text: &str,
        suggestion: Option<String>,
    ) -> Self {
        Self {
            what,
            text: text.to_owned(),
            suggestion,
            known: &[],
        }
    }

    /// The help line: "did you mean" the suggestion, or else the list of valid spellings;
    /// `None` when there is neither.
    ///
    /// ```
    /// use typed_iam_core::Effect;
    /// let error = "Permit".parse::<Effect>().unwrap_err();
    /// assert_eq!(error.help().as_deref(), Some("the effects are `Allow` and `Deny`"));
    /// ```
    #[must_use]
    pub fn help(&self) -> Option<String> {
        self.help_spelled(str::to_owned)
    }

    /// The help line with every name written by `spell`: the macro writes the size target
    /// `managed-policy` as the identifier `managed_policy`.
    ///
    /// ```
    /// use typed_iam_core::SizeTarget;
    /// let error = "role_inlin".parse::<SizeTarget>().unwrap_err();
    /// let help = error.help_spelled(|name| name.replace('-', "_"));
    /// assert_eq!(help.as_deref(), Some("did you mean `role_inline`?"));
    /// ```
    #[must_use]
    pub fn help_spelled(&self, spell: impl Fn(&str) -> String) -> Option<String> {
        if let Some(suggestion) = &self.suggestion {
            return Some(did_you_mean(&spell(suggestion)));
        }
        let names: Vec<String> = self
            .known
            .iter()
            .map(|name| format!("`{}`", spell(name)))
            .collect();
        let (last, rest) = names.split_last()?;
        let listed = if rest.is_empty() {
            last.clone()
        } else {
            format!("{} and {last}", rest.join(", "))
        };
        Some(format!("the {}s are {listed}", self.what))
    }
}

impl fmt::Display for ParseValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} `{}`", self.what, self.text)
    }
}

impl std::error::Error for ParseValueError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_the_spellings_when_nothing_is_close() {
        let error = ParseValueError::new("kind", "zzzzzz", &["one", "two", "three"]);
        assert_eq!(error.suggestion, None);
        assert_eq!(
            error.help().unwrap(),
            "the kinds are `one`, `two` and `three`"
        );
        let single = ParseValueError::new("kind", "zzzzzz", &["one"]);
        assert_eq!(single.help().unwrap(), "the kinds are `one`");
        let none = ParseValueError::with_suggestion("key", "zzzzzz", None);
        assert_eq!(none.help(), None);
    }

    #[test]
    fn display_is_one_line() {
        let error = ParseValueError::new("effect", "allow", &["Allow", "Deny"]);
        assert_eq!(error.to_string(), "invalid effect `allow`");
        assert_eq!(error.help().unwrap(), "did you mean `Allow`?");
    }
}
