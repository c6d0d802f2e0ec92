//! `CODES.md` is generated from the same explanations as `policy explain`; it must be fresh.

#[test]
fn codes_page_is_fresh() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("CODES.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    let fresh = typed_iam_cli::explain::markdown();
    assert!(
        on_disk == fresh,
        "{} is stale\nrun `cargo run -p typed-iam-cli -- explain --markdown > policy-cli/CODES.md` and commit the result",
        path.display()
    );
    for code in policy_core::Code::ALL {
        assert!(fresh.contains(&format!("\n## {code}\n")), "{code}");
    }
}
