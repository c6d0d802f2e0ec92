//! The CLI over every seed policy and every AWS managed policy in `tests/data`: `fmt` keeps
//! the JSON value and is idempotent, `check` never crashes.

use std::path::{Path, PathBuf};

use typed_iam_cli::engine::{self, Settings};
use typed_iam_cli::inputs::{self, Input};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data")
        .join(name)
}

fn files(name: &str) -> Vec<PathBuf> {
    let inputs::Collected { inputs, errors } = inputs::collect(&[data(name)]);
    assert!(errors.is_empty(), "{errors:?}");
    inputs
        .into_iter()
        .filter_map(|input| input.path().map(Path::to_owned))
        .collect()
}

#[test]
fn the_corpus_is_there() {
    assert_eq!(files("managed").len(), 1_594);
    assert!(files("seeds").len() >= 40);
}

#[test]
fn fmt_keeps_the_json_value_and_is_idempotent() {
    let mut formatted_count = 0;
    for path in files("seeds").into_iter().chain(files("managed")) {
        let text = std::fs::read_to_string(&path).unwrap();
        // Statement fragments among the seeds are formatted as statements.
        let formatted = engine::format_text(&text)
            .unwrap_or_else(|findings| panic!("{}: {findings:?}", path.display()));
        let before: serde_json::Value = serde_json::from_str(&text).unwrap();
        let after: serde_json::Value = serde_json::from_str(&formatted)
            .unwrap_or_else(|error| panic!("{}: output is not JSON: {error}", path.display()));
        assert_eq!(
            before,
            after,
            "{}: fmt changed the JSON value",
            path.display()
        );
        let again = engine::format_text(&formatted).unwrap();
        assert_eq!(
            again,
            formatted,
            "{}: fmt is not idempotent",
            path.display()
        );
        assert!(formatted.ends_with("}\n"));
        formatted_count += 1;
    }
    assert_eq!(formatted_count, 1_594 + 40);
}

#[test]
fn check_never_crashes_on_managed_policies() {
    let inputs: Vec<Input> = files("managed").into_iter().map(Input::File).collect();
    let settings = vec![Settings::default(); inputs.len()];
    let mut checked = 0;
    let mut findings = 0;
    typed_iam_cli::check::check_all(&inputs, &settings, None, 2, |_, result| {
        findings += result?.findings.len();
        checked += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(checked, 1_594);
    // Whether each finding is right is the validator's business (policy-core's managed-corpus
    // test); here every file must come back, with findings that have a position.
    assert!(findings > 0);
}

#[test]
fn check_never_crashes_on_the_seeds() {
    let inputs: Vec<Input> = files("seeds").into_iter().map(Input::File).collect();
    let settings = vec![Settings::default(); inputs.len()];
    let mut checked = 0;
    let mut errors = Vec::new();
    typed_iam_cli::check::check_all(&inputs, &settings, None, 1, |input, result| {
        let checked_file = result?;
        errors.extend(
            checked_file
                .findings
                .iter()
                .filter(|finding| finding.diagnostic.is_error())
                .map(|finding| format!("{input:?}: {}", finding.diagnostic)),
        );
        checked += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(checked, inputs.len());
    // The 17 statement fragments are checked as statements, so no seed has an error.
    assert!(errors.is_empty(), "{errors:#?}");
}
