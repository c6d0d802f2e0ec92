//! Compile-time diagnostics of `policy!`, `statement!` and `policy_json!` (trybuild). Each
//! `tests/ui/fail/*.rs` has its expected `.stderr`; bless with `TRYBUILD=overwrite`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
