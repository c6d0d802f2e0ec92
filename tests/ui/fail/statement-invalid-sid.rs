use typed_iam::statement;

fn main() {
    let _ = statement! {
        "Bad Sid!": allow [kms:Decrypt]
    };
}
