//! `policy fit` end to end: an over-size AWS managed policy split into parts that `policy
//! check` accepts at the target, JSON output, `--out` files, and the exit statuses.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

fn managed(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data/managed")
        .join(format!("{name}.json"))
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
fn an_over_size_managed_policy_fits_in_parts_that_check_clean() {
    let dir = tempfile::tempdir().unwrap();
    let input = managed("AWSElasticDisasterRecoveryConsoleFullAccess_v2");
    let input = input.to_str().unwrap();
    let out = dir.path().join("parts");
    let (status, stdout, stderr) = policy(
        &[
            "fit",
            "--target",
            "managed-policy",
            "--out",
            out.to_str().unwrap(),
            input,
        ],
        dir.path(),
    );
    assert_eq!(status, 0, "{stderr}");
    assert!(
        stdout.contains("AWSElasticDisasterRecoveryConsoleFullAccess_v2-1.json"),
        "{stdout}"
    );
    assert!(stderr.contains("2 parts (at least 2 needed)"), "{stderr}");
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    parts.sort();
    assert_eq!(parts.len(), 2);
    // The input is clean but for its size (over the 6,144 of a managed policy, a warning
    // without a target); the parts are clean, warnings included.
    let (_, stdout, _) = policy(&["check", input], dir.path());
    assert!(stdout.contains("policy-too-large"), "{stdout}");
    assert!(
        stdout.contains("policy fit --target managed-policy"),
        "{stdout}"
    );
    for part in &parts {
        let (status, stdout, stderr) = policy(
            &["check", "--deny-warnings", part.to_str().unwrap()],
            dir.path(),
        );
        assert_eq!(status, 0, "{}: {stdout}{stderr}", part.display());
        assert!(!stdout.contains("policy-too-large"), "{stdout}");
    }
}

#[test]
fn json_output_lists_the_policies() {
    let dir = tempfile::tempdir().unwrap();
    let input = managed("SecurityAudit");
    let (status, stdout, stderr) = policy(
        &[
            "fit",
            "--target",
            "scp",
            "--format",
            "json",
            input.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(status, 0, "{stderr}");
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let policies = value["policies"].as_array().unwrap();
    assert!(policies.len() >= 4, "{}", policies.len());
    for part in policies {
        assert_eq!(part["Version"], "2012-10-17");
        assert!(serde_json::to_string(part).unwrap().len() <= 5_120);
    }
}

#[test]
fn a_statement_that_cannot_fit_exits_1_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let input = managed("SageMakerStudioProjectUserRolePermissionsBoundary");
    let (status, stdout, stderr) = policy(
        &["fit", "--target", "managed-policy", input.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(status, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("NotDeniedOperations") && stderr.contains("Deny statement is kept whole"),
        "{stderr}"
    );
}

#[test]
fn usage_and_input_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let (status, _, _) = policy(&["fit", "--target", "huge", "x.json"], dir.path());
    assert_eq!(status, 2);
    let (status, _, stderr) = policy(&["fit", "--target", "scp", "missing.json"], dir.path());
    assert_eq!(status, 2, "{stderr}");
    std::fs::write(dir.path().join("bad.json"), "{ not json").unwrap();
    let (status, _, stderr) = policy(&["fit", "--target", "scp", "bad.json"], dir.path());
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("is not a policy"), "{stderr}");
}
