//! Project chores: `cargo xtask codegen`, `cargo xtask update-data`.

fn main() {}
