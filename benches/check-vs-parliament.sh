#!/usr/bin/env bash
# Issue 6's figures: `policy check` over the AWS managed policies (tests/data/managed), one
# thread and all threads, side by side with parliament (PyPI) on the same files in the same run;
# peak memory from /usr/bin/time -v; per-code counts of flagged policies for both tools.
#
# Usage: benches/check-vs-parliament.sh [RUNS]   (RUNS: timed runs per tool, best kept; default 3;
# each timed run of `policy` is 10 passes over the corpus, see `best_of`)
# Needs: cargo, python3 with venv (parliament is installed into target/parliament-venv), and
# /usr/bin/time. Writes its working files under target/check-vs-parliament/.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
corpus=tests/data/managed
out=target/check-vs-parliament
mkdir -p "$out"
files=$(find "$corpus" -name '*.json' | wc -l)
cores=$(nproc)

cargo build --release --quiet -p policy-cli
policy=target/release/policy

venv=target/parliament-venv
parliament=""
if [ -x "$venv/bin/parliament" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet parliament; }; then
    parliament="$venv/bin/parliament"
else
    echo "parliament could not be installed: no comparison" >&2
fi

# best_of NAME PASSES COMMAND...: runs COMMAND $runs times (output to $out/NAME.out), each time
# PASSES times in a row under one clock (the kernel counts CPU time in ticks of 10 ms, too coarse
# for a run of a tenth of a second); keeps the fastest wall time and the smallest CPU time
# (user + system), each divided by PASSES, and the largest peak RSS of one pass; prints
# "wall_seconds cpu_seconds kilobytes". CPU time is what a busy shared machine distorts least.
best_of() {
    local name=$1 passes=$2; shift 2
    local best="" best_cpu="" peak=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -v -o "$out/$name.time" \
            bash -c 'n=$1; shift; for ((i = 0; i < n; i++)); do "$@" || true; done' _ "$passes" "$@" \
            >"$out/$name.out.all" 2>"$out/$name.err" || true
        # One pass's output (every pass writes the same).
        local lines
        lines=$(($(wc -l <"$out/$name.out.all") / passes))
        head -n "$lines" "$out/$name.out.all" >"$out/$name.out"
        local wall cpu rss
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/$name.time" \
            | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
        cpu=$(awk -F': ' '/User time|System time/ {sum += $2} END {print sum}' "$out/$name.time")
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$name.time")
        wall=$(awk "BEGIN { print $wall / $passes }")
        cpu=$(awk "BEGIN { print $cpu / $passes }")
        if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then best=$wall; fi
        if [ -z "$best_cpu" ] || awk "BEGIN { exit !($cpu < $best_cpu) }"; then best_cpu=$cpu; fi
        if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
    done
    echo "$best $best_cpu $peak"
}

passes=10
read -r one_s one_cpu one_kb < <(best_of policy-1 "$passes" "$policy" check --jobs 1 --format json "$corpus")
read -r all_s all_cpu all_kb < <(best_of policy-all "$passes" "$policy" check --jobs "$cores" --format json "$corpus")
if [ -n "$parliament" ]; then
    # `parliament --directory` stops at the first policy it crashes on (parliament 1.6.4 raises
    # "Unknown data format: ArrayOfARN" on newer condition key types), so this driver does what
    # its `--directory` mode does (parliament/cli.py: default config, `analyze_policy_string` per
    # file, `enhance_finding`, the default `LOW` severity filter, JSON output) in ONE
    # interpreter, and counts the files it crashes on instead of stopping.
    cat >"$out/parliament_driver.py" <<'PY'
import json, sys
from parliament import analyze_policy_string, config, enhance_finding, override_config
from parliament.cli import is_finding_filtered, print_finding

override_config(None)
crashed = []
for path in sys.argv[1:]:
    with open(path) as f:
        contents = f.read()
    try:
        policy = analyze_policy_string(contents, path, config=config)
    except Exception as error:  # parliament's crash on this file
        crashed.append((path, f"{type(error).__name__}: {error}"))
        continue
    for finding in policy.findings:
        finding = enhance_finding(finding)
        if not is_finding_filtered(finding, "LOW"):
            print_finding(finding, False, True)
for path, error in crashed:
    print(json.dumps({"crashed": path, "error": error}))
PY
    mapfile -t corpus_files < <(find "$corpus" -name '*.json' | sort)
    read -r par_s par_cpu par_kb < <(best_of parliament 1 "$venv/bin/python" "$out/parliament_driver.py" \
        "${corpus_files[@]}")
fi

load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$files" "$cores" "$out" "$one_s" "$one_cpu" "$one_kb" "$all_s" "$all_cpu" "$all_kb" \
    "${par_s:-}" "${par_cpu:-}" "${par_kb:-}" "$load" <<'PY'
import collections, json, sys
files, cores, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
one_s, one_cpu, one_kb = float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
all_s, all_cpu, all_kb = float(sys.argv[7]), float(sys.argv[8]), int(sys.argv[9])
par_s = float(sys.argv[10]) if sys.argv[10] else None
par_cpu = float(sys.argv[11]) if sys.argv[11] else None
par_kb = int(sys.argv[12]) if sys.argv[12] else None
load = sys.argv[13]

def rate(seconds):
    return files / seconds if seconds > 0 else float("inf")

print(f"corpus: {files} AWS managed policies; {cores} cores; load average {load}")
print(f"{'tool':<28}{'wall s':>8}{'cpu s':>8}{'pol/s wall':>12}{'pol/cpu-s':>11}{'peak MB':>9}")
rows = [(f"policy check, 1 thread", one_s, one_cpu, one_kb),
        (f"policy check, {cores} threads", all_s, all_cpu, all_kb)]
if par_s is not None:
    rows.append(("parliament (1 thread)", par_s, par_cpu, par_kb))
for name, wall, cpu, kb in rows:
    print(f"{name:<28}{wall:>8.3f}{cpu:>8.3f}{rate(wall):>12.0f}{rate(cpu):>11.0f}{kb/1024:>9.1f}")
if par_s is not None:
    print(f"ratio per core, CPU time (policy 1 thread / parliament): {rate(one_cpu)/rate(par_cpu):.0f}x")
    print(f"ratio per core, wall time (policy 1 thread / parliament): {rate(one_s)/rate(par_s):.0f}x")
    print(f"ratio whole machine, wall (policy {cores} threads / parliament): {rate(all_s)/rate(par_s):.0f}x")
    print(f"peak memory ratio (parliament / policy {cores} threads): {par_kb/all_kb:.1f}x")

flagged = collections.defaultdict(set)
severity = {}
for line in open(f"{out}/policy-1.out"):
    finding = json.loads(line)
    flagged[finding["code"]].add(finding["file"])
    severity[finding["code"]] = finding["severity"]
any_flag = set().union(*flagged.values()) if flagged else set()
errors = set().union(*[f for c, f in flagged.items() if severity[c] == "error"]) if flagged else set()
print(f"\npolicy check: {len(any_flag)} of {files} policies flagged ({100*len(any_flag)/files:.0f}%), "
      f"{len(errors)} with an error")
for code, paths in sorted(flagged.items(), key=lambda item: (-len(item[1]), item[0])):
    print(f"  {severity[code]:<8} {code:<30} {len(paths):>5}")
if par_s is not None:
    issues = collections.defaultdict(set)
    crashed = []
    for line in open(f"{out}/parliament.out"):
        line = line.strip()
        if not line.startswith("{"):
            continue
        finding = json.loads(line)
        if "crashed" in finding:
            crashed.append(finding)
            continue
        issues[finding["issue"]].add(finding.get("location", {}).get("filepath"))
    any_par = set().union(*issues.values()) if issues else set()
    print(f"\nparliament: {len(any_par)} of {files} policies flagged ({100*len(any_par)/files:.0f}%), "
          f"crashed on {len(crashed)}")
    for issue, paths in sorted(issues.items(), key=lambda item: (-len(item[1]), item[0]))[:15]:
        print(f"  {issue:<40} {len(paths):>5}")
PY
