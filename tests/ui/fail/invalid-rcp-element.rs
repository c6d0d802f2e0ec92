use typed_iam::policy;

fn main() {
    let _ = policy! {
        #![kind = rcp]
        allow [s3:GetObject] for * on "arn:aws:s3:::acme-reports/*";
    };
}
