use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow [s3:Gett*] on *;
    };
}
