//! Inputs the fuzz targets (`fuzz/`) found, kept as tests of the property that failed.
#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use typed_iam::{policy, Action, Policy};

/// `dsl_roundtrip` (AWS managed policy `AIDevOpsAgentAccessPolicy`): `to-dsl` writes an action
/// pattern of a service the catalog no longer lists as `unchecked("evidently:List*")`; the macro
/// lowered it to `Action::Unchecked`, while the JSON reader reads the same text as
/// `Action::Pattern`, so the policy and its own JSON were not equal. `unchecked(..)` now only
/// silences the checks, and the model is the reader's.
#[test]
fn an_unchecked_action_is_the_model_the_json_reader_builds() {
    let written = policy! {
        allow [unchecked("evidently:List*"), unchecked("s3:GetObject"), unchecked("nosuch:Thing")] on *;
    };
    let read = Policy::from_json(
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Action": ["evidently:List*", "s3:GetObject", "nosuch:Thing"], "Resource": "*"}]}"#,
    )
    .unwrap();
    assert_eq!(written, read);
    let actions = written.statements()[0]
        .action()
        .unwrap()
        .items()
        .items()
        .to_vec();
    assert!(matches!(&actions[0], Action::Pattern(text) if text == "evidently:List*"));
    assert!(matches!(&actions[1], Action::Known { text, .. } if text == "s3:GetObject"));
    assert!(matches!(&actions[2], Action::Unchecked(text) if text == "nosuch:Thing"));
}

/// `scenario`: serde_json counts an error's column in bytes; the scenario reader passed it on,
/// so on a line with two-byte characters the column lay past the line's end (`fuzz.jsonl:1:9`
/// on a line of 7 chars). Every position of the reader counts chars now.
#[test]
fn a_scenario_error_column_counts_chars() {
    use typed_iam::eval::scenario::parse_str;
    for (name, text, expected) in [
        ("fuzz.jsonl", "{\"n\u{785}\u{781}a{", "fuzz.jsonl:1:7: "),
        ("fuzz.json", "\n  {\"n\u{785}\u{781}a{", "fuzz.json:2:9: "),
        (
            "fuzz.json",
            "{\"request\": {\"action\": \"é\"}, \"é\": 1}",
            "fuzz.json:1:32: unknown field `é`",
        ),
    ] {
        let error = parse_str(name, text, None).unwrap_err();
        let line = text.split('\n').nth(error.line - 1).unwrap();
        assert!(error.column <= line.chars().count() + 1, "{error}");
        assert!(error.to_string().starts_with(expected), "{error}");
    }
}
