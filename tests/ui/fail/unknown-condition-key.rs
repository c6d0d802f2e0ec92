use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow sts:AssumeRole for service "bedrock.amazonaws.com" when {
            StringEquals aws:SourceAcount: "123456789012",
        };
    };
}
