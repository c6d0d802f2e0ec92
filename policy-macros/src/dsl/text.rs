//! String literals: `{expr}` interpolations, `${aws:..}` policy variables, `{expr}` values.

use proc_macro2::{Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::LitStr;

use super::*;

/// A Rust expression the user wrote in `{..}`, kept as tokens: the compiler parses it where the
/// expansion puts it (in parentheses), and reports what is wrong inside with its own message.
///
/// Why tokens and not `syn::Expr`: parsing every Rust expression needs syn's `full` feature,
/// which is 2 of the 6 seconds of CPU that `syn` costs a user's first build (measured with
/// `cargo build -j1` of `syn` alone, `full` against `derive`; `benches/build-times/RESULTS.md`).
/// The macro never looks inside the expression; it only needs to know that there is exactly one,
/// which [`RustExpr::new`] checks for the mistakes a policy invites (`{a, b}`, `{bucket name}`).
pub(crate) struct RustExpr(TokenStream);

impl RustExpr {
    /// The tokens as one expression, or why they cannot be one: empty, several expressions
    /// separated by `,` or `;`, or two names or literals side by side (`bucket name`). Anything
    /// else is left to the compiler, so that no valid expression is refused here.
    pub(crate) fn new(tokens: TokenStream) -> Result<Self, &'static str> {
        let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
        if trees.is_empty() {
            return Err("expected an expression in `{..}`, found nothing");
        }
        let mut previous_operand = false;
        for (index, tree) in trees.iter().enumerate() {
            let operand = match tree {
                TokenTree::Punct(punct) => {
                    let colon_alone = punct.as_char() == ':'
                        && punct.spacing() == Spacing::Alone
                        && !matches!(index.checked_sub(1).and_then(|i| trees.get(i)),
                            Some(TokenTree::Punct(before)) if before.as_char() == ':' && before.spacing() == Spacing::Joint);
                    if matches!(punct.as_char(), ',' | ';') || colon_alone {
                        return Err("expected one expression in `{..}`");
                    }
                    false
                }
                TokenTree::Ident(ident) => !is_keyword(&ident.to_string()),
                TokenTree::Literal(_) => true,
                // `f(x)`, `a[0]`, `S { .. }`: a group may follow an operand.
                TokenTree::Group(_) => false,
            };
            if operand && previous_operand {
                return Err("expected one expression in `{..}`");
            }
            previous_operand = operand;
        }
        Ok(Self(tokens))
    }
}

/// Rust's keywords, strict and reserved, and the weak ones that may start or join an
/// expression: a keyword beside a name (`x as u32`, `&raw const x`) is not two expressions, and
/// none of them is made an identifier by the editor's paths.
pub(crate) fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "as" | "async"
            | "await"
            | "box"
            | "break"
            | "const"
            | "continue"
            | "crate"
            | "dyn"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "gen"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "raw"
            | "ref"
            | "return"
            | "safe"
            | "self"
            | "Self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "try"
            | "type"
            | "union"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "yield"
    )
}

impl ToTokens for RustExpr {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let inner = &self.0;
        tokens.extend(quote::quote!((#inner)));
    }
}

/// `{expr}` in value position.
pub(super) fn parse_block_expr(input: ParseStream<'_>) -> syn::Result<(RustExpr, Span)> {
    let content;
    let brace = syn::braced!(content in input);
    let span = brace.span.join();
    let tokens: TokenStream = content.parse()?;
    let expr = RustExpr::new(tokens).map_err(|message| syn::Error::new(span, message))?;
    Ok((expr, span))
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
                let expr = RustExpr::new(respan(tokens, lit.span())).map_err(|_| {
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
