//! The typed AWS IAM policy model, its exact JSON form, a builder and the one validator.

pub mod build;
pub mod builder;
pub mod diagnostic;
pub mod explain;
pub mod json;
pub mod model;

pub use builder::{BuildError, IntoAction, IntoConditionValues, PolicyBuilder, StatementBuilder};
pub use diagnostic::{AwsLevel, Code, Diagnostic, Location, Segment, Severity};
pub use explain::Explanation;
pub use json::{ParseError, Position, SourceMap};
pub use model::*;

/// "Did you mean": the one suggestion helper, shared with the catalog.
pub(crate) mod suggest {
    pub use catalog::suggest;
}

pub mod validate;
pub use validate::{
    validate, validate_statement, Context, PolicyKind, SizeTarget, UnknownPolicyKindError,
};
