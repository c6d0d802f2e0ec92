//! Rendering findings: rustc-like text (with optional colours), JSON lines and SARIF 2.1.0.

use std::io::{self, Write};

use clap::ValueEnum;
use policy_core::{AwsLevel, Code, Severity};
use serde::Serialize;

use crate::engine::Finding;

/// The output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// rustc-like text: `error[code]: message`, the file, line and column, the source line
    /// with a caret, and `help:`.
    #[default]
    Text,
    /// One JSON object per finding per line: `file`, `line`, `column`, `path`, `code`,
    /// `severity`, `message`, `help`, `suggestion`.
    Json,
    /// One SARIF 2.1.0 document (GitHub code scanning), with the codes as rule IDs.
    Sarif,
}

/// When to use colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// When the output is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour an output that is (or is not) a terminal, given the environment.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
                    && std::env::var_os("TERM").is_none_or(|term| term != "dumb")
            }
        }
    }
}

/// ANSI styles, or none.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    enabled: bool,
}

#[derive(Debug, Clone, Copy)]
enum Style {
    Error,
    Warning,
    Gutter,
    Bold,
}

impl Palette {
    /// A palette that colours when `enabled`.
    pub fn new(enabled: bool) -> Self {
        Self { enabled }
    }

    fn paint(self, style: Style, text: &str) -> String {
        if !self.enabled {
            return text.to_owned();
        }
        let code = match style {
            Style::Error => "1;31",
            Style::Warning => "1;33",
            Style::Gutter => "1;34",
            Style::Bold => "1",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// The position of a byte offset: 1-based line and column (in characters) and the offset.
pub fn position(text: &str, offset: usize) -> policy_core::json::Position {
    let (line, column) = line_column(text, offset);
    policy_core::json::Position {
        line,
        column,
        offset: floor_char_boundary(text, offset),
    }
}

/// The byte offset of a 1-based line and column (in characters), if the text has them.
pub fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let mut line_start = 0;
    for _ in 1..line {
        line_start += text.get(line_start..)?.find('\n')? + 1;
    }
    let rest = text.get(line_start..)?;
    let in_line = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(index, _)| index);
    Some(line_start + in_line)
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Writes one finding as rustc would:
///
/// ```text
/// error[unknown-action]: unknown action `GetObjet` in service `s3`
///  --> policy.json:5:17
///   |
/// 5 |       "Action": "s3:GetObjet",
///   |                 ^^^^^^^^^^^^^
///   |
///   = help: did you mean `GetObject`?
/// ```
///
/// # Errors
/// The error of writing to `out`.
pub fn text(
    out: &mut dyn Write,
    palette: Palette,
    file: &str,
    source: &str,
    finding: &Finding,
) -> io::Result<()> {
    let diagnostic = &finding.diagnostic;
    let (style, severity) = match diagnostic.severity {
        Severity::Error => (Style::Error, "error"),
        Severity::Warning => (Style::Warning, "warning"),
    };
    writeln!(
        out,
        "{}{}",
        palette.paint(style, &format!("{severity}[{}]", diagnostic.code)),
        palette.paint(Style::Bold, &format!(": {}", diagnostic.message)),
    )?;
    let position = finding.position.filter(|_| !source.is_empty());
    let Some(policy_core::json::Position {
        line,
        column,
        offset,
    }) = position
    else {
        writeln!(out, " {} {file}", palette.paint(Style::Gutter, "-->"))?;
        if !diagnostic.location.segments().is_empty() {
            writeln!(
                out,
                "  {} note: at `{}`",
                palette.paint(Style::Gutter, "="),
                diagnostic.location
            )?;
        }
        if let Some(help) = &diagnostic.help {
            writeln!(out, "  {} help: {help}", palette.paint(Style::Gutter, "="))?;
        }
        return writeln!(out);
    };
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let bar = palette.paint(Style::Gutter, "|");
    writeln!(
        out,
        "{pad}{} {file}:{line}:{column}",
        palette.paint(Style::Gutter, "-->")
    )?;
    writeln!(out, "{pad} {bar}")?;
    // The line starts `column - 1` characters before the offset: no need to search the text
    // before it (which made files with many findings quadratic).
    let offset = floor_char_boundary(source, offset);
    let line_start = if column <= 1 {
        offset
    } else {
        source[..offset]
            .char_indices()
            .rev()
            .nth(column - 2)
            .map_or(0, |(index, _)| index)
    };
    let line_text = source[line_start..].lines().next().unwrap_or("");
    let shown = printable(line_text);
    // Lines of minified JSON can be huge: show at most 200 characters around the caret.
    let (shown, caret_column) = clip(&shown, display_column(line_text, column));
    writeln!(
        out,
        "{} {bar} {shown}",
        palette.paint(Style::Gutter, &number)
    )?;
    let width = token_width(&source[floor_char_boundary(source, offset)..]);
    writeln!(
        out,
        "{pad} {bar} {}{}",
        " ".repeat(caret_column),
        palette.paint(style, &"^".repeat(width))
    )?;
    if let Some(help) = &diagnostic.help {
        writeln!(out, "{pad} {bar}")?;
        writeln!(
            out,
            "{pad} {} help: {help}",
            palette.paint(Style::Gutter, "=")
        )?;
    }
    writeln!(out)
}

/// The 0-based display column of a 1-based character column, with tabs as four spaces.
fn display_column(line: &str, column: usize) -> usize {
    line.chars()
        .take(column.saturating_sub(1))
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

fn clip(line: &str, caret: usize) -> (String, usize) {
    const WIDTH: usize = 200;
    let length = line.chars().count();
    if length <= WIDTH {
        return (line.to_owned(), caret);
    }
    let start = caret.saturating_sub(WIDTH / 2).min(length - WIDTH);
    let mut clipped: String = line.chars().skip(start).take(WIDTH).collect();
    let mut caret = caret - start;
    if start > 0 {
        clipped.insert_str(0, "...");
        caret += 3;
    }
    if start + WIDTH < length {
        clipped.push_str("...");
    }
    (clipped, caret)
}

/// The line as shown: tabs as four spaces, other control characters (which could drive the
/// terminal, in a binary file) as `\u{fffd}`, so that every character is one column wide.
fn printable(line: &str) -> String {
    line.chars()
        .flat_map(|c| {
            let shown = match c {
                '\t' => "    ",
                c if c.is_control() => "\u{fffd}",
                _ => "",
            };
            let own = if shown.is_empty() { Some(c) } else { None };
            shown.chars().chain(own)
        })
        .collect()
}

/// How many characters to underline at the start of `rest`: a whole JSON string, or a word,
/// or one character.
fn token_width(rest: &str) -> usize {
    let mut chars = rest.chars();
    match chars.next() {
        None => 1,
        Some('"') => {
            let mut width = 1;
            let mut escaped = false;
            for c in chars {
                width += 1;
                match c {
                    '\n' => return width - 1,
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => return width,
                    _ => escaped = false,
                }
            }
            width
        }
        Some(c) if c.is_alphanumeric() || c == '-' => {
            1 + chars
                .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '+'))
                .count()
        }
        Some(_) => 1,
    }
}

/// One finding as a JSON line (the field order is the documented one).
#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    /// The file, as given or walked; `<stdin>` for `-`.
    pub file: &'a str,
    /// 1-based line, or `null` for the whole file.
    pub line: Option<usize>,
    /// 1-based column in characters, or `null` for the whole file.
    pub column: Option<usize>,
    /// The place in the policy: `Statement[0].Action[1]` (empty for the whole policy).
    pub path: &'a policy_core::Location,
    /// The diagnostic code.
    pub code: Code,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The finding type IAM Access Analyzer gives its nearest check: `error`,
    /// `security-warning`, `warning` or `suggestion` ([`policy_core::Diagnostic::aws_level`]).
    pub aws_level: AwsLevel,
    /// What is wrong.
    pub message: &'a str,
    /// How to fix it.
    pub help: Option<&'a str>,
    /// The replacement text, for tools.
    pub suggestion: Option<&'a str>,
}

impl<'a> JsonFinding<'a> {
    /// The JSON form of a finding in `file`, whose text is `source`.
    pub fn new(file: &'a str, source: &str, finding: &'a Finding) -> Self {
        let diagnostic = &finding.diagnostic;
        let position = finding
            .position
            .filter(|_| !source.is_empty())
            .map(|position| (position.line, position.column));
        Self {
            file,
            line: position.map(|(line, _)| line),
            column: position.map(|(_, column)| column),
            path: &diagnostic.location,
            code: diagnostic.code,
            severity: diagnostic.severity,
            aws_level: diagnostic.aws_level(),
            message: &diagnostic.message,
            help: diagnostic.help.as_deref(),
            suggestion: diagnostic.suggestion.as_deref(),
        }
    }
}

/// Writes every finding of a checked input as text, without colour: what `fmt`, `fit` and
/// `to-dsl` print on stderr about a file they cannot read as a policy.
///
/// # Errors
/// The error of writing to `out`.
pub fn findings_text(
    out: &mut dyn Write,
    name: &str,
    checked: &crate::engine::Checked,
) -> io::Result<()> {
    for finding in &checked.findings {
        text(out, Palette::new(false), name, &checked.text, finding)?;
    }
    Ok(())
}

/// Writes one finding as one line of JSON.
///
/// # Errors
/// The error of writing to `out`.
pub fn json(out: &mut dyn Write, file: &str, source: &str, finding: &Finding) -> io::Result<()> {
    // Serialized into one buffer and written at once: `serde_json` writing to `out` directly
    // would make many small dynamic calls. The spellings are the core's (its `serde` feature).
    let mut line = Vec::with_capacity(512);
    serde_json::to_writer(&mut line, &JsonFinding::new(file, source, finding))?;
    line.push(b'\n');
    out.write_all(&line)
}

/// A SARIF 2.1.0 log being built: one run of `policy`, every code as a rule.
#[derive(Debug, Default)]
pub struct Sarif {
    results: Vec<serde_json::Value>,
}

impl Sarif {
    /// Adds a finding in `file`, whose text is `source`.
    pub fn add(&mut self, file: &str, source: &str, finding: &Finding) {
        let json = JsonFinding::new(file, source, finding);
        let code = finding.diagnostic.code;
        let rule_index = Code::ALL.iter().position(|c| *c == code).unwrap_or(0);
        let text = match json.help {
            Some(help) => format!("{}\nhelp: {help}", json.message),
            None => json.message.to_owned(),
        };
        let mut region = serde_json::Map::new();
        if let (Some(line), Some(column)) = (json.line, json.column) {
            region.insert("startLine".into(), line.into());
            region.insert("startColumn".into(), column.into());
        }
        let mut physical = serde_json::json!({
            "artifactLocation": { "uri": uri(file) },
        });
        if !region.is_empty() {
            physical["region"] = serde_json::Value::Object(region);
        }
        let mut location = serde_json::json!({ "physicalLocation": physical });
        if !json.path.segments().is_empty() {
            location["logicalLocations"] =
                serde_json::json!([{ "fullyQualifiedName": json.path, "kind": "member" }]);
        }
        let mut result = serde_json::json!({
            "ruleId": code.as_str(),
            "ruleIndex": rule_index,
            "level": finding.diagnostic.aws_level().sarif_level(),
            "message": { "text": text },
            "locations": [location],
        });
        if let Some(suggestion) = json.suggestion {
            result["properties"] = serde_json::json!({ "suggestion": suggestion });
        }
        self.results.push(result);
    }

    /// Writes the log.
    ///
    /// # Errors
    /// The error of writing to `out`.
    pub fn write(self, out: &mut dyn Write) -> io::Result<()> {
        let rules: Vec<serde_json::Value> = Code::ALL
            .iter()
            .map(|code| {
                let explanation = code.explanation();
                serde_json::json!({
                    "id": code.as_str(),
                    "name": code.as_str(),
                    "shortDescription": { "text": code.summary() },
                    "fullDescription": { "text": explanation.checks },
                    "help": { "text": format!("{}\n\nrun `policy explain {code}` for examples", explanation.why) },
                    "defaultConfiguration": { "level": code.aws_level().sarif_level() },
                    "properties": {
                        "security-severity": code.aws_level().security_severity(),
                        "aws-level": code.aws_level().as_str(),
                        "access-analyzer": code.access_analyzer(),
                        "tags": if code.aws_level() == AwsLevel::SecurityWarning {
                            vec!["security"]
                        } else {
                            Vec::new()
                        },
                    },
                })
            })
            .collect();
        let log = serde_json::json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "policy",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

/// A relative URI reference for a path: `/` separators, unreserved characters kept, the rest
/// percent-encoded.
fn uri(file: &str) -> String {
    if file == "<stdin>" {
        return "stdin".to_owned();
    }
    let mut uri = String::new();
    for byte in file.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_and_offset_agree() {
        let text = "{\n  \"a\": \"é\",\n  \"b\": 1\n}";
        let offset = text.find("\"b\"").unwrap();
        assert_eq!(line_column(text, offset), (3, 3));
        assert_eq!(offset_of(text, 3, 3), Some(offset));
        let after_accent = text.find("\",").unwrap();
        assert_eq!(line_column(text, after_accent), (2, 10));
    }

    #[test]
    fn token_width_covers_a_string() {
        assert_eq!(token_width(r#""s3:GetObjet", "x""#), 13);
        assert_eq!(token_width(r#""a\"b" x"#), 6);
        assert_eq!(token_width("true,"), 4);
        assert_eq!(token_width("{"), 1);
    }

    #[test]
    fn caret_points_at_the_token_in_a_clipped_line() {
        let padding = "x".repeat(300);
        let source =
            format!("{{\"a\": \"{padding}\", \"Action\": \"s3:GetObjet\", \"b\": \"{padding}\"}}");
        let offset = source.find("\"s3:GetObjet\"").unwrap();
        let finding = Finding {
            diagnostic: policy_core::Diagnostic::new(
                Code::UnknownAction,
                policy_core::Location::root(),
                "m",
            ),
            position: Some(position(&source, offset)),
        };
        let mut out = Vec::new();
        text(&mut out, Palette::new(false), "f.json", &source, &finding).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        let caret = lines[4].find('^').unwrap();
        assert_eq!(&lines[3][caret..caret + 13], "\"s3:GetObjet\"", "{out}");
        assert_eq!(lines[4].matches('^').count(), 13);
    }

    #[test]
    fn a_json_line_has_the_documented_keys_and_spellings() {
        let source = "{\n  \"Statement\": []\n}";
        let mut with_all = policy_core::Diagnostic::new(
            Code::UnknownAction,
            policy_core::Location::root()
                .key("Statement")
                .index(0)
                .key("we\"ird"),
            "quote \" backslash \\ tab \t control \u{1} é",
        )
        .with_help("help \u{7f}")
        .with_suggestion("s3:GetObject");
        with_all.severity = policy_core::Severity::Warning;
        let findings = [
            Finding {
                diagnostic: with_all,
                position: Some(position(source, 4)),
            },
            Finding {
                diagnostic: policy_core::Diagnostic::new(
                    Code::InvalidJson,
                    policy_core::Location::root(),
                    "m",
                ),
                position: None,
            },
        ];
        let lines: Vec<String> = findings
            .iter()
            .map(|finding| {
                let mut out = Vec::new();
                json(&mut out, "dir/a \"b\".json", source, finding).unwrap();
                String::from_utf8(out).unwrap()
            })
            .collect();
        // The documented shape: these keys in this order, the core's spellings, one line each.
        assert_eq!(
            lines[1],
            "{\"file\":\"dir/a \\\"b\\\".json\",\"line\":null,\"column\":null,\"path\":\"\",\
             \"code\":\"invalid-json\",\"severity\":\"error\",\"aws_level\":\"error\",\"message\":\"m\",\
             \"help\":null,\"suggestion\":null}\n"
        );
        let first: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
        assert_eq!(first["code"], "unknown-action");
        assert_eq!(first["severity"], "warning");
        assert_eq!(first["line"], 2);
        assert_eq!(first["path"], findings[0].diagnostic.location.to_string());
        assert_eq!(
            first["message"],
            "quote \" backslash \\ tab \t control \u{1} é"
        );
        assert_eq!(first["help"], "help \u{7f}");
        assert_eq!(first["suggestion"], "s3:GetObject");
        assert!(lines[0].ends_with("}\n") && lines[0].matches('\n').count() == 1);
    }

    #[test]
    fn uri_encodes_spaces() {
        assert_eq!(uri("dir/my policy.json"), "dir/my%20policy.json");
    }
}
