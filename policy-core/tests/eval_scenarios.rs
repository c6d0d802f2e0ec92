//! Every scenario file of `tests/data/scenarios/` (one per rule of `typed_iam_core::eval`, written
//! from AWS's pages) gives its expected outcome.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use typed_iam_core::eval::scenario;

fn scenario_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "json" || ext == "jsonl")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_rule_has_a_scenario_file_and_every_scenario_passes() {
    let files = scenario_files();
    let mut rules_covered = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in &files {
        let scenarios = scenario::parse_file(file).unwrap_or_else(|error| panic!("{error}"));
        for scenario in &scenarios {
            count += 1;
            let expect = scenario
                .expect
                .unwrap_or_else(|| panic!("{} has no expectation", scenario.name));
            let decision = scenario.evaluate(true);
            if decision.outcome() != expect {
                failures.push(format!(
                    "{} ({}): expected {expect}\n{decision}",
                    scenario.name, scenario.location
                ));
            }
            // "rule 10: ..." names the rules a scenario covers.
            if let Some(rest) = scenario.name.strip_prefix("rule ") {
                let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
                rules_covered.insert(number.parse::<u32>().unwrap());
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} scenarios failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let missing: Vec<u32> = (1..=15)
        .filter(|rule| !rules_covered.contains(rule))
        .collect();
    assert!(missing.is_empty(), "rules without a scenario: {missing:?}");
    assert!(count >= 90, "only {count} scenarios");
}

#[test]
fn a_deciding_statement_of_a_policy_file_has_its_file_line_and_column() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/scenarios");
    let scenarios = scenario::parse_file(&dir.join("rule01-default-deny.json")).unwrap();
    let denied = scenarios
        .iter()
        .find(|s| s.name.contains("same policy wins"))
        .unwrap();
    let decision = denied.evaluate(false);
    let deciding = &decision.deciding()[0];
    assert_eq!(deciding.sid(), Some("NoDeletes"));
    let position = deciding.position().unwrap();
    assert!(
        position.ends_with("policies/eval-role.json:10:5"),
        "{position}"
    );
    assert!(
        decision
            .to_string()
            .contains("policies/eval-role.json:10:5"),
        "{decision}"
    );
}

#[test]
fn an_inline_policy_statement_points_into_the_scenario_file() {
    let text = "[\n{\"name\": \"x\",\n \"identity\": {\"Version\": \"2012-10-17\",\n   \"Statement\": [{\"Sid\": \"D\", \"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}]},\n \"request\": {\"action\": \"s3:GetObject\"}}\n]";
    let scenarios = scenario::parse_str("inline.json", text, None).unwrap();
    let decision = scenarios[0].evaluate(false);
    assert_eq!(
        decision.deciding()[0].position().as_deref(),
        Some("inline.json:4:18")
    );
}

#[test]
fn bad_scenarios_are_errors_with_a_position_never_panics() {
    let cases: [(&str, &str, &str); 9] = [
        ("a.json", "{", "a.json:1:1: EOF while parsing an object"),
        ("a.json", "{\"request\": {\"action\": \"s3:GetObject\"}, \"expect\": \"allowed\"}", "a.json:1:51: `allowed` is not an outcome"),
        ("a.json", "{\"request\": {\"action\": \"s3:GetObject\"}, \"idenity\": []}", "a.json:1:49: unknown field `idenity`"),
        ("a.json", "{\"identity\": []}", "a.json:1:16: missing field `request`"),
        ("a.jsonl", "{\"request\": {\"action\": \"s3:GetObject\"}}\n{\"request\": {\"action\": 7}}\n", "a.jsonl:2:24: invalid type: integer `7`"),
        ("a.json", "{\"request\": {\"action\": \"s3:GetObject\", \"context\": {\"aws:SourceIp\": \"ten\"}}}", "a.json:1:13: request.context.\"aws:SourceIp\": "),
        ("a.json", "{\"request\": {\"action\": \"s3:GetObject\"}, \"identity\": \"missing.json\"}", "a.json:1:53: cannot read the policy file `missing.json`"),
        ("a.json", "{\"request\": {\"action\": \"s3:GetObject\"}, \"identity\": {\"Statement\": [{\"Effect\": \"Alow\"}]}}", "a.json:1:79: not a policy: invalid effect `Alow`"),
        ("a.json", "[1]", "a.json:1:2: a scenario is a JSON object"),
    ];
    let mut wrong = Vec::new();
    for (name, text, expected) in cases {
        let error = scenario::parse_str(name, text, None)
            .err()
            .unwrap_or_else(|| panic!("{text} was accepted"));
        if !error.to_string().starts_with(expected) {
            wrong.push(format!("{text}\n got: {error}\nwant: {expected}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
