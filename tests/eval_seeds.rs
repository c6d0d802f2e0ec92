//! Policy tests of the seeds' roles, written with the seeds' own documents (`policy!` values of
//! `examples/common/seed_documents.rs`): what the Bedrock model-customization service role and
//! the SageMaker training-job execution role allow, and what they must not allow. Each test is
//! one line per request: `assert!(decision.is_allowed(), "{decision}")` prints the explanation
//! (deciding statements, layers without an Allow, the trace) when it fails.
#![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]

#[allow(dead_code, reason = "the statement fragments are not used here")]
#[path = "../examples/common/seed_documents.rs"]
mod seed_documents;

use seed_documents::Document;
use typed_iam::catalog::{s3, sts};
use typed_iam::eval::{Outcome, PolicySet, Request};
use typed_iam::Policy;

fn seed(name: &str) -> Policy {
    seed_documents::all()
        .into_iter()
        .find_map(|(found, document)| match document {
            Document::Policy(policy) if found == name => Some(policy),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no seed policy {name}"))
}

const CUSTOMIZATION_ROLE: &str = "arn:aws:iam::111122223333:role/BedrockModelCustomization";
const CUSTOMIZATION_SESSION: &str =
    "arn:aws:sts::111122223333:assumed-role/BedrockModelCustomization/job-7";

/// The trust policy (`001_00`) lets Bedrock assume the role only for a model-customization
/// job of the account (`aws:SourceAccount`, `aws:SourceArn`: the confused-deputy guard).
#[test]
fn bedrock_assumes_the_customization_role_only_for_its_jobs() {
    let trust = seed("001_00");
    let set = PolicySet::new().resource(&trust);
    let assume = |principal: &str| {
        Request::new(sts::Action::AssumeRole, CUSTOMIZATION_ROLE)
            .unwrap()
            .principal(principal)
            .unwrap()
    };
    let job = assume("bedrock.amazonaws.com")
        .context("aws:SourceAccount", "account-id")
        .unwrap()
        .context(
            "aws:SourceArn",
            "arn:aws:bedrock:us-east-1:account-id:model-customization-job/job-7",
        )
        .unwrap();
    let decision = set.evaluate(&job);
    assert!(decision.is_allowed(), "{decision}");

    // Without the confused-deputy keys, from another region, or by another service: denied.
    let no_source = assume("bedrock.amazonaws.com");
    let decision = set.evaluate(&no_source);
    assert_eq!(decision.outcome(), Outcome::ImplicitDeny, "{decision}");
    let other_region = assume("bedrock.amazonaws.com")
        .context("aws:SourceAccount", "account-id")
        .unwrap()
        .context(
            "aws:SourceArn",
            "arn:aws:bedrock:us-west-2:account-id:model-customization-job/job-7",
        )
        .unwrap();
    assert!(set.evaluate(&other_region).is_denied());
    let evaluation_job = assume("bedrock.amazonaws.com")
        .context("aws:SourceAccount", "account-id")
        .unwrap()
        .context(
            "aws:SourceArn",
            "arn:aws:bedrock:us-east-1:account-id:evaluation-job/e-1",
        )
        .unwrap();
    assert!(set.evaluate(&evaluation_job).is_denied());
    let sagemaker = assume("sagemaker.amazonaws.com");
    assert!(set.evaluate(&sagemaker).is_denied());
    // A user of the account is not named by the trust policy: an identity Allow is not enough.
    let admin = Policy::from_json(r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#).unwrap();
    let user = assume("arn:aws:iam::111122223333:user/admin");
    let decision = PolicySet::new()
        .identity(&admin)
        .resource(&trust)
        .evaluate(&user);
    assert!(decision.is_denied(), "{decision}");
}

/// The role's permissions (`001_01`): read the training and validation data, write the output.
#[test]
fn the_customization_role_reads_its_data_and_writes_its_output_only() {
    let permissions = seed("001_01");
    let set = PolicySet::new().identity(&permissions);
    let can = |action: s3::Action, resource: &str| {
        let request = Request::new(action, resource)
            .unwrap()
            .principal(CUSTOMIZATION_SESSION)
            .unwrap();
        set.evaluate(&request).outcome()
    };
    use Outcome::{Allow, ImplicitDeny};
    assert_eq!(
        can(
            s3::Action::GetObject,
            "arn:aws:s3:::training-bucket/data.jsonl"
        ),
        Allow
    );
    assert_eq!(
        can(s3::Action::ListBucket, "arn:aws:s3:::validation-bucket"),
        Allow
    );
    assert_eq!(
        can(
            s3::Action::GetObject,
            "arn:aws:s3:::output-bucket/metrics.json"
        ),
        Allow
    );
    assert_eq!(
        can(
            s3::Action::PutObject,
            "arn:aws:s3:::output-bucket/model/weights"
        ),
        Allow
    );
    // Must not: write the training data, delete output, read other buckets, list all buckets.
    assert_eq!(
        can(
            s3::Action::PutObject,
            "arn:aws:s3:::training-bucket/data.jsonl"
        ),
        ImplicitDeny
    );
    assert_eq!(
        can(
            s3::Action::DeleteObject,
            "arn:aws:s3:::output-bucket/model/weights"
        ),
        ImplicitDeny
    );
    assert_eq!(
        can(
            s3::Action::GetObject,
            "arn:aws:s3:::training-bucket-2/data.jsonl"
        ),
        ImplicitDeny
    );
    assert_eq!(can(s3::Action::ListAllMyBuckets, "*"), ImplicitDeny);
    assert_eq!(
        can(
            s3::Action::GetObject,
            "arn:aws:s3:::Training-Bucket/data.jsonl"
        ),
        ImplicitDeny
    );
}

const TRAINING_SESSION: &str = "arn:aws:sts::111122223333:assumed-role/SageMakerTraining/job-1";

/// The SageMaker execution role: only SageMaker assumes it (`004_01`).
#[test]
fn only_sagemaker_assumes_the_execution_role() {
    let trust = seed("004_01");
    let set = PolicySet::new().resource(&trust);
    for (principal, allowed) in [
        ("sagemaker.amazonaws.com", true),
        ("bedrock.amazonaws.com", false),
        ("anonymous", false),
        ("arn:aws:iam::111122223333:user/ana", false),
    ] {
        let request = Request::new(
            sts::Action::AssumeRole,
            "arn:aws:iam::111122223333:role/SageMakerTraining",
        )
        .unwrap()
        .principal(principal)
        .unwrap();
        let decision = set.evaluate(&request);
        assert_eq!(decision.is_allowed(), allowed, "{principal}: {decision}");
    }
}

/// The scoped training-job role (`004_13`): its logs, its input object, its output path.
#[test]
fn the_scoped_training_role_reaches_its_input_and_output_only() {
    let role = seed("004_13");
    let set = PolicySet::new().identity(&role);
    let decide = |action: &str, resource: &str| {
        let request = Request::new(action, resource)
            .unwrap()
            .principal(TRAINING_SESSION)
            .unwrap();
        let decision = set.evaluate(&request);
        (decision.outcome(), decision.to_string())
    };
    for (action, resource) in [
        ("s3:GetObject", "arn:aws:s3:::inputbucket/object"),
        ("s3:PutObject", "arn:aws:s3:::outputbucket/path"),
        ("s3:ListBucket", "arn:aws:s3:::inputbucket"),
        ("logs:PutLogEvents", "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TrainingJobs:log-stream:job-1"),
        ("ecr:GetAuthorizationToken", "*"),
        ("cloudwatch:PutMetricData", "*"),
    ] {
        let (outcome, explanation) = decide(action, resource);
        assert_eq!(outcome, Outcome::Allow, "{explanation}");
    }
    for (action, resource) in [
        ("s3:GetObject", "arn:aws:s3:::inputbucket/other-object"),
        ("s3:PutObject", "arn:aws:s3:::outputbucket/path/deeper"),
        ("s3:DeleteObject", "arn:aws:s3:::inputbucket/object"),
        ("s3:ListBucket", "arn:aws:s3:::outputbucket"),
        ("iam:PassRole", "arn:aws:iam::111122223333:role/Admin"),
        (
            "ecr:BatchGetImage",
            "arn:aws:ecr:us-east-1:111122223333:repository/other-repo",
        ),
        (
            "sagemaker:CreateTrainingJob",
            "arn:aws:sagemaker:us-east-1:111122223333:training-job/x",
        ),
    ] {
        let (outcome, explanation) = decide(action, resource);
        assert_eq!(outcome, Outcome::ImplicitDeny, "{explanation}");
    }
}

/// The broad job role (`004_12`) with an SCP that keeps the account in one region: the
/// explanation names the SCP statement that denied.
#[test]
fn an_scp_region_guard_denies_the_job_role_outside_its_region() {
    let role = seed("004_12");
    let scp = Policy::from_json(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Sid": "OnlyEuWest1", "Effect": "Deny", "Action": "*", "Resource": "*",
             "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}"#,
    )
    .unwrap();
    let set = PolicySet::new().identity(&role).scp_level([&scp]);
    let request = |region: &str| {
        Request::new(s3::Action::GetObject, "arn:aws:s3:::any-bucket/k")
            .unwrap()
            .principal(TRAINING_SESSION)
            .unwrap()
            .context("aws:RequestedRegion", region)
            .unwrap()
    };
    let inside = request("eu-west-1");
    let decision = set.evaluate(&inside);
    assert!(decision.is_allowed(), "{decision}");
    let outside = request("us-east-1");
    let decision = set.evaluate(&outside);
    assert_eq!(decision.outcome(), Outcome::ExplicitDeny, "{decision}");
    assert_eq!(decision.deciding()[0].sid(), Some("OnlyEuWest1"));
    assert!(
        decision
            .to_string()
            .contains("Deny \"OnlyEuWest1\" (SCPs at organization level 0"),
        "{decision}"
    );
}
