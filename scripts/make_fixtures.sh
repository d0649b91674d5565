#!/bin/sh
# Regenerate every parity fixture, byte for byte:
#   models/test-opus-mt-ar-en/                     random-weight opus-mt-ar-en stand-in (hub layout)
#   tests/fixtures/weights/pytorch_model.zip.bin   the same weights, zip torch format
#   tests/fixtures/reference.json                  transformers outputs (greedy, beam 4, options)
#   tests/fixtures/tokenizer_cases.json            MarianTokenizer encode/decode cases
# Needs a Python venv from PyPI (default .venv, or set PYTHON) and, once, npm (fetches the
# quran-json 3.1.2 corpus into target/fixtures-work, which is git-ignored):
#   python3 -m venv .venv && .venv/bin/pip install torch transformers sentencepiece safetensors sacremoses numpy protobuf
# Usage: scripts/make_fixtures.sh [--work-dir DIR] [--quran-tgz FILE]
# Made with torch 2.15, transformers 5.24, sentencepiece 0.2.3, sacremoses 0.2.0 (versions are
# recorded in the JSON files); after a rerun with those versions `git status` shows no change.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
"$PYTHON" scripts/make_test_model.py "$@"
WORK=target/fixtures-work
while [ $# -gt 0 ]; do
  case "$1" in
    --work-dir) WORK=$2; shift 2 ;;
    *) shift ;;
  esac
done
"$PYTHON" scripts/make_references.py --quran-json "$WORK/package/dist/quran_en.json"
sha256sum models/test-opus-mt-ar-en/* tests/fixtures/weights/* tests/fixtures/*.json
