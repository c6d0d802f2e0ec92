//! The parser's unit tests.

#![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]

use super::text::split_interpolations;
use super::*;
use proc_macro2::TokenStream;
use quote::quote;

fn parse_policy(tokens: TokenStream) -> PolicyInput {
    match syn::parse2::<PolicyInput>(tokens) {
        Ok(input) => input,
        Err(error) => panic!("parse error: {error}"),
    }
}

#[test]
fn actions_with_dashes_wildcards_and_lowercase() {
    let input = parse_policy(quote! {
        "Sid": allow [cognito-idp:CreateUserPool, bedrock:*Evaluation*, s3:Get*, rds-db:connect, *] on *;
    });
    assert!(input.errors.is_empty());
    let actions = input.statements[0].actions.as_ref().map(|clause| {
        clause
            .items
            .iter()
            .map(|a| a.text.clone())
            .collect::<Vec<_>>()
    });
    assert_eq!(
        actions,
        Some(vec![
            "cognito-idp:CreateUserPool".to_owned(),
            "bedrock:*Evaluation*".to_owned(),
            "s3:Get*".to_owned(),
            "rds-db:connect".to_owned(),
            "*".to_owned(),
        ])
    );
}

#[test]
fn a_wildcard_before_a_dsl_word_ends_the_action() {
    let input = parse_policy(quote! { allow s3:* on *; });
    let statement = &input.statements[0];
    assert!(statement
        .actions
        .as_ref()
        .is_some_and(|c| c.items.is_single()));
    assert!(statement.resources.is_some());
}

#[test]
fn interpolation_and_policy_variables() {
    let lit: LitStr = syn::parse_quote!("arn:aws:s3:::{bucket}/${aws:username}/{{x}}");
    let pieces = split_interpolations(&lit).unwrap_or_default();
    assert_eq!(pieces.len(), 3);
    let node = TextNode { lit, pieces };
    assert!(node.is_dynamic());
    assert_eq!(node.static_text(), "arn:aws:s3:::*/${aws:username}/{x}");
}

#[test]
fn an_interpolation_is_one_expression_of_any_shape() {
    use super::text::RustExpr;
    let accepted = [
        quote!(bucket),
        quote!(config.bucket()),
        quote!(names[0].as_str()),
        quote!(env!("BUCKET")),
        quote!(x as u32 + 1),
        quote!(crate::BUCKETS::NAME),
        quote!(if prod { "a" } else { "b" }),
        quote!(match stage {
            Stage::Prod => 1,
            _ => 2,
        }),
        quote!(Settings { bucket: "b" }.bucket),
        quote!(<T as Trait>::NAME),
        quote!(&raw const x),
    ];
    for tokens in accepted {
        assert!(RustExpr::new(tokens.clone()).is_ok(), "refused `{tokens}`");
    }
    let refused = [
        quote!(),
        quote!(a, b),
        quote!(a; b),
        quote!(bucket name),
        quote!(x: u8),
        quote!(x "y"),
    ];
    for tokens in refused {
        assert!(
            RustExpr::new(tokens.clone()).is_err(),
            "accepted `{tokens}`"
        );
    }
}

#[test]
fn an_unclosed_brace_is_an_error() {
    let lit: LitStr = syn::parse_quote!("arn:{bucket");
    assert!(split_interpolations(&lit).is_err());
}

#[test]
fn recovers_after_a_syntax_error() {
    let input = parse_policy(quote! {
        allow [s3:GetObject] on * oops;
        allow [s3:PutObject] on *;
    });
    assert_eq!(input.errors.len(), 1);
    assert_eq!(input.statements.len(), 1);
}

#[test]
fn every_bad_item_of_a_list_is_reported() {
    let input = parse_policy(quote! {
        allow [s3 GetObject, s3:PutObject, ec2 Describe*] on * when {
            StringEquals aws:SourceAccount "1",
            StringEquals aws:SourceArn: oops,
        };
    });
    let messages: Vec<String> = input
        .errors
        .iter()
        .flat_map(|e| e.clone().into_iter())
        .map(|e| e.to_string())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("after the service `s3`"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("after the service `ec2`"),
        "{messages:?}"
    );
}

#[test]
fn conditions_with_qualifiers_and_values() {
    let input = parse_policy(quote! {
        allow sts:AssumeRole for service "x.amazonaws.com", aws ["123"] when {
            ForAllValues:StringEquals aws:TagKeys: ["a", "b"],
            StringLike "aws:RequestTag/a:b": "c",
            NumericLessThan aws:MultiFactorAuthAge: 3600,
            Bool aws:SecureTransport: false,
            StringEquals aws:ResourceTag/cost-center: {value},
        };
    });
    assert!(input.errors.is_empty());
    let condition = input.statements[0].condition.as_ref();
    let lines: Vec<(String, String)> = condition
        .map(|c| {
            c.lines
                .iter()
                .map(|l| (l.operator.clone(), l.key.clone()))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        lines[0],
        ("ForAllValues:StringEquals".into(), "aws:TagKeys".into())
    );
    assert_eq!(lines[1].1, "aws:RequestTag/a:b");
    assert_eq!(lines[4].1, "aws:ResourceTag/cost-center");
}

#[test]
fn an_unknown_principal_kind_gets_a_suggestion() {
    let error =
        syn::parse2::<PolicyInput>(quote! { allow sts:AssumeRole for servise "x"; }).map(|input| {
            input
                .errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        });
    let messages = error.unwrap_or_default();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].contains("did you mean `service`?"),
        "{messages:?}"
    );
}

#[test]
fn a_wildcard_action_ends_before_for() {
    let input = parse_policy(quote! { deny s3:* for * on "arn:aws:s3:::b/*"; });
    assert!(input.errors.is_empty());
    let statement = &input.statements[0];
    let actions: Vec<String> = statement
        .actions
        .iter()
        .flat_map(|clause| clause.items.iter().map(|a| a.text.clone()))
        .collect();
    assert_eq!(actions, ["s3:*"]);
    assert!(statement.principal.is_some());
}

/// A condition line cut short (no `: value` yet) is one error; the statement is kept apart for
/// the editor, with the lines read so far, and the statements around it are unaffected.
#[test]
fn a_condition_line_cut_short_keeps_its_statement_for_the_editor() {
    let input = parse_policy(quote! {
        allow s3:GetObject on *;
        allow iam:PassRole on * when { StringEquals aws:SourceAccount: "1", StringLike iam:Pass };
        deny s3:DeleteObject on *;
    });
    assert_eq!(input.errors.len(), 1);
    assert!(
        input.errors[0]
            .to_string()
            .contains("expected `:` between the condition key `iam:Pass` and its value"),
        "{}",
        input.errors[0]
    );
    assert_eq!(input.statements.len(), 2);
    assert_eq!(input.partial.len(), 1);
    let clause = input.partial[0].condition.as_ref().unwrap();
    assert_eq!(clause.lines.len(), 1);
    assert_eq!(clause.lines[0].key, "aws:SourceAccount");
    assert_eq!(clause.partial.len(), 1);
    assert_eq!(clause.partial[0].key, "iam:Pass");
    assert!(
        clause.errors.is_none(),
        "taken out into the policy's errors"
    );
}
