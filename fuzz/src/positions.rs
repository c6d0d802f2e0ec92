//! Checks that a reported position lies inside the text it was read from.

use policy_core::json::Position;

/// Why `position` does not point into `text`, or `None` when it does: the offset is a char
/// boundary within the text, and the line and column are those of that offset (1-based, the
/// column counted in chars).
pub fn misplaced(text: &str, position: Position) -> Option<String> {
    if position.offset > text.len() || !text.is_char_boundary(position.offset) {
        return Some(format!(
            "offset {} is not a char boundary of a {}-byte text",
            position.offset,
            text.len()
        ));
    }
    let before = &text[..position.offset];
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let column = 1 + before[line_start..].chars().count();
    (line != position.line || column != position.column).then(|| {
        format!(
            "offset {} is line {line}, column {column}, but the position says {position}",
            position.offset
        )
    })
}
