//! `policy can` and `policy test` end to end: exit codes (0 allowed / all pass, 1 denied / a
//! failure, 2 bad input), text and JSON output, positions of deciding statements and of input
//! errors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

fn scenarios_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/scenarios")
}

fn policy(args: &[&str], dir: &Path) -> (i32, String, String) {
    let output = Command::cargo_bin("policy")
        .unwrap()
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn test_passes_every_rule_scenario() {
    let (code, stdout, stderr) = policy(&["test", "."], &scenarios_dir());
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.starts_with("117 passed, 0 failed"), "{stderr}");
}

#[test]
fn a_failing_scenario_shows_the_deciding_statement_with_file_line_col() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("policies")).unwrap();
    std::fs::copy(
        scenarios_dir().join("policies/eval-role.json"),
        dir.path().join("policies/eval-role.json"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("wrong.jsonl"),
        "{\"name\": \"deletes allowed?\", \"identity\": \"policies/eval-role.json\", \"request\": {\"principal\": \"arn:aws:iam::111122223333:role/EvalRole\", \"action\": \"s3:DeleteObject\", \"resource\": \"arn:aws:s3:::eval-data/a\"}, \"expect\": \"allow\"}\n",
    )
    .unwrap();
    let (code, stdout, stderr) = policy(&["test", "wrong.jsonl"], dir.path());
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.starts_with(
            "FAIL deletes allowed? (wrong.jsonl:1:1): expected allow, got explicit-deny"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("Deny \"NoDeletes\" (identity policies, policies/eval-role.json Statement[1]) at policies/eval-role.json:10:5"), "{stdout}");
    assert!(stderr.starts_with("0 passed, 1 failed"), "{stderr}");

    let (code, stdout, _) = policy(&["test", "--format", "json", "wrong.jsonl"], dir.path());
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(value["decision"], "explicit-deny");
    assert_eq!(value["expect"], "allow");
    assert_eq!(value["pass"], false);
    assert_eq!(
        value["deciding"][0]["position"],
        "policies/eval-role.json:10:5"
    );
}

#[test]
fn bad_scenario_input_exits_2_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.json"),
        "{\"request\": {\"action\": \"s3:GetObject\"},\n \"expect\": \"alow\"}",
    )
    .unwrap();
    std::fs::write(dir.path().join("garbage.json"), [0xff_u8, 0xfe, 0x00]).unwrap();
    std::fs::write(
        dir.path().join("noexpect.json"),
        "{\"request\": {\"action\": \"s3:GetObject\"}}",
    )
    .unwrap();
    let (code, _, stderr) = policy(&["test", "bad.json"], dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with("error: bad.json:2:12: `alow` is not an outcome"),
        "{stderr}"
    );
    let (code, _, stderr) = policy(&["test", "garbage.json"], dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with("error: garbage.json:1:1: cannot read the scenario file"),
        "{stderr}"
    );
    let (code, _, stderr) = policy(&["test", "noexpect.json"], dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("has no `expect`"), "{stderr}");
    let (code, _, stderr) = policy(&["test", "missing.json"], dir.path());
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn can_exits_0_when_allowed_1_when_denied_2_on_bad_input() {
    let dir = scenarios_dir();
    let base = [
        "can",
        "--principal",
        "arn:aws:sts::111122223333:assumed-role/EvalRole/job-7",
        "--identity",
        "policies/eval-role.json",
        "--action",
    ];
    let with = |rest: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(rest);
        policy(&args, &dir)
    };
    let (code, stdout, _) = with(&[
        "s3:GetObject",
        "--resource",
        "arn:aws:s3:::eval-data/a.jsonl",
    ]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.starts_with("allow: s3:GetObject on arn:aws:s3:::eval-data/a.jsonl"),
        "{stdout}"
    );
    let (code, stdout, _) = with(&[
        "s3:GetObject",
        "--resource",
        "arn:aws:s3:::other/a.jsonl",
        "--explain",
    ]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("no applicable Allow in: identity policies"),
        "{stdout}"
    );
    assert!(
        stdout.contains("policies/eval-role.json:4:5: resource does not match"),
        "{stdout}"
    );
    let (code, _, stderr) = with(&["s3:GetObjet"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `GetObject`?"), "{stderr}");
    // Errors in the flags name the flag and its value, not a place in generated JSON.
    assert!(
        stderr.starts_with("error: --action s3:GetObjet: unknown action"),
        "{stderr}"
    );
    let (code, _, stderr) = with(&["s3:GetObject", "--context", "aws:SourceIp=10.0.0.300"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: --context aws:SourceIp=10.0.0.300: `10.0.0.300` is not a valid"),
        "{stderr}"
    );
    let (code, _, stderr) = policy(
        &[
            "can",
            "--principal",
            "arn:aws:iam::1:user/x",
            "--action",
            "s3:GetObject",
        ],
        &dir,
    );
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: --principal arn:aws:iam::1:user/x: "),
        "{stderr}"
    );
    let (code, _, stderr) = with(&["s3:GetObject", "--context", "aws:SourceIp"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is not `KEY=VALUE`"), "{stderr}");
    let (code, _, stderr) = with(&[
        "s3:GetObject",
        "--resource",
        "arn:aws:sqs:eu-west-1:111122223333:q",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("resource-type-mismatch"), "{stderr}");
    let (code, _, _) = policy(&["can", "--scenario", "rule01-default-deny.json"], &dir);
    assert_eq!(code, 1, "the file has denied scenarios");
    let (code, stdout, _) = policy(
        &[
            "can",
            "--scenario",
            "rule06-get-caller-identity.json",
            "--format",
            "json",
        ],
        &dir,
    );
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout.lines().count(), 2);
}

#[test]
fn a_bad_line_stops_its_file_after_the_scenarios_before_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mixed.jsonl"),
        "{\"request\": {\"action\": \"s3:ListAllMyBuckets\"}, \"expect\": \"implicit-deny\"}\n\
         {\"request\": {\"action\": \"s3:ListAllMyBuckets\"}, \"expect\": \"alow\"}\n\
         {\"request\": {\"action\": \"s3:ListAllMyBuckets\"}, \"expect\": \"implicit-deny\"}\n",
    )
    .unwrap();
    let (code, _, stderr) = policy(&["test", "mixed.jsonl"], dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with("error: mixed.jsonl:2:"),
        "the error is at the second line: {stderr}"
    );
    assert!(
        stderr.contains("1 passed, 0 failed, with input errors"),
        "the first scenario ran, the third did not: {stderr}"
    );
}
