use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow sts:AssumeRole for aws ["arn:aws:iam::123456789012:role/Admin", "12345"];
    };
}
