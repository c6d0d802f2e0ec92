//! The builder writes what AWS writes, composes fragments, and validates on `build`; the
//! build-script helper writes deterministic files only when their bytes change.
#![expect(clippy::unwrap_used, reason = "a test fails by panicking")]

use typed_iam_core::{
    build, Action, BaseOperator, Code, ConditionValue, Context, OneOrMany, OperatorKind, Policy,
    PrincipalKind, SetQualifier, Statement, Version,
};

#[test]
fn single_items_are_bare_and_several_are_arrays() {
    let statement = Statement::allow()
        .action("s3:GetObject")
        .resources(["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"])
        .build();
    assert!(statement.action().unwrap().items().is_single());
    assert!(!statement.resource().unwrap().items().is_single());
    // Several calls gather into one list.
    let statement = Statement::allow()
        .action("s3:GetObject")
        .action(String::from("s3:PutObject"))
        .action(Action::parse("s3:List*"))
        .resource("*")
        .build();
    assert_eq!(
        statement.to_json(),
        r#"{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:List*"],"Resource":"*"}"#
    );
    assert!(matches!(
        statement.action().unwrap().items().items()[2],
        Action::Pattern(_)
    ));
}

#[test]
fn negated_elements_take_the_items_added_so_far() {
    let statement = Statement::deny()
        .action("iam:*")
        .not_action("sts:*")
        .resource("*")
        .build();
    let actions = statement.action().unwrap();
    assert!(actions.is_negated());
    assert_eq!(actions.items().items().len(), 2);
    let statement = Statement::allow()
        .not_principal(PrincipalKind::Aws, "arn:aws:iam::111122223333:root")
        .build();
    assert_eq!(
        statement.to_json(),
        r#"{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"}}"#
    );
}

#[test]
fn principals_gather_by_kind_in_the_order_added() {
    let statement = Statement::allow()
        .principal(PrincipalKind::Service, "a.amazonaws.com")
        .principal(PrincipalKind::Federated, "cognito-identity.amazonaws.com")
        .principal(PrincipalKind::Service, "b.amazonaws.com")
        .build();
    assert_eq!(
        statement.to_json(),
        r#"{"Effect":"Allow","Principal":{"Service":["a.amazonaws.com","b.amazonaws.com"],"Federated":"cognito-identity.amazonaws.com"}}"#
    );
    let everyone = Statement::allow()
        .principal(PrincipalKind::Aws, "x")
        .any_principal()
        .build();
    assert_eq!(everyone.to_json(), r#"{"Effect":"Allow","Principal":"*"}"#);
}

#[test]
fn conditions_take_operators_and_values_of_every_form() {
    let if_exists = OperatorKind {
        if_exists: true,
        ..OperatorKind::new(BaseOperator::StringLike)
    };
    let statement = Statement::allow()
        .condition(
            BaseOperator::StringEquals,
            "aws:SourceAccount",
            "111122223333",
        )
        .condition(
            BaseOperator::StringEquals,
            "aws:SourceAccount",
            String::from("444455556666"),
        )
        .condition(
            BaseOperator::StringEquals,
            "aws:PrincipalOrgID",
            vec!["o-1"],
        )
        .condition(if_exists, "s3:prefix", &["home/", "shared/"][..])
        .condition("NumericLessThan", "s3:max-keys", 10_u64)
        .condition("NumericGreaterThan", "k", -3_i64)
        .condition("NumericEquals", "f", 1.5)
        .condition(
            OperatorKind {
                qualifier: Some(SetQualifier::ForAnyValue),
                ..OperatorKind::new(BaseOperator::Bool)
            },
            "b",
            [true, false],
        )
        .build();
    assert_eq!(
        statement.to_json(),
        concat!(
            r#"{"Effect":"Allow","Condition":{"StringEquals":{"aws:SourceAccount":["111122223333","444455556666"],"aws:PrincipalOrgID":["o-1"]},"#,
            r#""StringLikeIfExists":{"s3:prefix":["home/","shared/"]},"NumericLessThan":{"s3:max-keys":10},"#,
            r#""NumericGreaterThan":{"k":-3},"NumericEquals":{"f":1.5},"ForAnyValue:Bool":{"b":[true,false]}}}"#
        )
    );
    assert_eq!(
        ConditionValue::from(f64::NAN),
        ConditionValue::String("NaN".into())
    );
    // What the builder writes reads back equal.
    assert_eq!(
        Statement::from_json(&statement.to_json()).unwrap(),
        statement
    );
}

#[test]
fn policies_compose_from_fragments() {
    let logging = vec![
        Statement::allow()
            .action("logs:PutLogEvents")
            .resource("*")
            .build(),
        Statement::allow()
            .action("logs:CreateLogStream")
            .resource("*")
            .build(),
    ];
    let mut policy = Policy::builder()
        .version(Version::V2012_10_17)
        .id("composed")
        .statements(logging.clone())
        .build()
        .unwrap();
    assert_eq!(policy.statements(), logging.as_slice());
    policy.extend([Statement::deny()
        .action("s3:DeleteBucket")
        .resource("*")
        .build()]);
    assert_eq!(policy.statements().len(), 3);
    assert!(!policy.statement_list().is_single());
    // A fragment read from JSON composes the same way.
    let fragment = Statement::from_json(
        r#"{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}"#,
    )
    .unwrap();
    let policy = Policy::builder()
        .statement(fragment.clone())
        .build()
        .unwrap();
    assert_eq!(policy.statements(), [fragment]);
}

#[test]
fn build_fails_with_the_validators_errors() {
    let error = Policy::builder()
        .statement(Statement::allow().action("s3:GetObject").build())
        .statement(Statement::allow().resource("arn:aws:s3:::bucket").build())
        .build_with(&Context::identity())
        .unwrap_err();
    let errors: Vec<Code> = error.errors().map(|d| d.code).collect();
    assert!(errors.contains(&Code::MissingResource), "{errors:?}");
    assert!(errors.contains(&Code::MissingAction), "{errors:?}");
    assert!(
        error.to_string().contains("[missing-resource]") && !error.to_string().contains('\n'),
        "{error}"
    );
    // Warnings alone do not fail the build.
    let policy = Policy::builder()
        .statement(Statement::allow().action("*").resource("*").build())
        .build();
    assert!(policy.is_ok(), "{policy:?}");
    assert!(
        typed_iam_core::validate(&policy.unwrap(), &Context::identity())
            .iter()
            .any(|d| d.code == Code::AdminAccess)
    );
}

#[test]
fn build_unchecked_keeps_what_the_validator_would_reject() {
    let policy = Policy::builder()
        .statement(Statement::allow().build())
        .build_unchecked();
    assert_eq!(
        policy.to_json(),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}"#
    );
    assert_eq!(
        OneOrMany::many(policy.statements().to_vec()),
        *policy.statement_list()
    );
}

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("policy-core-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn write_json_writes_only_when_the_bytes_change() {
    let dir = scratch_dir("write");
    let path = dir.join("a/b/policy.json");
    let policy = Policy::builder()
        .statement(
            Statement::allow()
                .action("s3:GetObject")
                .resource("*")
                .build(),
        )
        .build()
        .unwrap();
    assert!(build::write_json(&path, &policy).unwrap());
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, format!("{}\n", policy.to_json_pretty()));
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert!(!build::write_json(&path, &policy).unwrap());
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
    // A changed policy is written; no temporary file is left behind.
    let other = Policy::builder()
        .statement(
            Statement::deny()
                .action("s3:GetObject")
                .resource("*")
                .build(),
        )
        .build()
        .unwrap();
    assert!(build::write_json(&path, &other).unwrap());
    assert_eq!(
        Policy::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap(),
        other
    );
    assert_eq!(std::fs::read_dir(dir.join("a/b")).unwrap().count(), 1);
    // Statements too.
    let fragment = dir.join("fragment.json");
    assert!(build::write_statement_json(&fragment, &other.statements()[0]).unwrap());
    assert!(!build::write_statement_json(&fragment, &other.statements()[0]).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn write_errors_name_the_file() {
    let dir = scratch_dir("error");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("plain-file");
    std::fs::write(&file, "not a directory").unwrap();
    let path = file.join("policy.json");
    let policy = Policy::builder().build_unchecked();
    let error = build::write_json(&path, &policy).unwrap_err();
    assert_eq!(error.path, path);
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("cannot write policy to `{}`: ", path.display())),
        "{message}"
    );
    assert!(std::error::Error::source(&error).is_some());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A stand-in for a generated catalog enum (the `enums` feature is not compiled here).
#[derive(Debug, Clone, Copy)]
struct GetObject;

impl catalog::TypedAction for GetObject {
    fn action_id(self) -> catalog::index::ActionId {
        catalog::index::catalog()
            .action("s3:GetObject")
            .unwrap()
            .id()
    }

    fn as_str(self) -> &'static str {
        "s3:GetObject"
    }
}

#[test]
fn typed_actions_and_text_give_the_same_action() {
    let typed = Statement::allow().action(GetObject).resource("*").build();
    let text = Statement::allow()
        .action("s3:GetObject")
        .resource("*")
        .build();
    assert_eq!(typed, text);
    assert!(matches!(
        typed.action().unwrap().items().items()[0],
        Action::Known { .. }
    ));
    let several = Statement::allow().actions([GetObject, GetObject]).build();
    assert_eq!(several.action().unwrap().items().items().len(), 2);
}
