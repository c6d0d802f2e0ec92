//! Per-thread memories of suggestions: the validator's only memories. Each remembers the last
//! name asked for, because a policy that names an unknown service or a wrong key usually repeats
//! it (one managed policy names 100 actions of a retired service), while a suggestion is an edit
//! distance against every service prefix or every condition key.
//!
//! What one suggestion costs (2026-12-05, `cargo run --release -p typed-iam-catalog --example
//! suggest_cost`, 7 samples of 2,000 calls, load average about 2): `suggest_service` 88 us
//! (79-97), `suggest_condition_key` 1.25 ms (0.87-1.31). So a policy that repeats an unknown key
//! ten times saves about 11 ms with the memory, a tenth of the whole managed corpus's check.

use catalog::index::catalog;

/// The catalog's suggestion for an unknown service prefix, remembered per thread: a policy
/// that names a retired service usually names it many times, and a suggestion costs an edit
/// distance against every service.
pub(crate) fn suggest_service(prefix: &str) -> Option<&'static str> {
    thread_local! {
        static LAST: LastSuggestion = const { std::cell::RefCell::new(None) };
    }
    remembered(&LAST, prefix, |prefix| catalog().suggest_service(prefix))
}

/// The catalog's suggestion for an unknown condition key, remembered per thread for the last
/// key (a policy with an unknown key usually repeats it, and a suggestion costs an edit
/// distance against every key).
pub(crate) fn suggest_key(key: &str) -> Option<&'static str> {
    thread_local! {
        static LAST: LastSuggestion = const { std::cell::RefCell::new(None) };
    }
    remembered(&LAST, key, |key| catalog().suggest_condition_key(key))
}

/// The last name a suggestion was asked for, with the answer.
type LastSuggestion = std::cell::RefCell<Option<(String, Option<&'static str>)>>;

/// A suggestion, remembered per thread for the last name: a policy that names an unknown
/// service or key usually names it many times, and each suggestion costs an edit distance
/// against every name in the catalog.
fn remembered(
    last: &'static std::thread::LocalKey<LastSuggestion>,
    name: &str,
    suggest: impl FnOnce(&str) -> Option<&'static str>,
) -> Option<&'static str> {
    last.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((known, suggestion)) = last.as_ref() {
            if known == name {
                return *suggestion;
            }
        }
        let suggestion = suggest(name);
        *last = Some((name.to_owned(), suggestion));
        suggestion
    })
}
