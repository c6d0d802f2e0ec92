//! Typed AWS IAM policies.
//!
//! This is the crate users depend on. It re-exports the catalog of every AWS service
//! ([`catalog`]), the policy model and validator (the root's types and [`model`]) and the macros [`policy!`],
//! [`statement!`] and [`policy_json!`], which write IAM policies in a small DSL checked at compile
//! time: a typo in a service, action, condition operator or key, an ARN, a principal or a `Sid`
//! fails `cargo build` with a span on the typo and a "did you mean".
//!
//! ```
//! use typed_iam::policy;
//!
//! let bucket = "training-bucket";
//! let role = policy! {
//!     "BedrockConsole": allow [bedrock:CreateEvaluationJob, bedrock:List*] on *;
//!     allow [s3:GetObject, s3:PutObject] on ["arn:aws:s3:::{bucket}/*"];
//! };
//! assert_eq!(role.statements().len(), 2);
//! ```
//!
//! # The DSL
//!
//! A policy is a list of statements, each ended by `;`, after optional `#![...]` attributes.
//! The DSL follows IAM's JSON closely: whatever shape the JSON has (a bare string or an array,
//! `"*"` or `["*"]`, the order of condition operators and keys), the DSL writes it, and
//! `to_json()` gives it back exactly.
//!
//! ```text
//! policy     = attribute* (statement ";")*
//! statement  = [sid ":"] effect [actions] clause*        (each clause at most once, any order)
//! sid        = string literal
//! effect     = "allow" | "deny"
//! actions    = ["not"] (action | "[" action,* "]")       (no brackets: a bare JSON string)
//! action     = service ":" name | "*" | string literal | "unchecked" "(" string literal ")"
//! service    = word ("-" word)*                          (`s3`, `cognito-idp`, `rds-db`)
//! name       = word, `*`, `?` in any order                (`GetObject`, `Get*`, `*Job*`, `connect`)
//! clause     = "on" ["not"] (resource | "[" resource,* "]")
//!            | "for" ["not"] ("*" | principal ("," principal)*)
//!            | "when" "{" condition,* "}"
//! resource   = string | "*" | "{" expr "}"
//! principal  = ("aws" | "service" | "federated" | "canonical_user") (value | "[" value,* "]")
//! condition  = operator key ":" (cvalue | "[" cvalue,* "]")
//! operator   = [qualifier ":"] word                      (`StringEquals`, `ForAllValues:StringLike`)
//! key        = service ":" word ["/" word (("-" | "." | "/") word)*]
//!            | string literal | "unchecked" "(" string literal ")"
//! cvalue     = string | number | true | false | "{" expr "}"
//! attribute  = "#![version = " ("\"2012-10-17\"" | "\"2008-10-17\"" | "none") "]"
//!            | "#![id = " string literal "]"
//!            | "#![kind = " ("identity" | "resource" | "trust" | "scp" | "rcp") "]"
//!            | "#![target = " size target "]"
//!            | "#![allow(" code,* ")]"
//!            | "#![statement = " ("array" | "object") "]"
//! ```
//!
//! ## Statements, actions and resources
//! A `Sid` comes first, as a string followed by `:`. Actions are written as in IAM, without
//! quotes; brackets make a JSON array, no brackets a bare string. `on *` is `"Resource": "*"`
//! and `on [*]` is `"Resource": ["*"]`. `not` gives `NotAction` / `NotResource`.
//!
//! ```
//! # use typed_iam::policy;
//! let policy = policy! {
//!     "ReadOnly": allow [s3:GetObject, s3:List*, cognito-idp:ListUsers] on *;
//!     allow s3:PutObject on ["arn:aws:s3:::uploads/*", "arn:aws:s3:::inbox/*"];
//!     deny not [iam:Get*, iam:List*] on not ["arn:aws:iam::*:role/Admin"];
//! };
//! let json = policy.to_json();
//! assert!(json.contains(r#""Action":"s3:PutObject""#));
//! assert!(json.contains(r#""NotResource":["arn:aws:iam::*:role/Admin"]"#));
//! ```
//!
//! ## Principals
//! `for` names the principal: `*` (`"Principal": "*"`), or one or more of `aws`, `service`,
//! `federated` and `canonical_user` with a value or a list, in the order written. `for not`
//! gives `NotPrincipal`. A statement with a principal makes the policy a resource or trust
//! policy (see `#![kind]`).
//!
//! ```
//! # use typed_iam::policy;
//! let trust = policy! {
//!     allow sts:AssumeRole for service "bedrock.amazonaws.com";
//!     allow sts:AssumeRole for aws ["arn:aws:iam::123456789012:role/Deployer"], service "ec2.amazonaws.com";
//! };
//! let bucket_policy = policy! {
//!     "PublicRead": allow [s3:GetObject] for * on "arn:aws:s3:::public-site/*";
//! };
//! # let _ = (trust, bucket_policy);
//! ```
//!
//! ## Conditions
//! `when { ... }` lists one condition per line: operator, key, `:`, value or list. Every IAM
//! operator is accepted, with the `ForAllValues:`/`ForAnyValue:` qualifiers and `IfExists`
//! (an unknown operator is reported with a suggestion). Lines with the same operator make one
//! operator block, placed where that operator first appears, with its keys in the order written;
//! so the JSON's order of operators and keys is the order written. Keys with characters other than
//! words, `-`, `.` and `/` after the tag name (such as `aws:RequestTag/a:b`) are written as
//! strings. Numbers are kept as written.
//!
//! ```
//! # use typed_iam::policy;
//! let policy = policy! {
//!     allow [sagemaker:AddTags] on "arn:aws:sagemaker:*:*:endpoint/*" when {
//!         ForAllValues:StringEquals aws:TagKeys: ["team", "project"],
//!         StringLike "aws:RequestTag/sagemaker-sdk:bedrock": "compatible",
//!         StringLike aws:RequestTag/team: "ml-*",
//!         NumericLessThan aws:MultiFactorAuthAge: 3600,
//!         Bool aws:SecureTransport: true,
//!         StringEqualsIfExists aws:RequestedRegion: "us-east-1",
//!     };
//! };
//! assert!(policy.to_json().contains(r#""StringLike":{"aws:RequestTag/sagemaker-sdk:bedrock":"compatible","aws:RequestTag/team":"ml-*"}"#));
//! ```
//!
//! ## Interpolation and policy variables
//! `{name}` (or any Rust expression in braces) inside a string is filled at run time with its
//! `Display`; `{expr}` alone in value position is a value of its own (a number stays a number
//! in a condition). `{{` and `}}` are literal braces; `${aws:username}` is an IAM policy variable
//! and stays as written. At compile time each `{..}` is checked as `*`, so the static part is
//! still validated: `"arn:aws:s3::{bucket}"` is a malformed ARN.
//!
//! ```
//! # use typed_iam::policy;
//! let (bucket, account, max_age) = ("reports", "123456789012", 3600);
//! let policy = policy! {
//!     allow [s3:GetObject] on "arn:aws:s3:::{bucket}/home/${aws:username}/*" when {
//!         StringEquals aws:ResourceAccount: "{account}",
//!         NumericLessThan aws:MultiFactorAuthAge: {max_age},
//!     };
//! };
//! assert!(policy.to_json().contains("arn:aws:s3:::reports/home/${aws:username}/*"));
//! ```
//!
//! ## Attributes
//! - `#![version = "2012-10-17"]` is the default; `"2008-10-17"` and `none` (no `Version`) are
//!   the others.
//! - `#![id = "..."]` sets the policy's `Id`.
//! - `#![kind = identity | resource | trust | scp | rcp]` states the policy kind, which decides
//!   the rules about principals, `Sid` characters and size; without it, the kind is inferred (a
//!   principal with `sts:AssumeRole` makes a trust policy, another principal a resource policy).
//! - `#![target = managed_policy | role_inline | user_inline | group_inline | trust_policy | scp
//!   | rcp]` applies that size limit.
//! - `#![allow(placeholder_value, action_case)]` silences diagnostic codes for this policy; the
//!   names are the codes with `_` for `-` (`placeholder-value`), as Rust lints are written.
//! - `#![statement = object]` writes a policy's one statement as `"Statement": {..}` instead of
//!   an array (`array`, the default), as some AWS managed policies do.
//!
//! ```
//! # use typed_iam::policy;
//! let template = policy! {
//!     #![id = "KeyAccess"]
//!     #![kind = resource]
//!     #![allow(placeholder_value)]
//!     "Allow use of the key": allow [kms:CreateGrant, kms:DescribeKey]
//!         for aws ["arn:aws:iam::account-id:role/ExecutionRole"] on *;
//! };
//! assert_eq!(template.id(), Some("KeyAccess"));
//! ```
//!
//! ## Actions and condition keys the catalog does not know
//! `unchecked("newsvc:BrandNewAction")` (an action) and `unchecked("newsvc:someKey")` (a
//! condition key) are written as given and not looked up, so a service AWS launched after the
//! catalog's snapshot is never a blocker. Everything else about the statement is still checked.
//!
//! ```
//! # use typed_iam::policy;
//! let policy = policy! {
//!     allow [unchecked("newsvc:BrandNewAction")] on * when {
//!         StringEquals unchecked("newsvc:Stage"): "beta",
//!     };
//! };
//! assert!(policy.to_json().contains("newsvc:BrandNewAction"));
//! ```
//!
//! ## Fragments and JSON at compile time
//! [`statement!`] makes one `Statement` (a fragment: `Resource` may be added later);
//! [`policy_json!`] makes the pretty JSON of a policy as a `&'static str` at compile time (so
//! nothing may be interpolated).
//!
//! ```
//! use typed_iam::{policy_json, statement};
//!
//! let vpc = statement! { allow [ec2:CreateNetworkInterface, ec2:DescribeVpcs] };
//! const TRUST: &str = policy_json! { allow sts:AssumeRole for service "sagemaker.amazonaws.com"; };
//! assert!(TRUST.contains("sagemaker.amazonaws.com"));
//! # let _ = vpc;
//! ```
//!
//! # Diagnostics
//! Every finding comes from [`validate()`] (the macro has no rule of its own), on the tokens
//! it is about, with its code and a help line:
//!
//! ```text
//! error: unknown action `CreateEvalJob` in service `bedrock` [unknown-action]
//!        = help: did you mean `CreateEvaluationJob`?
//!  --> src/main.rs:5:34
//!   |
//! 5 |         "BedrockConsole": allow [bedrock:CreateEvalJob] on *;
//!   |                                  ^^^^^^^^^^^^^^^^^^^^^
//! ```
//!
//! Warnings (placeholders, redundancy, admin access, ...) are shown on stable Rust as uses of a
//! deprecated constant, without failing the build; `#![allow(code)]` in the policy silences one
//! code, `#[allow(deprecated)]` on the enclosing item all of them.
//!
//! # Features, build cost and the editor
//!
//! The catalog's typed per-service enums (`typed_iam::catalog::bedrock::Action`, ...) are behind
//! the feature `enums`, off by default: they are most of a first build's time and target size,
//! and `policy!` does not need them (known actions are looked up when the policy is built, by
//! their text, which the macro checked). Turn it on to use the enums in code, for example with
//! the builder (`Statement::allow().action(bedrock::Action::InvokeModel)`); `policy!` then
//! expands known actions to them.
//!
//! Three more features add what a first build of `policy!` does not need: `serde`
//! (`Serialize`/`Deserialize` for [`Policy`] and the other model types, the same JSON as
//! [`Policy::to_json`]; without it, `policy!` needs neither serde nor `serde_json`), `eval`, the
//! evaluator (`typed_iam::eval`: can this principal do this action on that resource?; turns on
//! `serde`), and `compare`, semantic comparison (`typed_iam::model::compare`: what does the new
//! policy grant that the old did not?; turns on `eval`):
//!
//! ```toml
//! [dependencies]
//! typed-iam = { version = "0.1", features = ["eval"] }
//! ```
//!
//! In rust-analyzer nothing changes with the feature: the enums are compiled under
//! `cfg(rust_analyzer)`, and `policy!` gives the editor typed paths on the tokens you wrote
//! (inside `__editor!`, which the compiler sees as empty), so hover on an action shows AWS's
//! description, on a condition key its type and description, on an operator what it compares,
//! and completion offers the service's actions after `bedrock:CreateEv` and its condition keys
//! after `iam:Pass`.

pub use catalog;
pub use policy_core::{
    validate, Action, Code, Condition, Context, Diagnostic, Effect, Policy, PolicyKind, Principal,
    Resource, Severity, Statement,
};
pub use policy_macros::{policy, policy_json, statement};

/// Evaluation: can this principal do this action on that resource, under these policies?
/// (The engine of `typed-iam-core`; see [`eval::PolicySet`]. Feature `eval`.)
#[cfg(feature = "eval")]
pub use policy_core::eval;

/// The rest of the policy model and its tools: the parts of a statement ([`model::Actions`],
/// [`model::Resources`], [`model::ConditionValue`], ...), reading with positions
/// ([`model::Document`], [`model::json`]), the builder ([`model::PolicyBuilder`]) and the
/// build-script helpers ([`model::build`]).
///
/// The everyday types ([`Policy`], [`Statement`], [`Effect`], ...) are at the crate's root.
///
/// ```
/// use typed_iam::model::{CheckOptions, Document};
///
/// let document = Document::read(r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"#).value?;
/// assert!(document.check(&CheckOptions::default()).is_empty());
/// # Ok::<(), typed_iam::model::ParseError>(())
/// ```
pub mod model {
    /// Semantic comparison of policies: what does the new one grant that the old did not?
    /// Feature `compare`.
    #[cfg(feature = "compare")]
    pub use policy_core::compare;
    /// S3 CORS configurations: read, checked and written. Feature `serde`.
    #[cfg(feature = "serde")]
    pub use policy_core::cors;
    pub use policy_core::{
        build, check_text, did_you_mean, fit, json, marker, validate_statement, ActionId, Actions,
        BaseOperator, BuildError, CheckOptions, ConditionBlock, ConditionEntry, ConditionValue,
        Document, Explanation, Finding, IntoAction, IntoConditionValues, Location, OneOrMany,
        Operator, OperatorKind, ParseError, ParseValueError, PolicyBuilder, PrincipalKind,
        Principals, Resources, Segment, SetQualifier, SizeTarget, StatementBuilder, Version,
    };
}

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

mod editor;
#[cfg(rust_analyzer)]
#[doc(hidden)]
pub use editor::operators as __operators;

/// The README's examples, compiled and run as doctests so that they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
