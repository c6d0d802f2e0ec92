use typed_iam::policy;

fn main() {
    let _ = policy! {
        "BedrockConsole": allow [bedrock:CreateEvalJob, bedrock:GetEvaluationJob] on *;
    };
}
