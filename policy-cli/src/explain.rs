//! `policy explain CODE`: what a diagnostic code checks, why it matters, a failing and a fixed
//! example, and the nearest IAM Access Analyzer check. The texts come from
//! [`policy_core::Code::explanation`], the same source as the documentation.

use std::io::{self, Write};

use clap::Args;
use policy_core::Code;

use crate::{Exit, Streams};

/// The arguments of `policy explain`.
#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// The code, such as `unknown-action`; without it, every code is listed.
    pub code: Option<String>,
}

/// Runs `policy explain`.
///
/// # Errors
/// The error of writing to stdout.
pub fn run(args: &ExplainArgs, streams: &mut Streams<'_>) -> io::Result<Exit> {
    let Some(name) = &args.code else {
        for code in Code::ALL {
            writeln!(
                streams.stdout,
                "{:<30} {:<8} {}",
                code.as_str(),
                code.default_severity(),
                code.summary()
            )?;
        }
        return Ok(Exit::Clean);
    };
    let code = match name
        .trim()
        .to_ascii_lowercase()
        .replace('_', "-")
        .parse::<Code>()
    {
        Ok(code) => code,
        Err(error) => {
            writeln!(streams.stderr, "error: unknown diagnostic code `{name}`")?;
            match error.suggestion {
                Some(suggestion) => {
                    writeln!(streams.stderr, "  = help: did you mean `{suggestion}`?")?
                }
                None => writeln!(
                    streams.stderr,
                    "  = help: `policy explain` lists every code"
                )?,
            }
            return Ok(Exit::Findings);
        }
    };
    write_explanation(streams.stdout, code)?;
    Ok(Exit::Clean)
}

/// Writes the explanation of a code as text.
///
/// # Errors
/// The error of writing to `out`.
pub fn write_explanation(out: &mut dyn Write, code: Code) -> io::Result<()> {
    let explanation = code.explanation();
    writeln!(out, "{code} ({})", code.default_severity())?;
    writeln!(out)?;
    writeln!(out, "{}", code.summary())?;
    writeln!(out)?;
    writeln!(out, "what it checks: {}", explanation.checks)?;
    writeln!(out, "why it matters: {}", explanation.why)?;
    writeln!(out)?;
    writeln!(out, "fails ({} policy):", explanation.kind)?;
    write_example(out, &explanation.failing)?;
    writeln!(out)?;
    writeln!(out, "fixed:")?;
    write_example(out, &explanation.fixed)?;
    if let Some(check) = explanation.access_analyzer {
        writeln!(out)?;
        writeln!(out, "nearest IAM Access Analyzer check: {check}")?;
    }
    Ok(())
}

/// Writes an example indented, eliding the middle of a long one.
fn write_example(out: &mut dyn Write, text: &str) -> io::Result<()> {
    const HEAD: usize = 10;
    const TAIL: usize = 6;
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= HEAD + TAIL + 1 {
        for line in &lines {
            writeln!(out, "    {line}")?;
        }
        return Ok(());
    }
    for line in &lines[..HEAD] {
        writeln!(out, "    {line}")?;
    }
    writeln!(out, "    ... ({} more lines)", lines.len() - HEAD - TAIL)?;
    for line in &lines[lines.len() - TAIL..] {
        writeln!(out, "    {line}")?;
    }
    Ok(())
}
