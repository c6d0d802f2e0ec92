//! The macro's only contact with the validator and the catalog: run `policy_core::validate` with
//! the context the attributes ask for, write JSON, and name the catalog enum of an action.

use std::str::FromStr;

use policy_core::{
    ActionId, Code, Context, Diagnostic, Location, OneOrMany, Policy, PolicyKind, SizeTarget,
    Statement,
};
use proc_macro2::Span;

use crate::attrs::Settings;

/// Where a known action's enum variant lives, and AWS's spelling of the action.
pub(crate) struct ActionPath {
    pub(crate) module: String,
    pub(crate) variant: String,
    pub(crate) canonical: String,
}

/// Findings about a policy, and errors in the `kind`/`target` attributes.
pub(crate) fn policy(
    policy: &Policy,
    settings: &Settings,
    unknowable: &[(Location, &[Code])],
) -> (Vec<Diagnostic>, Vec<syn::Error>) {
    let (cx, errors) = context(settings, unknowable, || Context::infer(policy));
    (policy_core::validate(policy, &cx), errors)
}

/// Findings about a statement fragment.
pub(crate) fn statement(
    statement: &Statement,
    settings: &Settings,
    unknowable: &[(Location, &[Code])],
) -> (Vec<Diagnostic>, Vec<syn::Error>) {
    let (cx, errors) = context(settings, unknowable, || {
        Context::infer(&Policy::new(None, None, OneOrMany::one(statement.clone())))
    });
    (policy_core::validate_statement(statement, &cx), errors)
}

/// The pretty JSON of a policy.
pub(crate) fn to_json_pretty(policy: &Policy) -> String {
    policy.to_json_pretty()
}

/// The catalog enum variant of an action, named by the catalog's own rule (`catalog::ident`).
pub(crate) fn action_path(id: ActionId) -> ActionPath {
    let action = catalog::index::catalog().action_by_id(id);
    let prefix = action.service().prefix();
    ActionPath {
        module: catalog::ident::service_module(prefix),
        variant: catalog::ident::action_variant(action.name()),
        canonical: format!("{prefix}:{}", action.name()),
    }
}

/// The context: the stated kind or the inferred one, the size target, the allowed codes, and
/// the codes that cannot apply where an element is `unchecked(..)` or only known at run time.
fn context(
    settings: &Settings,
    unknowable: &[(Location, &[Code])],
    infer: impl FnOnce() -> Context,
) -> (Context, Vec<syn::Error>) {
    let mut errors = Vec::new();
    let mut cx = match &settings.kind {
        Some((name, span)) => match PolicyKind::from_str(name) {
            Ok(kind) => Context::new(kind),
            Err(error) => {
                errors.push(syn::Error::new(*span, error.to_string()));
                infer()
            }
        },
        None => infer(),
    };
    if let Some((name, span)) = &settings.target {
        match size_target(name, *span) {
            Ok(target) => cx = cx.with_target(target),
            Err(error) => errors.push(error),
        }
    }
    for code in &settings.allowed {
        cx = cx.allow(*code);
    }
    for (location, codes) in unknowable {
        for code in *codes {
            cx = cx.allow_at(location.clone(), *code);
        }
    }
    (cx, errors)
}

/// The spellings of the size targets in `#![target = ..]`.
const TARGETS: [(&str, SizeTarget); 7] = [
    ("managed_policy", SizeTarget::ManagedPolicy),
    ("role_inline", SizeTarget::RoleInline),
    ("user_inline", SizeTarget::UserInline),
    ("group_inline", SizeTarget::GroupInline),
    ("trust_policy", SizeTarget::TrustPolicy),
    ("scp", SizeTarget::ServiceControlPolicy),
    ("rcp", SizeTarget::ResourceControlPolicy),
];

fn size_target(name: &str, span: Span) -> syn::Result<SizeTarget> {
    if let Some((_, target)) = TARGETS.iter().find(|(spelling, _)| *spelling == name) {
        return Ok(*target);
    }
    let help = match catalog::suggest(name, TARGETS.iter().map(|(spelling, _)| *spelling)) {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => "the targets are `managed_policy`, `role_inline`, `user_inline`, `group_inline`, `trust_policy`, `scp` and `rcp`".to_owned(),
    };
    Err(syn::Error::new(
        span,
        format!("unknown size target `{name}`\n= help: {help}"),
    ))
}
