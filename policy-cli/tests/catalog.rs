//! `policy catalog stats|show|search` and `policy expand`: the acceptance cases of the catalog
//! issue, through the library (no process per case).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

use clap::Parser;
use typed_iam_cli::{run_with, Cli, Exit, Streams};

fn policy(args: &[&str]) -> (Exit, String, String) {
    let mut argv = vec!["policy"];
    argv.extend_from_slice(args);
    let cli = Cli::try_parse_from(argv).unwrap();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = run_with(
        cli,
        &mut Streams::new(&mut std::io::empty(), &mut stdout, &mut stderr),
    );
    (
        exit,
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

#[test]
fn stats_json_reports_the_catalog_counts() {
    let (exit, stdout, _) = policy(&["catalog", "stats", "--json"]);
    assert_eq!(exit, Exit::Clean);
    let stats: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let catalog = catalog::index::catalog();
    assert_eq!(stats["services"], catalog.service_count());
    assert_eq!(stats["actions"], catalog.action_count());
    assert_eq!(stats["resource_types"], catalog.resource_type_count());
    assert_eq!(stats["condition_keys"], catalog.condition_key_count());
    assert_eq!(stats["version"], catalog.version());
    assert_eq!(stats["date"], catalog.date());
    // Counted independently of the catalog's own counters.
    assert_eq!(stats["services"], catalog.services().count());
    assert_eq!(
        stats["actions"],
        catalog.services().map(|s| s.actions().len()).sum::<usize>()
    );
    assert!(catalog.service_count() >= 400);
    let (_, text, _) = policy(&["catalog", "stats"]);
    assert!(text.starts_with(&format!(
        "catalog version {} ({})",
        catalog.version(),
        catalog.date()
    )));
}

#[test]
fn show_actions_with_their_canonical_spelling() {
    for name in [
        "bedrock:CreateEvaluationJob",
        "bedrock:CallWithBearerToken",
        "bedrock-mantle:CreateInference",
        "sagemaker:CreateAutoMLJobV2",
        "cognito-idp:CreateUserPool",
        "aws-marketplace:Subscribe",
        "s3:GetBucketCORS", // asked for as `s3:GetBucketCors`: AWS spells it so
    ] {
        let (exit, stdout, stderr) = policy(&["catalog", "show", &name.to_ascii_lowercase()]);
        assert_eq!(exit, Exit::Clean, "{name}: {stderr}");
        assert_eq!(stdout.lines().next(), Some(name), "canonical spelling");
        for part in [
            "access level:",
            "description:",
            "condition keys:",
            "documentation:  https://",
        ] {
            assert!(stdout.contains(part), "{name}: {part}\n{stdout}");
        }
        assert!(stdout.contains("resource types"), "{stdout}");
    }
    let (_, stdout, _) = policy(&["catalog", "show", "BEDROCK:createEVALUATIONjob"]);
    assert!(stdout.contains("access level:   Write"), "{stdout}");
    assert!(stdout.contains("foundation-model (required)"), "{stdout}");
    assert!(stdout.contains("aws:RequestTag/${TagKey}"), "{stdout}");
}

#[test]
fn show_condition_keys_with_their_types() {
    for (name, value_type) in [
        ("iam:PassedToService", "String"),
        ("aws:SourceArn", "ARN"),
        ("aws:TagKeys", "ArrayOfString"),
        ("aws:CalledViaLast", "String"),
        ("sagemaker:WorkteamType", "String"),
    ] {
        let (exit, stdout, stderr) = policy(&["catalog", "show", name]);
        assert_eq!(exit, Exit::Clean, "{name}: {stderr}");
        assert_eq!(stdout.lines().next(), Some(name));
        assert!(
            stdout.contains(&format!("type:           {value_type}\n")),
            "{stdout}"
        );
    }
}

#[test]
fn unknown_names_exit_1_with_a_suggestion() {
    let (exit, stdout, stderr) = policy(&["catalog", "show", "bedrock:CreateEvalutionJob"]);
    assert_eq!(exit, Exit::Findings);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("did you mean `bedrock:CreateEvaluationJob`?"),
        "{stderr}"
    );
    let (exit, _, stderr) = policy(&["catalog", "show", "bedrok:CreateEvaluationJob"]);
    assert_eq!(exit, Exit::Findings);
    assert!(
        stderr.contains("did you mean `bedrock:CreateEvaluationJob`?"),
        "{stderr}"
    );
    let (exit, _, stderr) = policy(&["catalog", "show", "aws:SourceArm"]);
    assert_eq!(exit, Exit::Findings);
    assert!(stderr.contains("did you mean `aws:SourceArn`?"), "{stderr}");
    // A mistyped global key is not "corrected" into another service's namespace.
    let (exit, _, stderr) = policy(&["catalog", "show", "aws:ARN"]);
    assert_eq!(exit, Exit::Findings);
    assert!(!stderr.contains("aps:"), "{stderr}");
    let (exit, _, _) = policy(&["expand", "s4:Get*"]);
    assert_eq!(exit, Exit::Findings);
    let (exit, _, _) = policy(&["catalog", "search", "zzzzqqqq"]);
    assert_eq!(exit, Exit::Findings);
    assert!(
        Cli::try_parse_from(["policy", "catalog", "show"]).is_err(),
        "usage error (exit 2)"
    );
}

#[test]
fn show_services() {
    let (exit, stdout, _) = policy(&["catalog", "show", "Cognito-IDP"]);
    assert_eq!(exit, Exit::Clean);
    assert!(stdout.contains("(`cognito-idp`)"), "{stdout}");
}

#[test]
fn expand_lists_matching_actions_sorted() {
    let (exit, stdout, _) = policy(&["expand", "s3:Get*"]);
    assert_eq!(exit, Exit::Clean);
    let names: Vec<&str> = stdout.lines().collect();
    assert!(names.len() > 50, "{}", names.len());
    assert!(
        names.iter().all(|name| name.starts_with("s3:Get")),
        "{stdout}"
    );
    assert!(names.windows(2).all(|pair| pair[0] < pair[1]), "sorted");
    assert!(names.contains(&"s3:GetObject"));
    let (_, stdout, _) = policy(&["expand", "bedrock:*Evaluation*"]);
    assert!(
        stdout
            .lines()
            .any(|name| name == "bedrock:CreateEvaluationJob"),
        "{stdout}"
    );
    assert!(stdout
        .lines()
        .all(|name| name.starts_with("bedrock:") && name.contains("Evaluation")));
}

#[test]
fn search_finds_names_containing_text() {
    let (exit, stdout, _) = policy(&["catalog", "search", "evaluationjob"]);
    assert_eq!(exit, Exit::Clean);
    assert!(
        stdout
            .lines()
            .any(|line| line == "action   bedrock:CreateEvaluationJob"),
        "{stdout}"
    );
    let (_, stdout, _) = policy(&["catalog", "search", "SourceArn"]);
    assert!(
        stdout
            .lines()
            .any(|line| line.starts_with("key      aws:SourceArn")),
        "{stdout}"
    );
}
