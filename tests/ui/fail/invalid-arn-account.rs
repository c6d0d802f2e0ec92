use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow [dynamodb:GetItem] on "arn:aws:dynamodb:us-east-1:8034-5612-9837:table/orders";
    };
}
