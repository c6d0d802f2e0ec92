#![deny(deprecated)]
// A `{..}` filled at run time is checked with `*` in its place, but that `*` is no wildcard the
// user wrote: no `pass-role-wildcard`, `wildcard-without-like-operator` or
// `github-sub-not-scoped` or `invalid-region` warning comes from it (each would be an error under `deny`).
use typed_iam::policy;

fn main() {
    let account = "803456129837";
    let role = "EvalRole";
    let repository = "acme/reports";
    let region = "eu-west-1";
    let _ = policy! {
        allow [iam:PassRole] on "arn:aws:iam::{account}:role/{role}" when {
            StringEquals aws:ResourceAccount: "{account}",
            StringEquals aws:RequestedRegion: ["{region}", "us-{region}"],
        };
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
