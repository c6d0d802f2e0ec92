#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        allow [kms:Decrypt] on "arn:aws:kms::803456129837:key/0f3c2a94-7d1e-4b6a-9c55-2e8d41a7b903";
    };
}
