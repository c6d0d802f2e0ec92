//! The macro's only contact with the validator and the catalog: run `policy_core::validate` with
//! the context the attributes ask for, write JSON, and name the catalog enum of an action.

use policy_core::{ActionId, Diagnostic, Policy, Statement};

use crate::attrs::Settings;

/// Where a known action's enum variant lives, and AWS's spelling of the action.
pub(crate) struct ActionPath {
    pub(crate) module: String,
    pub(crate) variant: String,
    pub(crate) canonical: String,
}

/// Findings about a policy, and errors in the `kind`/`target` attributes.
pub(crate) fn policy(_policy: &Policy, _settings: &Settings) -> (Vec<Diagnostic>, Vec<syn::Error>) {
    (Vec::new(), Vec::new())
}

/// Findings about a statement fragment.
pub(crate) fn statement(
    _statement: &Statement,
    _settings: &Settings,
) -> (Vec<Diagnostic>, Vec<syn::Error>) {
    (Vec::new(), Vec::new())
}

/// The pretty JSON of a policy.
pub(crate) fn to_json_pretty(_policy: &Policy) -> String {
    String::new()
}

/// The catalog enum variant of an action.
pub(crate) fn action_path(_id: ActionId) -> Option<ActionPath> {
    None
}
