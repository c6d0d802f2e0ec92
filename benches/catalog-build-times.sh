#!/usr/bin/env bash
# Clean build time, peak memory and rlib size of the `catalog` crate, debug and release, with and
# without the typed enums (feature `enums`). Dependencies are built first, then only `catalog` is
# cleaned and rebuilt under `/usr/bin/time -v`, in a fresh target directory per configuration.
#
# `cpu` is user + system time: on a shared machine it varies less than the wall time.
#
# usage: benches/catalog-build-times.sh [TARGET_ROOT]   (default: a new temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-$(mktemp -d)}
printf '%-28s %10s %10s %12s %12s\n' configuration "wall (s)" "cpu (s)" "peak (MB)" "rlib (MB)"
for profile in dev release; do
    for features in --no-default-features "--features enums"; do
        name="$profile-${features//[- ]/}"
        dir="$root/$name"
        # shellcheck disable=SC2086
        cargo build -q -p typed-iam-catalog --profile "$profile" $features --target-dir "$dir"
        cargo clean -q -p typed-iam-catalog --profile "$profile" --target-dir "$dir"
        # shellcheck disable=SC2086
        /usr/bin/time -v -o "$dir/time.txt" \
            cargo build -q -p typed-iam-catalog --profile "$profile" $features --target-dir "$dir"
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time.txt" |
            awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
        cpu=$(awk -F': ' '/User time|System time/ {total += $2} END {printf "%.2f", total}' "$dir/time.txt")
        peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$dir/time.txt")
        out=$([ "$profile" = dev ] && echo debug || echo release)
        rlib=$(find "$dir/$out/deps" -name 'libcatalog-*.rlib' -printf '%s\n' |
            awk '{printf "%.1f", $1 / 1048576}')
        printf '%-28s %10s %10s %12s %12s\n' "$name" "$wall" "$cpu" "$peak" "$rlib"
    done
done
