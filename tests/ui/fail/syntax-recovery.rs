use typed_iam::policy;

fn main() {
    // Syntax errors in several statements and list items, and a validation error: all are reported.
    let _ = policy! {
        allow [s3:GetObject] on * oops;
        allow [s3 GetObject, s3:PutObject, ec2 DescribeVpcs] on *;
        allow ["s3GetObject"] on *;
    };
}
