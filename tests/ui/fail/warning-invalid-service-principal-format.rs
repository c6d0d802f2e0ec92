#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        allow [iam:PassRole] on "arn:aws:iam::803456129837:role/reports" when {
            StringEquals iam:PassedToService: "lambda",
        };
    };
}
