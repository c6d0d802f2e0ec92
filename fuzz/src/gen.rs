//! Structured generation: a small policy model that `arbitrary` fills from the fuzzer's bytes,
//! written out as JSON. Most names are real (actions, condition keys, ARN formats from the
//! catalog; real operators, principals and values), so that the fuzzer spends its time in the
//! validator, the evaluator and the comparison rather than in the tokenizer. A few are raw
//! strings from the input, so odd text still reaches every rule.

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use serde_json::{json, Map, Value};

/// Names drawn from the catalog once per process.
struct Pools {
    actions: Vec<String>,
    keys: Vec<String>,
    arns: Vec<String>,
}

fn pools() -> &'static Pools {
    static POOLS: OnceLock<Pools> = OnceLock::new();
    POOLS.get_or_init(|| {
        let catalog = catalog::index::catalog();
        let actions: Vec<String> = catalog.actions().map(|a| a.full_name()).collect();
        let mut keys: Vec<String> = Vec::new();
        let mut arns: Vec<String> = Vec::new();
        for service in catalog.services() {
            keys.extend(service.condition_keys().map(|k| k.name().to_owned()));
            for resource in service.resource_types() {
                arns.extend(resource.arn_formats().iter().map(|f| fill_arn(f)));
            }
        }
        keys.sort();
        keys.dedup();
        arns.sort();
        arns.dedup();
        Pools {
            actions,
            keys,
            arns,
        }
    })
}

/// An ARN format (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) with example values.
fn fill_arn(format: &str) -> String {
    let mut out = String::new();
    let mut rest = format;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find('}').map_or(after.len(), |e| e + 1);
        let name = &after[..end];
        out.push_str(match name {
            "${Partition}" => "aws",
            "${Region}" => "us-east-1",
            "${Account}" => "111122223333",
            _ => "name",
        });
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

const OPERATORS: &[&str] = &[
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "ArnEquals",
    "ArnLike",
    "ArnNotLike",
    "NumericEquals",
    "NumericLessThan",
    "NumericGreaterThanEquals",
    "DateLessThan",
    "DateGreaterThan",
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    "Null",
];
const QUALIFIERS: &[&str] = &["", "", "", "ForAnyValue:", "ForAllValues:"];
const GLOBAL_KEYS: &[&str] = &[
    "aws:PrincipalTag/team",
    "aws:TagKeys",
    "aws:SecureTransport",
    "aws:SourceIp",
    "aws:username",
    "aws:PrincipalArn",
    "aws:CurrentTime",
    "aws:MultiFactorAuthAge",
    "aws:RequestedRegion",
    "aws:PrincipalOrgID",
    "aws:ResourceTag/env",
];
const VALUES: &[&str] = &[
    "true",
    "false",
    "ml",
    "web",
    "team",
    "te*",
    "*",
    "10.0.0.0/8",
    "203.0.113.7/32",
    "2001:db8::/32",
    "2020-01-01T00:00:00Z",
    "3600",
    "-1.5",
    "us-east-1",
    "o-abc123",
    "arn:aws:iam::111122223333:role/R",
    "arn:aws:s3:::b/*",
    "${aws:username}",
    "${aws:PrincipalTag/team}-*",
    "",
];
const RESOURCES: &[&str] = &[
    "*",
    "arn:aws:s3:::b/*",
    "arn:aws:s3:::b/k",
    "arn:aws:s3:::${aws:username}/*",
    "arn:aws:sqs:*",
    "arn:aws:iam::111122223333:role/*",
    "arn:*:*:*:*:*",
];
const PRINCIPALS: &[&str] = &[
    "111122223333",
    "arn:aws:iam::111122223333:root",
    "arn:aws:iam::111122223333:user/ana",
    "arn:aws:iam::111122223333:role/R",
    "arn:aws:sts::111122223333:assumed-role/R/s",
    "arn:aws:iam::444455556666:root",
    "*",
];
const SERVICES: &[&str] = &[
    "sagemaker.amazonaws.com",
    "lambda.amazonaws.com",
    "s3.amazonaws.com",
    "ec2.amazonaws.com",
];
const WILD_ACTIONS: &[&str] = &["*", "s3:*", "s3:Get*", "iam:*", "*:Get*", "ec2:Describe*"];

/// Picks a name: mostly from a pool, sometimes the input's own text.
#[derive(Arbitrary, Debug, Clone)]
pub enum Pick {
    /// A name from the catalog's pool (actions, keys or ARNs).
    Catalog(u16),
    /// A name from the short hand-written list.
    Common(u8),
    /// A catalog name with its end replaced by a wildcard.
    Wildcard(u16, u8),
    /// Any text.
    Raw(String),
}

impl Pick {
    fn from(&self, pool: &[String], common: &[&str]) -> String {
        let at = |pool_len: usize, index: usize| index % pool_len.max(1);
        match self {
            Pick::Catalog(index) if !pool.is_empty() => {
                pool[at(pool.len(), *index as usize)].clone()
            }
            Pick::Wildcard(index, cut) if !pool.is_empty() => {
                let name = &pool[at(pool.len(), *index as usize)];
                let chars: Vec<char> = name.chars().collect();
                let keep = at(chars.len() + 1, *cut as usize);
                let mut out: String = chars[..keep].iter().collect();
                out.push(if cut % 3 == 0 { '?' } else { '*' });
                out
            }
            Pick::Raw(text) => text.clone(),
            Pick::Common(index) | Pick::Wildcard(_, index) => {
                common[at(common.len(), *index as usize)].to_owned()
            }
            Pick::Catalog(index) => common[at(common.len(), *index as usize)].to_owned(),
        }
    }

    /// An action name.
    pub fn action(&self) -> String {
        self.from(&pools().actions, WILD_ACTIONS)
    }

    /// A resource.
    pub fn resource(&self) -> String {
        self.from(&pools().arns, RESOURCES)
    }

    /// A condition key.
    pub fn key(&self) -> String {
        self.from(&pools().keys, GLOBAL_KEYS)
    }

    /// A condition value.
    pub fn value(&self) -> String {
        self.from(&[], VALUES)
    }

    /// A principal ARN or account.
    pub fn principal(&self) -> String {
        self.from(&[], PRINCIPALS)
    }
}

/// One or a list, as the JSON allows both.
fn list(items: Vec<String>, single: bool) -> Value {
    match (single, <[String; 1]>::try_from(items)) {
        (true, Ok([one])) => Value::String(one),
        (_, Ok([one])) => json!([one]),
        (_, Err(items)) => json!(items),
    }
}

/// A condition block: `operator: {key: values}`.
#[derive(Arbitrary, Debug, Clone)]
pub struct GenCondition {
    operator: u8,
    qualifier: u8,
    if_exists: bool,
    raw_operator: Option<String>,
    entries: Vec<(Pick, Vec<Pick>, bool)>,
}

/// `Principal`/`NotPrincipal`.
#[derive(Arbitrary, Debug, Clone)]
pub enum GenPrincipal {
    /// `"*"`.
    Anyone,
    /// `{"AWS": ...}`.
    Aws(Vec<Pick>),
    /// `{"Service": ...}`.
    Service(u8),
    /// `{"Federated": ...}`.
    Federated(Pick),
    /// `{"CanonicalUser": ...}`.
    CanonicalUser(Pick),
}

impl GenPrincipal {
    fn json(&self) -> Value {
        match self {
            GenPrincipal::Anyone => json!("*"),
            GenPrincipal::Aws(picks) => {
                json!({"AWS": list(picks.iter().map(Pick::principal).collect(), true)})
            }
            GenPrincipal::Service(index) => {
                json!({"Service": SERVICES[*index as usize % SERVICES.len()]})
            }
            GenPrincipal::Federated(pick) => json!({"Federated": pick.value()}),
            GenPrincipal::CanonicalUser(pick) => json!({"CanonicalUser": pick.value()}),
        }
    }
}

/// One statement.
#[derive(Arbitrary, Debug, Clone)]
pub struct GenStatement {
    /// The `Sid`.
    pub sid: Option<String>,
    /// `Deny` rather than `Allow`.
    pub deny: bool,
    not_action: bool,
    actions: Vec<Pick>,
    /// `None`: no resource element; `Some((negated, items))`.
    resources: Option<(bool, Vec<Pick>)>,
    principal: Option<(bool, GenPrincipal)>,
    conditions: Vec<GenCondition>,
    single: bool,
}

impl GenStatement {
    /// The statement as JSON; `with_principal` keeps its principal (resource policies),
    /// otherwise it is left out (identity policies).
    pub fn json(&self, with_principal: bool) -> Value {
        let mut object = Map::new();
        if let Some(sid) = &self.sid {
            object.insert("Sid".into(), json!(sid));
        }
        object.insert(
            "Effect".into(),
            json!(if self.deny { "Deny" } else { "Allow" }),
        );
        if !self.actions.is_empty() {
            let key = if self.not_action {
                "NotAction"
            } else {
                "Action"
            };
            let items = self.actions.iter().map(Pick::action).collect();
            object.insert(key.into(), list(items, self.single));
        }
        if let Some((negated, items)) = &self.resources {
            let key = if *negated { "NotResource" } else { "Resource" };
            let items: Vec<String> = items.iter().map(Pick::resource).collect();
            let items = if items.is_empty() {
                vec!["*".to_owned()]
            } else {
                items
            };
            object.insert(key.into(), list(items, self.single));
        }
        if let (true, Some((negated, principal))) = (with_principal, &self.principal) {
            let key = if *negated {
                "NotPrincipal"
            } else {
                "Principal"
            };
            object.insert(key.into(), principal.json());
        }
        if !self.conditions.is_empty() {
            let mut blocks = Map::new();
            for condition in &self.conditions {
                let operator = match &condition.raw_operator {
                    Some(raw) if condition.operator % 16 == 0 => raw.clone(),
                    _ => format!(
                        "{}{}{}",
                        QUALIFIERS[condition.qualifier as usize % QUALIFIERS.len()],
                        OPERATORS[condition.operator as usize % OPERATORS.len()],
                        if condition.if_exists { "IfExists" } else { "" }
                    ),
                };
                let mut entries = Map::new();
                for (key, values, single) in &condition.entries {
                    let values: Vec<String> = values.iter().map(Pick::value).collect();
                    let values = if values.is_empty() {
                        vec!["true".to_owned()]
                    } else {
                        values
                    };
                    entries.insert(key.key(), list(values, *single));
                }
                blocks.insert(operator, Value::Object(entries));
            }
            object.insert("Condition".into(), Value::Object(blocks));
        }
        Value::Object(object)
    }
}

/// A policy.
#[derive(Arbitrary, Debug, Clone)]
pub struct GenPolicy {
    version: u8,
    id: Option<String>,
    /// One statement written as an object rather than an array.
    single: bool,
    /// The statements.
    pub statements: Vec<GenStatement>,
}

impl GenPolicy {
    /// The policy as JSON text.
    pub fn text(&self, with_principal: bool) -> String {
        self.json(with_principal).to_string()
    }

    /// The policy as JSON.
    pub fn json(&self, with_principal: bool) -> Value {
        let mut object = Map::new();
        match self.version % 4 {
            0 | 1 => {
                object.insert("Version".into(), json!("2012-10-17"));
            }
            2 => {
                object.insert("Version".into(), json!("2008-10-17"));
            }
            _ => {}
        }
        if let Some(id) = &self.id {
            object.insert("Id".into(), json!(id));
        }
        let statements: Vec<Value> = self
            .statements
            .iter()
            .map(|s| s.json(with_principal))
            .collect();
        let statements = match (self.single, <[Value; 1]>::try_from(statements)) {
            (true, Ok([one])) => one,
            (_, Ok([one])) => json!([one]),
            (_, Err(many)) => Value::Array(many),
        };
        object.insert("Statement".into(), statements);
        Value::Object(object)
    }

    /// The policy, read by the JSON reader (`None` when the reader refuses it).
    pub fn policy(&self, with_principal: bool) -> Option<policy_core::Policy> {
        policy_core::Policy::from_json(&self.text(with_principal)).ok()
    }
}

impl GenPolicy {
    /// A `2012-10-17` policy of these statements.
    pub fn with_statements(statements: Vec<GenStatement>) -> Self {
        GenPolicy {
            version: 0,
            id: None,
            single: false,
            statements,
        }
    }
}
