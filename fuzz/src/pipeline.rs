//! The `policy!` pipeline outside a compiler: the macro crate's own parser, attributes,
//! lowering, validation and expansion (compiled here from its sources, see the crate docs).

use std::str::FromStr;

use proc_macro2::{Span, TokenStream, TokenTree};

use crate::dsl::{PolicyInput, StatementInput};
use crate::{attrs, check, expand, lower};

/// Runs `policy!`, `policy_json!` and `statement!` on `tokens` as the compiler would, and
/// returns every span of their output (the compile errors, the warnings and the value).
pub fn expand_all(tokens: &TokenStream) -> Vec<Span> {
    let mut out = Vec::new();
    match syn::parse2::<PolicyInput>(tokens.clone()) {
        Ok(input) => {
            collect(expand::policy(&input), &mut out);
            collect(expand::policy_json(&input), &mut out);
        }
        Err(error) => collect(error.into_compile_error(), &mut out),
    }
    match syn::parse2::<StatementInput>(tokens.clone()) {
        Ok(input) => collect(expand::statement(&input), &mut out),
        Err(error) => collect(error.into_compile_error(), &mut out),
    }
    out
}

fn collect(tokens: TokenStream, out: &mut Vec<Span>) {
    for tree in tokens {
        out.push(tree.span());
        if let TokenTree::Group(group) = tree {
            out.push(group.span_open());
            out.push(group.span_close());
            collect(group.stream(), out);
        }
    }
}

/// A span as offsets into the text it was lexed from: `(0, 0)` is the call site (the macro
/// invocation as a whole), otherwise `lo..hi` counted in chars from 1 (proc-macro2's fallback
/// under `cfg(fuzzing)`, where each lexed text starts at offset 1). `None` when the span's
/// debug form is not `bytes(lo..hi)` (proc-macro2 built without `span-locations`).
pub fn offsets(span: Span) -> Option<(usize, usize)> {
    let debug = format!("{span:?}");
    let inner = debug.strip_prefix("bytes(")?.strip_suffix(')')?;
    let (lo, hi) = inner.split_once("..")?;
    Some((lo.parse().ok()?, hi.parse().ok()?))
}

/// Whether `span` is the call site or lies inside a text of `chars` chars.
pub fn span_inside(span: Span, chars: usize) -> bool {
    match offsets(span) {
        Some((0, 0)) => true,
        Some((lo, hi)) => 1 <= lo && lo <= hi && hi <= chars + 1,
        None => false,
    }
}

/// Why a `policy! { ... }` text did not lower.
#[derive(Debug)]
pub enum LowerError {
    /// The text is not `policy! { ... }` or does not lex.
    NotAMacro(String),
    /// Syntax or attribute errors.
    Errors(Vec<String>),
}

/// Reads `policy! { ... }` (as `policy to-dsl` writes it) and lowers it to the model, as the
/// macro does before validating.
///
/// # Errors
/// [`LowerError`] when the text does not lex or parse, or an attribute is wrong.
pub fn lower_text(text: &str) -> Result<policy_core::Policy, LowerError> {
    let body = text
        .trim()
        .strip_prefix("policy!")
        .map(str::trim)
        .and_then(|rest| rest.strip_prefix('{'))
        .and_then(|rest| rest.strip_suffix('}'))
        .ok_or_else(|| LowerError::NotAMacro("not `policy! { ... }`".to_owned()))?;
    let tokens =
        TokenStream::from_str(body).map_err(|error| LowerError::NotAMacro(error.to_string()))?;
    let input =
        syn::parse2::<PolicyInput>(tokens).map_err(|e| LowerError::Errors(vec![e.to_string()]))?;
    let (settings, mut errors) = attrs::settings(&input.attrs);
    errors.extend(input.errors.iter().cloned());
    let lowered = lower::policy(&input, &settings.shape);
    let (_findings, setting_errors) = check::policy(&lowered.value, &settings, &[]);
    errors.extend(setting_errors);
    if errors.is_empty() {
        Ok(lowered.value)
    } else {
        Err(LowerError::Errors(
            errors.iter().map(ToString::to_string).collect(),
        ))
    }
}
