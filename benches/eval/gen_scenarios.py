#!/usr/bin/env python3
"""Writes N random scenarios (the scenario format of policy_core::eval::scenario, one per line)
for the differential run against another engine and for `policy test` throughput.

Usage: gen_scenarios.py N SEED > scenarios.jsonl

Every scenario has identity policies and a request; some have a resource policy, a permissions
boundary, SCP levels or RCP levels. Policies draw from small pools of actions, resources,
principals and conditions on global keys, so that allows, explicit denies and implicit denies
all occur. No `expect`: the other engine's answers are written in by its runner.
"""
import json
import random
import sys

ACCOUNT, OTHER = "111111111111", "222222222222"
USER = f"arn:aws:iam::{ACCOUNT}:user/ana"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/Runner"
SESSION = f"arn:aws:sts::{ACCOUNT}:assumed-role/Runner/job-1"
OUTSIDER = f"arn:aws:iam::{OTHER}:user/eve"

REQUESTS = [
    ("s3:GetObject", "arn:aws:s3:::bucket-a/key1"),
    ("s3:GetObject", "arn:aws:s3:::bucket-b/dir/key2"),
    ("s3:PutObject", "arn:aws:s3:::bucket-a/key1"),
    ("s3:ListBucket", "arn:aws:s3:::bucket-a"),
    ("sqs:SendMessage", f"arn:aws:sqs:us-east-1:{ACCOUNT}:queue1"),
    ("dynamodb:GetItem", f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/t1"),
    ("ec2:DescribeInstances", "*"),
    ("iam:GetUser", f"arn:aws:iam::{ACCOUNT}:user/bob"),
    ("lambda:InvokeFunction", f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:f1"),
]
ACTIONS = ["s3:GetObject", "s3:Get*", "s3:*", "*", "sqs:*", "dynamodb:Get*", "ec2:Describe*",
           "iam:*", "s3:PutObject", "lambda:Invoke*", "s3:List*", "sqs:SendMessage"]
RESOURCES = ["*", "arn:aws:s3:::bucket-a/*", "arn:aws:s3:::bucket-*", f"arn:aws:sqs:*:{ACCOUNT}:*",
             "arn:aws:dynamodb:us-east-1:*:table/t1", "arn:aws:s3:::bucket-b/*",
             "arn:aws:s3:::bucket-a", f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:*",
             "arn:aws:s3:::${aws:username}/*", f"arn:aws:iam::{ACCOUNT}:user/*"]
PRINCIPALS = ["*", {"AWS": ACCOUNT}, {"AWS": USER}, {"AWS": ROLE}, {"AWS": SESSION},
              {"AWS": f"arn:aws:iam::{OTHER}:root"}, {"AWS": OUTSIDER}, {"AWS": [USER, ROLE]}]
CONDITIONS = [
    {"StringEquals": {"aws:PrincipalTag/team": "ml"}},
    {"StringNotEquals": {"aws:PrincipalTag/team": ["web", "ops"]}},
    {"StringEqualsIfExists": {"aws:PrincipalTag/team": "ml"}},
    {"StringLike": {"aws:PrincipalTag/team": "m*"}},
    {"StringEqualsIgnoreCase": {"aws:PrincipalTag/team": "ML"}},
    {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.1.0/24"]}},
    {"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}},
    {"Bool": {"aws:SecureTransport": "false"}},
    {"BoolIfExists": {"aws:SecureTransport": "true"}},
    {"StringEquals": {"aws:RequestedRegion": "us-east-1"}},
    {"StringNotEqualsIfExists": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}},
    {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}},
    {"ForAnyValue:StringEquals": {"aws:TagKeys": ["team", "env"]}},
    {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}},
    {"ForAnyValue:StringLike": {"aws:TagKeys": "te*"}},
    {"ForAllValues:StringNotEquals": {"aws:TagKeys": "owner"}},
    {"DateLessThan": {"aws:CurrentTime": "2026-12-31T00:00:00Z"}},
    {"DateGreaterThan": {"aws:CurrentTime": "2026-06-01T00:00:00Z"}},
    {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}},
    {"NumericGreaterThanEquals": {"aws:MultiFactorAuthAge": "100"}},
    {"Null": {"aws:MultiFactorAuthAge": "true"}},
    {"Null": {"aws:PrincipalTag/team": "false"}},
    {"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:role/*"}},
    {"ArnNotEquals": {"aws:PrincipalArn": USER}},
    {"StringEquals": {"aws:PrincipalTag/team": "${aws:username}"}},
    {"StringEquals": {"aws:PrincipalAccount": ACCOUNT}, "Bool": {"aws:SecureTransport": "true"}},
]


def statement(rng, with_principal):
    s = {"Effect": rng.choice(["Allow", "Allow", "Deny"])}
    if with_principal:
        s["Principal"] = rng.choice(PRINCIPALS)
    actions = rng.sample(ACTIONS, rng.randint(1, 3))
    s["NotAction" if rng.random() < 0.1 else "Action"] = actions
    resources = rng.sample(RESOURCES, rng.randint(1, 2))
    s["NotResource" if rng.random() < 0.08 else "Resource"] = resources
    if rng.random() < 0.45:
        s["Condition"] = rng.choice(CONDITIONS)
    return s


def policy(rng, with_principal=False, allow_all=False, deny_only=False):
    statements = [statement(rng, with_principal) for _ in range(rng.randint(1, 3))]
    if deny_only:
        # What AWS accepts in an RCP: Deny statements naming Principal "*", no `*` action, no
        # NotAction.
        for s in statements:
            s["Effect"] = "Deny"
            s["Principal"] = "*"
            actions = [a for a in s.pop("NotAction", s.pop("Action", [])) if a != "*"]
            s["Action"] = actions or ["s3:*"]
    if allow_all:
        all_ = {"Effect": "Allow", "Action": "*", "Resource": "*"}
        if with_principal:
            all_["Principal"] = "*"
        statements.insert(0, all_)
    return {"Version": "2012-10-17", "Statement": statements}


def context(rng, principal):
    c = {}
    if rng.random() < 0.5:
        c["aws:PrincipalTag/team"] = rng.choice(["ml", "web", "ML", "ops"])
    if rng.random() < 0.5:
        c["aws:SourceIp"] = rng.choice(["10.1.2.3", "192.168.1.7", "203.0.113.9"])
    if rng.random() < 0.6:
        c["aws:SecureTransport"] = rng.choice(["true", "false"])
    if rng.random() < 0.5:
        c["aws:RequestedRegion"] = rng.choice(["us-east-1", "eu-west-1", "ap-south-1"])
    if rng.random() < 0.3:
        c["aws:PrincipalOrgID"] = rng.choice(["o-abc123", "o-zzz999"])
    if rng.random() < 0.4:
        c["aws:TagKeys"] = rng.sample(["team", "env", "owner"], rng.randint(0, 3))
    if rng.random() < 0.4:
        c["aws:CurrentTime"] = rng.choice(["2026-12-05T12:00:00Z", "2027-01-02T00:00:00Z", "2026-01-01T00:00:00Z"])
    if rng.random() < 0.3:
        c["aws:MultiFactorAuthAge"] = rng.choice(["50", "600", "7200"])
    if rng.random() < 0.4:
        c["aws:username"] = rng.choice(["ana", "bucket-a"])
    if rng.random() < 0.5:
        c["aws:PrincipalArn"] = ROLE if principal == SESSION else principal
    if rng.random() < 0.3:
        c["aws:PrincipalAccount"] = principal.split(":")[4]
    return c


def scenario(rng, index):
    principal = rng.choice([USER, USER, SESSION, SESSION, OUTSIDER])
    action, resource = rng.choice(REQUESTS)
    s = {"name": f"generated {index}"}
    s["identity"] = [policy(rng) for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.5:
        s["resource"] = policy(rng, with_principal=True)
    if rng.random() < 0.2:
        s["boundary"] = [policy(rng)]
    if rng.random() < 0.3:
        s["scp"] = [[policy(rng, allow_all=rng.random() < 0.7)] for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.15:
        # The other engine adds AWS's default RCPFullAWSAccess to every level; ours adds
        # nothing, so the scenario writes it out.
        s["rcp"] = [[policy(rng, with_principal=True, allow_all=True, deny_only=True)]]
    s["request"] = {"principal": principal, "action": action, "resource": resource,
                    "resource_account": ACCOUNT, "context": context(rng, principal)}
    return s


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    out = sys.stdout
    for index in range(count):
        out.write(json.dumps(scenario(rng, index), separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
