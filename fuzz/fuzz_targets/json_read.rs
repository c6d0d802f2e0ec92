//! The JSON reader on any bytes.
//!
//! Properties: it never panics or hangs (libFuzzer's `-timeout`); whatever it accepts (a policy
//! or a statement fragment) writes back, compact and pretty, to text that reads back equal; every
//! position it reports (its errors', and those of the accepted document's elements) lies inside
//! the text, on the line and column of its offset.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_core::{CheckOptions, Document, Location, Policy};
use typed_iam_fuzz::positions::misplaced;

fuzz_target!(|data: &[u8]| {
    // The byte reader reports invalid UTF-8 itself; it must agree with the text reader.
    let from_bytes = Policy::from_slice(data);
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(from_bytes.is_err(), "invalid UTF-8 was accepted");
        return;
    };
    assert_eq!(
        from_bytes.ok(),
        Policy::from_json(text).ok(),
        "from_slice and from_json disagree"
    );

    let parsed = Document::read(text);
    match &parsed.value {
        Ok(document) => {
            for written in [document.to_json(), document.to_json_pretty()] {
                let again = Document::read(&written).value;
                assert_eq!(
                    again.as_ref().ok(),
                    Some(document),
                    "written back: {written}"
                );
            }
            // The elements of the document resolve inside the text.
            for location in element_locations(document) {
                if let Some(position) = parsed.source_map.position(&location) {
                    if let Some(problem) = misplaced(text, position) {
                        panic!("{location:?}: {problem}");
                    }
                }
            }
        }
        Err(error) => {
            for (diagnostic, position) in error.positioned() {
                if let Some(problem) = position.and_then(|p| misplaced(text, p)) {
                    panic!("{}: {problem}", diagnostic.code);
                }
            }
        }
    }
    for finding in policy_core::check_text(text, &CheckOptions::default()) {
        if let Some(problem) = finding.position.and_then(|p| misplaced(text, p)) {
            panic!("{}: {problem}", finding.diagnostic.code);
        }
    }
});

/// The locations of the document's elements: each statement, its members and their items.
fn element_locations(document: &Document) -> Vec<Location> {
    let statements: Vec<(Location, &policy_core::Statement)> = match document {
        Document::Policy(policy) => {
            let root = Location::root().key("Statement");
            policy
                .statements()
                .iter()
                .enumerate()
                .map(|(index, statement)| (root.clone().index(index), statement))
                .collect()
        }
        Document::Statement(statement) => vec![(Location::root(), statement)],
    };
    let mut out = vec![
        Location::root(),
        Location::root().key("Version"),
        Location::root().key("Id"),
    ];
    for (at, statement) in statements {
        out.push(at.clone());
        for key in [
            "Sid",
            "Effect",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Principal",
            "NotPrincipal",
            "Condition",
        ] {
            out.push(at.clone().key(key));
            for index in 0..4 {
                out.push(at.clone().key(key).index(index));
            }
        }
        if let Some(condition) = statement.condition() {
            for block in condition.blocks() {
                let block_at = at
                    .clone()
                    .key("Condition")
                    .key(block.operator().to_string());
                out.push(block_at.clone());
                for entry in block.entries() {
                    out.push(block_at.clone().key(entry.key().to_string()));
                    out.push(block_at.clone().key(entry.key().to_string()).index(0));
                }
            }
        }
    }
    out
}
