#![deny(deprecated)]
use typed_iam::policy;

fn main() {
    // IAM accepts any case; the warning asks for AWS's spelling.
    let _ = policy! {
        allow [s3:getobject] on *;
    };
}
