use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow [dynamodb:GetItem] on "arn:aws:dynamodb:us-east:803456129837:table/orders";
    };
}
