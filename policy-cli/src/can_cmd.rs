//! `policy can`: can this principal do this action on that resource? One request, from flags
//! or from `--scenario FILE`. Exit 0 when allowed, 1 when denied, 2 on bad usage or input.
//!
//! The flags are turned into one scenario of the [`policy_core::eval::scenario`] format and
//! read by the same reader as `policy test`, so both commands accept and reject the same
//! inputs.

use std::io;
use std::path::PathBuf;

use clap::Args;
use policy_core::eval::scenario::{self, Scenario};
use serde_json::{json, Map, Value};

use crate::test_cmd::{decision_json, EvalFormat};
use crate::{Exit, Streams};

/// The arguments of `policy can`.
#[derive(Debug, Clone, Args)]
pub struct CanArgs {
    /// A scenario file (`.json` or `.jsonl`) instead of the flags below; every scenario in it
    /// is evaluated.
    #[arg(long, conflicts_with_all = ["principal", "action", "resource", "identity"])]
    pub scenario: Option<PathBuf>,
    /// Who asks: an IAM user, role, assumed-role or federated-user ARN, an account ID, a
    /// service principal (`bedrock.amazonaws.com`) or `anonymous`.
    #[arg(long, default_value = "anonymous")]
    pub principal: String,
    /// The action, `service:Name`.
    #[arg(long, required_unless_present = "scenario")]
    pub action: Option<String>,
    /// The resource: an ARN, or `*` for actions without a resource type.
    #[arg(long, default_value = "*")]
    pub resource: String,
    /// The account that owns the resource (default: the ARN's, else the principal's).
    #[arg(long)]
    pub resource_account: Option<String>,
    /// A context key, `KEY=VALUE`; repeat a key to give it several values (a multivalued key).
    #[arg(long = "context", value_name = "KEY=VALUE")]
    pub context: Vec<String>,
    /// An identity-based policy file (repeatable).
    #[arg(long)]
    pub identity: Vec<PathBuf>,
    /// The resource-based policy file.
    #[arg(long = "resource-policy")]
    pub resource_policy: Option<PathBuf>,
    /// A permissions boundary policy file (repeatable).
    #[arg(long)]
    pub boundary: Vec<PathBuf>,
    /// A session policy file (repeatable).
    #[arg(long)]
    pub session: Vec<PathBuf>,
    /// An SCP file; each occurrence is one organization level, root first.
    #[arg(long)]
    pub scp: Vec<PathBuf>,
    /// An RCP file; each occurrence is one organization level, root first.
    #[arg(long)]
    pub rcp: Vec<PathBuf>,
    /// A VPC endpoint policy file.
    #[arg(long = "vpc-endpoint")]
    pub vpc_endpoint: Option<PathBuf>,
    /// The organization's management account (SCPs and RCPs do not apply to it).
    #[arg(long)]
    pub management_account: Option<String>,
    /// Do not check the request against the catalog (an action newer than the catalog).
    #[arg(long)]
    pub unchecked: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Explain the decision with its trace: every statement, applied or why not.
    #[arg(long)]
    pub explain: bool,
}

fn paths(paths: &[PathBuf]) -> Value {
    Value::Array(
        paths
            .iter()
            .map(|path| Value::String(path.display().to_string()))
            .collect(),
    )
}

/// The scenario the flags describe, as JSON text.
fn scenario_text(args: &CanArgs, action: &str) -> Result<String, String> {
    let mut context: Map<String, Value> = Map::new();
    for entry in &args.context {
        let Some((key, value)) = entry.split_once('=') else {
            return Err(format!(
                "`--context {entry}` is not `KEY=VALUE` (write `--context aws:SourceIp=10.0.0.7`)"
            ));
        };
        let value = Value::String(value.to_owned());
        match context.get_mut(key) {
            Some(Value::Array(values)) => values.push(value),
            Some(single) => *single = Value::Array(vec![single.take(), value]),
            None => {
                context.insert(key.to_owned(), value);
            }
        }
    }
    let mut request = json!({
        "principal": args.principal,
        "action": action,
        "resource": args.resource,
        "context": context,
        "unchecked": args.unchecked,
    });
    if let (Some(account), Value::Object(map)) = (&args.resource_account, &mut request) {
        map.insert("resource_account".into(), account.clone().into());
    }
    let mut scenario = Map::new();
    scenario.insert("name".into(), "policy can".into());
    scenario.insert("identity".into(), paths(&args.identity));
    if let Some(path) = &args.resource_policy {
        scenario.insert("resource".into(), paths(std::slice::from_ref(path)));
    }
    if !args.boundary.is_empty() {
        scenario.insert("boundary".into(), paths(&args.boundary));
    }
    if !args.session.is_empty() {
        scenario.insert("session".into(), paths(&args.session));
    }
    if !args.scp.is_empty() {
        let levels = args
            .scp
            .iter()
            .map(|path| paths(std::slice::from_ref(path)));
        scenario.insert("scp".into(), Value::Array(levels.collect()));
    }
    if !args.rcp.is_empty() {
        let levels = args
            .rcp
            .iter()
            .map(|path| paths(std::slice::from_ref(path)));
        scenario.insert("rcp".into(), Value::Array(levels.collect()));
    }
    if let Some(path) = &args.vpc_endpoint {
        scenario.insert("vpc_endpoint".into(), paths(std::slice::from_ref(path)));
    }
    if let Some(account) = &args.management_account {
        scenario.insert("management_account".into(), account.clone().into());
    }
    scenario.insert("request".into(), request);
    Ok(Value::Object(scenario).to_string())
}

/// Points an error of the scenario made from the flags at the flag it comes from: the JSON the
/// reader saw was generated, so its positions mean nothing to the user. The reader names the
/// request's field first (`request.action: ...`, `request.context."aws:SourceIp": ...`).
fn flag_error(message: &str, args: &CanArgs, action: &str) -> String {
    let fields = [
        ("request.action: ", "--action", action),
        ("request.resource: ", "--resource", args.resource.as_str()),
        (
            "request.principal: ",
            "--principal",
            args.principal.as_str(),
        ),
    ];
    for (prefix, flag, value) in fields {
        if let Some(rest) = message.strip_prefix(prefix) {
            return format!("{flag} {value}: {rest}");
        }
    }
    if let Some((key, rest)) = message
        .strip_prefix("request.context.")
        .and_then(|rest| rest.split_once(": "))
    {
        let key = key.trim_matches('"');
        let given: Vec<&str> = args
            .context
            .iter()
            .filter(|entry| entry.split_once('=').is_some_and(|(k, _)| k == key))
            .map(String::as_str)
            .collect();
        return match given.as_slice() {
            [] => format!("--context {key}: {rest}"),
            entries => format!("--context {}: {rest}", entries.join(" --context ")),
        };
    }
    // Errors of policy files name the file and the place in it.
    format!("invalid request: {message}")
}

/// Runs `policy can`.
///
/// # Errors
/// The error of writing to stdout or stderr.
pub fn run(args: &CanArgs, streams: &mut Streams<'_>) -> io::Result<Exit> {
    let scenarios: Result<Vec<Scenario>, String> = match (&args.scenario, &args.action) {
        (Some(path), _) => scenario::parse_file(path).map_err(|error| error.to_string()),
        (None, Some(action)) => scenario_text(args, action).and_then(|text| {
            scenario::parse_str("<flags>", &text, None)
                .map_err(|error| flag_error(&error.message, args, action))
        }),
        (None, None) => Err(
            "give `--action` (and `--principal`, `--resource`, policies) or `--scenario FILE`"
                .to_owned(),
        ),
    };
    let scenarios = match scenarios {
        Ok(scenarios) => scenarios,
        Err(message) => {
            writeln!(streams.stderr, "error: {message}")?;
            return Ok(Exit::Trouble);
        }
    };
    let mut all_allowed = true;
    for scenario in &scenarios {
        let decision = scenario.evaluate(args.explain);
        all_allowed &= decision.is_allowed();
        match args.format {
            EvalFormat::Json => writeln!(streams.stdout, "{}", decision_json(scenario, &decision))?,
            EvalFormat::Text => {
                if scenarios.len() > 1 || args.scenario.is_some() {
                    writeln!(streams.stdout, "{} ({}):", scenario.name, scenario.location)?;
                }
                write!(streams.stdout, "{decision}")?;
            }
        }
    }
    Ok(if all_allowed {
        Exit::Clean
    } else {
        Exit::Findings
    })
}
