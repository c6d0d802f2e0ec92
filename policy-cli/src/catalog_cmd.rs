//! `policy catalog stats|show|search` and `policy expand`: the catalog of AWS services,
//! actions, resource types and condition keys, from the command line.
//!
//! Names are looked up ignoring ASCII case and shown as AWS spells them. An unknown name exits
//! with status 1 and a "did you mean" when one is close.

use std::io::{self, Write};

use catalog::index::{catalog, ActionInfo, ConditionKeyInfo, Service};
use clap::{Args, Subcommand};

use crate::{Exit, Streams};

/// `policy catalog ...`.
#[derive(Debug, Clone, Subcommand)]
pub enum CatalogCommand {
    /// The catalog's version, date and counts.
    Stats(StatsArgs),
    /// An action (`bedrock:CreateEvaluationJob`), condition key (`aws:SourceArn`) or service
    /// (`bedrock`): description, access level, resource types, condition keys, documentation.
    Show(ShowArgs),
    /// Services, actions and condition keys whose name contains TEXT (ignoring case).
    Search(SearchArgs),
}

/// The arguments of `policy catalog stats`.
#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The arguments of `policy catalog show`.
#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// An action, a condition key or a service prefix.
    pub name: String,
}

/// The arguments of `policy catalog search`.
#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// The text to look for in names.
    pub text: String,
}

/// The arguments of `policy expand`.
#[derive(Debug, Clone, Args)]
pub struct ExpandArgs {
    /// An action pattern with `*` and `?`: `s3:Get*`, `bedrock:*Evaluation*`.
    pub pattern: String,
}

/// Runs `policy catalog ...`.
///
/// # Errors
/// The error of writing to stdout.
pub fn run(command: &CatalogCommand, streams: &mut Streams<'_>) -> io::Result<Exit> {
    match command {
        CatalogCommand::Stats(args) => stats(args, streams.stdout),
        CatalogCommand::Show(args) => show(&args.name, streams),
        CatalogCommand::Search(args) => search(&args.text, streams),
    }
}

/// The catalog's figures, as `policy catalog stats --json` prints them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// The version of the vendored data.
    pub version: &'static str,
    /// The date of the vendored data.
    pub date: &'static str,
    /// Services.
    pub services: usize,
    /// Actions.
    pub actions: usize,
    /// Resource types.
    pub resource_types: usize,
    /// Condition keys (global and per service).
    pub condition_keys: usize,
    /// Actions that AWS retired since an earlier snapshot.
    pub retired_actions: usize,
}

impl Stats {
    /// The figures of the compiled-in catalog.
    pub fn current() -> Self {
        let catalog = catalog();
        Self {
            version: catalog.version(),
            date: catalog.date(),
            services: catalog.service_count(),
            actions: catalog.action_count(),
            resource_types: catalog.resource_type_count(),
            condition_keys: catalog.condition_key_count(),
            retired_actions: catalog.retired_action_count(),
        }
    }
}

fn stats(args: &StatsArgs, out: &mut dyn Write) -> io::Result<Exit> {
    let stats = Stats::current();
    if args.json {
        serde_json::to_writer(&mut *out, &stats)?;
        writeln!(out)?;
        return Ok(Exit::Clean);
    }
    writeln!(out, "catalog version {} ({})", stats.version, stats.date)?;
    for (label, count) in [
        ("services", stats.services),
        ("actions", stats.actions),
        ("resource types", stats.resource_types),
        ("condition keys", stats.condition_keys),
        ("retired actions", stats.retired_actions),
    ] {
        writeln!(out, "{label:<16} {count:>7}")?;
    }
    Ok(Exit::Clean)
}

fn show(name: &str, streams: &mut Streams<'_>) -> io::Result<Exit> {
    let catalog = catalog();
    let name = name.trim();
    if let Some(action) = catalog.action(name) {
        show_action(streams.stdout, action)?;
        return Ok(Exit::Clean);
    }
    if let Some(key) = catalog.condition_key(name) {
        show_key(streams.stdout, key)?;
        return Ok(Exit::Clean);
    }
    if !name.contains(':') {
        if let Some(service) = catalog.service(name) {
            show_service(streams.stdout, service)?;
            return Ok(Exit::Clean);
        }
    }
    if let Some(retired) = catalog.retired_action(name) {
        writeln!(
            streams.stderr,
            "error: action `{}` was retired by AWS (last seen in {} {})",
            retired.full_name(),
            retired.snapshot(),
            retired.last_seen()
        )?;
        return Ok(Exit::Findings);
    }
    writeln!(
        streams.stderr,
        "error: `{name}` is not an action, condition key or service in the catalog"
    )?;
    let suggestions = suggestions(name);
    if suggestions.is_empty() {
        writeln!(
            streams.stderr,
            "  = help: `policy catalog search TEXT` finds names that contain TEXT"
        )?;
    }
    for suggestion in suggestions {
        writeln!(streams.stderr, "  = help: did you mean `{suggestion}`?")?;
    }
    Ok(Exit::Findings)
}

/// The names close to an unknown one: an action of the same service, a condition key, or a
/// service.
fn suggestions(name: &str) -> Vec<String> {
    let catalog = catalog();
    let mut found = Vec::new();
    match name.split_once(':') {
        Some((prefix, action)) => {
            match catalog.service(prefix) {
                Some(service) => {
                    if let Some(action) = catalog.suggest_action(service, action) {
                        found.push(format!("{}:{action}", service.prefix()));
                    }
                }
                // `aws:ARN` is a (mistyped) global key, not a mistyped service.
                None if catalog.is_condition_key_prefix(prefix) => {}
                None => {
                    if let Some(prefix) = catalog.suggest_service(prefix) {
                        found.push(format!("{prefix}:{action}"));
                    }
                }
            }
            if let Some(key) = catalog.suggest_condition_key(name) {
                found.push(key.to_owned());
            }
        }
        None => {
            if let Some(prefix) = catalog.suggest_service(name) {
                found.push(prefix.to_owned());
            }
        }
    }
    found.dedup();
    found
}

fn show_action(out: &mut dyn Write, action: ActionInfo) -> io::Result<()> {
    let service = action.service();
    writeln!(out, "{}", action.full_name())?;
    writeln!(
        out,
        "  service:        {} (`{}`)",
        service.name(),
        service.prefix()
    )?;
    let levels: Vec<&str> = action
        .access_levels()
        .iter()
        .map(|level| level.as_str())
        .collect();
    writeln!(out, "  access level:   {}", levels.join(", "))?;
    writeln!(out, "  description:    {}", action.description())?;
    let resource_types: Vec<_> = action.resource_types().collect();
    if resource_types.is_empty() {
        writeln!(
            out,
            "  resource types: none (the statement's `Resource` must be `*`)"
        )?;
    } else {
        writeln!(out, "  resource types:")?;
        for (resource_type, required) in resource_types {
            let required = if required { " (required)" } else { "" };
            writeln!(out, "    {}{required}", resource_type.name())?;
            for format in resource_type.arn_formats() {
                writeln!(out, "      {format}")?;
            }
        }
    }
    let keys: Vec<&str> = action.condition_keys().collect();
    if keys.is_empty() {
        writeln!(out, "  condition keys: none")?;
    } else {
        writeln!(out, "  condition keys:")?;
        for key in keys {
            writeln!(out, "    {key}")?;
        }
    }
    writeln!(out, "  documentation:  {}", action.doc_url())
}

fn show_key(out: &mut dyn Write, key: ConditionKeyInfo) -> io::Result<()> {
    writeln!(out, "{}", key.name())?;
    writeln!(out, "  type:           {}", key.value_type().as_str())?;
    let scope = match key.service() {
        _ if key.is_global() => "global (any request that carries it)".to_owned(),
        Some(service) => format!("{} (`{}`)", service.name(), service.prefix()),
        None => "global".to_owned(),
    };
    writeln!(out, "  scope:          {scope}")?;
    if !key.description().is_empty() {
        writeln!(out, "  description:    {}", key.description())?;
    }
    if let Some(service) = key.service() {
        writeln!(out, "  documentation:  {}", service.doc_url())?;
    }
    Ok(())
}

fn show_service(out: &mut dyn Write, service: Service) -> io::Result<()> {
    writeln!(out, "{} (`{}`)", service.name(), service.prefix())?;
    writeln!(out, "  actions:        {}", service.actions().len())?;
    writeln!(out, "  resource types: {}", service.resource_types().len())?;
    writeln!(out, "  condition keys: {}", service.condition_keys().len())?;
    writeln!(out, "  documentation:  {}", service.doc_url())
}

fn search(text: &str, streams: &mut Streams<'_>) -> io::Result<Exit> {
    let catalog = catalog();
    let wanted = text.trim().to_ascii_lowercase();
    if wanted.is_empty() {
        writeln!(streams.stderr, "error: nothing to search for")?;
        return Ok(Exit::Trouble);
    }
    let mut found = 0;
    for service in catalog.services() {
        if service.prefix().to_ascii_lowercase().contains(&wanted)
            || service.name().to_ascii_lowercase().contains(&wanted)
        {
            writeln!(
                streams.stdout,
                "service  {}  {}",
                service.prefix(),
                service.name()
            )?;
            found += 1;
        }
    }
    for action in catalog.actions() {
        let full_name = action.full_name();
        if full_name.to_ascii_lowercase().contains(&wanted) {
            writeln!(streams.stdout, "action   {full_name}")?;
            found += 1;
        }
    }
    for key in catalog.condition_keys() {
        if key.name().to_ascii_lowercase().contains(&wanted) {
            writeln!(
                streams.stdout,
                "key      {}  {}",
                key.name(),
                key.value_type().as_str()
            )?;
            found += 1;
        }
    }
    if found == 0 {
        writeln!(
            streams.stderr,
            "error: no service, action or condition key contains `{text}`"
        )?;
        return Ok(Exit::Findings);
    }
    Ok(Exit::Clean)
}

/// Runs `policy expand PATTERN`: the matching actions, one per line, sorted.
///
/// # Errors
/// The error of writing to stdout.
pub fn expand(args: &ExpandArgs, streams: &mut Streams<'_>) -> io::Result<Exit> {
    let pattern = args.pattern.trim();
    let mut names: Vec<String> = catalog()
        .expand(pattern)
        .iter()
        .map(ActionInfo::full_name)
        .collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        writeln!(streams.stderr, "error: `{pattern}` matches no action")?;
        if let Some((prefix, _)) = pattern.split_once(':') {
            if !prefix.contains(['*', '?']) && catalog().service(prefix).is_none() {
                match catalog().suggest_service(prefix) {
                    Some(suggestion) => writeln!(
                        streams.stderr,
                        "  = help: `{prefix}` is not a service; did you mean `{suggestion}`?"
                    )?,
                    None => writeln!(streams.stderr, "  = help: `{prefix}` is not a service")?,
                }
            }
        }
        return Ok(Exit::Findings);
    }
    for name in names {
        writeln!(streams.stdout, "{name}")?;
    }
    Ok(Exit::Clean)
}
