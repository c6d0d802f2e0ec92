use typed_iam::policy;

fn main() {
    // The static text around `{..}` is still checked: here the role ARN's `rol/`.
    let account = "123456789012";
    let _ = policy! {
        allow sts:AssumeRole for aws "arn:aws:iam::{account}:rol/Deployer";
    };
}
