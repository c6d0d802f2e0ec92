//! `policy fmt`: rewrite JSON policies in canonical form (AWS's key order, two-space indent,
//! arrays and single values as written, a final newline); with `--canonical`, also sorted,
//! deduplicated and with arrays everywhere (the core's `compare::canonical`), so that two
//! policies that grant the same through reordering are written the same.
//!
//! The new text is read back before anything is written: a file is only replaced when its
//! canonical form reads as the same policy, so `fmt` can never change what a policy means.

use std::io;
use std::path::PathBuf;

use clap::Args;

use crate::engine;
use crate::inputs::{self, Content, Input};
use crate::render;
use crate::{Exit, Streams};

/// The arguments of `policy fmt`.
#[derive(Debug, Clone, Args)]
pub struct FmtArgs {
    /// List the files that are not formatted (and exit with status 1) instead of rewriting them.
    #[arg(long)]
    pub check: bool,
    /// Write the canonical form instead: statements, actions, resources, principals and
    /// condition values sorted, duplicates removed, every list an array (see the core's
    /// `compare::canonical`); checked equivalent to the input by the semantic comparison.
    #[arg(long)]
    pub canonical: bool,
    /// Files, directories (every `*.json` below them), or `-` (stdin to stdout).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Runs `policy fmt`.
///
/// Exit status: `0` when every file is (now) formatted, `1` when a file is not a policy that
/// can be formatted or (with `--check`) would change, `2` when a file cannot be read or written.
///
/// # Errors
/// The error of writing to stdout.
pub fn run(args: &FmtArgs, streams: &mut Streams<'_>) -> io::Result<Exit> {
    let inputs::Collected {
        inputs,
        errors: walk_errors,
    } = inputs::collect(&args.paths);
    let mut exit = Exit::Clean;
    for error in &walk_errors {
        writeln!(streams.stderr, "error: {error}")?;
        exit = Exit::Trouble;
    }
    for input in &inputs {
        let outcome = format_input(args, input, streams)?;
        exit = exit.max(outcome);
    }
    Ok(exit)
}

fn format_input(args: &FmtArgs, input: &Input, streams: &mut Streams<'_>) -> io::Result<Exit> {
    let name = input.name();
    let content = match input {
        Input::File(path) => inputs::read_file(path),
        Input::Stdin => inputs::read_limited(&mut *streams.stdin),
    };
    let bytes = match content {
        Ok(Content::Bytes(bytes)) => bytes,
        Ok(too_large @ Content::TooLarge(_)) => {
            let checked = engine::check_content(too_large, &engine::Settings::default());
            return report(streams, &name, &checked);
        }
        Err(error) => {
            let error = inputs::InputError { path: name, error };
            writeln!(streams.stderr, "error: {error}")?;
            return Ok(Exit::Trouble);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let checked = engine::check_bytes(error.into_bytes(), &engine::Settings::default());
            return report(streams, &name, &checked);
        }
    };
    let formatted = if args.canonical {
        engine::format_canonical(&text)
    } else {
        engine::format_text(&text)
    };
    let formatted = match formatted {
        Ok(formatted) => formatted,
        Err(findings) => {
            let checked = engine::Checked { text, findings };
            return report(streams, &name, &checked);
        }
    };
    match input {
        Input::Stdin if !args.check => {
            streams.stdout.write_all(formatted.as_bytes())?;
            Ok(Exit::Clean)
        }
        _ if formatted == text => Ok(Exit::Clean),
        _ if args.check => {
            writeln!(streams.stdout, "{name}")?;
            Ok(Exit::Findings)
        }
        Input::File(path) => match write_atomically(path, &formatted) {
            Ok(()) => Ok(Exit::Clean),
            Err(error) => {
                writeln!(streams.stderr, "error: cannot write `{name}`: {error}")?;
                Ok(Exit::Trouble)
            }
        },
        Input::Stdin => Ok(Exit::Clean),
    }
}

/// Reports why a file cannot be formatted, on stderr.
fn report(streams: &mut Streams<'_>, name: &str, checked: &engine::Checked) -> io::Result<Exit> {
    render::findings_text(streams.stderr, name, checked)?;
    writeln!(streams.stderr, "error: `{name}` was not formatted")?;
    Ok(Exit::Findings)
}

/// Replaces a file through a temporary file in the same directory, so that an interrupted run
/// never leaves half a policy behind.
fn write_atomically(path: &std::path::Path, text: &str) -> io::Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".policy-fmt.tmp");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, text)?;
    if let Ok(metadata) = std::fs::metadata(path) {
        // Keep the file's permissions; failing to is not worth losing the formatting over.
        let _ = std::fs::set_permissions(&temporary, metadata.permissions());
    }
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}
