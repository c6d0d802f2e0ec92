//! The seed policies (AWS's Bedrock and SageMaker pages) validate with no error; their two known
//! real defects are reported with the right code.
#![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]

use std::path::PathBuf;

use typed_iam_core::{validate, validate_statement, Code, Context, Diagnostic, Location, Policy};
use typed_iam_core::{PolicyKind, Statement};

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// Every finding of one seed: a policy with the inferred context, or a statement fragment.
fn findings(text: &str) -> Vec<Diagnostic> {
    if text.contains("\"Statement\"") {
        let policy = Policy::from_json(text).unwrap();
        validate(&policy, &Context::infer(&policy))
    } else {
        let statement = Statement::from_json(text).unwrap();
        validate_statement(&statement, &Context::identity())
    }
}

#[test]
fn every_seed_validates_without_error() {
    let seeds = seeds();
    assert_eq!(seeds.len(), 40);
    for (name, text) in &seeds {
        let errors: Vec<_> = findings(text)
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn kms_key_without_account_is_a_resource_type_mismatch() {
    for name in ["002_00", "003_00"] {
        let (_, text) = seeds().into_iter().find(|(n, _)| n == name).unwrap();
        let found: Vec<_> = findings(&text)
            .into_iter()
            .filter(|d| d.code == Code::ResourceTypeMismatch)
            .collect();
        assert_eq!(found.len(), 1, "{name}: {found:#?}");
        assert_eq!(
            found[0].location,
            Location::root()
                .key("Statement")
                .index(1)
                .key("Resource")
                .index(0)
        );
        assert_eq!(
            found[0].message,
            "no action of this statement applies to resource `arn:*:kms:*:::*`"
        );
        assert!(!found[0].is_error());
    }
}

#[test]
fn duplicated_ecr_resource_is_reported() {
    let (_, text) = seeds().into_iter().find(|(n, _)| n == "004_31").unwrap();
    let found: Vec<_> = findings(&text)
        .into_iter()
        .filter(|d| d.code == Code::DuplicateResource)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].location,
        Location::root()
            .key("Statement")
            .index(2)
            .key("Resource")
            .index(1)
    );
    assert_eq!(
        found[0].message,
        "duplicate resource `arn:aws:ecr:region::repository/my-repo`"
    );
}

#[test]
fn seed_kinds_are_inferred() {
    let kind = |name: &str| {
        let (_, text) = seeds().into_iter().find(|(n, _)| n == name).unwrap();
        Context::infer(&Policy::from_json(&text).unwrap()).kind()
    };
    assert_eq!(kind("001_00"), PolicyKind::Trust);
    assert_eq!(kind("004_01"), PolicyKind::Trust);
    assert_eq!(kind("004_08"), PolicyKind::Resource);
    assert_eq!(kind("000_00"), PolicyKind::Identity);
}
