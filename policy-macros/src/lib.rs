//! The `policy!`, `statement!` and `policy_json!` macros.
