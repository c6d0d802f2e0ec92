//! `{name}` inside strings and `{expr}` in value position are filled at run time.
#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use serde_json::{json, Value};
use typed_iam::{policy, statement};

fn value(json: &str) -> Value {
    serde_json::from_str(json).unwrap()
}

#[test]
fn bucket_and_account_from_rust_variables() {
    let bucket = "training-bucket";
    let account = String::from("123456789012");
    let policy = policy! {
        "Read": allow [s3:GetObject, s3:ListBucket] on [
            "arn:aws:s3:::{bucket}", "arn:aws:s3:::{bucket}/*",
        ];
        "PassRole": allow [iam:PassRole] on "arn:aws:iam::{account}:role/EvalRole" when {
            StringEquals iam:PassedToService: "bedrock.amazonaws.com",
            StringEquals aws:ResourceAccount: "{account}",
        };
    };
    assert_eq!(
        value(&policy.to_json()),
        json!({
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "Read",
                    "Effect": "Allow",
                    "Action": ["s3:GetObject", "s3:ListBucket"],
                    "Resource": ["arn:aws:s3:::training-bucket", "arn:aws:s3:::training-bucket/*"]
                },
                {
                    "Sid": "PassRole",
                    "Effect": "Allow",
                    "Action": ["iam:PassRole"],
                    "Resource": "arn:aws:iam::123456789012:role/EvalRole",
                    "Condition": {
                        "StringEquals": {
                            "iam:PassedToService": "bedrock.amazonaws.com",
                            "aws:ResourceAccount": "123456789012"
                        }
                    }
                }
            ]
        })
    );
}

#[test]
fn expressions_escapes_and_policy_variables() {
    struct Config {
        account: u64,
        max_age: u32,
    }
    let config = Config {
        account: 123456789012,
        max_age: 3600,
    };
    let source = format!(
        "arn:aws:bedrock:us-east-1:{}:model-customization-job/*",
        config.account
    );
    let policy = policy! {
        allow sts:AssumeRole for service "bedrock.amazonaws.com", aws "{config.account}" when {
            ArnEquals aws:SourceArn: {source.as_str()},
            NumericLessThan aws:MultiFactorAuthAge: {config.max_age},
            Bool aws:SecureTransport: {true},
        };
    };
    assert_eq!(
        value(&policy.to_json()),
        json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": {"Service": "bedrock.amazonaws.com", "AWS": "123456789012"},
                "Action": "sts:AssumeRole",
                "Condition": {
                    "ArnEquals": {"aws:SourceArn": source},
                    "NumericLessThan": {"aws:MultiFactorAuthAge": 3600},
                    "Bool": {"aws:SecureTransport": true}
                }
            }]
        })
    );

    let user_home = statement! {
        allow [s3:GetObject] on ["arn:aws:s3:::{{braces}}/home/${aws:username}/*"]
    };
    assert_eq!(
        value(&user_home.to_json()),
        json!({
            "Effect": "Allow",
            "Action": ["s3:GetObject"],
            "Resource": ["arn:aws:s3:::{braces}/home/${aws:username}/*"]
        })
    );
}

#[test]
fn resources_from_expressions() {
    let arns = ["arn:aws:s3:::a", "arn:aws:s3:::b"];
    let policy = policy! {
        allow [s3:ListBucket] on [{arns[0]}, {arns[1]}];
    };
    let json = value(&policy.to_json());
    assert_eq!(json["Statement"][0]["Resource"], json!(arns));
}

#[test]
fn policy_json_is_made_at_compile_time_and_equals_the_run_time_json() {
    const TRUST: &str = typed_iam::policy_json! {
        allow sts:AssumeRole for service "sagemaker.amazonaws.com";
    };
    let trust = policy! {
        allow sts:AssumeRole for service "sagemaker.amazonaws.com";
    };
    assert_eq!(TRUST, trust.to_json_pretty());
}

#[test]
fn interpolated_principals_and_condition_values_are_not_misread_as_wildcards() {
    let (account, region, octet) = ("123456789012", "us-east-1", 7);
    let trust = policy! {
        allow sts:AssumeRole for aws "arn:aws:iam::{account}:role/Deployer", service "{region}.amazonaws.com" when {
            IpAddress aws:SourceIp: "10.0.{octet}.0/24",
        };
    };
    let json = value(&trust.to_json());
    let statement = &json["Statement"][0];
    assert_eq!(
        statement["Principal"]["AWS"],
        json!("arn:aws:iam::123456789012:role/Deployer")
    );
    assert_eq!(
        statement["Principal"]["Service"],
        json!("us-east-1.amazonaws.com")
    );
    assert_eq!(
        statement["Condition"]["IpAddress"]["aws:SourceIp"],
        json!("10.0.7.0/24")
    );
}

#[test]
fn one_statement_written_as_an_object() {
    let policy = policy! {
        #![statement = object]
        #![version = none]
        #![allow(missing_version)]
        allow sts:AssumeRole for service "ec2.amazonaws.com";
    };
    assert_eq!(
        value(&policy.to_json()),
        json!({
            "Statement": {
                "Effect": "Allow",
                "Principal": {"Service": "ec2.amazonaws.com"},
                "Action": "sts:AssumeRole"
            }
        })
    );
}
