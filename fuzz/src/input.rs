//! How a target's bytes are read: JSON text as it is, anything else as structured input.
//!
//! An input that starts like a JSON document (`{`, `[` or whitespace) is taken as the policy's
//! text, so that the seed corpora are plain policy files (the seeds, AWS managed policies) and
//! libFuzzer mutates real documents. Any other input is read by `arbitrary` as the target's
//! structured input (a generated policy of mostly real catalog names, and the target's
//! choices).

use arbitrary::{Arbitrary, Unstructured};

/// What the bytes are.
pub enum Source<'a, T> {
    /// A text to read as a policy, and a number for the choices a structured input would make
    /// (a kind, a size target), taken from the text so that a text always means one case.
    Text(&'a str, usize),
    /// A structured input.
    Structured(T),
}

/// Reads `data` as text (when it starts like JSON) or as `T`; `None` for bytes that are
/// neither (invalid UTF-8 after a JSON start, or too short for `T`).
pub fn read<'a, T: Arbitrary<'a>>(data: &'a [u8]) -> Option<Source<'a, T>> {
    match data.first() {
        Some(b'{' | b'[' | b' ' | b'\n' | b'\t' | b'\r') => {
            let text = std::str::from_utf8(data).ok()?;
            let choice = data
                .iter()
                .fold(0usize, |sum, byte| sum.wrapping_add(*byte as usize));
            Some(Source::Text(text, choice))
        }
        _ => T::arbitrary_take_rest(Unstructured::new(data))
            .ok()
            .map(Source::Structured),
    }
}
