#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        #![kind = resource]
        allow sns:Publish for service "s3.amazonaws.com" on "arn:aws:sns:us-east-1:803456129837:reports" when {
            StringEquals aws:SourceAccount: "803456129837",
            StringEquals aws:PrincipalOrgID: "o-7kq2m9x4rt",
        };
    };
}
