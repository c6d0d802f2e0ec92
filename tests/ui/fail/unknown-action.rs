use typed_iam::policy;

fn main() {
    let _ = policy! {
        "BedrockConsole": allow [bedrock:CreateEvalJob, bedrock:GetEvaluationJb] on *;
        allow [s3:GetObjet, rds-db:conect] on *;
    };
}
