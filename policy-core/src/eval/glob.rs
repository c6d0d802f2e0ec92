//! Wildcard matching (`*` any run of characters, `?` exactly one) and policy variables
//! (rule 15 of the module docs).
//!
//! Policy variables, from the [variables page]: `${aws:username}` is replaced by the request's
//! value of that key; `${aws:PrincipalTag/team, 'none'}` falls back to the default when the
//! key is missing; `${*}`, `${?}` and `${$}` stand for a literal `*`, `?` and `$`. Variables
//! work only in policies of version `2012-10-17` ("If you don't include the Version element ...
//! variables such as `${aws:username}` aren't recognized as variables"), and only in `Resource`
//! and in the values of string and ARN condition operators. A key that is missing (with no
//! default) or that has several values leaves the value unresolved (the page: "If AWS cannot
//! resolve a variable, this might cause the entire statement to be invalid"; "you can't use a
//! multivalued context key as a policy variable"). Decided: an entry of `Resource` or
//! `NotResource` whose variable is unresolved matches nothing (the page's "Policy variables with
//! no value": the element "doesn't match"), so a `NotResource` statement still applies to other
//! resources; a negated condition operator with an unresolved value makes the statement not
//! apply (whether the request value differs cannot be known); a positive operator's unresolved
//! value matches nothing. iam-simulate differs on `NotResource`: its unresolved entry matches
//! the resources of its service (see the differential run in `benches/eval/`).
//!
//! A `*` or `?` that comes from a variable's value or from `${*}`/`${?}` is literal: it is
//! encoded as a private-use character ([`LITERAL_STAR`], [`LITERAL_QUESTION`]) that
//! [`glob`] compares with a plain `*` or `?` of the text.
//!
//! [variables page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html

use std::borrow::Cow;

use super::request::{ContextValue, Request};

/// A `*` that matches only a `*` of the text.
pub(crate) const LITERAL_STAR: char = '\u{E000}';
/// A `?` that matches only a `?` of the text.
pub(crate) const LITERAL_QUESTION: char = '\u{E001}';

/// The result of replacing the policy variables of an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Substituted<'t> {
    /// The text with its variables replaced (borrowed when it had none).
    Text(Cow<'t, str>),
    /// A variable could not be resolved: the element matches nothing.
    Unresolved(String),
}

/// Replaces the policy variables of `text` with the request's values. `pattern` tells whether
/// the result is a wildcard pattern (then `*`/`?` from values and escapes are made literal).
pub(crate) fn substitute<'t>(text: &'t str, request: &Request, pattern: bool) -> Substituted<'t> {
    // A byte search for `$` first: most texts have none, and it is cheaper than the
    // substring search.
    if !text.as_bytes().contains(&b'$') || !text.contains("${") {
        return Substituted::Text(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            // Not a variable: the text stays as written.
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let inner = &after[..end];
        rest = &after[end + 1..];
        match inner {
            "*" => out.push(if pattern { LITERAL_STAR } else { '*' }),
            "?" => out.push(if pattern { LITERAL_QUESTION } else { '?' }),
            "$" => out.push('$'),
            _ => {
                let (key, default) = match inner.split_once(',') {
                    Some((key, default)) => {
                        let default = default.trim();
                        let default = default
                            .strip_prefix('\'')
                            .and_then(|d| d.strip_suffix('\''))
                            .unwrap_or(default);
                        (key.trim(), Some(default))
                    }
                    None => (inner.trim(), None),
                };
                let value = match request.context_value(key) {
                    Some(ContextValue::Single(value)) => value.as_str(),
                    Some(ContextValue::Multi(_)) => return Substituted::Unresolved(key.to_owned()),
                    None => match default {
                        Some(default) => default,
                        None => return Substituted::Unresolved(key.to_owned()),
                    },
                };
                push_literal(&mut out, value, pattern);
            }
        }
    }
    out.push_str(rest);
    Substituted::Text(Cow::Owned(out))
}

fn push_literal(out: &mut String, value: &str, pattern: bool) {
    if !pattern {
        out.push_str(value);
        return;
    }
    for c in value.chars() {
        out.push(match c {
            '*' => LITERAL_STAR,
            '?' => LITERAL_QUESTION,
            other => other,
        });
    }
}

/// Replaces the literal markers of a substituted pattern by the characters they stand for.
pub(crate) fn unmark(text: &str) -> Cow<'_, str> {
    if text.contains([LITERAL_STAR, LITERAL_QUESTION]) {
        Cow::Owned(
            text.replace(LITERAL_STAR, "*")
                .replace(LITERAL_QUESTION, "?"),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `text` matches `pattern`: `*` matches any run of characters (`/` and `:` included),
/// `?` exactly one; [`LITERAL_STAR`]/[`LITERAL_QUESTION`] match a literal `*`/`?`. With
/// `ignore_case`, ASCII letters compare ignoring case.
pub(crate) fn glob(pattern: &str, text: &str, ignore_case: bool) -> bool {
    // Most patterns are plain ASCII text: one byte scan decides (the markers are not ASCII).
    if !pattern.bytes().any(|b| b == b'*' || b == b'?' || b >= 0x80) {
        return if ignore_case {
            pattern.eq_ignore_ascii_case(text)
        } else {
            pattern == text
        };
    }
    if pattern.is_ascii() && text.is_ascii() {
        return glob_slices(pattern.as_bytes(), text.as_bytes(), b'*', b'?', |a, b| {
            a == b || (ignore_case && a.eq_ignore_ascii_case(&b))
        });
    }
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    glob_slices(&pattern, &text, '*', '?', |a, b| {
        a == b
            || (ignore_case && a.eq_ignore_ascii_case(&b))
            || (a == LITERAL_STAR && b == '*')
            || (a == LITERAL_QUESTION && b == '?')
    })
}

/// The wildcard matcher over any slice of symbols (bytes for ASCII text, chars otherwise).
fn glob_slices<T: Copy + PartialEq>(
    pattern: &[T],
    text: &[T],
    star: T,
    question: T,
    same: impl Fn(T, T) -> bool,
) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut resume: Option<(usize, usize)> = None;
    while let Some(&symbol) = text.get(t) {
        match pattern.get(p) {
            Some(&c) if c == star => {
                resume = Some((p + 1, t));
                p += 1;
            }
            Some(&c) if c == question => {
                p += 1;
                t += 1;
            }
            Some(&c) if same(c, symbol) => {
                p += 1;
                t += 1;
            }
            _ => match resume {
                Some((after_star, covered)) => {
                    resume = Some((after_star, covered + 1));
                    p = after_star;
                    t = covered + 1;
                }
                None => return false,
            },
        }
    }
    pattern
        .get(p..)
        .unwrap_or_default()
        .iter()
        .all(|&c| c == star)
}

/// Splits an ARN (or ARN pattern) into its six fields; the sixth keeps any further `:`.
/// Returns the fields and how many there are (a pattern may have fewer than six).
pub(crate) fn arn_fields(text: &str) -> ([&str; 6], usize) {
    let mut fields = [""; 6];
    let mut count = 0;
    let mut start = 0;
    // The first five fields are short: scan them, never the resource part.
    for (index, byte) in text.bytes().enumerate() {
        if byte == b':' {
            fields[count] = text.get(start..index).unwrap_or_default();
            count += 1;
            start = index + 1;
            if count == 5 {
                break;
            }
        }
    }
    fields[count] = text.get(start..).unwrap_or_default();
    (fields, count + 1)
}

/// Whether a resource `arn` matches the policy's ARN `pattern` (rule 8): `*` and `?` match
/// within each of the six fields; the partition, service, region and account compare ignoring
/// case when `ignore_case_prefix` (the `Resource` element) and the resource part always
/// case-sensitively; a `*` that ends a pattern of fewer than six fields matches the rest of
/// the ARN, across `:` (the [resource page]: "If the `*` wildcard is the last character of a
/// resource ARN segment, it can expand to match beyond the colon boundaries").
///
/// [resource page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
pub(crate) fn arn_like(pattern: &str, arn: &str, ignore_case_prefix: bool) -> bool {
    arn_like_split(pattern, arn, arn_fields(arn), ignore_case_prefix)
}

/// [`arn_like`] with the ARN already split by [`arn_fields`].
pub(crate) fn arn_like_split(
    pattern: &str,
    arn: &str,
    (fields, field_count): ([&str; 6], usize),
    ignore_case_prefix: bool,
) -> bool {
    if pattern == "*" {
        return true;
    }
    if pattern == arn {
        return true;
    }
    if field_count < 6 {
        return glob(pattern, arn, false);
    }
    // Most patterns spell the ARN's first five fields out (`arn:aws:s3:::bucket/*`): when the
    // pattern starts with the ARN's `arn:partition:service:region:account:` (ignoring case, as
    // the `Resource` element compares them), each of those fields matches (a `*` or `?` in the
    // pattern would match itself too) and the six fields line up, so only the resource parts
    // are left to compare. This skips splitting the pattern and five wildcard scans: in a
    // profile of the in-process benchmark, `arn_fields` (13%) and `glob` (11%) were a quarter
    // of the time.
    let prefix = arn.len() - fields[5].len();
    if let (Some(head), Some(rest), Some(arn_head)) = (
        pattern.get(..prefix),
        pattern.get(prefix..),
        arn.get(..prefix),
    ) {
        let same_head = if ignore_case_prefix {
            head.eq_ignore_ascii_case(arn_head)
        } else {
            head == arn_head
        };
        if same_head {
            return glob(rest, fields[5], false);
        }
    }
    let (patterns, pattern_count) = arn_fields(pattern);
    for index in 0..6 {
        let part = patterns[index];
        let last = index + 1 == pattern_count;
        if last && pattern_count < 6 {
            if !part.ends_with('*') {
                return false;
            }
            // The rest of the ARN from this field on, `:` included.
            let offset: usize = fields[..index].iter().map(|f| f.len() + 1).sum();
            let rest = arn.get(offset..).unwrap_or_default();
            return glob(part, rest, ignore_case_prefix && index < 5);
        }
        let ignore_case = ignore_case_prefix && index < 5;
        if !glob(part, fields[index], ignore_case) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_cross_slashes_and_question_marks_take_one_char() {
        assert!(glob("eval-data/*", "eval-data/2026/a.jsonl", false));
        assert!(glob("a?c", "abc", false));
        assert!(!glob("a?c", "ac", false));
        assert!(!glob("ABC", "abc", false));
        assert!(glob("ABC", "abc", true));
        assert!(glob("x\u{E000}", "x*", false));
        assert!(!glob("x\u{E000}", "xy", false));
    }

    #[test]
    fn arn_fields_match_one_by_one() {
        let object = "arn:aws:s3:::eval-data/a/b.jsonl";
        assert!(arn_like("arn:aws:s3:::eval-data/*", object, true));
        assert!(arn_like("ARN:AWS:S3:::eval-data/*", object, true));
        assert!(!arn_like("arn:aws:s3:::EVAL-DATA/*", object, true));
        assert!(arn_like("arn:aws:s3:*", object, true));
        assert!(!arn_like("arn:aws:s3", object, true));
        // A `*` inside the region does not reach into the account.
        assert!(!arn_like(
            "arn:aws:kms:us-*:key/x",
            "arn:aws:kms:us-east-1:111122223333:key/x",
            true
        ));
        assert!(arn_like(
            "arn:aws:kms:us-*:*:key/x",
            "arn:aws:kms:us-east-1:111122223333:key/x",
            true
        ));
    }
}
