use typed_iam::policy;

fn main() {
    let _ = policy! {
        #![verison = "2012-10-17"]
        #![allow(placeholder_valu)]
        #![kind = trusst]
        #![target = role_inlin]
        allow [s3:GetObject] on *;
    };
}
