//! Exact IAM JSON: a reader that keeps positions and reports every problem with a path and a
//! line:column, and a writer that gives back the same JSON value.
//!
//! Reading then writing a policy keeps string-vs-array shapes, the order of statements, actions,
//! resources, condition operators and keys, principal kinds, the case of actions, and numbers in
//! conditions exactly as written. Output keys come in the canonical order (`Version`, `Id`,
//! `Statement`; `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`,
//! `NotResource`, `Condition`).
//!
//! The reader reports only what the model cannot represent (invalid JSON, duplicate keys, wrong
//! types, unknown elements, a missing `Effect` or `Statement`, an invalid `Version` or `Effect`,
//! and elements that exclude each other); every other rule is the validator's
//! ([`crate::validate()`]).
//!
//! ```
//! use typed_iam_core::json;
//! let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}\n}";
//! let parsed = json::parse_policy(text);
//! let (policy, source_map) = (parsed.value?, parsed.source_map);
//! assert_eq!(policy.to_json(), r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#);
//! // `Statement[0].Action[0]` designates the single action string.
//! let location = typed_iam_core::Location::root().key("Statement").index(0).key("Action").index(0);
//! let position = source_map.position(&location).ok_or("no position")?;
//! assert_eq!((position.line, position.column), (3, 46));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod error;
mod read;
#[cfg(feature = "serde")]
mod serde_impls;
mod tree;
mod write;

pub(crate) use write::compact_chars;

use std::fmt;

use crate::diagnostic::{Diagnostic, Location, Segment};
use crate::model::{Policy, Statement};
use error::ParseError;

/// A place in the source text: 1-based line and column (counted in chars), and byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column in chars (not bytes), from 1.
    pub column: usize,
    /// The byte offset from the start of the text, from 0.
    pub offset: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// Maps [`Location`]s (paths in a policy, as diagnostics carry them) back to positions in the
/// text that was read.
///
/// The mapping follows the rules documented on [`Location`]: an index into a value written as a
/// single item designates that item (`Action[0]` for `"Action": "s3:GetObject"`, `Statement[0]`
/// for a single statement object); a path that ends with a member name designates that member's
/// key; any other path designates the value; the empty path designates the document (its first
/// value). When a statement was read on its own ([`parse_statement`]), paths may start with
/// `Statement[0]` (as for a policy made of that statement) or directly at the statement.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    /// The document's text (keys are read from it) and its parsed tape; no tape when the text
    /// is not JSON.
    text: String,
    tape: Option<tree::Tape>,
    fragment: bool,
}

impl SourceMap {
    /// The position of `location`, or `None` when the path does not exist in the text (or the
    /// text was not valid JSON).
    ///
    /// ```
    /// use typed_iam_core::{json, Location};
    /// let map = json::parse_policy("{\"Statement\": [\n  {\"Effect\": \"Allow\"}]}").source_map;
    /// let effect = Location::root().key("Statement").index(0).key("Effect");
    /// let position = map.position(&effect).ok_or("no position")?;
    /// assert_eq!((position.line, position.column), (2, 4));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn position(&self, location: &Location) -> Option<Position> {
        let root = self.tape.as_ref()?.root(&self.text);
        let mut segments = location.segments();
        if self.fragment {
            if let [Segment::Key(statement), Segment::Index(0), rest @ ..] = segments {
                if statement == "Statement" {
                    segments = rest;
                }
            }
        }
        let mut node = root;
        let mut position = root.position();
        for (index, segment) in segments.iter().enumerate() {
            let last = index + 1 == segments.len();
            match (segment, node.value()) {
                (Segment::Key(name), tree::Value::Object(mut members)) => {
                    let member = members.find(|member| member.key == name.as_str())?;
                    position = if last {
                        member.key_position
                    } else {
                        member.value.position()
                    };
                    node = member.value;
                }
                (Segment::Index(item), tree::Value::Array(mut items)) => {
                    node = items.nth(*item)?;
                    position = node.position();
                }
                // A single item written in place of an array is item 0.
                (Segment::Index(0), _) => position = node.position(),
                _ => return None,
            }
        }
        Some(position)
    }
}

/// What reading a text gives: the value or why the text is not one, and the [`SourceMap`]
/// that maps any diagnostic's location (the reader's or the validator's) to a line and column.
///
/// The source map is useful even when reading fails: it maps whatever was valid JSON.
#[derive(Debug, Clone)]
#[must_use = "the value, or the reason the text is not one, is in `value`"]
pub struct Parsed<T> {
    /// The value, or every problem the reader found.
    pub value: Result<T, ParseError>,
    /// Positions of the text's elements.
    pub source_map: SourceMap,
}

/// Reads a policy, and returns with it the [`SourceMap`] that maps any diagnostic's location
/// (the reader's or the validator's) to a line and column.
///
/// The source map is useful even when reading fails: it maps whatever was valid JSON.
///
/// ```
/// let parsed = typed_iam_core::json::parse_policy(r#"{"Statement": []}"#);
/// assert!(parsed.value?.statements().is_empty());
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
pub fn parse_policy(text: &str) -> Parsed<Policy> {
    parse_with(text, false, read::policy, true)
}

/// Reads one statement (a policy fragment: `{"Effect": ..., "Action": ...}`), with its
/// [`SourceMap`]. Diagnostic paths start at the statement (`Action[0]`).
///
/// ```
/// let parsed = typed_iam_core::json::parse_statement(r#"{"Effect": "Deny", "Action": "*"}"#);
/// assert_eq!(parsed.value?.effect(), typed_iam_core::Effect::Deny);
/// # Ok::<(), typed_iam_core::ParseError>(())
/// ```
pub fn parse_statement(text: &str) -> Parsed<Statement> {
    parse_with(text, true, read::statement, true)
}

fn parse_with<T>(
    text: &str,
    fragment: bool,
    convert: fn(&tree::Node<'_>) -> Result<T, read::Found>,
    keep_map: bool,
) -> Parsed<T> {
    match tree::parse(text) {
        Ok(tape) => {
            let result = convert(&tape.root(text)).map_err(ParseError::new);
            let map = if keep_map {
                SourceMap {
                    text: text.to_owned(),
                    tape: Some(tape),
                    fragment,
                }
            } else {
                SourceMap::default()
            };
            Parsed {
                value: result,
                source_map: map,
            }
        }
        Err(error) => {
            let diagnostic = Diagnostic::new(
                crate::Code::InvalidJson,
                error.location(),
                error.message.clone(),
            );
            let map = SourceMap {
                text: String::new(),
                tape: None,
                fragment,
            };
            Parsed {
                value: Err(ParseError::new(vec![(diagnostic, Some(error.position))])),
                source_map: map,
            }
        }
    }
}

/// Appends `text` to `out` as a JSON string, escaped as the policy writer (and `serde_json`)
/// escape: `"`, `\\` and control characters; everything else as is. For tools that write
/// JSON of their own around policy text.
///
/// ```
/// let mut out = String::new();
/// typed_iam_core::json::push_string(&mut out, "say \"hi\"\n");
/// assert_eq!(out, r#""say \"hi\"\n""#);
/// ```
pub fn push_string(out: &mut String, text: &str) {
    write::string(out, text);
}

/// The length of the plain start of a JSON string's contents (the bytes before the first `"`,
/// `\\` or control character, which end or interrupt plain text; `bytes.len()` when there is
/// none), and whether that start is ASCII. Eight bytes at a time: the parser and the writer
/// spend much of their time on such runs.
pub(crate) fn plain_run(bytes: &[u8]) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `word` that is zero. The lowest one marked is always a
    // true zero (a borrow only runs upwards, from a true zero), which is all this needs.
    fn zeros(word: u64) -> u64 {
        word.wrapping_sub(ONES) & !word & HIGH
    }
    let mut start = 0;
    let mut high = 0;
    loop {
        let (word, len) = match bytes.get(start..start + 8) {
            Some(chunk) => {
                let mut word = [0; 8];
                word.copy_from_slice(chunk);
                (word, 8)
            }
            None => {
                // The short last word, padded with a plain byte (a byte loop: a copy of
                // variable length would be a call).
                let rest = bytes.get(start..).unwrap_or_default();
                let mut word = [b'x'; 8];
                for (slot, &byte) in word.iter_mut().zip(rest) {
                    *slot = byte;
                }
                (word, rest.len())
            }
        };
        let word = u64::from_le_bytes(word);
        // Bytes below 0x20 (`zeros` of the word less 0x20 in each byte), `"` and `\\`.
        let special = (word.wrapping_sub(ONES * 0x20) & !word & HIGH)
            | zeros(word ^ (ONES * u64::from(b'"')))
            | zeros(word ^ (ONES * u64::from(b'\\')));
        if special != 0 {
            let at = (special.trailing_zeros() / 8) as usize;
            let before = HIGH & ((1u64 << (8 * at)) - 1);
            high |= word & before;
            return (start + at, high == 0);
        }
        high |= word & HIGH;
        if len < 8 {
            return (start + len, high == 0);
        }
        start += 8;
    }
}

fn invalid_utf8(bytes: &[u8], error: std::str::Utf8Error) -> ParseError {
    let valid = error.valid_up_to();
    let prefix = std::str::from_utf8(bytes.get(..valid).unwrap_or_default()).unwrap_or_default();
    let position = tree::position_at(prefix, valid);
    let diagnostic = Diagnostic::new(
        crate::Code::InvalidJson,
        Location::root(),
        format!("invalid UTF-8 at byte {valid}"),
    )
    .with_help("IAM policies are UTF-8 text; save the file as UTF-8");
    ParseError::new(vec![(diagnostic, Some(position))])
}

impl Policy {
    /// Reads a policy from IAM JSON, keeping its exact shape.
    ///
    /// ```
    /// let policy = typed_iam_core::Policy::from_json(r#"{"Version":"2012-10-17","Statement":[]}"#)?;
    /// assert!(policy.statements().is_empty());
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    ///
    /// # Errors
    /// [`ParseError`] with a path and line:column for each problem when the text is not an IAM
    /// policy. Rules that the model can represent (an empty action list, an unknown action) are
    /// not checked here but by [`crate::validate()`].
    pub fn from_json(text: &str) -> Result<Policy, ParseError> {
        parse_with(text, false, read::policy, false).value
    }

    /// Reads a policy from UTF-8 bytes, as [`Policy::from_json`].
    ///
    /// ```
    /// let error = typed_iam_core::Policy::from_slice(b"{\"Id\": \"\xff\"}").err().ok_or("no error")?;
    /// assert_eq!(error.diagnostics()[0].code, typed_iam_core::Code::InvalidJson);
    /// # Ok::<(), &str>(())
    /// ```
    ///
    /// # Errors
    /// As [`Policy::from_json`]; invalid UTF-8 is an `invalid-json` error.
    pub fn from_slice(bytes: &[u8]) -> Result<Policy, ParseError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Policy::from_json(text),
            Err(error) => Err(invalid_utf8(bytes, error)),
        }
    }

    /// The policy as compact JSON (no whitespace), in the canonical key order. This is the
    /// form AWS's size limits count.
    ///
    /// ```
    /// use typed_iam_core::Policy;
    /// let policy = Policy::from_json(r#"{
    ///     "Version": "2012-10-17",
    ///     "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]
    /// }"#)?;
    /// assert_eq!(
    ///     policy.to_json(),
    ///     r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
    /// );
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        write::policy(self, false)
    }

    /// The policy as pretty JSON: two-space indentation, canonical key order, no trailing
    /// newline. The same text as `serde_json::to_string_pretty` and `Display`.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        write::policy(self, true)
    }
}

impl Statement {
    /// Reads one statement (a policy fragment) from JSON.
    ///
    /// ```
    /// let statement = typed_iam_core::Statement::from_json(r#"{"Effect": "Allow", "Action": ["kms:Decrypt"]}"#)?;
    /// assert_eq!(statement.to_json(), r#"{"Effect":"Allow","Action":["kms:Decrypt"]}"#);
    /// # Ok::<(), typed_iam_core::ParseError>(())
    /// ```
    ///
    /// # Errors
    /// [`ParseError`] as [`Policy::from_json`], with paths from the statement (`Action[0]`).
    pub fn from_json(text: &str) -> Result<Statement, ParseError> {
        parse_with(text, true, read::statement, false).value
    }

    /// The statement as compact JSON, in the canonical key order.
    #[must_use]
    pub fn to_json(&self) -> String {
        write::statement(self, false)
    }

    /// The statement as pretty JSON (two-space indentation, no trailing newline).
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        write::statement(self, true)
    }
}

#[cfg(test)]
mod tests;
