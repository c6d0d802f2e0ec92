//! The JSON writer: compact or pretty (two spaces, as `serde_json`'s pretty printer), keys in the
//! canonical order, shapes and numbers as the model holds them.

use crate::model::{
    Condition, ConditionValue, OneOrMany, Policy, Principal, Principals, Statement,
};

/// A policy as JSON text.
pub(super) fn policy(policy: &Policy, pretty: bool) -> String {
    let mut writer = Writer::new(String::new(), pretty);
    writer.policy(policy);
    writer.out
}

/// The number of chars of a policy's compact JSON, counted as the writer writes it, without
/// building the text.
pub(crate) fn compact_chars(policy: &Policy) -> usize {
    let mut writer = Writer::new(CharCount(0), false);
    writer.policy(policy);
    writer.out.0
}

/// A statement as JSON text.
pub(super) fn statement(statement: &Statement, pretty: bool) -> String {
    let mut writer = Writer::new(String::new(), pretty);
    writer.statement(statement);
    writer.out
}

/// Where the writer writes: a `String`, or a count of the chars it would hold.
pub(super) trait Out {
    fn push_str(&mut self, text: &str);
    fn push(&mut self, c: char);

    /// `text`, which is ASCII and needs no escape, in quotes.
    fn push_quoted(&mut self, text: &str) {
        self.push('"');
        self.push_str(text);
        self.push('"');
    }
}

impl Out for String {
    fn push_str(&mut self, text: &str) {
        String::push_str(self, text);
    }

    fn push(&mut self, c: char) {
        String::push(self, c);
    }
}

/// Counts chars instead of keeping them.
struct CharCount(usize);

impl Out for CharCount {
    fn push_str(&mut self, text: &str) {
        self.0 += if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
    }

    fn push(&mut self, _: char) {
        self.0 += 1;
    }

    fn push_quoted(&mut self, text: &str) {
        self.0 += 2 + text.len();
    }
}

/// Writes `text` as a JSON string, escaping as `serde_json` does (quote, backslash and control
/// characters; everything else as is).
pub(super) fn string(out: &mut impl Out, text: &str) {
    // Most strings need no escape: one pass to see that, then one copy.
    // Most strings are ASCII and need no escape: one pass to see that, then one copy.
    if super::plain_run(text.as_bytes()) == (text.len(), true) {
        out.push_quoted(text);
        return;
    }
    out.push('"');
    let mut start = 0;
    for (index, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => continue,
        };
        // `index` is an ASCII byte, so both slices are on char boundaries.
        out.push_str(text.get(start..index).unwrap_or_default());
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        } else {
            out.push_str(escape);
        }
        start = index + 1;
    }
    out.push_str(text.get(start..).unwrap_or_default());
    out.push('"');
}

struct Writer<O> {
    out: O,
    pretty: bool,
    depth: usize,
    /// Whether nothing was written yet in the innermost open array or object.
    empty: bool,
}

impl<O: Out> Writer<O> {
    fn new(out: O, pretty: bool) -> Self {
        Self {
            out,
            pretty,
            depth: 0,
            empty: true,
        }
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth = self.depth.saturating_sub(1);
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    /// Starts an array element.
    fn element(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.newline();
        self.empty = false;
    }

    /// Starts an object member.
    fn key(&mut self, key: &str) {
        self.element();
        string(&mut self.out, key);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
    }

    fn string(&mut self, text: &str) {
        string(&mut self.out, text);
    }

    fn one_or_many<T>(&mut self, items: &OneOrMany<T>, mut item: impl FnMut(&mut Self, &T)) {
        match items.items() {
            [single] if items.is_single() => item(self, single),
            all => {
                self.open('[');
                for value in all {
                    self.element();
                    item(self, value);
                }
                self.close(']');
            }
        }
    }

    fn policy(&mut self, policy: &Policy) {
        self.open('{');
        if let Some(version) = policy.version() {
            self.key("Version");
            self.string(version.as_str());
        }
        if let Some(id) = policy.id() {
            self.key("Id");
            self.string(id);
        }
        self.key("Statement");
        self.one_or_many(policy.statement_list(), Writer::statement);
        self.close('}');
    }

    fn statement(&mut self, statement: &Statement) {
        self.open('{');
        if let Some(sid) = statement.sid() {
            self.key("Sid");
            self.string(sid);
        }
        self.key("Effect");
        self.string(statement.effect().as_str());
        if let Some(principals) = statement.principal() {
            self.key(match principals {
                Principals::Principal(_) => "Principal",
                Principals::NotPrincipal(_) => "NotPrincipal",
            });
            self.principal(principals.principal());
        }
        if let Some(actions) = statement.action() {
            self.key(if actions.is_negated() {
                "NotAction"
            } else {
                "Action"
            });
            self.one_or_many(actions.items(), |writer, action| {
                writer.string(action.as_str());
            });
        }
        if let Some(resources) = statement.resource() {
            self.key(if resources.is_negated() {
                "NotResource"
            } else {
                "Resource"
            });
            self.one_or_many(resources.items(), |writer, resource| {
                writer.string(resource.as_str());
            });
        }
        if let Some(condition) = statement.condition() {
            self.key("Condition");
            self.condition(condition);
        }
        self.close('}');
    }

    fn principal(&mut self, principal: &Principal) {
        match principal {
            Principal::Wildcard => self.string("*"),
            Principal::Map(kinds) => {
                self.open('{');
                for (kind, values) in kinds {
                    self.key(kind.as_str());
                    self.one_or_many(values, |writer, value| writer.string(value));
                }
                self.close('}');
            }
        }
    }

    fn condition(&mut self, condition: &Condition) {
        self.open('{');
        for block in condition.blocks() {
            self.key(block.operator().as_str());
            self.open('{');
            for entry in block.entries() {
                self.key(entry.key());
                self.one_or_many(entry.values(), Writer::condition_value);
            }
            self.close('}');
        }
        self.close('}');
    }

    fn condition_value(&mut self, value: &ConditionValue) {
        match value {
            ConditionValue::String(text) => self.string(text),
            ConditionValue::Number(text) if super::tree::is_number(text) => self.out.push_str(text),
            // Text that is not a JSON number (only a hand-made model can hold it) is written as a
            // string so that the output stays JSON; the validator reports the value.
            ConditionValue::Number(text) => self.string(text),
            ConditionValue::Bool(true) => self.out.push_str("true"),
            ConditionValue::Bool(false) => self.out.push_str("false"),
        }
    }
}
