//! Lists of items and error recovery: a bad item or statement is reported and skipped, so one
//! typo does not hide the rest.

use proc_macro2::{Span, TokenTree};
use syn::parse::ParseStream;
use syn::Token;

/// The first and last token of the input (or the call site when it is empty).
pub(super) fn outer_spans(input: ParseStream<'_>) -> (Span, Span) {
    let first = input.span();
    let mut cursor = input.cursor();
    let mut last = first;
    while let Some((tree, next)) = cursor.token_tree() {
        last = tree.span();
        cursor = next;
    }
    (first, last)
}

/// The span of the last token consumed since `before`.
pub(super) fn last_span_between(before: syn::buffer::Cursor<'_>, input: ParseStream<'_>) -> Span {
    let end = input.cursor();
    let mut cursor = before;
    let mut last = before.span();
    while cursor != end {
        match cursor.token_tree() {
            Some((tree, next)) => {
                last = tree.span();
                cursor = next;
            }
            None => break,
        }
    }
    last
}

/// Items separated by `,` (a trailing one allowed) up to the end of a group. A bad item does not
/// stop the others: the list skips to the next `,` and reports every bad item at once.
pub(super) fn parse_list<T>(
    content: ParseStream<'_>,
    item: impl Fn(ParseStream<'_>) -> syn::Result<T>,
) -> syn::Result<Vec<T>> {
    in_group(content, |content| {
        let mut items = Vec::new();
        let mut errors: Option<syn::Error> = None;
        while !content.is_empty() {
            let parsed = item(content).and_then(|parsed| {
                if !content.is_empty() {
                    content.parse::<Token![,]>()?;
                }
                Ok(parsed)
            });
            match parsed {
                Ok(parsed) => items.push(parsed),
                Err(error) => {
                    match &mut errors {
                        Some(all) => all.combine(error),
                        None => errors = Some(error),
                    }
                    skip_past(content, ',');
                }
            }
        }
        errors.map_or(Ok(items), Err)
    })
}

/// Parses the inside of a group; after an error the rest of the group is skipped, so that the
/// error stays the one reported (syn reports tokens left in a group as "unexpected token", which
/// would hide it).
pub(super) fn in_group<T>(
    content: ParseStream<'_>,
    parse: impl FnOnce(ParseStream<'_>) -> syn::Result<T>,
) -> syn::Result<T> {
    let result = parse(content);
    if result.is_err() {
        let _ = content.step(|cursor| {
            let mut rest = *cursor;
            while let Some((_, next)) = rest.token_tree() {
                rest = next;
            }
            Ok(((), rest))
        });
    }
    result
}

/// Error recovery: skips token trees up to and including the next top-level `;`.
pub(super) fn skip_past_semicolon(input: ParseStream<'_>) {
    skip_past(input, ';');
}

/// Skips token trees up to and including the next `separator` at this level (or to the end).
pub(super) fn skip_past(input: ParseStream<'_>, separator: char) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            rest = next;
            if let TokenTree::Punct(punct) = &tree {
                if punct.as_char() == separator {
                    break;
                }
            }
        }
        Ok(((), rest))
    });
}
