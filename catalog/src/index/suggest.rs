//! "Did you mean": the nearest known name, with a cheap filter before any edit distance.

/// [`crate::suggest`] over the names that it could pick: an edit distance is at least the
/// difference in length, so a name whose length differs from `unknown`'s by more than the
/// distance allowed is left out before any distance is computed. The answer is the same.
pub(super) fn suggest_near<'a>(
    unknown: &str,
    known: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let length = unknown.chars().count();
    let limit = (length / 3).max(1);
    // The bag filter counts in 16 bits: longer texts (no real name) skip it.
    let ascii = unknown.is_ascii() && unknown.len() <= i16::MAX as usize;
    let mut wanted = [0i16; 128];
    for byte in unknown.bytes() {
        if let Some(count) = wanted.get_mut(usize::from(byte.to_ascii_lowercase())) {
            *count = count.saturating_add(1);
        }
    }
    crate::suggest(
        unknown,
        known.filter(|name| {
            name.chars().count().abs_diff(length) <= limit
                && (!ascii
                    || !name.is_ascii()
                    || bag_distance(&wanted, unknown.len(), name) <= limit)
        }),
    )
}

/// The bag distance between the ASCII text counted in `wanted` (occurrences of each lowercase
/// byte) and the ASCII text `name`: the larger of the numbers of characters that each has and
/// the other lacks. It is never more than the edit distance (one edit changes each number by
/// at most one), so it rules names out cheaply.
/// `total` is the number of characters counted in `wanted`.
pub(super) fn bag_distance(wanted: &[i16; 128], total: usize, name: &str) -> usize {
    let mut counts = *wanted;
    // Counted as the name is read: a byte that `wanted` still has is matched, any other is
    // extra; what is left unmatched is missing.
    let mut missing = total;
    let mut extra = 0usize;
    for byte in name.bytes() {
        match counts.get_mut(usize::from(byte.to_ascii_lowercase())) {
            Some(count) if *count > 0 => {
                *count -= 1;
                missing -= 1;
            }
            _ => extra += 1,
        }
    }
    missing.max(extra)
}
