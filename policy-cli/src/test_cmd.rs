//! `policy test FILE...`: runs scenario files (`.json`: one scenario or an array; `.jsonl`: one
//! per line; the format of [`policy_core::eval::scenario`]) and checks each outcome against
//! its `expect`. Exit 0 when every scenario passes, 1 when one fails, 2 when an input cannot be
//! read (its error says `file:line:col`).

use std::io;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use policy_core::eval::scenario::{Reader, Scenario};
use policy_core::eval::{Decision, StatementRef, StatementResult};
use serde_json::{json, Value};

use crate::{Exit, Streams};

/// The output format of `policy can` and `policy test`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum EvalFormat {
    /// The decision's explanation, for people.
    #[default]
    Text,
    /// One JSON object per scenario, one per line.
    Json,
}

/// The arguments of `policy test`.
#[derive(Debug, Clone, Args)]
pub struct TestArgs {
    /// Scenario files (`.json` or `.jsonl`), or directories (the scenario files directly in them).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Explain every decision with its trace (every statement: applied, or why not), passing
    /// scenarios included.
    #[arg(long)]
    pub explain: bool,
}

/// Runs `policy test`.
///
/// # Errors
/// The error of writing to stdout or stderr.
pub fn run(args: &TestArgs, streams: &mut Streams<'_>) -> io::Result<Exit> {
    let mut reader = Reader::new();
    let mut troubled = false;
    let mut files = Vec::new();
    for path in &args.files {
        if path.is_dir() {
            // The scenario files directly in the directory (policies usually sit below it).
            let mut found: Vec<PathBuf> = match std::fs::read_dir(path) {
                Ok(entries) => entries
                    .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                    .filter(|file| {
                        file.is_file()
                            && file
                                .extension()
                                .is_some_and(|ext| ext == "json" || ext == "jsonl")
                    })
                    .collect(),
                Err(error) => {
                    writeln!(
                        streams.stderr,
                        "error: {}: cannot read the directory: {error}",
                        path.display()
                    )?;
                    troubled = true;
                    continue;
                }
            };
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut tally = Tally::default();
    for file in &files {
        // Each scenario is evaluated as soon as it is read and then dropped: a file of many
        // thousands is never held whole (in a profile of main's `policy test` on the
        // differential run's 5,000 scenarios, the kernel's page-fault handling for holding
        // them all was 7% of the samples).
        let mut written = Ok(());
        let read = reader.read_file_each(file, |scenario| {
            if written.is_ok() {
                written = check(&scenario, args, streams, &mut tally);
            }
        });
        written?;
        if let Err(error) = read {
            writeln!(streams.stderr, "error: {error}")?;
            troubled = true;
        }
    }
    let Tally {
        passed,
        failed,
        troubled: scenario_troubled,
    } = tally;
    let troubled = troubled || scenario_troubled;
    writeln!(
        streams.stderr,
        "{passed} passed, {failed} failed{}",
        if troubled { ", with input errors" } else { "" }
    )?;
    Ok(if troubled {
        Exit::Trouble
    } else if failed > 0 {
        Exit::Findings
    } else {
        Exit::Clean
    })
}

/// The counts of a run.
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    /// A scenario without `expect`.
    troubled: bool,
}

/// Evaluates one scenario against its `expect` and writes what the format asks for.
fn check(
    scenario: &Scenario,
    args: &TestArgs,
    streams: &mut Streams<'_>,
    tally: &mut Tally,
) -> io::Result<()> {
    let Some(expect) = scenario.expect else {
        writeln!(
            streams.stderr,
            "error: {}: scenario `{}` has no `expect` (write \"allow\", \"explicit-deny\" or \"implicit-deny\")",
            scenario.location, scenario.name
        )?;
        tally.troubled = true;
        return Ok(());
    };
    let decision = scenario.evaluate(args.explain);
    let pass = decision.outcome() == expect;
    if pass {
        tally.passed += 1;
    } else {
        tally.failed += 1;
    }
    match args.format {
        EvalFormat::Json => {
            let value = decision_json(scenario, &decision);
            writeln!(streams.stdout, "{value}")?;
        }
        EvalFormat::Text if !pass => {
            writeln!(
                streams.stdout,
                "FAIL {} ({}): expected {expect}, got {decision}",
                scenario.name, scenario.location
            )?;
        }
        EvalFormat::Text if args.explain => {
            writeln!(
                streams.stdout,
                "ok   {} ({}): {decision}",
                scenario.name, scenario.location
            )?;
        }
        EvalFormat::Text => {}
    }
    Ok(())
}

fn statement_json(statement: &StatementRef<'_>) -> Value {
    json!({
        "layer": statement.layer.to_string(),
        "policy": statement.policy.origin.map_or_else(|| format!("#{}", statement.policy_index), |o| o.name().to_owned()),
        "statement": statement.index,
        "sid": statement.sid(),
        "effect": statement.statement().map(|s| s.effect().to_string()),
        "position": statement.position(),
    })
}

/// The JSON object of one evaluated scenario: `name`, `location`, `decision`, `expect` and
/// `pass` (when an expectation was given), the deciding statements, the layers without an
/// Allow, the guardrails, warnings, and the trace when asked for.
pub fn decision_json(scenario: &Scenario, decision: &Decision<'_>) -> Value {
    let mut value = json!({
        "name": scenario.name,
        "location": scenario.location,
        "decision": decision.outcome().as_str(),
        "deciding": decision.deciding().iter().map(statement_json).collect::<Vec<_>>(),
        "missing_allow": decision.missing_allow().iter().map(ToString::to_string).collect::<Vec<_>>(),
        "guardrails": decision.guardrails().iter().map(ToString::to_string).collect::<Vec<_>>(),
        "warnings": decision.warnings().iter().map(|w| w.message.clone()).collect::<Vec<_>>(),
    });
    if let (Some(expect), Value::Object(map)) = (scenario.expect, &mut value) {
        map.insert("expect".into(), expect.as_str().into());
        map.insert("pass".into(), (expect == decision.outcome()).into());
    }
    if let (Some(trace), Value::Object(map)) = (decision.trace(), &mut value) {
        let entries: Vec<Value> = trace
            .iter()
            .map(|entry| {
                let result = match &entry.result {
                    StatementResult::Applies => "applies".to_owned(),
                    other => format!("{other:?}"),
                };
                let mut statement = statement_json(&entry.statement);
                if let Value::Object(map) = &mut statement {
                    map.insert("result".into(), result.into());
                }
                statement
            })
            .collect();
        map.insert("trace".into(), entries.into());
    }
    value
}
