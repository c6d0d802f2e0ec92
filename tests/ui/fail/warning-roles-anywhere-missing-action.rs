#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        #![kind = trust]
        allow [sts:AssumeRole, sts:TagSession] for service "rolesanywhere.amazonaws.com";
    };
}
