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
# Prints the agreement count, the median and spread of both rates (by the wall clock and by the
# CPU time each process used: on a shared machine the wall clock also counts other processes),
# and their ratio. POLICY_BASELINE=path/to/policy adds another build (main's) in alternation.
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
cargo build --release --quiet -p typed-iam-cli
policy=target/release/policy

python3 benches/eval/gen_scenarios.py "$count" "$seed" > "$out/scenarios.jsonl"

: > "$out/iam-simulate.rates"
for round in $(seq "$rounds"); do
    node benches/eval/iam_simulate_runner.js "$install" "$out/scenarios.jsonl" "$out/expected.jsonl" 2> "$out/iam-simulate.json"
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["rate"], r["cpu_rate"])' "$out/iam-simulate.json" >> "$out/iam-simulate.rates"
done
accepted=$(wc -l < "$out/expected.jsonl")

# One `policy test` process per round, start-up and parsing included; its rate by the wall
# clock and by the CPU time it used (user + system, from the kernel's accounting of children).
time_policy() {
    python3 - "$1" "$out/expected.jsonl" "$accepted" "$out/disagreements.txt" "$out/policy.summary" <<'PY'
import resource, subprocess, sys, time
binary, scenarios, accepted, stdout, stderr = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
before = resource.getrusage(resource.RUSAGE_CHILDREN)
start = time.perf_counter()
with open(stdout, "w") as out, open(stderr, "w") as err:
    subprocess.run([binary, "test", scenarios], stdout=out, stderr=err, check=False)
wall = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(accepted / wall, accepted / cpu)
PY
}

: > "$out/policy.rates"
: > "$out/baseline.rates"
for round in $(seq "$rounds"); do
    # With POLICY_BASELINE (another build of `policy`, such as main's), it runs in alternation
    # with this one, so that both see the same machine.
    if [ -n "${POLICY_BASELINE:-}" ]; then
        time_policy "$POLICY_BASELINE" >> "$out/baseline.rates"
    fi
    time_policy "$policy" >> "$out/policy.rates"
done

python3 - "$out" "$count" "$accepted" "$version" <<'PY'
import json, statistics, sys
out, count, accepted, version = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def rates(name):
    rows = [line.split() for line in open(f"{out}/{name}.rates") if line.strip()]
    return sorted(float(r[0]) for r in rows), sorted(float(r[1]) for r in rows)
runs = [("iam-simulate", rates("iam-simulate")), ("policy test", rates("policy"))]
baseline = rates("baseline")
if baseline[0]:
    runs.append(("baseline", baseline))
summary = open(f"{out}/policy.summary").read().strip()
errors = json.load(open(f"{out}/iam-simulate.json"))["errors"]
print(f"scenarios generated: {count}; accepted by iam-simulate {version}: {accepted} (rejected as invalid: {sum(errors.values())})")
print(f"policy test against iam-simulate's answers: {summary.splitlines()[-1]}")
for clock, column in (("wall clock", 0), ("CPU time", 1)):
    print(f"by {clock}:")
    for name, values in runs:
        v = values[column]
        print(f"  {name:>13}: median {statistics.median(v):,.0f} scenarios/s, min {v[0]:,.0f}, max {v[-1]:,.0f} ({len(v)} rounds)")
    theirs, ours = runs[0][1][column], runs[1][1][column]
    print(f"  ratio (medians): {statistics.median(ours) / statistics.median(theirs):.1f}x; (min/min): {ours[0] / theirs[0]:.1f}x")
    if baseline[0]:
        base = baseline[column]
        print(f"  policy test / baseline (medians): {statistics.median(ours) / statistics.median(base):.2f}x; baseline / iam-simulate: {statistics.median(base) / statistics.median(theirs):.1f}x")
print(f"disagreements with explanations: {out}/disagreements.txt")
PY
