//! Lowering: the syntax tree becomes the same [`policy_core`] model the JSON reader builds, plus a
//! map from each element's [`Location`] to the tokens it was written with.
//!
//! Interpolated text is lowered with each `{..}` replaced by `*`, so the validator checks the
//! static part (`"arn:aws:s3::{bucket}"` is still a malformed ARN). Findings about elements whose
//! content is not known at compile time, or that the user marked `unchecked(..)`, are listed in
//! [`Lowered::unknowable`], which the validator's context drops (`Context::allow_at`): the
//! validator's rules and its silencing stay the only ones.

use std::collections::HashMap;

use policy_core::{
    Action, Actions, Code, Condition, ConditionBlock, ConditionEntry, ConditionValue, Diagnostic,
    Effect, Location, OneOrMany, Operator, Policy, Principal, PrincipalKind, Principals, Resource,
    Resources, Statement, Version,
};
use proc_macro2::Span;

use crate::dsl::{
    ActionNode, Clause, ConditionClause, ConditionValueNode, Items, PolicyInput, PrincipalBody,
    PrincipalClause, PrincipalKindNode, StatementNode, ValueNode,
};

/// The model of a policy or statement, with where each part was written.
pub(crate) struct Lowered<T> {
    pub(crate) value: T,
    pub(crate) spans: SpanMap,
    /// Locations whose findings of these codes cannot apply: the value is only known at run
    /// time, or the user wrote `unchecked(..)`.
    pub(crate) unknowable: Vec<(Location, &'static [Code])>,
    /// Interpolated text: its location, the text the validator saw and the text as written
    /// (`arn:aws:s3::*` and `arn:aws:s3::{bucket}`), so that messages quote what the user wrote.
    pub(crate) written: Vec<(Location, String, String)>,
}

/// The codes an `unchecked(..)` action or key silences at its own location.
const UNCHECKED_ACTION: &[Code] = &[
    Code::UnknownService,
    Code::UnknownAction,
    Code::WildcardMatchesNothing,
    Code::ActionCase,
];
const UNCHECKED_KEY: &[Code] = &[
    Code::UnknownConditionKey,
    Code::ConditionKeyNotApplicable,
    Code::ConditionOperatorMismatch,
];
/// A value that is entirely `{..}`: nothing about its content can be checked.
const RUNTIME_VALUE: &[Code] = &[
    Code::ConditionValueMismatch,
    Code::InvalidRegion,
    Code::WildcardWithoutLikeOperator,
    Code::GithubSubNotScoped,
    Code::PrivateIpInSourceIp,
    Code::PassRoleWildcard,
    Code::CreateSlrWildcard,
    Code::MalformedArn,
    Code::InvalidPrincipal,
    Code::PlaceholderValue,
    Code::ResourceTypeMismatch,
    Code::RedundantResource,
    Code::DuplicateResource,
];

/// Findings that compare a value with its neighbours, meaningless when one is only known at
/// run time.
const COMPARED_VALUE: &[Code] = &[Code::RedundantResource, Code::DuplicateResource];

/// A condition value partly filled at run time (`"10.0.{octet}.0/24"`): whether it has the form
/// its operator needs is only known then.
/// The `*` standing for the run-time part is no wildcard the user wrote either.
const PARTIAL_CONDITION_VALUE: &[Code] = &[
    Code::ConditionValueMismatch,
    Code::InvalidRegion,
    Code::WildcardWithoutLikeOperator,
    Code::GithubSubNotScoped,
    Code::PrivateIpInSourceIp,
];

/// A resource partly filled at run time (`arn:aws:iam::{account}:role/{name}`): the `*` in
/// place of `{name}` is not a role wildcard.
const PARTIAL_RESOURCE: &[Code] = &[Code::PassRoleWildcard, Code::CreateSlrWildcard];

/// What stands for a `{..}` in a principal at compile time. IAM accepts no wildcard inside a
/// principal, so `*` would be an error there; a 12-digit number is valid wherever a `{..}` can
/// sensibly stand in a principal (an account ID, a name in an ARN, a DNS label).
const PRINCIPAL_FILLER: &str = "000000000000";

/// Location -> (first token, last token).
#[derive(Default)]
pub(crate) struct SpanMap {
    spans: HashMap<Location, (Span, Span)>,
    /// The whole input, for findings about the policy as a whole.
    pub(crate) whole: Option<(Span, Span)>,
}

impl SpanMap {
    fn insert(&mut self, location: &Location, span: (Span, Span)) {
        self.spans.entry(location.clone()).or_insert(span);
    }

    /// Like `insert`, but a later element with the same path wins.
    fn replace(&mut self, location: &Location, span: (Span, Span)) {
        self.spans.insert(location.clone(), span);
    }

    /// The tokens of `location`, or of the nearest enclosing element that has tokens (a missing
    /// `Resource` points at its statement; a single item's `[0]` at the item).
    pub(crate) fn get(&self, location: &Location) -> (Span, Span) {
        let segments = location.segments();
        for len in (0..=segments.len()).rev() {
            let mut prefix = Location::root();
            for segment in &segments[..len] {
                prefix = match segment {
                    policy_core::Segment::Index(index) => prefix.index(*index),
                    policy_core::Segment::Key(key) => prefix.key(key.clone()),
                };
            }
            if let Some(span) = self.spans.get(&prefix) {
                return *span;
            }
        }
        self.whole.unwrap_or((Span::call_site(), Span::call_site()))
    }
}

/// The policy-level settings from `#![...]` attributes that shape the model.
pub(crate) struct Shape {
    pub(crate) version: Option<Version>,
    pub(crate) version_span: Option<(Span, Span)>,
    pub(crate) id: Option<(String, Span)>,
    /// `#![statement = object]`: `"Statement"` is written as one object rather than an array.
    pub(crate) statement_object: Option<Span>,
}

/// Lowers a whole policy.
pub(crate) fn policy(input: &PolicyInput, shape: &Shape) -> Lowered<Policy> {
    let mut lowering = Lowering::default();
    lowering.spans.whole = Some((input.first, input.last));
    let root = Location::root();
    if let Some(span) = shape.version_span {
        lowering.spans.insert(&root.clone().key("Version"), span);
    }
    if let Some((_, span)) = &shape.id {
        lowering
            .spans
            .insert(&root.clone().key("Id"), (*span, *span));
    }
    lowering
        .spans
        .insert(&root.clone().key("Statement"), (input.first, input.last));
    let statements: Vec<Statement> = input
        .statements
        .iter()
        .enumerate()
        .map(|(index, node)| lowering.statement(node, &root.clone().key("Statement").index(index)))
        .collect();
    let value = Policy::new(
        shape.version,
        shape.id.as_ref().map(|(id, _)| id.clone()),
        match (
            shape.statement_object,
            <[Statement; 1]>::try_from(statements),
        ) {
            (Some(_), Ok([statement])) => OneOrMany::one(statement),
            (_, Ok(statements)) => OneOrMany::many(statements.into()),
            (_, Err(statements)) => OneOrMany::many(statements),
        },
    );
    Lowered {
        value,
        spans: lowering.spans,
        unknowable: lowering.unknowable,
        written: lowering.written,
    }
}

/// Lowers one statement fragment; its locations start at the statement.
pub(crate) fn statement(node: &StatementNode) -> Lowered<Statement> {
    let mut lowering = Lowering::default();
    lowering.spans.whole = Some(node.head);
    let value = lowering.statement(node, &Location::root());
    Lowered {
        value,
        spans: lowering.spans,
        unknowable: lowering.unknowable,
        written: lowering.written,
    }
}

#[derive(Default)]
struct Lowering {
    spans: SpanMap,
    unknowable: Vec<(Location, &'static [Code])>,
    written: Vec<(Location, String, String)>,
}

impl Lowering {
    fn statement(&mut self, node: &StatementNode, at: &Location) -> Statement {
        self.spans.insert(at, node.head);
        let sid = node.sid.as_ref().map(|sid| {
            self.spans
                .insert(&at.clone().key("Sid"), (sid.span(), sid.span()));
            sid.value()
        });
        let effect = if node.effect.deny {
            Effect::Deny
        } else {
            Effect::Allow
        };
        self.spans.insert(
            &at.clone().key("Effect"),
            (node.effect.span, node.effect.span),
        );
        let principal = node
            .principal
            .as_ref()
            .map(|clause| self.principal(clause, at));
        let action = node.actions.as_ref().map(|clause| self.actions(clause, at));
        let resource = node
            .resources
            .as_ref()
            .map(|clause| self.resources(clause, at));
        let condition = node
            .condition
            .as_ref()
            .map(|clause| self.condition(clause, &at.clone().key("Condition")));
        Statement::new(sid, effect, principal, action, resource, condition)
    }

    fn actions(&mut self, clause: &Clause<ActionNode>, at: &Location) -> Actions {
        let at = at.clone().key(if clause.negated {
            "NotAction"
        } else {
            "Action"
        });
        self.spans.insert(&at, clause.span);
        let items = self.items(&clause.items, &at, |lowering, node, item_at| {
            lowering.spans.insert(item_at, node.span());
            // `unchecked(..)` only silences the checks: the model is the one the JSON reader
            // builds from the same text (a pattern stays a pattern), so that a policy and its
            // JSON are equal.
            if node.unchecked {
                lowering
                    .unknowable
                    .push((item_at.clone(), UNCHECKED_ACTION));
            }
            Action::parse(&node.text)
        });
        if clause.negated {
            Actions::not_action(items)
        } else {
            Actions::action(items)
        }
    }

    fn resources(&mut self, clause: &Clause<ValueNode>, at: &Location) -> Resources {
        let at = at.clone().key(if clause.negated {
            "NotResource"
        } else {
            "Resource"
        });
        self.spans.insert(&at, clause.span);
        let items = self.items(&clause.items, &at, |lowering, node, item_at| {
            Resource::new(lowering.text_value(node, item_at, "*"))
        });
        // With `*` in place of run-time values, resources would look alike or covered by each
        // other when they are not: comparisons between them cannot be made at compile time.
        if clause.items.iter().any(ValueNode::is_dynamic) {
            for (index, node) in clause.items.iter().enumerate() {
                self.unknowable
                    .push((at.clone().index(index), COMPARED_VALUE));
                if node.is_dynamic() {
                    self.unknowable
                        .push((at.clone().index(index), PARTIAL_RESOURCE));
                }
            }
        }
        if clause.negated {
            Resources::not_resource(items)
        } else {
            Resources::resource(items)
        }
    }

    fn principal(&mut self, clause: &PrincipalClause, at: &Location) -> Principals {
        let at = at.clone().key(if clause.negated {
            "NotPrincipal"
        } else {
            "Principal"
        });
        self.spans.insert(&at, clause.span);
        let principal = match &clause.body {
            PrincipalBody::Wildcard => Principal::Wildcard,
            PrincipalBody::Map(entries) => Principal::Map(
                entries
                    .iter()
                    .map(|entry| {
                        let kind = principal_kind(entry.kind);
                        let kind_at = at.clone().key(kind.as_str());
                        self.spans.insert(&kind_at, (entry.kind_span, entry.span.1));
                        let values =
                            self.items(&entry.values, &kind_at, |lowering, node, item_at| {
                                lowering.text_value(node, item_at, PRINCIPAL_FILLER)
                            });
                        (kind, values)
                    })
                    .collect(),
            ),
        };
        if clause.negated {
            Principals::NotPrincipal(principal)
        } else {
            Principals::Principal(principal)
        }
    }

    fn condition(&mut self, clause: &ConditionClause, at: &Location) -> Condition {
        self.spans.insert(at, clause.span);
        let mut blocks = Vec::new();
        for (operator, lines) in clause.blocks() {
            let operator_at = at.clone().key(operator);
            let entries = lines
                .into_iter()
                .map(|line| {
                    self.spans.insert(&operator_at, line.operator_span);
                    let key_at = operator_at.clone().key(line.key.clone());
                    // A key repeated under one operator shares its path with the first: the
                    // finding about it (`duplicate-json-key`) belongs on the repetition.
                    self.spans.replace(&key_at, line.key_span);
                    if line.key_unchecked {
                        self.unknowable.push((key_at.clone(), UNCHECKED_KEY));
                    }
                    let values = self.items(&line.values, &key_at, Self::condition_value);
                    ConditionEntry::new(line.key.clone(), values)
                })
                .collect();
            blocks.push(ConditionBlock::new(Operator::new(operator), entries));
        }
        Condition::new(blocks)
    }

    /// A condition value's compile-time form, recording its tokens.
    fn condition_value(&mut self, node: &ConditionValueNode, at: &Location) -> ConditionValue {
        self.spans.insert(at, node.span());
        match node {
            ConditionValueNode::Text(text) => {
                if text.is_only_interpolation() {
                    self.unknowable.push((at.clone(), RUNTIME_VALUE));
                } else if text.is_dynamic() {
                    self.unknowable.push((at.clone(), PARTIAL_CONDITION_VALUE));
                }
                let checked = text.static_text();
                if text.is_dynamic() {
                    self.written
                        .push((at.clone(), checked.clone(), text.lit.value()));
                }
                ConditionValue::String(checked)
            }
            ConditionValueNode::Number(number, _) => ConditionValue::Number(number.clone()),
            ConditionValueNode::Bool(value, _) => ConditionValue::Bool(*value),
            ConditionValueNode::Expr(..) => {
                self.unknowable.push((at.clone(), RUNTIME_VALUE));
                ConditionValue::String("*".to_owned())
            }
        }
    }

    /// A text value's compile-time form (each `{..}` replaced by `filler`), recording its tokens.
    fn text_value(&mut self, node: &ValueNode, at: &Location, filler: &str) -> String {
        let span = node.span();
        self.spans.insert(at, (span, span));
        match node {
            ValueNode::Text(text) => {
                if text.is_only_interpolation() {
                    self.unknowable.push((at.clone(), RUNTIME_VALUE));
                }
                let checked = text.static_text_with(filler);
                if text.is_dynamic() {
                    self.written
                        .push((at.clone(), checked.clone(), text.lit.value()));
                }
                checked
            }
            ValueNode::Star(_) => "*".to_owned(),
            ValueNode::Expr(..) => {
                self.unknowable.push((at.clone(), RUNTIME_VALUE));
                "*".to_owned()
            }
        }
    }

    /// Lowers a one-or-many list, keeping its written form; an item's location is `at[index]`.
    fn items<N, T>(
        &mut self,
        items: &Items<N>,
        at: &Location,
        mut lower: impl FnMut(&mut Self, &N, &Location) -> T,
    ) -> OneOrMany<T> {
        let lowered: Vec<T> = items
            .iter()
            .enumerate()
            .map(|(index, node)| lower(self, node, &at.clone().index(index)))
            .collect();
        match (items.is_single(), <[T; 1]>::try_from(lowered)) {
            (true, Ok([item])) => OneOrMany::one(item),
            (_, Ok(items)) => OneOrMany::many(items.into()),
            (_, Err(items)) => OneOrMany::many(items),
        }
    }
}

pub(crate) fn principal_kind(kind: PrincipalKindNode) -> PrincipalKind {
    match kind {
        PrincipalKindNode::Aws => PrincipalKind::Aws,
        PrincipalKindNode::Service => PrincipalKind::Service,
        PrincipalKindNode::Federated => PrincipalKind::Federated,
        PrincipalKindNode::CanonicalUser => PrincipalKind::CanonicalUser,
    }
}

impl<T> Lowered<T> {
    /// The finding with the text the validator saw replaced by the text as written, where the
    /// finding is about interpolated text.
    pub(crate) fn as_written(&self, mut finding: Diagnostic) -> Diagnostic {
        for (at, checked, written) in &self.written {
            if *at == finding.location {
                finding.message = finding.message.replace(checked.as_str(), written);
                finding.help = finding
                    .help
                    .map(|help| help.replace(checked.as_str(), written));
            }
        }
        finding
    }

    /// Whether a finding cannot apply because its element is only known at run time or was
    /// written `unchecked(..)`.
    #[cfg(test)]
    fn is_unknowable(&self, location: &Location, code: Code) -> bool {
        self.unknowable
            .iter()
            .any(|(at, codes)| at == location && codes.contains(&code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn lower(tokens: proc_macro2::TokenStream) -> Lowered<Policy> {
        let input: PolicyInput = match syn::parse2(tokens) {
            Ok(input) => input,
            Err(error) => panic!("{error}"),
        };
        let shape = Shape {
            version: Some(Version::V2012_10_17),
            version_span: None,
            id: None,
            statement_object: None,
        };
        policy(&input, &shape)
    }

    #[test]
    fn keeps_single_and_list_forms() {
        let lowered = lower(quote! {
            allow sts:AssumeRole for service "bedrock.amazonaws.com";
            allow [s3:GetObject] on ["arn:aws:s3:::b/*"];
            allow [s3:GetObject] on *;
        });
        let statements = lowered.value.statements();
        assert!(statements[0]
            .action()
            .is_some_and(|a| a.items().is_single()));
        assert!(statements[0].resource().is_none());
        assert!(statements[1]
            .action()
            .is_some_and(|a| !a.items().is_single()));
        assert!(statements[1]
            .resource()
            .is_some_and(|r| !r.items().is_single()));
        assert!(statements[2]
            .resource()
            .is_some_and(|r| r.items().is_single()));
    }

    #[test]
    fn groups_lines_by_operator_in_order_of_first_appearance() {
        let lowered = lower(quote! {
            allow [s3:GetObject] on * when {
                StringEquals aws:CalledViaLast: "bedrock.amazonaws.com",
                StringEquals "aws:ResourceTag/a:b": "c",
                StringLike aws:RequestTag/x: "y",
                StringEquals aws:SourceAccount: "1",
            };
        });
        let condition = lowered.value.statements()[0].condition();
        let shape: Vec<(String, usize)> = condition
            .map(|c| {
                c.blocks()
                    .iter()
                    .map(|b| (b.operator().as_str().to_owned(), b.entries().len()))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            shape,
            vec![("StringEquals".to_owned(), 3), ("StringLike".to_owned(), 1)]
        );
    }

    #[test]
    fn interpolations_are_checked_as_wildcards() {
        let lowered = lower(quote! {
            allow [s3:GetObject] on ["arn:aws:s3:::{bucket}/*", {other}];
        });
        let resources: Vec<String> = lowered.value.statements()[0]
            .resource()
            .map(|r| r.items().iter().map(|r| r.as_str().to_owned()).collect())
            .unwrap_or_default();
        assert_eq!(resources, vec!["arn:aws:s3:::*/*", "*"]);
        let second = Location::root()
            .key("Statement")
            .index(0)
            .key("Resource")
            .index(1);
        assert!(lowered.is_unknowable(&second, Code::MalformedArn));
        assert!(!lowered.is_unknowable(&second.clone().key("x"), Code::MalformedArn));
    }
}
