use typed_iam::policy;

fn main() {
    let _ = policy! {
        "Read objects": allow [s3:GetObject] on *;
    };
}
