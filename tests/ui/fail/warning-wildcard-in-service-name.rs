#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        allow [codecommit:GitPull] on "arn:aws:*code*:us-east-1:803456129837:*";
    };
}
