//! What kind of policy is compared, and so how a witness is replayed through the evaluator:
//! each kind is put in its own layer of a [`PolicySet`], beside what makes that layer the one
//! that decides.
//!
//! - `identity`: the principal's identity policies alone.
//! - `boundary`, `session`: an identity policy that allows everything, limited by the
//!   permissions boundary or session policy compared ([logic]: "the effective permissions are
//!   the intersection").
//! - `scp`, `rcp`: an identity policy and a resource policy that allow everything, limited by
//!   one organization level holding the policies compared ([scp], [rcp]); RCPs only limit the
//!   services the evaluator's RCP list names, so other actions are never a difference.
//! - `resource`: an identity policy that allows everything, and the resource policy compared,
//!   for a caller of another account than the resource's ([xacct]: "the resource-based policy
//!   must allow" a cross-account request), so that what the resource policy grants decides;
//!   statements are compared with their `Principal`/`NotPrincipal` too.
//!
//! [logic]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
//! [scp]: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
//! [rcp]: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
//! [xacct]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html

use std::fmt;
use std::str::FromStr;

use crate::eval::{PolicySet, Request};
use crate::model::{
    Action, Actions, Effect, OneOrMany, Policy, Principal, Principals, Resource, Resources,
    Statement, Version,
};

/// The account that owns the resource in a `resource` comparison's witnesses: no caller's.
pub(crate) const RESOURCE_ACCOUNT: &str = "999988887777";

/// The kind of the policies compared (see the module documentation of `compare`).
///
/// ```
/// use typed_iam_core::compare::Kind;
/// assert_eq!("scp".parse::<Kind>(), Ok(Kind::Scp));
/// assert_eq!(Kind::Resource.as_str(), "resource");
/// let error = "resorce".parse::<Kind>().unwrap_err();
/// assert_eq!(error.to_string(), "invalid comparison kind `resorce`");
/// assert_eq!(error.help().as_deref(), Some("did you mean `resource`?"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Kind {
    /// Identity-based policies of one principal.
    #[default]
    Identity,
    /// A resource-based policy (bucket, queue, key, trust policy): principals are compared.
    Resource,
    /// A permissions boundary.
    Boundary,
    /// A session policy.
    Session,
    /// Service control policies (one organization level).
    Scp,
    /// Resource control policies (one organization level).
    Rcp,
}

impl Kind {
    /// Every kind, in the order of `--kind`'s help.
    pub const ALL: [Kind; 6] = [
        Kind::Identity,
        Kind::Resource,
        Kind::Boundary,
        Kind::Session,
        Kind::Scp,
        Kind::Rcp,
    ];

    /// The kind's name: `identity`, `resource`, `boundary`, `session`, `scp`, `rcp`.
    ///
    /// ```
    /// assert_eq!(typed_iam_core::compare::Kind::Rcp.as_str(), "rcp");
    /// ```
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Every kind's name, in the order of [`Kind::ALL`].
    pub const NAMES: [&'static str; 6] =
        ["identity", "resource", "boundary", "session", "scp", "rcp"];

    /// Whether `policies`, taken as this kind, allow the request (by the evaluator).
    ///
    /// ```
    /// use typed_iam_core::{compare::Kind, eval::Request, Policy};
    /// let deny = Policy::from_json(r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
    ///   {"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}"#)?;
    /// let request = Request::new("s3:DeleteBucket", "arn:aws:s3:::b")?
    ///     .principal("arn:aws:iam::111122223333:user/ana")?;
    /// assert!(!Kind::Scp.allows(&[deny], &request));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allows(self, policies: &[Policy], request: &Request) -> bool {
        let everything = allow_everything(false);
        let everyone = allow_everything(true);
        let refs = || policies.iter().map(Into::into).collect::<Vec<_>>();
        let set = match self {
            Kind::Identity => policies
                .iter()
                .fold(PolicySet::new(), |set, policy| set.identity(policy)),
            Kind::Resource => policies
                .iter()
                .fold(PolicySet::new().identity(&everything), |set, policy| {
                    set.resource(policy)
                }),
            Kind::Boundary => PolicySet::new()
                .identity(&everything)
                .boundary_layer(refs()),
            Kind::Session => PolicySet::new().identity(&everything).session_layer(refs()),
            Kind::Scp => PolicySet::new()
                .identity(&everything)
                .resource(&everyone)
                .scp_level(policies),
            Kind::Rcp => PolicySet::new()
                .identity(&everything)
                .resource(&everyone)
                .rcp_level(policies),
        };
        set.evaluate(request).is_allowed()
    }

    /// Whether a policy of this kind can decide requests for the action at all (RCPs only
    /// for the services they cover; every other kind for every action).
    pub(crate) fn governs(self, action: &str) -> bool {
        match self {
            Kind::Rcp => {
                let service = action.split(':').next().unwrap_or_default();
                crate::eval::layers::RCP_SERVICES
                    .iter()
                    .any(|covered| covered.eq_ignore_ascii_case(service))
            }
            _ => true,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = crate::ParseValueError;

    /// One of [`Kind::NAMES`], in any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| crate::ParseValueError::new("comparison kind", text, &Self::NAMES))
    }
}

/// `Allow * on *` (to everyone, as a resource policy, when `principal`).
fn allow_everything(principal: bool) -> Policy {
    let statement = Statement {
        sid: None,
        effect: Effect::Allow,
        principal: principal.then_some(Principals::Principal(Principal::Wildcard)),
        action: Some(Actions {
            negated: false,
            items: OneOrMany::one(Action::Pattern("*".to_owned())),
        }),
        resource: Some(Resources {
            negated: false,
            items: OneOrMany::one(Resource("*".to_owned())),
        }),
        condition: None,
    };
    Policy {
        version: Some(Version::V2012_10_17),
        id: None,
        statements: OneOrMany::one(statement),
    }
}
