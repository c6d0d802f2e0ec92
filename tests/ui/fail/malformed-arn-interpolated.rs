use typed_iam::policy;

fn main() {
    let bucket = "training-bucket";
    let _ = policy! {
        allow [s3:GetObject] on "arn:aws:s3::{bucket}";
    };
}
