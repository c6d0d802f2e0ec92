//! The `policy` command-line tool: a thin shell over the `typed_iam_cli` library, so that tests
//! call the commands directly.

use clap::Parser;

fn main() -> typed_iam_cli::Exit {
    typed_iam_cli::run(typed_iam_cli::Cli::parse())
}
