//! `invalid-service-principal-format` on condition values: a value of a key that holds service
//! principals that is not one (`lambda`, `EC2.amazonaws.com`, `ec2.aws.com`), or a
//! `kms:ViaService` value without its region.
//!
//! Access Analyzer's `INVALID_SERVICE_PRINCIPAL_FORMAT`: "The value in the condition key-value
//! pair must match a defined service principal format", usually `service-name.amazonaws.com` in
//! lowercase, and `service-name.AWS_region.amazonaws.com` for `kms:ViaService`
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>).
//! What a service principal looks like is decided once, in `principals::service_principal_problem`,
//! which the `Service` principals share.
//!
//! The keys, each documented as holding service principals:
//! `aws:PrincipalServiceName`, `aws:PrincipalServiceNamesList`, `aws:CalledVia`,
//! `aws:CalledViaFirst`, `aws:CalledViaLast`
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>),
//! `iam:PassedToService`, `iam:AWSServiceName`
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html>)
//! and `kms:ViaService`
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service>).
//!
//! AWS accepts the policy (the condition never matches such a value), so this is a warning.
//! Only `String*` operators are read; values with a `${...}` variable, a `*` or `?` (a pattern
//! under `StringLike`; a literal under `StringEquals`, which `wildcard-without-like-operator`
//! reports) or a documentation placeholder are left alone, and `*IgnoreCase` operators are not
//! held to lowercase.

use super::literal_values::literal_values;
use crate::diagnostic::Location;
use crate::model::Condition;
use crate::validate::principals::{service_principal_problem, ServicePrincipalProblem};
use crate::validate::Sink;
use crate::Code;

/// The keys whose values are service principals; `true` where the value names a region too.
const KEYS: &[(&str, bool)] = &[
    ("aws:PrincipalServiceName", false),
    ("aws:PrincipalServiceNamesList", false),
    ("aws:CalledVia", false),
    ("aws:CalledViaFirst", false),
    ("aws:CalledViaLast", false),
    ("iam:PassedToService", false),
    ("iam:AWSServiceName", false),
    ("kms:ViaService", true),
];

pub(super) fn check(condition: &Condition, at: &Location, sink: &mut Sink<'_>) {
    if !sink.wants(Code::InvalidServicePrincipalFormat) {
        return;
    }
    for value in literal_values(condition, at, KEYS, |(key, _)| key) {
        let (key, regional) = value.key;
        let checked = if value.ignore_case {
            value.text.to_ascii_lowercase()
        } else {
            value.text.to_owned()
        };
        let Some(problem) = service_principal_problem(&checked, *regional) else {
            continue;
        };
        if value.ignore_case && problem == ServicePrincipalProblem::UpperCase {
            continue;
        }
        sink.push(problem.diagnostic(value.text, value.location, Some(key)));
    }
}
