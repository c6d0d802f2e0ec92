//! `policy fmt` on any text.
//!
//! Input: any text, or a generated policy (mostly real catalog names; see
//! `typed_iam_fuzz::input`). Properties: formatting
//! never panics; every text the reader accepts is formatted (`fmt` never refuses a policy it can
//! read); formatting is idempotent (the formatted text formats to itself); the formatted text is
//! JSON-equal to the input (the same JSON value, whenever `serde_json` reads the input).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use policy_core::Document;
use typed_iam_cli::engine::format_text;
use typed_iam_fuzz::gen::GenPolicy;
use typed_iam_fuzz::input::{read, Source};

#[derive(Arbitrary, Debug)]
struct Input {
    policy: GenPolicy,
    principals: bool,
}

fuzz_target!(|data: &[u8]| {
    let text = match read::<Input>(data) {
        Some(Source::Text(text, _)) => text.to_owned(),
        Some(Source::Structured(input)) => input.policy.text(input.principals),
        None => return,
    };
    let accepted = Document::read(&text).value.is_ok();
    let formatted = match format_text(&text) {
        Ok(formatted) => formatted,
        Err(findings) => {
            assert!(
                !accepted,
                "fmt refused a document the reader accepts: {findings:?}"
            );
            return;
        }
    };
    assert_eq!(
        format_text(&formatted).ok().as_deref(),
        Some(formatted.as_str()),
        "not idempotent"
    );
    if let Ok(before) = serde_json::from_str::<serde_json::Value>(&text) {
        let after: serde_json::Value =
            serde_json::from_str(&formatted).unwrap_or(serde_json::Value::Null);
        assert_eq!(before, after, "not JSON-equal:\n{text}\n{formatted}");
    }
});
