//! The `policy!`, `statement!` and `policy_json!` macros: AWS IAM policies written in a small
//! DSL, checked at compile time by `policy_core::validate`.
//!
//! Use them through the `typed-iam` crate: the expansion names `::typed_iam` paths, and its crate
//! docs explain each construct with an example. The grammar:
//!
//! ```text
//! policy     = attribute* (statement ";")*
//! statement  = [sid ":"] ("allow" | "deny") [actions] clause*   (clauses at most once, any order)
//! actions    = ["not"] (action | "[" action,* "]")             (brackets: a JSON array)
//! action     = service ":" name | "*" | "..." | unchecked("...")
//! clause     = "on" ["not"] (resource | "[" resource,* "]")
//!            | "for" ["not"] ("*" | kind value ("," kind value)*)   kind: aws service federated canonical_user
//!            | "when" "{" (operator key ":" value),* "}"
//! value      = "text with {rust_expr} and ${aws:policy_variable}" | number | bool | {rust_expr} | [value,*]
//! attribute  = #![version = "2012-10-17" | "2008-10-17" | none]  #![id = "..."]
//!              #![kind = identity | resource | trust | scp | rcp]  #![target = role_inline | ...]
//!              #![allow(placeholder_value, ...)]  #![statement = object | array]
//! ```
//!
//! This crate holds only the entry points; the pipeline works on `proc_macro2` types so that it
//! is unit-tested: parse (`dsl`, one `syn::parse::Parse` impl per node) -> lower to the
//! `policy_core` model with a map from each element's location to its tokens (`lower`) ->
//! `policy_core::validate` with the context the attributes ask for (`check`) -> every error at
//! once, warnings through deprecated constants, and the typed tokens (`expand`, `emit`).

mod attrs;
mod check;
mod dsl;
mod editor;
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
