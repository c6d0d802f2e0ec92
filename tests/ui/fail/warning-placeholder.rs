#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        allow [kms:CreateGrant] on "arn:aws:kms:region:account-id:key/kms-key-id";
    };
}
