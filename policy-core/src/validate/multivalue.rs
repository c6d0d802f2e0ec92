//! Set operators and multivalued keys: `forallvalues-with-single-valued-key` and
//! `foranyvalue-with-audience-claim` (security warnings) and `multivalued-key-without-qualifier`
//! (a warning).
//!
//! AWS's rules (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html>):
//! - `ForAllValues:` is true when every value of the request's key is in the policy's list, and
//!   therefore also when the key is absent or empty; on a single-valued key it turns a
//!   restriction into "or the key is missing", which is overly permissive;
//! - a multivalued key (an `ArrayOf...` type in the Service Authorization Reference, such as
//!   `aws:TagKeys`) compared without `ForAllValues:` or `ForAnyValue:` is compared as a whole
//!   set by a single-value operator, which does not mean what it reads as.
//!
//! - an OIDC provider's audience claim (`HOST:aud`) is single-valued: Access Analyzer's
//!   `FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE` ("Using ForAnyValue qualifier with the single-valued
//!   condition key ... can be overly permissive") and `CONFIRM_AUDIENCE_CLAIM_TYPE` ("Because
//!   this claim is single-valued, do not use a qualifier"), in the policy check reference
//!   (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>).
//!   `ForAllValues:` on it is already `forallvalues-with-single-valued-key` (the catalog types
//!   the claim as a single string), so this code is for `ForAnyValue:`.
//!
//! `Null` takes no qualifier and checks presence, so it is never reported; unknown keys are left
//! to `unknown-condition-key`. Empty value lists under a qualifier are `empty-statement`, whose
//! message says what the empty list does.

use catalog::index::catalog;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{BaseOperator, SetQualifier, Statement};
use crate::validate::Sink;

pub(super) fn check(statement: &Statement, at: &Location, sink: &mut Sink<'_>) {
    let Some(condition) = statement.condition() else {
        return;
    };
    if !sink.wants(Code::ForAllValuesWithSingleValuedKey)
        && !sink.wants(Code::MultivaluedKeyWithoutQualifier)
        && !sink.wants(Code::ForAnyValueWithAudienceClaim)
    {
        return;
    }
    let cat = catalog();
    for block in condition.blocks() {
        let Some(kind) = block.operator().kind() else {
            continue;
        };
        if kind.base == BaseOperator::Null {
            continue;
        }
        let operator = block.operator().as_str();
        for entry in block.entries() {
            let key = entry.key();
            let Some(info) = cat.condition_key(key) else {
                continue;
            };
            let multivalued = info.value_type().is_multivalued();
            let location = || at.clone().key("Condition").key(operator).key(key);
            match (kind.qualifier, multivalued) {
                (Some(SetQualifier::ForAllValues), false) => sink.push(
                    Diagnostic::new(
                        Code::ForAllValuesWithSingleValuedKey,
                        location(),
                        format!(
                            "`ForAllValues:` on the single-valued key `{key}` is also true when \
                             the request has no `{key}`"
                        ),
                    )
                    .with_help(format!(
                        "remove `ForAllValues:` (write `{}`)",
                        operator.trim_start_matches("ForAllValues:")
                    )),
                ),
                (Some(SetQualifier::ForAnyValue), false) if is_audience_claim(key) => sink.push(
                    Diagnostic::new(
                        Code::ForAnyValueWithAudienceClaim,
                        location(),
                        format!(
                            "`ForAnyValue:` on `{key}`, the token's audience (`aud`) claim, which \
                             is single-valued"
                        ),
                    )
                    .with_help(format!(
                        "remove `ForAnyValue:` (write `{}`)",
                        operator.trim_start_matches("ForAnyValue:")
                    )),
                ),
                (None, true) => sink.push(
                    Diagnostic::new(
                        Code::MultivaluedKeyWithoutQualifier,
                        location(),
                        format!(
                            "`{key}` is multivalued, and `{operator}` without `ForAllValues:` or \
                             `ForAnyValue:` compares it as one value"
                        ),
                    )
                    .with_help(format!(
                        "write `ForAnyValue:{operator}` (any value matches) or \
                         `ForAllValues:{operator}` (every value matches)"
                    )),
                ),
                _ => {}
            }
        }
    }
}

/// Whether `key` is an OIDC provider's audience claim: a condition key the catalog knows whose
/// prefix is a provider's host (it has a `.`, which a service prefix never has) and whose claim
/// is `aud` (`token.actions.githubusercontent.com:aud`, `accounts.google.com:aud`,
/// `oidc.eks.us-east-1.amazonaws.com/id/ID:aud`).
fn is_audience_claim(key: &str) -> bool {
    key.rsplit_once(':').is_some_and(|(provider, claim)| {
        claim.eq_ignore_ascii_case("aud") && provider.contains('.')
    })
}
