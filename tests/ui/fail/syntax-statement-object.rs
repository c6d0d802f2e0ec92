use typed_iam::policy;

fn main() {
    let _ = policy! {
        #![statement = object]
        allow [s3:GetObject] on *;
        allow [s3:PutObject] on *;
    };
}
