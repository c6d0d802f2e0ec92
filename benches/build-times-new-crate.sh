#!/usr/bin/env bash
# A user's first build: a new binary crate with ONE policy written with `typed_iam::policy!`,
# against the same policy written with `serde_json::json!`, debug, from an empty target directory
# (dependencies included), then an incremental build (`touch src/main.rs`), and the size of the
# target directory. Issue 11's figures.
#
#   benches/build-times-new-crate.sh                 # 3 repetitions, this checkout only
#   BEFORE=d189269 REPS=5 benches/build-times-new-crate.sh
#   BEFORE="d189269 4c660ac" REPS=3 benches/build-times-new-crate.sh   # several revisions
#
# Configurations, interleaved in every repetition (the machine is shared, so each repetition
# measures all of them back to back and the ratios to `json!` are per repetition):
#   json        serde_json::json!
#   policy      policy! with typed-iam as this checkout has it (default features), a path
#               dependency
#   registry    the same crate, with typed-iam's packages built as cargo builds a dependency from
#               the Rust package registry: without incremental compilation, which cargo uses only
#               for workspace members and path dependencies (the Cargo Book, "Profiles",
#               `incremental`: https://doc.rust-lang.org/cargo/reference/profiles.html#incremental).
#               A user who adds `typed-iam = "0.1"` gets this build; `policy` is what a path
#               dependency (this benchmark's way of reaching an unpublished checkout) costs
#   enums       typed-iam with `features = ["enums"]`, the policy built at run time with the
#               builder and the catalog's `bedrock::Action::...` (what a user who wants the typed
#               enums pays)
#   before-REV  policy! with typed-iam at each git revision REV of BEFORE (`git archive`)
#
# typed-iam itself is a snapshot of HEAD (`git archive`), so that commits made while the
# benchmark runs do not change what it measures (uncommitted changes are not measured).
# Each crate gets the workspace's Cargo.lock and builds `--offline`. Prints every run, then the
# median and the spread (min..max) of each figure and of each configuration's ratio to `json!`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/target/build-times-new-crate}
REPS=${REPS:-3}
unset RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER CARGO_TARGET_DIR || true
mkdir -p "$OUT"

configs=(json policy registry enums)
snapshot() { # revision, directory
    rm -rf "$2"
    mkdir -p "$2"
    git -C "$ROOT" archive "$1" | tar -x -C "$2"
}
snapshot HEAD "$OUT/head-src"
for rev in ${BEFORE:-}; do
    snapshot "$rev" "$OUT/before-$rev-src"
    configs+=("before-$rev")
done

# The policy: a Bedrock evaluation role in the style of AWS's docs.
policy_body='
        "BedrockConsole": allow [bedrock:CreateEvaluationJob, bedrock:GetEvaluationJob, bedrock:ListEvaluationJobs] on *;
        "PassRole": allow iam:PassRole on "arn:aws:iam::123456789012:role/Evaluation" when {
            StringEquals iam:PassedToService: "bedrock.amazonaws.com",
        };'
json_body='{
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "BedrockConsole", "Effect": "Allow",
             "Action": ["bedrock:CreateEvaluationJob", "bedrock:GetEvaluationJob", "bedrock:ListEvaluationJobs"],
             "Resource": "*"},
            {"Sid": "PassRole", "Effect": "Allow", "Action": "iam:PassRole",
             "Resource": "arn:aws:iam::123456789012:role/Evaluation",
             "Condition": {"StringEquals": {"iam:PassedToService": "bedrock.amazonaws.com"}}}
        ]
    }'

write_crate() { # name, dependency lines, main.rs, [more manifest]
    local dir="$OUT/$1"
    mkdir -p "$dir/src"
    printf '[package]\nname = "new-%s"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n%s\n\n[workspace]\n%s' \
        "$1" "$2" "${4:-}" >"$dir/Cargo.toml"
    printf '%s\n' "$3" >"$dir/src/main.rs"
    cp "$ROOT/Cargo.lock" "$dir/Cargo.lock"
}

write_crate json 'serde_json = "1"' "fn main() {
    let policy = serde_json::json!($json_body);
    println!(\"{policy}\");
}"
write_crate policy "typed-iam = { path = \"$OUT/head-src\" }" "fn main() {
    let policy = typed_iam::policy! {$policy_body
    };
    println!(\"{}\", policy.to_json());
}"
registry_profile=''
for package in typed-iam typed-iam-core typed-iam-catalog typed-iam-macros; do
    registry_profile+=$(printf '\n[profile.dev.package.%s]\nincremental = false\n' "$package")
done
write_crate registry "typed-iam = { path = \"$OUT/head-src\" }" "$(cat "$OUT/policy/src/main.rs")" "$registry_profile"
write_crate enums "typed-iam = { path = \"$OUT/head-src\", features = [\"enums\"] }" "use typed_iam::catalog::{bedrock, iam};
use typed_iam::model::BaseOperator;
use typed_iam::{Policy, Statement};

fn main() -> Result<(), typed_iam::model::BuildError> {
    let policy = Policy::builder()
        .statement(
            Statement::allow()
                .sid(\"BedrockConsole\")
                .actions([
                    bedrock::Action::CreateEvaluationJob,
                    bedrock::Action::GetEvaluationJob,
                    bedrock::Action::ListEvaluationJobs,
                ])
                .resource(\"*\")
                .build(),
        )
        .statement(
            Statement::allow()
                .sid(\"PassRole\")
                .action(iam::Action::PassRole)
                .resource(\"arn:aws:iam::123456789012:role/Evaluation\")
                .condition(BaseOperator::StringEquals, \"iam:PassedToService\", \"bedrock.amazonaws.com\")
                .build(),
        )
        .build()?;
    println!(\"{}\", policy.to_json());
    Ok(())
}"
for rev in ${BEFORE:-}; do
    write_crate "before-$rev" "typed-iam = { path = \"$OUT/before-$rev-src\" }" "$(cat "$OUT/policy/src/main.rs")"
done

# "wall cpu" seconds of a command run quietly (cpu: user + system time of the command and its
# children, from bash's `times`); its output is shown on failure. On a shared machine the wall
# clock measures the other builds as much as this one; the CPU time is the work itself, and
# what a quiet machine with N cores needs is about max(cpu / N, the critical path).
seconds() {
    local log start end before after
    log=$(mktemp)
    times >"$log.cpu"
    before=$(children_cpu "$log.cpu")
    start=$(date +%s.%N)
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        echo "failed: $*" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    times >"$log.cpu"
    after=$(children_cpu "$log.cpu")
    rm -f "$log" "$log.cpu"
    awk -v s="$start" -v e="$end" -v b="$before" -v a="$after" 'BEGIN { printf "%.2f %.2f", e - s, a - b }'
}
# User + system seconds of the finished children, from the output of bash's `times` (written to
# a file by the shell that ran them: `times` in a `$(..)` would see the subshell's children).
children_cpu() {
    tail -1 "$1" | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); n += p[1] * 60 + p[2] } printf "%.2f", n }'
}
build() { cargo build --offline --manifest-path "$OUT/$1/Cargo.toml"; }

# The programs print the same JSON (checked once, outside the timings).
for config in "${configs[@]}"; do
    build "$config" >/dev/null 2>&1 || build "$config"
    cargo run -q --offline --manifest-path "$OUT/$config/Cargo.toml" |
        python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))' \
            >"$OUT/$config.json"
    cmp -s "$OUT/json.json" "$OUT/$config.json" || {
        echo "$config prints other JSON than json!" >&2
        exit 1
    }
done

declare -A clean cpu incremental size
echo "== $REPS runs, interleaved: ${configs[*]}"
for rep in $(seq 1 "$REPS"); do
    for config in "${configs[@]}"; do
        rm -rf "$OUT/$config/target"
        read -r t c <<<"$(seconds build "$config")"
        touch "$OUT/$config/src/main.rs"
        read -r u _ <<<"$(seconds build "$config")"
        s=$(du -sm "$OUT/$config/target" | cut -f1)
        clean[$config]+=" $t"
        cpu[$config]+=" $c"
        incremental[$config]+=" $u"
        size[$config]+=" $s"
        echo "   run $rep, $config: clean $t s (cpu $c s), incremental $u s, target $s MB (load $(cut -d' ' -f1 /proc/loadavg))"
    done
done

# "median min max" of a list of numbers.
stats() {
    tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.2f %.2f %.2f", m, v[1], v[NR] }'
}
# Per-repetition ratios of a configuration to json!.
ratios() { # list, json list
    paste -d' ' <(tr ' ' '\n' <<<"$1" | grep .) <(tr ' ' '\n' <<<"$2" | grep .) |
        awk '{ printf " %.3f", $1 / $2 }'
}
echo
echo "== median (min..max) over $REPS runs; ratio to json! per run ($(nproc) cores, $(rustc -V))"
for config in "${configs[@]}"; do
    for figure in clean cpu incremental size; do
        declare -n list=$figure
        declare -n json_list=$figure
        read -r m lo hi <<<"$(echo "${list[$config]}" | stats)"
        read -r rm rlo rhi <<<"$(ratios "${list[$config]}" "${json_list[json]}" | stats)"
        unit=$([ "$figure" = size ] && echo MB || echo s)
        printf '%-7s %-12s %8.2f %s (%.2f..%.2f)   ratio %5.2fx (%.2f..%.2f)\n' \
            "$config" "$figure" "$m" "$unit" "$lo" "$hi" "$rm" "$rlo" "$rhi"
    done
done
