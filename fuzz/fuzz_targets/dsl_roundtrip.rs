//! `policy to-dsl` and back: for any policy the JSON reader accepts, the DSL that `to-dsl`
//! writes parses and lowers (with the macro crate's own parser and lowering) to the same model.
//!
//! Input: a policy's text, or a generated policy (mostly real catalog names), and a kind for
//! the `#![kind]` attribute (see `typed_iam_fuzz::input`). `to-dsl` may refuse a policy the DSL cannot write (it says why); that
//! is its documented error, not a failure.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use policy_core::Policy;
use typed_iam_cli::engine::Kind;
use typed_iam_fuzz::gen::GenPolicy;
use typed_iam_fuzz::input::{read, Source};
use typed_iam_fuzz::pipeline::lower_text;

#[derive(Arbitrary, Debug)]
struct Input {
    policy: GenPolicy,
    principals: bool,
    kind: u8,
}

const KINDS: [Option<Kind>; 7] = [
    None,
    Some(Kind::Auto),
    Some(Kind::Identity),
    Some(Kind::Resource),
    Some(Kind::Trust),
    Some(Kind::Scp),
    Some(Kind::Rcp),
];

fuzz_target!(|data: &[u8]| {
    let (text, kind) = match read::<Input>(data) {
        Some(Source::Text(text, choice)) => (text.to_owned(), choice),
        Some(Source::Structured(input)) => {
            (input.policy.text(input.principals), input.kind as usize)
        }
        None => return,
    };
    let Ok(policy) = Policy::from_json(&text) else {
        return;
    };
    let kind = KINDS[kind % KINDS.len()];
    let Ok(dsl) = typed_iam_cli::to_dsl::to_dsl(&policy, kind) else {
        return;
    };
    match lower_text(&dsl) {
        Ok(lowered) if lowered == policy => {}
        Ok(lowered) => {
            let first = lowered
                .statements()
                .iter()
                .zip(policy.statements())
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("lowered: {a:?}\nread:    {b:?}"));
            panic!(
                "the DSL lowers to another policy\nDSL:\n{dsl}\n{}\nlowered: {}\nJSON:    {}",
                first.unwrap_or_else(|| "(the statements are equal)".to_owned()),
                lowered.to_json(),
                policy.to_json()
            );
        }
        Err(error) => panic!("to-dsl wrote DSL that does not lower: {error:?}\n{dsl}"),
    }
});
