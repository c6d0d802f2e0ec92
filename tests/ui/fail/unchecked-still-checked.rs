use typed_iam::policy;

fn main() {
    // `unchecked(..)` skips the catalog look-up of that action or key only: the rest is checked.
    let _ = policy! {
        allow [unchecked("newsvc:BrandNewAction"), s3:GetObjet] on "arn:aws:s3::bucket" when {
            StringEquals unchecked("newsvc:Stage"): "beta",
            StringEquals aws:SourceAcount: "123456789012",
        };
    };
}
