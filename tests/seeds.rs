//! The seed documents written with the DSL (`examples/common/seed_documents.rs`, printed by
//! `cargo run --example seeds`) are JSON-equal to the seeds' own JSON in `tests/data/seeds/`.
#![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]

#[path = "../examples/common/seed_documents.rs"]
mod seed_documents;

use std::collections::BTreeMap;
use std::path::Path;

use seed_documents::Document;
use serde_json::Value;

/// The seeds' JSON blocks: the policies in `tests/data/seeds/`, the S3 CORS configuration in
/// `tests/data/cors/` (kept apart: it is not a policy, and the policy tests read every seed).
fn seed_files() -> BTreeMap<String, Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut seeds = BTreeMap::new();
    let entries = std::fs::read_dir(root.join("seeds"))
        .unwrap()
        .chain(std::fs::read_dir(root.join("cors")).unwrap());
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "json") {
            let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            seeds.insert(name, serde_json::from_str(&text).unwrap());
        }
    }
    seeds
}

fn dsl_documents() -> BTreeMap<String, Value> {
    seed_documents::all()
        .into_iter()
        .map(|(name, document)| {
            if let Document::Cors(cors) = &document {
                cors.check().unwrap();
            }
            let json = document.to_json();
            (name.to_owned(), serde_json::from_str(&json).unwrap())
        })
        .collect()
}

#[test]
fn every_seed_is_written_with_the_dsl() {
    let seeds = seed_files();
    let documents = dsl_documents();
    assert_eq!(seeds.len(), 41);
    let missing: Vec<&String> = seeds
        .keys()
        .filter(|name| !documents.contains_key(*name))
        .collect();
    let extra: Vec<&String> = documents
        .keys()
        .filter(|name| !seeds.contains_key(*name))
        .collect();
    assert!(
        missing.is_empty(),
        "seeds without a DSL document: {missing:?}"
    );
    assert!(extra.is_empty(), "DSL documents without a seed: {extra:?}");
}

#[test]
fn every_dsl_document_equals_its_seed() {
    let seeds = seed_files();
    let mut different = Vec::new();
    for (name, document) in dsl_documents() {
        if seeds.get(&name) != Some(&document) {
            different.push(name);
        }
    }
    assert!(
        different.is_empty(),
        "documents that differ from their seed: {different:?}"
    );
}

#[test]
fn the_documents_are_in_name_order() {
    let names: Vec<&str> = seed_documents::all()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
}

#[test]
fn condition_operators_and_keys_keep_their_order() {
    // serde_json's `Value` compares objects without order, so the order of operators and keys
    // (which the model keeps) is checked on the text.
    let documents = seed_documents::all();
    let (_, document) = documents
        .iter()
        .find(|(name, _)| *name == "003_00")
        .unwrap();
    let Document::Policy(policy) = document else {
        panic!("003_00 is a policy")
    };
    let json = policy.to_json();
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds/003_00.json"),
    )
    .unwrap();
    let order = |text: &str| -> Vec<usize> {
        [
            "ForAllValues:StringEquals",
            "StringLike",
            "aws:RequestTag/sagemaker-sdk:bedrock",
            "aws:RequestTag/sagemaker-studio:hub-content-arn",
        ]
        .iter()
        .map(|needle| text.find(needle).unwrap())
        .collect()
    };
    let is_sorted = |positions: Vec<usize>| positions.windows(2).all(|pair| pair[0] < pair[1]);
    assert!(is_sorted(order(&seed)));
    assert!(is_sorted(order(&json)));
}
