#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        #![kind = trust]
        allow sts:AssumeRoleWithWebIdentity
            for federated "arn:aws:iam::803456129837:oidc-provider/token.actions.githubusercontent.com"
            when {
                ForAnyValue:StringEquals "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                StringEquals "token.actions.githubusercontent.com:sub": "repo:acme/reports:ref:refs/heads/main",
            };
    };
}
