//! From a JSON tree to the model, reporting what the model cannot represent.
//!
//! Only the reader's checks live here (see the module documentation of [`super`]); everything
//! the model can hold, even when it is wrong (an empty list, an unknown action), is left to the
//! validator so that no rule exists twice.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{
    Action, Actions, Condition, ConditionBlock, ConditionEntry, ConditionValue, Effect, OneOrMany,
    Operator, Policy, Principal, PrincipalKind, Principals, Resource, Resources, Statement,
    Version,
};

use super::tree::{Member, Node, Value};
use super::Position;

pub(super) type Found = Vec<(Diagnostic, Option<Position>)>;

const POLICY_ELEMENTS: &[&str] = &["Version", "Id", "Statement"];
const STATEMENT_ELEMENTS: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];
const PRINCIPAL_KINDS: &[&str] = &["AWS", "Service", "Federated", "CanonicalUser"];

/// Reads a policy document.
pub(super) fn policy(node: &Node<'_>) -> Result<Policy, Found> {
    let mut reader = Reader::default();
    let policy = reader.policy(node, &Path::ROOT);
    reader.finish(policy, node)
}

/// Reads a single statement (a fragment); paths start at the statement.
pub(super) fn statement(node: &Node<'_>) -> Result<Statement, Found> {
    let mut reader = Reader {
        fragment: true,
        ..Reader::default()
    };
    let statement = reader.statement(node, &Path::ROOT);
    reader.finish(statement, node)
}

/// A path in the document being read, built on the stack and turned into a [`Location`] only
/// when something is reported.
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Step<'a>,
}

enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    const ROOT: Path<'static> = Path {
        parent: None,
        step: Step::Root,
    };

    fn key(&'a self, name: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Key(name),
        }
    }

    fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    fn location(&self) -> Location {
        let parent = self.parent.map_or_else(Location::root, Path::location);
        match self.step {
            Step::Root => parent,
            Step::Key(name) => parent.key(name),
            Step::Index(index) => parent.index(index),
        }
    }
}

#[derive(Default)]
struct Reader {
    found: Found,
    /// Whether a lone statement (a fragment) is read: it may get its `Resource` later.
    fragment: bool,
}

impl Reader {
    fn finish<T>(self, value: Option<T>, node: &Node<'_>) -> Result<T, Found> {
        match value {
            Some(value) if self.found.is_empty() => Ok(value),
            _ if !self.found.is_empty() => Err(self.found),
            // INVARIANT: every `None` is reported; this arm only guards against a bug.
            _ => Err(vec![(
                Diagnostic::new(
                    Code::InvalidType,
                    Location::root(),
                    "the document could not be read",
                ),
                Some(node.position()),
            )]),
        }
    }

    fn report(&mut self, diagnostic: Diagnostic, position: Position) {
        self.found.push((diagnostic, Some(position)));
    }

    fn invalid_type(
        &mut self,
        node: &Node<'_>,
        path: &Path,
        expected: &str,
        element: &dyn fmt::Display,
    ) {
        let message = format!(
            "expected {expected}{element}, found {}",
            node.value().type_name()
        );
        self.report(
            Diagnostic::new(Code::InvalidType, path.location(), message),
            node.position(),
        );
    }

    /// The members of an object, reporting duplicate keys (the first one wins).
    fn object<'n>(
        &mut self,
        node: &Node<'n>,
        path: &Path,
        expected: &str,
        element: &dyn fmt::Display,
    ) -> Option<Vec<Member<'n>>> {
        let Value::Object(members) = node.value() else {
            self.invalid_type(node, path, expected, element);
            return None;
        };
        let mut unique: Vec<Member<'n>> = Vec::with_capacity(members.len());
        let mut seen: HashSet<Cow<'n, str>> = HashSet::new();
        let small = members.len() <= 8;
        for member in members {
            let duplicate = if small {
                unique.iter().any(|earlier| earlier.key == member.key)
            } else {
                !seen.insert(member.key.clone())
            };
            if duplicate {
                let diagnostic = Diagnostic::new(
                    Code::DuplicateJsonKey,
                    path.key(&member.key).location(),
                    format!("duplicate key `{}`", member.key),
                )
                .with_help("a key may appear only once in a JSON object; merge the values or remove one of them");
                self.report(diagnostic, member.key_position);
            } else {
                unique.push(member);
            }
        }
        Some(unique)
    }

    fn unknown_element(
        &mut self,
        member: &Member<'_>,
        path: &Path,
        message: String,
        known: &'static [&'static str],
    ) {
        let mut diagnostic = Diagnostic::new(Code::UnknownElement, path.location(), message);
        diagnostic = match crate::names::suggest(&member.key, known.iter().copied()) {
            Some(suggestion) => diagnostic.with_did_you_mean(suggestion, suggestion),
            None => diagnostic.with_help(format!("expected one of {}", backticked(known))),
        };
        self.report(diagnostic, member.key_position);
    }

    fn string(
        &mut self,
        node: &Node<'_>,
        path: &Path,
        element: &dyn fmt::Display,
    ) -> Option<String> {
        self.text(node, path, element).map(Cow::into_owned)
    }

    fn text<'n>(
        &mut self,
        node: &Node<'n>,
        path: &Path,
        element: &dyn fmt::Display,
    ) -> Option<Cow<'n, str>> {
        match node.value() {
            Value::String(text) => Some(text),
            _ => {
                self.invalid_type(node, path, "a string", element);
                None
            }
        }
    }

    /// A value written as one item or an array of items; every item is read with `item`.
    fn one_or_many<T>(
        &mut self,
        node: &Node<'_>,
        path: &Path,
        expected_item: &str,
        element: &dyn fmt::Display,
        mut item: impl FnMut(&mut Self, &Node<'_>, &Path) -> Option<T>,
    ) -> Option<OneOrMany<T>> {
        match node.value() {
            Value::Array(nodes) => {
                let mut items = Vec::with_capacity(nodes.len());
                let mut complete = true;
                for (index, item_node) in nodes.enumerate() {
                    match item(self, &item_node, &path.index(index)) {
                        Some(value) => items.push(value),
                        None => complete = false,
                    }
                }
                complete.then(|| OneOrMany::many(items))
            }
            Value::Object(_) | Value::Null => {
                let expected = format!("{expected_item} or an array of them");
                self.invalid_type(node, path, &expected, element);
                None
            }
            _ => item(self, node, &path.index(0)).map(OneOrMany::one),
        }
    }

    fn policy(&mut self, node: &Node<'_>, path: &Path) -> Option<Policy> {
        let members = self.object(node, path, "a policy object", &"")?;
        let mut version = None;
        let mut id = None;
        let mut statements = None;
        let mut has_statement = false;
        for member in &members {
            let member_path = path.key(&member.key);
            match &*member.key {
                "Version" => version = self.version(&member.value, &member_path),
                "Id" => id = self.string(&member.value, &member_path, &" for `Id`"),
                "Statement" => {
                    has_statement = true;
                    statements = self.statements(&member.value, &member_path);
                }
                other => self.unknown_element(
                    member,
                    &member_path,
                    format!("unknown element `{other}` in policy"),
                    POLICY_ELEMENTS,
                ),
            }
        }
        if !has_statement {
            let diagnostic = Diagnostic::new(
                Code::MissingStatement,
                path.location(),
                "policy has no `Statement`",
            )
            .with_help("add `\"Statement\": [...]` with at least one statement");
            self.report(diagnostic, node.position());
        }
        Some(Policy::new(version, id, statements?))
    }

    fn version(&mut self, node: &Node<'_>, path: &Path) -> Option<Version> {
        let text = self.string(node, path, &" for `Version`")?;
        match text.parse::<Version>() {
            Ok(version) => Some(version),
            Err(_) => {
                let diagnostic = Diagnostic::new(
                    Code::InvalidVersion,
                    path.location(),
                    format!("invalid policy version `{text}`"),
                )
                .with_help("use `2012-10-17`, the current version of the policy language")
                .with_suggestion("2012-10-17");
                self.report(diagnostic, node.position());
                None
            }
        }
    }

    fn statements(&mut self, node: &Node<'_>, path: &Path) -> Option<OneOrMany<Statement>> {
        match node.value() {
            Value::Object(_) => self.statement(node, &path.index(0)).map(OneOrMany::one),
            Value::Array(nodes) => {
                let mut statements = Vec::with_capacity(nodes.len());
                let mut complete = true;
                for (index, statement_node) in nodes.enumerate() {
                    match self.statement(&statement_node, &path.index(index)) {
                        Some(statement) => statements.push(statement),
                        None => complete = false,
                    }
                }
                complete.then(|| OneOrMany::many(statements))
            }
            _ => {
                self.invalid_type(
                    node,
                    path,
                    "a statement object or an array of statements",
                    &" for `Statement`",
                );
                None
            }
        }
    }

    fn statement(&mut self, node: &Node<'_>, path: &Path) -> Option<Statement> {
        let members = self.object(node, path, "a statement object", &"")?;
        let mut sid = None;
        let mut effect = None;
        let mut has_effect = false;
        let mut principal: Option<Principals> = None;
        let mut action: Option<Actions> = None;
        let mut resource: Option<Resources> = None;
        let mut condition = None;
        // The first of two exclusive elements, to report the second one.
        let mut principal_key: Option<&str> = None;
        let mut action_key: Option<&str> = None;
        let mut resource_key: Option<&str> = None;
        for member in &members {
            let key: &str = &member.key;
            let member_path = path.key(key);
            let value = &member.value;
            match key {
                "Sid" => sid = self.string(value, &member_path, &" for `Sid`"),
                "Effect" => {
                    has_effect = true;
                    effect = self.effect(value, &member_path);
                }
                "Principal" | "NotPrincipal" => {
                    if let Some(first) = principal_key {
                        self.exclusive(member, &member_path, first, Code::InvalidPrincipal);
                        continue;
                    }
                    principal_key = Some(key);
                    principal = self.principal(value, &member_path).map(|read| {
                        if key == "Principal" {
                            Principals::Principal(read)
                        } else {
                            Principals::NotPrincipal(read)
                        }
                    });
                }
                "Action" | "NotAction" => {
                    if let Some(first) = action_key {
                        self.exclusive(member, &member_path, first, Code::ActionAndNotAction);
                        continue;
                    }
                    action_key = Some(key);
                    let element = if key == "Action" {
                        " in `Action`"
                    } else {
                        " in `NotAction`"
                    };
                    action = self
                        .one_or_many(value, &member_path, "an action", &element, |r, n, p| {
                            r.text(n, p, &element).map(|text| Action::parse(&text))
                        })
                        .map(|items| {
                            if key == "Action" {
                                Actions::action(items)
                            } else {
                                Actions::not_action(items)
                            }
                        });
                }
                "Resource" | "NotResource" => {
                    if let Some(first) = resource_key {
                        self.exclusive(member, &member_path, first, Code::ResourceAndNotResource);
                        continue;
                    }
                    resource_key = Some(key);
                    let element = if key == "Resource" {
                        " in `Resource`"
                    } else {
                        " in `NotResource`"
                    };
                    resource = self
                        .one_or_many(value, &member_path, "a resource", &element, |r, n, p| {
                            r.text(n, p, &element).map(Resource::new)
                        })
                        .map(|items| {
                            if key == "Resource" {
                                Resources::resource(items)
                            } else {
                                Resources::not_resource(items)
                            }
                        });
                }
                "Condition" => condition = self.condition(value, &member_path),
                other => self.unknown_element(
                    member,
                    &member_path,
                    format!("unknown element `{other}` in statement"),
                    STATEMENT_ELEMENTS,
                ),
            }
        }
        if !has_effect {
            let diagnostic = Diagnostic::new(
                Code::MissingEffect,
                path.location(),
                "statement has no `Effect`",
            )
            .with_help("add `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`");
            self.report(diagnostic, node.position());
        }
        if !has_effect {
            // Without an effect the statement is not built, so the validator never sees it:
            // what else it lacks is reported here, so that `{}` gets every missing element at
            // once. `Resource` is missing only where no principal makes it a resource or trust
            // statement (identity policies need it; the validator decides the other kinds).
            if action_key.is_none() {
                let diagnostic = Diagnostic::new(
                    Code::MissingAction,
                    path.location(),
                    "statement has neither `Action` nor `NotAction`",
                )
                .with_help("add `\"Action\": [...]` with the actions this statement governs");
                self.report(diagnostic, node.position());
            }
            if resource_key.is_none() && principal_key.is_none() && !self.fragment {
                let diagnostic = Diagnostic::new(
                    Code::MissingResource,
                    path.location(),
                    "statement has neither `Resource` nor `NotResource`",
                )
                .with_help("add `\"Resource\": \"*\"` or the ARNs this statement governs");
                self.report(diagnostic, node.position());
            }
        }
        Some(Statement::new(
            sid, effect?, principal, action, resource, condition,
        ))
    }

    fn exclusive(&mut self, member: &Member<'_>, path: &Path, first: &str, code: Code) {
        let second: &str = &member.key;
        let diagnostic = Diagnostic::new(
            code,
            path.location(),
            format!("a statement cannot have both `{first}` and `{second}`"),
        )
        .with_help(format!("remove `{second}` or `{first}`"));
        self.report(diagnostic, member.key_position);
    }

    fn effect(&mut self, node: &Node<'_>, path: &Path) -> Option<Effect> {
        let text = self.string(node, path, &" for `Effect`")?;
        match text.parse::<Effect>() {
            Ok(effect) => Some(effect),
            Err(error) => {
                let mut diagnostic = Diagnostic::new(
                    Code::InvalidEffect,
                    path.location(),
                    format!("invalid effect `{text}`"),
                );
                diagnostic = match error.suggestion {
                    Some(suggestion) => {
                        diagnostic.with_did_you_mean(&suggestion, suggestion.clone())
                    }
                    None => diagnostic.with_help("use `Allow` or `Deny`"),
                };
                self.report(diagnostic, node.position());
                None
            }
        }
    }

    fn principal(&mut self, node: &Node<'_>, path: &Path) -> Option<Principal> {
        match node.value() {
            Value::String(text) if text == "*" => Some(Principal::Wildcard),
            Value::String(text) => {
                let diagnostic = Diagnostic::new(
                    Code::InvalidPrincipal,
                    path.location(),
                    format!("invalid principal `{text}`: only `*` may be written without a principal kind"),
                )
                .with_help(format!(
                    "write the principal with its kind, such as `{{\"AWS\": \"{text}\"}}` or `{{\"Service\": \"{text}\"}}`"
                ));
                self.report(diagnostic, node.position());
                None
            }
            _ => {
                let members = self.object(
                    node,
                    path,
                    "`\"*\"` or a principal map",
                    &" for a principal",
                )?;
                let mut kinds = Vec::with_capacity(members.len());
                let mut complete = true;
                for member in &members {
                    let member_path = path.key(&member.key);
                    let Ok(kind) = member.key.parse::<PrincipalKind>() else {
                        self.unknown_element(
                            member,
                            &member_path,
                            format!("unknown principal kind `{}`", member.key),
                            PRINCIPAL_KINDS,
                        );
                        complete = false;
                        continue;
                    };
                    let element = Within(" in `", &member.key);
                    match self.one_or_many(
                        &member.value,
                        &member_path,
                        "a principal",
                        &element,
                        |r, n, p| r.string(n, p, &element),
                    ) {
                        Some(values) => kinds.push((kind, values)),
                        None => complete = false,
                    }
                }
                complete.then_some(Principal::Map(kinds))
            }
        }
    }

    fn condition(&mut self, node: &Node<'_>, path: &Path) -> Option<Condition> {
        let operators = self.object(node, path, "an object", &" for `Condition`")?;
        let mut blocks = Vec::with_capacity(operators.len());
        let mut complete = true;
        for operator in &operators {
            let operator_path = path.key(&operator.key);
            let element = Within(" for condition operator `", &operator.key);
            let Some(keys) = self.object(&operator.value, &operator_path, "an object", &element)
            else {
                complete = false;
                continue;
            };
            let mut entries = Vec::with_capacity(keys.len());
            for key in &keys {
                let key_path = operator_path.key(&key.key);
                let element = Within(" for condition key `", &key.key);
                let values = self.one_or_many(
                    &key.value,
                    &key_path,
                    "a string, number or boolean",
                    &element,
                    |r, n, p| r.condition_value(n, p, &element),
                );
                match values {
                    Some(values) => {
                        entries.push(ConditionEntry::new(key.key.clone().into_owned(), values))
                    }
                    None => complete = false,
                }
            }
            blocks.push(ConditionBlock::new(
                Operator::new(operator.key.clone().into_owned()),
                entries,
            ));
        }
        complete.then(|| Condition::new(blocks))
    }

    fn condition_value(
        &mut self,
        node: &Node<'_>,
        path: &Path,
        element: &dyn fmt::Display,
    ) -> Option<ConditionValue> {
        match node.value() {
            Value::String(text) => Some(ConditionValue::String(text.into_owned())),
            Value::Number(text) => Some(ConditionValue::Number(text.to_owned())),
            Value::Bool(value) => Some(ConditionValue::Bool(value)),
            _ => {
                self.invalid_type(node, path, "a string, number or boolean", element);
                None
            }
        }
    }
}

fn backticked(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    quoted.join(", ")
}

/// The element a value belongs to, for messages (such as: in `AWS`); written only when a
/// message is.
struct Within<'a>(&'static str, &'a str);

impl fmt::Display for Within<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}`", self.0, self.1)
    }
}
