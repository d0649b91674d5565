#!/usr/bin/env python3
"""Print the `tests/annotations/real/index.tsv` rows of one batch of annotated excerpts.

Usage: scripts/index_batch.py DIR BATCH PREFIX >> tests/annotations/real/index.tsv

`DIR` holds `texts/<ID>.txt`, `texts/<ID>.url` and `ann/<ID>.json`; the batch's IDs are those
whose first letter is `PREFIX`. Each row: ID, batch, the page's URL, the SHA-256 of the excerpt
as annotated, who annotated it and when, and its counts of paragraphs, quotes and speech
quotes (the columns of `index.tsv`).
"""
import glob
import hashlib
import json
import os
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    root, batch, prefix = sys.argv[1:]
    for path in sorted(glob.glob(os.path.join(root, "ann", f"{prefix}*.json"))):
        id_ = os.path.basename(path)[: -len(".json")]
        ann = json.load(open(path, encoding="utf-8"))
        text = open(os.path.join(root, "texts", f"{id_}.txt"), "rb").read()
        url = open(os.path.join(root, "texts", f"{id_}.url"), encoding="utf-8").read().strip()
        speech = sum(1 for q in ann["quotes"] if q["speech"])
        row = [id_, batch, url, hashlib.sha256(text).hexdigest(), ann["annotator"],
               ann["annotated_at"], len(ann["paragraphs"]), len(ann["quotes"]), speech]
        print("\t".join(str(v) for v in row))


if __name__ == "__main__":
    main()
