//! The typed AWS IAM policy model, its exact JSON form, a builder and the one validator.
//!
//! Every item has one path, at the crate's root, except two modules with a job of their own:
//! [`json`] (reading with positions, [`json::SourceMap`]) and [`build`] (helpers for build
//! scripts). Most users depend on the `typed-iam` crate, which re-exports this one.
//!
//! # Features
//!
//! - `eval`: the evaluator (module `eval`: can this principal do this action on that resource?) and
//!   its scenario files.
//! - `compare` (turns on `eval`): semantic comparison of policies (module `compare`), whose witnesses
//!   the evaluator replays.
//! - `serde` (turned on by `eval`): `Serialize` and `Deserialize` for the model ([`Policy`],
//!   [`Statement`], ...: the same JSON as [`Policy::to_json`] and [`Policy::from_json`]),
//!   `Serialize` for diagnostics, and the `cors` module (S3 CORS configurations).
//!
//! All are off by default: the validator (what `policy!` runs at compile time) needs none of
//! them. Without `serde`, neither `serde_core` nor `serde_json` is built, and a first build
//! compiles this crate beside them instead of after them (`benches/build-times/RESULTS.md`).
//!
//! ```
//! use typed_iam_core::{CheckOptions, Code, Document};
//!
//! let text = r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::bucket/*"}]}"#;
//! let document = Document::read(text).value?;
//! let findings = document.check(&CheckOptions::default());
//! assert_eq!(findings[0].code, Code::UnknownAction);
//! assert_eq!(findings[0].help.as_deref(), Some("did you mean `GetObject`?"));
//! # Ok::<(), typed_iam_core::ParseError>(())
//! ```

pub mod build;
mod builder;
#[cfg(feature = "compare")]
pub mod compare;
#[cfg(feature = "serde")]
pub mod cors;
mod diagnostic;
mod document;
#[cfg(feature = "eval")]
pub mod eval;
mod explain;
pub mod fit;
pub mod json;
mod model;
mod names;
#[cfg(feature = "serde")]
mod serde_fields;
mod validate;

pub use builder::{
    marker, BuildError, IntoAction, IntoConditionValues, PolicyBuilder, StatementBuilder,
};
pub use diagnostic::{AwsLevel, Code, Diagnostic, Location, Segment, Severity};
pub use document::{check_text, CheckOptions, Document, Finding};
pub use explain::Explanation;
pub use json::error::ParseError;
pub use model::{
    Action, ActionId, Actions, BaseOperator, Condition, ConditionBlock, ConditionEntry,
    ConditionValue, Effect, OneOrMany, Operator, OperatorKind, Policy, Principal, PrincipalKind,
    Principals, Resource, Resources, SetQualifier, Statement, Version,
};
pub use names::{did_you_mean, ParseValueError};
pub use validate::{validate, validate_statement, Context, PolicyKind, SizeTarget};

/// The README's example, compiled and run as a doctest so that it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
