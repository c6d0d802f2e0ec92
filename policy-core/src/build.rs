//! For build scripts: write policies as JSON files, deterministically, and only when their
//! bytes change, so that cargo (and tools watching the files) do not rebuild needlessly.
//!
//! ```no_run
//! // build.rs
//! use typed_iam_core::{Policy, Statement};
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let policy = Policy::builder()
//!         .statement(Statement::allow().action("s3:GetObject").resource("arn:aws:s3:::assets/*").build())
//!         .build()?;
//!     let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?);
//!     typed_iam_core::build::write_json(out.join("policies/read-assets.json"), &policy)?;
//!     Ok(())
//! }
//! ```

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::model::{Policy, Statement};

/// A policy file could not be written: which file, and why.
#[derive(Debug)]
#[non_exhaustive]
pub struct WriteError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// What went wrong.
    pub source: io::Error,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot write policy to `{}`: {}",
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Writes `policy` to `path` as pretty JSON with a trailing newline, creating the parent
/// directories, unless the file already holds exactly those bytes. Returns whether the file
/// was written.
///
/// The output depends only on the policy (canonical key order, two-space indentation), so the
/// same policy always gives the same bytes.
///
/// ```
/// use typed_iam_core::{Policy, Statement};
/// let policy = Policy::builder()
///     .statement(Statement::allow().action("sqs:SendMessage").resource("*").build())
///     .build()?;
/// let dir = std::env::temp_dir().join(format!("policy-core-doc-{}", std::process::id()));
/// let path = dir.join("nested/send.json");
/// assert!(typed_iam_core::build::write_json(&path, &policy)?); // written
/// assert!(!typed_iam_core::build::write_json(&path, &policy)?); // unchanged: not touched
/// assert_eq!(std::fs::read_to_string(&path)?, policy.to_json_pretty() + "\n");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`WriteError`] naming the file when a directory cannot be created or the file cannot be
/// read or written.
pub fn write_json(path: impl AsRef<Path>, policy: &Policy) -> Result<bool, WriteError> {
    write_if_changed(path.as_ref(), policy.to_json_pretty() + "\n")
}

/// Writes one statement (a fragment) as [`write_json`] writes a policy.
///
/// # Errors
/// As [`write_json`].
pub fn write_statement_json(
    path: impl AsRef<Path>,
    statement: &Statement,
) -> Result<bool, WriteError> {
    write_if_changed(path.as_ref(), statement.to_json_pretty() + "\n")
}

/// Writes the parts of a split policy ([`Policy::fit`]) to `dir` as `NAME-1.json`,
/// `NAME-2.json`, ... (as [`write_json`] writes each), and removes `NAME-N.json` files left by
/// an earlier run that made more parts, so that a directory read by Terraform or the CDK never
/// holds a stale part. Returns the paths of the parts, in order.
///
/// ```
/// use typed_iam_core::{Policy, SizeTarget};
/// let actions: Vec<String> = catalog::index::catalog().service("ec2").ok_or("no ec2")?
///     .actions().take(500).map(|a| format!("\"{}\"", a.full_name())).collect();
/// let json = format!(r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":[{}],"Resource":"*"}}]}}"#, actions.join(","));
/// let parts = Policy::from_json(&json)?.fit(SizeTarget::ManagedPolicy)?;
/// let dir = std::env::temp_dir().join(format!("policy-core-parts-{}", std::process::id()));
/// let paths = typed_iam_core::build::write_parts(&dir, "ec2-admin", &parts)?;
/// assert_eq!(paths.len(), parts.len());
/// assert!(paths[0].ends_with("ec2-admin-1.json"));
/// // Fewer parts later: the extra file goes.
/// typed_iam_core::build::write_parts(&dir, "ec2-admin", &parts[..1])?;
/// assert!(!dir.join("ec2-admin-2.json").exists() || parts.len() == 1);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`WriteError`] naming the file that could not be written or removed.
pub fn write_parts(
    dir: impl AsRef<Path>,
    name: &str,
    parts: &[Policy],
) -> Result<Vec<PathBuf>, WriteError> {
    let dir = dir.as_ref();
    let mut paths = Vec::with_capacity(parts.len());
    for (index, part) in parts.iter().enumerate() {
        let path = dir.join(format!("{name}-{}.json", index + 1));
        write_json(&path, part)?;
        paths.push(path);
    }
    // Parts an earlier run wrote beyond today's count.
    for number in parts.len() + 1.. {
        let path = dir.join(format!("{name}-{number}.json"));
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(source) if source.kind() == io::ErrorKind::NotFound => break,
            Err(source) => return Err(WriteError { path, source }),
        }
    }
    Ok(paths)
}

fn write_if_changed(path: &Path, contents: String) -> Result<bool, WriteError> {
    let error = |source| WriteError {
        path: path.to_owned(),
        source,
    };
    match std::fs::read(path) {
        Ok(existing) if existing == contents.as_bytes() => return Ok(false),
        Ok(_) => {}
        Err(source) if source.kind() == io::ErrorKind::NotFound => {}
        Err(source) => return Err(error(source)),
    }
    if let Some(parent) = path.parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(error)?;
        }
    }
    // Write a sibling file and rename it, so that a reader (or a parallel build script) never
    // sees a half-written policy.
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!(".{}.tmp", std::process::id()));
    let temporary = PathBuf::from(temporary);
    if let Err(source) = std::fs::write(&temporary, contents.as_bytes()) {
        let _ = std::fs::remove_file(&temporary);
        return Err(error(source));
    }
    if let Err(source) = std::fs::rename(&temporary, path) {
        let _ = std::fs::remove_file(&temporary);
        return Err(error(source));
    }
    Ok(true)
}
