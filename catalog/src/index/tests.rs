//! Tests of the index.

use super::*;

#[test]
fn wildcards() {
    assert!(wildcard_match("*", ""));
    assert!(wildcard_match("*", "anything"));
    assert!(wildcard_match("s3:*", "s3:GetObject"));
    assert!(wildcard_match("*Object", "GetObject"));
    assert!(wildcard_match("G*t*", "GetObject"));
    assert!(!wildcard_match("G*x*", "GetObject"));
    assert!(wildcard_match("?etObject", "getobject"));
    assert!(!wildcard_match("?", ""));
    assert!(!wildcard_match("GetObject", "GetObjects"));
    assert!(wildcard_match("a*b*c", "aXbYbZc"));
    assert!(wildcard_match("é?", "éü"));
}

#[test]
fn templates() {
    assert!(template_match(
        "aws:RequestTag/${TagKey}",
        "aws:requesttag/team"
    ));
    assert!(!template_match(
        "aws:RequestTag/${TagKey}",
        "aws:RequestTag/"
    ));
    assert!(template_match(
        "s3:ExistingObjectTag/<key>",
        "s3:ExistingObjectTag/env"
    ));
    assert!(template_match(
        "codebuild:secondarySources/${sourceIdentifier}.location",
        "codebuild:secondarySources/src1.location"
    ));
    assert_eq!(
        literal_len("aws:RequestTag/${TagKey}"),
        "aws:RequestTag/".len()
    );
}

#[test]
fn arn_segments() {
    let bucket = "arn:${Partition}:s3:::${BucketName}";
    let object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
    assert!(arn_matches("arn:aws:s3:::my-bucket", bucket));
    assert!(!arn_matches("arn:aws:s3:::my-bucket/*", bucket));
    assert!(arn_matches("arn:aws:s3:::my-bucket/a/b/c.txt", object));
    assert!(arn_matches("arn:aws:s3:::*", object));
    assert!(arn_matches("arn:aws:s3:::*", bucket));
    assert!(arn_matches("arn:aws:s3:*:*:my-bucket", bucket));
    assert!(arn_matches("*", object));
    assert!(arn_matches("arn:aws:s3:::${aws:username}-bucket/*", object));
    assert!(!arn_matches("arn:aws:s3:::my-bucket", object));
    let role = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}";
    assert!(arn_matches(
        "arn:aws:iam::123456789012:role/service-role/Admin",
        role
    ));
    assert!(arn_matches("arn:aws:iam::aws:role/x", role));
    assert!(!arn_matches("arn:aws:iam:::role/x", role));
    assert!(!arn_matches("arn:aws:iam::123456789012:user/x", role));
    let job = "arn:${Partition}:bedrock:${Region}:${Account}:model-customization-job/${JobName}";
    assert!(arn_matches(
        "arn:aws:bedrock:us-east-1:123456789012:model-customization-job/*",
        job
    ));
    assert!(!arn_matches(
        "arn:aws:bedrock::123456789012:model-customization-job/x",
        job
    ));
    assert!(!arn_matches(
        "arn:aws:bedrock:us-east-1:123456789012:custom-model/x",
        job
    ));
    assert!(arn_matches("arn:aws:bedrock:*:*:*", job));
}

#[test]
fn wildcards_stay_in_their_field() {
    let key = "arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}";
    // A trailing `*` does not stretch back over empty region and account fields.
    assert!(!arn_matches("arn:*:kms:*:::*", key));
    assert!(!arn_matches("arn:aws:kms:::*", key));
    assert!(!arn_matches("arn:aws:kms:*::*", key));
    assert!(!arn_matches("arn:aws:kms::*:*", key));
    assert!(!arn_matches("arn:aws:kms:us-east-1::key/*", key));
    // A `*` in the region or account covers that field only.
    assert!(arn_matches("arn:aws:kms:*:*:*", key));
    assert!(arn_matches("arn:*:kms:*:*:key/*", key));
    assert!(arn_matches("arn:aws:kms:us-*:1234*:key/abc", key));
    assert!(!arn_matches("arn:aws:kms:*:*:alias/*", key));
    // ... and matches an empty field of the format.
    let bucket = "arn:${Partition}:s3:::${BucketName}";
    assert!(arn_matches("arn:aws:s3:*:*:my-bucket", bucket));
    assert!(!arn_matches("arn:aws:s3:us-east-1::my-bucket", bucket));
    // The resource part's `*` may still cross `:` and `/`.
    let log = "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}";
    assert!(arn_matches("arn:aws:logs:*:*:log-group:*", log));
    assert!(arn_matches("arn:aws:logs:*:*:*", log));
    assert!(!arn_matches("arn:aws:logs:*::log-group:*", log));
    // A variable's `:` does not split fields.
    let role = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}";
    assert!(arn_matches(
        "arn:aws:iam::${aws:PrincipalAccount}:role/x",
        role
    ));
    assert!(!arn_matches(
        "arn:aws:iam::${aws:PrincipalAccount}:user/x",
        role
    ));
    // Fewer than six fields: the last one stands for the rest of the format.
    assert!(arn_matches("arn:aws:s3:*", bucket));
    assert!(arn_matches("arn:*", key));
    assert!(!arn_matches("arn:aws:ec2:*", key));
    // Case of literals is ignored; a service never matches another.
    assert!(arn_matches(
        "ARN:AWS:KMS:us-east-1:123456789012:KEY/abc",
        key
    ));
    assert!(!arn_matches("arn:aws:kms2:*:*:key/*", key));
}
