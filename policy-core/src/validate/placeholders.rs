//! Documentation placeholders (`account-id`, `region`, `DOC-EXAMPLE-BUCKET`, `<bucket>`) left in
//! resources, principals and condition values: `placeholder-value` warnings.
//!
//! The rule is conservative, so that a real name is never flagged:
//! - a field or path segment in angle brackets (`<account-id>`), a name containing
//!   `DOC-EXAMPLE` or starting with `amzn-s3-demo-` (AWS reserves that bucket prefix for its
//!   documentation), or starting with `your-` / `your_` (`your-bucket-name`);
//! - CloudFormation substitutions such as `${AWS::AccountId}` or `${AWS::Region}` (a `${...}` with
//!   `::`): the policy was copied out of a template before CloudFormation filled it in. They are
//!   reported here rather than as unknown policy variables;
//! - in an ARN's account field: `account-id`, `ACCOUNT_ID`, `AccountNumber`, `aws-account-id` and
//!   the like; in its region field: `region`, `REGION`, `region-code`, `aws-region`, ...; in its
//!   partition field: `partition`;
//! - a whole condition value or principal that is such an account or region word.
//!
//! Not flagged: 12-digit accounts, even AWS's documentation ones (`123456789012`,
//! `111122223333`), since any 12-digit number may be someone's real account; and ordinary names
//! such as `my-bucket` or `example`, which real policies use.

use crate::validate::resources::arn::ArnParts;

/// A placeholder found in a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placeholder<'a> {
    /// The placeholder text (a field or segment of the value).
    pub(crate) text: &'a str,
    /// What it stands for: `an account ID`, `a region`, `a value`.
    pub(crate) what: &'static str,
}

impl Placeholder<'_> {
    /// The message of the `placeholder-value` finding.
    pub(crate) fn message(&self) -> String {
        format!(
            "`{}` looks like a documentation placeholder for {}",
            self.text, self.what
        )
    }
}

const ACCOUNT_WORDS: &[&str] = &[
    "account-id",
    "accountid",
    "account-number",
    "accountnumber",
    "account-num",
    "account-no",
    "acct-id",
    "aws-account-id",
    "awsaccountid",
    "aws-account-number",
    "aws-account",
    "account",
];

const REGION_WORDS: &[&str] = &[
    "region",
    "region-code",
    "regioncode",
    "region-id",
    "region-name",
    "regionname",
    "aws-region",
    "awsregion",
];

const PARTITION_WORDS: &[&str] = &["partition", "aws-partition"];

/// Whether `word`, lowercased with `_` read as `-`, is one of `words`.
fn is_word(word: &str, words: &[&str]) -> bool {
    if word.len() > 24 || word.is_empty() {
        return false;
    }
    let mut buffer = [0u8; 24];
    for (slot, byte) in buffer.iter_mut().zip(word.bytes()) {
        *slot = match byte {
            b'_' => b'-',
            other => other.to_ascii_lowercase(),
        };
    }
    let normalized = &buffer[..word.len()];
    words.iter().any(|w| w.as_bytes() == normalized)
}

/// A marker that is a placeholder wherever it appears in a segment.
fn marker(segment: &str) -> Option<Placeholder<'_>> {
    if segment.is_empty() {
        return None;
    }
    // One pass for the bytes that the searches below need: most segments have none of them.
    let (mut upper_d, mut angle, mut dollar) = (false, false, false);
    for &byte in segment.as_bytes() {
        upper_d |= byte == b'D';
        angle |= byte == b'<';
        dollar |= byte == b'$';
    }
    if (upper_d && segment.contains("DOC-EXAMPLE")) || segment.starts_with("amzn-s3-demo-") {
        return Some(Placeholder {
            text: segment,
            what: "a resource name",
        });
    }
    if let Some(open) = angle.then(|| segment.find('<')).flatten() {
        if segment[open..].contains('>') {
            return Some(Placeholder {
                text: segment,
                what: "a value",
            });
        }
    }
    if let Some(open) = dollar.then(|| segment.find("${")).flatten() {
        let inner = &segment[open + 2..];
        let inner = inner.split('}').next().unwrap_or(inner);
        if inner.contains("::") {
            return Some(Placeholder {
                text: segment,
                what: "a value that CloudFormation substitutes",
            });
        }
    }
    let start = segment.get(..5);
    if start.is_some_and(|start| {
        start.eq_ignore_ascii_case("your-") || start.eq_ignore_ascii_case("your_")
    }) {
        return Some(Placeholder {
            text: segment,
            what: "a value",
        });
    }
    None
}

/// A placeholder in the fields of an ARN (resource, principal or condition value).
pub(crate) fn in_arn<'a>(parts: &ArnParts<'a>) -> Option<Placeholder<'a>> {
    if is_word(parts.partition, PARTITION_WORDS) {
        return Some(Placeholder {
            text: parts.partition,
            what: "a partition",
        });
    }
    if is_word(parts.region, REGION_WORDS) {
        return Some(Placeholder {
            text: parts.region,
            what: "a region",
        });
    }
    if is_word(parts.account, ACCOUNT_WORDS) {
        return Some(Placeholder {
            text: parts.account,
            what: "an account ID",
        });
    }
    for field in [parts.partition, parts.region, parts.account] {
        if let Some(found) = marker(field) {
            return Some(found);
        }
    }
    parts
        .resource
        .split(['/', ':'])
        .find_map(marker)
        .map(|found| Placeholder {
            what: if found.what == "a value" {
                "a resource name"
            } else {
                found.what
            },
            ..found
        })
}

/// A placeholder in a whole value (a condition value or a principal that is not an ARN).
pub(crate) fn in_value(value: &str) -> Option<Placeholder<'_>> {
    if let Ok(parts) = super::resources::arn::split(value) {
        return in_arn(&parts);
    }
    // "account" alone is a real word in tag values; only the longer forms are placeholders.
    if value.len() > "account".len() && is_word(value, ACCOUNT_WORDS) {
        return Some(Placeholder {
            text: value,
            what: "an account ID",
        });
    }
    if value.len() > "region".len() && is_word(value, REGION_WORDS) {
        return Some(Placeholder {
            text: value,
            what: "a region",
        });
    }
    marker(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::resources::arn::split;

    fn arn(text: &str) -> Option<&'static str> {
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        in_arn(&split(text).unwrap()).map(|p| p.text)
    }

    #[test]
    fn arn_fields() {
        assert_eq!(arn("arn:aws:kms:region:account-id:key/x"), Some("region"));
        assert_eq!(
            arn("arn:aws:kms:us-east-1:ACCOUNT_ID:key/x"),
            Some("ACCOUNT_ID")
        );
        assert_eq!(
            arn("arn:partition:kms:us-east-1:1:key/x"),
            Some("partition")
        );
        assert_eq!(
            arn("arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*"),
            Some("DOC-EXAMPLE-BUCKET1")
        );
        assert_eq!(
            arn("arn:aws:s3:::amzn-s3-demo-bucket"),
            Some("amzn-s3-demo-bucket")
        );
        assert_eq!(arn("arn:aws:s3:::<bucket>/*"), Some("<bucket>"));
        assert_eq!(
            arn("arn:aws:s3:${AWS::Region}:${AWS::AccountId}:x"),
            Some("${AWS::Region}")
        );
        assert_eq!(arn("arn:aws:s3:::your-bucket/*"), Some("your-bucket"));
        assert_eq!(arn("arn:aws:s3:::my-bucket/*"), None);
        assert_eq!(arn("arn:aws:iam::123456789012:role/x"), None);
        assert_eq!(arn("arn:aws:s3:::${aws:username}/*"), None);
    }

    #[test]
    fn whole_values() {
        assert_eq!(
            in_value("account-id").map(|p| p.what),
            Some("an account ID")
        );
        assert_eq!(
            in_value("YOUR_ACCOUNT_ID").map(|p| p.text),
            Some("YOUR_ACCOUNT_ID")
        );
        assert_eq!(in_value("account"), None);
        assert_eq!(in_value("region"), None);
        assert_eq!(in_value("aws-region").map(|p| p.what), Some("a region"));
        assert_eq!(in_value("bedrock.amazonaws.com"), None);
        assert_eq!(in_value("111122223333"), None);
    }
}
