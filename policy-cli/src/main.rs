//! The `policy` command-line tool: a thin shell over the `policy_cli` library, so that tests
//! call the commands directly.

use clap::Parser;

fn main() -> policy_cli::Exit {
    policy_cli::run(policy_cli::Cli::parse())
}
