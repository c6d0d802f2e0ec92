#!/usr/bin/env python3
"""Same-run comparison of two `policy` binaries on the managed corpus (one worker, -j 1).

Usage: benches/compare-check.py BEFORE AFTER [ROUNDS]   (default 15 rounds)

Each round runs each binary for 5 passes over tests/data/managed under one clock, the order
alternating between rounds so both see the same moments of a shared machine. CPU time is the
children's user + system time per pass. Prints median, min and max per binary and the after /
before ratios of the medians and of the best passes. Build the binaries with
`cargo build --release -p policy-cli` (copy the first one aside before changing the code).
"""
import os
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binaries = {"before": sys.argv[1], "after": sys.argv[2]}
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    passes = 5
    corpus = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "managed")
    samples = {name: [] for name in binaries}
    for round_ in range(rounds):
        order = list(binaries.items())
        if round_ % 2:
            order.reverse()
        for name, binary in order:
            start_cpu = os.times()
            start_wall = time.perf_counter()
            for _ in range(passes):
                subprocess.run(
                    [binary, "check", "-j", "1", corpus],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    check=False,
                )
            wall = (time.perf_counter() - start_wall) / passes
            end_cpu = os.times()
            cpu = (
                (end_cpu.children_user - start_cpu.children_user)
                + (end_cpu.children_system - start_cpu.children_system)
            ) / passes
            samples[name].append((wall, cpu))
    for name, values in samples.items():
        cpus = [cpu for _, cpu in values]
        walls = [wall for wall, _ in values]
        print(
            f"{name}: cpu median {statistics.median(cpus) * 1000:.1f} ms "
            f"(min {min(cpus) * 1000:.1f}, max {max(cpus) * 1000:.1f}); "
            f"wall median {statistics.median(walls) * 1000:.1f} ms "
            f"(min {min(walls) * 1000:.1f}, max {max(walls) * 1000:.1f})"
        )
    before = [cpu for _, cpu in samples["before"]]
    after = [cpu for _, cpu in samples["after"]]
    print(
        f"after/before CPU: median ratio {statistics.median(after) / statistics.median(before):.3f}, "
        f"best ratio {min(after) / min(before):.3f}"
    )


if __name__ == "__main__":
    main()
