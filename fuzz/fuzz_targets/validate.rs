//! The validator on any accepted policy, as every kind and size target.
//!
//! Input: a policy's text, or a generated policy (mostly real catalog names) with a kind (or
//! none, to infer it) and a size target (see `typed_iam_fuzz::input`). Properties: validation never panics; every finding's location
//! resolves in the text (or, for an element that is not written, such as a missing `Resource`,
//! its parent does), at a position inside the text.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use policy_core::{check_text, CheckOptions, Document, Location, PolicyKind, SizeTarget};
use typed_iam_fuzz::gen::GenPolicy;
use typed_iam_fuzz::input::{read, Source};
use typed_iam_fuzz::positions::misplaced;

#[derive(Arbitrary, Debug)]
struct Input {
    policy: GenPolicy,
    principals: bool,
    kind: u8,
    target: u8,
}

fuzz_target!(|data: &[u8]| {
    let (text, kind, target) = match read::<Input>(data) {
        Some(Source::Text(text, choice)) => (text.to_owned(), choice, choice / 7),
        Some(Source::Structured(input)) => (
            input.policy.text(input.principals),
            input.kind as usize,
            input.target as usize,
        ),
        None => return,
    };
    let parsed = Document::read(&text);
    if parsed.value.is_err() {
        return;
    }
    let kinds = PolicyKind::ALL;
    let kind = match kind % (kinds.len() + 1) {
        0 => None,
        n => Some(kinds[n - 1]),
    };
    let mut options = CheckOptions::kind(kind);
    let targets = SizeTarget::ALL;
    if let Some(target) = targets.get(target % (targets.len() + 2)) {
        options = options.with_target(*target);
    }
    for finding in check_text(&text, &options) {
        let location = &finding.diagnostic.location;
        match finding.position {
            Some(position) => {
                if let Some(problem) = misplaced(&text, position) {
                    panic!("{} at {location:?}: {problem}", finding.diagnostic.code);
                }
            }
            None => {
                let parent = parent(location);
                assert!(
                    parent
                        .as_ref()
                        .and_then(|parent| parsed.source_map.position(parent))
                        .is_some(),
                    "{} at {location:?}: neither it nor its parent is in the text",
                    finding.diagnostic.code
                );
            }
        }
    }
});

fn parent(location: &Location) -> Option<Location> {
    let segments = location.segments();
    let (_, init) = segments.split_last()?;
    let mut parent = Location::root();
    for segment in init {
        parent = match segment {
            policy_core::Segment::Key(key) => parent.key(key.clone()),
            policy_core::Segment::Index(index) => parent.index(*index),
        };
    }
    Some(parent)
}
