use typed_iam::policy;

fn main() {
    let _ = policy! {
        #![kind = resource]
        allow [s3:GetObject]
            for federated "arn:aws:iam::803456129837:saml-provider/Okta"
            on "arn:aws:s3:::acme-reports/*";
    };
}
