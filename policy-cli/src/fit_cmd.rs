//! `policy fit`: compact a JSON policy and split it into as few policies as it takes to fit a
//! size target, granting together exactly what it granted (the rules are the core's:
//! [`policy_core::fit`]).
//!
//! ```text
//! policy fit --target managed-policy ReadOnlyAccess.json --out parts/
//! ```

use clap::builder::TypedValueParser;
use std::io;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use policy_core::fit::{self, Wildcards};
use policy_core::{Policy, SizeTarget};

use crate::engine::{self, Settings};
use crate::inputs::{self, Content, Input};
use crate::render;
use crate::{Exit, Streams};

/// The `--target` values: the core's names of its size targets ([`SizeTarget::NAMES`]), listed
/// by `--help` and checked by clap.
fn size_target_parser() -> impl TypedValueParser<Value = SizeTarget> {
    clap::builder::PossibleValuesParser::new(SizeTarget::NAMES)
        .try_map(|name| name.parse::<SizeTarget>())
}

/// How the parts are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Each part as pretty JSON after a `// part N of M` line (with `--out`: the files written).
    #[default]
    Text,
    /// One JSON object: `{"policies": [...]}`.
    Json,
}

/// The arguments of `policy fit`.
#[derive(Debug, Clone, Args)]
pub struct FitArgs {
    /// Where the policies will be stored, which decides the size limit.
    #[arg(long, value_parser = size_target_parser())]
    pub target: SizeTarget,
    /// How to print the parts.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the parts as files `NAME-1.json`, `NAME-2.json`, ... in this directory (NAME is
    /// the input file's name without `.json`, `policy` for stdin).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Write no new action wildcard (by default a wildcard is written where it matches, in
    /// today's catalog, only actions the policy lists; it also matches actions AWS adds later).
    #[arg(long)]
    pub no_wildcards: bool,
    /// A JSON policy file, or `-` for stdin.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// Runs `policy fit`.
///
/// Exit status: `0` with the parts, `1` when a statement cannot fit even alone (the reason on
/// stderr), `2` when the input cannot be read or is not a policy, or a part cannot be written.
///
/// # Errors
/// The error of writing to stdout.
pub fn run(args: &FitArgs, streams: &mut Streams<'_>) -> io::Result<Exit> {
    let input = Input::from_arg(&args.file);
    let name = input.name();
    let Some(policy) = read_policy(&input, &name, streams)? else {
        return Ok(Exit::Trouble);
    };
    let target = args.target;
    let wildcards = if args.no_wildcards {
        Wildcards::Never
    } else {
        Wildcards::Exact
    };
    let parts = match policy.fit_with(target, wildcards) {
        Ok(parts) => parts,
        Err(error) => {
            writeln!(streams.stderr, "error: `{name}` cannot fit: {error}")?;
            return Ok(Exit::Findings);
        }
    };
    if target.is_aggregate() && parts.len() > 1 {
        writeln!(
            streams.stderr,
            "warning: the inline policies of one identity share the {} characters of a {}: \
             attach these {} parts as managed policies (`--target managed-policy`) or to \
             different identities",
            target.limit(),
            target.description(),
            parts.len()
        )?;
    }
    let stem = match &input {
        Input::File(path) => path.file_stem().map_or_else(
            || "policy".to_owned(),
            |stem| stem.to_string_lossy().into_owned(),
        ),
        Input::Stdin => "policy".to_owned(),
    };
    let mut written = Vec::new();
    if let Some(dir) = &args.out {
        match policy_core::build::write_parts(dir, &stem, &parts) {
            Ok(paths) => written = paths,
            Err(error) => {
                writeln!(streams.stderr, "error: {error}")?;
                return Ok(Exit::Trouble);
            }
        }
    }
    match args.format {
        Format::Json => {
            // Written by hand so that each policy keeps AWS's key order.
            let mut text = String::from("{\n  \"policies\": [");
            for (index, part) in parts.iter().enumerate() {
                text.push_str(if index == 0 { "\n" } else { ",\n" });
                let pretty = part.to_json_pretty();
                let lines: Vec<String> = pretty.lines().map(|line| format!("    {line}")).collect();
                text.push_str(&lines.join("\n"));
            }
            text.push_str("\n  ]\n}");
            writeln!(streams.stdout, "{text}")?;
        }
        Format::Text if args.out.is_some() => {
            for (path, part) in written.iter().zip(&parts) {
                writeln!(
                    streams.stdout,
                    "{}: {} of {} characters",
                    path.display(),
                    fit::size(part),
                    target.limit()
                )?;
            }
        }
        Format::Text => {
            for (index, part) in parts.iter().enumerate() {
                writeln!(
                    streams.stdout,
                    "// part {} of {}: {} of {} characters",
                    index + 1,
                    parts.len(),
                    fit::size(part),
                    target.limit()
                )?;
                writeln!(streams.stdout, "{}", part.to_json_pretty())?;
            }
        }
    }
    writeln!(
        streams.stderr,
        "{name}: {} characters, {} compacted, {} part{} (at least {} needed)",
        fit::size(&policy),
        fit::size(&policy.compact_with(wildcards)),
        parts.len(),
        if parts.len() == 1 { "" } else { "s" },
        fit::lower_bound(&policy, target)
    )?;
    Ok(Exit::Clean)
}

/// Reads the input as a policy, or reports why it is not one (on stderr) and returns `None`.
fn read_policy(input: &Input, name: &str, streams: &mut Streams<'_>) -> io::Result<Option<Policy>> {
    let content = match input {
        Input::File(path) => inputs::read_file(path),
        Input::Stdin => inputs::read_limited(&mut *streams.stdin),
    };
    let bytes = match content {
        Ok(Content::Bytes(bytes)) => bytes,
        Ok(other) => {
            let checked = engine::check_content(other, &Settings::default());
            return report(streams, name, &checked).map(|()| None);
        }
        Err(error) => {
            let error = inputs::InputError {
                path: name.to_owned(),
                error,
            };
            writeln!(streams.stderr, "error: {error}")?;
            return Ok(None);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let checked = engine::check_bytes(error.into_bytes(), &Settings::default());
            return report(streams, name, &checked).map(|()| None);
        }
    };
    match policy_core::json::parse_policy(&text).value {
        Ok(policy) => Ok(Some(policy)),
        Err(_) => {
            let findings = engine::check_text(&text, &Settings::default());
            let checked = engine::Checked { text, findings };
            report(streams, name, &checked).map(|()| None)
        }
    }
}

fn report(streams: &mut Streams<'_>, name: &str, checked: &engine::Checked) -> io::Result<()> {
    render::findings_text(streams.stderr, name, checked)?;
    writeln!(streams.stderr, "error: `{name}` is not a policy")
}
