use typed_iam::policy_json;

fn main() {
    let bucket = "b";
    let _ = policy_json! {
        allow [s3:GetObject] on "arn:aws:s3:::{bucket}/*";
    };
}
