use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow sts:AssumeRole for servise "bedrock.amazonaws.com";
    };
}
