//! The `policy` command-line tool.

fn main() {}
