use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow [s3:GetObject] on * when {
            StringEquals aws:SourceAccount "123456789012",
        };
    };
}
