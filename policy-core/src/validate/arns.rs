//! ARN fields: `invalid-partition`, `invalid-arn-service-case`, `invalid-region` and
//! `invalid-arn-account` (errors), and `missing-arn-region` (a warning), for the ARNs of
//! `Resource` and `NotResource`.
//!
//! AWS's ARN format (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html>):
//! `arn:partition:service:region:account-id:resource`, where the partition is one of AWS's
//! partitions, the service namespace is lowercase, the region is a region code, and the
//! account ID has 12 digits "without hyphens". Some resources have no region or no account
//! (S3 buckets, IAM): AWS rejects an ARN that names one there.
//!
//! Decisions:
//! - a field holding a wildcard (`*`, `?`) or a `${...}` variable is not checked (it may stand
//!   for any valid value); an empty region or account is always accepted (global and AWS-owned
//!   resources);
//! - the account may also be `aws`, which AWS writes for AWS-owned resources (managed policies,
//!   public SSM parameters, SageMaker images);
//! - "has no region / no account" is decided per service: when *every* ARN format of the
//!   service's resource types in the catalog leaves the field empty (IAM, S3 buckets are not
//!   alone in S3, so S3 is not decided);
//! - a region that is not in the vendored table (`regions.rs`) but has a region's shape is a
//!   warning, since AWS opens regions after the table was written; any other region is an error.

use catalog::index::{catalog, ArnPattern};

use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::validate::regions::{is_region_shaped, PARTITIONS, REGIONS};
use crate::validate::resources::arn::ArnParts;
use crate::validate::Sink;

fn open(field: &str) -> bool {
    field.contains(['*', '?']) || field.contains("${")
}

pub(crate) fn check(
    parts: &ArnParts<'_>,
    text: &str,
    location: &dyn Fn() -> Location,
    sink: &mut Sink<'_>,
) {
    if !open(parts.partition) && !PARTITIONS.contains(&parts.partition) {
        sink.push(
            Diagnostic::new(
                Code::InvalidPartition,
                location(),
                format!("`{}` in `{text}` is not an AWS partition", parts.partition),
            )
            .with_help(format!(
                "write one of `{}` (usually `aws`)",
                PARTITIONS.join("`, `")
            )),
        );
    }
    if !open(parts.service) && parts.service.bytes().any(|b| b.is_ascii_uppercase()) {
        let lower = parts.service.to_ascii_lowercase();
        sink.push(
            Diagnostic::new(
                Code::InvalidArnServiceCase,
                location(),
                format!(
                    "the service `{}` in `{text}` is not lowercase",
                    parts.service
                ),
            )
            .with_help(format!("write `{lower}`"))
            .with_suggestion(text.replacen(parts.service, &lower, 1)),
        );
    }
    if parts.region.is_empty() && !parts.account.is_empty() && sink.wants(Code::MissingArnRegion) {
        missing_region(parts, text, location, sink);
    }
    let region_given = !parts.region.is_empty() && !open(parts.region);
    let account_given = !parts.account.is_empty() && !open(parts.account);
    if !region_given && !account_given {
        return;
    }
    let (has_region, has_account) = service_fields(parts.service);
    if region_given {
        if !has_region {
            sink.push(
                Diagnostic::new(
                    Code::InvalidRegion,
                    location(),
                    format!(
                        "`{}` resources have no region, but `{text}` names `{}`",
                        parts.service, parts.region
                    ),
                )
                .with_help("leave the region field empty (`arn:aws:SERVICE::...`)"),
            );
        } else if !REGIONS.contains(&parts.region) {
            let shaped = is_region_shaped(parts.region);
            let mut diagnostic = Diagnostic::new(
                Code::InvalidRegion,
                location(),
                if shaped {
                    format!(
                        "`{}` in `{text}` is not a region this checker knows (its table is of 2025-11)",
                        parts.region
                    )
                } else {
                    format!("`{}` in `{text}` is not an AWS region", parts.region)
                },
            )
            .with_help("write a region code such as `us-east-1`, or `*`");
            if shaped {
                diagnostic = diagnostic.with_severity(Severity::Warning);
            }
            sink.push(diagnostic);
        }
    }
    if account_given {
        if !has_account {
            sink.push(
                Diagnostic::new(
                    Code::InvalidArnAccount,
                    location(),
                    format!(
                        "`{}` resources have no account in their ARN, but `{text}` names `{}`",
                        parts.service, parts.account
                    ),
                )
                .with_help("leave the account field empty (`arn:aws:SERVICE:REGION::...`)"),
            );
        } else if !(parts.account == "aws"
            || (parts.account.len() == 12 && parts.account.bytes().all(|b| b.is_ascii_digit())))
        {
            sink.push(
                Diagnostic::new(
                    Code::InvalidArnAccount,
                    location(),
                    format!("`{}` in `{text}` is not an account ID", parts.account),
                )
                .with_help("write the 12 digits of the account ID, without hyphens, or `*`"),
            );
        }
    }
}

/// `missing-arn-region`: an ARN with an empty region (and an account) for a resource whose ARN
/// always has a region, which then names no resource (IAM compares ARNs field by field, and an
/// empty field matches only an empty one).
///
/// Access Analyzer's `MISSING_ARN_REGION`: "Add a Region to the {service} resource ARN. The
/// resource ARNs for most AWS services require that you specify a Region"
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>).
/// Decided only where it is unambiguous: the service is known and not a wildcard, the account
/// field is not empty (AWS-owned resources are written with an empty account,
/// `arn:aws:ssm:us-east-1::parameter/aws/...`), the resource part matches at least one of the
/// service's ARN formats once the region is left open, and *every* format it matches has a
/// region (`arn:aws:s3::123456789012:accesspoint/x` also matches the Multi-Region Access
/// Point's format, which has none, so it is not reported). A warning: AWS accepts the policy,
/// the statement just never applies to that ARN.
fn missing_region(
    parts: &ArnParts<'_>,
    text: &str,
    location: &dyn Fn() -> Location,
    sink: &mut Sink<'_>,
) {
    if open(parts.service) || open(parts.partition) {
        return;
    }
    // Most ARNs with an empty region are of services without regions (IAM, S3 buckets,
    // CloudFront, Organizations): one pass over the formats' region fields settles those.
    if !service_fields(parts.service).0 {
        return;
    }
    let Some(service) = catalog().service(parts.service) else {
        return;
    };
    let any_region = format!(
        "arn:{}:{}:*:{}:{}",
        parts.partition, parts.service, parts.account, parts.resource
    );
    let pattern = ArnPattern::new(&any_region);
    let mut matched = false;
    for resource_type in service.resource_types() {
        for format in resource_type.arn_formats() {
            if !pattern.matches(format) {
                continue;
            }
            if format_region(format).is_empty() {
                return;
            }
            matched = true;
        }
    }
    if !matched {
        return;
    }
    sink.push(
        Diagnostic::new(
            Code::MissingArnRegion,
            location(),
            format!(
                "`{}` resources of this kind have a region in their ARN, but `{text}` leaves it empty: it names no resource",
                parts.service
            ),
        )
        .with_help("write the region (`us-east-1`), or `*` for any region"),
    );
}

/// The region field of an ARN format of the catalog (`${Region}`, or empty).
fn format_region(format: &str) -> &str {
    format.split(':').nth(3).unwrap_or_default()
}

/// Whether some ARN format of the service has a region, and whether some has an account.
/// Unknown services (left to the other rules) count as having both.
fn service_fields(service: &str) -> (bool, bool) {
    let Some(known) = catalog().service(service) else {
        return (true, true);
    };
    let mut region = false;
    let mut account = false;
    let mut any = false;
    for resource_type in known.resource_types() {
        for format in resource_type.arn_formats() {
            any = true;
            let mut fields = format.splitn(6, ':');
            let (_, _, _, r, a) = (
                fields.next(),
                fields.next(),
                fields.next(),
                fields.next(),
                fields.next(),
            );
            region |= r.is_some_and(|r| !r.is_empty());
            account |= a.is_some_and(|a| !a.is_empty());
        }
    }
    if !any {
        return (true, true);
    }
    (region, account)
}
