//! A small JSON parser that keeps the position of every value and of every object key.
//!
//! `serde_json` cannot do the job of the policy reader: it forgets positions, silently keeps the
//! last of two duplicate keys, turns numbers into floats (without the `arbitrary_precision`
//! feature, which would change it for every crate in a build) and sorts object keys (without
//! `preserve_order`). This parser keeps all of that and nothing more: a tree of [`Node`]s.
//!
//! It never panics, recurses at most [`MAX_DEPTH`] levels, and runs in time linear in the input:
//! columns are counted incrementally, in chars, from the last position asked for on the line.

use std::borrow::Cow;

use crate::diagnostic::{Location, Segment};

use super::Position;

/// The deepest nesting of arrays and objects accepted. Real policies nest 5 levels deep.
pub(crate) const MAX_DEPTH: usize = 128;

/// A parsed document: one flat list of entries in document order (a value, then its items or
/// members), each knowing how many entries its subtree spans. One allocation for the whole
/// document; strings stay in the text and are read (unescaped only when they have escapes)
/// when asked for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tape {
    entries: Vec<Entry>,
}

/// One value of a [`Tape`]: 56 bytes (documents are limited to 4 GiB, so 32 bits hold every
/// offset and count).
#[derive(Debug, Clone, Copy)]
struct Entry {
    kind: Kind,
    /// The position of the value's first character.
    position: Compact,
    /// The value's text: a string's contents (without quotes), a number.
    start: u32,
    end: u32,
    /// The items of an array, the members of an object.
    len: u32,
    /// The entries of this value's subtree, itself included.
    size: u32,
    /// When the value is an object member's: its key.
    key: Key,
}

const _: () = assert!(std::mem::size_of::<Entry>() <= 56);

/// A [`Position`] in 32-bit fields.
#[derive(Debug, Clone, Copy)]
struct Compact {
    line: u32,
    column: u32,
    offset: u32,
}

impl Compact {
    const START: Compact = Compact {
        line: 1,
        column: 1,
        offset: 0,
    };

    fn new(position: Position) -> Self {
        Self {
            line: small(position.line),
            column: small(position.column),
            offset: small(position.offset),
        }
    }

    fn get(self) -> Position {
        Position {
            line: self.line as usize,
            column: self.column as usize,
            offset: self.offset as usize,
        }
    }
}

/// `n` in 32 bits: [`parse`] refuses documents whose offsets would not fit.
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The largest document [`parse`] reads: 4 GiB less a byte, so that every offset fits in 32
/// bits. (Policies are at most some tens of KB.)
const MAX_LEN: usize = u32::MAX as usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Null,
    True,
    False,
    Number,
    String,
    /// A string with at least one escape (decoded when read).
    EscapedString,
    Array,
    Object,
}

/// An object member's key: its text (without quotes), whether it has escapes, its position.
#[derive(Debug, Clone, Copy)]
struct Key {
    start: u32,
    end: u32,
    escaped: bool,
    position: Compact,
}

/// The entry read in place of a missing one (never reached: indexes come from the tape).
const NULL_ENTRY: Entry = Entry {
    kind: Kind::Null,
    position: Compact::START,
    start: 0,
    end: 0,
    len: 0,
    size: 1,
    key: Key {
        start: 0,
        end: 0,
        escaped: false,
        position: Compact::START,
    },
};

impl Tape {
    /// The document's value, read against `text` (the text the tape was parsed from).
    pub(crate) fn root<'t>(&'t self, text: &'t str) -> Node<'t> {
        Node {
            text,
            entries: &self.entries,
            index: 0,
        }
    }
}

/// A JSON value of a [`Tape`], with its position; cheap to copy.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node<'t> {
    text: &'t str,
    entries: &'t [Entry],
    index: usize,
}

/// A JSON value; numbers are kept as their text.
#[derive(Debug, Clone)]
pub(crate) enum Value<'t> {
    Null,
    Bool(bool),
    Number(&'t str),
    String(Cow<'t, str>),
    Array(Items<'t>),
    Object(Members<'t>),
}

/// The items of an array, in order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Items<'t> {
    text: &'t str,
    entries: &'t [Entry],
    next: usize,
    remaining: usize,
    /// Whether every item is a single entry (no array or object among them): item `n` is
    /// then `n` entries on, and [`Iterator::nth`] jumps there.
    flat: bool,
}

/// The members of an object, in the order written (duplicates kept: the reader reports them).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Members<'t> {
    items: Items<'t>,
}

/// One member of an object.
#[derive(Debug, Clone)]
pub(crate) struct Member<'t> {
    pub(crate) key: Cow<'t, str>,
    pub(crate) key_position: Position,
    pub(crate) value: Node<'t>,
}

impl<'t> Node<'t> {
    fn entry(&self) -> &'t Entry {
        self.entries.get(self.index).unwrap_or(&NULL_ENTRY)
    }

    /// The position of the value's first character.
    pub(crate) fn position(&self) -> Position {
        self.entry().position.get()
    }

    /// The value.
    pub(crate) fn value(&self) -> Value<'t> {
        let entry = self.entry();
        let raw = || {
            self.text
                .get(entry.start as usize..entry.end as usize)
                .unwrap_or_default()
        };
        match entry.kind {
            Kind::Null => Value::Null,
            Kind::True => Value::Bool(true),
            Kind::False => Value::Bool(false),
            Kind::Number => Value::Number(raw()),
            Kind::String => Value::String(Cow::Borrowed(raw())),
            Kind::EscapedString => Value::String(decode(self.text, entry.start as usize)),
            Kind::Array => Value::Array(self.items()),
            Kind::Object => Value::Object(Members {
                items: self.items(),
            }),
        }
    }

    fn items(&self) -> Items<'t> {
        let entry = self.entry();
        Items {
            text: self.text,
            entries: self.entries,
            next: self.index + 1,
            remaining: entry.len as usize,
            flat: entry.size == entry.len + 1,
        }
    }
}

impl<'t> Iterator for Items<'t> {
    type Item = Node<'t>;

    fn next(&mut self) -> Option<Node<'t>> {
        if self.remaining == 0 {
            return None;
        }
        let node = Node {
            text: self.text,
            entries: self.entries,
            index: self.next,
        };
        self.next += node.entry().size.max(1) as usize;
        self.remaining -= 1;
        Some(node)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }

    fn nth(&mut self, n: usize) -> Option<Node<'t>> {
        if self.flat {
            if n >= self.remaining {
                self.remaining = 0;
                return None;
            }
            self.next += n;
            self.remaining -= n;
        } else {
            for _ in 0..n {
                self.next()?;
            }
        }
        self.next()
    }
}

impl ExactSizeIterator for Items<'_> {}

impl<'t> Iterator for Members<'t> {
    type Item = Member<'t>;

    fn next(&mut self) -> Option<Member<'t>> {
        let value = self.items.next()?;
        let key = value.entry().key;
        let text = value.text;
        Some(Member {
            key: if key.escaped {
                decode(text, key.start as usize)
            } else {
                Cow::Borrowed(
                    text.get(key.start as usize..key.end as usize)
                        .unwrap_or_default(),
                )
            },
            key_position: key.position.get(),
            value,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.items.size_hint()
    }
}

impl ExactSizeIterator for Members<'_> {}

/// The string whose contents start at `start` in `text` (just after its opening quote),
/// unescaped. The parser has checked it, so it cannot fail; if it did, it would read as empty.
fn decode(text: &str, start: usize) -> Cow<'_, str> {
    let mut parser = Parser::new(text);
    parser.offset = start.saturating_sub(1);
    parser.column_offset = parser.offset;
    Cow::Owned(parser.string().unwrap_or_default())
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

impl Value<'_> {
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
/// Read it with [`Tape::root`] and the same text.
pub(crate) fn parse(text: &str) -> Result<Tape, SyntaxError> {
    let mut parser = Parser::new(text);
    parser.ascii = text.is_ascii();
    if text.len() > MAX_LEN {
        return Err(parser.error(format!(
            "the document has {} bytes, more than the {MAX_LEN} a policy document may have",
            text.len()
        )));
    }
    parser.skip_whitespace();
    if parser.at_end() {
        return Err(parser.error("expected a JSON value, found end of input".to_owned()));
    }
    // About one value per 32 bytes of a typical policy: one allocation, rarely regrown.
    parser.entries.reserve(text.len() / 32 + 4);
    parser.value(0)?;
    parser.skip_whitespace();
    if !parser.at_end() {
        let found = parser.found();
        return Err(parser.error(format!(
            "expected end of input after the JSON value, found {found}"
        )));
    }
    Ok(Tape {
        entries: parser.entries,
    })
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
    /// The tape being written.
    entries: Vec<Entry>,
    /// Whether the whole text is known to be ASCII (most policies are; [`parse`] checks it
    /// once): a column is then a byte count.
    ascii: bool,
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
            entries: Vec::new(),
            ascii: false,
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
        self.column += if self.ascii {
            self.offset - self.column_offset
        } else {
            count_chars(
                self.bytes
                    .get(self.column_offset..self.offset)
                    .unwrap_or_default(),
            )
        };
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

    /// Parses one value onto the tape; returns the index of its entry.
    fn value(&mut self, depth: usize) -> Result<usize, SyntaxError> {
        let position = self.position();
        let index = self.entries.len();
        self.entries.push(Entry {
            position: Compact::new(position),
            ..NULL_ENTRY
        });
        let (kind, start, end, len) = match self.peek() {
            Some(b'{') => (Kind::Object, 0, 0, self.object(depth)?),
            Some(b'[') => (Kind::Array, 0, 0, self.array(depth)?),
            Some(b'"') => {
                let (start, end, escaped) = self.scan_string()?;
                let kind = if escaped {
                    Kind::EscapedString
                } else {
                    Kind::String
                };
                (kind, start, end, 0)
            }
            Some(b'-' | b'0'..=b'9') => {
                let start = self.offset;
                self.number()?;
                (Kind::Number, start, self.offset, 0)
            }
            Some(b't') => (self.literal("true", Kind::True)?, 0, 0, 0),
            Some(b'f') => (self.literal("false", Kind::False)?, 0, 0, 0),
            Some(b'n') => (self.literal("null", Kind::Null)?, 0, 0, 0),
            _ => {
                let found = self.found();
                return Err(self.error(format!("expected a JSON value, found {found}")));
            }
        };
        let size = self.entries.len() - index;
        if let Some(entry) = self.entries.get_mut(index) {
            entry.kind = kind;
            entry.start = small(start);
            entry.end = small(end);
            entry.len = small(len);
            entry.size = small(size);
        }
        Ok(index)
    }

    /// Scans a string: the range of its contents and whether it has escapes (checked, not
    /// decoded).
    fn scan_string(&mut self) -> Result<(usize, usize, bool), SyntaxError> {
        let start = self.offset + 1;
        let end = start + super::plain_run(self.bytes.get(start..).unwrap_or_default()).0;
        if self.bytes.get(end) == Some(&b'"') {
            self.offset = end + 1;
            return Ok((start, end, false));
        }
        // An escape, a control character or the end of input: the full reader says which.
        self.string()?;
        Ok((start, self.offset - 1, true))
    }

    fn enter(&mut self, depth: usize) -> Result<(), SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(self.error(format!("JSON nesting is deeper than {MAX_DEPTH} levels")));
        }
        self.offset += 1; // `[` or `{`
        self.skip_whitespace();
        Ok(())
    }

    /// Parses an array's items onto the tape; returns how many there are.
    fn array(&mut self, depth: usize) -> Result<usize, SyntaxError> {
        self.enter(depth)?;
        let mut items = 0;
        if self.peek() == Some(b']') {
            self.offset += 1;
            return Ok(items);
        }
        loop {
            let index = items;
            self.value(depth + 1)
                .map_err(|error| error.within(Segment::Index(index)))?;
            items += 1;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.offset += 1;
                    self.skip_whitespace();
                }
                Some(b']') => {
                    self.offset += 1;
                    return Ok(items);
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

    /// Parses an object's members onto the tape; returns how many there are.
    fn object(&mut self, depth: usize) -> Result<usize, SyntaxError> {
        self.enter(depth)?;
        let mut members = 0;
        if self.peek() == Some(b'}') {
            self.offset += 1;
            return Ok(members);
        }
        loop {
            if self.peek() != Some(b'"') {
                let found = self.found();
                return Err(self.error(format!(
                    "expected a member name in double quotes, found {found}"
                )));
            }
            let key_position = self.position();
            let (key_start, key_end, escaped) = self.scan_string()?;
            let key = Key {
                start: small(key_start),
                end: small(key_end),
                escaped,
                position: Compact::new(key_position),
            };
            let key_name = |parser: &Self| {
                if escaped {
                    decode(parser.text, key_start).into_owned()
                } else {
                    parser
                        .text
                        .get(key_start..key_end)
                        .unwrap_or_default()
                        .to_owned()
                }
            };
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                let found = self.found();
                let name = key_name(self);
                return Err(self
                    .error(format!("expected `:` after a member name, found {found}"))
                    .within(Segment::Key(name)));
            }
            self.offset += 1;
            self.skip_whitespace();
            let value = match self.value(depth + 1) {
                Ok(value) => value,
                Err(error) => return Err(error.within(Segment::Key(key_name(self)))),
            };
            if let Some(entry) = self.entries.get_mut(value) {
                entry.key = key;
            }
            members += 1;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.offset += 1;
                    self.skip_whitespace();
                }
                Some(b'}') => {
                    self.offset += 1;
                    return Ok(members);
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

    fn literal(&mut self, word: &'static str, value: Kind) -> Result<Kind, SyntaxError> {
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

    fn number(&mut self) -> Result<&'a str, SyntaxError> {
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
        Ok(self.text.get(start..self.offset).unwrap_or_default())
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
