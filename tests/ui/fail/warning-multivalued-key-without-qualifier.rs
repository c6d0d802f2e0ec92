#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        allow [ec2:CreateTags] on * when {
            StringEquals aws:TagKeys: ["env", "team"],
        };
    };
}
