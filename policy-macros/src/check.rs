//! The macro's only contact with the validator and the catalog: check the document with the
//! options the attributes ask for (the core decides the kind when none is stated), write JSON,
//! and name the catalog enum of an action.

use std::str::FromStr;

use policy_core::{
    ActionId, CheckOptions, Code, Context, Diagnostic, Location, ParseValueError, Policy,
    PolicyKind, SizeTarget, Statement,
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
    let (options, errors) = options(settings);
    let cx = with_unknowable(options.policy_context(policy), unknowable);
    (policy_core::validate(policy, &cx), errors)
}

/// Findings about a statement fragment.
pub(crate) fn statement(
    statement: &Statement,
    settings: &Settings,
    unknowable: &[(Location, &[Code])],
) -> (Vec<Diagnostic>, Vec<syn::Error>) {
    let (options, errors) = options(settings);
    let cx = with_unknowable(options.statement_context(statement), unknowable);
    (policy_core::validate_statement(statement, &cx), errors)
}

/// The core's options from the attributes (the core decides the kind when none is stated), and
/// the errors in the `kind`/`target` attributes.
fn options(settings: &Settings) -> (CheckOptions, Vec<syn::Error>) {
    let mut errors = Vec::new();
    let mut options = CheckOptions::default();
    if let Some((name, span)) = &settings.kind {
        match PolicyKind::from_str(name) {
            Ok(kind) => options = CheckOptions::kind(Some(kind)),
            Err(error) => errors.push(value_error(*span, &error, str::to_owned)),
        }
    }
    if let Some((name, span)) = &settings.target {
        match SizeTarget::from_str(name) {
            Ok(target) => options = options.with_target(target),
            // In the attribute a target is an identifier: `managed_policy`.
            Err(error) => errors.push(value_error(*span, &error, |name| name.replace('-', "_"))),
        }
    }
    for code in &settings.allowed {
        options = options.allow(*code);
    }
    (options, errors)
}

/// The context with the codes that cannot apply where an element is `unchecked(..)` or only
/// known at run time.
fn with_unknowable(mut cx: Context, unknowable: &[(Location, &[Code])]) -> Context {
    for (location, codes) in unknowable {
        for code in *codes {
            cx = cx.allow_at(location.clone(), *code);
        }
    }
    cx
}

/// A compile error for an attribute value that is none of the known spellings, with the core's
/// help, its names spelled as the attribute writes them.
fn value_error(span: Span, error: &ParseValueError, spell: impl Fn(&str) -> String) -> syn::Error {
    let message = match error.help_spelled(spell) {
        Some(help) => format!("{error}\n= help: {help}"),
        None => error.to_string(),
    };
    syn::Error::new(span, message)
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
