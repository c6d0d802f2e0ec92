//! The request: who ([`RequestPrincipal`]) does what (an action) on which resource, with which
//! context keys.
//!
//! [`Request::new`] checks the request against the catalog the way the validator checks a
//! policy, with the validator's codes: the action must exist (`unknown-service`,
//! `unknown-action`, `invalid-action`), the resource must be `*` or an ARN (`malformed-arn`) of
//! one of the action's resource types (`resource-type-mismatch`; an action that takes no
//! resource type takes `*`), and every context value must have its key's type
//! (`condition-value-mismatch`: an IP, a date, a number, a bool, an ARN, one value or a list),
//! as the [Service Authorization Reference] types them.
//! [`Request::unchecked`] skips these checks (for actions newer than the catalog).
//!
//! The context is exactly what is given: the engine never invents keys (not even
//! `aws:PrincipalArn` from the principal), so a policy that tests a key the request lacks sees
//! it missing, as AWS would if the key were not in the request context
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html>).
//!
//! [Service Authorization Reference]: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html

use std::fmt;

use catalog::index::{catalog, ActionInfo, KeyType};

use super::values;
use crate::builder::IntoAction;
use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::model::Action;

/// Who makes a request, in the forms the [principal page] lists.
///
/// [principal page]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
///
/// ```
/// use typed_iam_core::eval::RequestPrincipal;
/// let session: RequestPrincipal = "arn:aws:sts::111122223333:assumed-role/EvalRole/job-7".parse()?;
/// assert_eq!(session.account(), Some("111122223333"));
/// assert!(matches!(session, RequestPrincipal::AssumedRole { .. }));
/// assert_eq!("anonymous".parse::<RequestPrincipal>()?, RequestPrincipal::Anonymous);
/// # Ok::<(), typed_iam_core::eval::RequestError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestPrincipal {
    /// An unauthenticated caller.
    Anonymous,
    /// The account's root user (`111122223333` or `arn:aws:iam::111122223333:root`).
    Account {
        /// The account ID.
        account: String,
        /// The partition (`aws`).
        partition: String,
    },
    /// An IAM user.
    User {
        /// The user's ARN.
        arn: String,
        /// The account ID.
        account: String,
    },
    /// An IAM role (a request "as the role": treated as a session of the role whose session
    /// name is unknown).
    Role {
        /// The role's ARN.
        arn: String,
        /// The account ID.
        account: String,
    },
    /// A role session (`arn:aws:sts::111122223333:assumed-role/Role/session`).
    AssumedRole {
        /// The session's ARN.
        arn: String,
        /// The role's ARN without a path (`arn:aws:iam::111122223333:role/Role`); the session
        /// ARN does not carry the role's path, so a role ARN in a policy is compared by name.
        role_arn: String,
        /// The role's name.
        role_name: String,
        /// The account ID.
        account: String,
    },
    /// A federated user session (`arn:aws:sts::111122223333:federated-user/name`).
    FederatedUser {
        /// The session's ARN.
        arn: String,
        /// The account ID.
        account: String,
    },
    /// An AWS service principal (`bedrock.amazonaws.com`).
    Service {
        /// The service principal's name.
        name: String,
    },
    /// A web identity or SAML provider (`Federated` in a trust policy): written
    /// `federated:PROVIDER`, an `oidc-provider`/`saml-provider` ARN, or one of the public
    /// providers (`cognito-identity.amazonaws.com`, `accounts.google.com`,
    /// `graph.facebook.com`, `www.amazon.com`).
    Federated {
        /// The provider.
        provider: String,
    },
}

/// Why a request (or its principal) is not valid: the validator's diagnostics, located in the
/// request (`action`, `resource`, `context."aws:SourceIp"`).
///
/// ```
/// use typed_iam_core::eval::Request;
/// let error = Request::new("s3:GetObjet", "*").err().ok_or("expected an error")?;
/// assert_eq!(error.diagnostics()[0].code, typed_iam_core::Code::UnknownAction);
/// assert!(error.to_string().contains("did you mean `GetObject`?"));
/// # Ok::<(), &str>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestError {
    diagnostics: Vec<Diagnostic>,
}

impl RequestError {
    pub(crate) fn new(diagnostic: Diagnostic) -> Self {
        Self {
            diagnostics: vec![diagnostic],
        }
    }

    /// Every problem found.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.diagnostics.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: {}", diagnostic.location, diagnostic.message)?;
            if let Some(help) = &diagnostic.help {
                write!(f, " ({help})")?;
            }
            write!(f, " [{}]", diagnostic.code)?;
        }
        Ok(())
    }
}

impl std::error::Error for RequestError {}

fn error(code: Code, at: &str, message: String) -> Diagnostic {
    Diagnostic::new(code, Location::root().key(at), message).with_severity(Severity::Error)
}

impl std::str::FromStr for RequestPrincipal {
    type Err = RequestError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let invalid = |why: &str| {
            RequestError::new(
                error(
                    Code::InvalidPrincipal,
                    "principal",
                    format!("`{text}` is not a principal: {why}"),
                )
                .with_help(
                    "write an IAM user, role, assumed-role or federated-user ARN, an account ID, \
                     a service principal such as `bedrock.amazonaws.com`, or `anonymous`",
                ),
            )
        };
        if text == "anonymous" {
            return Ok(RequestPrincipal::Anonymous);
        }
        if text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(RequestPrincipal::Account {
                account: text.to_owned(),
                partition: "aws".to_owned(),
            });
        }
        if let Some(provider) = text.strip_prefix("federated:") {
            return Ok(RequestPrincipal::Federated {
                provider: provider.to_owned(),
            });
        }
        const PUBLIC_PROVIDERS: [&str; 4] = [
            "cognito-identity.amazonaws.com",
            "accounts.google.com",
            "graph.facebook.com",
            "www.amazon.com",
        ];
        if PUBLIC_PROVIDERS.contains(&text) {
            return Ok(RequestPrincipal::Federated {
                provider: text.to_owned(),
            });
        }
        if !text.starts_with("arn:") {
            if text.contains('.') && !text.contains(char::is_whitespace) && !text.contains(':') {
                return Ok(RequestPrincipal::Service {
                    name: text.to_owned(),
                });
            }
            return Err(invalid(
                "neither an ARN, an account ID nor a service principal",
            ));
        }
        let mut parts = text.splitn(6, ':');
        let (_, partition, service, _region, account, resource) = (
            parts.next(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        );
        if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid("its account is not a 12-digit account ID"));
        }
        let account = account.to_owned();
        let arn = text.to_owned();
        match (service, resource.split_once('/')) {
            ("iam", None) if resource == "root" => Ok(RequestPrincipal::Account {
                account,
                partition: partition.to_owned(),
            }),
            ("iam", Some(("user", _))) => Ok(RequestPrincipal::User { arn, account }),
            ("iam", Some(("role", _))) => Ok(RequestPrincipal::Role { arn, account }),
            ("iam", Some(("oidc-provider" | "saml-provider", _))) => {
                Ok(RequestPrincipal::Federated { provider: arn })
            }
            ("sts", Some(("assumed-role", rest))) => match rest.split_once('/') {
                Some((role, session)) if !role.is_empty() && !session.is_empty() => {
                    Ok(RequestPrincipal::AssumedRole {
                        role_arn: format!("arn:{partition}:iam::{account}:role/{role}"),
                        role_name: role.to_owned(),
                        arn,
                        account,
                    })
                }
                _ => Err(invalid(
                    "an assumed-role ARN ends with `assumed-role/ROLE/SESSION`",
                )),
            },
            ("sts", Some(("federated-user", name))) if !name.is_empty() => {
                Ok(RequestPrincipal::FederatedUser { arn, account })
            }
            _ => Err(invalid(
                "the ARN is not of an IAM user, role, root, assumed-role or federated-user session",
            )),
        }
    }
}

impl RequestPrincipal {
    /// The principal's account, if it has one (not for services, providers and anonymous).
    pub fn account(&self) -> Option<&str> {
        match self {
            RequestPrincipal::Account { account, .. }
            | RequestPrincipal::User { account, .. }
            | RequestPrincipal::Role { account, .. }
            | RequestPrincipal::AssumedRole { account, .. }
            | RequestPrincipal::FederatedUser { account, .. } => Some(account),
            RequestPrincipal::Anonymous
            | RequestPrincipal::Service { .. }
            | RequestPrincipal::Federated { .. } => None,
        }
    }

    /// Whether this is a service-linked role (its path is `/aws-service-role/`), which SCPs
    /// and RCPs do not restrict
    /// (<https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html>).
    pub fn is_service_linked_role(&self) -> bool {
        match self {
            RequestPrincipal::Role { arn, .. } => arn.contains(":role/aws-service-role/"),
            _ => false,
        }
    }
}

impl fmt::Display for RequestPrincipal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestPrincipal::Anonymous => f.write_str("anonymous"),
            RequestPrincipal::Account { account, partition } => {
                write!(f, "arn:{partition}:iam::{account}:root")
            }
            RequestPrincipal::User { arn, .. }
            | RequestPrincipal::Role { arn, .. }
            | RequestPrincipal::AssumedRole { arn, .. }
            | RequestPrincipal::FederatedUser { arn, .. } => f.write_str(arn),
            RequestPrincipal::Service { name } => f.write_str(name),
            RequestPrincipal::Federated { provider } => write!(f, "federated:{provider}"),
        }
    }
}

/// The value of a context key: one value, or a list (a multivalued key; the list may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextValue {
    /// A single-valued key.
    Single(String),
    /// A multivalued key.
    Multi(Vec<String>),
}

impl ContextValue {
    /// The values as a slice (one for a single value).
    pub fn values(&self) -> &[String] {
        match self {
            ContextValue::Single(value) => std::slice::from_ref(value),
            ContextValue::Multi(values) => values,
        }
    }
}

impl From<&str> for ContextValue {
    fn from(value: &str) -> Self {
        ContextValue::Single(value.to_owned())
    }
}

impl From<String> for ContextValue {
    fn from(value: String) -> Self {
        ContextValue::Single(value)
    }
}

impl From<bool> for ContextValue {
    fn from(value: bool) -> Self {
        ContextValue::Single(value.to_string())
    }
}

impl From<i64> for ContextValue {
    fn from(value: i64) -> Self {
        ContextValue::Single(value.to_string())
    }
}

impl<S: Into<String>> From<Vec<S>> for ContextValue {
    fn from(values: Vec<S>) -> Self {
        ContextValue::Multi(values.into_iter().map(Into::into).collect())
    }
}

impl<S: Into<String> + Clone, const N: usize> From<[S; N]> for ContextValue {
    fn from(values: [S; N]) -> Self {
        ContextValue::Multi(values.into_iter().map(Into::into).collect())
    }
}

/// One request to evaluate: principal, action, resource, resource account and context.
///
/// ```
/// use typed_iam_core::eval::Request;
/// let request = Request::new("s3:GetObject", "arn:aws:s3:::eval-data/2026/a.jsonl")?
///     .principal("arn:aws:sts::111122223333:assumed-role/EvalRole/job-7")?
///     .context("aws:SourceIp", "10.0.0.7")?;
/// assert_eq!(request.action(), "s3:GetObject");
/// // A context value is checked against its key's type.
/// assert!(Request::new("s3:GetObject", "*")?.context("aws:SourceIp", "not-an-ip").is_err());
/// # Ok::<(), typed_iam_core::eval::RequestError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub(crate) action: String,
    pub(crate) service_len: usize,
    pub(crate) action_info: Option<catalog::index::ActionId>,
    pub(crate) resource: String,
    /// The byte ranges of the resource ARN's six fields and how many there are, found once.
    pub(crate) resource_fields: ([(usize, usize); 6], usize),
    pub(crate) resource_account: Option<String>,
    pub(crate) principal: RequestPrincipal,
    pub(crate) context: Vec<(String, ContextValue)>,
    pub(crate) checked: bool,
}

impl Request {
    /// A request for `action` on `resource` (`*` or an ARN), checked against the catalog: see
    /// the module docs. The principal starts as `anonymous`.
    pub fn new<M>(
        action: impl IntoAction<M>,
        resource: impl Into<String>,
    ) -> Result<Self, RequestError> {
        let action = action.into_action();
        let resource = resource.into();
        let info = check_action(&action)?;
        check_resource(info, &resource)?;
        let text = match &action {
            Action::Known { id, .. } => catalog().action_by_id(*id).full_name(),
            other => other.as_str().to_owned(),
        };
        let mut request = Self::build(&text, resource)?;
        request.action_info = Some(info.id());
        request.checked = true;
        Ok(request)
    }

    /// A request that is not checked against the catalog (an action newer than the catalog,
    /// a resource ARN of a form it does not know). The action must still be `service:Name`.
    ///
    /// ```
    /// use typed_iam_core::eval::Request;
    /// let request = Request::unchecked("newservice:DoThing", "arn:aws:newservice:us-east-1:111122223333:thing/x")?;
    /// assert_eq!(request.action(), "newservice:DoThing");
    /// # Ok::<(), typed_iam_core::eval::RequestError>(())
    /// ```
    pub fn unchecked(action: &str, resource: impl Into<String>) -> Result<Self, RequestError> {
        let mut request = Self::build(action, resource.into())?;
        request.action_info = catalog().action(action).map(|info| info.id());
        Ok(request)
    }

    fn build(action: &str, resource: String) -> Result<Self, RequestError> {
        let service_len = match action.split_once(':') {
            Some((service, name))
                if !service.is_empty()
                    && !name.is_empty()
                    && !action.contains(['*', '?', ',', ' ', '\t']) =>
            {
                service.len()
            }
            _ => {
                return Err(RequestError::new(
                    error(
                        Code::InvalidAction,
                        "action",
                        format!("`{action}` is not an action"),
                    )
                    .with_help("write one action as `service:Name`, without wildcards"),
                ))
            }
        };
        if resource != "*" && !resource.starts_with("arn:") {
            return Err(RequestError::new(
                error(
                    Code::MalformedArn,
                    "resource",
                    format!("`{resource}` is neither `*` nor an ARN"),
                )
                .with_help("write `arn:partition:service:region:account:resource` or `*`"),
            ));
        }
        let resource_fields = field_ranges(&resource);
        Ok(Self {
            action: action.to_owned(),
            service_len,
            action_info: None,
            resource,
            resource_fields,
            resource_account: None,
            principal: RequestPrincipal::Anonymous,
            context: Vec::new(),
            checked: false,
        })
    }

    /// The principal making the request (parsed as [`RequestPrincipal`]).
    pub fn principal(mut self, principal: &str) -> Result<Self, RequestError> {
        self.principal = principal.parse()?;
        Ok(self)
    }

    /// The principal, already parsed.
    #[must_use]
    pub fn with_principal(mut self, principal: RequestPrincipal) -> Self {
        self.principal = principal;
        self
    }

    /// The account that owns the resource; by default the resource ARN's account, and for an
    /// ARN without one (an S3 bucket) or `*`, the principal's account.
    #[must_use]
    pub fn resource_account(mut self, account: impl Into<String>) -> Self {
        self.resource_account = Some(account.into());
        self
    }

    /// Adds a context key (a single value, or a list for a multivalued key). On a checked
    /// request the value must have the catalog's type for the key.
    pub fn context(
        mut self,
        key: &str,
        value: impl Into<ContextValue>,
    ) -> Result<Self, RequestError> {
        let value = value.into();
        if self.checked {
            check_context(key, &value)?;
        }
        match self
            .context
            .iter_mut()
            .find(|(known, _)| known.eq_ignore_ascii_case(key))
        {
            Some(slot) => slot.1 = value,
            None => self.context.push((key.to_owned(), value)),
        }
        Ok(self)
    }

    /// The action, `service:Name`.
    pub fn action(&self) -> &str {
        &self.action
    }

    /// The action's service prefix.
    pub fn service(&self) -> &str {
        self.action.get(..self.service_len).unwrap_or_default()
    }

    /// The action's name without the service.
    pub fn action_name(&self) -> &str {
        self.action.get(self.service_len + 1..).unwrap_or_default()
    }

    /// The resource, `*` or an ARN.
    pub fn resource(&self) -> &str {
        &self.resource
    }

    /// The resource ARN split into its fields (found once, when the request was built).
    pub(crate) fn resource_fields(&self) -> ([&str; 6], usize) {
        let (ranges, count) = self.resource_fields;
        (
            ranges.map(|(start, end)| self.resource.get(start..end).unwrap_or_default()),
            count,
        )
    }

    /// The principal.
    pub fn principal_ref(&self) -> &RequestPrincipal {
        &self.principal
    }

    /// The account that owns the resource (see [`Request::resource_account`]).
    pub fn owning_account(&self) -> Option<&str> {
        if let Some(account) = &self.resource_account {
            return Some(account);
        }
        // The fields were found when the request was built.
        let account = self.resource_fields().0[4];
        if account.is_empty() {
            self.principal.account()
        } else {
            Some(account)
        }
    }

    /// The value of a context key, compared ignoring ASCII case (keys are case-insensitive,
    /// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html>).
    pub fn context_value(&self, key: &str) -> Option<&ContextValue> {
        self.context
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(key))
            .map(|(_, value)| value)
    }

    /// Every context key with its value, in the order given.
    pub fn context_entries(&self) -> &[(String, ContextValue)] {
        &self.context
    }
}

/// The byte ranges of an ARN's fields (see [`super::glob::arn_fields`]).
fn field_ranges(arn: &str) -> ([(usize, usize); 6], usize) {
    let (fields, count) = super::glob::arn_fields(arn);
    let base = arn.as_ptr() as usize;
    let ranges = fields.map(|field| {
        let start = (field.as_ptr() as usize)
            .saturating_sub(base)
            .min(arn.len());
        (start, start + field.len())
    });
    (ranges, count)
}

fn check_action(action: &Action) -> Result<ActionInfo, RequestError> {
    let catalog = catalog();
    if let Action::Known { id, .. } = action {
        return Ok(catalog.action_by_id(*id));
    }
    let text = action.as_str();
    let Some((service, name)) = text.split_once(':') else {
        return Err(RequestError::new(error(
            Code::InvalidAction,
            "action",
            format!("`{text}` is not of the form `service:Name`"),
        )));
    };
    let Some(service_info) = catalog.service(service) else {
        let mut diagnostic = error(
            Code::UnknownService,
            "action",
            format!("unknown service `{service}`"),
        );
        if let Some(suggestion) = catalog.suggest_service(service) {
            diagnostic = diagnostic.with_help(format!("did you mean `{suggestion}`?"));
        }
        return Err(RequestError::new(diagnostic));
    };
    match catalog.action_in(service_info, name) {
        Some(info) => Ok(info),
        None => {
            let mut diagnostic = error(
                Code::UnknownAction,
                "action",
                format!("unknown action `{name}` in service `{service}`"),
            );
            if let Some(suggestion) = catalog.suggest_action(service_info, name) {
                diagnostic = diagnostic.with_help(format!("did you mean `{suggestion}`?"));
            }
            Err(RequestError::new(diagnostic))
        }
    }
}

fn check_resource(info: ActionInfo, resource: &str) -> Result<(), RequestError> {
    if resource == "*" {
        return Ok(());
    }
    let types: Vec<_> = info.resource_types().map(|(kind, _)| kind).collect();
    if types.is_empty() {
        return Err(RequestError::new(
            error(
                Code::ResourceTypeMismatch,
                "resource",
                format!(
                    "`{}` takes no resource type, so its resource is `*`, not `{resource}`",
                    info.full_name()
                ),
            )
            .with_help("write `*` as the resource"),
        ));
    }
    if types.iter().any(|kind| kind.matches(resource)) {
        return Ok(());
    }
    let names: Vec<_> = types
        .iter()
        .map(|kind| format!("`{}`", kind.name()))
        .collect();
    Err(RequestError::new(
        error(
            Code::ResourceTypeMismatch,
            "resource",
            format!(
                "`{resource}` is not a resource that `{}` acts on ({})",
                info.full_name(),
                names.join(", ")
            ),
        )
        .with_help(format!(
            "write an ARN of the form {}",
            types
                .iter()
                .flat_map(|kind| kind.arn_formats().iter())
                .map(|format| format!("`{format}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        )),
    ))
}

fn check_context(key: &str, value: &ContextValue) -> Result<(), RequestError> {
    let Some(info) = catalog().condition_key(key) else {
        return Ok(());
    };
    let value_type = info.value_type();
    let (multi, base) = match value_type {
        KeyType::ArrayOfString => (true, KeyType::String),
        KeyType::ArrayOfArn => (true, KeyType::Arn),
        KeyType::ArrayOfNumeric => (true, KeyType::Numeric),
        KeyType::ArrayOfDate => (true, KeyType::Date),
        KeyType::ArrayOfBool => (true, KeyType::Bool),
        KeyType::ArrayOfIpAddress => (true, KeyType::IpAddress),
        KeyType::ArrayOfBinary => (true, KeyType::Binary),
        other => (false, other),
    };
    let at = |message: String| {
        RequestError::new(Diagnostic::new(
            Code::ConditionValueMismatch,
            Location::root().key("context").key(key),
            message,
        ))
    };
    if let (ContextValue::Multi(_), false) = (value, multi) {
        return Err(at(format!(
            "`{key}` is a single-valued key ({}): give one value, not a list",
            value_type.as_str()
        )));
    }
    for one in value.values() {
        let valid = match base {
            KeyType::Numeric => values::parse_number(one).is_some(),
            KeyType::Date => values::parse_date(one).is_some(),
            KeyType::Bool => one.eq_ignore_ascii_case("true") || one.eq_ignore_ascii_case("false"),
            KeyType::IpAddress => values::parse_ip(one).is_some(),
            KeyType::Arn => one.starts_with("arn:") && one.split(':').count() >= 6,
            KeyType::Binary => values::decode_base64(one).is_some(),
            _ => true,
        };
        if !valid {
            return Err(at(format!(
                "`{one}` is not a valid {} value for `{key}`",
                base.as_str()
            )));
        }
    }
    Ok(())
}
