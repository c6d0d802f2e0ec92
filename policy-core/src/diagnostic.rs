//! Diagnostics: what the validator (and the JSON reader) found, in one type that the macro, the
//! CLI's text, JSON and SARIF output all render.

use std::fmt;

use crate::names::ParseValueError;

/// One finding about a policy.
///
/// `message` says what is wrong, in rustc's voice (lowercase, no final period, user text in
/// backticks); `help` says how to fix it; `suggestion` is the replacement text for tools.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The stable code, such as `unknown-action`.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong: "unknown action `GetObjet` in service `s3`".
    pub message: String,
    /// Where in the policy.
    pub location: Location,
    /// How to fix it: "did you mean `GetObject`?".
    pub help: Option<String>,
    /// The replacement text for the element at `location`, for tools: `s3:GetObject`.
    pub suggestion: Option<String>,
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// AWS accepts it, but it is likely a mistake or a risk.
    Warning,
    /// AWS would reject the policy, or it cannot mean what was written.
    Error,
}

/// A place in a policy, as a path of JSON member names and array indexes:
/// `Statement[2].Condition.StringEquals."aws:SourceAccount"[0]`.
///
/// The path follows the JSON shape, with one tolerance that both renderers share: an index into
/// a value that was written as a single item (`"Action": "s3:GetObject"`, or a single statement
/// object) designates that item. A path that ends with a member name designates that member
/// (renderers point at its key); an empty path designates the whole policy.
#[derive(Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    segments: Vec<Segment>,
}

impl Clone for Location {
    /// A copy with room for two more steps: locations are mostly cloned to be extended
    /// (`at.clone().key("Action").index(3)`), which then needs no second allocation.
    fn clone(&self) -> Self {
        let mut segments = Vec::with_capacity(self.segments.len() + 2);
        segments.extend_from_slice(&self.segments);
        Self { segments }
    }
}

/// One step of a [`Location`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// An array index (or the single item written in place of an array).
    Index(usize),
    /// A JSON member name.
    Key(String),
}

impl Location {
    /// The whole policy.
    pub fn root() -> Self {
        Self::default()
    }

    /// This location, one member deeper.
    #[must_use]
    pub fn key(mut self, name: impl Into<String>) -> Self {
        self.segments.push(Segment::Key(name.into()));
        self
    }

    /// This location, one array element deeper.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.segments.push(Segment::Index(index));
        self
    }

    /// The steps from the policy's root.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for segment in &self.segments {
            match segment {
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(name) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    let plain = !name.is_empty()
                        && name
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                    if plain {
                        f.write_str(name)?;
                    } else {
                        write!(f, "{name:?}")?;
                    }
                }
            }
            first = false;
        }
        Ok(())
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal, $severity:ident;)*) => {
        /// The stable name of a kind of finding. Codes are never renamed; new ones are added.
        ///
        /// Each code's text form (`unknown-action`) is what users see, look up with
        /// `policy explain`, and name to silence it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Code {
            /// Every code, in declaration order (errors first).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case name: `unknown-action`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// The severity a finding with this code has unless a rule says otherwise
            /// (`policy-too-large` is a warning where the limit is only a default quota).
            pub fn default_severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// The one-line description of the code (its doc comment).
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => concat!($($doc),*).trim_ascii(),)*
                }
            }
        }
    };
}

codes! {
    /// The text is not valid JSON.
    InvalidJson = "invalid-json", Error;
    /// A JSON object has the same key twice, so its meaning is ambiguous.
    DuplicateJsonKey = "duplicate-json-key", Error;
    /// A JSON value has the wrong type for its element (a number where a string is needed).
    InvalidType = "invalid-type", Error;
    /// An element IAM does not know, such as `Resources` or `Statment`.
    UnknownElement = "unknown-element", Error;
    /// The policy has no `Statement`.
    MissingStatement = "missing-statement", Error;
    /// A statement or a list that must not be empty is empty.
    EmptyStatement = "empty-statement", Error;
    /// `Version` is neither `2012-10-17` nor `2008-10-17`.
    InvalidVersion = "invalid-version", Error;
    /// `Effect` is neither `Allow` nor `Deny`.
    InvalidEffect = "invalid-effect", Error;
    /// A statement has no `Effect`.
    MissingEffect = "missing-effect", Error;
    /// A statement has neither `Action` nor `NotAction`.
    MissingAction = "missing-action", Error;
    /// A statement has both `Action` and `NotAction`.
    ActionAndNotAction = "action-and-not-action", Error;
    /// A statement of an identity policy has neither `Resource` nor `NotResource`.
    MissingResource = "missing-resource", Error;
    /// A statement has both `Resource` and `NotResource`.
    ResourceAndNotResource = "resource-and-not-resource", Error;
    /// The service prefix of an action is not an AWS service.
    UnknownService = "unknown-service", Error;
    /// The service has no action of that name.
    UnknownAction = "unknown-action", Error;
    /// An action pattern with `*` or `?` matches no action of its service.
    WildcardMatchesNothing = "wildcard-matches-nothing", Error;
    /// An action is not of the form `service:Action`.
    InvalidAction = "invalid-action", Error;
    /// A resource is neither `*` nor an ARN `arn:partition:service:region:account:resource`.
    MalformedArn = "malformed-arn", Error;
    /// A condition operator IAM does not know.
    UnknownConditionOperator = "unknown-condition-operator", Error;
    /// A condition key that no AWS service defines.
    UnknownConditionKey = "unknown-condition-key", Error;
    /// A condition value that is not the date, number, bool, IP address or ARN its operator needs.
    ConditionValueMismatch = "condition-value-mismatch", Error;
    /// A `${...}` policy variable that is not a known condition key.
    UnknownPolicyVariable = "unknown-policy-variable", Error;
    /// A `Principal` in an identity policy, where IAM does not allow one.
    PrincipalInIdentityPolicy = "principal-in-identity-policy", Error;
    /// A statement of a resource or trust policy without `Principal` or `NotPrincipal`.
    MissingPrincipal = "missing-principal", Error;
    /// A principal that is not an account, ARN, service, provider or canonical user ID.
    InvalidPrincipal = "invalid-principal", Error;
    /// Two statements share a `Sid`.
    DuplicateSid = "duplicate-sid", Error;
    /// A `Sid` with characters this kind of policy does not allow.
    InvalidSid = "invalid-sid", Error;
    /// The policy is larger than AWS allows for its kind.
    PolicyTooLarge = "policy-too-large", Error;
    /// The policy has no `Version`, so policy variables do not work.
    MissingVersion = "missing-version", Warning;
    /// `Version` is `2008-10-17`, in which policy variables do not work.
    OldVersion = "old-version", Warning;
    /// An action written in another case than AWS's spelling.
    ActionCase = "action-case", Warning;
    /// No action of the statement accepts the resource's type.
    ResourceTypeMismatch = "resource-type-mismatch", Warning;
    /// A condition operator of the wrong family for its key's type (`StringLike` on an ARN key).
    ConditionOperatorMismatch = "condition-operator-mismatch", Warning;
    /// A service-specific condition key that no action of the statement supports.
    ConditionKeyNotApplicable = "condition-key-not-applicable", Warning;
    /// The statement allows every action on every resource.
    AdminAccess = "admin-access", Warning;
    /// `iam:PassRole` on `*` without an `iam:PassedToService` condition.
    PassRoleWildcard = "pass-role-wildcard", Warning;
    /// `Allow` with `NotAction`, which grants every other action, including future ones.
    AllowNotAction = "allow-not-action", Warning;
    /// `Allow` with `NotResource`, which grants access to every other resource.
    AllowNotResource = "allow-not-resource", Warning;
    /// The same action twice in a statement.
    DuplicateAction = "duplicate-action", Warning;
    /// The same resource twice in a statement.
    DuplicateResource = "duplicate-resource", Warning;
    /// An action already covered by a wildcard in the same statement.
    RedundantAction = "redundant-action", Warning;
    /// A resource already covered by a wildcard in the same statement.
    RedundantResource = "redundant-resource", Warning;
    /// A documentation placeholder such as `account-id`, `region` or `DOC-EXAMPLE-BUCKET`.
    PlaceholderValue = "placeholder-value", Warning;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Code {
    type Err = ParseValueError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Code::ALL
            .iter()
            .copied()
            .find(|code| code.as_str() == name)
            .ok_or_else(|| {
                let suggestion = crate::names::suggest(name, Code::ALL.iter().map(|c| c.as_str()));
                ParseValueError::with_suggestion(
                    "diagnostic code",
                    name,
                    suggestion.map(str::to_owned),
                )
            })
    }
}

impl Diagnostic {
    /// A diagnostic with the code's default severity, and no help or suggestion.
    pub fn new(code: Code, location: Location, message: impl Into<String>) -> Self {
        Self {
            code,
            severity: code.default_severity(),
            message: message.into(),
            location,
            help: None,
            suggestion: None,
        }
    }

    /// The same diagnostic with a `help` line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same diagnostic with a "did you mean": the help ``did you mean `shown`?``
    /// ([`did_you_mean`](crate::did_you_mean)) and `replacement`, the text that replaces the
    /// element, for tools.
    ///
    /// ```
    /// use typed_iam_core::{Code, Diagnostic, Location};
    /// let diagnostic = Diagnostic::new(Code::UnknownAction, Location::root(), "unknown action")
    ///     .with_did_you_mean("GetObject", "s3:GetObject");
    /// assert_eq!(diagnostic.help.as_deref(), Some("did you mean `GetObject`?"));
    /// assert_eq!(diagnostic.suggestion.as_deref(), Some("s3:GetObject"));
    /// ```
    #[must_use]
    pub fn with_did_you_mean(self, shown: &str, replacement: impl Into<String>) -> Self {
        self.with_help(crate::names::did_you_mean(shown))
            .with_suggestion(replacement)
    }

    /// The same diagnostic with a replacement for tools.
    #[must_use]
    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    /// The same diagnostic with another severity.
    #[must_use]
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// One line: `error[unknown-action]: unknown action `GetObjekt` in service `s3` (at
    /// Statement[0].Action[0])`. The help is a field, for renderers to show as they show help.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)?;
        if !self.location.segments().is_empty() {
            write!(f, " (at {})", self.location)?;
        }
        Ok(())
    }
}
