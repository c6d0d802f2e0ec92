//! `variable-unsupported-in-element` (an error): a `${...}` policy variable in `Action`,
//! `NotAction`, `Principal` or `NotPrincipal`.
//!
//! Policy variables are replaced only in the `Resource` element and in condition values
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html>, "Where
//! you can use policy variables"); anywhere else `${aws:username}` is the literal text, which
//! names no action and no principal. Access Analyzer reports it as `VARIABLE_UNSUPPORTED_IN_ELEMENT`
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>).
//! The element's other checks are skipped for such a value, so it gets this one finding instead
//! of an `unknown-action` or `invalid-principal` that would not say why.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::validate::Sink;

/// Reports `text` if it holds a policy variable; returns whether it did.
pub(super) fn check(
    text: &str,
    element: &str,
    location: impl FnOnce() -> Location,
    sink: &mut Sink<'_>,
) -> bool {
    if !text.contains("${") {
        return false;
    }
    sink.push(
        Diagnostic::new(
            Code::VariableUnsupportedInElement,
            location(),
            format!("`{text}` holds a policy variable, which `{element}` does not replace"),
        )
        .with_help(
            "policy variables work only in `Resource` and in condition values: write the value in full here",
        ),
    );
    true
}
