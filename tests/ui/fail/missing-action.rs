use typed_iam::policy;

fn main() {
    let _ = policy! {
        "NoAction": allow on *;
    };
}
