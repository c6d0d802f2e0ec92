//! Parsing a policy, its statements, effects, actions and resources.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{bracketed, parenthesized, Ident, LitStr, Token};

use super::*;
use super::{recovery::*, text::*};

impl Parse for PolicyInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let (first, last) = outer_spans(input);
        let attrs = input.call(syn::Attribute::parse_inner)?;
        let mut statements = Vec::new();
        let mut errors = Vec::new();
        let mut partial = Vec::new();
        while !input.is_empty() {
            match input.parse::<StatementNode>() {
                Ok(mut statement) => match statement.take_condition_errors() {
                    Some(error) => {
                        errors.push(error);
                        partial.push(statement);
                    }
                    None => statements.push(statement),
                },
                Err(error) => {
                    errors.push(error);
                    skip_past_semicolon(input);
                    continue;
                }
            }
            if input.is_empty() {
                break;
            }
            if let Err(error) = input.parse::<Token![;]>() {
                errors.push(error);
                skip_past_semicolon(input);
            }
        }
        Ok(Self {
            attrs,
            statements,
            errors,
            partial,
            first,
            last,
        })
    }
}

impl Parse for StatementInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(syn::Attribute::parse_inner)?;
        let mut statement: StatementNode = input.parse()?;
        if let Some(error) = statement.take_condition_errors() {
            return Err(error);
        }
        if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
        }
        if !input.is_empty() {
            return Err(
                input.error("expected the end of the statement: `statement!` takes one statement")
            );
        }
        Ok(Self { attrs, statement })
    }
}

impl Parse for StatementNode {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let lookahead = input.lookahead1();
        let sid = if lookahead.peek(LitStr) {
            let sid: LitStr = input.parse()?;
            input.parse::<Token![:]>()?;
            Some(sid)
        } else if lookahead.peek(kw::allow) || lookahead.peek(kw::deny) {
            None
        } else {
            return Err(with_effect_suggestion(input, lookahead.error()));
        };
        let effect: EffectNode = input.parse()?;
        let head_start = sid.as_ref().map_or(effect.span, LitStr::span);
        let actions = if starts_clause(input) {
            None
        } else {
            Some(parse_clause(input, parse_action)?)
        };
        let head = (
            head_start,
            actions.as_ref().map_or(effect.span, |clause| clause.span.1),
        );
        let mut statement = Self {
            sid,
            effect,
            actions,
            principal: None,
            resources: None,
            condition: None,
            head,
        };
        loop {
            let lookahead = input.lookahead1();
            if input.is_empty() || input.peek(Token![;]) {
                break;
            } else if lookahead.peek(kw::on) {
                let on: kw::on = input.parse()?;
                if statement.resources.is_some() {
                    return Err(syn::Error::new(on.span, "a statement has one `on` clause"));
                }
                let mut clause = parse_clause(input, parse_resource)?;
                clause.span.0 = on.span;
                statement.resources = Some(clause);
            } else if lookahead.peek(Token![for]) {
                let principal: PrincipalClause = input.parse()?;
                if statement.principal.is_some() {
                    return Err(syn::Error::new(
                        principal.span.0,
                        "a statement has one `for` clause",
                    ));
                }
                statement.principal = Some(principal);
            } else if lookahead.peek(kw::when) {
                let condition: ConditionClause = input.parse()?;
                if statement.condition.is_some() {
                    return Err(syn::Error::new(
                        condition.span.0,
                        "a statement has one `when` clause",
                    ));
                }
                statement.condition = Some(condition);
            } else {
                lookahead.peek(Token![;]);
                return Err(lookahead.error());
            }
        }
        Ok(statement)
    }
}

impl Parse for EffectNode {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let lookahead = input.lookahead1();
        if lookahead.peek(kw::allow) {
            let allow: kw::allow = input.parse()?;
            Ok(Self {
                deny: false,
                span: allow.span,
            })
        } else if lookahead.peek(kw::deny) {
            let deny: kw::deny = input.parse()?;
            Ok(Self {
                deny: true,
                span: deny.span,
            })
        } else {
            Err(with_effect_suggestion(input, lookahead.error()))
        }
    }
}

/// Adds "did you mean `allow`?" to an error at a mistyped effect.
pub(super) fn with_effect_suggestion(input: ParseStream<'_>, error: syn::Error) -> syn::Error {
    let word = input.fork().call(Ident::parse_any).ok();
    let suggestion = word
        .as_ref()
        .and_then(|word| catalog::suggest(&word.to_string(), ["allow", "deny"]));
    match suggestion {
        Some(suggestion) => syn::Error::new(
            error.span(),
            format!("{error}\n= help: did you mean `{suggestion}`?"),
        ),
        None => error,
    }
}

/// Whether the next token starts a clause or ends the statement (so there is no action list).
pub(super) fn starts_clause(input: ParseStream<'_>) -> bool {
    input.is_empty()
        || input.peek(Token![;])
        || input.peek(kw::on)
        || input.peek(Token![for])
        || input.peek(kw::when)
}

/// `not`? followed by one item or `[item, ...]`.
pub(super) fn parse_clause<T>(
    input: ParseStream<'_>,
    item: fn(ParseStream<'_>) -> syn::Result<T>,
) -> syn::Result<Clause<T>> {
    let start = input.span();
    let negated = if input.peek(kw::not) {
        input.parse::<kw::not>()?;
        true
    } else {
        false
    };
    if input.peek(syn::token::Bracket) {
        let content;
        let bracket = bracketed!(content in input);
        let items = parse_list(&content, item)?;
        Ok(Clause {
            negated,
            items: Items::Many(items),
            span: (start, bracket.span.close()),
        })
    } else {
        let before = input.cursor();
        let one = item(input)?;
        let end = last_span_between(before, input);
        Ok(Clause {
            negated,
            items: Items::One(one),
            span: (start, end),
        })
    }
}

/// One action.
pub(super) fn parse_action(input: ParseStream<'_>) -> syn::Result<ActionNode> {
    if input.peek(kw::unchecked) && input.peek2(syn::token::Paren) {
        let keyword: kw::unchecked = input.parse()?;
        let content;
        let paren = parenthesized!(content in input);
        let lit: LitStr = in_group(&content, |content| content.parse())?;
        return Ok(ActionNode {
            text: lit.value(),
            unchecked: true,
            service_span: (keyword.span, lit.span()),
            name_span: (lit.span(), paren.span.close()),
        });
    }
    let lookahead = input.lookahead1();
    if lookahead.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Ok(ActionNode {
            text: lit.value(),
            unchecked: false,
            service_span: (lit.span(), lit.span()),
            name_span: (lit.span(), lit.span()),
        });
    }
    if lookahead.peek(Token![*]) {
        let star: Token![*] = input.parse()?;
        return Ok(ActionNode {
            text: "*".to_owned(),
            unchecked: false,
            service_span: (star.span, star.span),
            name_span: (star.span, star.span),
        });
    }
    if !lookahead.peek(Ident::peek_any) {
        return Err(lookahead.error());
    }
    let (service, service_span) = parse_dashed_name(input)?;
    if !input.peek(Token![:]) {
        return Err(input.error(format!(
            "expected `:` after the service `{service}`, as in `{service}:ActionName`"
        )));
    }
    input.parse::<Token![:]>()?;
    let (name, name_span) = parse_action_name(input)?;
    Ok(ActionNode {
        text: format!("{service}:{name}"),
        unchecked: false,
        service_span,
        name_span,
    })
}

/// `cognito-idp`, `s3`, `aws-marketplace`: identifiers joined by `-`.
pub(super) fn parse_dashed_name(input: ParseStream<'_>) -> syn::Result<(String, (Span, Span))> {
    let first = Ident::parse_any(input)?;
    let mut text = first.unraw().to_string();
    let mut last = first.span();
    while input.peek(Token![-]) {
        input.parse::<Token![-]>()?;
        let lookahead = input.lookahead1();
        if lookahead.peek(Ident::peek_any) {
            let part = Ident::parse_any(input)?;
            text.push('-');
            text.push_str(&part.unraw().to_string());
            last = part.span();
        } else if lookahead.peek(syn::LitInt) {
            let part: syn::LitInt = input.parse()?;
            text.push('-');
            text.push_str(&part.to_string());
            last = part.span();
        } else {
            return Err(lookahead.error());
        }
    }
    Ok((text, (first.span(), last)))
}

/// An action name: identifiers, numbers, `*` and `?` (`CreateEvaluationJob`, `Get*`,
/// `*Evaluation*`, `connect`). A DSL word right after a `*` ends the name (`s3:* on *`).
pub(super) fn parse_action_name(input: ParseStream<'_>) -> syn::Result<(String, (Span, Span))> {
    let mut text = String::new();
    let mut spans: Option<(Span, Span)> = None;
    let mut after_word = false;
    loop {
        let span;
        if input.peek(Token![*]) {
            span = input.parse::<Token![*]>()?.span;
            text.push('*');
            after_word = false;
        } else if input.peek(Token![?]) {
            span = input.parse::<Token![?]>()?.span;
            text.push('?');
            after_word = false;
        } else if !after_word && input.peek(Ident::peek_any) && !is_clause_word(input) {
            let ident = Ident::parse_any(input)?;
            text.push_str(&ident.unraw().to_string());
            span = ident.span();
            after_word = true;
        } else if !after_word && input.peek(syn::LitInt) {
            let number: syn::LitInt = input.parse()?;
            text.push_str(&number.to_string());
            span = number.span();
            after_word = true;
        } else {
            break;
        }
        spans = Some(spans.map_or((span, span), |(first, _)| (first, span)));
    }
    match spans {
        Some(spans) => Ok((text, spans)),
        None => Err(input.error("expected an action name, `*` or a pattern such as `Get*`")),
    }
}

pub(super) fn is_clause_word(input: ParseStream<'_>) -> bool {
    input.peek(kw::on) || input.peek(kw::when) || input.peek(kw::not) || input.peek(Token![for])
}

/// One resource: a string, `*`, or `{expr}`.
pub(super) fn parse_resource(input: ParseStream<'_>) -> syn::Result<ValueNode> {
    parse_text_value(input, true)
}

/// A string literal, `*` (when `star` is allowed), or a `{expr}` block.
pub(super) fn parse_text_value(input: ParseStream<'_>, star: bool) -> syn::Result<ValueNode> {
    let lookahead = input.lookahead1();
    if lookahead.peek(LitStr) {
        Ok(ValueNode::Text(input.parse()?))
    } else if star && lookahead.peek(Token![*]) {
        Ok(ValueNode::Star(input.parse::<Token![*]>()?.span))
    } else if lookahead.peek(syn::token::Brace) {
        let (expr, span) = parse_block_expr(input)?;
        Ok(ValueNode::Expr(expr, span))
    } else {
        Err(lookahead.error())
    }
}
