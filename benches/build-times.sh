#!/usr/bin/env bash
# Build time of 50 realistic policies written with `typed_iam::policy!` against the same 50 written
# with `serde_json::json!` (issue 5's figures), and the macro's own expansion time per policy.
#
#   benches/build-times.sh            # 5 repetitions
#   REPS=3 benches/build-times.sh   # fewer, faster
#
# Needs cargo and python3, no network (`--offline`: the workspace's dependencies are enough).
#
# What it does:
# 1. benches/build-times/generate.py writes, from ONE source (benches/build-times/policies.json,
#    50 policies in the style of AWS's docs: Bedrock, SageMaker, S3, KMS, IAM PassRole, trust and
#    bucket policies, conditions), a small workspace under target/build-times/ with two library
#    crates, bench-with-policy and bench-with-json, each with one function per policy, 10 per
#    module (src/m0.rs .. src/m4.rs), and a `check` program that proves both give equal JSON.
# 2. Builds everything once (dependencies: typed-iam with its catalog enums, serde_json), runs the
#    check.
# 3. Per repetition and crate, alternating the two crates:
#    clean:       `cargo clean -p CRATE`, then `cargo build -p CRATE` (the crate alone: its
#                 dependencies are already built);
#    incremental: `touch src/m2.rs`, then `cargo build -p CRATE` (one file touched: rustc runs
#                 again with its incremental cache; every macro in the crate is expanded again).
#    Prints the median and the minimum of each (the machine is shared: the minimum is the least
#    disturbed run) and the ratios policy!/json!.
# 4. Expansion: rustc's `-Z time-passes` (on stable through RUSTC_BOOTSTRAP=1, for this
#    measurement only) reports `macro_expand_crate`: the time rustc spends expanding every macro
#    of the crate, the proc macro's work included (loading it, building the catalog index on first
#    use, parsing, validating, emitting). Divided by 50, it is an upper bound of the macro's own
#    expansion time per policy; the same for a crate with the first policy alone gives the fixed
#    cost, so (50 policies - 1 policy) / 49 is the cost of each further policy. The json! crate's
#    figure is printed for comparison. (`cargo bench -p typed-iam-macros --bench expand` measures the
#    macro's pipeline alone, in process, on these 50 with POLICY_BENCH_FILES: see its docs.)
#
# 5. The expansion and the incremental build again with the proc macro optimized
#    (CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=3, what `[profile.dev.build-override]
#    opt-level = 3` gives a user), in target/build-times/target-opt. OPTIMIZED_MACRO=0 skips it.
#
# Steps 3 and 4 run the proc macro as the dev profile builds it (opt-level 0), as in a user's
# debug build with cargo's defaults.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/target/build-times}
REPS=${REPS:-5}
POLICIES=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' \
    "$ROOT/benches/build-times/policies.json")
export CARGO_TARGET_DIR="$OUT/target"
unset RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER || true

python3 "$ROOT/benches/build-times/generate.py" \
    "$ROOT/benches/build-times/policies.json" "$OUT" "$ROOT"
# Resolve to the workspace's own versions (offline, nothing new to download).
[ -f "$OUT/Cargo.lock" ] || cp "$ROOT/Cargo.lock" "$OUT/Cargo.lock"

cargo_() {
    local command=$1
    shift
    cargo "$command" --offline --manifest-path "$OUT/Cargo.toml" "$@"
}

# Runs a command quietly and prints its wall-clock time in seconds; shows its output on failure.
seconds() {
    local log start end
    log=$(mktemp)
    start=$(date +%s.%N)
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "failed: $*" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    rm -f "$log"
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}


echo "== building dependencies and both crates once ($OUT)"
cargo_ build --workspace
echo "== checking that policy! and json! give the same JSON"
cargo_ run -q -p bench-check

declare -A clean incremental
for crate in policy json; do clean[$crate]=""; incremental[$crate]=""; done
for rep in $(seq 1 "$REPS"); do
    for crate in policy json; do
        cargo_ clean -q -p "bench-with-$crate"
        t=$(seconds cargo_ build -p "bench-with-$crate")
        clean[$crate]+=" $t"
        touch "$OUT/with-$crate/src/m2.rs"
        u=$(seconds cargo_ build -p "bench-with-$crate")
        incremental[$crate]+=" $u"
        echo "   run $rep, $crate: clean ${t} s, incremental ${u} s"
    done
done

# Expansion time, from rustc's own timer: a touched rebuild with `-Z time-passes`, per crate.
expand_time() {
    local crate=$1
    touch "$OUT/with-$crate/src/m0.rs"
    RUSTC_BOOTSTRAP=1 cargo_ rustc -q -p "bench-with-$crate" --lib -- -Z time-passes 2>&1 |
        awk '$NF == "macro_expand_crate" { sub(";", "", $2); print $2 }'
}
declare -A expand
for crate in policy one-policy json; do expand[$crate]=""; done
for rep in $(seq 1 "$REPS"); do
    for crate in policy one-policy json; do
        expand[$crate]+=" $(expand_time "$crate")"
    done
done

# The same expansion figures with the proc macro (and its dependencies) optimized, as a user gets
# with `[profile.dev.build-override] opt-level = 3`; in a target directory of its own.
declare -A fast
for crate in policy one-policy; do fast[$crate]=""; done
fast_incremental=""
if [ "${OPTIMIZED_MACRO:-1}" = 1 ]; then
    echo "== the same with an optimized proc macro (build-override opt-level = 3)"
    export CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=3 CARGO_TARGET_DIR="$OUT/target-opt"
    cargo_ build -q -p bench-with-policy -p bench-with-one-policy
    for rep in $(seq 1 "$REPS"); do
        for crate in policy one-policy; do
            fast[$crate]+=" $(expand_time "$crate")"
        done
        cargo_ build -q -p bench-with-policy
        touch "$OUT/with-policy/src/m2.rs"
        fast_incremental+=" $(seconds cargo_ build -p bench-with-policy)"
    done
    unset CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL
    export CARGO_TARGET_DIR="$OUT/target"
fi

# "median min" of a list of numbers.
stats() {
    tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.3f %.3f", m, v[1] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { # label, policy! stats, json! stats
    local label=$1 pm pn jm jn
    read -r pm pn <<<"$2"
    read -r jm jn <<<"$3"
    printf '%-27s %7.2fs %7.2fs %6sx %9.2fs %7.2fs %6sx\n' "$label" \
        "$pm" "$jm" "$(ratio "$pm" "$jm")" "$pn" "$jn" "$(ratio "$pn" "$jn")"
}

cp=$(echo "${clean[policy]}" | stats)
cj=$(echo "${clean[json]}" | stats)
ip=$(echo "${incremental[policy]}" | stats)
ij=$(echo "${incremental[json]}" | stats)
read -r ep _ <<<"$(echo "${expand[policy]}" | stats)"
read -r e1 _ <<<"$(echo "${expand[one-policy]}" | stats)"
read -r ej _ <<<"$(echo "${expand[json]}" | stats)"

echo
echo "== $POLICIES policies, $REPS runs ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(rustc -V))"
printf '%-27s %8s %8s %7s %10s %8s %7s\n' "" "policy!" "json!" "ratio" "policy!" "json!" "ratio"
printf '%-27s %25s %27s\n' "" "median" "min"
row "clean build of the crate" "$cp" "$cj"
row "incremental (touch m2.rs)" "$ip" "$ij"
echo "target: incremental within 1.25x of json!"
echo
echo "macro expansion (rustc -Z time-passes, macro_expand_crate, median):"
echo "  $POLICIES policies with policy!: ${ep} s; 1 policy with policy!: ${e1} s; $POLICIES with json!: ${ej} s"
awk -v a="$ep" -v b="$e1" -v j="$ej" -v n="$POLICIES" 'BEGIN {
    printf "  per policy, all included: %.2f ms (json!: %.2f ms)\n", a * 1000 / n, j * 1000 / n
    printf "  per policy, fixed cost excluded ((%d policies - 1 policy) / %d): %.2f ms\n", n, n - 1, (a - b) * 1000 / (n - 1)
    print  "  target: under 1 ms per policy on average"
}'
if [ "${OPTIMIZED_MACRO:-1}" = 1 ]; then
    read -r fp _ <<<"$(echo "${fast[policy]}" | stats)"
    read -r f1 _ <<<"$(echo "${fast[one-policy]}" | stats)"
    read -r fim fin <<<"$(echo "$fast_incremental" | stats)"
    echo
    echo "with the proc macro optimized ([profile.dev.build-override] opt-level = 3 in the user's Cargo.toml):"
    awk -v a="$fp" -v b="$f1" -v n="$POLICIES" 'BEGIN {
        printf "  expansion: %d policies %.3f s, 1 policy %.3f s; per further policy: %.2f ms\n", n, a, b, (a - b) * 1000 / (n - 1) }'
    echo "  incremental (touch m2.rs) with policy!: median ${fim} s, min ${fin} s;" \
        "ratio to json!: $(ratio "$fim" "$(cut -d' ' -f1 <<<"$ij")")x (median), $(ratio "$fin" "$(cut -d' ' -f2 <<<"$ij")")x (min)"
fi
echo
echo "all runs (s): clean policy!${clean[policy]} | json!${clean[json]};" \
    "incremental policy!${incremental[policy]} | json!${incremental[json]};" \
    "expansion policy!${expand[policy]} | one policy${expand[one-policy]} | json!${expand[json]};" \
    "optimized macro: expansion policy!${fast[policy]} | one policy${fast[one-policy]};" \
    "incremental policy!${fast_incremental}"
