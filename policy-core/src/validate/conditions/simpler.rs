//! Conditions that could be written more simply or more plainly: `null-with-qualifier`,
//! `redundant-condition-value` and `improve-ip-range` (suggestions) and `epoch-date-value` (a
//! warning).
//!
//! Each follows a check of IAM Access Analyzer's policy validation
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>):
//!
//! - `NULL_WITH_QUALIFIER`: `Null` under `ForAllValues:` is always true and under `ForAnyValue:`
//!   always false, so the qualifier makes the condition meaningless
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html>).
//! - `REDUNDANT_CONDITION_VALUE_NUM`: the values of one key are alternatives (a condition with
//!   several values is true when any of them matches,
//!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html>),
//!   so under `NumericLessThan`(`Equals`) only the greatest value counts and under
//!   `NumericGreaterThan`(`Equals`) only the least: AWS's example is `aws:MultiFactorAuthAge`
//!   `["2700", "3600"]` under `NumericLessThan`. For the same reason, an IP range inside another
//!   range of the same key under `IpAddress`/`NotIpAddress` adds nothing; this is reported with the
//!   same code. Values holding a `${...}` variable are left alone (their value is not known).
//! - `IMPROVE_IP_RANGE`: in a CIDR range, the bits after the prefix are ignored
//!   (`203.0.113.7/24` is `203.0.113.0/24`), so a range written with them set probably does not
//!   say what was meant
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress>).
//! - `INVALID_DATE_VALUE`: a `Date*` operator takes a W3C date (`2026-07-16`,
//!   `2026-07-16T19:20:30Z`) or a Unix epoch number; AWS recommends the date, since an epoch
//!   "might not resolve to the precise time that you expect"
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date>).
//!   A value of digits only is reported, with the date it stands for.

use std::net::IpAddr;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{BaseOperator, Condition, ConditionValue, SetQualifier};
use crate::validate::Sink;

pub(super) fn check(condition: &Condition, at: &Location, sink: &mut Sink<'_>) {
    for block in condition.blocks() {
        let operator = block.operator().as_str();
        let Some(kind) = block.operator().kind() else {
            continue;
        };
        let operator_at = || at.clone().key("Condition").key(operator);
        if kind.base == BaseOperator::Null {
            if let Some(qualifier) = kind.qualifier {
                let always = match qualifier {
                    SetQualifier::ForAllValues => "always true",
                    SetQualifier::ForAnyValue => "always false",
                };
                sink.push(
                    Diagnostic::new(
                        Code::NullWithQualifier,
                        operator_at(),
                        format!("`{operator}` is {always}: `Null` tests whether a key is present, not its values"),
                    )
                    .with_help("write `Null` without `ForAllValues:` or `ForAnyValue:`")
                    .with_suggestion("Null"),
                );
            }
            continue;
        }
        for entry in block.entries() {
            let key_at = || operator_at().key(entry.key());
            let values = entry.values().items();
            match kind.base {
                BaseOperator::NumericLessThan | BaseOperator::NumericLessThanEquals => {
                    numeric(values, Keep::Greatest, &key_at, operator, sink);
                }
                BaseOperator::NumericGreaterThan | BaseOperator::NumericGreaterThanEquals => {
                    numeric(values, Keep::Least, &key_at, operator, sink);
                }
                BaseOperator::IpAddress | BaseOperator::NotIpAddress => {
                    ip_ranges(values, &key_at, sink);
                }
                BaseOperator::DateEquals
                | BaseOperator::DateNotEquals
                | BaseOperator::DateLessThan
                | BaseOperator::DateLessThanEquals
                | BaseOperator::DateGreaterThan
                | BaseOperator::DateGreaterThanEquals => epochs(values, &key_at, sink),
                _ => {}
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Keep {
    Greatest,
    Least,
}

/// Every numeric value but the one that counts (the first of equal ones) is redundant.
fn numeric(
    values: &[ConditionValue],
    keep: Keep,
    key_at: &dyn Fn() -> Location,
    operator: &str,
    sink: &mut Sink<'_>,
) {
    if values.len() < 2 {
        return;
    }
    let parsed: Vec<Option<f64>> = values
        .iter()
        .map(|value| match value {
            ConditionValue::String(text) | ConditionValue::Number(text) => {
                text.trim().parse::<f64>().ok().filter(|n| n.is_finite())
            }
            ConditionValue::Bool(_) => None,
        })
        .collect();
    // Every value must be a number: an unparsable one is `condition-value-mismatch`, and with it
    // the condition's meaning is not this simple.
    let Some(numbers) = parsed.into_iter().collect::<Option<Vec<f64>>>() else {
        return;
    };
    let mut best = 0;
    for (index, &n) in numbers.iter().enumerate() {
        let better = match keep {
            Keep::Greatest => n > numbers[best],
            Keep::Least => n < numbers[best],
        };
        if better {
            best = index;
        }
    }
    let word = match keep {
        Keep::Greatest => "greatest",
        Keep::Least => "least",
    };
    for index in (0..values.len()).filter(|&i| i != best) {
        sink.push(
            Diagnostic::new(
                Code::RedundantConditionValue,
                key_at().index(index),
                format!(
                    "`{}` is redundant: under `{operator}` only the {word} value, `{}`, counts",
                    text(&values[index]),
                    text(&values[best]),
                ),
            )
            .with_help("remove the value; the values of a key are alternatives"),
        );
    }
}

fn text(value: &ConditionValue) -> String {
    match value {
        ConditionValue::String(text) | ConditionValue::Number(text) => text.clone(),
        ConditionValue::Bool(b) => b.to_string(),
    }
}

/// A CIDR range (or a single address, as a full-length range): its network bits as a 128-bit
/// number (IPv4 mapped into the low 32 bits, with the family kept apart), and its prefix length.
#[derive(Clone, Copy)]
struct Range {
    v6: bool,
    bits: u128,
    prefix: u32,
    width: u32,
}

impl Range {
    fn parse(text: &str) -> Option<Range> {
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix.parse::<u32>().ok()?)),
            None => (text, None),
        };
        let (v6, bits, width) = match address.parse::<IpAddr>().ok()? {
            IpAddr::V4(v4) => (false, u128::from(u32::from(v4)), 32),
            IpAddr::V6(v6) => (true, u128::from(v6), 128),
        };
        let prefix = prefix.unwrap_or(width);
        (prefix <= width).then_some(Range {
            v6,
            bits,
            prefix,
            width,
        })
    }

    /// The mask of the prefix bits, within the family's width.
    fn mask(self) -> u128 {
        if self.prefix == 0 {
            return 0;
        }
        let ones = u128::MAX << (128 - self.prefix);
        ones >> (128 - self.width)
    }

    fn network(self) -> u128 {
        self.bits & self.mask()
    }

    /// Whether every address of `other` is in this range.
    fn contains(self, other: Range) -> bool {
        self.v6 == other.v6
            && self.prefix <= other.prefix
            && (other.network() & self.mask()) == self.network()
    }

    fn show_network(self) -> String {
        let address = if self.v6 {
            IpAddr::from(std::net::Ipv6Addr::from(self.network()))
        } else {
            // The network of an IPv4 range fits in 32 bits by construction.
            IpAddr::from(std::net::Ipv4Addr::from(
                u32::try_from(self.network()).unwrap_or_default(),
            ))
        };
        format!("{address}/{}", self.prefix)
    }
}

fn ip_ranges(values: &[ConditionValue], key_at: &dyn Fn() -> Location, sink: &mut Sink<'_>) {
    let ranges: Vec<Option<Range>> = values
        .iter()
        .map(|value| match value {
            ConditionValue::String(text) if !text.contains("${") => Range::parse(text.trim()),
            _ => None,
        })
        .collect();
    for (index, range) in ranges.iter().enumerate() {
        let Some(range) = *range else {
            continue;
        };
        let written = text(&values[index]);
        if range.bits != range.network() {
            let fixed = range.show_network();
            sink.push(
                Diagnostic::new(
                    Code::ImproveIpRange,
                    key_at().index(index),
                    format!(
                        "`{written}` has bits set after its /{} prefix, which are ignored: it is `{fixed}`",
                        range.prefix
                    ),
                )
                .with_help(format!("write `{fixed}`"))
                .with_suggestion(fixed),
            );
        }
        // Covered by another value: a strictly wider range, or an equal one written earlier.
        let cover = ranges.iter().enumerate().find_map(|(other, candidate)| {
            let candidate = (*candidate)?;
            let equal = candidate.prefix == range.prefix && candidate.contains(range);
            let covers = if equal {
                other < index
            } else {
                other != index && candidate.contains(range)
            };
            covers.then_some(other)
        });
        if let Some(other) = cover {
            sink.push(
                Diagnostic::new(
                    Code::RedundantConditionValue,
                    key_at().index(index),
                    format!(
                        "`{written}` is redundant: it lies inside `{}`, another value of the key",
                        text(&values[other])
                    ),
                )
                .with_help("remove the value; the values of a key are alternatives"),
            );
        }
    }
}

/// Unix epoch values under a `Date*` operator.
fn epochs(values: &[ConditionValue], key_at: &dyn Fn() -> Location, sink: &mut Sink<'_>) {
    for (index, value) in values.iter().enumerate() {
        let (ConditionValue::String(text) | ConditionValue::Number(text)) = value else {
            continue;
        };
        let Ok(seconds) = text.trim().parse::<i64>() else {
            continue;
        };
        let date = utc_date(seconds);
        sink.push(
            Diagnostic::new(
                Code::EpochDateValue,
                key_at().index(index),
                format!(
                    "`{text}` is a Unix epoch time ({date}), which might not resolve as expected"
                ),
            )
            .with_help(format!("write the date in W3C form: `{date}`"))
            .with_suggestion(date),
        );
    }
}

/// The UTC date and time of a Unix epoch second, `YYYY-MM-DDThh:mm:ssZ` (the civil-from-days
/// algorithm of the proleptic Gregorian calendar).
fn utc_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::utc_date;

    #[test]
    fn epoch_dates() {
        assert_eq!(utc_date(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_date(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(utc_date(951_782_400), "2000-02-29T00:00:00Z");
    }
}
