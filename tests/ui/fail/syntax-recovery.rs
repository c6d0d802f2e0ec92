use typed_iam::policy;

fn main() {
    // Two syntax errors and one validation error: all three are reported.
    let _ = policy! {
        allow [s3:GetObject] on * oops;
        allow [s3 GetObject] on *;
        allow ["s3GetObject"] on *;
    };
}
