use typed_iam::policy;

fn main() {
    let _ = policy! {
        allow [s3:GetObject] on "arn:aws:s3:::acme-reports/*" when {
            StringEquals aws:RequestedRegion: "eu-west-1",
            StringEquals AWS:RequestedRegion: "eu-west-2",
        };
    };
}
