#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        "ReadReports": allow [s3:GetObject] on "arn:aws:s3:::acme-reports/*";
        "ReadQuarterly": allow [s3:GetObject] on "arn:aws:s3:::acme-reports/quarterly/*";
    };
}
