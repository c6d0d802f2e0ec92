#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        #![kind = trust]
        allow sts:AssumeRole
            for aws ["arn:aws:iam::803456129837:role/reports", "arn:aws:sts::803456129837:assumed-role/reports/nightly"];
    };
}
