#!/usr/bin/env python3
"""Generates the two crates that benches/build-times.sh compares, from policies.json.

Both crates hold the same 50 policies, one function per policy, 10 per module (m0.rs .. m4.rs),
so that touching one module is a realistic incremental edit:

  with-policy/  each policy written with `typed_iam::policy!`   (depends on typed-iam)
  with-json/    each policy written with `serde_json::json!`    (depends on serde_json)
  with-one-policy/  the first policy alone, with `policy!`: the fixed cost of expansion (loading
                the proc macro, building the catalog index), so that the script can tell the cost
                of each further policy (not timed as a build)
  check/        a program that checks that both give the same JSON values (not timed)

The two crates are the members of a small workspace in OUTPUT_DIR (its own `[workspace]`, so the
repository's workspace does not claim them), sharing one target directory and one lock file.

usage: generate.py POLICIES_JSON OUTPUT_DIR REPO_ROOT
"""

import json
import os
import re
import sys

MODULES = 5

# A condition key written as a path (`aws:SourceAccount`, `aws:ResourceTag/team`); any other key
# (`s3:x-amz-server-side-encryption`, `kms:EncryptionContext:tenant`) is written as a string.
BARE_KEY = re.compile(r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*:[A-Za-z][A-Za-z0-9]*(/[A-Za-z][A-Za-z0-9]*)?$")
# An action written as a path: `s3:GetObject`, `kms:Create*`, `cognito-idp:ListUsers`.
BARE_ACTION = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*:[A-Za-z*?][A-Za-z0-9*?]*$")


def rust_string(text):
    """A Rust string literal for `policy!`: `{`/`}` doubled except in `${...}` policy variables."""
    out, i = [], 0
    while i < len(text):
        if text.startswith("${", i):
            end = text.index("}", i)
            out.append(text[i : end + 1])
            i = end + 1
            continue
        c = text[i]
        out.append({"{": "{{", "}": "}}"}.get(c, c))
        i += 1
    return json.dumps("".join(out), ensure_ascii=False)


def one_or_many(value, item):
    if isinstance(value, list):
        return "[" + ", ".join(item(v) for v in value) + "]"
    return item(value)


def action(text):
    return text if BARE_ACTION.match(text) else rust_string(text)


def resource(text):
    return "*" if text == "*" else rust_string(text)


def condition_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return rust_string(value)


PRINCIPAL_KINDS = {"AWS": "aws", "Service": "service", "Federated": "federated", "CanonicalUser": "canonical_user"}


def principal(value):
    if value == "*":
        return "*"
    return ", ".join(f"{PRINCIPAL_KINDS[kind]} {one_or_many(v, resource)}" for kind, v in value.items())


def statement(st, indent):
    pad = " " * indent
    head = f'{json.dumps(st["Sid"])}: ' if "Sid" in st else ""
    head += st["Effect"].lower()
    if "Action" in st:
        head += " " + one_or_many(st["Action"], action)
    if "NotAction" in st:
        head += " not " + one_or_many(st["NotAction"], action)
    lines = [pad + head]
    if "Principal" in st:
        lines.append(f"{pad}    for {principal(st['Principal'])}")
    if "NotPrincipal" in st:
        lines.append(f"{pad}    for not {principal(st['NotPrincipal'])}")
    if "Resource" in st:
        lines.append(f"{pad}    on {one_or_many(st['Resource'], resource)}")
    if "NotResource" in st:
        lines.append(f"{pad}    on not {one_or_many(st['NotResource'], resource)}")
    if "Condition" in st:
        lines.append(f"{pad}    when {{")
        for operator, entries in st["Condition"].items():
            for key, value in entries.items():
                key_text = key if BARE_KEY.match(key) else rust_string(key)
                lines.append(f"{pad}        {operator} {key_text}: {one_or_many(value, condition_value)},")
        lines.append(f"{pad}    }}")
    return "\n".join(lines) + ";"


def policy_macro(document):
    body = []
    if document.get("Version") != "2012-10-17":
        raise SystemExit(f"unexpected Version in {document}")
    if "Id" in document:
        body.append(f"        #![id = {json.dumps(document['Id'])}]")
    statements = document["Statement"]
    if not isinstance(statements, list):
        raise SystemExit("a single statement object is not supported by this generator")
    body.extend(statement(st, 8) for st in statements)
    return "typed_iam::policy! {\n" + "\n".join(body) + "\n    }"


def json_macro(document):
    text = json.dumps(document, indent=4, ensure_ascii=False)
    return "serde_json::json!(" + text.replace("\n", "\n    ") + ")"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    old = None
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    if old != text:  # keep mtimes of unchanged files, so regenerating does not force a rebuild
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def generate_crate(out, name, dependency, ty, expand, policies):
    write(
        os.path.join(out, "Cargo.toml"),
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        f"[dependencies]\n{dependency}\n",
    )
    per_module = -(-len(policies) // MODULES)
    modules = [policies[i : i + per_module] for i in range(0, len(policies), per_module)]
    lib = [
        "//! Generated by benches/build-times/generate.py from policies.json. Do not edit.",
        "",
    ]
    lib += [f"pub mod m{i};" for i in range(len(modules))]
    lib += [
        "",
        f"/// Every policy, by name.",
        f"pub fn all() -> Vec<(&'static str, {ty})> {{",
        "    let mut all = Vec::new();",
    ]
    lib += [f"    all.extend(m{i}::all());" for i in range(len(modules))]
    lib += ["    all", "}", ""]
    write(os.path.join(out, "src", "lib.rs"), "\n".join(lib))
    for i, module in enumerate(modules):
        text = ["//! Generated by benches/build-times/generate.py from policies.json. Do not edit.", ""]
        for entry in module:
            text += [
                f"pub fn {entry['name']}() -> {ty} {{",
                "    " + expand(entry["document"]),
                "}",
                "",
            ]
        names = ", ".join(f'("{e["name"]}", {e["name"]}())' for e in module)
        text += [f"pub fn all() -> Vec<(&'static str, {ty})> {{", f"    vec![{names}]", "}", ""]
        write(os.path.join(out, "src", f"m{i}.rs"), "\n".join(text))


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    source, out, root = sys.argv[1:]
    with open(source, encoding="utf-8") as f:
        policies = json.load(f)
    root = os.path.abspath(root)
    write(
        os.path.join(out, "Cargo.toml"),
        '[workspace]\nmembers = ["with-policy", "with-json", "with-one-policy", "check"]\nresolver = "2"\n',
    )
    generate_crate(
        os.path.join(out, "with-policy"),
        "bench-with-policy",
        f"typed-iam = {{ path = {json.dumps(root)} }}",
        "typed_iam::Policy",
        policy_macro,
        policies,
    )
    generate_crate(
        os.path.join(out, "with-one-policy"),
        "bench-with-one-policy",
        f"typed-iam = {{ path = {json.dumps(root)} }}",
        "typed_iam::Policy",
        policy_macro,
        policies[:1],
    )
    generate_crate(
        os.path.join(out, "with-json"),
        "bench-with-json",
        'serde_json = "1"',
        "serde_json::Value",
        json_macro,
        policies,
    )
    write(
        os.path.join(out, "check", "Cargo.toml"),
        '[package]\nname = "bench-check"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        '[dependencies]\nbench-with-policy = { path = "../with-policy" }\n'
        'bench-with-json = { path = "../with-json" }\nserde_json = "1"\n',
    )
    write(os.path.join(out, "check", "src", "main.rs"), CHECK)


CHECK = r"""//! Generated by benches/build-times/generate.py. Do not edit.
//! Checks that the two crates hold the same policies: `policy!` and `json!` give equal JSON.

fn main() -> std::process::ExitCode {
    let typed = bench_with_policy::all();
    let plain = bench_with_json::all();
    let mut differ = 0;
    for ((name, policy), (_, json)) in typed.iter().zip(&plain) {
        // The policy's own JSON writer (typed-iam's serde impls are a feature the crates do not
        // turn on), read back as a value to compare with json!'s.
        let written: serde_json::Value =
            serde_json::from_str(&policy.to_json()).unwrap_or_default();
        if &written != json {
            differ += 1;
            eprintln!("{name}: policy! gives\n{written:#}\njson! gives\n{json:#}");
        }
    }
    println!("{} policies, {} differ between policy! and json!", typed.len(), differ);
    if differ == 0 && typed.len() == plain.len() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
"""


if __name__ == "__main__":
    main()
