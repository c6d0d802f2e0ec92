//! The `policy!`, `policy_json!` and `statement!` pipeline (the macro crate's parser,
//! attributes, lowering, validation and expansion) on arbitrary token streams.
//!
//! Input: either text (lexed by proc-macro2, as rustc would lex the macro's input) or, after a
//! first byte `0xFF`, a sequence of DSL tokens from a vocabulary, so that the parser sees well-lexed, nearly
//! grammatical streams rather than lexer errors. Properties: nothing panics; every span in the
//! expansion (each compile error, warning and value token) is the call site or lies inside the
//! input, so every error points at what the user wrote.
#![no_main]

use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use proc_macro2::TokenStream;
use typed_iam_fuzz::pipeline::{expand_all, offsets, span_inside};

/// Words and punctuation of the DSL, and values of the kinds it reads.
const VOCABULARY: &[&str] = &[
    "allow",
    "deny",
    "on",
    "for",
    "when",
    "not",
    "unchecked",
    ";",
    ":",
    ",",
    "*",
    "...",
    "[",
    "]",
    "{",
    "}",
    "(",
    ")",
    "#",
    "!",
    "=",
    "/",
    "-",
    ".",
    "s3",
    "GetObject",
    "iam",
    "PassRole",
    "sts:AssumeRole",
    "s3:Get*",
    "ec2:*",
    "\"arn:aws:s3:::b/*\"",
    "\"*\"",
    "\"arn:aws:iam::111122223333:role/R\"",
    "aws",
    "service",
    "federated",
    "canonical_user",
    "\"111122223333\"",
    "\"sagemaker.amazonaws.com\"",
    "StringEquals",
    "StringLike",
    "ForAnyValue",
    "ForAllValues",
    "IfExists",
    "StringEqualsIfExists",
    "IpAddress",
    "Bool",
    "Null",
    "NumericLessThan",
    "aws:SourceIp",
    "aws:PrincipalTag/team",
    "s3:prefix",
    "\"10.0.0.0/8\"",
    "true",
    "false",
    "42",
    "-1",
    "3.5",
    "\"Sid1\"",
    "\"text {x} ${aws:username}\"",
    "\"{bucket}\"",
    "\"{{literal}}\"",
    "{bucket}",
    "{ 1 + 2 }",
    "#![version = \"2012-10-17\"]",
    "#![version = \"2008-10-17\"]",
    "#![version = none]",
    "#![id = \"P\"]",
    "#![kind = trust]",
    "#![kind = scp]",
    "#![kind = nonsense]",
    "#![target = role_inline]",
    "#![allow(placeholder_value)]",
    "#![allow(nonsense)]",
    "#![statement = object]",
    "#![statement = array]",
    "version",
    "id",
    "kind",
    "target",
    "statement",
    "object",
    "unchecked(\"x:Y\")",
    "\"\"",
    "\"unterminated {\"",
    "'a'",
    "b\"bytes\"",
    "1e3",
    "0x1F",
];

fuzz_target!(|data: &[u8]| {
    let text = match data.split_first() {
        Some((0xFF, tokens)) => tokens
            .iter()
            .map(|t| VOCABULARY[*t as usize % VOCABULARY.len()])
            .collect::<Vec<_>>()
            .join(" "),
        _ => match std::str::from_utf8(data) {
            Ok(text) => text.to_owned(),
            Err(_) => return,
        },
    };
    let Ok(tokens) = TokenStream::from_str(&text) else {
        return;
    };
    let chars = text.chars().count();
    for span in expand_all(&tokens) {
        assert!(
            span_inside(span, chars),
            "a span outside the input: {:?} in a text of {chars} chars",
            offsets(span)
        );
    }
});
