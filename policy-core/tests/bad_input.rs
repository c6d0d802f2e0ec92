//! Hostile input: empty, invalid UTF-8, binary garbage, deep nesting, very long input. The
//! reader must answer with a `ParseError` (or a policy), never panic, and stay linear.
#![expect(clippy::unwrap_used, reason = "a test fails by panicking")]

use std::time::Instant;

use typed_iam_core::{Code, Policy, Statement};

fn codes(result: Result<Policy, typed_iam_core::ParseError>) -> Vec<Code> {
    result
        .unwrap_err()
        .diagnostics()
        .iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn empty_and_blank_input() {
    assert_eq!(codes(Policy::from_json("")), [Code::InvalidJson]);
    assert_eq!(codes(Policy::from_slice(b"")), [Code::InvalidJson]);
    assert_eq!(codes(Policy::from_json(" \n\t\r\n")), [Code::InvalidJson]);
    assert!(Statement::from_json("").is_err());
    assert_eq!(codes(Policy::from_json("null")), [Code::InvalidType]);
    assert_eq!(codes(Policy::from_json("{}")), [Code::MissingStatement]);
}

#[test]
fn invalid_utf8() {
    for bytes in [
        &b"\xff"[..],
        b"{\"Statement\": [\"\xc3\"]}",
        b"{\"Id\": \"\xed\xa0\x80\"}",     // an encoded surrogate
        b"{\"Id\": \"\xf4\x90\x80\x80\"}", // above U+10FFFF
        b"\xef\xbb",                       // a truncated byte order mark
    ] {
        let error = Policy::from_slice(bytes).unwrap_err();
        let (diagnostic, position) = error.positioned().next().unwrap();
        assert_eq!(diagnostic.code, Code::InvalidJson);
        assert!(diagnostic.message.starts_with("invalid UTF-8 at byte "));
        assert!(position.is_some());
    }
}

#[test]
fn binary_garbage() {
    // A fixed pseudo-random sequence (xorshift), so that the test is the same every run.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for length in [1, 2, 7, 64, 1000, 65_536] {
        let mut bytes = Vec::with_capacity(length);
        for _ in 0..length {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            bytes.push(state.to_le_bytes()[0]);
        }
        assert!(Policy::from_slice(&bytes).is_err());
        let text = String::from_utf8_lossy(&bytes);
        assert!(Policy::from_json(&text).is_err());
        assert!(Statement::from_json(&text).is_err());
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let depth = 100_000;
        let text = format!("{}{}", open.repeat(depth), close.repeat(depth));
        let error = Policy::from_json(&text).unwrap_err();
        let diagnostic = &error.diagnostics()[0];
        assert_eq!(diagnostic.code, Code::InvalidJson);
        assert_eq!(diagnostic.message, "JSON nesting is deeper than 128 levels");
        // Unterminated too.
        let error = Policy::from_json(&open.repeat(depth)).unwrap_err();
        assert_eq!(error.diagnostics()[0].code, Code::InvalidJson);
    }
    let text = format!(
        "{{\"Statement\": [{{\"Effect\": \"Allow\", \"Condition\": {}}}]}}",
        "[".repeat(100_000)
    );
    let error = Statement::from_json(&text).unwrap_err();
    assert_eq!(error.diagnostics()[0].code, Code::InvalidJson);
}

/// A policy of about `bytes` bytes: many statements, on one line or pretty.
fn large_policy(bytes: usize, pretty: bool) -> String {
    let statement = r#"{"Sid":"S","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:ListBucket"],"Resource":["arn:aws:s3:::bucket-é/*","arn:aws:s3:::other"],"Condition":{"NumericLessThan":{"s3:max-keys":[10,2.5e3]},"Bool":{"aws:SecureTransport":true}}}"#;
    let count = bytes / statement.len() + 1;
    let separator = if pretty { ",\n    " } else { "," };
    let mut text = String::with_capacity(bytes + 100);
    text.push_str("{\"Version\":\"2012-10-17\",\"Statement\":[");
    for index in 0..count {
        if index > 0 {
            text.push_str(separator);
        }
        text.push_str(statement);
    }
    text.push_str("]}");
    text
}

#[test]
fn very_long_input_reads_in_linear_time() {
    // 5 MB on one line keeps the debug build around a second; release reads 50 MB in about the
    // time `serde_json::from_str::<Value>` takes (see the report). A quadratic step (columns
    // counted from the line start, duplicate keys by pairs) would take minutes here.
    let text = large_policy(5 << 20, false);
    let start = Instant::now();
    let policy = Policy::from_json(&text).unwrap();
    let elapsed = start.elapsed();
    assert!(policy.statements().len() > 20_000);
    assert_eq!(policy.to_json(), text);
    assert!(elapsed.as_secs() < 60, "{elapsed:?} for 5 MB");

    let text = large_policy(1 << 20, true);
    let policy = Policy::from_json(&text).unwrap();
    assert_eq!(policy.to_json(), large_policy(1 << 20, false));

    // An error at the very end of a long single line is found and positioned in chars.
    let mut text = large_policy(1 << 20, false);
    text.insert(text.len() - 1, ',');
    let error = Policy::from_json(&text).unwrap_err();
    let (diagnostic, position) = error.positioned().next().unwrap();
    assert_eq!(diagnostic.code, Code::InvalidJson);
    let position = position.unwrap();
    assert_eq!(position.line, 1);
    assert_eq!(position.offset, text.len() - 1);
    assert_eq!(position.column, text.chars().count());
}

#[test]
fn an_object_with_many_keys_is_checked_for_duplicates_in_linear_time() {
    let mut text = String::from("{\"Statement\": [], \"Id\": \"x\"");
    for index in 0..20_000 {
        text.push_str(&format!(", \"k{index}\": 0"));
    }
    text.push_str(", \"k7\": 1}");
    let error = Policy::from_json(&text).unwrap_err();
    let duplicates: Vec<_> = error
        .diagnostics()
        .iter()
        .filter(|d| d.code == Code::DuplicateJsonKey)
        .collect();
    assert_eq!(duplicates.len(), 1);
    assert_eq!(duplicates[0].location.to_string(), "k7");
    assert_eq!(
        error.diagnostics().len(),
        20_001,
        "each unknown element, and the duplicate"
    );
}
