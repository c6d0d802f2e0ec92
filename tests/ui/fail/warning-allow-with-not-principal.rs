#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        #![kind = resource]
        allow [s3:GetObject] for not aws "803456129837" on "arn:aws:s3:::acme-reports/*";
    };
}
