use typed_iam::policy;

fn main() {
    let _ = policy! {
        alow [s3:GetObject] on *;
    };
}
