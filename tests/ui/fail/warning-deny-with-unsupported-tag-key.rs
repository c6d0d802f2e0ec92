#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        deny [ec2:TerminateInstances, ec2:DescribeInstances] on * when {
            StringEquals aws:ResourceTag/env: "prod",
        };
    };
}
