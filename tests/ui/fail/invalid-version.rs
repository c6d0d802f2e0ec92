use typed_iam::policy;

fn main() {
    let _ = policy! {
        #![version = "2012-10-18"]
        allow [s3:GetObject] on *;
    };
}
