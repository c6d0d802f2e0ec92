use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow [s3:GetObject] on * when {
            NumericLessThan aws:MultiFactorAuthAge: "an hour",
            Bool aws:SecureTransport: "yes",
        };
    };
}
