#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // Warnings are shown without failing the build; `deny(deprecated)` makes them visible here.
    let _ = policy! {
        allow [dynamodb:GetItem] on "arn:aws:dynamodb:us-east-1:803456129837:table/reports" when {
            ForAllValues:StringEquals dynamodb:Attributes: ["id", "title"],
        };
    };
}
