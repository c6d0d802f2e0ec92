#!/usr/bin/env bash
# Issue 12's differential run and `policy test` throughput, side by side with iam-simulate
# (the npm package @cloud-copilot/iam-simulate, installed here into target/, never vendored).
#
# Usage: benches/eval-vs-iam-simulate.sh [SCENARIOS] [ROUNDS] [SEED]   (default 5000 5 7)
# 1. benches/eval/gen_scenarios.py writes SCENARIOS random scenarios (no expectations).
# 2. iam-simulate answers each (benches/eval/iam_simulate_runner.js); its answers become the
#    scenarios' `expect` (scenarios it rejects as invalid are left out) and its rate is timed:
#    one process, JSON parsing included, ROUNDS times.
# 3. `policy test` runs the same file ROUNDS times (one process each, start-up and parsing
#    included): every failure is a disagreement, printed with its explanation into
#    target/eval-vs-iam-simulate/disagreements.txt; the rate of each round is timed.
# Prints the agreement count, the median and spread of both rates, and their ratio.
# Needs: cargo, python3, node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-5000}
rounds=${2:-5}
seed=${3:-7}
out=target/eval-vs-iam-simulate
install=target/iam-simulate
mkdir -p "$out" "$install"

if [ ! -d "$install/node_modules/@cloud-copilot/iam-simulate" ]; then
    (cd "$install" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent @cloud-copilot/iam-simulate)
fi
version=$(node -p "require('./$install/node_modules/@cloud-copilot/iam-simulate/package.json').version")
cargo build --release --quiet -p policy-cli
policy=target/release/policy

python3 benches/eval/gen_scenarios.py "$count" "$seed" > "$out/scenarios.jsonl"

: > "$out/iam-simulate.rates"
for round in $(seq "$rounds"); do
    node benches/eval/iam_simulate_runner.js "$install" "$out/scenarios.jsonl" "$out/expected.jsonl" 2> "$out/iam-simulate.json"
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rate"])' "$out/iam-simulate.json" >> "$out/iam-simulate.rates"
done
accepted=$(wc -l < "$out/expected.jsonl")

: > "$out/policy.rates"
for round in $(seq "$rounds"); do
    start=$(date +%s.%N)
    set +e
    "$policy" test "$out/expected.jsonl" > "$out/disagreements.txt" 2> "$out/policy.summary"
    set -e
    end=$(date +%s.%N)
    python3 -c 'import sys; print(int(sys.argv[1]) / (float(sys.argv[3]) - float(sys.argv[2])))' "$accepted" "$start" "$end" >> "$out/policy.rates"
done

python3 - "$out" "$count" "$accepted" "$version" <<'PY'
import json, statistics, sys
out, count, accepted, version = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def rates(name):
    return sorted(float(line) for line in open(f"{out}/{name}.rates") if line.strip())
theirs, ours = rates("iam-simulate"), rates("policy")
summary = open(f"{out}/policy.summary").read().strip()
errors = json.load(open(f"{out}/iam-simulate.json"))["errors"]
print(f"scenarios generated: {count}; accepted by iam-simulate {version}: {accepted} (rejected as invalid: {sum(errors.values())})")
print(f"policy test against iam-simulate's answers: {summary.splitlines()[-1]}")
for name, values in (("iam-simulate", theirs), ("policy test", ours)):
    print(f"{name:>13}: median {statistics.median(values):,.0f} scenarios/s, min {values[0]:,.0f}, max {values[-1]:,.0f} ({len(values)} rounds)")
print(f"ratio (medians): {statistics.median(ours) / statistics.median(theirs):.1f}x; (min/min): {ours[0] / theirs[0]:.1f}x")
print(f"disagreements with explanations: {out}/disagreements.txt")
PY
