//! The typed tokens of a policy: absolute paths through `::typed_iam`, calls to its
//! `#[doc(hidden)] __private` constructors, known actions as catalog enum variants carrying the
//! user's spans (hover shows AWS's description; go-to-definition reaches the catalog).
//!
//! Hygiene: no `use`, no bare prelude names (`::core::option::Option::Some`), user expressions
//! spliced with their own spans.

use policy_core::{Action, Policy, Statement, Version};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::dsl::{
    ActionNode, Clause, ConditionClause, ConditionValueNode, Items, Piece, PolicyInput,
    PrincipalBody, PrincipalClause, PrincipalKindNode, StatementNode, TextNode, ValueNode,
};
use crate::lower::Shape;

/// The one place that names the crate expanded code goes through.
pub(crate) fn root() -> TokenStream {
    quote!(::typed_iam)
}

fn private() -> TokenStream {
    let root = root();
    quote!(#root::__private)
}

fn some(value: TokenStream) -> TokenStream {
    quote!(::core::option::Option::Some(#value))
}

fn none() -> TokenStream {
    quote!(::core::option::Option::None)
}

/// A whole policy.
///
/// `model` is the lowered policy: emission reuses its classification of each action (known,
/// pattern, unchecked) instead of asking the catalog again.
pub(crate) fn policy(input: &PolicyInput, shape: &Shape, model: &Policy) -> TokenStream {
    let private = private();
    let version = match shape.version {
        Some(Version::V2012_10_17) => quote!(#private::V2012_10_17),
        Some(Version::V2008_10_17) => quote!(#private::V2008_10_17),
        None => none(),
    };
    let id = match &shape.id {
        Some((id, span)) => some(quote_spanned!(*span=> #id)),
        None => none(),
    };
    let mut statements = input
        .statements
        .iter()
        .zip(model.statements())
        .map(|(node, lowered)| statement(node, lowered));
    if model.statement_list().is_single() {
        if let Some(statement) = statements.next() {
            return quote!(#private::policy_object(#version, #id, #statement));
        }
    }
    quote!(#private::policy(#version, #id, [#(#statements),*]))
}

/// One statement.
pub(crate) fn statement(node: &StatementNode, model: &Statement) -> TokenStream {
    let private = private();
    let sid = match &node.sid {
        Some(sid) => some(quote!(#sid)),
        None => none(),
    };
    let effect = if node.effect.deny {
        quote_spanned!(node.effect.span=> #private::DENY)
    } else {
        quote_spanned!(node.effect.span=> #private::ALLOW)
    };
    let principal = node
        .principal
        .as_ref()
        .map_or_else(none, |clause| some(principal(clause)));
    let actions = match (&node.actions, model.action()) {
        (Some(clause), Some(lowered)) => some(actions(clause, lowered.items().items())),
        _ => none(),
    };
    let resources = node
        .resources
        .as_ref()
        .map_or_else(none, |clause| some(resources(clause)));
    let condition = node
        .condition
        .as_ref()
        .map_or_else(none, |clause| some(condition(clause)));
    quote!(#private::statement(#sid, #effect, #principal, #actions, #resources, #condition))
}

fn items<T>(items: &Items<T>, mut item: impl FnMut(&T) -> TokenStream) -> TokenStream {
    let private = private();
    match items {
        Items::One(one) => {
            let one = item(one);
            quote!(#private::one(#one))
        }
        Items::Many(many) => {
            let many = many.iter().map(&mut item);
            quote!(#private::many([#(#many),*]))
        }
    }
}

fn actions(clause: &Clause<ActionNode>, lowered: &[Action]) -> TokenStream {
    let private = private();
    let negated = clause.negated;
    // INVARIANT: `lowered` has one action per node, in order (`lower` made it from `clause`).
    let mut lowered = lowered.iter();
    let list = items(&clause.items, |node| action(node, lowered.next()));
    quote!(#private::actions(#negated, #list))
}

/// A known action is its catalog variant, spanned on the user's tokens:
/// `::typed_iam::catalog::bedrock::Action::CreateEvaluationJob`.
fn action(node: &ActionNode, lowered: Option<&Action>) -> TokenStream {
    let private = private();
    let text = &node.text;
    let Some(lowered) = lowered.filter(|_| !node.unchecked) else {
        return quote_spanned!(node.service_span.0=> #private::unchecked(#text));
    };
    match lowered {
        // Without the typed enums (`typed-iam` built without its `enums` feature), the action is
        // looked up by its text when the policy is built.
        Action::Known { .. } if !cfg!(feature = "enums") => {
            quote_spanned!(node.service_span.0=> #private::known(#text))
        }
        Action::Known { id, .. } => {
            let path = crate::check::action_path(*id);
            let root = root();
            let module = Ident::new(&path.module, node.service_span.0);
            let variant = Ident::new(&path.variant, node.name_span.0);
            let value = quote!(#root::catalog::#module::Action::#variant);
            if path.canonical == *text {
                quote!(#private::action(#value))
            } else {
                quote!(#private::action_as_written(#value, #text))
            }
        }
        Action::Pattern(_) => quote_spanned!(node.service_span.0=> #private::pattern(#text)),
        Action::Unchecked(_) => quote_spanned!(node.service_span.0=> #private::unchecked(#text)),
    }
}

fn resources(clause: &Clause<ValueNode>) -> TokenStream {
    let private = private();
    let negated = clause.negated;
    let list = items(&clause.items, |node| {
        let text = text_value(node);
        quote!(#private::resource(#text))
    });
    quote!(#private::resources(#negated, #list))
}

fn principal(clause: &PrincipalClause) -> TokenStream {
    let private = private();
    let negated = clause.negated;
    let body = match &clause.body {
        PrincipalBody::Wildcard => quote!(#private::principal_wildcard()),
        PrincipalBody::Map(entries) => {
            let entries = entries.iter().map(|entry| {
                let kind = match entry.kind {
                    PrincipalKindNode::Aws => quote!(AWS),
                    PrincipalKindNode::Service => quote!(SERVICE),
                    PrincipalKindNode::Federated => quote!(FEDERATED),
                    PrincipalKindNode::CanonicalUser => quote!(CANONICAL_USER),
                };
                let kind = quote_spanned!(entry.kind_span=> #private::#kind);
                let values = items(&entry.values, |node| {
                    let text = text_value(node);
                    quote!(#private::text(#text))
                });
                quote!((#kind, #values))
            });
            quote!(#private::principal_map([#(#entries),*]))
        }
    };
    quote!(#private::principal(#negated, #body))
}

fn condition(clause: &ConditionClause) -> TokenStream {
    let private = private();
    let blocks = clause.blocks().into_iter().map(|(operator, lines)| {
        let entries = lines.iter().map(|line| {
            let key = &line.key;
            let values = items(&line.values, condition_value);
            quote!(#private::entry(#key, #values))
        });
        quote!(#private::block(#operator, [#(#entries),*]))
    });
    quote!(#private::condition([#(#blocks),*]))
}

fn condition_value(node: &ConditionValueNode) -> TokenStream {
    let private = private();
    match node {
        ConditionValueNode::Text(text) => {
            let text = text_tokens(text);
            quote!(#private::string(#text))
        }
        ConditionValueNode::Number(number, _) => quote!(#private::number(#number)),
        ConditionValueNode::Bool(value, _) => quote!(#private::boolean(#value)),
        ConditionValueNode::Expr(expr, span) => quote_spanned!(*span=> #private::value(#expr)),
    }
}

/// A text value: a literal, `"*"`, or a run-time string.
fn text_value(node: &ValueNode) -> TokenStream {
    match node {
        ValueNode::Text(text) => text_tokens(text),
        ValueNode::Star(span) => quote_spanned!(*span=> "*"),
        ValueNode::Expr(expr, span) => {
            let private = private();
            quote_spanned!(*span=> #private::display(&(#expr)))
        }
    }
}

/// A string literal as a `&'static str`, or as a `String` built at run time from its pieces.
fn text_tokens(text: &TextNode) -> TokenStream {
    if !text.is_dynamic() {
        let value = text.static_text();
        let span = text.lit.span();
        return quote_spanned!(span=> #value);
    }
    let mut format = String::new();
    let mut arguments = Vec::new();
    for piece in &text.pieces {
        match piece {
            Piece::Text(part) => format.push_str(&part.replace('{', "{{").replace('}', "}}")),
            Piece::Expr(expr) => {
                format.push_str("{}");
                arguments.push(expr);
            }
        }
    }
    let span = text.lit.span();
    quote_spanned!(span=> ::std::format!(#format, #(#arguments),*))
}

/// The spans of every value filled at run time, for `policy_json!`'s error.
pub(crate) fn interpolations(input: &PolicyInput) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut text = |node: &ValueNode| match node {
        ValueNode::Text(text) if text.is_dynamic() => spans.push(text.lit.span()),
        ValueNode::Expr(_, span) => spans.push(*span),
        _ => {}
    };
    for statement in &input.statements {
        if let Some(clause) = &statement.resources {
            clause.items.iter().for_each(&mut text);
        }
        if let Some(PrincipalClause {
            body: PrincipalBody::Map(entries),
            ..
        }) = &statement.principal
        {
            for entry in entries {
                entry.values.iter().for_each(&mut text);
            }
        }
    }
    for statement in &input.statements {
        for line in statement.condition.iter().flat_map(|c| &c.lines) {
            for value in line.values.iter() {
                match value {
                    ConditionValueNode::Text(text) if text.is_dynamic() => {
                        spans.push(text.lit.span())
                    }
                    ConditionValueNode::Expr(_, span) => spans.push(*span),
                    _ => {}
                }
            }
        }
    }
    spans
}
