use typed_iam::policy;

fn main() {
    // Two lines with the same operator and key would write `aws:SourceAccount` twice in one JSON
    // object: list both values in one array instead.
    let _ = policy! {
        allow sts:AssumeRole for service "bedrock.amazonaws.com" when {
            StringEquals aws:SourceAccount: "111122223333",
            StringEquals aws:SourceAccount: "444455556666",
        };
    };
}
