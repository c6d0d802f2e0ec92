//! Parsing `for` clauses: `*` or `kind value, kind value, ...`.

use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{bracketed, Ident, Token};

use super::*;
use super::{recovery::*, statements::*};

impl Parse for PrincipalClause {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let keyword: Token![for] = input.parse()?;
        let negated = if input.peek(kw::not) {
            input.parse::<kw::not>()?;
            true
        } else {
            false
        };
        if input.peek(Token![*]) {
            let star: Token![*] = input.parse()?;
            return Ok(Self {
                negated,
                span: (keyword.span, star.span),
                body: PrincipalBody::Wildcard,
            });
        }
        let mut entries = Vec::new();
        loop {
            let entry: PrincipalEntry = input.parse()?;
            entries.push(entry);
            if !input.peek(Token![,]) {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        let last = entries.last().map_or(keyword.span, |entry| entry.span.1);
        Ok(Self {
            negated,
            span: (keyword.span, last),
            body: PrincipalBody::Map(entries),
        })
    }
}

impl Parse for PrincipalEntry {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if !input.peek(Ident::peek_any) {
            return Err(input.error(
                "expected a principal: `*` or one of `aws`, `service`, `federated`, `canonical_user` followed by its value",
            ));
        }
        let ident = Ident::parse_any(input)?;
        let name = ident.unraw().to_string();
        let kind = PRINCIPAL_KINDS
            .iter()
            .find(|(spelling, _)| *spelling == name)
            .map(|&(_, kind)| kind);
        let Some(kind) = kind else {
            let known = PRINCIPAL_KINDS.iter().map(|(spelling, _)| *spelling);
            let help = match catalog::suggest(&name, known) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => {
                    "the kinds are `aws`, `service`, `federated` and `canonical_user`".to_owned()
                }
            };
            return Err(syn::Error::new(
                ident.span(),
                format!("unknown principal kind `{name}`\n= help: {help}"),
            ));
        };
        let before = input.cursor();
        let values = if input.peek(syn::token::Bracket) {
            let content;
            bracketed!(content in input);
            Items::Many(parse_list(&content, |content| {
                parse_text_value(content, true)
            })?)
        } else {
            Items::One(parse_text_value(input, true)?)
        };
        let last = last_span_between(before, input);
        Ok(Self {
            kind,
            kind_span: ident.span(),
            values,
            span: (ident.span(), last),
        })
    }
}
