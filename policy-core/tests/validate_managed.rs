//! The validator over AWS's own managed policies (all accepted by AWS): no false errors.
//!
//! Every error found on these policies must be a true defect of the policy, listed in
//! [`TRUE_DEFECTS`] with its reason; anything else is a bug in a rule. The per-code counts are
//! printed (`cargo test -p typed-iam-core --test validate_managed -- --nocapture`).
#![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]

use std::collections::BTreeMap;
use std::path::PathBuf;

use typed_iam_core::{validate, Code, Context, Policy};

/// The errors that AWS's managed policies really have, by class: (code, text of the message
/// that identifies the class, why it is a true defect of the policy rather than a false error).
///
/// Every error found on the corpus must fall into one of these classes, and every class must
/// still be found (so the list cannot go stale).
const TRUE_DEFECTS: &[(Code, &str, &str)] = &[
    (Code::UnknownAction, "was retired by AWS", "the action was in an earlier snapshot of AWS's Service Authorization Reference and AWS has removed it (CodeStar, CloudWatch Evidently and IoT Events actions; with the older snapshots of `cargo xtask record-retired`, also DeepComposer, Elastic Inference, `qapps:ImportDocumentToQApp*`, `route53-recovery-control-config:DescribeRoutingControlByName`, `cloud9:ValidateEnvironmentName`): it grants nothing now"),
    (Code::UnknownService, "`codestar`", "AWS CodeStar was discontinued; its prefix is gone from the Service Authorization Reference"),
    (Code::UnknownService, "`evidently`", "Amazon CloudWatch Evidently was discontinued"),
    (Code::UnknownService, "`iotevents`", "AWS IoT Events reached end of support and left the reference"),
    (Code::UnknownService, "`deepracer`", "AWS DeepRacer's service prefix is no longer in the reference"),
    (Code::UnknownService, "`deeplens`", "AWS DeepLens reached end of life"),
    (Code::UnknownService, "`iot1click`", "AWS IoT 1-Click reached end of life"),
    (Code::UnknownService, "`iotroborunner`", "AWS IoT RoboRunner was discontinued"),
    (Code::UnknownService, "`mobilehub`", "AWS Mobile Hub was replaced by Amplify and left the reference"),
    (Code::UnknownService, "`zocalo`", "Amazon WorkDocs (`zocalo`) was discontinued"),
    (Code::UnknownService, "`builderid`", "an undocumented prefix: AWS's reference has no service `builderid`"),
    (Code::UnknownService, "`datazonecontrol`", "an undocumented prefix: AWS's reference has no service `datazonecontrol`"),
    (Code::UnknownService, "`sagemaker-groundtruth-synthetic`", "a service prefix an older snapshot of AWS's reference had (retired)"),
    (Code::UnknownAction, "in service `cloudhsm`", "CloudHSM Classic actions (`CreateLunaClient`, `DescribeHapg`, ...), retired with CloudHSM Classic"),
    (Code::UnknownAction, "in service `securityagent`", "actions missing from AWS's reference for the service"),
    (Code::UnknownAction, "in service `payments`", "actions missing from AWS's reference (one is named just `payments:Get`)"),
    (Code::UnknownAction, "in service `budgets`", "`budgets:CreateBudget` and friends are not actions of AWS Budgets' reference (it has `ModifyBudget`, `ViewBudget`)"),
    (Code::UnknownAction, "`CreateBuilderIdOwnedAccount` in service `organizations`", "an action missing from AWS's reference"),
    (Code::UnknownAction, "in service `memorydb`", "`ReplicateMultiRegionClusterData`: an action missing from AWS's reference"),
    (Code::UnknownConditionKey, "`deepracer:", "a condition key of the discontinued DeepRacer service"),
    (Code::UnknownConditionKey, "`aws:PrincipalOrgMasterAccountId`", "an undocumented global key (AWS documents `aws:PrincipalOrgID` and `aws:PrincipalOrgPaths`)"),
    (Code::UnknownConditionKey, "`lakeformation:GlueARN`", "an undocumented Lake Formation key"),
    (Code::MalformedArn, "`arn:aws:organizations::*:`", "an ARN with an empty resource part, which names no resource"),
];

/// How many managed policies have at least one error, all of them explained by [`TRUE_DEFECTS`].
const POLICIES_WITH_ERRORS: usize = 46;

fn managed() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/managed");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

#[test]
fn managed_policies_have_no_false_errors() {
    let policies = managed();
    assert_eq!(policies.len(), 1594);
    let mut per_code: BTreeMap<(bool, &'static str), usize> = BTreeMap::new();
    let mut unexpected = Vec::new();
    let mut with_error = 0;
    let mut used = vec![false; TRUE_DEFECTS.len()];
    for (name, text) in &policies {
        let policy = Policy::from_json(text).unwrap();
        let findings = validate(&policy, &Context::infer(&policy));
        let mut codes: Vec<_> = findings.iter().map(|d| (d.is_error(), d.code)).collect();
        codes.sort();
        codes.dedup();
        for &(error, code) in &codes {
            *per_code.entry((error, code.as_str())).or_default() += 1;
        }
        if findings.iter().any(|d| d.is_error()) {
            with_error += 1;
        }
        for d in findings.iter().filter(|d| d.is_error()) {
            match TRUE_DEFECTS
                .iter()
                .position(|&(code, text, _)| code == d.code && d.message.contains(text))
            {
                Some(class) => used[class] = true,
                None => unexpected.push(format!(
                    "{name}: [{}] {} (at {})",
                    d.code, d.message, d.location
                )),
            }
        }
    }
    println!("{with_error} of {} policies have an error", policies.len());
    for ((error, code), count) in &per_code {
        println!(
            "{:>7} {code:<30} {count}",
            if *error { "error" } else { "warning" }
        );
    }
    for line in &unexpected {
        println!("UNEXPECTED {line}");
    }
    assert!(
        unexpected.is_empty(),
        "{} unexpected errors",
        unexpected.len()
    );
    let unused: Vec<_> = TRUE_DEFECTS
        .iter()
        .zip(&used)
        .filter(|(_, was_used)| !**was_used)
        .map(|(class, _)| format!("{class:?}"))
        .collect();
    assert!(
        unused.is_empty(),
        "defect classes no longer found:\n{}",
        unused.join("\n")
    );
    assert_eq!(with_error, POLICIES_WITH_ERRORS);
}
