use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow [bedrok:CreateEvaluationJob] on *;
    };
}
