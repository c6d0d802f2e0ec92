#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        #![kind = resource]
        allow [s3:GetObject] for aws "AROA5JZQX7TKW4NMR2HXB" on "arn:aws:s3:::acme-reports/*";
    };
}
