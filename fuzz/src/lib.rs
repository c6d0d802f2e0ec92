//! What the fuzz targets share: the structured policy model ([`gen`]), the `policy!` pipeline
//! compiled from the macro crate's own sources ([`pipeline`]), and checks on positions.
//!
//! The DSL parser and its lowering live in the proc-macro crate (`policy-macros/src/dsl/`,
//! `lower.rs`), which a normal binary cannot link. Rather than publish a crate whose API would
//! be the macro's internal syntax tree, this crate compiles the very same files with `#[path]`:
//! the fuzzer runs exactly the code the macro runs (parse, attributes, lowering, validation,
//! expansion), and the macro and its trybuild UI tests are untouched.

// The macro's modules are written for a proc-macro crate: some of their items are only used by
// its entry points, and their tests (`cfg(test)`) are not built here.
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../policy-macros/src/attrs.rs"]
mod attrs;
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../policy-macros/src/check.rs"]
mod check;
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../policy-macros/src/dsl/mod.rs"]
mod dsl;
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../policy-macros/src/editor.rs"]
mod editor;
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../policy-macros/src/emit.rs"]
mod emit;
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../policy-macros/src/expand.rs"]
mod expand;
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../policy-macros/src/lower.rs"]
mod lower;

pub mod gen;
pub mod input;
pub mod pipeline;
pub mod positions;
