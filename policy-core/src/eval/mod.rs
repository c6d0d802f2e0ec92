//! Evaluation: can this principal do this action on that resource, under these policies?
//!
//! A [`PolicySet`] holds every layer AWS combines (identity policies, a resource policy, a
//! permissions boundary, a session policy, SCPs and RCPs by organization level, a VPC endpoint
//! policy); [`PolicySet::evaluate`] answers a [`Request`] with a [`Decision`] that says which
//! statements decided and, with [`PolicySet::evaluate_traced`], why every other statement did
//! not apply. Scenario files ([`scenario`]) describe requests, policies and expected outcomes
//! for `policy can`, `policy test` and tests.
//!
//! The engine adds nothing on its own: a layer that is not given is not in force (AWS's default
//! `FullAWSAccess` SCP is written out when it applies), and the request context is exactly what
//! is given.
//!
//! # The rules, each with the AWS page it comes from
//! The numbers are those of the design page; each is implemented (and documented in detail) in
//! the module named.
//!
//! | Rule | What | Where | Source |
//! |---|---|---|---|
//! | 1 | default deny; an applicable `Deny` anywhere wins; else an `Allow` is needed | `layers` | [logic], [denyallow] |
//! | 2 | SCP and RCP levels must each allow; not for the management account; RCPs only for their services; not for service-linked roles | `layers` | [scp], [rcp] |
//! | 3 | same account: identity *or* resource policy; role trust and KMS key policies must allow; user/session principals not limited by boundary/session | `layers` | [logic], [kms], [trust] |
//! | 4 | cross account: both sides must allow; an account principal delegates | `layers` | [xacct] |
//! | 5 | boundary, session policy, SCPs intersect; `Deny`+`NotPrincipal` denies principals with a boundary | `layers`, [`matching`](self) | [logic], [notprincipal] |
//! | 6 | `sts:GetCallerIdentity` is always allowed | `layers` | [gci] |
//! | 7 | action case and wildcards; `NotAction` | `matching` | [action], [notaction] |
//! | 8 | resource ARN fields, case, wildcards; `*` for actions without resource types | `glob`, `matching` | [resource], [notresource] |
//! | 9 | principals: `*`, accounts, roles vs sessions, no partial wildcards | `matching` | [principal], [notprincipal] |
//! | 10-14 | conditions | [`conditions`](self) | [cond], [ops], [multi], [svmv] |
//! | 15 | policy variables | `glob` | [vars] |
//!
//! [logic]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
//! [denyallow]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
//! [xacct]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
//! [scp]: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
//! [rcp]: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
//! [kms]: https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
//! [trust]: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_compare-resource-policies.html
//! [gci]: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
//! [action]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
//! [notaction]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
//! [resource]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
//! [notresource]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
//! [principal]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
//! [notprincipal]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
//! [cond]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
//! [ops]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
//! [multi]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
//! [svmv]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
//! [vars]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
//!
//! ```
//! use typed_iam_core::{eval::{PolicySet, Request}, Policy};
//! let role = Policy::from_json(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::eval-data/*"}]}"#)?;
//! let scp = Policy::from_json(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Deny", "Action": "*", "Resource": "*",
//!      "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}"#)?;
//! let request = Request::new("s3:GetObject", "arn:aws:s3:::eval-data/a.jsonl")?
//!     .principal("arn:aws:sts::111122223333:assumed-role/EvalRole/job-7")?
//!     .context("aws:RequestedRegion", "us-east-1")?;
//! let decision = PolicySet::new().identity(&role).scp_level([&scp]).evaluate(&request);
//! assert!(!decision.is_allowed(), "{decision}");
//! assert_eq!(decision.outcome(), typed_iam_core::eval::Outcome::ExplicitDeny);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod conditions;
mod decision;
pub(crate) mod glob;
pub(crate) mod layers;
mod matching;
mod request;
pub mod scenario;
mod scenario_raw;
pub mod values;

pub use conditions::{ConditionFailure, FailureReason};
pub use decision::{
    Decision, Layer, Origin, Outcome, PolicyRef, StatementRef, StatementResult, TraceEntry, Warning,
};
pub use matching::PrincipalMatch;
pub use request::{ContextValue, Request, RequestError, RequestPrincipal};

/// Every policy that applies to a request, by layer. Borrowed: build one per evaluation or
/// keep one for many requests.
///
/// ```
/// use typed_iam_core::{eval::{PolicySet, Request}, Policy};
/// let allow_all = Policy::from_json(r#"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#)?;
/// let request = Request::new("s3:ListAllMyBuckets", "*")?.principal("arn:aws:iam::111122223333:user/ana")?;
/// // An empty boundary is in force and allows nothing.
/// let decision = PolicySet::new().identity(&allow_all).boundary_layer(Vec::new()).evaluate(&request);
/// assert!(decision.is_denied(), "{decision}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct PolicySet<'a> {
    pub(crate) identity: Vec<PolicyRef<'a>>,
    pub(crate) resource: Vec<PolicyRef<'a>>,
    pub(crate) boundary: Option<Vec<PolicyRef<'a>>>,
    pub(crate) session: Option<Vec<PolicyRef<'a>>>,
    pub(crate) scp: Option<Vec<Vec<PolicyRef<'a>>>>,
    pub(crate) rcp: Option<Vec<Vec<PolicyRef<'a>>>>,
    pub(crate) vpc_endpoint: Option<Vec<PolicyRef<'a>>>,
    pub(crate) management_account: Option<String>,
}

impl<'a> PolicySet<'a> {
    /// No policies: every request is implicitly denied (but `sts:GetCallerIdentity`).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an identity-based policy of the principal.
    #[must_use]
    pub fn identity(mut self, policy: impl Into<PolicyRef<'a>>) -> Self {
        self.identity.push(policy.into());
        self
    }

    /// Adds the resource-based policy (bucket policy, trust policy, key policy, ...).
    #[must_use]
    pub fn resource(mut self, policy: impl Into<PolicyRef<'a>>) -> Self {
        self.resource.push(policy.into());
        self
    }

    /// Adds a permissions boundary policy (the boundary is then in force).
    #[must_use]
    pub fn boundary(mut self, policy: impl Into<PolicyRef<'a>>) -> Self {
        self.boundary
            .get_or_insert_with(Vec::new)
            .push(policy.into());
        self
    }

    /// Sets the whole boundary layer (an empty one is in force and allows nothing).
    #[must_use]
    pub fn boundary_layer(mut self, policies: Vec<PolicyRef<'a>>) -> Self {
        self.boundary = Some(policies);
        self
    }

    /// Adds a session policy (the layer is then in force).
    #[must_use]
    pub fn session(mut self, policy: impl Into<PolicyRef<'a>>) -> Self {
        self.session
            .get_or_insert_with(Vec::new)
            .push(policy.into());
        self
    }

    /// Sets the whole session policy layer.
    #[must_use]
    pub fn session_layer(mut self, policies: Vec<PolicyRef<'a>>) -> Self {
        self.session = Some(policies);
        self
    }

    /// Adds an organization level of SCPs (root first); every level must allow.
    #[must_use]
    pub fn scp_level<P: Into<PolicyRef<'a>>>(
        mut self,
        policies: impl IntoIterator<Item = P>,
    ) -> Self {
        self.scp
            .get_or_insert_with(Vec::new)
            .push(policies.into_iter().map(Into::into).collect());
        self
    }

    /// Adds an organization level of RCPs (root first); every level must allow.
    #[must_use]
    pub fn rcp_level<P: Into<PolicyRef<'a>>>(
        mut self,
        policies: impl IntoIterator<Item = P>,
    ) -> Self {
        self.rcp
            .get_or_insert_with(Vec::new)
            .push(policies.into_iter().map(Into::into).collect());
        self
    }

    /// Adds a VPC endpoint policy (the request goes through the endpoint).
    #[must_use]
    pub fn vpc_endpoint(mut self, policy: impl Into<PolicyRef<'a>>) -> Self {
        self.vpc_endpoint
            .get_or_insert_with(Vec::new)
            .push(policy.into());
        self
    }

    /// The organization's management account, to which SCPs and RCPs do not apply.
    #[must_use]
    pub fn management_account(mut self, account: impl Into<String>) -> Self {
        self.management_account = Some(account.into());
        self
    }

    /// Evaluates the request.
    pub fn evaluate<'r>(&self, request: &'r Request) -> Decision<'r>
    where
        'a: 'r,
    {
        layers::evaluate(self, request, false)
    }

    /// Evaluates the request and records why every statement applied or not.
    pub fn evaluate_traced<'r>(&self, request: &'r Request) -> Decision<'r>
    where
        'a: 'r,
    {
        layers::evaluate(self, request, true)
    }
}
