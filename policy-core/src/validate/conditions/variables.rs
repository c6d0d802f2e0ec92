//! `${...}` policy variables in resources and condition values.

use catalog::index::catalog;

use super::Family;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::BaseOperator;
use crate::validate::Sink;

/// The variables of `text`: the name inside each `${...}` (before a `, 'default'`), with the
/// escapes `${*}`, `${?}`, `${$}` and CloudFormation substitutions (`${AWS::Region}`) left out.
pub(crate) fn names(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let open = rest.find("${")?;
        let after = &rest[open + 2..];
        let close = after.find('}')?;
        let inner = &after[..close];
        rest = &after[close + 1..];
        let name = inner.split(',').next().unwrap_or(inner).trim();
        if matches!(name, "*" | "?" | "$") || name.contains("::") {
            continue;
        }
        return Some(name);
    })
}

/// Reports each unknown variable of `text` (a resource or a condition value).
pub(crate) fn check(text: &str, location: &dyn Fn() -> Location, sink: &mut Sink<'_>) {
    if !sink.wants(Code::UnknownPolicyVariable) {
        return;
    }
    let cat = catalog();
    for name in names(text) {
        if cat.condition_key(name).is_some() {
            continue;
        }
        let mut diagnostic = Diagnostic::new(
            Code::UnknownPolicyVariable,
            location(),
            format!("unknown policy variable `${{{name}}}`"),
        );
        match cat.suggest_condition_key(name) {
            Some(suggestion) => {
                diagnostic = diagnostic.with_did_you_mean(
                    &format!("${{{suggestion}}}"),
                    text.replacen(name, suggestion, 1),
                );
            }
            None => {
                diagnostic = diagnostic.with_help(
                    "a policy variable names a condition key, such as `${aws:username}`; \
                     write `${$}`, `${*}` or `${?}` for a literal `$`, `*` or `?`",
                );
            }
        }
        sink.push(diagnostic);
    }
}

/// `variable-unsupported-for-operator`: a variable in the value of a condition that is not a
/// string or ARN comparison. "You can use policy variables in the `Resource` element and in
/// string comparisons in the `Condition` element"
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html>);
/// Access Analyzer reports the rest as `INVALID_VARIABLE_FOR_OPERATOR`
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>).
/// The `Arn*` operators compare ARNs as strings and take variables too.
pub(super) fn check_operator(
    base: BaseOperator,
    family: Family,
    text: &str,
    location: &dyn Fn() -> Location,
    sink: &mut Sink<'_>,
) {
    if matches!(family, Family::String | Family::Arn)
        || !sink.wants(Code::VariableUnsupportedForOperator)
    {
        return;
    }
    let Some(name) = names(text).next() else {
        return;
    };
    sink.push(
        Diagnostic::new(
            Code::VariableUnsupportedForOperator,
            location(),
            format!(
                "the policy variable `${{{name}}}` is not replaced under `{}`: IAM replaces variables only in `String*` and `Arn*` conditions",
                base.as_str()
            ),
        )
        .with_help("compare with a `String*` or `Arn*` operator, or write the value itself"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names() {
        let found: Vec<&str> = names(
            "arn:aws:s3:::b/${aws:username}/${*}/${aws:PrincipalTag/team, 'none'}/${AWS::Region}",
        )
        .collect();
        assert_eq!(found, vec!["aws:username", "aws:PrincipalTag/team"]);
        assert_eq!(names("no variables").count(), 0);
        assert_eq!(names("${unclosed").count(), 0);
    }
}
