//! Prints where the build script wrote the policy files, and their names.
//!
//! The build script (`build.rs`) did the work; this program only reports it, so that
//! `cargo run` shows where Terraform, CDK or CloudFormation should look.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = Path::new(env!("POLICY_DIR"));
    println!("policies in {}", dir.display());
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            eprintln!("error: cannot read `{}`: {error}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    for name in names {
        println!("  {name}");
    }
    ExitCode::SUCCESS
}
