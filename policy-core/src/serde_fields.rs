//! Reading a JSON object's keys as indexes into a list of known names: the one piece of serde's
//! derive that the hand-written `Deserialize` impls of this crate need (`typed-iam-core` does not
//! use serde's derive macros, so that a user's first build does not compile `serde_derive` and
//! its own copy of `syn`; see `benches/build-times/RESULTS.md`).

use std::fmt;

use serde_core::de::{self, DeserializeSeed, Deserializer, Visitor};

/// A key of an object whose keys are `self.0`: its index, or serde's "unknown field" error
/// naming every expected key. Borrowed and escaped keys alike.
#[derive(Clone, Copy)]
pub(crate) struct Field(pub(crate) &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Field {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Field {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|field| *field == key)
            .ok_or_else(|| E::unknown_field(key, self.0))
    }
}

/// Stores `value` in `slot`, or serde's "duplicate field" error if it was set already.
pub(crate) fn set_once<T, E: de::Error>(
    slot: &mut Option<T>,
    value: T,
    name: &'static str,
) -> Result<(), E> {
    match slot.replace(value) {
        Some(_) => Err(E::duplicate_field(name)),
        None => Ok(()),
    }
}
