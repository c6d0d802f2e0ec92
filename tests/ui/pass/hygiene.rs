//! `policy!` expands to absolute paths only: it compiles without the prelude and with local items
//! named like the ones it uses.
#![no_implicit_prelude]

#[allow(dead_code)]
struct Policy;
#[allow(dead_code)]
struct Option;
#[allow(dead_code, non_camel_case_types)]
struct str;
#[allow(dead_code)]
struct String;
#[allow(dead_code)]
mod core {}
#[allow(dead_code)]
mod std {}

fn main() {
    let bucket = "training-bucket";
    let account = 123456789012_u64;
    let policy: ::typed_iam::Policy = ::typed_iam::policy! {
        "Read": allow [s3:GetObject, s3:List*] on ["arn:aws:s3:::{bucket}/*"];
    };
    let trust: ::typed_iam::Policy = ::typed_iam::policy! {
        allow sts:AssumeRole for service "bedrock.amazonaws.com" when {
            StringEquals aws:SourceAccount: "{account}",
            NumericLessThan aws:MultiFactorAuthAge: {3600},
        };
    };
    let statement: ::typed_iam::Statement = ::typed_iam::statement! { allow [kms:Decrypt] };
    // `str` is shadowed here, so the type is named through the primitive's path.
    let json: &'static ::core::primitive::str = ::typed_iam::policy_json! { allow [s3:GetObject] on *; };
    let _ = (policy, trust, statement, json);
}
