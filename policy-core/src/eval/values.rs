//! The typed values that condition operators compare, parsed as the [condition operators page]
//! describes them (rule 14 of the module docs):
//!
//! - numbers: integers or decimals (`NumericEquals` and friends); text such as `NaN`, `inf` or
//!   `1,000` is not a number and matches nothing;
//! - dates: ISO 8601 (`2026-12-05`, `2026-12-05T13:00:00Z`, with fractions of a second or a
//!   `+hh:mm` offset) or UNIX epoch seconds (the page: "dates in one of the W3C
//!   implementations of the ISO 8601 date formats ... or in epoch (UNIX) time");
//! - IP addresses: IPv4 or IPv6 in CIDR notation; a bare address is a `/32` or `/128`;
//! - binary: base-64 text, compared as the bytes it decodes to.
//!
//! [condition operators page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

use std::net::IpAddr;

/// A number of a numeric condition: integer or decimal, optionally signed, with an optional
/// exponent (JSON numbers in policies may carry one).
///
/// ```
/// use typed_iam_core::eval::values::parse_number;
/// assert_eq!(parse_number("3600"), Some(3600.0));
/// assert_eq!(parse_number("-1.5"), Some(-1.5));
/// assert_eq!(parse_number("NaN"), None);
/// ```
pub fn parse_number(text: &str) -> Option<f64> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let valid = !digits.is_empty()
        && digits.as_bytes()[0].is_ascii_digit()
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'));
    if !valid {
        return None;
    }
    text.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// A date as milliseconds since the UNIX epoch: ISO 8601 (date, date and time with `Z` or an
/// offset, optional seconds and fraction) or epoch seconds.
///
/// ```
/// use typed_iam_core::eval::values::parse_date;
/// assert_eq!(parse_date("1970-01-02"), Some(86_400_000));
/// assert_eq!(parse_date("2026-12-05T13:00:00Z"), parse_date("1796475600"));
/// assert_eq!(parse_date("2026-12-05T14:00:00+01:00"), parse_date("2026-12-05T13:00:00Z"));
/// assert_eq!(parse_date("yesterday"), None);
/// ```
pub fn parse_date(text: &str) -> Option<i64> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse::<i64>().ok()?.checked_mul(1000);
    }
    let bytes = text.as_bytes();
    let number = |from: usize, len: usize| -> Option<i64> {
        let part = bytes.get(from..from + len)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let year = number(0, 4)?;
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let (month, day) = (number(5, 2)?, number(8, 2)?);
    if !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let mut millis = days * 86_400_000;
    if bytes.len() == 10 {
        return Some(millis);
    }
    if !matches!(bytes.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (hour, minute) = (number(11, 2)?, number(14, 2)?);
    if bytes.get(13) != Some(&b':') || hour > 23 || minute > 59 {
        return None;
    }
    let mut at = 16;
    let mut second = 0;
    let mut fraction_ms = 0;
    if bytes.get(at) == Some(&b':') {
        second = number(at + 1, 2)?;
        if second > 60 {
            return None;
        }
        at += 3;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            let start = at;
            while bytes.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            let digits = text.get(start..at)?;
            if digits.is_empty() {
                return None;
            }
            let padded: String = digits.chars().chain("000".chars()).take(3).collect();
            fraction_ms = padded.parse::<i64>().ok()?;
        }
    }
    millis += ((hour * 60 + minute) * 60 + second) * 1000 + fraction_ms;
    match bytes.get(at) {
        None => Some(millis),
        Some(b'Z' | b'z') if at + 1 == bytes.len() => Some(millis),
        Some(sign @ (b'+' | b'-')) => {
            let offset_hours = number(at + 1, 2)?;
            let rest = text.get(at + 3..)?;
            let minutes_text = rest.strip_prefix(':').unwrap_or(rest);
            if minutes_text.len() != 2 {
                return None;
            }
            let offset_minutes: i64 = minutes_text.parse().ok()?;
            let offset = (offset_hours * 60 + offset_minutes) * 60_000;
            Some(if *sign == b'+' {
                millis - offset
            } else {
                millis + offset
            })
        }
        _ => None,
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// An IP network: an address and a prefix length (`/32` or `/128` when none is written).
///
/// ```
/// use typed_iam_core::eval::values::{ip_in, parse_ip};
/// let network = parse_ip("10.0.0.0/8").ok_or("not an IP")?;
/// let address = parse_ip("10.1.2.3").ok_or("not an IP")?;
/// assert!(ip_in(address.0, network));
/// assert!(parse_ip("2001:db8::/32").is_some());
/// assert!(parse_ip("10.0.0.0/33").is_none());
/// # Ok::<(), &str>(())
/// ```
pub fn parse_ip(text: &str) -> Option<(IpAddr, u8)> {
    let (address, prefix) = match text.split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (text, None),
    };
    let address: IpAddr = address.parse().ok()?;
    let max = if address.is_ipv4() { 32 } else { 128 };
    let prefix = match prefix {
        Some(prefix) if !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit()) => {
            prefix.parse::<u8>().ok().filter(|prefix| *prefix <= max)?
        }
        Some(_) => return None,
        None => max,
    };
    Some((address, prefix))
}

/// Whether `address` is inside `network` (an address and prefix length). IPv4 and IPv6 never
/// match each other.
pub fn ip_in(address: IpAddr, network: (IpAddr, u8)) -> bool {
    let (tag, at, _) = network_range(address, if address.is_ipv4() { 32 } else { 128 });
    let (network_tag, start, end) = network_range(network.0, network.1);
    tag == network_tag && start <= at && at <= end
}

/// The closed range of addresses of a network (an address and its prefix length), tagged 4
/// (IPv4, in the low 32 bits) or 6: what [`ip_in`] tests and the comparison's condition sets
/// hold.
pub(crate) fn network_range(address: IpAddr, prefix: u8) -> (u8, u128, u128) {
    match address {
        IpAddr::V4(v4) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            let start = u32::from(v4) & mask;
            (4, u128::from(start), u128::from(start | !mask))
        }
        IpAddr::V6(v6) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            let start = u128::from(v6) & mask;
            (6, start, start | !mask)
        }
    }
}

/// The bytes of standard base-64 text (padding optional); `None` for other text.
///
/// ```
/// use typed_iam_core::eval::values::decode_base64;
/// assert_eq!(decode_base64("aGk="), Some(b"hi".to_vec()));
/// assert_eq!(decode_base64("a*"), None);
/// ```
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let trimmed = text.trim_end_matches('=');
    if text.len() - trimmed.len() > 2 {
        return None;
    }
    let mut out = Vec::with_capacity(trimmed.len() * 3 / 4);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for byte in trimmed.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    if trimmed.len() % 4 == 1 {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_documented_form_agree() {
        let noon = parse_date("2026-12-05T12:00:00Z").unwrap();
        assert_eq!(parse_date("2026-12-05T12:00Z"), Some(noon));
        assert_eq!(parse_date("2026-12-05T12:00:00.000Z"), Some(noon));
        assert_eq!(parse_date("2026-12-05T07:00:00-05:00"), Some(noon));
        assert_eq!(parse_date("2026-12-05T07:00:00-0500"), Some(noon));
        assert_eq!(parse_date(&(noon / 1000).to_string()), Some(noon));
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(
            parse_date("2024-02-29"),
            Some(days_from_civil(2024, 2, 29) * 86_400_000)
        );
    }

    #[test]
    fn ipv6_networks() {
        let network = parse_ip("2001:db8::/32").unwrap();
        assert!(ip_in(parse_ip("2001:db8:1::1").unwrap().0, network));
        assert!(!ip_in(parse_ip("2001:db9::1").unwrap().0, network));
        assert!(!ip_in(parse_ip("10.0.0.1").unwrap().0, network));
        assert!(ip_in(
            parse_ip("1.2.3.4").unwrap().0,
            parse_ip("0.0.0.0/0").unwrap()
        ));
    }
}
