use typed_iam::policy;

fn main() {
    // Policy variables are replaced only in `Resource` and in condition values.
    let _ = policy! {
        #![kind = resource]
        allow [s3:GetObject] for aws "arn:aws:iam::803456129837:user/${aws:username}" on "arn:aws:s3:::acme-reports/*";
    };
}
