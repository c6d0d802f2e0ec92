//! Why a text is not a policy: every problem the reader found, with its position.

use std::fmt;

use super::Position;
use crate::diagnostic::Diagnostic;

/// Why a text is not a policy (or statement): every problem the reader found, each with a
/// path and a position.
///
/// The reader collects as many problems as it can in one pass (wrong types, unknown elements,
/// duplicate keys, ... in every statement); invalid JSON stops it at the first syntax error.
///
/// ```
/// use typed_iam_core::{Code, Policy};
/// let error = Policy::from_json(r#"{"Statement": [{"Effect": "Allow", "Resources": "*"}]}"#)
///     .err()
///     .ok_or("expected an error")?;
/// let diagnostic = &error.diagnostics()[0];
/// assert_eq!(diagnostic.code, Code::UnknownElement);
/// assert_eq!(diagnostic.location.to_string(), "Statement[0].Resources");
/// assert_eq!(diagnostic.help.as_deref(), Some("did you mean `Resource`?"));
/// assert_eq!(
///     error.to_string(),
///     "unknown element `Resources` in statement at line 1, column 36 (Statement[0].Resources) [unknown-element]"
/// );
/// # Ok::<(), &str>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseError {
    diagnostics: Vec<Diagnostic>,
    positions: Vec<Option<Position>>,
}

impl ParseError {
    pub(crate) fn new(mut entries: Vec<(Diagnostic, Option<Position>)>) -> Self {
        // Document order; a diagnostic without a position (none today) goes last.
        entries.sort_by_key(|(_, position)| position.map_or(usize::MAX, |p| p.offset));
        let (diagnostics, positions) = entries.into_iter().unzip();
        Self {
            diagnostics,
            positions,
        }
    }

    /// The problems found, in document order. Every one is an error.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The problems with their positions in the text.
    pub fn positioned(&self) -> impl Iterator<Item = (&Diagnostic, Option<Position>)> + '_ {
        self.diagnostics.iter().zip(self.positions.iter().copied())
    }

    /// The problems, without positions.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

impl fmt::Display for ParseError {
    /// One line: the first problem, its code and place, and how many more there are. Every
    /// problem, with its help, is in [`ParseError::diagnostics`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((first, position)) = self.positioned().next() else {
            return f.write_str("the text is not a policy");
        };
        write!(f, "{}", first.message)?;
        if let Some(position) = position {
            write!(f, " at {position}")?;
        }
        if !first.location.segments().is_empty() {
            write!(f, " ({})", first.location)?;
        }
        write!(f, " [{}]", first.code)?;
        match self.diagnostics.len() {
            1 => Ok(()),
            2 => f.write_str(", and 1 more problem"),
            count => write!(f, ", and {} more problems", count - 1),
        }
    }
}

impl std::error::Error for ParseError {}
