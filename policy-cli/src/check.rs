//! `policy check`: validate JSON policies in files, directories and stdin.
//!
//! Files are checked in parallel on plain `std::thread::scope` workers that pull the next file
//! from a shared counter: the work is one independent file per item, so a work-stealing pool
//! (rayon) would add a dependency and nothing else. Results come back over a channel and are
//! written in input order as soon as each next one is ready, so output is deterministic and
//! starts before the run ends (and stops early on a broken pipe).

use std::collections::BTreeMap;
use std::io;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use clap::Args;

use crate::config::Config;
use crate::engine::{self, Checked, Kind, Settings};
use crate::inputs::{self, Content, Input};
use crate::render::{self, ColorChoice, Format, Palette, Sarif};
use crate::{Exit, Streams};

/// The arguments of `policy check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The kind of policy (default: from `policy.toml`, else `auto`).
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// The output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Exit with status 1 when there are warnings, even without errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// When to colour the text output.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// The configuration file (default: `policy.toml` in the working directory or above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// How many files to check at once (default: one per core).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Files, directories (every `*.json` below them), or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// The totals of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files (and stdin) checked.
    pub files: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Paths that could not be walked or read.
    pub unreadable: usize,
}

impl Summary {
    /// The exit status for these totals (see the crate documentation).
    pub fn exit(&self, deny_warnings: bool) -> Exit {
        if self.unreadable > 0 {
            Exit::Trouble
        } else if self.errors > 0 || (deny_warnings && self.warnings > 0) {
            Exit::Findings
        } else {
            Exit::Clean
        }
    }
}

/// Runs `policy check`.
///
/// # Errors
/// The error of writing the results (a broken pipe is handled by the caller).
pub fn run(args: &CheckArgs, streams: &mut Streams<'_>) -> io::Result<Exit> {
    let config = match Config::find(args.config.as_deref()) {
        Ok(config) => config,
        Err(error) => {
            writeln!(streams.stderr, "error: {error}")?;
            return Ok(Exit::Trouble);
        }
    };
    let inputs::Collected {
        inputs,
        errors: walk_errors,
    } = inputs::collect(&args.paths);
    let mut summary = Summary {
        unreadable: walk_errors.len(),
        ..Summary::default()
    };
    for error in &walk_errors {
        writeln!(streams.stderr, "error: {error}")?;
    }
    // Stdin is read here, once, before the workers start.
    let mut stdin = None;
    if inputs.contains(&Input::Stdin) {
        match inputs::read_limited(&mut *streams.stdin) {
            Ok(content) => stdin = Some(content),
            Err(error) => {
                writeln!(streams.stderr, "error: cannot read stdin: {error}")?;
                summary.unreadable += 1;
            }
        }
    }
    let jobs = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let settings: Vec<Settings> = inputs
        .iter()
        .map(|input| config.settings(input.path(), args.kind))
        .collect();
    let palette = Palette::new(args.color.enabled(streams.stdout_is_terminal));
    let mut sarif = Sarif::default();
    let progress = Progress::new(streams.stderr_is_terminal, inputs.len());
    check_all(&inputs, &settings, stdin, jobs, |input, result| {
        progress.tick();
        let checked = match result {
            Ok(checked) => checked,
            Err(error) => {
                summary.unreadable += 1;
                let error = inputs::InputError {
                    path: input.name(),
                    error,
                };
                return progress.suspend(|| writeln!(streams.stderr, "error: {error}"));
            }
        };
        summary.files += 1;
        let engine::Counts { errors, warnings } = checked.counts();
        summary.errors += errors;
        summary.warnings += warnings;
        let name = input.name();
        progress.suspend(|| {
            for finding in &checked.findings {
                match args.format {
                    Format::Text => {
                        render::text(streams.stdout, palette, &name, &checked.text, finding)?
                    }
                    Format::Json => render::json(streams.stdout, &name, &checked.text, finding)?,
                    Format::Sarif => sarif.add(&name, &checked.text, finding),
                }
            }
            Ok(())
        })
    })?;
    progress.finish();
    if args.format == Format::Sarif {
        sarif.write(streams.stdout)?;
    }
    streams.stdout.flush()?;
    writeln!(streams.stderr, "{}", summary_line(&summary))?;
    Ok(summary.exit(args.deny_warnings))
}

/// The summary line: `checked 3 files: 1 error, 2 warnings`.
pub fn summary_line(summary: &Summary) -> String {
    let mut line = format!(
        "checked {}: {}, {}",
        plural(summary.files, "file"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning")
    );
    if summary.unreadable > 0 {
        line.push_str(&format!(
            "; {} not read",
            plural(summary.unreadable, "path")
        ));
    }
    line
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Checks every input on `jobs` threads (one job: on the calling thread) and hands each result
/// to `report` in input order.
/// Stops early (without checking the rest) when `report` fails.
///
/// # Errors
/// The first error `report` returned.
pub fn check_all(
    inputs: &[Input],
    settings: &[Settings],
    stdin: Option<Content>,
    jobs: usize,
    mut report: impl FnMut(&Input, io::Result<Checked>) -> io::Result<()>,
) -> io::Result<()> {
    if jobs <= 1 || inputs.len() <= 1 {
        // One at a time on this thread: no worker to hand results over from (a hand-over per
        // file costs two context switches).
        let mut stdin = stdin;
        for (input, settings) in inputs.iter().zip(settings) {
            report(input, check_one(input, settings, || stdin.take()))?;
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let stdin = std::sync::Mutex::new(stdin);
    let (sender, receiver) = mpsc::channel::<(usize, io::Result<Checked>)>();
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, inputs.len().max(1)) {
            let sender = sender.clone();
            let (next, stop, stdin) = (&next, &stop, &stdin);
            // A large stack so that a deeply nested document cannot overflow it whatever the
            // parser's depth limit; it is reserved, not committed.
            let worker = std::thread::Builder::new()
                .name("policy-check".into())
                .stack_size(64 << 20)
                .spawn_scoped(scope, move || {
                    while !stop.load(Ordering::Relaxed) {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let (Some(input), Some(settings)) =
                            (inputs.get(index), settings.get(index))
                        else {
                            break;
                        };
                        let result = check_one(input, settings, || {
                            stdin.lock().ok().and_then(|mut stdin| stdin.take())
                        });
                        if sender.send((index, result)).is_err() {
                            break;
                        }
                    }
                });
            if let Err(error) = worker {
                stop.store(true, Ordering::Relaxed);
                return Err(error);
            }
        }
        drop(sender);
        let mut pending = BTreeMap::new();
        let mut expected = 0;
        for (index, result) in receiver {
            pending.insert(index, result);
            while let Some(result) = pending.remove(&expected) {
                if let Err(error) = report(&inputs[expected], result) {
                    stop.store(true, Ordering::Relaxed);
                    return Err(error);
                }
                expected += 1;
            }
        }
        Ok(())
    })
}

/// Reads and checks one input; `stdin` gives the content read from standard input (once).
fn check_one(
    input: &Input,
    settings: &Settings,
    stdin: impl FnOnce() -> Option<Content>,
) -> io::Result<Checked> {
    let content = match input {
        Input::File(path) => inputs::read_file(path)?,
        Input::Stdin => stdin().unwrap_or(Content::Bytes(Vec::new())),
    };
    Ok(engine::check_content(content, settings))
}

/// A progress bar on stderr, shown only on a terminal and only once a run has taken more than
/// a moment.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
}

impl Progress {
    const DELAY: Duration = Duration::from_millis(300);

    fn new(is_terminal: bool, total: usize) -> Self {
        let bar = (is_terminal && total > 1).then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::hidden(),
            );
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
            {
                bar.set_style(style);
            }
            bar
        });
        Self {
            bar,
            started: Instant::now(),
        }
    }

    fn tick(&self) {
        if let Some(bar) = &self.bar {
            if bar.is_hidden() && self.started.elapsed() > Self::DELAY {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            bar.inc(1);
        }
    }

    fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
