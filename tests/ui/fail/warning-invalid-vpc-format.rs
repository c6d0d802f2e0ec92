#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        allow [s3:GetObject] on "arn:aws:s3:::acme-reports/*" when {
            StringEquals aws:SourceVpce: "reports-endpoint",
        };
    };
}
