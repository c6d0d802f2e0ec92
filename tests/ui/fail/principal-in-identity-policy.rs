use typed_iam::policy;

fn main() {
    let _ = policy! {
        #![kind = identity]
        allow [s3:GetObject] for aws "123456789012" on *;
    };
}
