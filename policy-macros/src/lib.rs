//! The `policy!`, `statement!` and `policy_json!` macros: AWS IAM policies written in a small
//! DSL, checked at compile time by `policy_core::validate`.
//!
//! Use them through the `typed-iam` crate, which re-exports them and documents the grammar
//! with an example per construct. This crate holds only the entry points; the pipeline is
//! parse ([`dsl`]) -> lower to the policy model ([`lower`]) -> validate ([`check`]) -> errors,
//! warnings and typed tokens ([`expand`], [`emit`]).

mod attrs;
mod check;
mod dsl;
mod emit;
mod expand;
mod lower;

/// An IAM policy, checked at compile time: see the `typed-iam` crate for the grammar.
#[proc_macro]
pub fn policy(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as dsl::PolicyInput);
    expand::policy(&input).into()
}

/// One IAM policy statement (a fragment, possibly without `Resource`), checked at compile time.
#[proc_macro]
pub fn statement(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as dsl::StatementInput);
    expand::statement(&input).into()
}

/// The pretty JSON of a policy as a `&'static str`, made at compile time.
#[proc_macro]
pub fn policy_json(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as dsl::PolicyInput);
    expand::policy_json(&input).into()
}
