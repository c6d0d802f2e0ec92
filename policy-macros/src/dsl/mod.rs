//! The syntax tree of the DSL and its parser: one [`Parse`] impl per node, every span kept.
//!
//! The grammar is documented in the crate docs (`lib.rs`). The parser never checks IAM rules
//! (unknown actions, malformed ARNs, ...): it only reads the shape, so that the validator sees
//! every statement and reports every problem at once. After a syntax error in a statement it
//! skips to the next `;` and goes on, so one typo does not hide the rest of the policy.
//!
//! The nodes are here; the parser is split by job: [`statements`] (policy, statement, effect,
//! actions, resources), [`principals`], [`conditions`], [`text`] (string literals and their
//! `{..}` interpolations) and [`recovery`] (lists and skipping past errors).

use proc_macro2::Span;
use syn::LitStr;

mod conditions;
mod principals;
mod recovery;
mod statements;
#[cfg(test)]
mod tests;
mod text;
pub(crate) use text::is_keyword;

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
    /// Statements with a syntax error inside their `when` block, kept for the editor only (its
    /// completion and hover on what was typed so far); never lowered or validated.
    pub(crate) partial: Vec<StatementNode>,
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

impl StatementNode {
    /// The syntax errors inside the statement's `when` block, taken out: a statement with any
    /// is reported and kept for the editor, never lowered.
    pub(crate) fn take_condition_errors(&mut self) -> Option<syn::Error> {
        self.condition
            .as_mut()
            .and_then(|clause| clause.errors.take())
    }
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
    Expr(text::RustExpr, Span),
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
    Expr(text::RustExpr),
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
    /// Lines cut short by a syntax error, as far as they were read (for the editor).
    pub(crate) partial: Vec<ConditionLine>,
    /// The syntax errors of the lines, combined: a statement with any is not lowered.
    pub(crate) errors: Option<syn::Error>,
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
    Expr(text::RustExpr, Span),
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
