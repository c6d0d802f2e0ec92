//! Expansion: validate the lowered model, turn findings into compile errors and warnings on the
//! user's tokens, and emit the typed value.

use policy_core::{Diagnostic, Location, Segment, Severity};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::dsl::{PolicyInput, StatementInput};
use crate::lower::{self, Lowered};
use crate::{attrs, check, editor, emit};

/// `policy!`: a `Policy` value.
pub(crate) fn policy(input: &PolicyInput) -> TokenStream {
    let (settings, mut errors) = attrs::settings(&input.attrs);
    errors.extend(input.errors.iter().cloned());
    errors.extend(statement_object_error(input, &settings));
    let lowered = lower::policy(input, &settings.shape);
    let (findings, setting_errors) = check::policy(&lowered.value, &settings, &lowered.unknowable);
    errors.extend(setting_errors);
    let findings = without_follow_ups(input, findings);
    let diagnostics = render(&lowered, findings, &mut errors);
    let value = emit::policy(input, &settings.shape, &lowered.value);
    finish(errors, diagnostics, editor::policy(input), value)
}

/// `statement!`: a `Statement` value.
pub(crate) fn statement(input: &StatementInput) -> TokenStream {
    let (settings, mut errors) = attrs::settings(&input.attrs);
    let lowered = lower::statement(&input.statement);
    let (findings, setting_errors) =
        check::statement(&lowered.value, &settings, &lowered.unknowable);
    errors.extend(setting_errors);
    let diagnostics = render(&lowered, findings, &mut errors);
    let value = emit::statement(&input.statement, &lowered.value);
    finish(
        errors,
        diagnostics,
        editor::statement(&input.statement),
        value,
    )
}

/// `policy_json!`: the pretty JSON of a policy, made now.
pub(crate) fn policy_json(input: &PolicyInput) -> TokenStream {
    let (settings, mut errors) = attrs::settings(&input.attrs);
    errors.extend(input.errors.iter().cloned());
    errors.extend(statement_object_error(input, &settings));
    let lowered = lower::policy(input, &settings.shape);
    let (findings, setting_errors) = check::policy(&lowered.value, &settings, &lowered.unknowable);
    errors.extend(setting_errors);
    let findings = without_follow_ups(input, findings);
    let diagnostics = render(&lowered, findings, &mut errors);
    for span in emit::interpolations(input) {
        errors.push(syn::Error::new(
            span,
            "`policy_json!` makes its JSON at compile time, so it cannot interpolate values\n= help: use `policy!` and `to_json_pretty()` at run time",
        ));
    }
    let json = check::to_json_pretty(&lowered.value);
    finish(errors, diagnostics, editor::policy(input), quote!(#json))
}

/// `#![statement = object]` writes one statement as a JSON object: it needs exactly one.
fn statement_object_error(input: &PolicyInput, settings: &attrs::Settings) -> Option<syn::Error> {
    let span = settings.shape.statement_object?;
    let count = input.statements.len() + input.errors.len();
    (count != 1).then(|| {
        syn::Error::new(
            span,
            format!("`statement = object` writes one statement as an object, but the policy has {count}\n= help: remove the attribute to write the statements as an array"),
        )
    })
}

/// After a syntax error the statements that could not be read are missing from the model, so
/// findings about the statement list as a whole (it is empty, it is small) would only repeat it.
fn without_follow_ups(input: &PolicyInput, findings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if input.errors.is_empty() {
        return findings;
    }
    let statements = Location::root().key("Statement");
    findings
        .into_iter()
        .filter(|finding| finding.location != Location::root() && finding.location != statements)
        .collect()
}

/// Turns findings into errors (pushed to `errors`) and warning tokens (returned).
fn render<T>(
    lowered: &Lowered<T>,
    findings: Vec<Diagnostic>,
    errors: &mut Vec<syn::Error>,
) -> Vec<TokenStream> {
    let mut warnings = Vec::new();
    for finding in findings {
        let span = lowered.spans.get(&finding.location);
        let finding = lowered.as_written(finding);
        match finding.severity {
            Severity::Error => errors.push(error(&finding, span)),
            Severity::Warning => warnings.push(warning(&finding, span)),
        }
    }
    warnings
}

/// The expansion: what only an editor sees (`editor`), then every error at once, then the
/// warnings, then the value (still typed, so that an error leaves no follow-up errors and
/// editors keep their information).
///
/// The editor's tokens come first because rust-analyzer completes inside a macro by expanding
/// it twice, as written and with a marker inserted at the cursor, and then reads the real
/// expansion at the offset where the marker landed in the other: any text before that point
/// must be the same in both. The errors quote what the user typed (`iam:Pass` becomes
/// `iam:PassintellijRulezz` in the marked copy), so placed first they would shift the offset
/// and completion would find nothing.
fn finish(
    errors: Vec<syn::Error>,
    warnings: Vec<TokenStream>,
    editor: TokenStream,
    value: TokenStream,
) -> TokenStream {
    let errors = errors.into_iter().reduce(|mut all, error| {
        all.combine(error);
        all
    });
    let errors = errors.map(|error| error.into_compile_error());
    quote! {{ #editor #errors #(#warnings)* #value }}
}

/// The text of a finding as a compile error: message and code, then `= help:` on its own line.
pub(crate) fn message(finding: &Diagnostic) -> String {
    match &finding.help {
        Some(help) => format!("{} [{}]\n= help: {help}", finding.message, finding.code),
        None => format!("{} [{}]", finding.message, finding.code),
    }
}

fn error(finding: &Diagnostic, (first, last): (Span, Span)) -> syn::Error {
    // Two tokens carrying the first and last span make `new_spanned` underline the whole range on
    // stable Rust.
    let range = quote_spanned!(first=> __policy_first)
        .into_iter()
        .chain(quote_spanned!(last=> __policy_last));
    syn::Error::new_spanned(range.collect::<TokenStream>(), message(finding))
}

/// A warning on stable Rust: the use of a deprecated constant, with the finding as its note.
///
/// A warning has one span on stable Rust: the first token of the element, except in an action,
/// where the name says more than the service (`s3:getobject` points at `getobject`).
fn warning(finding: &Diagnostic, (first, last): (Span, Span)) -> TokenStream {
    let in_action = matches!(
        finding.location.segments(),
        [.., Segment::Key(key), Segment::Index(_)] if key == "Action" || key == "NotAction"
    );
    let first = if in_action { last } else { first };
    let note = match &finding.help {
        Some(help) => format!("{} [{}]; help: {help}", finding.message, finding.code),
        None => format!("{} [{}]", finding.message, finding.code),
    };
    quote_spanned! {first=>
        const _: () = {
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            const policy_warning: () = ();
            policy_warning
        };
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    fn expand(tokens: TokenStream) -> String {
        let input = syn::parse2(tokens).unwrap();
        super::policy(&input).to_string()
    }

    use proc_macro2::TokenStream;

    #[test]
    fn warnings_are_deprecated_constants_and_the_value_follows() {
        let expanded = expand(quote! {
            allow [kms:CreateGrant] on "arn:aws:kms:region:account-id:key/kms-key-id";
        });
        assert!(!expanded.contains("compile_error"), "{expanded}");
        assert!(expanded.contains("deprecated"), "{expanded}");
        assert!(expanded.contains("[placeholder-value]"), "{expanded}");
        assert!(
            expanded.contains(":: typed_iam :: __private :: policy"),
            "{expanded}"
        );
    }

    #[test]
    fn an_allowed_code_is_silent() {
        let expanded = expand(quote! {
            #![allow(placeholder_value)]
            allow [kms:CreateGrant] on "arn:aws:kms:region:account-id:key/kms-key-id";
        });
        assert!(!expanded.contains("deprecated"), "{expanded}");
    }

    #[test]
    fn errors_come_with_a_typed_value() {
        let expanded = expand(quote! {
            "Bad Sid": allow [s3:GetObject] on "arn:aws:s3::bucket";
        });
        assert_eq!(expanded.matches("compile_error").count(), 2, "{expanded}");
        assert!(expanded.contains("[invalid-sid]"), "{expanded}");
        assert!(expanded.contains("[malformed-arn]"), "{expanded}");
        assert!(
            expanded.contains(":: typed_iam :: __private :: policy"),
            "{expanded}"
        );
    }

    #[test]
    fn a_star_in_brackets_is_an_array() {
        let expanded = expand(quote! { allow [s3:GetObject] on [*]; });
        assert!(
            expanded.contains("many ([:: typed_iam :: __private :: resource (\"*\")])"),
            "{expanded}"
        );
    }
}

#[cfg(test)]
mod typed_action_tests {
    fn expand() -> String {
        let input = syn::parse2(quote::quote! {
            allow [bedrock:CreateEvaluationJob, s3:getobject, rds-db:connect, cognito-idp:ListUsers, s3:Get*] on *;
        })
        .unwrap();
        super::policy(&input).to_string()
    }

    #[test]
    #[cfg(feature = "enums")]
    fn known_actions_are_catalog_variants() {
        let expanded = expand();
        for expected in [
            ":: typed_iam :: __private :: action (:: typed_iam :: catalog :: bedrock :: Action :: CreateEvaluationJob)",
            ":: typed_iam :: __private :: action_as_written (:: typed_iam :: catalog :: s3 :: Action :: GetObject , \"s3:getobject\")",
            ":: typed_iam :: __private :: action (:: typed_iam :: catalog :: rds_db :: Action :: Connect)",
            ":: typed_iam :: __private :: action (:: typed_iam :: catalog :: cognito_idp :: Action :: ListUsers)",
            ":: typed_iam :: __private :: pattern (\"s3:Get*\")",
        ] {
            assert!(expanded.contains(expected), "{expected}\nin\n{expanded}");
        }
    }

    #[test]
    #[cfg(not(feature = "enums"))]
    fn without_enums_known_actions_are_looked_up() {
        let expanded = expand();
        // The catalog paths are in the editor's block only, which the compiler never sees.
        let (editor, value) = expanded
            .split_once(":: typed_iam :: __private :: policy (")
            .unwrap();
        assert!(editor.contains(":: typed_iam :: __editor !"), "{expanded}");
        assert!(!value.contains(":: catalog ::"), "{expanded}");
        assert!(
            expanded.contains(":: typed_iam :: __private :: known (\"s3:getobject\")"),
            "{expanded}"
        );
    }
}
