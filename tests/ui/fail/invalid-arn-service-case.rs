use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow [dynamodb:GetItem] on "arn:aws:DynamoDB:us-east-1:803456129837:table/orders";
    };
}
