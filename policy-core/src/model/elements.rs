//! Actions, resources and principals: constructors, accessors and their text forms.

use std::fmt;

use super::*;
use crate::names::ParseValueError;

impl Actions {
    /// `"Action": items`.
    pub fn action(items: OneOrMany<Action>) -> Self {
        Self {
            negated: false,
            items,
        }
    }

    /// `"NotAction": items`.
    pub fn not_action(items: OneOrMany<Action>) -> Self {
        Self {
            negated: true,
            items,
        }
    }

    /// Whether this is `NotAction`.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The actions, with their written form.
    pub fn items(&self) -> &OneOrMany<Action> {
        &self.items
    }
}

impl Resources {
    /// `"Resource": items`.
    pub fn resource(items: OneOrMany<Resource>) -> Self {
        Self {
            negated: false,
            items,
        }
    }

    /// `"NotResource": items`.
    pub fn not_resource(items: OneOrMany<Resource>) -> Self {
        Self {
            negated: true,
            items,
        }
    }

    /// Whether this is `NotResource`.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The resources, with their written form.
    pub fn items(&self) -> &OneOrMany<Resource> {
        &self.items
    }
}

impl Resource {
    /// A resource as written: `*` or an ARN. Nothing is checked here.
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Action {
    /// The action as written, whatever its kind.
    ///
    /// Classification against the catalog (known, pattern or unchecked) is done by
    /// [`Action::parse`].
    pub fn as_str(&self) -> &str {
        match self {
            Action::Known { text, .. } => text,
            Action::Pattern(text) | Action::Unchecked(text) => text,
        }
    }

    /// Classifies action text against the catalog: a known action (any case), a pattern with
    /// `*` or `?`, or unchecked text. Never fails: unknown text is kept for the validator.
    pub fn parse(text: &str) -> Self {
        if text.bytes().any(|byte| byte == b'*' || byte == b'?') {
            return Action::Pattern(text.to_owned());
        }
        match catalog::index::catalog().action(text) {
            Some(info) => Action::Known {
                id: info.id(),
                text: text.to_owned(),
            },
            None => Action::Unchecked(text.to_owned()),
        }
    }
}

impl<A: catalog::TypedAction> From<A> for Action {
    fn from(action: A) -> Self {
        Action::Known {
            id: action.action_id(),
            text: action.as_str().to_owned(),
        }
    }
}

impl Principals {
    /// The principal, whether it is `Principal` or `NotPrincipal`.
    pub fn principal(&self) -> &Principal {
        match self {
            Principals::Principal(principal) | Principals::NotPrincipal(principal) => principal,
        }
    }

    /// Whether this is `NotPrincipal`.
    pub fn is_negated(&self) -> bool {
        matches!(self, Principals::NotPrincipal(_))
    }
}

impl PrincipalKind {
    /// The JSON key: `AWS`, `Service`, `Federated`, `CanonicalUser`.
    pub fn as_str(&self) -> &'static str {
        match self {
            PrincipalKind::Aws => "AWS",
            PrincipalKind::Service => "Service",
            PrincipalKind::Federated => "Federated",
            PrincipalKind::CanonicalUser => "CanonicalUser",
        }
    }
}

impl PrincipalKind {
    /// Every principal kind, in the order of the JSON documentation.
    pub const ALL: &'static [PrincipalKind] = &[
        PrincipalKind::Aws,
        PrincipalKind::Service,
        PrincipalKind::Federated,
        PrincipalKind::CanonicalUser,
    ];
}

impl fmt::Display for PrincipalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PrincipalKind {
    type Err = ParseValueError;

    /// Parses `AWS`, `Service`, `Federated` or `CanonicalUser`, exactly as IAM spells them.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        PrincipalKind::ALL
            .iter()
            .find(|kind| kind.as_str() == text)
            .cloned()
            .ok_or_else(|| {
                ParseValueError::new(
                    "principal kind",
                    text,
                    &["AWS", "Service", "Federated", "CanonicalUser"],
                )
            })
    }
}

impl fmt::Display for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Resource {
    type Err = std::convert::Infallible;

    /// Any text is a resource as written; the validator checks it.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(Resource::new(text))
    }
}

impl From<&str> for Resource {
    fn from(text: &str) -> Self {
        Resource::new(text)
    }
}

impl From<String> for Resource {
    fn from(text: String) -> Self {
        Resource(text)
    }
}

impl From<&String> for Resource {
    fn from(text: &String) -> Self {
        Resource::new(text.as_str())
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Action {
    type Err = std::convert::Infallible;

    /// Classifies the text with [`Action::parse`]; never fails.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(Action::parse(text))
    }
}
