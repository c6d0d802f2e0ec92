//! ARN matching: a policy's ARN (with wildcards and variables) against a resource type's
//! ARN format, field by field.

use super::*;

/// Whether an ARN as written in a policy matches an ARN format of AWS's reference.
///
/// Both ARNs are split into their six fields (`arn:partition:service:region:account:resource`;
/// a `:` inside a policy variable `${aws:username}` does not split) and matched field by field:
/// a wildcard of the policy never reaches over a `:` into the next field, except within the
/// resource part, which may hold `:` and `/` itself.
///
/// In `policy_arn`, `*` matches any run of characters, `?` one character, and a policy variable
/// (`${aws:username}`) any run without `:` or `/`. In `format`, a placeholder (`${Partition}`,
/// `${Region}`, `${Account}`, `${BucketName}`) matches one or more characters without `:` or
/// `/`, except in the resource part: there the last placeholder of a resource part that starts
/// with a literal or another placeholder may hold both (object keys and IAM paths do), and
/// a placeholder followed by more of the resource part may hold `/` (log group names in
/// `log-group:${LogGroupName}:log-stream:${LogStreamName}` do). So an empty region or
/// account in the policy matches only a format that has none there (`arn:aws:kms:*:::*` names
/// no KMS key, whose format has an account); an account `aws` (AWS-owned resources) is an
/// account like any other. Literals are compared ignoring ASCII case. A policy ARN of `*`
/// matches every format; a policy ARN of fewer than six fields (`arn:aws:s3:*`) matches with
/// its last field standing for the rest of the format.
///
/// ```
/// use typed_iam_catalog::index::arn_matches;
/// let object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
/// assert!(arn_matches("arn:aws:s3:::my-bucket/*", object));
/// assert!(!arn_matches("arn:aws:s3:::my-bucket", object));
/// assert!(arn_matches(
///     "arn:aws:bedrock:us-east-1:123456789012:model-customization-job/*",
///     "arn:${Partition}:bedrock:${Region}:${Account}:model-customization-job/${JobName}",
/// ));
/// let key = "arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}";
/// assert!(arn_matches("arn:aws:kms:*:*:key/*", key));
/// assert!(!arn_matches("arn:*:kms:*:::*", key));
/// ```
pub fn arn_matches(policy_arn: &str, format: &str) -> bool {
    ArnPattern::new(policy_arn).matches(format)
}

/// A policy ARN split into its fields once, to be matched against many ARN formats with
/// [`ArnPattern::matches`] (the same answers as [`arn_matches`], without splitting the policy
/// ARN again for each format).
///
/// ```
/// use typed_iam_catalog::index::ArnPattern;
/// let pattern = ArnPattern::new("arn:aws:kms:*:*:key/*");
/// assert!(pattern.matches("arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}"));
/// assert!(!pattern.matches("arn:${Partition}:kms:${Region}:${Account}:alias/${Alias}"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ArnPattern<'a> {
    pub(super) text: &'a str,
    pub(super) fields: [&'a str; ARN_FIELDS],
    /// Whether each field is literal (no `*`, `?` or `${`).
    pub(super) literal: [bool; ARN_FIELDS],
    pub(super) count: usize,
}

impl<'a> ArnPattern<'a> {
    /// Splits a policy ARN (`*`, `?` and `${...}` variables allowed) into its fields.
    pub fn new(text: &'a str) -> Self {
        let (fields, count) = arn_fields(text);
        let literal = fields.map(|field| {
            let bytes = field.as_bytes();
            !bytes.iter().enumerate().any(|(i, &b)| {
                b == b'*' || b == b'?' || (b == b'$' && bytes.get(i + 1) == Some(&b'{'))
            })
        });
        Self {
            text,
            fields,
            literal,
            count,
        }
    }

    /// Field `index` and whether it is literal.
    pub(super) fn field(&self, index: usize) -> Option<(&'a str, bool)> {
        Some((*self.fields.get(index)?, *self.literal.get(index)?))
    }

    /// Whether one of `types` can name a resource that this ARN names (see
    /// [`ResourceTypeInfo::matches_pattern`]).
    ///
    /// Answers are remembered per thread, per ARN and type (policies repeat their ARNs,
    /// statement after statement and policy after policy): a repeated question costs one hash
    /// look-up for all the types.
    ///
    /// ```
    /// let s3 = typed_iam_catalog::index::catalog().service("s3").ok_or("no service")?;
    /// let object = s3.resource_type("object").ok_or("no type")?;
    /// let bucket = s3.resource_type("bucket").ok_or("no type")?;
    /// let arn = typed_iam_catalog::index::ArnPattern::new("arn:aws:s3:::my-bucket/*");
    /// assert!(arn.matches_any(&[bucket, object]));
    /// assert!(!arn.matches_any(&[bucket]));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn matches_any(&self, types: &[ResourceTypeInfo]) -> bool {
        let compute =
            |t: &ResourceTypeInfo| t.arn_formats().iter().any(|format| self.matches(format));
        if types.iter().any(|t| !std::ptr::eq(t.catalog, catalog())) {
            return types.iter().any(compute);
        }
        remembered_any(self.text, types, compute)
    }

    /// Whether the ARN matches an ARN format of AWS's reference: see [`arn_matches`].
    pub fn matches(&self, format: &str) -> bool {
        if self.text == "*" {
            return true;
        }
        // A format's placeholders hold no `:`, so its fields are its `:`-separated parts.
        // One pass over the bytes: the fields are short, so this beats a search per `:`.
        let mut formats = [""; ARN_FIELDS];
        let mut format_count = 0;
        let mut start = 0;
        for (index, &byte) in format.as_bytes().iter().enumerate() {
            if byte == b':' {
                if let Some(slot) = formats.get_mut(format_count) {
                    *slot = format.get(start..index).unwrap_or_default();
                }
                format_count += 1;
                start = index + 1;
                if format_count == ARN_FIELDS - 1 {
                    break;
                }
            }
        }
        if let Some(slot) = formats.get_mut(format_count) {
            *slot = format.get(start..).unwrap_or_default();
        }
        format_count += 1;
        if format_count < ARN_FIELDS {
            // Not an ARN format: the whole texts, as patterns.
            return patterns_intersect(&policy_tokens(self.text), &format_tokens(format, None));
        }
        let last = self.count.saturating_sub(1);
        // The services are the cheapest test and rule most formats out (the statement's
        // actions often span services): compare them first, then the resource parts, which
        // differ most between the formats of one service.
        const SERVICE: usize = 2;
        if SERVICE < last {
            if let (Some(policy_field), Some(format_field)) =
                (self.field(SERVICE), formats.get(SERVICE))
            {
                if !field_matches(policy_field, format_field, None) {
                    return false;
                }
            }
        }
        if last == ARN_FIELDS - 1 {
            if let (Some(policy_field), Some(format_field)) = (self.field(last), formats.get(last))
            {
                if !field_matches(policy_field, format_field, Some(0)) {
                    return false;
                }
            }
        }
        for index in (0..last).filter(|&index| index != SERVICE) {
            let (Some(policy_field), Some(format_field)) = (self.field(index), formats.get(index))
            else {
                return false;
            };
            if !field_matches(policy_field, format_field, None) {
                return false;
            }
        }
        // The policy's last field stands for the rest of the format (the resource part when
        // the policy has all six fields).
        let (Some(policy_field), Some(&start)) = (self.field(last), formats.get(last)) else {
            return false;
        };
        let Some(rest) = format.get(subslice_offset(format, start)..) else {
            return false;
        };
        let resource_start = formats
            .get(ARN_FIELDS - 1)
            .map(|resource| subslice_offset(format, resource) - subslice_offset(format, start));
        field_matches(policy_field, rest, resource_start)
    }
}

/// The number of fields of an ARN.
pub(super) const ARN_FIELDS: usize = 6;

/// Splits an ARN at its first five `:` (not counting those inside `${...}`): the fields, and
/// how many there are (1 to 6; the unused ones are empty).
pub(super) fn arn_fields(text: &str) -> ([&str; ARN_FIELDS], usize) {
    let mut fields = [""; ARN_FIELDS];
    let mut count = 0;
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() && count < ARN_FIELDS - 1 {
        match bytes[index] {
            b'$' if bytes.get(index + 1) == Some(&b'{') => {
                if let Some(close) = text.get(index..).and_then(|rest| rest.find('}')) {
                    index += close;
                }
            }
            b':' => {
                if let Some(slot) = fields.get_mut(count) {
                    *slot = text.get(start..index).unwrap_or_default();
                }
                count += 1;
                start = index + 1;
            }
            _ => {}
        }
        index += 1;
    }
    if let Some(slot) = fields.get_mut(count) {
        *slot = text.get(start..).unwrap_or_default();
    }
    (fields, count + 1)
}

/// The fields of `text` separated by the ASCII byte `separator`, as `text.split(separator)`
/// gives them, found with a byte scan.
pub(super) fn byte_fields(
    text: &'static str,
    separator: u8,
) -> impl Iterator<Item = &'static str> + Clone {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        let (field, after) = split_at_byte(text, separator);
        rest = (field.len() < text.len()).then_some(after);
        Some(field)
    })
}

/// `text` split at the first ASCII byte `separator` (all of it and nothing when it has none).
///
/// Two ways, by build: optimized, the fields are short and a plain scan beats `split_once`'s
/// searcher; unoptimized (how cargo builds `policy!`'s proc macro and so this crate in a user's
/// debug build, by default), the scan's iterator code runs unoptimized while `split_once` leans
/// on the standard library's optimized search. Loading the index (`Catalog::load`, a small
/// program calling `catalog()` once, 3 runs each): debug 86 ms with the scan, 66 ms with
/// `split_once`; release 6.2 ms with the scan, 7.5 ms with `split_once`.
#[cfg(not(debug_assertions))]
pub(super) fn split_at_byte(text: &'static str, separator: u8) -> (&'static str, &'static str) {
    match text.bytes().position(|byte| byte == separator) {
        Some(at) => (
            text.get(..at).unwrap_or_default(),
            text.get(at + 1..).unwrap_or_default(),
        ),
        None => (text, ""),
    }
}

/// See the optimized build's `split_at_byte` for why this one differs.
#[cfg(debug_assertions)]
pub(super) fn split_at_byte(text: &'static str, separator: u8) -> (&'static str, &'static str) {
    text.split_once(char::from(separator)).unwrap_or((text, ""))
}

/// The byte offset of `part` (a sub-slice of `whole`) in `whole`.
pub(super) fn subslice_offset(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// Whether a field of a policy ARN matches a field (or the rest) of a format. `resource_start`
/// is where the format's resource part starts in `format`, if it is there.
pub(super) fn field_matches(
    (policy, policy_literal): (&str, bool),
    format: &str,
    resource_start: Option<usize>,
) -> bool {
    if policy == "*" {
        return true;
    }
    let (p, f) = (policy.as_bytes(), format.as_bytes());
    // `*`, `?` and `${` in the policy, `${` in the format.
    let policy_special = |i: usize| match p.get(i) {
        Some(b'*' | b'?') => true,
        Some(b'$') => p.get(i + 1) == Some(&b'{'),
        _ => false,
    };
    let format_special = |i: usize| f.get(i) == Some(&b'$') && f.get(i + 1) == Some(&b'{');
    let format_literal = !f.windows(2).any(|pair| pair == b"${");
    if policy_literal && format_literal {
        return policy.eq_ignore_ascii_case(format);
    }
    // A literal against one placeholder (`us-east-1` against `${Region}`): one or more
    // characters of a segment.
    if policy_literal
        && format.starts_with("${")
        && f.iter().position(|&b| b == b'}') == Some(f.len() - 1)
        && resource_start.is_none_or(|start| start == 0)
    {
        return !p.is_empty() && !p.iter().any(|&b| b == b':' || b == b'/');
    }
    // The literal characters both start with must agree; most formats of other resource types
    // fail here (`key/` against `alias/`), before any pattern is built.
    let mut common = 0;
    while let (Some(&x), Some(&y)) = (p.get(common), f.get(common)) {
        if policy_special(common) || format_special(common) {
            break;
        }
        if !x.eq_ignore_ascii_case(&y) {
            return false;
        }
        common += 1;
    }
    // The common case `instance/*`: equal literals, then a `*` that takes whatever follows.
    if policy.get(common..) == Some("*") {
        return true;
    }
    patterns_intersect(
        &policy_tokens(policy),
        &format_tokens(format, resource_start),
    )
}

/// One element of a pattern over characters (the tokens of an ARN format: see
/// [`format_tokens`]).
///
/// ```
/// use typed_iam_catalog::index::{format_tokens, Class, Token};
/// let tokens = format_tokens("arn:${Partition}:s3:::${BucketName}", None);
/// assert_eq!(tokens[0], Token::Char('a'));
/// assert_eq!(tokens[4], Token::One(Class::Segment));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    /// Exactly this character (ASCII case ignored).
    Char(char),
    /// Exactly one character of the class.
    One(Class),
    /// Any run (possibly empty) of characters of the class.
    Run(Class),
}

/// A set of characters.
///
/// ```
/// use typed_iam_catalog::index::Class;
/// assert!(Class::Path.admits('/'));
/// assert!(!Class::Segment.admits('/'));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Every character.
    Any,
    /// Every character but the separators `:` and `/`.
    Segment,
    /// Every character but `:` (a name inside a resource part: log group names hold `/`).
    Path,
}

impl Class {
    /// Whether `c` is in the set.
    pub fn admits(self, c: char) -> bool {
        match self {
            Class::Any => true,
            Class::Segment => c != ':' && c != '/',
            Class::Path => c != ':',
        }
    }
}

pub(super) fn policy_tokens(arn: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(arn.len());
    let mut rest = arn;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("${") {
            if let Some(end) = rest.find('}') {
                tokens.push(Token::Run(Class::Segment));
                rest = &rest[end + 1..];
                continue;
            }
        }
        tokens.push(match c {
            '*' => Token::Run(Class::Any),
            '?' => Token::One(Class::Any),
            other => Token::Char(other),
        });
        rest = &rest[c.len_utf8()..];
    }
    tokens
}

/// The tokens of a format (or a part of one). `resource_start` is where the resource part
/// starts in `format` (`None`: the fifth `:` says, if there is one): its last placeholder may
/// hold `:` and `/` when it ends the format and does not start the resource part.
///
/// A resource named by the format is a text that the tokens match as a whole (literals
/// compared ignoring ASCII case).
///
/// ```
/// use typed_iam_catalog::index::{format_tokens, Class, Token};
/// let tokens = format_tokens("arn:${Partition}:s3:::${BucketName}/${ObjectName}", None);
/// // The object name may hold `/` and `:`.
/// assert_eq!(tokens.last(), Some(&Token::Run(Class::Any)));
/// ```
pub fn format_tokens(format: &str, resource_start: Option<usize>) -> Vec<Token> {
    let resource_start = resource_start.unwrap_or_else(|| {
        format
            .match_indices(':')
            .nth(4)
            .map_or(format.len(), |(index, _)| index + 1)
    });
    let last_placeholder = format.rfind("${").filter(|&index| {
        index > resource_start
            && format[index..]
                .find('}')
                .is_some_and(|end| index + end + 1 == format.len())
    });
    let mut tokens = Vec::with_capacity(format.len());
    let mut index = 0;
    while let Some(c) = format[index..].chars().next() {
        if format[index..].starts_with("${") {
            if let Some(end) = format[index..].find('}') {
                let class = if Some(index) == last_placeholder {
                    Class::Any
                } else if index > resource_start
                    || (index == resource_start && index + end + 1 < format.len())
                {
                    Class::Path
                } else {
                    Class::Segment
                };
                tokens.push(Token::One(class));
                tokens.push(Token::Run(class));
                index += end + 1;
                continue;
            }
        }
        tokens.push(Token::Char(c));
        index += c.len_utf8();
    }
    tokens
}

/// Whether some string matches both patterns: a search over pairs of positions, where a `Run`
/// may stay in place while the other side moves on.
pub(super) fn patterns_intersect(left: &[Token], right: &[Token]) -> bool {
    let width = right.len() + 1;
    let mut seen = vec![false; (left.len() + 1) * width];
    let mut stack = vec![(0usize, 0usize)];
    while let Some((i, j)) = stack.pop() {
        let Some(slot) = seen.get_mut(i * width + j) else {
            continue;
        };
        if *slot {
            continue;
        }
        *slot = true;
        if i == left.len() && j == right.len() {
            return true;
        }
        let a = left.get(i).copied();
        let b = right.get(j).copied();
        // A run may match nothing.
        if let Some(Token::Run(_)) = a {
            stack.push((i + 1, j));
        }
        if let Some(Token::Run(_)) = b {
            stack.push((i, j + 1));
        }
        // Both sides consume one common character.
        let (Some(a), Some(b)) = (a, b) else {
            continue;
        };
        if !tokens_share_char(a, b) {
            continue;
        }
        let next_i = if matches!(a, Token::Run(_)) { i } else { i + 1 };
        let next_j = if matches!(b, Token::Run(_)) { j } else { j + 1 };
        if (next_i, next_j) != (i, j) {
            stack.push((next_i, next_j));
        }
    }
    false
}

pub(super) fn tokens_share_char(a: Token, b: Token) -> bool {
    match (a, b) {
        (Token::Char(x), Token::Char(y)) => x.eq_ignore_ascii_case(&y),
        (Token::Char(x), Token::One(class) | Token::Run(class))
        | (Token::One(class) | Token::Run(class), Token::Char(x)) => class.admits(x),
        // Both classes hold ordinary characters.
        _ => true,
    }
}
