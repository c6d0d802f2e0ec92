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
    let list = parse_list_keeping_cuts(content, |content| {
        item(content).map_err(|error| Cut {
            error,
            partial: None,
        })
    });
    list.errors.map_or(Ok(list.items), Err)
}

/// A syntax error in a list item, with what was read of the item before it, if anything useful
/// was (a condition line whose key was typed but not yet its value: the editor still completes
/// the key).
pub(super) struct Cut<T> {
    pub(super) error: syn::Error,
    /// Boxed: a cut is the rare path, and the `Err` of a parse result stays small.
    pub(super) partial: Option<Box<T>>,
}

/// A list read with [`parse_list_keeping_cuts`].
pub(super) struct List<T> {
    pub(super) items: Vec<T>,
    /// The parts of the items cut short by a syntax error.
    pub(super) partial: Vec<T>,
    /// Every syntax error, combined.
    pub(super) errors: Option<syn::Error>,
}

/// [`parse_list`] that also keeps the partial items of the bad ones.
pub(super) fn parse_list_keeping_cuts<T>(
    content: ParseStream<'_>,
    item: impl Fn(ParseStream<'_>) -> Result<T, Cut<T>>,
) -> List<T> {
    let mut list = List {
        items: Vec::new(),
        partial: Vec::new(),
        errors: None,
    };
    while !content.is_empty() {
        let parsed = item(content).and_then(|parsed| {
            if content.is_empty() {
                return Ok(parsed);
            }
            match content.parse::<Token![,]>() {
                Ok(_) => Ok(parsed),
                Err(error) => Err(Cut {
                    error,
                    partial: Some(Box::new(parsed)),
                }),
            }
        });
        match parsed {
            Ok(parsed) => list.items.push(parsed),
            Err(cut) => {
                match &mut list.errors {
                    Some(all) => all.combine(cut.error),
                    None => list.errors = Some(cut.error),
                }
                list.partial.extend(cut.partial.map(|partial| *partial));
                skip_past(content, ',');
            }
        }
    }
    list
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
