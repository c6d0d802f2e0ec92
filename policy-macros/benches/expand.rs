//! The `policy!` macro's own expansion time: parse, lower, validate, emit, per policy.
//!
//! A proc-macro crate exports only its macros, so this bench compiles the crate's modules into
//! itself (`#[path]`) and calls the same `proc_macro2` pipeline that `lib.rs` calls. The inputs
//! are every `policy! { ... }` call in the Rust files named by `POLICY_BENCH_FILES` (separated by
//! `:`, relative to the repository's root; default: every `.rs` file under the repository's `examples/`, where the seed policies are
//! written in the DSL).
//!
//! ```text
//! cargo bench -p typed-iam-macros --bench expand                 # optimized, as with build-override
//! cargo bench -p typed-iam-macros --bench expand --profile dev   # opt-level 0, cargo's default for
//!                                                             # proc macros in debug builds
//! # the 50 policies of benches/build-times.sh (run the script once to generate them):
//! POLICY_BENCH_FILES=$(ls target/build-times/with-policy/src/m*.rs | paste -sd:) \
//!     cargo bench -p typed-iam-macros --bench expand
//! ```
//!
//! The catalog index is built once, before measuring (its one-off cost per compiler process is
//! in the build-time script's figures). Each iteration parses and expands every input once;
//! criterion's throughput line gives policies per second.

#![expect(
    dead_code,
    reason = "the modules are the proc macro's; this bench uses only `policy!`"
)]
#![expect(
    missing_docs,
    reason = "criterion's macros generate undocumented functions"
)]
#![expect(
    clippy::expect_used,
    clippy::panic,
    reason = "a bench: bad input stops it"
)]
// cargo builds benches with `cfg(test)`, which compiles the modules' unit tests without the test
// harness: their test-only imports are then unused.
#![allow(unused_imports, reason = "test-only imports of the included modules")]

#[path = "../src/attrs.rs"]
mod attrs;
#[path = "../src/check.rs"]
mod check;
#[path = "../src/dsl/mod.rs"]
mod dsl;
#[path = "../src/editor.rs"]
mod editor;
#[path = "../src/emit.rs"]
mod emit;
#[path = "../src/expand.rs"]
mod expand;
#[path = "../src/lower.rs"]
mod lower;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use proc_macro2::{TokenStream, TokenTree};

/// The bodies of every `policy! { ... }` (or `path::policy! { ... }`) in a token stream.
fn policy_calls(tokens: TokenStream, calls: &mut Vec<TokenStream>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        if let TokenTree::Group(group) = tree {
            let is_call = i >= 2
                && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '!')
                && matches!(&trees[i - 2], TokenTree::Ident(name) if name == "policy");
            if is_call {
                calls.push(group.stream());
            } else {
                policy_calls(group.stream(), calls);
            }
        }
    }
}

/// The `.rs` files under `dir`, recursively, skipping `target` folders, sorted.
fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() && !path.ends_with("target") {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

fn inputs() -> Vec<TokenStream> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let files: Vec<PathBuf> = match std::env::var_os("POLICY_BENCH_FILES") {
        // Relative paths are from the repository's root (cargo runs benches in the package's).
        Some(files) => std::env::split_paths(&files)
            .map(|file| root.join(file))
            .collect(),
        None => {
            let mut files = Vec::new();
            rust_files(
                &Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples"),
                &mut files,
            );
            files
        }
    };
    let mut calls = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file)
            .unwrap_or_else(|error| panic!("cannot read `{}`: {error}", file.display()));
        let tokens = TokenStream::from_str(&text)
            .unwrap_or_else(|error| panic!("cannot lex `{}`: {error}", file.display()));
        policy_calls(tokens, &mut calls);
    }
    assert!(!calls.is_empty(), "no `policy!` call in {files:?}");
    calls
}

fn expand_policies(c: &mut Criterion) {
    let calls = inputs();
    // Every input expands without a compile error (and the catalog index is built now).
    for call in &calls {
        let input: dsl::PolicyInput = syn::parse2(call.clone()).expect("the input parses");
        let output = expand::policy(&input).to_string();
        assert!(
            !output.contains("compile_error"),
            "{call}\nexpands to an error:\n{output}"
        );
    }
    let mut group = c.benchmark_group("policy!");
    group.throughput(Throughput::Elements(calls.len() as u64));
    group.bench_function(format!("expand/{}-policies", calls.len()), |b| {
        b.iter(|| {
            for call in &calls {
                let input: dsl::PolicyInput = syn::parse2(black_box(call.clone())).expect("parses");
                black_box(expand::policy(&input));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, expand_policies);
criterion_main!(benches);
