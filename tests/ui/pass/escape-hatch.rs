//! An action or condition key the catalog does not know yet is written `unchecked(..)`.
use typed_iam::policy;

fn main() {
    let policy = policy! {
        allow [unchecked("newsvc:BrandNewAction"), s3:GetObject] on * when {
            StringEquals unchecked("newsvc:BrandNewKey"): "x",
        };
    };
    assert!(policy.to_json().contains("\"newsvc:BrandNewAction\""));
}
