#![deny(deprecated)]
// A `{..}` filled at run time is checked with `*` in its place, but that `*` is no wildcard the
// user wrote: no `pass-role-wildcard`, `wildcard-without-like-operator`,
// `github-sub-not-scoped`, `invalid-region`, `invalid-vpc-format` or
// `invalid-service-principal-format` warning comes from it (each would be an error under `deny`).
use typed_iam::policy;

fn main() {
    let account = "803456129837";
    let role = "EvalRole";
    let repository = "acme/reports";
    let region = "eu-west-1";
    let service = "ecs-tasks.amazonaws.com";
    let vpc = "0123abcd";
    let _ = policy! {
        allow [iam:PassRole] on "arn:aws:iam::{account}:role/{role}" when {
            StringEquals aws:ResourceAccount: "{account}",
            StringEquals aws:RequestedRegion: ["{region}", "us-{region}"],
            StringEquals aws:SourceVpc: ["{vpc}", "vpc-{vpc}"],
            StringEquals aws:PrincipalServiceName: ["{service}", "{service}.amazonaws.com"],
        };
    };
    let _ = policy! {
        #![kind = trust]
        allow sts:AssumeRole for service "{service}";
    };
    let _ = policy! {
        #![kind = trust]
        allow sts:AssumeRoleWithWebIdentity
            for federated "arn:aws:iam::803456129837:oidc-provider/token.actions.githubusercontent.com"
            when {
                StringEquals "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                StringEquals "token.actions.githubusercontent.com:sub": "repo:{repository}:ref:refs/heads/main",
            };
    };
}
