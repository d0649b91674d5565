#!/usr/bin/env bash
# Regenerates samples/output/: the sample page translated with the small random-weight test
# model in every output format (the English is meaningless; the files show the formats).
# Usage: scripts/make_samples.sh   (from anywhere; builds the release binary if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
out=samples/output
rm -rf "$out"
./target/release/tarjama translate samples/000_1fa0ea5cd19dd44f.txt \
    --model models/test-opus-mt-ar-en --no-cache --quiet \
    --beam 1 --max-new-tokens 24 \
    -f text,html,md,jsonl,tsv,tmx,xliff,parallel -o "$out/"
# The manifest holds timestamps and machine paths; the format files are the samples.
rm -f "$out"/tarjama-manifest*.json
ls -l "$out"
# A screenshot of the review page, when Debian's chromium is installed.
if command -v chromium >/dev/null 2>&1; then
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d)" --window-size=1400,900 \
        --screenshot="$PWD/samples/review-page.png" \
        "file://$PWD/$out/000_1fa0ea5cd19dd44f.html" 2>/dev/null
fi
