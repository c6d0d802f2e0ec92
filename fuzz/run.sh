#!/usr/bin/env bash
# Runs every fuzz target (or those named as arguments) for FUZZ_SECONDS each (default 20), one
# after the other, and prints each run's last libFuzzer status line (execs, exec/s, cov, ft).
#   fuzz/run.sh                        # about 20 s per target, as CI does
#   FUZZ_SECONDS=600 fuzz/run.sh eval  # ten minutes of the evaluator
# Needs a nightly toolchain with cargo-fuzz (`cargo install cargo-fuzz`). Exits non-zero when a
# target finds a crash; the input is in fuzz/artifacts/<target>/ (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-20}"
# No sanitizer: the workspace forbids unsafe code, so AddressSanitizer would only slow the runs;
# debug assertions on, so that arithmetic overflow panics here as it would in a test build.
flags=(--sanitizer none --debug-assertions)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo +nightly fuzz list)
fi
[ -d corpus ] || ./seed.sh > /dev/null
# One build of every target (cargo fuzz builds one target or all).
if [ ${#targets[@]} -eq 1 ]; then
    cargo +nightly fuzz build "${flags[@]}" "${targets[0]}"
else
    cargo +nightly fuzz build "${flags[@]}"
fi
mkdir -p logs
status=0
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    log="logs/$target.log"
    echo "== fuzz $target for ${seconds}s"
    # libFuzzer's -timeout counts wall time: on a loaded shared machine one case of 1.6 s CPU
    # took 26 s, so the bound for "hangs" is a minute.
    if cargo +nightly fuzz run "${flags[@]}" "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 > "$log" 2>&1; then
        grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1 || true
        grep -E 'stat::(number_of_executed_units|average_exec_per_sec)' "$log" || true
    else
        status=1
        echo "!! $target failed: see fuzz/$log"
        grep -E 'panicked|Test unit written|SUMMARY' "$log" | head -n 5 || true
    fi
done
exit "$status"
