//! The `policy` binary end to end: exit codes, output formats, bad input, configuration.
//!
//! Bad input that the issue lists, each with its documented exit status: an empty file, invalid
//! UTF-8, binary garbage, a 50 MB file, JSON nested 100,000 deep, a directory with an
//! unreadable file, a path that does not exist and a broken pipe. Tests run as root, for whom
//! `chmod 000` does not make a file unreadable: the unreadable file is a dangling symbolic link
//! named `*.json`, which the walk lists and opening fails on, as it would for a file without
//! read permission.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

const GOOD: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}
"#;

const WARNING: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObject"], "Resource": "arn:aws:s3:::acme-reports/*" }
  ]
}
"#;

const ERROR: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "acme-reports/*" }
  ]
}
"#;

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn policy(directory: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::cargo_bin("policy")
        .unwrap()
        .args(args)
        .current_dir(directory)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let run = Run {
        status: output
            .status
            .code()
            .expect("exited, not killed by a signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

fn write(directory: &Path, name: &str, contents: impl AsRef<[u8]>) {
    let path = directory.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

#[test]
fn clean_warning_and_error_exit_statuses() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.json", GOOD);
    write(dir.path(), "warning.json", WARNING);
    write(dir.path(), "error.json", ERROR);
    let run = policy(dir.path(), &["check", "good.json"], b"");
    assert_eq!(run.status, 0);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "checked 1 file: 0 errors, 0 warnings\n");

    let run = policy(dir.path(), &["check", "warning.json"], b"");
    assert_eq!(run.status, 0, "warnings alone exit 0");
    assert!(
        run.stdout.starts_with("warning[duplicate-action]: "),
        "{}",
        run.stdout
    );
    let run = policy(
        dir.path(),
        &["check", "--deny-warnings", "warning.json"],
        b"",
    );
    assert_eq!(run.status, 1);

    let run = policy(dir.path(), &["check", "."], b"");
    assert_eq!(run.status, 1);
    assert_eq!(run.stderr, "checked 3 files: 1 error, 1 warning\n");
    // Sorted by path: error.json before warning.json.
    let error_at = run.stdout.find("error[malformed-arn]").unwrap();
    let warning_at = run.stdout.find("warning[duplicate-action]").unwrap();
    assert!(error_at < warning_at, "{}", run.stdout);
}

#[test]
fn text_output_looks_like_rustc() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "error.json", ERROR);
    let run = policy(
        dir.path(),
        &["check", "--color", "never", "error.json"],
        b"",
    );
    insta::assert_snapshot!(run.stdout);
    let run = policy(
        dir.path(),
        &["check", "--color", "always", "error.json"],
        b"",
    );
    assert!(
        run.stdout.contains("\x1b[1;31merror[malformed-arn]\x1b[0m"),
        "{}",
        run.stdout
    );
    // Not a terminal: no colours with `auto`.
    let run = policy(dir.path(), &["check", "error.json"], b"");
    assert!(!run.stdout.contains('\x1b'));
}

#[test]
fn json_output_is_one_object_per_finding() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "warning.json", WARNING);
    let run = policy(
        dir.path(),
        &["check", "--format", "json", "warning.json", "-"],
        ERROR.as_bytes(),
    );
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert_eq!(
        lines[0],
        serde_json::json!({
            "file": "warning.json", "line": 4, "column": 53, "path": "Statement[0].Action[1]",
            "code": "duplicate-action", "severity": "warning", "aws_level": "suggestion",
            "message": lines[0]["message"], "help": lines[0]["help"], "suggestion": lines[0]["suggestion"],
        })
    );
    let keys: Vec<&String> = lines[0].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 10);
    assert_eq!(lines[1]["file"], "<stdin>");
    assert_eq!(lines[1]["code"], "malformed-arn");
    assert_eq!(lines[1]["severity"], "error");
    // Field order is the documented one.
    assert!(run
        .stdout
        .starts_with("{\"file\":\"warning.json\",\"line\":4,\"column\":53,\"path\":"));
    assert_eq!(run.status, 1);
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.json", "");
    let run = policy(dir.path(), &["check", "empty.json"], b"");
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .contains("error[invalid-json]: the file is empty"),
        "{}",
        run.stdout
    );
    let run = policy(dir.path(), &["check", "-"], b"  \n");
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("--> <stdin>"), "{}", run.stdout);
}

#[test]
fn invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "latin1.json", b"{\"Id\": \"caf\xe9\"}");
    let run = policy(dir.path(), &["check", "latin1.json"], b"");
    assert_eq!(run.status, 1);
    assert!(run
        .stdout
        .contains("error[invalid-json]: the file is not valid UTF-8 text"));
    assert!(run.stdout.contains("latin1.json:1:12"), "{}", run.stdout);
}

#[test]
fn binary_garbage() {
    let dir = tempfile::tempdir().unwrap();
    // A fixed pseudo-random byte sequence, with control characters that must not reach the
    // terminal as they are.
    let mut state: u32 = 0x2545_f491;
    let garbage: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .collect();
    write(dir.path(), "garbage.json", &garbage);
    let run = policy(dir.path(), &["check", "garbage.json"], b"");
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("error[invalid-json]"), "{}", run.stdout);
    assert!(
        !run.stdout.contains('\x1b'),
        "control characters are not printed as they are"
    );
    let run = policy(dir.path(), &["check", "-"], b"\x00\x01\x02{}");
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("error[invalid-json]"), "{}", run.stdout);
}

#[test]
fn fifty_megabyte_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = Vec::with_capacity(50 << 20);
    big.extend_from_slice(b"{\"Version\": \"2012-10-17\", \"Statement\": [");
    while big.len() < 50 << 20 {
        big.extend_from_slice(
            b"{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},\n",
        );
    }
    big.extend_from_slice(b"{}]}");
    write(dir.path(), "big.json", &big);
    let run = policy(dir.path(), &["check", "big.json"], b"");
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .contains("error[policy-too-large]: the file is 50.0 MiB"),
        "{}",
        run.stdout
    );
    // The same through stdin, which cannot be measured first.
    let run = policy(dir.path(), &["check", "-"], &big);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains("error[policy-too-large]"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_nested_100_000_deep() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "arrays.json", "[".repeat(100_000));
    write(dir.path(), "objects.json", "{\"a\":".repeat(100_000));
    let run = policy(dir.path(), &["check", "arrays.json", "objects.json"], b"");
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stdout.matches("error[invalid-json]").count(),
        2,
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("nesting"), "{}", run.stdout);
    let run = policy(dir.path(), &["fmt", "--check", "arrays.json"], b"");
    assert_eq!(run.status, 1);
}

#[test]
fn directory_with_an_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "policies/a.json", GOOD);
    write(dir.path(), "policies/c.json", WARNING);
    std::os::unix::fs::symlink(
        dir.path().join("gone.json"),
        dir.path().join("policies/b.json"),
    )
    .unwrap();
    let run = policy(dir.path(), &["check", "policies"], b"");
    assert_eq!(run.status, 2, "an unreadable file wins over findings");
    assert!(
        run.stderr
            .contains("error: cannot read `policies/b.json`: no such file"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("warning[duplicate-action]"),
        "the rest is still checked"
    );
    assert!(
        run.stderr
            .ends_with("checked 2 files: 0 errors, 1 warning; 1 path not read\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn path_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.json", GOOD);
    let run = policy(dir.path(), &["check", "missing.json", "good.json"], b"");
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("error: cannot read `missing.json`: no such file"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("checked 1 file"), "{}", run.stderr);
    let run = policy(dir.path(), &["fmt", "missing.json"], b"");
    assert_eq!(run.status, 2);
}

#[test]
fn broken_pipe_is_a_quiet_success() {
    let dir = tempfile::tempdir().unwrap();
    // Enough findings that the output cannot fit in a pipe's buffer.
    for index in 0..400 {
        write(dir.path(), &format!("p/{index:03}.json"), WARNING);
    }
    let mut child = Command::cargo_bin("policy")
        .unwrap()
        .args(["check", "p"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.starts_with("warning[duplicate-action]"), "{first}");
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "quiet");
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(policy(dir.path(), &["check"], b"").status, 2);
    assert_eq!(
        policy(dir.path(), &["check", "--kind", "banana", "x"], b"").status,
        2
    );
    assert_eq!(policy(dir.path(), &["frobnicate"], b"").status, 2);
}

#[test]
fn kind_decides_principal_rules() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.json", GOOD);
    let run = policy(
        dir.path(),
        &["check", "--kind", "resource", "good.json"],
        b"",
    );
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains("error[missing-principal]"),
        "{}",
        run.stdout
    );
}

#[test]
fn configuration_sets_kinds_and_allows_codes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "buckets/good.json", GOOD);
    write(dir.path(), "warning.json", WARNING);
    write(
        dir.path(),
        "policy.toml",
        "allow = [\"duplicate-action\"]\n[[path]]\nglob = \"buckets/**\"\nkind = \"resource\"\n",
    );
    write(dir.path(), "sub/dir/.keep", "");
    // Found from a subdirectory, upwards; globs are relative to the file.
    let run = policy(
        &dir.path().join("sub/dir"),
        &["check", "../../buckets", "../../warning.json"],
        b"",
    );
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("error[missing-principal]"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("duplicate-action"), "{}", run.stdout);
    // `--kind` wins over the configuration.
    let run = policy(dir.path(), &["check", "--kind", "identity", "buckets"], b"");
    assert_eq!(run.status, 0, "{}", run.stdout);
    // A bad configuration is a usage error.
    write(dir.path(), "bad.toml", "allow = [\"duplicate-actoin\"]\n");
    let run = policy(
        dir.path(),
        &["check", "--config", "bad.toml", "warning.json"],
        b"",
    );
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("did you mean `duplicate-action`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn fmt_rewrites_checks_and_streams() {
    let dir = tempfile::tempdir().unwrap();
    let messy = "{\"Statement\":{\"Resource\":\"*\",\"Action\":[\"s3:ListAllMyBuckets\"],\"Effect\":\"Allow\"},\"Version\":\"2012-10-17\"}";
    write(dir.path(), "messy.json", messy);
    let run = policy(dir.path(), &["fmt", "--check", "."], b"");
    assert_eq!(run.status, 1);
    assert_eq!(run.stdout, "./messy.json\n");
    let run = policy(dir.path(), &["fmt", "-"], messy.as_bytes());
    assert_eq!(run.status, 0);
    let expected = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\n    \"Effect\": \"Allow\",\n    \"Action\": [\n      \"s3:ListAllMyBuckets\"\n    ],\n    \"Resource\": \"*\"\n  }\n}\n";
    assert_eq!(run.stdout, expected);
    let run = policy(dir.path(), &["fmt", "messy.json"], b"");
    assert_eq!(run.status, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("messy.json")).unwrap(),
        expected
    );
    let run = policy(dir.path(), &["fmt", "--check", "."], b"");
    assert_eq!((run.status, run.stdout.as_str()), (0, ""));
    write(dir.path(), "broken.json", "{");
    let run = policy(dir.path(), &["fmt", "broken.json"], b"");
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("error[invalid-json]"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("broken.json")).unwrap(),
        "{"
    );
}

#[test]
fn explain_codes() {
    let dir = tempfile::tempdir().unwrap();
    let run = policy(dir.path(), &["explain", "unknown-action"], b"");
    assert_eq!(run.status, 0);
    assert!(
        run.stdout
            .starts_with("unknown-action (error; AWS level: error)\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("s3:GetObjet"));
    assert!(run
        .stdout
        .contains("nearest IAM Access Analyzer check: INVALID_ACTION (ERROR)"));
    let run = policy(dir.path(), &["explain", "allow-with-not-principal"], b"");
    assert!(
        run.stdout
            .starts_with("allow-with-not-principal (warning; AWS level: security warning)\n"),
        "{}",
        run.stdout
    );
    let run = policy(dir.path(), &["explain", "unknown-actoin"], b"");
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("did you mean `unknown-action`?"),
        "{}",
        run.stderr
    );
    let run = policy(dir.path(), &["explain"], b"");
    assert_eq!(run.stdout.lines().count(), policy_core::Code::ALL.len());
}

#[test]
fn to_dsl_prints_the_policy_macro() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.json", GOOD);
    let run = policy(dir.path(), &["to-dsl", "good.json"], b"");
    assert_eq!(run.status, 0);
    assert_eq!(
        run.stdout,
        "policy! {\n    allow s3:GetObject on \"arn:aws:s3:::acme-reports/*\";\n}\n"
    );
    let run = policy(dir.path(), &["to-dsl", "-"], b"{\"Statement\": [");
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("error[invalid-json]"), "{}", run.stderr);
    let run = policy(dir.path(), &["to-dsl", "missing.json"], b"");
    assert_eq!(run.status, 2);
    let run = policy(
        dir.path(),
        &["to-dsl", "--kind", "resource", "-"],
        GOOD.as_bytes(),
    );
    assert!(run.stdout.contains("#![kind = resource]"), "{}", run.stdout);
    assert!(
        run.stdout.contains("#![allow(missing_principal)]"),
        "{}",
        run.stdout
    );
}

#[test]
fn to_dsl_of_a_seed_and_a_managed_policy() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data");
    let dir = tempfile::tempdir().unwrap();
    for (name, file) in [
        ("seed_004_00", data.join("seeds/004_00.json")),
        (
            "managed_AmazonBedrockLimitedAccess",
            data.join("managed/AmazonBedrockLimitedAccess.json"),
        ),
    ] {
        let run = policy(dir.path(), &["to-dsl", file.to_str().unwrap()], b"");
        assert_eq!(run.status, 0, "{}", run.stderr);
        insta::assert_snapshot!(name, run.stdout);
    }
}
