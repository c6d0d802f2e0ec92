//! A small JSON parser that keeps the position of every value and of every object key.
//!
//! `serde_json` cannot do the job of the policy reader: it forgets positions, silently keeps the
//! last of two duplicate keys, turns numbers into floats (without the `arbitrary_precision`
//! feature, which would change it for every crate in a build) and sorts object keys (without
//! `preserve_order`). This parser keeps all of that and nothing more: a tree of [`Node`]s.
//!
//! It never panics, recurses at most [`MAX_DEPTH`] levels, and runs in time linear in the input:
//! columns are counted incrementally, in chars, from the last position asked for on the line.

use crate::diagnostic::{Location, Segment};

use super::Position;

/// The deepest nesting of arrays and objects accepted. Real policies nest 5 levels deep.
pub(crate) const MAX_DEPTH: usize = 128;

/// A JSON value with its position (the position of its first character).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub(crate) position: Position,
    pub(crate) value: Value,
}

/// A JSON value; numbers are kept as their text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

/// One member of an object, in the order written (duplicates kept: the reader reports them).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    pub(crate) key: String,
    pub(crate) key_position: Position,
    pub(crate) value: Node,
}

/// Invalid JSON: what is wrong, where, and the path of the value being read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SyntaxError {
    pub(crate) message: String,
    pub(crate) position: Position,
    /// The path from the innermost value outwards (pushed while the error unwinds).
    reversed_path: Vec<Segment>,
}

impl SyntaxError {
    pub(crate) fn location(&self) -> Location {
        self.reversed_path
            .iter()
            .rev()
            .fold(Location::root(), |location, segment| match segment {
                Segment::Index(index) => location.index(*index),
                Segment::Key(name) => location.key(name.clone()),
            })
    }

    fn within(mut self, segment: Segment) -> Self {
        self.reversed_path.push(segment);
        self
    }
}

impl Value {
    /// The name of the value's JSON type, with an article, for messages: "a number".
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "`null`",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Parses one JSON document (surrounding whitespace and a leading byte order mark allowed).
pub(crate) fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut parser = Parser::new(text);
    parser.skip_whitespace();
    if parser.at_end() {
        return Err(parser.error("expected a JSON value, found end of input".to_owned()));
    }
    let node = parser.value(0)?;
    parser.skip_whitespace();
    if !parser.at_end() {
        let found = parser.found();
        return Err(parser.error(format!(
            "expected end of input after the JSON value, found {found}"
        )));
    }
    Ok(node)
}

/// The position of byte `offset` in `text` (which must be a char boundary; otherwise the
/// position of the char that contains it).
pub(crate) fn position_at(text: &str, offset: usize) -> Position {
    let bytes = text.as_bytes();
    let offset = offset.min(bytes.len());
    let before = bytes.get(..offset).unwrap_or_default();
    let line = 1 + before.iter().filter(|&&byte| byte == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |newline| newline + 1);
    let column = 1 + count_chars(bytes.get(line_start..offset).unwrap_or_default());
    Position {
        line,
        column,
        offset,
    }
}

/// Whether `text` is exactly one JSON number (`-1.5e3`, not `+1`, `01` or `1.`).
pub(crate) fn is_number(text: &str) -> bool {
    let mut parser = Parser::new(text);
    matches!(parser.peek(), Some(b'-' | b'0'..=b'9')) && parser.number().is_ok() && parser.at_end()
}

fn count_chars(bytes: &[u8]) -> usize {
    // Every byte that is not a UTF-8 continuation byte (0b10xx_xxxx) starts a char.
    bytes.iter().filter(|&&byte| (byte & 0xC0) != 0x80).count()
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    offset: usize,
    line: usize,
    /// The byte offset and column of the last position computed on the current line.
    column_offset: usize,
    column: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        // A byte order mark is not JSON, but editors write it; it is not part of any column.
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Self {
            text,
            bytes: text.as_bytes(),
            offset: start,
            line: 1,
            column_offset: start,
            column: 1,
        }
    }

    fn at_end(&self) -> bool {
        self.offset >= self.bytes.len()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.offset).copied()
    }

    /// The position of the current offset.
    // INVARIANT: `offset >= column_offset`, and no newline lies between them: the parser only
    // moves forward, and `skip_whitespace` (the only place a newline may be crossed) resets
    // the column.
    fn position(&mut self) -> Position {
        let skipped = self
            .bytes
            .get(self.column_offset..self.offset)
            .unwrap_or_default();
        self.column += count_chars(skipped);
        self.column_offset = self.offset;
        Position {
            line: self.line,
            column: self.column,
            offset: self.offset,
        }
    }

    fn error(&mut self, message: String) -> SyntaxError {
        SyntaxError {
            message,
            position: self.position(),
            reversed_path: Vec::new(),
        }
    }

    /// What is at the current offset, for messages: "`}`", "end of input".
    fn found(&self) -> String {
        match self
            .text
            .get(self.offset..)
            .and_then(|rest| rest.chars().next())
        {
            None => "end of input".to_owned(),
            Some(c) if c.is_control() => format!("`{}`", c.escape_default()),
            Some(c) => format!("`{c}`"),
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(byte) = self.peek() {
            match byte {
                b' ' | b'\t' | b'\r' => self.offset += 1,
                b'\n' => {
                    self.offset += 1;
                    self.line += 1;
                    self.column = 1;
                    self.column_offset = self.offset;
                }
                _ => break,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        let position = self.position();
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            _ => {
                let found = self.found();
                return Err(self.error(format!("expected a JSON value, found {found}")));
            }
        };
        Ok(Node { position, value })
    }

    fn enter(&mut self, depth: usize) -> Result<(), SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(self.error(format!("JSON nesting is deeper than {MAX_DEPTH} levels")));
        }
        self.offset += 1; // `[` or `{`
        self.skip_whitespace();
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.enter(depth)?;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.offset += 1;
            return Ok(Value::Array(items));
        }
        loop {
            let index = items.len();
            let item = self
                .value(depth + 1)
                .map_err(|error| error.within(Segment::Index(index)))?;
            items.push(item);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.offset += 1;
                    self.skip_whitespace();
                }
                Some(b']') => {
                    self.offset += 1;
                    return Ok(Value::Array(items));
                }
                _ => {
                    let found = self.found();
                    return Err(self.error(format!(
                        "expected `,` or `]` after an array element, found {found}"
                    )));
                }
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.enter(depth)?;
        let mut members = Vec::new();
        if self.peek() == Some(b'}') {
            self.offset += 1;
            return Ok(Value::Object(members));
        }
        loop {
            if self.peek() != Some(b'"') {
                let found = self.found();
                return Err(self.error(format!(
                    "expected a member name in double quotes, found {found}"
                )));
            }
            let key_position = self.position();
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                let found = self.found();
                return Err(self
                    .error(format!("expected `:` after a member name, found {found}"))
                    .within(Segment::Key(key)));
            }
            self.offset += 1;
            self.skip_whitespace();
            let value = match self.value(depth + 1) {
                Ok(value) => value,
                Err(error) => return Err(error.within(Segment::Key(key))),
            };
            members.push(Member {
                key,
                key_position,
                value,
            });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.offset += 1;
                    self.skip_whitespace();
                }
                Some(b'}') => {
                    self.offset += 1;
                    return Ok(Value::Object(members));
                }
                _ => {
                    let found = self.found();
                    return Err(self.error(format!(
                        "expected `,` or `}}` after an object member, found {found}"
                    )));
                }
            }
        }
    }

    fn literal(&mut self, word: &'static str, value: Value) -> Result<Value, SyntaxError> {
        let end = self.offset + word.len();
        if self.bytes.get(self.offset..end) == Some(word.as_bytes()) {
            self.offset = end;
            Ok(value)
        } else {
            let found = self.found();
            Err(self.error(format!("expected a JSON value, found {found}")))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.offset;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.offset += 1;
        }
        self.offset - start
    }

    fn number(&mut self) -> Result<String, SyntaxError> {
        let start = self.offset;
        if self.peek() == Some(b'-') {
            self.offset += 1;
        }
        match self.peek() {
            Some(b'0') => self.offset += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => {
                let found = self.found();
                return Err(self.error(format!("expected a digit in a number, found {found}")));
            }
        }
        if self.peek() == Some(b'.') {
            self.offset += 1;
            if self.digits() == 0 {
                let found = self.found();
                return Err(self.error(format!(
                    "expected a digit after the decimal point, found {found}"
                )));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.offset += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.offset += 1;
            }
            if self.digits() == 0 {
                let found = self.found();
                return Err(self.error(format!("expected a digit in the exponent, found {found}")));
            }
        }
        // A number is ASCII, so this slice is on char boundaries.
        Ok(self
            .text
            .get(start..self.offset)
            .unwrap_or_default()
            .to_owned())
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.offset += 1; // `"`
        let mut out = String::new();
        let mut start = self.offset;
        loop {
            let Some(byte) = self.peek() else {
                return Err(self.error("unterminated string".to_owned()));
            };
            match byte {
                b'"' | b'\\' => {
                    // Both are ASCII, so `start..offset` is on char boundaries.
                    out.push_str(self.text.get(start..self.offset).unwrap_or_default());
                    self.offset += 1;
                    if byte == b'"' {
                        return Ok(out);
                    }
                    self.escape(&mut out)?;
                    start = self.offset;
                }
                0..=0x1F => {
                    let found = self.found();
                    return Err(self.error(format!(
                        "control character {found} in a string; write it as an escape such as `\\n`"
                    )));
                }
                _ => self.offset += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(byte) = self.peek() else {
            return Err(self.error("unterminated string".to_owned()));
        };
        let simple = match byte {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'/' => Some('/'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            b'u' => None,
            _ => {
                let found = self.found();
                return Err(self.error(format!("invalid escape {found} in a string")));
            }
        };
        if let Some(c) = simple {
            out.push(c);
            self.offset += 1;
            return Ok(());
        }
        self.offset += 1; // `u`
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.bytes.get(self.offset..self.offset + 2) != Some(b"\\u") {
                return Err(self.error(format!("unpaired surrogate `\\u{first:04X}` in a string")));
            }
            self.offset += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error(format!("unpaired surrogate `\\u{first:04X}` in a string")));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        match char::from_u32(code) {
            Some(c) => {
                out.push(c);
                Ok(())
            }
            None => Err(self.error(format!("unpaired surrogate `\\u{code:04X}` in a string"))),
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|byte| char::from(byte).to_digit(16));
            match digit {
                Some(digit) => {
                    code = code * 16 + digit;
                    self.offset += 1;
                }
                None => {
                    let found = self.found();
                    return Err(self.error(format!(
                        "expected a hexadecimal digit in a `\\u` escape, found {found}"
                    )));
                }
            }
        }
        Ok(code)
    }
}
