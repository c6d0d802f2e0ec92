//! The commands of the `policy` command-line tool.
