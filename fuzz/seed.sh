#!/usr/bin/env bash
# Fills the fuzz corpora (fuzz/corpus/<target>/, not committed) with seed inputs: the seeds'
# policies (tests/data/seeds/), every 20th AWS managed policy (tests/data/managed/), and for the
# DSL target the bodies of the `policy!` invocations in examples/common/seed_documents.rs. The
# evaluator's target starts empty (its input is structured only); the scenario reader's starts
# with the scenario files of tests/data/scenarios/. Existing corpus files are kept.
set -euo pipefail
cd "$(dirname "$0")"
root=..
json_targets=(json_read validate fmt dsl_roundtrip compare)
for target in "${json_targets[@]}" dsl_parse eval scenario; do
    mkdir -p "corpus/$target"
done
for target in "${json_targets[@]}"; do
    cp "$root"/tests/data/seeds/*.json "corpus/$target/"
    # Every 20th managed policy by name: about 80 real documents of every shape.
    find "$root/tests/data/managed" -name '*.json' | sort | awk 'NR % 20 == 1' |
        xargs -I{} cp {} "corpus/$target/"
done
cp "$root"/tests/data/scenarios/*.json* corpus/scenario/
# The DSL: each `policy! { ... }` body of the examples, as a file of its own.
python3 - "$root/examples/common/seed_documents.rs" corpus/dsl_parse <<'PY'
import sys, pathlib
text = pathlib.Path(sys.argv[1]).read_text()
out = pathlib.Path(sys.argv[2])
count, at = 0, 0
while True:
    at = text.find("policy! {", at)
    if at < 0:
        break
    start = text.index("{", at) + 1
    depth, end = 1, start
    while depth and end < len(text):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        end += 1
    (out / f"seed_{count:03}.dsl").write_text(text[start:end - 1])
    count, at = count + 1, end
print(f"dsl_parse: {count} policy! bodies")
PY
for target in "${json_targets[@]}" dsl_parse eval scenario; do
    echo "$target: $(find "corpus/$target" -type f | wc -l) files"
done
