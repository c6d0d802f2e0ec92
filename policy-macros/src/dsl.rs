//! The syntax tree of the DSL and its parser: one [`Parse`] impl per node, every span kept.
//!
//! The grammar is documented in the crate docs (`lib.rs`). The parser never checks IAM rules
//! (unknown actions, malformed ARNs, ...): it only reads the shape, so that the validator sees
//! every statement and reports every problem at once. After a syntax error in a statement it
//! skips to the next `;` and goes on, so one typo does not hide the rest of the policy.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{bracketed, parenthesized, Ident, LitStr, Token};

/// The words of the DSL.
pub(crate) mod kw {
    syn::custom_keyword!(allow);
    syn::custom_keyword!(deny);
    syn::custom_keyword!(on);
    syn::custom_keyword!(when);
    syn::custom_keyword!(not);
    syn::custom_keyword!(unchecked);
}

/// The input of `policy!`: inner attributes, then statements, each ended by `;`.
pub(crate) struct PolicyInput {
    pub(crate) attrs: Vec<syn::Attribute>,
    pub(crate) statements: Vec<StatementNode>,
    /// Syntax errors of statements that were skipped.
    pub(crate) errors: Vec<syn::Error>,
    /// The first and last token of the whole input (the call site when it is empty).
    pub(crate) first: Span,
    pub(crate) last: Span,
}

/// The input of `statement!`: inner attributes and exactly one statement (`;` optional).
pub(crate) struct StatementInput {
    pub(crate) attrs: Vec<syn::Attribute>,
    pub(crate) statement: StatementNode,
}

/// One statement: `"Sid": allow [actions] for principals on resources when { conditions };`.
pub(crate) struct StatementNode {
    pub(crate) sid: Option<LitStr>,
    pub(crate) effect: EffectNode,
    pub(crate) actions: Option<Clause<ActionNode>>,
    pub(crate) principal: Option<PrincipalClause>,
    pub(crate) resources: Option<Clause<ValueNode>>,
    pub(crate) condition: Option<ConditionClause>,
    /// From the Sid (or effect) to the end of the action list: where statement-wide findings point.
    pub(crate) head: (Span, Span),
}

/// `allow` or `deny`.
pub(crate) struct EffectNode {
    pub(crate) deny: bool,
    pub(crate) span: Span,
}

/// An action or resource list: `not`? then one item (written bare in JSON) or `[items]`.
pub(crate) struct Clause<T> {
    pub(crate) negated: bool,
    pub(crate) items: Items<T>,
    pub(crate) span: (Span, Span),
}

/// One item (a bare JSON value) or a bracketed list (a JSON array).
pub(crate) enum Items<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> Items<T> {
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, T> {
        match self {
            Items::One(item) => std::slice::from_ref(item).iter(),
            Items::Many(items) => items.iter(),
        }
    }

    pub(crate) fn is_single(&self) -> bool {
        matches!(self, Items::One(_))
    }
}

/// One action: `bedrock:CreateEvaluationJob`, `s3:Get*`, `*`, `"s3:GetObject"` or
/// `unchecked("newsvc:BrandNewAction")`.
pub(crate) struct ActionNode {
    /// The text as written, `service:Name`.
    pub(crate) text: String,
    /// Written as `unchecked(..)`: the catalog is not asked.
    pub(crate) unchecked: bool,
    /// The tokens of the service and of the name (a string literal's span for both otherwise).
    pub(crate) service_span: (Span, Span),
    pub(crate) name_span: (Span, Span),
}

impl ActionNode {
    pub(crate) fn span(&self) -> (Span, Span) {
        (self.service_span.0, self.name_span.1)
    }
}

/// A resource, principal or condition value that is text: a string literal (maybe with `{..}`
/// interpolations), `*`, or a `{expr}` block.
pub(crate) enum ValueNode {
    Text(TextNode),
    Star(Span),
    Expr(syn::Expr, Span),
}

impl ValueNode {
    /// Whether the value is (partly) only known at run time.
    pub(crate) fn is_dynamic(&self) -> bool {
        match self {
            ValueNode::Text(text) => text.is_dynamic(),
            ValueNode::Star(_) => false,
            ValueNode::Expr(..) => true,
        }
    }

    pub(crate) fn span(&self) -> Span {
        match self {
            ValueNode::Text(text) => text.lit.span(),
            ValueNode::Star(span) | ValueNode::Expr(_, span) => *span,
        }
    }
}

/// A string literal split into static text and `{expr}` interpolations.
pub(crate) struct TextNode {
    pub(crate) lit: LitStr,
    pub(crate) pieces: Vec<Piece>,
}

/// Part of a string literal.
pub(crate) enum Piece {
    Text(String),
    Expr(syn::Expr),
}

impl TextNode {
    /// Whether any part is filled at run time.
    pub(crate) fn is_dynamic(&self) -> bool {
        self.pieces
            .iter()
            .any(|piece| matches!(piece, Piece::Expr(_)))
    }

    /// The text with every interpolation replaced by `*`: what the validator checks at compile
    /// time where a wildcard may stand for any text (ARNs, string conditions).
    pub(crate) fn static_text(&self) -> String {
        self.static_text_with("*")
    }

    /// The text with every interpolation replaced by `filler`.
    pub(crate) fn static_text_with(&self, filler: &str) -> String {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) => text.as_str(),
                Piece::Expr(_) => filler,
            })
            .collect()
    }

    /// Whether the whole literal is one interpolation (`"{account}"`): nothing to check.
    pub(crate) fn is_only_interpolation(&self) -> bool {
        matches!(self.pieces.as_slice(), [Piece::Expr(_)])
    }
}

/// `for` [`not`] `*` or `kind value, kind value, ...`.
pub(crate) struct PrincipalClause {
    pub(crate) negated: bool,
    pub(crate) span: (Span, Span),
    pub(crate) body: PrincipalBody,
}

pub(crate) enum PrincipalBody {
    Wildcard,
    Map(Vec<PrincipalEntry>),
}

/// `service "bedrock.amazonaws.com"`, `aws ["arn:..", "123456789012"]`.
pub(crate) struct PrincipalEntry {
    pub(crate) kind: PrincipalKindNode,
    pub(crate) kind_span: Span,
    pub(crate) values: Items<ValueNode>,
    pub(crate) span: (Span, Span),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum PrincipalKindNode {
    Aws,
    Service,
    Federated,
    CanonicalUser,
}

/// The spellings of the principal kinds, in the order of the docs.
pub(crate) const PRINCIPAL_KINDS: [(&str, PrincipalKindNode); 4] = [
    ("aws", PrincipalKindNode::Aws),
    ("service", PrincipalKindNode::Service),
    ("federated", PrincipalKindNode::Federated),
    ("canonical_user", PrincipalKindNode::CanonicalUser),
];

/// `when { line, line, ... }`.
pub(crate) struct ConditionClause {
    pub(crate) lines: Vec<ConditionLine>,
    pub(crate) span: (Span, Span),
}

impl ConditionClause {
    /// The lines grouped by operator, as the JSON writes them: one operator block per operator,
    /// in the order operators first appear, each with its lines in the order written. (A JSON
    /// object cannot hold the same operator twice, so a later line with an earlier operator
    /// joins that operator's block.)
    pub(crate) fn blocks(&self) -> Vec<(&str, Vec<&ConditionLine>)> {
        let mut blocks: Vec<(&str, Vec<&ConditionLine>)> = Vec::new();
        for line in &self.lines {
            match blocks
                .iter_mut()
                .find(|(operator, _)| *operator == line.operator)
            {
                Some((_, lines)) => lines.push(line),
                None => blocks.push((&line.operator, vec![line])),
            }
        }
        blocks
    }
}

/// `StringEquals aws:SourceAccount: "123"`.
pub(crate) struct ConditionLine {
    pub(crate) operator: String,
    pub(crate) operator_span: (Span, Span),
    pub(crate) key: String,
    pub(crate) key_unchecked: bool,
    pub(crate) key_span: (Span, Span),
    pub(crate) values: Items<ConditionValueNode>,
}

/// A condition value.
pub(crate) enum ConditionValueNode {
    Text(TextNode),
    /// A number exactly as written (`3600`, `-1`, `1.5`).
    Number(String, (Span, Span)),
    Bool(bool, Span),
    /// `{expr}`: any value, converted at run time.
    Expr(syn::Expr, Span),
}

impl ConditionValueNode {
    pub(crate) fn span(&self) -> (Span, Span) {
        match self {
            ConditionValueNode::Text(text) => (text.lit.span(), text.lit.span()),
            ConditionValueNode::Number(_, span) => *span,
            ConditionValueNode::Bool(_, span) | ConditionValueNode::Expr(_, span) => (*span, *span),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing.
// ---------------------------------------------------------------------------------------------

impl Parse for PolicyInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let (first, last) = outer_spans(input);
        let attrs = input.call(syn::Attribute::parse_inner)?;
        let mut statements = Vec::new();
        let mut errors = Vec::new();
        while !input.is_empty() {
            match input.parse::<StatementNode>() {
                Ok(statement) => {
                    statements.push(statement);
                    if input.is_empty() {
                        break;
                    }
                    if let Err(error) = input.parse::<Token![;]>() {
                        errors.push(error);
                        skip_past_semicolon(input);
                    }
                }
                Err(error) => {
                    errors.push(error);
                    skip_past_semicolon(input);
                }
            }
        }
        Ok(Self {
            attrs,
            statements,
            errors,
            first,
            last,
        })
    }
}

impl Parse for StatementInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(syn::Attribute::parse_inner)?;
        let statement = input.parse()?;
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
fn with_effect_suggestion(input: ParseStream<'_>, error: syn::Error) -> syn::Error {
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
fn starts_clause(input: ParseStream<'_>) -> bool {
    input.is_empty()
        || input.peek(Token![;])
        || input.peek(kw::on)
        || input.peek(Token![for])
        || input.peek(kw::when)
}

/// `not`? followed by one item or `[item, ...]`.
fn parse_clause<T>(
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
fn parse_action(input: ParseStream<'_>) -> syn::Result<ActionNode> {
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
fn parse_dashed_name(input: ParseStream<'_>) -> syn::Result<(String, (Span, Span))> {
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
fn parse_action_name(input: ParseStream<'_>) -> syn::Result<(String, (Span, Span))> {
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

fn is_clause_word(input: ParseStream<'_>) -> bool {
    input.peek(kw::on) || input.peek(kw::when) || input.peek(kw::not) || input.peek(Token![for])
}

/// One resource: a string, `*`, or `{expr}`.
fn parse_resource(input: ParseStream<'_>) -> syn::Result<ValueNode> {
    parse_text_value(input, true)
}

/// A string literal, `*` (when `star` is allowed), or a `{expr}` block.
fn parse_text_value(input: ParseStream<'_>, star: bool) -> syn::Result<ValueNode> {
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

/// `{expr}` in value position.
fn parse_block_expr(input: ParseStream<'_>) -> syn::Result<(syn::Expr, Span)> {
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
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
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

impl Parse for ConditionClause {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let keyword: kw::when = input.parse()?;
        let content;
        let brace = syn::braced!(content in input);
        let lines = parse_list(&content, ConditionLine::parse)?;
        Ok(Self {
            lines,
            span: (keyword.span, brace.span.close()),
        })
    }
}

impl Parse for ConditionLine {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        // The operator: `StringEquals`, `ForAllValues:StringLikeIfExists`, or any identifier (an
        // unknown operator is the validator's to report, with a suggestion).
        if !input.peek(Ident::peek_any) {
            return Err(input.error("expected a condition operator such as `StringEquals`"));
        }
        let first = Ident::parse_any(input)?;
        let mut operator = first.unraw().to_string();
        let mut last = first.span();
        if input.peek(Token![:]) && !input.peek(Token![::]) {
            input.parse::<Token![:]>()?;
            let base = Ident::parse_any(input)?;
            operator.push(':');
            operator.push_str(&base.unraw().to_string());
            last = base.span();
        }
        let operator_span = (first.span(), last);
        let (key, key_unchecked, key_span) = parse_condition_key(input)?;
        if !input.peek(Token![:]) {
            return Err(input.error(format!(
                "expected `:` between the condition key `{key}` and its value"
            )));
        }
        input.parse::<Token![:]>()?;
        let values = if input.peek(syn::token::Bracket) {
            let content;
            bracketed!(content in input);
            Items::Many(parse_list(&content, ConditionValueNode::parse)?)
        } else {
            Items::One(input.parse()?)
        };
        Ok(Self {
            operator,
            operator_span,
            key,
            key_unchecked,
            key_span,
            values,
        })
    }
}

/// `aws:SourceAccount`, `aws:RequestTag/team`, `"aws:RequestTag/a:b"`, `unchecked("x:y")`.
fn parse_condition_key(input: ParseStream<'_>) -> syn::Result<(String, bool, (Span, Span))> {
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

// ---------------------------------------------------------------------------------------------
// Helpers.
// ---------------------------------------------------------------------------------------------

/// The first and last token of the input (or the call site when it is empty).
fn outer_spans(input: ParseStream<'_>) -> (Span, Span) {
    let first = input.span();
    let mut cursor = input.cursor();
    let mut last = first;
    while let Some((tree, next)) = cursor.token_tree() {
        last = tree.span();
        cursor = next;
    }
    (first, last)
}

/// The span of the last token consumed since `before`.
fn last_span_between(before: syn::buffer::Cursor<'_>, input: ParseStream<'_>) -> Span {
    let end = input.cursor();
    let mut cursor = before;
    let mut last = before.span();
    while cursor != end {
        match cursor.token_tree() {
            Some((tree, next)) => {
                last = tree.span();
                cursor = next;
            }
            None => break,
        }
    }
    last
}

/// Items separated by `,` (a trailing one allowed) up to the end of a group. A bad item does not
/// stop the others: the list skips to the next `,` and reports every bad item at once.
fn parse_list<T>(
    content: ParseStream<'_>,
    item: impl Fn(ParseStream<'_>) -> syn::Result<T>,
) -> syn::Result<Vec<T>> {
    in_group(content, |content| {
        let mut items = Vec::new();
        let mut errors: Option<syn::Error> = None;
        while !content.is_empty() {
            let parsed = item(content).and_then(|parsed| {
                if !content.is_empty() {
                    content.parse::<Token![,]>()?;
                }
                Ok(parsed)
            });
            match parsed {
                Ok(parsed) => items.push(parsed),
                Err(error) => {
                    match &mut errors {
                        Some(all) => all.combine(error),
                        None => errors = Some(error),
                    }
                    skip_past(content, ',');
                }
            }
        }
        errors.map_or(Ok(items), Err)
    })
}

/// Parses the inside of a group; after an error the rest of the group is skipped, so that the
/// error stays the one reported (syn reports tokens left in a group as "unexpected token", which
/// would hide it).
fn in_group<T>(
    content: ParseStream<'_>,
    parse: impl FnOnce(ParseStream<'_>) -> syn::Result<T>,
) -> syn::Result<T> {
    let result = parse(content);
    if result.is_err() {
        let _ = content.step(|cursor| {
            let mut rest = *cursor;
            while let Some((_, next)) = rest.token_tree() {
                rest = next;
            }
            Ok(((), rest))
        });
    }
    result
}

/// Error recovery: skips token trees up to and including the next top-level `;`.
fn skip_past_semicolon(input: ParseStream<'_>) {
    skip_past(input, ';');
}

/// Skips token trees up to and including the next `separator` at this level (or to the end).
fn skip_past(input: ParseStream<'_>, separator: char) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            rest = next;
            if let TokenTree::Punct(punct) = &tree {
                if punct.as_char() == separator {
                    break;
                }
            }
        }
        Ok(((), rest))
    });
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]
mod tests {
    use super::*;
    use quote::quote;

    fn parse_policy(tokens: TokenStream) -> PolicyInput {
        match syn::parse2::<PolicyInput>(tokens) {
            Ok(input) => input,
            Err(error) => panic!("parse error: {error}"),
        }
    }

    #[test]
    fn actions_with_dashes_wildcards_and_lowercase() {
        let input = parse_policy(quote! {
            "Sid": allow [cognito-idp:CreateUserPool, bedrock:*Evaluation*, s3:Get*, rds-db:connect, *] on *;
        });
        assert!(input.errors.is_empty());
        let actions = input.statements[0].actions.as_ref().map(|clause| {
            clause
                .items
                .iter()
                .map(|a| a.text.clone())
                .collect::<Vec<_>>()
        });
        assert_eq!(
            actions,
            Some(vec![
                "cognito-idp:CreateUserPool".to_owned(),
                "bedrock:*Evaluation*".to_owned(),
                "s3:Get*".to_owned(),
                "rds-db:connect".to_owned(),
                "*".to_owned(),
            ])
        );
    }

    #[test]
    fn a_wildcard_before_a_dsl_word_ends_the_action() {
        let input = parse_policy(quote! { allow s3:* on *; });
        let statement = &input.statements[0];
        assert!(statement
            .actions
            .as_ref()
            .is_some_and(|c| c.items.is_single()));
        assert!(statement.resources.is_some());
    }

    #[test]
    fn interpolation_and_policy_variables() {
        let lit: LitStr = syn::parse_quote!("arn:aws:s3:::{bucket}/${aws:username}/{{x}}");
        let pieces = split_interpolations(&lit).unwrap_or_default();
        assert_eq!(pieces.len(), 3);
        let node = TextNode { lit, pieces };
        assert!(node.is_dynamic());
        assert_eq!(node.static_text(), "arn:aws:s3:::*/${aws:username}/{x}");
    }

    #[test]
    fn an_unclosed_brace_is_an_error() {
        let lit: LitStr = syn::parse_quote!("arn:{bucket");
        assert!(split_interpolations(&lit).is_err());
    }

    #[test]
    fn recovers_after_a_syntax_error() {
        let input = parse_policy(quote! {
            allow [s3:GetObject] on * oops;
            allow [s3:PutObject] on *;
        });
        assert_eq!(input.errors.len(), 1);
        assert_eq!(input.statements.len(), 1);
    }

    #[test]
    fn every_bad_item_of_a_list_is_reported() {
        let input = parse_policy(quote! {
            allow [s3 GetObject, s3:PutObject, ec2 Describe*] on * when {
                StringEquals aws:SourceAccount "1",
                StringEquals aws:SourceArn: oops,
            };
        });
        let messages: Vec<String> = input
            .errors
            .iter()
            .flat_map(|e| e.clone().into_iter())
            .map(|e| e.to_string())
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].contains("after the service `s3`"),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("after the service `ec2`"),
            "{messages:?}"
        );
    }

    #[test]
    fn conditions_with_qualifiers_and_values() {
        let input = parse_policy(quote! {
            allow sts:AssumeRole for service "x.amazonaws.com", aws ["123"] when {
                ForAllValues:StringEquals aws:TagKeys: ["a", "b"],
                StringLike "aws:RequestTag/a:b": "c",
                NumericLessThan aws:MultiFactorAuthAge: 3600,
                Bool aws:SecureTransport: false,
                StringEquals aws:ResourceTag/cost-center: {value},
            };
        });
        assert!(input.errors.is_empty());
        let condition = input.statements[0].condition.as_ref();
        let lines: Vec<(String, String)> = condition
            .map(|c| {
                c.lines
                    .iter()
                    .map(|l| (l.operator.clone(), l.key.clone()))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            lines[0],
            ("ForAllValues:StringEquals".into(), "aws:TagKeys".into())
        );
        assert_eq!(lines[1].1, "aws:RequestTag/a:b");
        assert_eq!(lines[4].1, "aws:ResourceTag/cost-center");
    }

    #[test]
    fn an_unknown_principal_kind_gets_a_suggestion() {
        let error = syn::parse2::<PolicyInput>(quote! { allow sts:AssumeRole for servise "x"; })
            .map(|input| {
                input
                    .errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            });
        let messages = error.unwrap_or_default();
        assert_eq!(messages.len(), 1);
        assert!(
            messages[0].contains("did you mean `service`?"),
            "{messages:?}"
        );
    }

    #[test]
    fn a_wildcard_action_ends_before_for() {
        let input = parse_policy(quote! { deny s3:* for * on "arn:aws:s3:::b/*"; });
        assert!(input.errors.is_empty());
        let statement = &input.statements[0];
        let actions: Vec<String> = statement
            .actions
            .iter()
            .flat_map(|clause| clause.items.iter().map(|a| a.text.clone()))
            .collect();
        assert_eq!(actions, ["s3:*"]);
        assert!(statement.principal.is_some());
    }
}
