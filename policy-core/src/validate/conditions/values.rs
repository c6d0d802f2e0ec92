//! Parsing condition values as their operator needs them: numbers, dates, booleans, IP
//! addresses and ranges, base64 and ARNs.

use crate::validate::resources::arn;

/// A number as IAM's `Numeric*` operators read it: an optionally signed integer or decimal
/// (`10`, `-1.5`, `1e3`).
pub(crate) fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty()
        && digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && text.parse::<f64>().is_ok_and(f64::is_finite)
}

/// A date as IAM's `Date*` operators read it: an ISO 8601 date or date-time
/// (`2024-01-31`, `2024-01-31T12:00:00Z`, `2024-01-31T12:00:00.000+01:00`) or a number of
/// seconds since the Unix epoch.
pub(crate) fn is_date(text: &str) -> bool {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let b = text.as_bytes();
    let two = |i: usize, max: u32| -> bool {
        b.len() >= i + 2
            && b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0') <= max
    };
    // YYYY-MM-DD
    if b.len() < 10
        || !b[..4].iter().all(u8::is_ascii_digit)
        || b[4] != b'-'
        || !two(5, 12)
        || b[7] != b'-'
        || !two(8, 31)
    {
        return false;
    }
    let rest = &b[10..];
    if rest.is_empty() {
        return true;
    }
    if rest[0] != b'T' && rest[0] != b't' {
        return false;
    }
    // hh:mm[:ss[.fff]]
    let mut i = 11;
    if !two(i, 24) || b.get(i + 2) != Some(&b':') || !two(i + 3, 59) {
        return false;
    }
    i += 5;
    if b.get(i) == Some(&b':') {
        if !two(i + 1, 60) {
            return false;
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return false;
            }
        }
    }
    // Z, ±hh:mm, ±hhmm or nothing
    match b.get(i) {
        None => true,
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            let zone = &text[i + 1..];
            let z = zone.as_bytes();
            (z.len() == 5 && z[2] == b':' && two(i + 1, 23) && two(i + 4, 59))
                || (z.len() == 4 && two(i + 1, 23) && two(i + 3, 59))
                || (z.len() == 2 && two(i + 1, 23))
        }
        Some(_) => false,
    }
}

/// `true` or `false` (IAM compares them without regard to case).
pub(crate) fn is_bool(text: &str) -> bool {
    text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false")
}

/// An IPv4 or IPv6 address, optionally with a CIDR prefix length (`203.0.113.0/24`,
/// `2001:DB8::/32`).
pub(crate) fn is_ip_range(text: &str) -> bool {
    let (address, prefix) = match text.split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (text, None),
    };
    let max = if address.parse::<std::net::Ipv4Addr>().is_ok() {
        32
    } else if address.parse::<std::net::Ipv6Addr>().is_ok() {
        128
    } else {
        return false;
    };
    match prefix {
        None => true,
        Some(prefix) => {
            !prefix.is_empty()
                && prefix.len() <= 3
                && prefix.bytes().all(|b| b.is_ascii_digit())
                && prefix.parse::<u32>().is_ok_and(|n| n <= max)
        }
    }
}

/// Base64 text, as `BinaryEquals` compares.
pub(crate) fn is_base64(text: &str) -> bool {
    let body = text.trim_end_matches('=');
    !text.is_empty()
        && text.len() % 4 == 0
        && text.len() - body.len() <= 2
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

/// An ARN (each of its six fields may hold wildcards), or `*`, as `Arn*` operators need.
pub(crate) fn is_arn(text: &str) -> bool {
    text == "*" || arn::split(text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for ok in ["0", "10", "-1", "1.5", "+3", "1e3", "3600"] {
            assert!(is_number(ok), "{ok}");
        }
        for bad in ["", "ten", "1,000", "1.2.3", "-", "inf", "NaN", "0x10", "1 "] {
            assert!(!is_number(bad), "{bad}");
        }
    }

    #[test]
    fn dates() {
        for ok in [
            "2024-01-31",
            "2024-01-31T12:00:00Z",
            "2024-01-31T12:00Z",
            "2024-01-31T12:00:00.123Z",
            "2024-01-31T12:00:00+01:00",
            "2024-01-31T12:00:00-0500",
            "2024-01-31T12:00:00",
            "1700000000",
        ] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-01-31 12:00",
            "31/01/2024",
            "2024-01-31T25:00:00Z",
            "2024-01-31TZ",
            "2024-01-31T12:00:00Zx",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn ips() {
        for ok in [
            "203.0.113.0/24",
            "10.0.0.1",
            "2001:DB8::/32",
            "::1",
            "0.0.0.0/0",
        ] {
            assert!(is_ip_range(ok), "{ok}");
        }
        for bad in [
            "203.0.113.0/33",
            "10.0.0",
            "example.com",
            "10.0.0.1/",
            "2001:DB8::/129",
        ] {
            assert!(!is_ip_range(bad), "{bad}");
        }
    }

    #[test]
    fn others() {
        assert!(is_bool("true") && is_bool("FALSE") && !is_bool("yes"));
        assert!(is_base64("QmluYXJ5") && is_base64("YQ==") && !is_base64("not base64!"));
        assert!(is_arn("arn:aws:s3:::b") && is_arn("*") && !is_arn("bucket"));
    }
}
