#!/usr/bin/env bash
# Issue 6's figures: `policy check` over the AWS managed policies (tests/data/managed), one
# thread and all threads, side by side with parliament (PyPI) on the same files in the same run;
# peak memory from /usr/bin/time -v; per-code counts of flagged policies for both tools.
#
# Usage: benches/check-vs-parliament.sh [ROUNDS]   (default 3)
# Each round runs parliament once and each `policy` configuration three times (10 passes over
# the corpus under one clock), the tools taking turns so that both see the same moments of a
# shared machine. The best and the median pass of each tool are reported, and the ratios of
# both: the best shows the tools undisturbed, the median what a busy machine gives.
# Needs: cargo, python3 with venv (parliament is installed into target/parliament-venv), and
# /usr/bin/time. Writes its working files under target/check-vs-parliament/.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-3}
corpus=tests/data/managed
out=target/check-vs-parliament
mkdir -p "$out"
files=$(find "$corpus" -name '*.json' | wc -l)
cores=$(nproc)

cargo build --release --quiet -p typed-iam-cli
policy=target/release/policy

venv=target/parliament-venv
parliament=""
if [ -x "$venv/bin/parliament" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet parliament; }; then
    parliament="$venv/bin/parliament"
else
    echo "parliament could not be installed: no comparison" >&2
fi

# sample NAME PASSES COMMAND...: runs COMMAND PASSES times in a row under one clock (the kernel
# counts CPU time in ticks of 10 ms, too coarse for one pass of a tenth of a second), keeps one
# pass's output in $out/NAME.out and appends "wall_seconds cpu_seconds kilobytes" per pass to
# $out/NAME.samples (CPU = user + system; the peak RSS of the largest pass).
sample() {
    local name=$1 passes=$2; shift 2
    /usr/bin/time -v -o "$out/$name.time" \
        bash -c 'n=$1; shift; for ((i = 0; i < n; i++)); do "$@" || true; done' _ "$passes" "$@" \
        >"$out/$name.out.all" 2>"$out/$name.err" || true
    # One pass's output (every pass writes the same).
    local lines
    lines=$(($(wc -l <"$out/$name.out.all") / passes))
    head -n "$lines" "$out/$name.out.all" >"$out/$name.out"
    rm -f "$out/$name.out.all"
    local wall cpu rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/$name.time" \
        | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
    cpu=$(awk -F': ' '/User time|System time/ {sum += $2} END {print sum}' "$out/$name.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$name.time")
    awk "BEGIN { print $wall / $passes, $cpu / $passes, $rss }" >>"$out/$name.samples"
}

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
fi

passes=10
rm -f "$out"/*.samples
mapfile -t corpus_files < <(find "$corpus" -name '*.json' | sort)
for round in $(seq "$rounds"); do
    echo "round $round of $rounds" >&2
    if [ -n "$parliament" ]; then
        sample parliament 1 "$venv/bin/python" "$out/parliament_driver.py" "${corpus_files[@]}"
    fi
    for _ in 1 2 3; do
        sample policy-1 "$passes" "$policy" check --jobs 1 --format json "$corpus"
        sample policy-all "$passes" "$policy" check --jobs "$cores" --format json "$corpus"
    done
done

load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$files" "$cores" "$out" "$load" <<'PY'
import collections, json, os, statistics, sys
files, cores, out, load = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]

def samples(name):
    path = f"{out}/{name}.samples"
    if not os.path.exists(path):
        return None
    rows = [tuple(map(float, line.split())) for line in open(path) if line.strip()]
    walls, cpus, kbs = zip(*rows)
    return {
        "best": (min(walls), min(cpus)),
        "median": (statistics.median(walls), statistics.median(cpus)),
        "kb": max(kbs),
        "n": len(rows),
    }

def rate(seconds):
    return files / seconds if seconds > 0 else float("inf")

tools = [(f"policy check, 1 thread", samples("policy-1")),
         (f"policy check, {cores} threads", samples("policy-all"))]
par = samples("parliament")
if par:
    tools.append(("parliament (1 thread)", par))
print(f"corpus: {files} AWS managed policies; {cores} cores; load average {load}")
print(f"{'tool':<28}{'runs':>5}{'which':>8}{'wall s':>9}{'cpu s':>9}{'pol/s wall':>12}"
      f"{'pol/cpu-s':>11}{'peak MB':>9}")
for name, s in tools:
    for which in ("best", "median"):
        wall, cpu = s[which]
        print(f"{name:<28}{s['n']:>5}{which:>8}{wall:>9.3f}{cpu:>9.3f}{rate(wall):>12.0f}"
              f"{rate(cpu):>11.0f}{s['kb']/1024:>9.1f}")
if par:
    one, every = tools[0][1], tools[1][1]
    for which in ("best", "median"):
        print(f"ratio per core, CPU time, {which} (policy 1 thread / parliament): "
              f"{par[which][1] / one[which][1]:.0f}x")
    for which in ("best", "median"):
        print(f"ratio whole machine, wall, {which} (policy {cores} threads / parliament): "
              f"{par[which][0] / every[which][0]:.0f}x")
    print(f"peak memory ratio (parliament / policy {cores} threads): {par['kb']/every['kb']:.1f}x")

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
if par:
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
