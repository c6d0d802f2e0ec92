//! `--format sarif` output validates against the SARIF 2.1.0 schema (vendored, see
//! `tests/data/SOURCE.md`), with findings of every kind: positioned ones, whole-file ones and
//! ones from stdin.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

use std::path::Path;

use clap::Parser;
use typed_iam_cli::{run_with, Cli, Exit, Streams};

fn sarif(args: &[&str], stdin: &[u8]) -> (Exit, serde_json::Value) {
    let cli = Cli::try_parse_from(args).unwrap();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let mut input = stdin;
    let exit = run_with(cli, &mut Streams::new(&mut input, &mut stdout, &mut stderr));
    let log = serde_json::from_slice(&stdout)
        .unwrap_or_else(|error| panic!("{error}: {}", String::from_utf8_lossy(&stdout)));
    (exit, log)
}

fn schema_errors(log: &serde_json::Value) -> Vec<String> {
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let mut schema = schema;
    // The `language` patterns of the schema have a lone `]`, a literal in the ECMAScript
    // regexes JSON Schema uses but an error for Rust's `regex`, which the crate's meta-schema
    // check rejects. Escaping it keeps their meaning; the vendored file stays as published.
    let escaped = escape_lone_brackets(&mut schema);
    assert!(escaped >= 1);
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect();
    errors
}

fn validate(log: &serde_json::Value) {
    let errors = schema_errors(log);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // The check can fail: a wrong level is caught.
    let mut broken = log.clone();
    broken["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] =
        "fatal".into();
    assert!(!schema_errors(&broken).is_empty());
}

fn escape_lone_brackets(value: &mut serde_json::Value) -> usize {
    const LONE: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match value {
        serde_json::Value::Object(members) => members
            .iter_mut()
            .map(|(key, member)| {
                if key == "pattern" && member == LONE {
                    *member = serde_json::json!(LONE.replace("}]?", "}\\]?"));
                    1
                } else {
                    escape_lone_brackets(member)
                }
            })
            .sum(),
        serde_json::Value::Array(items) => items.iter_mut().map(escape_lone_brackets).sum(),
        _ => 0,
    }
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/seeds");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.json"), "").unwrap();
    std::fs::write(
        dir.path().join("my policy.json"),
        "{\"Statement\": [{\"Effect\": \"Allow\"}]}",
    )
    .unwrap();
    let (exit, log) = sarif(
        &["policy", "check", "--format", "sarif", seeds.to_str().unwrap(), dir.path().to_str().unwrap(), "-"],
        b"{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\"}}",
    );
    assert_eq!(exit, Exit::Findings);
    validate(&log);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), policy_core::Code::ALL.len());
    // Every rule has Access Analyzer's level as SARIF's, and a security-severity score.
    for (rule, code) in rules.iter().zip(policy_core::Code::ALL) {
        assert_eq!(
            rule["defaultConfiguration"]["level"],
            code.aws_level().sarif_level(),
            "{code}"
        );
        assert_eq!(
            rule["properties"]["security-severity"],
            code.aws_level().security_severity()
        );
    }
    let pass_role = &rules[policy_core::Code::ALL
        .iter()
        .position(|c| *c == policy_core::Code::PassRoleWildcard)
        .unwrap()];
    assert_eq!(pass_role["properties"]["security-severity"], "7.5");
    assert_eq!(pass_role["properties"]["tags"][0], "security");
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 10, "{}", results.len());
    // Every result names a rule by its code, at the rule's index.
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(matches!(
            result["level"].as_str(),
            Some("error" | "warning" | "note")
        ));
    }
    let uris: Vec<&str> = results
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(
        uris.iter().any(|uri| uri.ends_with("my%20policy.json")),
        "{uris:?}"
    );
    assert!(uris.contains(&"stdin"), "{uris:?}");
    assert!(results.iter().any(|r| r["ruleId"] == "pass-role-wildcard"));
}

#[test]
fn sarif_output_without_findings_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.json"),
        r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*"}}"#,
    )
    .unwrap();
    let (exit, log) = sarif(
        &[
            "policy",
            "check",
            "--format",
            "sarif",
            dir.path().to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(exit, Exit::Clean);
    validate(&log);
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}
