//! IAM's wildcards (`*`, `?`) in action names, and condition key templates (`${TagKey}`).

/// Whether `text` matches `pattern`, where `*` matches any run of characters (`/` and `:`
/// included) and `?` exactly one, ignoring ASCII case. This is how IAM matches action names.
///
/// ```
/// use typed_iam_catalog::index::wildcard_match;
/// assert!(wildcard_match("*Evaluation*", "CreateEvaluationJob"));
/// assert!(wildcard_match("get?bject", "GetObject"));
/// assert!(!wildcard_match("Get*", "PutObject"));
/// ```
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let (pattern, text) = (pattern.as_bytes(), text.as_bytes());
    let (mut p, mut t) = (0, 0);
    // Where to resume after the last `*`: the pattern position after it and the text position
    // it has covered up to.
    let mut resume: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                resume = Some((p + 1, t));
                p += 1;
            }
            Some(b'?') => {
                p += 1;
                t += utf8_len(text[t]);
            }
            Some(&c) if c.eq_ignore_ascii_case(&text[t]) => {
                p += 1;
                t += 1;
            }
            _ => match resume {
                Some((after_star, covered)) => {
                    let next = covered + utf8_len(text[covered]);
                    resume = Some((after_star, next));
                    p = after_star;
                    t = next;
                }
                None => return false,
            },
        }
    }
    pattern[p.min(pattern.len())..].iter().all(|&c| c == b'*')
}

/// The length of the UTF-8 sequence that starts with `lead`.
pub(super) fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Whether a key name is a template: it holds `${...}` or `<...>`.
pub(super) fn is_template(name: &str) -> bool {
    name.contains("${") || (name.contains('<') && name.contains('>'))
}

/// The number of literal characters of a template (its specificity).
pub(super) fn literal_len(template: &str) -> usize {
    let mut length = 0;
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if let Some(end) = placeholder_end(rest) {
            rest = &rest[end..];
            continue;
        }
        length += 1;
        rest = &rest[c.len_utf8()..];
    }
    length
}

/// If `text` starts with a placeholder (`${TagKey}` or `<key>`), the length of it.
pub(super) fn placeholder_end(text: &str) -> Option<usize> {
    if text.starts_with("${") {
        text.find('}').map(|end| end + 1)
    } else if text.starts_with('<') {
        text.find('>').map(|end| end + 1)
    } else {
        None
    }
}

/// Whether `key` is an instance of `template`: each placeholder stands for one or more
/// characters, the rest is compared ignoring ASCII case.
pub(super) fn template_match(template: &str, key: &str) -> bool {
    if template.is_empty() {
        return key.is_empty();
    }
    if let Some(end) = placeholder_end(template) {
        let rest = &template[end..];
        // The placeholder takes at least one character.
        return key
            .char_indices()
            .skip(1)
            .map(|(index, _)| index)
            .chain(std::iter::once(key.len()))
            .filter(|&index| !key.is_empty() && index > 0)
            .any(|index| template_match(rest, &key[index..]));
    }
    let (Some(t), Some(k)) = (template.chars().next(), key.chars().next()) else {
        return false;
    };
    t.eq_ignore_ascii_case(&k) && template_match(&template[t.len_utf8()..], &key[k.len_utf8()..])
}
