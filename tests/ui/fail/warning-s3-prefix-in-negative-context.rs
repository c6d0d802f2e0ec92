#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        deny [s3:ListBucket] on "arn:aws:s3:::acme-reports" when {
            StringLike s3:prefix: "private/*",
        };
    };
}
