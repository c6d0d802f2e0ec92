//! Writes the IAM policies of a Bedrock model evaluation setup as JSON files, for Terraform, CDK
//! or CloudFormation to pick up.
//!
//! Every policy is written with `typed_iam::policy!`, so a typo in an action, a condition key or
//! an ARN fails this build script's compilation. Values that differ per deployment come from
//! environment variables (read at build time, declared with `cargo:rerun-if-env-changed`):
//!
//! | variable         | used by                                   | default                                  |
//! |------------------|-------------------------------------------|------------------------------------------|
//! | `POLICY_OUT_DIR` | where the files go                        | `$OUT_DIR/policies`                      |
//! | `EVAL_ACCOUNT`   | every policy                              | `111122223333`                           |
//! | `EVAL_REGION`    | the role, its trust policy, the user      | `us-east-1`                              |
//! | `EVAL_BUCKET`    | the role and the bucket policy            | `example-eval-datasets`                  |
//! | `EVAL_MODEL`     | the role (the model it may evaluate)      | `anthropic.claude-3-haiku-20240307-v1:0` |
//!
//! Each file is written with `typed_iam::model::build::write_json`, which leaves a file alone when
//! its bytes would not change: changing `EVAL_MODEL` rewrites only `evaluation-role.json`.

use std::env;
use std::error::Error;
use std::path::PathBuf;

use typed_iam::model::build::write_json;
use typed_iam::{validate, Context};
use typed_iam::Policy;
use typed_iam::policy;

/// An input of the build script: an environment variable with a default.
fn input(name: &str, default: &str) -> String {
    println!("cargo:rerun-if-env-changed={name}");
    env::var(name).unwrap_or_else(|_| default.to_owned())
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=build.rs");

    // A relative POLICY_OUT_DIR is taken from the crate's directory (where this script runs);
    // `write_json` creates the folder.
    println!("cargo:rerun-if-env-changed=POLICY_OUT_DIR");
    let dir = match env::var_os("POLICY_OUT_DIR") {
        Some(dir) => env::current_dir()?.join(dir),
        None => PathBuf::from(env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?).join("policies"),
    };

    let account = input("EVAL_ACCOUNT", "111122223333");
    let region = input("EVAL_REGION", "us-east-1");
    let bucket = input("EVAL_BUCKET", "example-eval-datasets");
    let model = input("EVAL_MODEL", "anthropic.claude-3-haiku-20240307-v1:0");

    let policies = [
        (
            "evaluation-role",
            evaluation_role(&account, &region, &bucket, &model),
        ),
        ("evaluation-trust", evaluation_trust(&account, &region)),
        ("evaluation-user", evaluation_user(&account, &region)),
        ("datasets-bucket", datasets_bucket(&account, &bucket)),
    ];

    for (name, policy) in &policies {
        // The static parts were checked at compile time; check again with the values filled in.
        let errors: Vec<String> = validate(policy, &Context::infer(policy))
            .into_iter()
            .filter(|diagnostic| diagnostic.is_error())
            .map(|diagnostic| diagnostic.to_string())
            .collect();
        if !errors.is_empty() {
            return Err(format!("policy `{name}` is invalid:\n{}", errors.join("\n")).into());
        }
        write_json(dir.join(format!("{name}.json")), policy)?;
    }

    // `src/main.rs` reports where the files are.
    println!("cargo:rustc-env=POLICY_DIR={}", dir.display());
    Ok(())
}

/// The service role that a Bedrock model evaluation job runs as: read the prompt datasets, write
/// the results, invoke the model under evaluation.
fn evaluation_role(account: &str, region: &str, bucket: &str, model: &str) -> Policy {
    policy! {
        "ReadDatasets": allow [s3:GetObject, s3:ListBucket] on [
            "arn:aws:s3:::{bucket}",
            "arn:aws:s3:::{bucket}/datasets/*",
        ] when {
            StringEquals aws:ResourceAccount: "{account}",
        };
        "WriteResults": allow [s3:PutObject, s3:GetBucketLocation] on [
            "arn:aws:s3:::{bucket}",
            "arn:aws:s3:::{bucket}/results/*",
        ];
        "InvokeEvaluatedModel": allow [bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream]
            on "arn:aws:bedrock:{region}::foundation-model/{model}";
    }
}

/// Who may assume the evaluation role: Bedrock, for evaluation jobs of this account only.
fn evaluation_trust(account: &str, region: &str) -> Policy {
    policy! {
        allow [sts:AssumeRole] for service "bedrock.amazonaws.com" when {
            StringEquals aws:SourceAccount: "{account}",
            ArnEquals aws:SourceArn: "arn:aws:bedrock:{region}:{account}:evaluation-job/*",
        };
    }
}

/// What a person who starts evaluation jobs needs: the Bedrock console actions and passing the
/// evaluation role to Bedrock, nothing else.
fn evaluation_user(account: &str, region: &str) -> Policy {
    policy! {
        "EvaluationJobs": allow [
            bedrock:CreateEvaluationJob,
            bedrock:GetEvaluationJob,
            bedrock:ListEvaluationJobs,
            bedrock:StopEvaluationJob,
            bedrock:ListFoundationModels,
        ] on *;
        "PassEvaluationRole": allow [iam:PassRole]
            on "arn:aws:iam::{account}:role/BedrockEvaluation-*" when {
                StringEquals iam:PassedToService: "bedrock.amazonaws.com",
                StringEquals aws:RequestedRegion: "{region}",
            };
    }
}

/// The datasets bucket's resource policy: TLS only, and nobody outside the account.
fn datasets_bucket(account: &str, bucket: &str) -> Policy {
    policy! {
        "DenyInsecureTransport": deny [s3:*] for * on [
            "arn:aws:s3:::{bucket}",
            "arn:aws:s3:::{bucket}/*",
        ] when {
            Bool aws:SecureTransport: false,
        };
        "DenyOtherAccounts": deny [s3:*] for * on [
            "arn:aws:s3:::{bucket}",
            "arn:aws:s3:::{bucket}/*",
        ] when {
            StringNotEquals aws:PrincipalAccount: "{account}",
        };
    }
}
