//! Typed AWS IAM policies.
//!
//! This is the crate users depend on. It re-exports the catalog of every AWS service
//! ([`catalog`]), the policy model and validator ([`core`]) and the `policy!` macros.

pub use catalog;
pub use policy_core as core;
