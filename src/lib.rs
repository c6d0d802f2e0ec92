//! Typed AWS IAM policies.
//!
//! This is the crate users depend on. It re-exports the catalog of every AWS service
//! ([`catalog`]), the policy model and validator ([`core`]) and the `policy!` macros.

pub use catalog;
pub use policy_core as core;
pub use policy_macros::{policy, policy_json, statement};

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
