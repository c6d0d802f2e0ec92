//! What only an editor sees of `policy!`: the expansion wraps typed paths on the user's tokens
//! in [`__editor!`](crate::__editor), which is empty for the compiler and expands its input under
//! `cfg(rust_analyzer)`, the cfg rust-analyzer sets when it analyzes a crate. The catalog's
//! per-service enums are compiled under the same cfg (or the `enums` feature), so hover and
//! completion on actions and condition keys work without the build paying for the enums; the
//! condition operators' documentation is [`__operators`](crate::__operators), here.

/// Expands to its input in rust-analyzer (`cfg(rust_analyzer)`), to nothing for the compiler.
///
/// ```text
/// ::typed_iam::__editor! { let _ = ::typed_iam::catalog::bedrock::Action::CreateEvaluationJob; }
/// ```
#[cfg(rust_analyzer)]
#[doc(hidden)]
#[macro_export]
macro_rules! __editor {
    ($($tokens:tt)*) => { $($tokens)* };
}

/// Expands to its input in rust-analyzer (`cfg(rust_analyzer)`), to nothing for the compiler.
///
/// ```
/// typed_iam::__editor! { let _ = this_name_is_never_resolved; }
/// ```
#[cfg(not(rust_analyzer))]
#[doc(hidden)]
#[macro_export]
macro_rules! __editor {
    ($($tokens:tt)*) => {};
}

/// IAM's condition operators, for hover and completion inside `policy!` (editor only).
///
/// AWS reference: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>;
/// the set operators: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html>.
///
/// ```text
/// policy! { allow s3:GetObject on * when { StringEquals aws:PrincipalAccount: "123456789012" }; }
/// //                                       ^^^^^^^^^^^^ hover: `StringEquals` (String): Exact matching, case sensitive.
/// ```
#[cfg(rust_analyzer)]
#[doc(hidden)]
#[allow(non_upper_case_globals)]
pub mod operators {
    /// `StringEquals` (String condition operator): Exact matching, case sensitive. Append `IfExists` (`StringEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const StringEquals: &str = "StringEquals";
    /// `StringNotEquals` (String condition operator): Negated matching: true when the value differs, case sensitive. Append `IfExists` (`StringNotEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const StringNotEquals: &str = "StringNotEquals";
    /// `StringEqualsIgnoreCase` (String condition operator): Exact matching, ignoring case. Append `IfExists` (`StringEqualsIgnoreCaseIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const StringEqualsIgnoreCase: &str = "StringEqualsIgnoreCase";
    /// `StringNotEqualsIgnoreCase` (String condition operator): Negated matching, ignoring case. Append `IfExists` (`StringNotEqualsIgnoreCaseIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const StringNotEqualsIgnoreCase: &str = "StringNotEqualsIgnoreCase";
    /// `StringLike` (String condition operator): Case-sensitive matching; the values can include a multi-character match wildcard (`*`) and a single-character match wildcard (`?`) anywhere in the string. Append `IfExists` (`StringLikeIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const StringLike: &str = "StringLike";
    /// `StringNotLike` (String condition operator): Negated case-sensitive matching, with the `*` and `?` wildcards. Append `IfExists` (`StringNotLikeIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const StringNotLike: &str = "StringNotLike";
    /// `NumericEquals` (Numeric condition operator): Matching: equal to. Append `IfExists` (`NumericEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const NumericEquals: &str = "NumericEquals";
    /// `NumericNotEquals` (Numeric condition operator): Negated matching: not equal to. Append `IfExists` (`NumericNotEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const NumericNotEquals: &str = "NumericNotEquals";
    /// `NumericLessThan` (Numeric condition operator): "Less than" matching. Append `IfExists` (`NumericLessThanIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const NumericLessThan: &str = "NumericLessThan";
    /// `NumericLessThanEquals` (Numeric condition operator): "Less than or equals" matching. Append `IfExists` (`NumericLessThanEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const NumericLessThanEquals: &str = "NumericLessThanEquals";
    /// `NumericGreaterThan` (Numeric condition operator): "Greater than" matching. Append `IfExists` (`NumericGreaterThanIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const NumericGreaterThan: &str = "NumericGreaterThan";
    /// `NumericGreaterThanEquals` (Numeric condition operator): "Greater than or equals" matching. Append `IfExists` (`NumericGreaterThanEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const NumericGreaterThanEquals: &str = "NumericGreaterThanEquals";
    /// `DateEquals` (Date condition operator): Matching a specific date (W3C ISO 8601 date formats, or epoch time). Append `IfExists` (`DateEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const DateEquals: &str = "DateEquals";
    /// `DateNotEquals` (Date condition operator): Negated matching of a date. Append `IfExists` (`DateNotEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const DateNotEquals: &str = "DateNotEquals";
    /// `DateLessThan` (Date condition operator): Matching before a specific date and time. Append `IfExists` (`DateLessThanIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const DateLessThan: &str = "DateLessThan";
    /// `DateLessThanEquals` (Date condition operator): Matching at or before a specific date and time. Append `IfExists` (`DateLessThanEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const DateLessThanEquals: &str = "DateLessThanEquals";
    /// `DateGreaterThan` (Date condition operator): Matching after a specific date and time. Append `IfExists` (`DateGreaterThanIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const DateGreaterThan: &str = "DateGreaterThan";
    /// `DateGreaterThanEquals` (Date condition operator): Matching at or after a specific date and time. Append `IfExists` (`DateGreaterThanEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const DateGreaterThanEquals: &str = "DateGreaterThanEquals";
    /// `Bool` (Boolean condition operator): Boolean matching: `true` or `false`. Append `IfExists` (`BoolIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const Bool: &str = "Bool";
    /// `BinaryEquals` (Binary condition operator): Byte-by-byte comparison of base-64 encoded binary values. Append `IfExists` (`BinaryEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const BinaryEquals: &str = "BinaryEquals";
    /// `IpAddress` (IP address condition operator): The IP address or range (RFC 4632 CIDR format) matches. Append `IfExists` (`IpAddressIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const IpAddress: &str = "IpAddress";
    /// `NotIpAddress` (IP address condition operator): All IP addresses except the specified address or range (RFC 4632 CIDR format). Append `IfExists` (`NotIpAddressIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const NotIpAddress: &str = "NotIpAddress";
    /// `ArnEquals` (ARN condition operator): Case-sensitive matching of the ARN; each of the six colon-delimited components is checked separately and can include the `*` and `?` wildcards. Append `IfExists` (`ArnEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const ArnEquals: &str = "ArnEquals";
    /// `ArnNotEquals` (ARN condition operator): Negated matching of an ARN. Append `IfExists` (`ArnNotEqualsIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const ArnNotEquals: &str = "ArnNotEquals";
    /// `ArnLike` (ARN condition operator): Case-sensitive matching of the ARN; each of the six colon-delimited components is checked separately and can include the `*` and `?` wildcards. Append `IfExists` (`ArnLikeIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const ArnLike: &str = "ArnLike";
    /// `ArnNotLike` (ARN condition operator): Negated matching of an ARN. Append `IfExists` (`ArnNotLikeIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const ArnNotLike: &str = "ArnNotLike";
    /// `Null` (null check condition operator): Whether a condition key is absent at the time of authorization: `true` means the key does not exist (is null), `false` that it exists and its value is not null. Append `IfExists` (`NullIfExists`) to
    /// match when the key is absent too; prefix `ForAllValues:` or `ForAnyValue:` to compare a
    /// multivalued key.
    pub const Null: &str = "Null";
    /// `ForAllValues:` (set operator qualifier): true when every value of the multivalued key in
    /// the request matches at least one value in the policy; also true when the key is absent or
    /// has no values (an empty set).
    pub const ForAllValues: &str = "ForAllValues";
    /// `ForAnyValue:` (set operator qualifier): true when at least one value of the multivalued
    /// key in the request matches one value in the policy; false when the key is absent.
    pub const ForAnyValue: &str = "ForAnyValue";
}
