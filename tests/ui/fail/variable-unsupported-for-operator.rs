use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow [s3:GetObject] on "arn:aws:s3:::acme-reports/*" when {
            DateLessThan aws:CurrentTime: "${aws:TokenIssueTime}",
        };
    };
}
