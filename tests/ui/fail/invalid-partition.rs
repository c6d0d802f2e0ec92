use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow [s3:GetObject] on "arn:amazon:s3:::acme-reports/*";
    };
}
