//! Parsing `when { .. }` clauses: operator, key, `:`, values.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{bracketed, parenthesized, Ident, LitStr, Token};

use super::*;
use super::{recovery::*, statements::*, text::*};

impl Parse for ConditionClause {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let keyword: kw::when = input.parse()?;
        let content;
        let brace = syn::braced!(content in input);
        let list = parse_list_keeping_cuts(&content, parse_line);
        Ok(Self {
            lines: list.items,
            partial: list.partial,
            errors: list.errors,
            span: (keyword.span, brace.span.close()),
        })
    }
}

/// One line of a `when` block. A line cut short after its key (`StringEquals iam:Pass` while the
/// user is still typing) comes back with the error and the line without values, so that the
/// editor can still complete the key.
fn parse_line(input: ParseStream<'_>) -> Result<ConditionLine, Cut<ConditionLine>> {
    let cut = |error| Cut {
        error,
        partial: None,
    };
    // The operator: `StringEquals`, `ForAllValues:StringLikeIfExists`, or any identifier (an
    // unknown operator is the validator's to report, with a suggestion).
    if !input.peek(Ident::peek_any) {
        return Err(cut(
            input.error("expected a condition operator such as `StringEquals`")
        ));
    }
    let first = Ident::parse_any(input).map_err(cut)?;
    let mut operator = first.unraw().to_string();
    let mut last = first.span();
    if input.peek(Token![:]) && !input.peek(Token![::]) {
        input.parse::<Token![:]>().map_err(cut)?;
        let base = Ident::parse_any(input).map_err(cut)?;
        operator.push(':');
        operator.push_str(&base.unraw().to_string());
        last = base.span();
    }
    let operator_span = (first.span(), last);
    let (key, key_unchecked, key_span) = parse_condition_key(input).map_err(cut)?;
    let mut line = ConditionLine {
        operator,
        operator_span,
        key,
        key_unchecked,
        key_span,
        values: Items::Many(Vec::new()),
    };
    let values = if input.peek(Token![:]) {
        input.parse::<Token![:]>().and_then(|_| {
            if input.peek(syn::token::Bracket) {
                let content;
                bracketed!(content in input);
                Ok(Items::Many(parse_list(
                    &content,
                    ConditionValueNode::parse,
                )?))
            } else {
                Ok(Items::One(input.parse()?))
            }
        })
    } else {
        Err(input.error(format!(
            "expected `:` between the condition key `{}` and its value",
            line.key
        )))
    };
    match values {
        Ok(values) => {
            line.values = values;
            Ok(line)
        }
        Err(error) => Err(Cut {
            error,
            partial: Some(Box::new(line)),
        }),
    }
}

/// `aws:SourceAccount`, `aws:RequestTag/team`, `"aws:RequestTag/a:b"`, `unchecked("x:y")`.
pub(super) fn parse_condition_key(
    input: ParseStream<'_>,
) -> syn::Result<(String, bool, (Span, Span))> {
    if input.peek(kw::unchecked) && input.peek2(syn::token::Paren) {
        let keyword: kw::unchecked = input.parse()?;
        let content;
        let paren = parenthesized!(content in input);
        let lit: LitStr = in_group(&content, |content| content.parse())?;
        return Ok((lit.value(), true, (keyword.span, paren.span.close())));
    }
    let lookahead = input.lookahead1();
    if lookahead.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Ok((lit.value(), false, (lit.span(), lit.span())));
    }
    if !lookahead.peek(Ident::peek_any) {
        return Err(lookahead.error());
    }
    let (prefix, (first, _)) = parse_dashed_name(input)?;
    input.parse::<Token![:]>()?;
    let name = Ident::parse_any(input)?;
    let mut key = format!("{prefix}:{}", name.unraw());
    let mut last = name.span();
    if input.peek(Token![/]) {
        input.parse::<Token![/]>()?;
        key.push('/');
        // A tag key or other suffix: words joined by `-`, `.`, `_`, `/` up to the `:`.
        loop {
            if input.peek(Ident::peek_any) {
                let part = Ident::parse_any(input)?;
                key.push_str(&part.unraw().to_string());
                last = part.span();
            } else if input.peek(syn::LitInt) {
                let part: syn::LitInt = input.parse()?;
                key.push_str(&part.to_string());
                last = part.span();
            } else {
                return Err(input.error(
                    "expected a name after `/`\n= help: write keys with other characters as a string: `\"aws:RequestTag/a:b\"`",
                ));
            }
            if input.peek(Token![-]) {
                input.parse::<Token![-]>()?;
                key.push('-');
            } else if input.peek(Token![.]) {
                input.parse::<Token![.]>()?;
                key.push('.');
            } else if input.peek(Token![/]) {
                input.parse::<Token![/]>()?;
                key.push('/');
            } else {
                break;
            }
        }
    }
    Ok((key, false, (first, last)))
}

impl Parse for ConditionValueNode {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let lookahead = input.lookahead1();
        if lookahead.peek(LitStr) {
            Ok(ConditionValueNode::Text(input.parse()?))
        } else if lookahead.peek(syn::LitBool) {
            let lit: syn::LitBool = input.parse()?;
            Ok(ConditionValueNode::Bool(lit.value, lit.span))
        } else if lookahead.peek(syn::LitInt)
            || lookahead.peek(syn::LitFloat)
            || lookahead.peek(Token![-])
        {
            let minus = if input.peek(Token![-]) {
                Some(input.parse::<Token![-]>()?.span)
            } else {
                None
            };
            let lit: syn::Lit = input.parse()?;
            let text = match &lit {
                syn::Lit::Int(int) if int.suffix().is_empty() => int.to_string(),
                syn::Lit::Float(float) if float.suffix().is_empty() => float.to_string(),
                _ => {
                    return Err(syn::Error::new(
                        lit.span(),
                        "expected a number without a suffix",
                    ))
                }
            };
            let text = if minus.is_some() {
                format!("-{text}")
            } else {
                text
            };
            Ok(ConditionValueNode::Number(
                text,
                (minus.unwrap_or(lit.span()), lit.span()),
            ))
        } else if lookahead.peek(syn::token::Brace) {
            let (expr, span) = parse_block_expr(input)?;
            Ok(ConditionValueNode::Expr(expr, span))
        } else {
            Err(lookahead.error())
        }
    }
}
