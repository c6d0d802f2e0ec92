//! Name tables (a case-ignoring hash over a compact copy of the names) and the name order of
//! the generator.

use std::cmp::Ordering;

/// Names found by a hash that ignores ASCII case: an open addressing table (a load factor
/// under three quarters, its length a power of two) whose 8-byte slots hold an entry's index
/// and where its name lies in a compact copy of all the names, each ended by a line break. A
/// look-up reads one slot (neighbours share its cache line) and one name, and touches no
/// record: the records and the catalog text are far larger than a cache.
#[derive(Debug, Default)]
pub(super) struct NameTable {
    pub(super) names: String,
    pub(super) slots: Vec<NameSlot>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct NameSlot {
    /// The entry's index; [`NameSlot::EMPTY`] for a free slot.
    pub(super) index: u32,
    /// Where its name starts in [`NameTable::names`].
    pub(super) start: u32,
}

impl NameSlot {
    const EMPTY: NameSlot = NameSlot {
        index: u32::MAX,
        start: 0,
    };
}

impl NameTable {
    /// The table of `count` entries, each an index and its name in up to three parts (joined).
    pub(super) fn new<'n>(
        count: usize,
        entries: impl Iterator<Item = (u32, [&'n str; 3])>,
    ) -> Self {
        let size = (count + count / 3 + 1).next_power_of_two().max(2);
        let mask = size - 1;
        let mut table = NameTable {
            names: String::with_capacity(count * 32),
            slots: vec![NameSlot::EMPTY; size],
        };
        for (index, parts) in entries {
            let start = table.names.len();
            for part in parts {
                table.names.push_str(part);
            }
            let hash = name_hash(table.names.get(start..).unwrap_or_default());
            table.names.push('\n');
            let mut slot = hash & mask;
            while let Some(entry) = table.slots.get_mut(slot) {
                if entry.index == u32::MAX {
                    *entry = NameSlot {
                        index,
                        start: start as u32,
                    };
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        table
    }

    /// The index of the entry named `name`, ignoring ASCII case.
    pub(super) fn find(&self, name: &str) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut slot = name_hash(name) & mask;
        // The table is never full, so the probe ends at an empty slot.
        for _ in 0..self.slots.len() {
            let entry = *self.slots.get(slot)?;
            if entry.index == u32::MAX {
                return None;
            }
            // The name, then its line break (names hold none, so a text with one, which
            // could span two names, is no name).
            let start = entry.start as usize;
            let end = start + name.len();
            if self.names.as_bytes().get(end) == Some(&b'\n')
                && self
                    .names
                    .get(start..end)
                    .is_some_and(|known| known.eq_ignore_ascii_case(name))
                && !name.as_bytes().contains(&b'\n')
            {
                return Some(entry.index);
            }
            slot = (slot + 1) & mask;
        }
        None
    }
}

/// A hash of a name that ignores ASCII case: read eight bytes at a time with bit `0x20` set in
/// every byte (which lowers ASCII letters and leaves digits, `-` and `:` alone; `_` meets DEL,
/// which no name holds), each word mixed in with a multiply and rotate. Texts equal but for
/// ASCII case hash alike; a look-up compares the texts themselves.
pub(super) fn name_hash(name: &str) -> usize {
    const SEED: u64 = 0x243f_6a88_85a3_08d3;
    let hash = fold_words(SEED, name.as_bytes());
    (hash ^ (hash >> 29)) as usize
}

pub(super) fn fold_words(mut hash: u64, bytes: &[u8]) -> u64 {
    const FOLD: u64 = 0x2020_2020_2020_2020;
    const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        hash = (hash ^ (u64::from_le_bytes(word) | FOLD))
            .wrapping_mul(MULTIPLIER)
            .rotate_left(23);
    }
    let rest = chunks.remainder();
    let mut word = [0; 8];
    if let Some(head) = word.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    hash = (hash ^ (u64::from_le_bytes(word) | FOLD) ^ (bytes.len() as u64) << 56)
        .wrapping_mul(MULTIPLIER)
        .rotate_left(23);
    hash
}

/// Compares two names as the generator sorts them: byte-wise on ASCII-lowercase. A plain loop
/// that lowers only differing bytes: the binary searches of every look-up run on it.
#[inline]
pub(super) fn compare_ignore_case(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (&x, &y) in a.iter().zip(b) {
        if x != y {
            let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
            if x != y {
                return x.cmp(&y);
            }
        }
    }
    a.len().cmp(&b.len())
}

/// Compares `a_prefix + a_rest` with `b_prefix + b_rest` ignoring ASCII case, without building
/// the strings.
pub(super) fn compare_full(a_prefix: &str, a_rest: &str, b_prefix: &str, b_rest: &str) -> Ordering {
    let lower = |c: u8| c.to_ascii_lowercase();
    a_prefix
        .bytes()
        .chain(a_rest.bytes())
        .map(lower)
        .cmp(b_prefix.bytes().chain(b_rest.bytes()).map(lower))
}
