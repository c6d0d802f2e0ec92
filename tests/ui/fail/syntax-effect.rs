use typed_iam::policy;

fn main() {
    let _ = policy! {
        alow [s3:GetObject] on *;
        "Sid1": dney [s3:PutObject] on *;
    };
}
