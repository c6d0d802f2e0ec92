//! The catalog of every AWS service's IAM actions, resource types and condition keys.

pub mod index;

/// Implemented by every service's `Action` enum, so that `policy-core` accepts any of them
/// without compiling the enums itself.
pub trait TypedAction: Copy {
    /// The action's ID in [`index::catalog()`].
    fn action_id(self) -> index::ActionId;
    /// The action's full name as AWS spells it: `bedrock:CreateEvaluationJob`.
    fn as_str(self) -> &'static str;
}

/// The closest name to `unknown` among `known`, ignoring ASCII case, within an edit distance of
/// a third of its length (at least 1): an unrelated name gets no suggestion. An exact
/// case-insensitive match wins.
///
/// ```
/// let known = ["GetObject", "PutObject", "ListBucket"];
/// assert_eq!(catalog::suggest("GetObjet", known), Some("GetObject"));
/// assert_eq!(catalog::suggest("Frobnicate", known), None);
/// ```
pub fn suggest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = unknown.to_ascii_lowercase();
    let limit = (wanted.chars().count() / 3).max(1);
    known
        .into_iter()
        .map(|name| {
            (
                strsim::levenshtein(&wanted, &name.to_ascii_lowercase()),
                name,
            )
        })
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, name)| name)
}
