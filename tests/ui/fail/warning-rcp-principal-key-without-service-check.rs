#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        #![kind = rcp]
        deny [s3:*] for * on * when {
            StringNotEqualsIfExists aws:PrincipalOrgID: "o-a1b2c3d4e5",
        };
    };
}
