//! `policy diff`: the seed pair (one action added, one Deny added, one condition added) in
//! text and JSON, the exit statuses, and stdin.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

const OLD: &str = "tests/data/diff/seed-old.json";
const NEW: &str = "tests/data/diff/seed-new.json";

fn policy() -> Command {
    Command::cargo_bin("policy").unwrap()
}

#[test]
fn the_seed_edit_is_incomparable_with_a_witness_for_each_side() {
    let output = policy()
        .args(["diff", OLD, NEW, "--format", "json", "--fail-on-new-access"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["relation"], "incomparable");
    let new_access = json["new_access"].as_array().unwrap();
    assert_eq!(new_access.len(), 1);
    assert_eq!(new_access[0]["witness"]["action"], "s3:DeleteObject");
    let removed: Vec<&str> = json["removed_access"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["witness"]["action"].as_str().unwrap())
        .collect();
    // The Deny removes PutObject under secret/; the condition removes the first statement's
    // unconditional GetObject and ListBucket.
    assert_eq!(removed, ["s3:GetObject", "s3:ListBucket", "s3:PutObject"]);
}

#[test]
fn text_output_reads_like_a_review_and_exits_zero_without_the_flag() {
    let output = policy().args(["diff", OLD, NEW]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("incomparable"), "{text}");
    assert!(text.contains("+ s3:DeleteObject"), "{text}");
    assert!(text.contains("- s3:PutObject"), "{text}");
}

#[test]
fn a_policy_against_itself_from_stdin_is_equivalent() {
    let text = std::fs::read_to_string(OLD).unwrap();
    let output = policy()
        .args(["diff", OLD, "-", "--format", "json", "--fail-on-new-access"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["relation"], "equivalent");
}

#[test]
fn bad_input_exits_two() {
    let output = policy()
        .args(["diff", OLD, "tests/data/diff/missing.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read"));
}
