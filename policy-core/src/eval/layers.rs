//! Combining the layers (rules 1-6 of the module docs).
//!
//! The order follows the flow chart of the [logic] page:
//! 1. `sts:GetCallerIdentity` is allowed whatever the policies say (the [gci] page: "No
//!    permissions are required to perform this operation. If an administrator attaches a policy
//!    to your identity that explicitly denies access to the `sts:GetCallerIdentity` action, you
//!    can still perform this operation").
//! 2. Every statement of every layer in force is evaluated; an applicable `Deny` in any of them
//!    is an explicit deny ([denyallow]: "an explicit deny in any of these policies overrides the
//!    allow").
//! 3. SCPs: every organization level from the root down must have an applicable `Allow`
//!    ([scp]: "for a permission to be allowed ... every SCP from the root through each OU in the
//!    direct path to the account ... must allow it"); SCPs do not apply to the management
//!    account, to service-linked roles, or to callers outside the organization's accounts
//!    (services, anonymous callers).
//! 4. RCPs, likewise by level, for the services the [rcp] page lists (S3, STS, KMS, SQS,
//!    Secrets Manager, ECR, OpenSearch Serverless, Cognito identity pools, CloudWatch Logs,
//!    DynamoDB), for resources outside the management account, and not for service-linked
//!    roles.
//! 5. A VPC endpoint policy in force must allow.
//! 6. Identity and resource policies ([logic], [xacct]):
//!    - callers without an account (services, providers, anonymous) need the resource policy;
//!    - same account: a resource policy `Allow` naming the caller itself (user, session,
//!      federated user) or `"*"` grants without the identity policies and is not limited by an
//!      implicit deny of the boundary or session policy; one naming the role of a session is
//!      limited by both ([logic], "the session policy and permissions boundary ... limit
//!      permissions granted to the role ARN"); one naming the account delegates to the identity
//!      policies; an identity policy `Allow` needs the boundary and session policy (when in
//!      force) to allow too;
//!    - role trust policies (`sts:AssumeRole*`) and KMS key policies must allow the request
//!      themselves (directly, or by naming the account to delegate): an identity policy alone is
//!      not enough ([kms]: "Unless the key policy explicitly allows it, you cannot use IAM
//!      policies to allow access to a KMS key"; [trust]: the trust policy "must" name the
//!      principal);
//!    - cross account: the resource policy must allow (naming the caller, its role, or its
//!      account) *and* the caller's identity policies (within boundary and session policy)
//!      must allow ([xacct]).
//!    - The account of the resource is the request's `resource_account`, else the ARN's, else
//!      (S3 buckets have no account in their ARN) the caller's: a request is same-account unless
//!      it says otherwise.
//!
//! [logic]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
//! [denyallow]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
//! [xacct]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
//! [scp]: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
//! [rcp]: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
//! [kms]: https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
//! [trust]: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_compare-resource-policies.html
//! [gci]: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html

use super::conditions::{self, ConditionNote};
use super::decision::{
    Decision, Layer, Outcome, PolicyRef, StatementRef, StatementResult, TraceEntry, Warning,
};
use super::matching::{
    actions_match, not_principal_applies, principal_matches, resources_match, PrincipalMatch,
    ResourceMatch,
};
use super::request::{Request, RequestPrincipal};
use super::PolicySet;
use crate::model::{Effect, Principals, Statement, Version};

/// The services whose resources RCPs cover.
pub(crate) const RCP_SERVICES: [&str; 10] = [
    "s3",
    "sts",
    "kms",
    "sqs",
    "secretsmanager",
    "ecr",
    "aoss",
    "cognito-identity",
    "logs",
    "dynamodb",
];

struct Evaluation<'r> {
    request: &'r Request,
    has_boundary: bool,
    trace: Option<Vec<TraceEntry<'r>>>,
    warnings: Vec<Warning<'r>>,
    notes: Vec<ConditionNote>,
}

/// The applicable statements of one layer (or level).
#[derive(Default)]
struct Applicable<'r> {
    allows: Vec<StatementRef<'r>>,
    /// How each `Allow` named the caller, for the layers whose statements name principals;
    /// empty for the others (every `Allow` there is [`PrincipalMatch::Direct`]). Kept apart
    /// so that `allows` can become the decision's list as it is (one allocation fewer for the
    /// usual identity-policy grant: on the in-process benchmark, allocations were a tenth of
    /// the time).
    how: Vec<PrincipalMatch>,
    denies: Vec<StatementRef<'r>>,
}

impl<'r> Applicable<'r> {
    fn allows(&self) -> bool {
        !self.allows.is_empty()
    }

    fn how(&self, index: usize) -> PrincipalMatch {
        self.how
            .get(index)
            .copied()
            .unwrap_or(PrincipalMatch::Direct)
    }

    fn best(&self) -> Option<PrincipalMatch> {
        (0..self.allows.len()).map(|index| self.how(index)).max()
    }

    fn with(&self, how: PrincipalMatch) -> impl Iterator<Item = StatementRef<'r>> + '_ {
        self.allows
            .iter()
            .enumerate()
            .filter(move |(index, _)| self.how(*index) == how)
            .map(|(_, statement)| *statement)
    }
}

/// Appends `more` to `list`, taking `more`'s allocation when `list` is still empty.
fn append<T>(list: &mut Vec<T>, more: Vec<T>) {
    if list.is_empty() {
        *list = more;
    } else {
        list.extend(more);
    }
}

impl<'r> Evaluation<'r> {
    fn layer(&mut self, layer: Layer, policies: &[PolicyRef<'r>]) -> Applicable<'r> {
        let mut applicable = Applicable::default();
        for (policy_index, policy) in policies.iter().enumerate() {
            let variables = policy.policy.version() == Some(Version::V2012_10_17);
            for (index, statement) in policy.policy.statements().iter().enumerate() {
                let reference = StatementRef {
                    layer,
                    policy_index,
                    policy: *policy,
                    index,
                };
                let result = self.statement(statement, reference, variables);
                if let Some(trace) = &mut self.trace {
                    trace.push(TraceEntry {
                        statement: reference,
                        result: match &result {
                            Ok(_) => StatementResult::Applies,
                            Err(miss) => miss.clone(),
                        },
                    });
                }
                if let Ok(how) = result {
                    match statement.effect() {
                        Effect::Allow => {
                            // `how` is empty while every Allow is direct, else as long as
                            // `allows`.
                            if how != PrincipalMatch::Direct || !applicable.how.is_empty() {
                                applicable
                                    .how
                                    .resize(applicable.allows.len(), PrincipalMatch::Direct);
                                applicable.how.push(how);
                            }
                            applicable.allows.push(reference);
                        }
                        Effect::Deny => applicable.denies.push(reference),
                    }
                }
            }
        }
        applicable
    }

    fn statement(
        &mut self,
        statement: &Statement,
        reference: StatementRef<'r>,
        variables: bool,
    ) -> Result<PrincipalMatch, StatementResult> {
        let request = self.request;
        match statement.action() {
            Some(actions) if actions_match(actions, request) => {}
            _ => return Err(StatementResult::ActionNotMatched),
        }
        if let Some(resources) = statement.resource() {
            match resources_match(resources, request, variables) {
                ResourceMatch::Yes => {}
                ResourceMatch::No => return Err(StatementResult::ResourceNotMatched),
                ResourceMatch::Unresolved(variable) => {
                    self.warn(reference, format!("policy variable `{variable}` is not in the request (or has several values), so the resource matches nothing"));
                    return Err(StatementResult::ResourceUnresolved(variable));
                }
            }
        }
        let how = self.principal(statement, reference)?;
        if let Some(condition) = statement.condition() {
            let result = conditions::evaluate(condition, request, variables, &mut self.notes);
            for note in std::mem::take(&mut self.notes) {
                let message = match note {
                    ConditionNote::SetOperatorOnSingleValuedKey { operator, key } => format!(
                        "`{operator}` on `{key}`, a single-valued key: a set operator treats its one value as a set, which can be more permissive than intended"
                    ),
                    ConditionNote::UnresolvedVariable { variable } => format!(
                        "policy variable `{variable}` is not in the request (or has several values), so its condition value matches nothing"
                    ),
                };
                self.warn(reference, message);
            }
            result.map_err(StatementResult::ConditionFailed)?;
        }
        Ok(how)
    }

    fn principal(
        &mut self,
        statement: &Statement,
        reference: StatementRef<'r>,
    ) -> Result<PrincipalMatch, StatementResult> {
        let names_principals = matches!(
            reference.layer,
            Layer::Resource | Layer::VpcEndpoint | Layer::Rcp(_)
        );
        if !names_principals {
            return Ok(PrincipalMatch::Direct);
        }
        let caller = &self.request.principal;
        match statement.principal() {
            None if reference.layer == Layer::Resource => Err(StatementResult::MissingPrincipal),
            None => Ok(PrincipalMatch::Direct),
            Some(Principals::Principal(principal)) => {
                principal_matches(principal, caller).ok_or(StatementResult::PrincipalNotMatched)
            }
            Some(Principals::NotPrincipal(principal)) => {
                if statement.effect() == Effect::Allow {
                    self.warn(reference, "`NotPrincipal` with `Allow` grants to everyone not listed, anonymous callers included".to_owned());
                }
                // The NotPrincipal page: a Deny with NotPrincipal denies a principal that has a
                // permissions boundary, even one that is listed.
                if (statement.effect() == Effect::Deny && self.has_boundary)
                    || not_principal_applies(principal, caller)
                {
                    Ok(PrincipalMatch::Direct)
                } else {
                    Err(StatementResult::PrincipalNotMatched)
                }
            }
        }
    }

    fn warn(&mut self, statement: StatementRef<'r>, message: String) {
        let duplicate = self.warnings.iter().any(|warning| {
            warning.message == message
                && warning.statement.is_some_and(|known| {
                    known.layer == statement.layer
                        && known.policy_index == statement.policy_index
                        && known.index == statement.index
                })
        });
        if !duplicate {
            self.warnings.push(Warning {
                statement: Some(statement),
                message,
            });
        }
    }
}

pub(crate) fn evaluate<'r>(set: &PolicySet<'r>, request: &'r Request, trace: bool) -> Decision<'r> {
    let mut decision = Decision {
        request,
        outcome: Outcome::ImplicitDeny,
        deciding: Vec::new(),
        missing_allow: Vec::new(),
        guardrails: Vec::new(),
        warnings: Vec::new(),
        notes: Vec::new(),
        trace: None,
    };
    if request
        .action()
        .eq_ignore_ascii_case("sts:GetCallerIdentity")
    {
        decision.outcome = Outcome::Allow;
        decision
            .notes
            .push("sts:GetCallerIdentity is always allowed, whatever the policies say");
        return decision;
    }
    let mut evaluation = Evaluation {
        request,
        has_boundary: set.boundary.is_some(),
        trace: trace.then(Vec::new),
        warnings: Vec::new(),
        notes: Vec::new(),
    };
    let caller = &request.principal;
    let principal_account = caller.account();
    let resource_account = request.owning_account();
    let management = set.management_account.as_deref();
    let service_linked =
        (set.scp.is_some() || set.rcp.is_some()) && caller.is_service_linked_role();

    let scp_applies =
        principal_account.is_some() && principal_account != management && !service_linked;
    if set.scp.is_some() && !scp_applies {
        decision
            .notes
            .push("SCPs do not apply: the caller is not an IAM principal of a member account (management account, service-linked role, service or anonymous caller)");
    }
    let rcp_applies = set.rcp.is_some()
        && resource_account != management
        && !service_linked
        && RCP_SERVICES
            .iter()
            .any(|service| service.eq_ignore_ascii_case(request.service()));
    if set.rcp.is_some() && !rcp_applies {
        decision
            .notes
            .push("RCPs do not apply: the service is not one RCPs cover, the resource is in the management account, or the caller is a service-linked role");
    }

    let scp: Vec<Applicable<'r>> = match (&set.scp, scp_applies) {
        (Some(levels), true) => levels
            .iter()
            .enumerate()
            .map(|(level, policies)| evaluation.layer(Layer::Scp(level), policies))
            .collect(),
        _ => Vec::new(),
    };
    let rcp: Vec<Applicable<'r>> = match (&set.rcp, rcp_applies) {
        (Some(levels), true) => levels
            .iter()
            .enumerate()
            .map(|(level, policies)| evaluation.layer(Layer::Rcp(level), policies))
            .collect(),
        _ => Vec::new(),
    };
    let vpce = set
        .vpc_endpoint
        .as_ref()
        .map(|policies| evaluation.layer(Layer::VpcEndpoint, policies));
    let resource = evaluation.layer(Layer::Resource, &set.resource);
    let mut identity = evaluation.layer(Layer::Identity, &set.identity);
    let boundary = set
        .boundary
        .as_ref()
        .map(|policies| evaluation.layer(Layer::Boundary, policies));
    let session = set
        .session
        .as_ref()
        .map(|policies| evaluation.layer(Layer::Session, policies));

    decision.trace = evaluation.trace.take();
    decision.warnings = std::mem::take(&mut evaluation.warnings);

    // Rule 1: an explicit deny anywhere wins.
    let all = scp
        .iter()
        .chain(&rcp)
        .chain(&vpce)
        .chain([&resource, &identity])
        .chain(&boundary)
        .chain(&session);
    for applicable in all {
        decision.deciding.extend(applicable.denies.iter().copied());
    }
    if !decision.deciding.is_empty() {
        decision.outcome = Outcome::ExplicitDeny;
        return decision;
    }

    // Rule 2 and the VPC endpoint: guardrails must allow.
    for (level, applicable) in scp.iter().enumerate() {
        if !applicable.allows() {
            decision.guardrails.push(Layer::Scp(level));
        }
    }
    for (level, applicable) in rcp.iter().enumerate() {
        if !applicable.allows() {
            decision.guardrails.push(Layer::Rcp(level));
        }
    }
    if vpce.as_ref().is_some_and(|applicable| !applicable.allows()) {
        decision.guardrails.push(Layer::VpcEndpoint);
    }

    // Rules 3 and 4: identity and resource policies.
    let boundary_ok = boundary.as_ref().is_none_or(Applicable::allows);
    let session_ok = session.as_ref().is_none_or(Applicable::allows);
    let identity_allows = identity.allows();
    let identity_path = identity_allows && boundary_ok && session_ok;
    let resource_required = request.service().eq_ignore_ascii_case("kms")
        || (request.service().eq_ignore_ascii_case("sts")
            && request
                .action_name()
                .get(..10)
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case("AssumeRole")));
    let same_account = match (principal_account, resource_account) {
        (Some(principal), Some(resource)) => principal == resource,
        _ => true,
    };
    let best = resource.best();
    let mut granted: Vec<StatementRef<'r>> = Vec::new();
    let mut limit_by_boundary = false;
    match caller {
        RequestPrincipal::Anonymous
        | RequestPrincipal::Service { .. }
        | RequestPrincipal::Federated { .. } => {
            granted = resource.allows;
            if granted.is_empty() {
                decision.missing_allow.push(Layer::Resource);
            }
        }
        _ if same_account => {
            // Every path that grants is reported, so that removing the deciding statements
            // removes the grant.
            granted.extend(resource.with(PrincipalMatch::Direct));
            if resource.with(PrincipalMatch::Role).next().is_some() {
                if boundary_ok && session_ok {
                    granted.extend(resource.with(PrincipalMatch::Role));
                } else {
                    limit_by_boundary = true;
                }
            }
            let delegated = best.is_some();
            if !resource_required || delegated {
                if identity_path {
                    append(&mut granted, std::mem::take(&mut identity.allows));
                    granted.extend(resource.with(PrincipalMatch::Account));
                } else if identity_allows {
                    limit_by_boundary = true;
                }
            }
            if granted.is_empty() {
                if resource_required && !delegated {
                    decision.missing_allow.push(Layer::Resource);
                } else if !identity_allows {
                    decision.missing_allow.push(Layer::Identity);
                    if !resource_required && best.is_none() && !set.resource.is_empty() {
                        decision.missing_allow.push(Layer::Resource);
                    }
                }
            }
        }
        _ => {
            if best.is_some() && identity_path {
                granted = resource.allows;
                append(&mut granted, identity.allows);
            } else {
                if best.is_none() {
                    decision.missing_allow.push(Layer::Resource);
                }
                if !identity_allows {
                    decision.missing_allow.push(Layer::Identity);
                } else if !identity_path {
                    limit_by_boundary = true;
                }
            }
        }
    }
    if limit_by_boundary && granted.is_empty() {
        if !boundary_ok {
            decision.guardrails.push(Layer::Boundary);
        }
        if !session_ok {
            decision.guardrails.push(Layer::Session);
        }
    }
    if decision.guardrails.is_empty() && !granted.is_empty() {
        decision.outcome = Outcome::Allow;
        decision.deciding = granted;
    }
    decision
}
