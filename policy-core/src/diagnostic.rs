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

/// The four finding types of IAM Access Analyzer's policy validation, which users of AWS's
/// tools know: see [`Code::aws_level`]. [`Severity`] says whether a finding fails a build;
/// this says how AWS would rank it.
///
/// ```
/// use typed_iam_core::AwsLevel;
/// assert_eq!(AwsLevel::SecurityWarning.as_str(), "security-warning");
/// assert_eq!(AwsLevel::Suggestion.sarif_level(), "note");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AwsLevel {
    /// `ERROR`: AWS rejects the policy, or part of it cannot work.
    Error,
    /// `SECURITY_WARNING`: the policy grants more than it seems to.
    SecurityWarning,
    /// `WARNING`: the policy probably does not do what was meant.
    Warning,
    /// `SUGGESTION`: the policy works, and could be simpler.
    Suggestion,
}

impl AwsLevel {
    /// `error`, `security-warning`, `warning` or `suggestion`.
    pub fn as_str(self) -> &'static str {
        match self {
            AwsLevel::Error => "error",
            AwsLevel::SecurityWarning => "security-warning",
            AwsLevel::Warning => "warning",
            AwsLevel::Suggestion => "suggestion",
        }
    }

    /// Access Analyzer's name of the finding type: `SECURITY_WARNING`.
    pub fn access_analyzer_name(self) -> &'static str {
        match self {
            AwsLevel::Error => "ERROR",
            AwsLevel::SecurityWarning => "SECURITY_WARNING",
            AwsLevel::Warning => "WARNING",
            AwsLevel::Suggestion => "SUGGESTION",
        }
    }

    /// The SARIF `level`: `error`, `warning` (security and general warnings) or `note`.
    pub fn sarif_level(self) -> &'static str {
        match self {
            AwsLevel::Error => "error",
            AwsLevel::SecurityWarning | AwsLevel::Warning => "warning",
            AwsLevel::Suggestion => "note",
        }
    }

    /// The SARIF `security-severity` property (a score from 0.0 to 10.0, which code scanning
    /// shows as low under 4, medium under 7, high under 9): security warnings are high, errors
    /// medium, warnings low-medium, suggestions low.
    pub fn security_severity(self) -> &'static str {
        match self {
            AwsLevel::SecurityWarning => "7.5",
            AwsLevel::Error => "5.0",
            AwsLevel::Warning => "4.0",
            AwsLevel::Suggestion => "1.0",
        }
    }
}

impl fmt::Display for AwsLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AwsLevel::Error => "error",
            AwsLevel::SecurityWarning => "security warning",
            AwsLevel::Warning => "warning",
            AwsLevel::Suggestion => "suggestion",
        })
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
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal, $severity:ident, $level:ident, $aa:expr;)*) => {
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

            /// The finding type IAM Access Analyzer gives the nearest of its checks (error,
            /// security warning, warning, suggestion): what users of AWS's tools expect.
            ///
            /// ```
            /// use typed_iam_core::{AwsLevel, Code};
            /// assert_eq!(Code::AllowWithNotPrincipal.aws_level(), AwsLevel::SecurityWarning);
            /// assert_eq!(Code::RedundantAction.aws_level(), AwsLevel::Suggestion);
            /// ```
            pub fn aws_level(self) -> AwsLevel {
                match self {
                    $(Code::$variant => AwsLevel::$level,)*
                }
            }

            /// The issue code of the nearest IAM Access Analyzer policy check
            /// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>),
            /// where one exists.
            ///
            /// ```
            /// use typed_iam_core::Code;
            /// assert_eq!(Code::UnknownAction.access_analyzer(), Some("INVALID_ACTION"));
            /// ```
            pub fn access_analyzer(self) -> Option<&'static str> {
                match self {
                    $(Code::$variant => $aa,)*
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
    InvalidJson = "invalid-json", Error, Error, Some("JSON_SYNTAX_ERROR");
    /// A JSON object has the same key twice, so its meaning is ambiguous.
    DuplicateJsonKey = "duplicate-json-key", Error, Error, None;
    /// A JSON value has the wrong type for its element (a number where a string is needed).
    InvalidType = "invalid-type", Error, Error, Some("DATA_TYPE_MISMATCH");
    /// An element IAM does not know, such as `Resources` or `Statment`.
    UnknownElement = "unknown-element", Error, Error, Some("INVALID_POLICY_ELEMENT");
    /// The policy has no `Statement`.
    MissingStatement = "missing-statement", Error, Error, Some("MISSING_STATEMENT");
    /// A statement or a list that must not be empty is empty.
    EmptyStatement = "empty-statement", Error, Error, Some("EMPTY_ARRAY_ACTION");
    /// `Version` is neither `2012-10-17` nor `2008-10-17`.
    InvalidVersion = "invalid-version", Error, Error, Some("INVALID_VERSION");
    /// `Effect` is neither `Allow` nor `Deny`.
    InvalidEffect = "invalid-effect", Error, Error, Some("INVALID_EFFECT");
    /// A statement has no `Effect`.
    MissingEffect = "missing-effect", Error, Error, Some("MISSING_EFFECT");
    /// A statement has neither `Action` nor `NotAction`.
    MissingAction = "missing-action", Error, Error, Some("MISSING_ACTION");
    /// A statement has both `Action` and `NotAction`.
    ActionAndNotAction = "action-and-not-action", Error, Error, Some("UNSUPPORTED_ELEMENT_COMBINATION");
    /// A statement of an identity policy has neither `Resource` nor `NotResource`.
    MissingResource = "missing-resource", Error, Error, Some("MISSING_RESOURCE");
    /// A statement has both `Resource` and `NotResource`.
    ResourceAndNotResource = "resource-and-not-resource", Error, Error, Some("UNSUPPORTED_ELEMENT_COMBINATION");
    /// The service prefix of an action is not an AWS service.
    UnknownService = "unknown-service", Error, Error, Some("INVALID_SERVICE");
    /// The service has no action of that name.
    UnknownAction = "unknown-action", Error, Error, Some("INVALID_ACTION");
    /// An action pattern with `*` or `?` matches no action of its service.
    WildcardMatchesNothing = "wildcard-matches-nothing", Error, Error, Some("INVALID_ACTION");
    /// An action is not of the form `service:Action`.
    InvalidAction = "invalid-action", Error, Error, Some("INVALID_SERVICE_IN_ACTION");
    /// A resource is neither `*` nor an ARN `arn:partition:service:region:account:resource`.
    MalformedArn = "malformed-arn", Error, Error, Some("MISSING_ARN_FIELD");
    /// A condition operator IAM does not know.
    UnknownConditionOperator = "unknown-condition-operator", Error, Error, Some("INVALID_CONDITION_OPERATOR");
    /// A condition key that no AWS service defines.
    UnknownConditionKey = "unknown-condition-key", Error, Error, Some("INVALID_GLOBAL_CONDITION_KEY");
    /// A condition value that is not the date, number, bool, IP address or ARN its operator needs.
    ConditionValueMismatch = "condition-value-mismatch", Error, Error, Some("INVALID_CONDITION_DATA_TYPE");
    /// A `${...}` policy variable that is not a known condition key.
    UnknownPolicyVariable = "unknown-policy-variable", Error, Error, Some("UNSUPPORTED_SYMBOL_IN_VARIABLE");
    /// A `Principal` in an identity policy, where IAM does not allow one.
    PrincipalInIdentityPolicy = "principal-in-identity-policy", Error, Error, Some("UNSUPPORTED_PRINCIPAL");
    /// A statement of a resource or trust policy without `Principal` or `NotPrincipal`.
    MissingPrincipal = "missing-principal", Error, Error, Some("MISSING_PRINCIPAL");
    /// A principal that is not an account, ARN, service, provider or canonical user ID.
    InvalidPrincipal = "invalid-principal", Error, Error, Some("INVALID_PRINCIPAL_FORMAT");
    /// Two statements share a `Sid`.
    DuplicateSid = "duplicate-sid", Error, Error, Some("UNIQUE_SIDS_REQUIRED");
    /// A `Sid` with characters this kind of policy does not allow.
    InvalidSid = "invalid-sid", Error, Error, Some("UNSUPPORTED_SID");
    /// The policy is larger than AWS allows for its kind.
    PolicyTooLarge = "policy-too-large", Error, Error, Some("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA");
    /// An ARN whose account field is not a 12-digit account ID, `aws`, a wildcard or a variable,
    /// or that names an account where the resource's ARN format has none.
    InvalidArnAccount = "invalid-arn-account", Error, Error, Some("INVALID_ARN_ACCOUNT");
    /// An ARN whose service field is not in lowercase (`arn:aws:S3:::bucket`).
    InvalidArnServiceCase = "invalid-arn-service-case", Error, Error, Some("INVALID_ARN_SERVICE_CASE");
    /// An ARN whose partition is not an AWS partition (`aws`, `aws-cn`, `aws-us-gov`, ...).
    InvalidPartition = "invalid-partition", Error, Error, Some("INVALID_PARTITION");
    /// An ARN whose region is not an AWS region, or that names a region where the resource's ARN
    /// format has none.
    InvalidRegion = "invalid-region", Error, Error, Some("INVALID_REGION");
    /// A trust policy with `"Principal": "*"`, `NotPrincipal` or `Resource`, which IAM rejects in
    /// a role trust policy.
    InvalidTrustPolicyElement = "invalid-trust-policy-element", Error, Error, Some("ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL");
    /// The same condition key twice under one operator, spelt in different cases.
    DuplicateKeysWithDifferentCase = "duplicate-keys-with-different-case", Error, Error, Some("DUPLICATE_KEYS_WITH_DIFFERENT_CASE");
    /// A `${...}` policy variable in an element that does not take one (`Action`, `NotAction`,
    /// `Principal`, `NotPrincipal`): variables work only in `Resource` and in conditions.
    VariableUnsupportedInElement = "variable-unsupported-in-element", Error, Error, Some("VARIABLE_UNSUPPORTED_IN_ELEMENT");
    /// The policy has no `Version`, so policy variables do not work.
    MissingVersion = "missing-version", Warning, Warning, Some("MISSING_VERSION");
    /// `Version` is `2008-10-17`, in which policy variables do not work.
    OldVersion = "old-version", Warning, Warning, Some("VARIABLE_UNSUPPORTED_IN_VERSION");
    /// A federated OIDC principal allowed to assume the role without a condition on its
    /// provider's claims (`<provider>:aud`, `:sub`): any identity of that provider may assume it.
    OidcWithoutCondition = "oidc-without-condition", Warning, SecurityWarning, Some("MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL");
    /// A GitHub Actions principal without a `token.actions.githubusercontent.com:sub` condition
    /// naming one repository, or with a wildcard in the repository or branch.
    GithubSubNotScoped = "github-sub-not-scoped", Warning, SecurityWarning, Some("MISSING_GITHUB_REPO_CONDITION_KEY");
    /// A service principal in a resource policy without `aws:SourceArn`, `aws:SourceAccount`,
    /// `aws:SourceOrgID` or `aws:SourceOrgPaths` (the confused deputy problem).
    ServicePrincipalWithoutSource = "service-principal-without-source", Warning, SecurityWarning, Some("RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL");
    /// A principal key (`aws:PrincipalOrgID`, `aws:PrincipalArn`, ...) in a statement whose only
    /// principals are services, for which AWS does not set it.
    PrincipalKeyWithServicePrincipal = "principal-key-with-service-principal", Warning, SecurityWarning, Some("UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL");
    /// `ForAllValues:` on a single-valued key, which is also true when the key is absent.
    ForAllValuesWithSingleValuedKey = "forallvalues-with-single-valued-key", Warning, SecurityWarning, Some("FORALLVALUES_WITH_SINGLE_VALUED_KEY");
    /// `Allow` with `NotPrincipal`, which allows every other principal, anonymous users included.
    AllowWithNotPrincipal = "allow-with-not-principal", Warning, SecurityWarning, Some("ALLOW_WITH_NOT_PRINCIPAL");
    /// `iam:CreateServiceLinkedRole` on every role without an `iam:AWSServiceName` condition.
    CreateSlrWildcard = "create-slr-wildcard", Warning, Warning, Some("CREATE_SLR_WITH_STAR_IN_RESOURCE");
    /// A `Deny` on `aws:ResourceTag/...` covering actions that do not support the key, which the
    /// condition then never denies.
    DenyWithUnsupportedTagKey = "deny-with-unsupported-tag-key", Warning, SecurityWarning, Some("DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
    /// A key used without the key it must be paired with (`aws:VpcSourceIp` without
    /// `aws:SourceVpc` or `aws:SourceVpce`).
    MissingPairedConditionKey = "missing-paired-condition-key", Warning, SecurityWarning, Some("MISSING_PAIRED_CONDITION_KEYS");
    /// A multivalued key (`aws:TagKeys`) under an operator without `ForAllValues:` or
    /// `ForAnyValue:`.
    MultivaluedKeyWithoutQualifier = "multivalued-key-without-qualifier", Warning, Warning, Some("MISSING_QUALIFIER");
    /// `*` or `?` in a value of a `StringEquals`-like operator, where they are plain characters.
    WildcardWithoutLikeOperator = "wildcard-without-like-operator", Warning, Warning, Some("WILDCARD_WITHOUT_LIKE_OPERATOR");
    /// A private IP range under `aws:SourceIp`, which holds public addresses only.
    PrivateIpInSourceIp = "private-ip-in-source-ip", Warning, Warning, Some("PRIVATE_IP_ADDRESS");
    /// A `Bool` condition with several values.
    BoolWithSeveralValues = "bool-with-several-values", Warning, Warning, Some("INVALID_CONDITION_MULTIPLE_BOOLEAN");
    /// An action written in another case than AWS's spelling.
    ActionCase = "action-case", Warning, Suggestion, None;
    /// No action of the statement accepts the resource's type.
    ResourceTypeMismatch = "resource-type-mismatch", Warning, Warning, Some("UNSUPPORTED_RESOURCE_ARN_IN_POLICY");
    /// A condition operator of the wrong family for its key's type (`StringLike` on an ARN key).
    ConditionOperatorMismatch = "condition-operator-mismatch", Warning, Warning, Some("TYPE_MISMATCH");
    /// A service-specific condition key that no action of the statement supports.
    ConditionKeyNotApplicable = "condition-key-not-applicable", Warning, Warning, Some("MISSING_ACTION_FOR_CONDITION_KEY");
    /// The statement allows every action on every resource.
    AdminAccess = "admin-access", Warning, SecurityWarning, Some("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE");
    /// `iam:PassRole` on `*` without an `iam:PassedToService` condition.
    PassRoleWildcard = "pass-role-wildcard", Warning, SecurityWarning, Some("PASS_ROLE_WITH_STAR_IN_RESOURCE");
    /// `Allow` with `NotAction`, which grants every other action, including future ones.
    AllowNotAction = "allow-not-action", Warning, Warning, Some("PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION");
    /// `Allow` with `NotResource`, which grants access to every other resource.
    AllowNotResource = "allow-not-resource", Warning, Warning, Some("PASS_ROLE_WITH_NOT_RESOURCE");
    /// The same action twice in a statement.
    DuplicateAction = "duplicate-action", Warning, Suggestion, Some("REDUNDANT_ACTION");
    /// The same resource twice in a statement.
    DuplicateResource = "duplicate-resource", Warning, Suggestion, Some("REDUNDANT_RESOURCE");
    /// An action already covered by a wildcard in the same statement.
    RedundantAction = "redundant-action", Warning, Suggestion, Some("REDUNDANT_ACTION");
    /// A resource already covered by a wildcard in the same statement.
    RedundantResource = "redundant-resource", Warning, Suggestion, Some("REDUNDANT_RESOURCE");
    /// A documentation placeholder such as `account-id`, `region` or `DOC-EXAMPLE-BUCKET`.
    PlaceholderValue = "placeholder-value", Warning, Warning, None;
    /// An `Allow` on `aws:ResourceTag/...` covering actions that do not support the key, which the
    /// statement then never allows.
    AllowWithUnsupportedTagKey = "allow-with-unsupported-tag-key", Warning, Suggestion, Some("ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
    /// A SAML provider allowed `sts:AssumeRoleWithWebIdentity`, or an OIDC provider allowed
    /// `sts:AssumeRoleWithSAML`: the provider can never call that action.
    MismatchedActionForPrincipal = "mismatched-action-for-principal", Warning, Warning, Some("MISMATCHED_ACTION_FOR_PRINCIPAL");
    /// A trust policy for IAM Roles Anywhere that does not allow all of `sts:AssumeRole`,
    /// `sts:TagSession` and `sts:SetSourceIdentity`, which Roles Anywhere needs to create a session.
    RolesAnywhereMissingAction = "roles-anywhere-missing-action", Warning, Warning, Some("MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY");
    /// An IAM unique ID (`AROA...`, `AIDA...`) as an `AWS` principal: what IAM shows for a role or
    /// user that was deleted.
    PrincipalUniqueId = "principal-unique-id", Warning, Warning, Some("INVALID_ROLE_REFERENCE");
    /// `*` or `?` inside a service name (`*code*:Get*`, `arn:aws:*code*::...`), which matches
    /// every service whose name fits, future ones included.
    WildcardInServiceName = "wildcard-in-service-name", Warning, Suggestion, Some("WILDCARD_IN_SERVICE_NAME");
    /// A Unix epoch number under a `Date*` operator, where AWS recommends a W3C date.
    EpochDateValue = "epoch-date-value", Warning, Warning, Some("INVALID_DATE_VALUE");
    /// A `Sid` that is the empty string.
    EmptySid = "empty-sid", Warning, Suggestion, Some("EMPTY_SID_VALUE");
    /// A policy variable (`${aws:username}`) in the value of a condition whose operator is not a
    /// `String*` or `Arn*` one (`NumericLessThan`, `DateGreaterThan`, `IpAddress`, `Bool`, ...):
    /// IAM replaces variables only in `Resource` and in string and ARN conditions.
    VariableUnsupportedForOperator = "variable-unsupported-for-operator", Error, Error, Some("INVALID_VARIABLE_FOR_OPERATOR");
    /// `Null` under `ForAllValues:` (always true) or `ForAnyValue:` (always false).
    NullWithQualifier = "null-with-qualifier", Warning, Suggestion, Some("NULL_WITH_QUALIFIER");
    /// A value of a numeric or IP condition already covered by another value of the same key
    /// (`NumericLessThan` 2700 beside 3600; `10.1.0.0/16` beside `10.0.0.0/8`).
    RedundantConditionValue = "redundant-condition-value", Warning, Suggestion, Some("REDUNDANT_CONDITION_VALUE_NUM");
    /// A CIDR range with bits set after its prefix (`203.0.113.7/24`), which IAM ignores.
    ImproveIpRange = "improve-ip-range", Warning, Suggestion, Some("IMPROVE_IP_RANGE");
    /// A statement that grants (or denies) nothing another statement of the same effect, principal
    /// and condition does not already.
    RedundantStatement = "redundant-statement", Warning, Suggestion, Some("REDUNDANT_STATEMENT");
    /// A service principal, in `Principal` or in the value of a key that holds them
    /// (`iam:PassedToService`, `aws:CalledVia`, `kms:ViaService`, ...), that is not of AWS's
    /// form: a lowercase `SERVICE.amazonaws.com` (`SERVICE.REGION.amazonaws.com` for
    /// `kms:ViaService`).
    InvalidServicePrincipalFormat = "invalid-service-principal-format", Warning, Warning, Some("INVALID_SERVICE_PRINCIPAL_FORMAT");
    /// An ARN whose region is empty where every ARN format of its resource has one
    /// (`arn:aws:kms::123456789012:key/...`): it names no resource.
    MissingArnRegion = "missing-arn-region", Warning, Warning, Some("MISSING_ARN_REGION");
    /// `ForAnyValue:` on an OIDC provider's audience claim (`HOST:aud`), which is single-valued.
    ForAnyValueWithAudienceClaim = "foranyvalue-with-audience-claim", Warning, SecurityWarning, Some("FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE");
    /// An assumed-role session principal (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`)
    /// beside its role in the same `Principal`, which already covers every session of the role.
    RedundantPrincipal = "redundant-principal", Warning, Suggestion, Some("REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY");
    /// A value of `aws:SourceVpc` or `aws:SourceVpce` that is not `vpc-` (`vpce-`) and 8 or 17
    /// letters or digits: the condition never matches it.
    InvalidVpcFormat = "invalid-vpc-format", Warning, Warning, Some("INVALID_VPC_FORMAT");
    /// A `Federated` principal in a resource policy other than a role trust policy, which
    /// supports identity providers only in trust policies.
    FederatedPrincipalNotSupported = "federated-principal-not-supported", Error, Error, Some("FEDERATED_PRINCIPAL_NOT_SUPPORTED");
    /// A resource control policy with a principal other than `"*"`, `NotPrincipal`, `NotAction`,
    /// or an `Allow` statement with a `Condition` or a `Resource` other than `"*"`.
    InvalidRcpElement = "invalid-rcp-element", Error, Error, Some("RCP_SYNTAX_ERROR_PRINCIPAL");
    /// A principal key (`aws:PrincipalOrgID`, ...) in a resource control policy's condition
    /// without `BoolIfExists` `aws:PrincipalIsAWSService` `false`: the statement also denies AWS
    /// services acting on your behalf, whose requests have no principal keys.
    RcpPrincipalKeyWithoutServiceCheck = "rcp-principal-key-without-service-check", Warning, Warning, Some("RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY");
    /// A source key (`aws:SourceOrgID`, `aws:SourceAccount`, ...) in a resource control policy's
    /// condition without `BoolIfExists` `aws:PrincipalIsAWSService` `true`: the statement also
    /// denies your own principals, whose requests have no source keys.
    RcpSourceKeyWithoutServiceCheck = "rcp-source-key-without-service-check", Warning, Warning, Some("RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY");
    /// A source key in a resource control policy's condition without `Null` `aws:SourceAccount`
    /// (or `aws:SourceArn`) `false`: a service integration that sends no source key is denied too.
    RcpSourceKeyWithoutNullCheck = "rcp-source-key-without-null-check", Warning, Warning, Some("RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK");
    /// `s3:prefix` in a `Deny` with a positive string operator, or in an `Allow` with a negated
    /// one: a request with a shorter prefix does not match, so listing is not restricted.
    S3PrefixInNegativeContext = "s3-prefix-in-negative-context", Warning, SecurityWarning, Some("S3_PREFIX_IN_NEGATIVE_CONTEXT");
    /// An `Allow` restricted on `dynamodb:Attributes` without `dynamodb:Select` set to
    /// `SPECIFIC_ATTRIBUTES`: a read without a projection expression returns every attribute.
    DynamodbAttributesWithoutSelect = "dynamodb-attributes-without-select", Warning, SecurityWarning, Some("DYNAMODB_ATTRIBUTES_WITHOUT_SELECT");
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

    /// The finding type IAM Access Analyzer gives this finding: its code's level, except that a
    /// finding whose severity a rule lowered to a warning (a region the vendored table does not
    /// know, a size over a quota that can be raised) is not an error.
    ///
    /// ```
    /// use typed_iam_core::{AwsLevel, Code, Diagnostic, Location, Severity};
    /// let finding = Diagnostic::new(Code::PolicyTooLarge, Location::root(), "too large");
    /// assert_eq!(finding.aws_level(), AwsLevel::Error);
    /// assert_eq!(finding.with_severity(Severity::Warning).aws_level(), AwsLevel::Warning);
    /// ```
    pub fn aws_level(&self) -> AwsLevel {
        match (self.code.aws_level(), self.severity) {
            (AwsLevel::Error, Severity::Warning) => AwsLevel::Warning,
            (level, _) => level,
        }
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

/// With the `serde` feature: codes, severities, levels and locations serialize as their one
/// spelling (`unknown-action`, `error`, `security-warning`, `Statement[0].Action[1]`), so that
/// tools write findings without spelling them again.
#[cfg(feature = "serde")]
mod serde_impls {
    use serde_core::ser::{Serialize, SerializeStruct, Serializer};

    use super::{AwsLevel, Code, Diagnostic, Location, Severity};
    use crate::json::Position;
    use crate::Finding;

    impl Serialize for Code {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    impl Serialize for Severity {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(self)
        }
    }

    impl Serialize for AwsLevel {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    impl Serialize for Location {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(self)
        }
    }

    /// The fields by their Rust names, as serde's derive would write them.
    impl Serialize for Diagnostic {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut out = serializer.serialize_struct("Diagnostic", 6)?;
            out.serialize_field("code", &self.code)?;
            out.serialize_field("severity", &self.severity)?;
            out.serialize_field("message", &self.message)?;
            out.serialize_field("location", &self.location)?;
            out.serialize_field("help", &self.help)?;
            out.serialize_field("suggestion", &self.suggestion)?;
            out.end()
        }
    }

    impl Serialize for Position {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut out = serializer.serialize_struct("Position", 3)?;
            out.serialize_field("line", &self.line)?;
            out.serialize_field("column", &self.column)?;
            out.serialize_field("offset", &self.offset)?;
            out.end()
        }
    }

    impl Serialize for Finding {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut out = serializer.serialize_struct("Finding", 2)?;
            out.serialize_field("diagnostic", &self.diagnostic)?;
            out.serialize_field("position", &self.position)?;
            out.end()
        }
    }
}
