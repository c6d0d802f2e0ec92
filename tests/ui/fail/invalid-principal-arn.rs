use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow sts:AssumeRole for service "bedrock.amazonaws.com", aws "arn:aws:iam::123456789012:rol/Admin";
    };
}
