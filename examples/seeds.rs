//! Every IAM policy of the seed pages, written with the `policy!` DSL and printed as JSON Lines:
//! `{"name": "004_03", "document": {...}}`, one line per document, in name order.
//!
//! ```text
//! cargo run -q --example seeds
//! ```
//!
//! The documents themselves are in `examples/common/seed_documents.rs`.

#[path = "common/seed_documents.rs"]
mod seed_documents;

use std::io::Write;

fn main() {
    let mut out = std::io::stdout().lock();
    for (name, document) in seed_documents::all() {
        let json = document.to_json();
        // A closed pipe (`| head`) ends the output quietly.
        if writeln!(out, "{{\"name\":\"{name}\",\"document\":{json}}}").is_err() {
            return;
        }
    }
}
