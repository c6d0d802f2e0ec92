//! `policy diff OLD NEW [--kind KIND]`: does the new policy grant anything the old one did not?
//! The core decides ([`policy_core::compare`]); this command reads, prints and sets the exit
//! status: 0, or 1 with `--fail-on-new-access` when the new policy grants something new (or
//! when the comparison cannot rule it out: `unknown`), 2 on usage or input errors.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, ValueEnum};
use policy_core::compare::{compare_as, Comparison, Difference, Kind, Relation};
use policy_core::eval::ContextValue;
use policy_core::Policy;
use serde_json::{json, Map, Value};

use crate::inputs::{read_file, read_limited, Content, MAX_FILE_BYTES};
use crate::{Exit, Streams};

/// The output format of `policy diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DiffFormat {
    /// A review comment, for people.
    #[default]
    Text,
    /// One JSON object: `relation`, `new_access`, `removed_access`.
    Json,
}

/// The arguments of `policy diff`.
#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The old policy (a JSON file, or `-` for stdin).
    pub old: PathBuf,
    /// The new policy (a JSON file, or `-` for stdin).
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// The kind of both policies: how a witness request is evaluated (resource policies:
    /// principals compared, cross-account callers; SCPs and RCPs: as an organization level).
    // The names and their parsing are the core's (`compare::Kind`); clap only lists them.
    #[arg(long, default_value = "identity", value_parser = PossibleValuesParser::new(Kind::NAMES).try_map(|name| name.parse::<Kind>()))]
    pub kind: Kind,
    /// Exit 1 when the new policy grants something the old did not (or when that cannot be
    /// ruled out).
    #[arg(long)]
    pub fail_on_new_access: bool,
}

fn read_policy(path: &Path, streams: &mut Streams<'_>) -> Result<Policy, String> {
    let name = path.display().to_string();
    let content = if name == "-" {
        read_limited(&mut *streams.stdin)
    } else {
        read_file(path)
    }
    .map_err(|error| format!("cannot read `{name}`: {error}"))?;
    let bytes = match content {
        Content::Bytes(bytes) => bytes,
        Content::TooLarge(size) => {
            return Err(format!(
                "`{name}` is too large ({size} bytes; the limit is {MAX_FILE_BYTES})"
            ))
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| format!("`{name}` is not UTF-8 text"))?;
    Policy::from_json(&text).map_err(|error| {
        format!("`{name}` is not a policy: {error} (run `policy check {name}` for details)")
    })
}

fn context_json(context: &[(String, ContextValue)]) -> Value {
    let mut map = Map::new();
    for (key, value) in context {
        let value = match value {
            ContextValue::Single(one) => Value::String(one.clone()),
            ContextValue::Multi(many) => many.iter().cloned().map(Value::String).collect(),
        };
        map.insert(key.clone(), value);
    }
    Value::Object(map)
}

fn difference_json(difference: &Difference) -> Value {
    let witness = &difference.witness;
    let mut item = json!({
        "actions": difference.actions,
        "resources": difference.resources,
        "witness": {
            "principal": witness.principal,
            "action": witness.action,
            "resource": witness.resource,
            "context": context_json(&witness.context),
        },
    });
    if let (false, Value::Object(map)) = (difference.conditions.is_empty(), &mut item) {
        map.insert("conditions".into(), json!(difference.conditions));
    }
    if let (Some(account), Some(Value::Object(map))) =
        (&witness.resource_account, item.get_mut("witness"))
    {
        map.insert("resource_account".into(), json!(account));
    }
    item
}

/// The comparison as the JSON object of the issue.
pub fn comparison_json(comparison: &Comparison) -> Value {
    let mut object = json!({
        "relation": comparison.relation.as_str(),
        "new_access": comparison.new_access.iter().map(difference_json).collect::<Vec<_>>(),
        "removed_access": comparison.removed_access.iter().map(difference_json).collect::<Vec<_>>(),
    });
    if let (Relation::Unknown(reason), Value::Object(map)) = (&comparison.relation, &mut object) {
        map.insert("reason".into(), reason.clone().into());
    }
    object
}

fn write_items(
    out: &mut dyn Write,
    sign: char,
    items: &[Difference],
    allowing: &str,
    denying: &str,
) -> io::Result<()> {
    for item in items {
        let shown: Vec<&str> = item.actions.iter().take(6).map(String::as_str).collect();
        let more = item.actions.len().saturating_sub(shown.len());
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        writeln!(out, "  {sign} {}{more}", shown.join(", "))?;
        writeln!(out, "      on {}", item.resources.join(", "))?;
        if !item.conditions.is_empty() {
            writeln!(out, "      when {}", item.conditions.join(" and "))?;
        }
        let witness = &item.witness;
        let context = if witness.context.is_empty() {
            "no context".to_owned()
        } else {
            context_json(&witness.context).to_string()
        };
        let owner = witness
            .resource_account
            .as_ref()
            .map(|account| format!(" of account {account}"))
            .unwrap_or_default();
        writeln!(
            out,
            "      e.g. {} calling {} on {}{owner} ({context}): {allowing} allows, {denying} denies",
            witness.principal, witness.action, witness.resource
        )?;
    }
    Ok(())
}

fn write_text(out: &mut dyn Write, comparison: &Comparison) -> io::Result<()> {
    let headline = match &comparison.relation {
        Relation::Equivalent => "the new policy grants exactly what the old one did".to_owned(),
        Relation::Narrower => {
            "the new policy grants less: nothing new, some access removed".to_owned()
        }
        Relation::Broader => "the new policy grants MORE: new access, nothing removed".to_owned(),
        Relation::Incomparable => "the new policy grants new access AND removes some".to_owned(),
        Relation::Unknown(reason) => format!("could not decide everything: {reason}"),
        _ => comparison.relation.to_string(),
    };
    writeln!(out, "{} — {headline}", comparison.relation.as_str())?;
    if !comparison.new_access.is_empty() {
        writeln!(out, "\nNew access ({}):", comparison.new_access.len())?;
        write_items(out, '+', &comparison.new_access, "new", "old")?;
    }
    if !comparison.removed_access.is_empty() {
        writeln!(
            out,
            "\nRemoved access ({}):",
            comparison.removed_access.len()
        )?;
        write_items(out, '-', &comparison.removed_access, "old", "new")?;
    }
    Ok(())
}

/// Runs `policy diff`.
///
/// # Errors
/// The error of writing to stdout or stderr.
pub fn run(args: &DiffArgs, streams: &mut Streams<'_>) -> io::Result<Exit> {
    if args.old.as_os_str() == "-" && args.new.as_os_str() == "-" {
        writeln!(
            streams.stderr,
            "error: only one of OLD and NEW can be `-` (stdin)"
        )?;
        return Ok(Exit::Trouble);
    }
    let policies = read_policy(&args.old, streams)
        .and_then(|old| read_policy(&args.new, streams).map(|new| (old, new)));
    let (old, new) = match policies {
        Ok(pair) => pair,
        Err(message) => {
            writeln!(streams.stderr, "error: {message}")?;
            return Ok(Exit::Trouble);
        }
    };
    let comparison = compare_as(args.kind, &old, &new);
    match args.format {
        DiffFormat::Json => writeln!(streams.stdout, "{}", comparison_json(&comparison))?,
        DiffFormat::Text => write_text(streams.stdout, &comparison)?,
    }
    Ok(if args.fail_on_new_access && comparison.has_new_access() {
        Exit::Findings
    } else {
        Exit::Clean
    })
}
