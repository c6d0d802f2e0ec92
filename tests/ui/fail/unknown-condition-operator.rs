use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow sts:AssumeRole for service "bedrock.amazonaws.com" when {
            StringEqual aws:SourceAccount: "123456789012",
        };
    };
}
