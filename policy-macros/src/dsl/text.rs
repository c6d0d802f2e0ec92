//! String literals: `{expr}` interpolations, `${aws:..}` policy variables, `{expr}` values.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::LitStr;

use super::recovery::*;
use super::*;

/// `{expr}` in value position.
pub(super) fn parse_block_expr(input: ParseStream<'_>) -> syn::Result<(syn::Expr, Span)> {
    let content;
    let brace = syn::braced!(content in input);
    let expr = in_group(&content, |content| {
        let expr: syn::Expr = content.parse()?;
        if !content.is_empty() {
            return Err(content.error("expected one expression in `{..}`"));
        }
        Ok(expr)
    })?;
    Ok((expr, brace.span.join()))
}

impl Parse for TextNode {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let lit: LitStr = input.parse()?;
        let pieces = split_interpolations(&lit)?;
        Ok(Self { lit, pieces })
    }
}

/// Splits `"arn:aws:s3:::{bucket}/${aws:username}"` into text and expressions. `{{` and `}}` are
/// literal braces; `${...}` is an IAM policy variable and stays text.
pub(crate) fn split_interpolations(lit: &LitStr) -> syn::Result<Vec<Piece>> {
    let value = lit.value();
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = value.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '$' if chars.peek().map(|&(_, next)| next) == Some('{') => {
                // An IAM policy variable: copy up to and including the closing brace.
                text.push('$');
                for (_, inner) in chars.by_ref() {
                    text.push(inner);
                    if inner == '}' {
                        break;
                    }
                }
            }
            '{' if chars.peek().map(|&(_, next)| next) == Some('{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek().map(|&(_, next)| next) == Some('}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let mut source = String::new();
                let mut closed = false;
                for (_, inner) in chars.by_ref() {
                    if inner == '}' {
                        closed = true;
                        break;
                    }
                    source.push(inner);
                }
                if !closed {
                    return Err(syn::Error::new(
                        lit.span(),
                        "unclosed `{` in string\n= help: write `{{` for a literal `{`, or `${..}` for an IAM policy variable",
                    ));
                }
                let tokens: TokenStream = syn::parse_str(&source).map_err(|_| {
                    syn::Error::new(
                        lit.span(),
                        format!("expected a Rust expression in `{{{source}}}`\n= help: write `{{{{` for a literal `{{`, or `${{..}}` for an IAM policy variable"),
                    )
                })?;
                let expr: syn::Expr = syn::parse2(respan(tokens, lit.span())).map_err(|_| {
                    syn::Error::new(
                        lit.span(),
                        format!("expected a Rust expression in `{{{source}}}`\n= help: write `{{{{` for a literal `{{`, or `${{..}}` for an IAM policy variable"),
                    )
                })?;
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Expr(expr));
            }
            '}' => {
                return Err(syn::Error::new(
                    lit.span(),
                    "unmatched `}` in string\n= help: write `}}` for a literal `}`",
                ));
            }
            _ => text.push(c),
        }
    }
    if !text.is_empty() || pieces.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

/// Gives every token the span of the string literal it came from, so that names resolve where the
/// user wrote them and errors point at the literal.
pub(super) fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = TokenTree::Group(inner);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}
