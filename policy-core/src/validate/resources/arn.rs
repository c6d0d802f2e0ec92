//! ARN text: splitting into fields (aware of `${...}` variables, whose text may hold `:`), and
//! wildcard matching between resources.

/// The six fields of `arn:partition:service:region:account:resource`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ArnParts<'a> {
    /// `aws`, `aws-cn`, `*`, ...
    pub(crate) partition: &'a str,
    /// The service namespace: `s3`, `kms`.
    pub(crate) service: &'a str,
    /// The region; empty for global resources.
    pub(crate) region: &'a str,
    /// The account; empty for some resources, `aws` for AWS-owned ones.
    pub(crate) account: &'a str,
    /// Everything after the fifth `:` (it may hold more `:`).
    pub(crate) resource: &'a str,
}

/// Why a text is not an ARN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArnError {
    /// It does not start with `arn:`.
    NoPrefix,
    /// It has fewer than six `:`-separated fields.
    TooFewFields(usize),
    /// The partition, service or resource field is empty.
    EmptyField(&'static str),
    /// A `${` without its `}`.
    UnclosedVariable,
}

/// Splits an ARN into its fields. Colons inside `${...}` do not separate fields (so that
/// `arn:${AWS::Partition}:s3:::bucket` splits like `arn:aws:s3:::bucket`).
pub(crate) fn split(text: &str) -> Result<ArnParts<'_>, ArnError> {
    let Some(rest) = text.strip_prefix("arn:") else {
        return Err(ArnError::NoPrefix);
    };
    let mut fields: [&str; 4] = [""; 4];
    let mut found = 0;
    let mut start = 0;
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() && found < 4 {
        match bytes[i] {
            b'$' if bytes.get(i + 1) == Some(&b'{') => match rest[i..].find('}') {
                Some(close) => i += close,
                None => return Err(ArnError::UnclosedVariable),
            },
            b':' => {
                fields[found] = &rest[start..i];
                found += 1;
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if found < 4 {
        return Err(ArnError::TooFewFields(found + 2));
    }
    let mut tail = &rest[start..];
    while let Some(open) = tail.find("${") {
        match tail[open..].find('}') {
            Some(close) => tail = &tail[open + close..],
            None => return Err(ArnError::UnclosedVariable),
        }
    }
    let parts = ArnParts {
        partition: fields[0],
        service: fields[1],
        region: fields[2],
        account: fields[3],
        resource: &rest[start..],
    };
    if parts.partition.is_empty() {
        return Err(ArnError::EmptyField("partition"));
    }
    if parts.service.is_empty() {
        return Err(ArnError::EmptyField("service"));
    }
    if parts.resource.is_empty() {
        return Err(ArnError::EmptyField("resource"));
    }
    Ok(parts)
}

/// Whether `pattern` (with `*` for any run of characters and `?` for one) covers `text`, itself
/// possibly a pattern: a `*` in `text` is only covered by a `*` in `pattern`, and a `?` in `text`
/// by a `?` or a `*`, so a `true` means every string `text` matches, `pattern` matches too.
///
/// `ignore_case` compares ASCII letters case-insensitively (actions); ARNs are compared exactly.
pub(crate) fn covers(pattern: &str, text: &str, ignore_case: bool) -> bool {
    let p = pattern.as_bytes();
    let t = text.as_bytes();
    let eq = |a: u8, b: u8| {
        if ignore_case {
            a.eq_ignore_ascii_case(&b)
        } else {
            a == b
        }
    };
    // Iterative glob matching with one backtracking point (the last `*`).
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() {
            match p[pi] {
                b'*' => {
                    star = Some((pi, ti));
                    pi += 1;
                    continue;
                }
                b'?' if t[ti] != b'*' => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                c if c != b'?' && t[ti] != b'*' && t[ti] != b'?' && eq(c, t[ti]) => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                _ => {}
            }
        }
        match star {
            Some((sp, st)) => {
                pi = sp + 1;
                ti = st + 1;
                star = Some((sp, st + 1));
            }
            None => return false,
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// Whether a text holds a `*` or `?` wildcard.
pub(crate) fn has_wildcard(text: &str) -> bool {
    text.bytes().any(|byte| byte == b'*' || byte == b'?')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_six_fields() {
        let parts = split("arn:aws:s3:::bucket/key:with:colons").unwrap();
        assert_eq!(parts.partition, "aws");
        assert_eq!(parts.service, "s3");
        assert_eq!(parts.region, "");
        assert_eq!(parts.account, "");
        assert_eq!(parts.resource, "bucket/key:with:colons");
    }

    #[test]
    fn colons_inside_variables_do_not_split() {
        let parts =
            split("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*").unwrap();
        assert_eq!(parts.partition, "${AWS::Partition}");
        assert_eq!(parts.region, "${AWS::Region}");
        assert_eq!(parts.account, "${AWS::AccountId}");
        assert_eq!(parts.resource, "key/*");
    }

    #[test]
    fn rejects_non_arns() {
        assert_eq!(split("bucket/*"), Err(ArnError::NoPrefix));
        assert_eq!(split("arn:aws:s3"), Err(ArnError::TooFewFields(3)));
        assert_eq!(
            split("arn:aws:s3:::"),
            Err(ArnError::EmptyField("resource"))
        );
        assert_eq!(split("arn::s3:::b"), Err(ArnError::EmptyField("partition")));
        assert_eq!(
            split("arn:aws:s3:::${oops"),
            Err(ArnError::UnclosedVariable)
        );
    }

    #[test]
    fn coverage_between_patterns() {
        assert!(covers("s3:*", "s3:GetObject", true));
        assert!(covers("s3:Get*", "S3:getobject", true));
        assert!(!covers("s3:Get*", "s3:PutObject", true));
        assert!(covers("s3:*", "s3:Get*", true));
        assert!(covers("s3:G*", "s3:Get*", true));
        assert!(!covers("s3:Get?", "s3:Get*", true));
        assert!(!covers("s3:a?", "s3:a*", true));
        assert!(covers("*", "anything:at*all", true));
        assert!(covers("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y", false));
        assert!(!covers("arn:aws:s3:::B/*", "arn:aws:s3:::b/x", false));
        assert!(covers("a*b*c", "axxbyyc", false));
        assert!(!covers("a*b*c", "axxbyy", false));
    }
}
