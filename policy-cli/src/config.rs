//! `policy.toml`: the kind of policy per path glob and the codes to allow, applied through
//! `Context::allow` (the one silencing mechanism).
//!
//! ```toml
//! kind = "identity"              # the default kind (otherwise `auto`)
//! allow = ["placeholder-value"]  # codes never reported
//!
//! [[path]]
//! glob = "trust/**"              # relative to the directory of policy.toml
//! kind = "trust"
//! allow = ["missing-version"]    # codes not reported for these files
//! ```
//!
//! A glob without `/` matches a file name anywhere (`*-trust.json`); `*` matches within one
//! path segment, `**` any number of segments, `?` one character. When several `[[path]]`
//! rules match a file, the last one with a `kind` decides the kind and every `allow` applies.
//! `--kind` on the command line wins over all of them.
//!
//! The file is found by looking in the working directory and then each parent directory for a
//! `policy.toml`, or a `Cargo.toml` with a `[package.metadata.policy]` table of the same form;
//! `--config FILE` names one instead.

use std::fmt;
use std::path::{Path, PathBuf};

use policy_core::Code;
use serde::Deserialize;

use crate::engine::{Kind, Settings};

/// A loaded configuration (the empty one when no file was found).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it was read from.
    pub source: Option<PathBuf>,
    base: PathBuf,
    kind: Option<Kind>,
    allow: Vec<Code>,
    rules: Vec<Rule>,
}

#[derive(Debug, Clone)]
struct Rule {
    glob: String,
    kind: Option<Kind>,
    allow: Vec<Code>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    kind: Option<Kind>,
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    path: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    glob: String,
    kind: Option<Kind>,
    #[serde(default)]
    allow: Vec<String>,
}

/// A configuration that cannot be read or is wrong.
#[derive(Debug)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid configuration `{}`: {}",
            self.path.display(),
            self.message
        )
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// The configuration in `explicit`, or the one found from the working directory upwards,
    /// or the empty one.
    ///
    /// # Errors
    /// [`ConfigError`] when the file cannot be read or is not a valid configuration.
    pub fn find(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        if let Some(path) = explicit {
            let text = std::fs::read_to_string(path).map_err(|error| ConfigError {
                path: path.to_owned(),
                message: error.to_string(),
            })?;
            return Config::parse(&text, path);
        }
        let Ok(start) = std::env::current_dir() else {
            return Ok(Config::default());
        };
        for directory in start.ancestors() {
            let path = directory.join("policy.toml");
            if let Ok(text) = std::fs::read_to_string(&path) {
                return Config::parse(&text, &path);
            }
            let manifest = directory.join("Cargo.toml");
            if let Ok(text) = std::fs::read_to_string(&manifest) {
                if let Some(config) = Config::from_manifest(&text, &manifest)? {
                    return Ok(config);
                }
            }
        }
        Ok(Config::default())
    }

    /// Parses a `policy.toml` found at `path` (globs are relative to its directory).
    ///
    /// # Errors
    /// [`ConfigError`] when the text is not a valid configuration.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|error| ConfigError {
            path: path.to_owned(),
            message: error.message().to_owned(),
        })?;
        Config::from_raw(raw, path)
    }

    fn from_manifest(text: &str, path: &Path) -> Result<Option<Config>, ConfigError> {
        let error = |message: String| ConfigError {
            path: path.to_owned(),
            message,
        };
        // A manifest that is not TOML is cargo's problem, not ours: look further up.
        let Ok(manifest) = toml::from_str::<toml::Table>(text) else {
            return Ok(None);
        };
        let table = manifest
            .get("package")
            .and_then(|package| package.get("metadata"))
            .and_then(|metadata| metadata.get("policy"));
        let Some(table) = table else {
            return Ok(None);
        };
        let raw = RawConfig::deserialize(table.clone())
            .map_err(|e| error(format!("[package.metadata.policy]: {}", e.message())))?;
        Config::from_raw(raw, path).map(Some)
    }

    fn from_raw(raw: RawConfig, path: &Path) -> Result<Config, ConfigError> {
        let codes = |names: Vec<String>| -> Result<Vec<Code>, ConfigError> {
            names
                .iter()
                .map(|name| {
                    name.parse::<Code>().map_err(|error| ConfigError {
                        path: path.to_owned(),
                        message: match error.suggestion {
                            Some(s) => {
                                format!("unknown code `{name}` in `allow`; did you mean `{s}`?")
                            }
                            None => format!("unknown code `{name}` in `allow`"),
                        },
                    })
                })
                .collect()
        };
        let base = path.parent().map(absolute).unwrap_or_default();
        let mut rules = Vec::new();
        for rule in raw.path {
            rules.push(Rule {
                glob: rule.glob,
                kind: rule.kind,
                allow: codes(rule.allow)?,
            });
        }
        Ok(Config {
            source: Some(path.to_owned()),
            base,
            kind: raw.kind,
            allow: codes(raw.allow)?,
            rules,
        })
    }

    /// The settings for a file (`None` for stdin), with `kind` from the command line winning.
    pub fn settings(&self, file: Option<&Path>, kind: Option<Kind>) -> Settings {
        let mut settings = Settings {
            kind: self.kind.unwrap_or(Kind::Auto),
            allow: self.allow.clone(),
        };
        if let (Some(file), false) = (file, self.rules.is_empty()) {
            let absolute_file = absolute(file);
            let relative = absolute_file.strip_prefix(&self.base).unwrap_or(file);
            let relative = relative.to_string_lossy().replace('\\', "/");
            for rule in self.rules.iter().filter(|rule| rule.matches(&relative)) {
                if let Some(kind) = rule.kind {
                    settings.kind = kind;
                }
                settings.allow.extend(rule.allow.iter().copied());
            }
        }
        if let Some(kind) = kind {
            settings.kind = kind;
        }
        if settings.allow.len() > 1 {
            settings.allow.sort();
            settings.allow.dedup();
        }
        settings
    }
}

/// The absolute form of a path, with `.` and `..` resolved lexically (without following
/// symbolic links, as the user wrote the path).
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                normal.pop();
            }
            other => normal.push(other),
        }
    }
    normal
}

impl Rule {
    fn matches(&self, relative: &str) -> bool {
        if self.glob.contains('/') {
            glob_match(self.glob.as_bytes(), relative.as_bytes())
        } else {
            let name = relative.rsplit('/').next().unwrap_or(relative);
            glob_match(self.glob.as_bytes(), name.as_bytes())
        }
    }
}

/// Whether `text` (a `/`-separated path) matches `pattern` (`*`, `**`, `?`).
fn glob_match(pattern: &[u8], text: &[u8]) -> bool {
    if pattern.starts_with(b"**") {
        let rest = &pattern[2..];
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        if rest.is_empty() {
            return true;
        }
        // `**/` matches zero or more whole segments.
        if glob_match(rest, text) {
            return true;
        }
        return text
            .iter()
            .enumerate()
            .filter(|&(_, &byte)| byte == b'/')
            .any(|(index, _)| glob_match(rest, &text[index + 1..]));
    }
    match (pattern.first(), text.first()) {
        (None, None) => true,
        (None, Some(_)) => false,
        (Some(b'*'), _) => {
            let rest = &pattern[1..];
            let mut index = 0;
            loop {
                if glob_match(rest, &text[index..]) {
                    return true;
                }
                match text.get(index) {
                    Some(b'/') | None => return false,
                    Some(_) => index += 1,
                }
            }
        }
        (Some(b'?'), Some(&byte)) if byte != b'/' => glob_match(&pattern[1..], &text[1..]),
        (Some(&expected), Some(&byte)) if expected == byte => glob_match(&pattern[1..], &text[1..]),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match(b"trust/**", b"trust/a/b.json"));
        assert!(glob_match(b"**/*.json", b"a.json"));
        assert!(glob_match(b"**/*.json", b"x/y/a.json"));
        assert!(glob_match(b"a/*/c.json", b"a/b/c.json"));
        assert!(!glob_match(b"a/*.json", b"a/b/c.json"));
        assert!(glob_match(b"?.json", b"x.json"));
        assert!(!glob_match(b"trust/**", b"other/a.json"));
    }

    #[test]
    fn rules_apply_in_order() {
        let text = r#"
            kind = "identity"
            allow = ["old-version"]
            [[path]]
            glob = "trust/**"
            kind = "trust"
            allow = ["missing-version"]
            [[path]]
            glob = "*-scp.json"
            kind = "scp"
        "#;
        let config = Config::parse(text, Path::new("/repo/policy.toml")).unwrap();
        let trust = config.settings(Some(Path::new("/repo/trust/x/a.json")), None);
        assert_eq!(trust.kind, Kind::Trust);
        assert_eq!(trust.allow, vec![Code::MissingVersion, Code::OldVersion]);
        let scp = config.settings(Some(Path::new("/repo/org/deny-scp.json")), None);
        assert_eq!(scp.kind, Kind::Scp);
        let other = config.settings(Some(Path::new("/repo/a.json")), Some(Kind::Resource));
        assert_eq!(other.kind, Kind::Resource);
        assert_eq!(other.allow, vec![Code::OldVersion]);
    }

    #[test]
    fn unknown_code_is_an_error_with_a_suggestion() {
        let error = Config::parse("allow = [\"old-versoin\"]", Path::new("p.toml")).unwrap_err();
        assert!(
            error.to_string().contains("did you mean `old-version`?"),
            "{error}"
        );
        let error = Config::parse("kinds = \"x\"", Path::new("p.toml")).unwrap_err();
        assert!(error.to_string().contains("unknown field"), "{error}");
    }

    #[test]
    fn manifest_metadata() {
        let text = "[package]\nname = \"x\"\n[package.metadata.policy]\nkind = \"scp\"\n";
        let config = Config::from_manifest(text, Path::new("/r/Cargo.toml"))
            .unwrap()
            .unwrap();
        assert_eq!(config.settings(None, None).kind, Kind::Scp);
        assert!(
            Config::from_manifest("[package]\nname = \"x\"\n", Path::new("C"))
                .unwrap()
                .is_none()
        );
    }
}
