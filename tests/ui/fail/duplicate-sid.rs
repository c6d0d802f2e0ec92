use typed_iam::policy;

fn main() {
    let _ = policy! {
        "ReadObjects": allow [s3:GetObject] on *;
        "ReadObjects": allow [s3:ListBucket] on *;
    };
}
