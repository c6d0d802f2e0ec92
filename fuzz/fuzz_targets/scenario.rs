//! `policy test`'s scenario reader on any text (`typed_iam_core::eval::scenario`).
//!
//! Input: any text, read as a `.json` scenario file or, when the first byte is odd, as `.jsonl`
//! (the corpus starts from `tests/data/scenarios/`, whose policy files it can read).
//! Properties: reading never panics; an error in the text points inside it (its line exists and
//! its column is at most one past the line's end, in chars); every scenario read evaluates
//! without a panic, with and without the trace, to the same outcome.
//!
//! Scenario files name policy files by path; texts that mention `/dev`, `/proc` or `/sys` are
//! skipped, so that the fuzzer never reads from a device (an endless `/dev/zero` is a hang of
//! the harness, not of the reader).
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_core::eval::scenario::parse_str;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if ["/dev", "/proc", "/sys"].iter().any(|device| text.contains(device)) {
        return;
    }
    let name = if data.first().is_some_and(|byte| byte % 2 == 1) {
        "fuzz.jsonl"
    } else {
        "fuzz.json"
    };
    // Relative policy paths resolve against the scenario files' own folder, so that the seeds'
    // `policies/...` references are read too.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/scenarios");
    match parse_str(name, text, Some(&dir)) {
        Ok(scenarios) => {
            for scenario in &scenarios {
                let plain = scenario.evaluate(false).outcome();
                let traced = scenario.evaluate(true).outcome();
                assert_eq!(plain, traced, "the trace changed the outcome");
            }
        }
        Err(error) if error.file == name => {
            let lines: Vec<&str> = text.split('\n').collect();
            assert!(
                error.line >= 1 && error.line <= lines.len(),
                "line {} outside the text ({} lines): {error}",
                error.line,
                lines.len()
            );
            let width = lines[error.line - 1].chars().count();
            assert!(
                error.column >= 1 && error.column <= width + 1,
                "column {} outside line {} ({width} chars): {error}",
                error.column,
                error.line
            );
        }
        Err(_) => {}
    }
});
