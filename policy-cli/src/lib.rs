//! The commands of the `policy` command-line tool: `check`, `fmt`, `to-dsl`, `explain`,
//! `catalog`, `expand` and `fit`.
//!
//! The binary is a few lines over [`run`]; tests call [`run_with`] with their own streams.
//!
//! # Exit status
//! - `0` ([`Exit::Clean`]): nothing to report (warnings alone, unless `--deny-warnings`), or
//!   stdout was closed early (a broken pipe, as in `policy check dir | head -1`).
//! - `1` ([`Exit::Findings`]): a policy has an error (or a warning with `--deny-warnings`), a
//!   file is not a policy (`invalid-json`, ...), `fmt --check` found a file to reformat, or a
//!   name (`explain`, `catalog show`, `expand`) is unknown, or (`fit`) a statement cannot fit.
//! - `2` ([`Exit::Trouble`]): bad usage (clap), a bad configuration, an input that `fit` cannot
//!   read as a policy, or an I/O error (a path that does not exist, a file that cannot be
//!   read). It wins over `1`: a run that could not read every input did not check everything,
//!   whatever it found in the rest.
//!
//! ```
//! use clap::Parser;
//! let cli = typed_iam_cli::Cli::try_parse_from(["policy", "explain", "unknown-action"])?;
//! let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
//! let exit = typed_iam_cli::run_with(cli, &mut typed_iam_cli::Streams::new(&mut std::io::empty(), &mut stdout, &mut stderr));
//! assert_eq!(exit, typed_iam_cli::Exit::Clean);
//! assert!(String::from_utf8_lossy(&stdout).contains("unknown-action"));
//! # Ok::<(), clap::Error>(())
//! ```

pub mod can_cmd;
pub mod catalog_cmd;
pub mod check;
pub mod config;
pub mod diff_cmd;
pub mod engine;
pub mod explain;
pub mod fit_cmd;
pub mod fmt;
pub mod inputs;
pub mod render;
pub mod test_cmd;
pub mod to_dsl;

use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// `policy`: check, format and convert AWS IAM policies.
#[derive(Debug, Parser)]
#[command(name = "policy", version, about, propagate_version = true)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check JSON policies: files, directories (every `*.json` below them) or `-` for stdin.
    Check(check::CheckArgs),
    /// Format JSON policies canonically (AWS's key order, two-space indent), in place.
    Fmt(fmt::FmtArgs),
    /// Print the `policy! { ... }` form of a JSON policy.
    ToDsl(to_dsl::ToDslArgs),
    /// Explain a diagnostic code: what it checks, why, and a failing and a fixed example.
    Explain(explain::ExplainArgs),
    /// Look up the catalog of AWS services, actions and condition keys.
    #[command(subcommand)]
    Catalog(catalog_cmd::CatalogCommand),
    /// List the actions that an action pattern (`s3:Get*`, `bedrock:*Evaluation*`) matches.
    Expand(catalog_cmd::ExpandArgs),
    /// Compact a policy and split it into as few policies as fit a size target, granting the same.
    Fit(fit_cmd::FitArgs),
    /// Can this principal do this action on that resource? One request, from flags or a scenario.
    Can(Box<can_cmd::CanArgs>),
    /// Run scenario files (`.json`, `.jsonl`) and check each decision against its `expect`.
    Test(test_cmd::TestArgs),
    /// Compare two policies (identity, resource, boundary, SCP, ...): what does the new one grant that the old did not?
    Diff(diff_cmd::DiffArgs),
}

/// The exit status of a command (see the crate documentation for the rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// `0`: nothing to report.
    Clean = 0,
    /// `1`: findings (an error in a policy, a file to reformat, an unknown name).
    Findings = 1,
    /// `2`: bad usage or an I/O error.
    Trouble = 2,
}

impl std::process::Termination for Exit {
    fn report(self) -> ExitCode {
        ExitCode::from(self as u8)
    }
}

/// The standard streams a command uses, so that tests can capture them.
pub struct Streams<'a> {
    /// Read for `-`.
    pub stdin: &'a mut dyn Read,
    /// Results: findings, formatted policies, lookups.
    pub stdout: &'a mut dyn Write,
    /// Messages about the run: I/O errors, the summary line, the progress bar.
    pub stderr: &'a mut dyn Write,
    /// Whether stdout is a terminal (colours with `--color auto`).
    pub stdout_is_terminal: bool,
    /// Whether stderr is a terminal (the progress bar).
    pub stderr_is_terminal: bool,
}

impl std::fmt::Debug for Streams<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Streams")
            .field("stdout_is_terminal", &self.stdout_is_terminal)
            .field("stderr_is_terminal", &self.stderr_is_terminal)
            .finish_non_exhaustive()
    }
}

impl<'a> Streams<'a> {
    /// Streams that are not terminals (no colour, no progress bar).
    pub fn new(
        stdin: &'a mut dyn Read,
        stdout: &'a mut dyn Write,
        stderr: &'a mut dyn Write,
    ) -> Self {
        Self {
            stdin,
            stdout,
            stderr,
            stdout_is_terminal: false,
            stderr_is_terminal: false,
        }
    }
}

/// Runs a command on the process's standard streams.
pub fn run(cli: Cli) -> Exit {
    let stdout_is_terminal = io::stdout().is_terminal();
    let stderr_is_terminal = io::stderr().is_terminal();
    let mut stdin = io::stdin().lock();
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let mut stderr = io::stderr().lock();
    let mut streams = Streams {
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
        stdout_is_terminal,
        stderr_is_terminal,
    };
    run_with(cli, &mut streams)
}

/// Runs a command on the given streams.
pub fn run_with(cli: Cli, streams: &mut Streams<'_>) -> Exit {
    let result = match cli.command {
        Command::Check(args) => check::run(&args, streams),
        Command::Fmt(args) => fmt::run(&args, streams),
        Command::ToDsl(args) => to_dsl::run(&args, streams),
        Command::Explain(args) => explain::run(&args, streams),
        Command::Catalog(command) => catalog_cmd::run(&command, streams),
        Command::Expand(args) => catalog_cmd::expand(&args, streams),
        Command::Fit(args) => fit_cmd::run(&args, streams),
        Command::Can(args) => can_cmd::run(&args, streams),
        Command::Test(args) => test_cmd::run(&args, streams),
        Command::Diff(args) => diff_cmd::run(&args, streams),
    };
    let result = result.and_then(|exit| streams.stdout.flush().map(|()| exit));
    finish(result, streams.stderr)
}

/// Turns a command's outcome into an exit status: a broken pipe on stdout is a quiet success
/// (the reader has all it wanted), any other output error is trouble.
fn finish(result: io::Result<Exit>, stderr: &mut dyn Write) -> Exit {
    match result {
        Ok(exit) => exit,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Exit::Clean,
        Err(error) => {
            // Nothing more can be done if stderr is gone too.
            let _ = writeln!(stderr, "error: cannot write the output: {error}");
            Exit::Trouble
        }
    }
}
