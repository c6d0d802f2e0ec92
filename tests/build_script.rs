//! `examples/build-script/`: its build script writes policy JSON files, rewrites none of them when
//! nothing changed, and rewrites only the file of the policy whose input changed.
//!
//! The example is its own crate (excluded from the workspace, as a user's crate would be), so this
//! test builds it with `cargo build --manifest-path`, in a target directory of its own under the
//! workspace's `target/` that later runs reuse. The first run compiles `typed-iam` there once.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

type Result<T = (), E = Box<dyn std::error::Error>> = std::result::Result<T, E>;

/// The policy files the build script writes, by file name: (modification time, contents).
type Snapshot = BTreeMap<String, (SystemTime, String)>;

const FILES: [&str; 4] = [
    "datasets-bucket.json",
    "evaluation-role.json",
    "evaluation-trust.json",
    "evaluation-user.json",
];

struct Example {
    manifest: PathBuf,
    target: PathBuf,
    out: PathBuf,
}

impl Example {
    fn new() -> Result<Self> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let crate_dir = root.join("examples/build-script");
        let target = root.join("target/build-script-example");
        // A fresh output folder per run: the build script runs again because POLICY_OUT_DIR
        // changed, whatever an earlier run left in the shared target directory.
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH)?.as_nanos();
        let out = target.join(format!("policies-{}-{nanos}", std::process::id()));
        // Lock the example's dependencies to the workspace's versions, so that the build below
        // resolves offline (the lock file is not checked in: it follows the workspace's).
        let lock = crate_dir.join("Cargo.lock");
        if !lock.exists() {
            fs::copy(root.join("Cargo.lock"), &lock)?;
        }
        Ok(Self {
            manifest: crate_dir.join("Cargo.toml"),
            target,
            out,
        })
    }

    /// Builds the example with these inputs; returns cargo's verbose output.
    fn build(&self, inputs: &[(&str, &str)]) -> Result<String> {
        let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut command = Command::new(cargo);
        command
            .args(["build", "--offline", "--verbose", "--manifest-path"])
            .arg(&self.manifest)
            .env("CARGO_TARGET_DIR", &self.target)
            .env("POLICY_OUT_DIR", &self.out);
        for name in ["EVAL_ACCOUNT", "EVAL_REGION", "EVAL_BUCKET", "EVAL_MODEL"] {
            command.env_remove(name);
        }
        command.envs(inputs.iter().copied());
        let output = command.output()?;
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        if !output.status.success() {
            return Err(format!("building the example failed:\n{stderr}").into());
        }
        Ok(stderr)
    }

    fn snapshot(&self) -> Result<Snapshot> {
        let mut files = Snapshot::new();
        for name in FILES {
            let path = self.out.join(name);
            let modified = fs::metadata(&path)?.modified()?;
            files.insert(name.to_owned(), (modified, fs::read_to_string(&path)?));
        }
        Ok(files)
    }
}

impl Drop for Example {
    fn drop(&mut self) {
        // Best effort: a leftover folder only costs a few kilobytes under target/.
        let _ = fs::remove_dir_all(&self.out);
    }
}

/// The names of the files whose modification time differs between two snapshots.
fn rewritten(before: &Snapshot, after: &Snapshot) -> Vec<String> {
    before
        .iter()
        .filter(|(name, (modified, _))| after.get(*name).map(|(m, _)| m) != Some(modified))
        .map(|(name, _)| name.clone())
        .collect()
}

/// Whether cargo ran the example's build script in a verbose build.
fn ran_build_script(stderr: &str) -> bool {
    stderr.lines().any(|line| {
        line.trim_start().starts_with("Running `") && line.contains("build-script-build")
    })
}

#[test]
fn build_script_rewrites_only_what_changed() -> Result {
    let example = Example::new()?;

    let stderr = example.build(&[])?;
    assert!(
        ran_build_script(&stderr),
        "the first build must run the build script:\n{stderr}"
    );
    let first = example.snapshot()?;
    for (name, (_, text)) in &first {
        let json: serde_json::Value = serde_json::from_str(text)?;
        assert_eq!(json["Version"], "2012-10-17", "{name}: {text}");
    }
    let role = &first["evaluation-role.json"].1;
    assert!(
        role.contains("arn:aws:s3:::example-eval-datasets/results/*"),
        "{role}"
    );
    assert!(
        role.contains("foundation-model/anthropic.claude-3-haiku-20240307-v1:0"),
        "{role}"
    );

    // Nothing changed: cargo does not even run the build script.
    let stderr = example.build(&[])?;
    assert!(
        !ran_build_script(&stderr),
        "nothing changed, yet:\n{stderr}"
    );
    assert_eq!(
        rewritten(&first, &example.snapshot()?),
        Vec::<String>::new()
    );

    // An input set to its default value: the build script runs, every policy comes out the
    // same, and `write_json` leaves every file alone.
    let same_region = [("EVAL_REGION", "us-east-1")];
    let stderr = example.build(&same_region)?;
    assert!(
        ran_build_script(&stderr),
        "EVAL_REGION changed, yet:\n{stderr}"
    );
    let second = example.snapshot()?;
    assert_eq!(rewritten(&first, &second), Vec::<String>::new());
    assert_eq!(first, second);

    // Another model to evaluate: only the evaluation role names it.
    let other_model = [
        ("EVAL_REGION", "us-east-1"),
        ("EVAL_MODEL", "amazon.nova-lite-v1:0"),
    ];
    example.build(&other_model)?;
    let third = example.snapshot()?;
    assert_eq!(rewritten(&second, &third), ["evaluation-role.json"]);
    let role = &third["evaluation-role.json"].1;
    assert!(
        role.contains("foundation-model/amazon.nova-lite-v1:0"),
        "{role}"
    );
    assert!(!role.contains("claude"), "{role}");

    // Another bucket: the role and the bucket policy name it, the trust and user policies do not.
    let other_bucket = [
        ("EVAL_REGION", "us-east-1"),
        ("EVAL_MODEL", "amazon.nova-lite-v1:0"),
        ("EVAL_BUCKET", "other-eval-datasets"),
    ];
    example.build(&other_bucket)?;
    let fourth = example.snapshot()?;
    assert_eq!(
        rewritten(&third, &fourth),
        ["datasets-bucket.json", "evaluation-role.json"]
    );
    assert!(fourth["datasets-bucket.json"]
        .1
        .contains("arn:aws:s3:::other-eval-datasets/*"));
    Ok(())
}
