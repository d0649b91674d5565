#!/usr/bin/env python3
"""Check hand annotations of news excerpts against their texts (the format of
tests/annotations/real/CONVENTIONS.md).

Usage: scripts/check_annotations.py DIR ID [ID ...]   (DIR holds texts/<ID>.txt, ann/<ID>.json)
"""
import json, sys, re, os
root = sys.argv[1]
sys.argv = sys.argv[1:]
bad = 0
for id_ in sys.argv[1:]:
    text = open(f"{root}/texts/{id_}.txt", encoding="utf-8").read()
    ann = json.load(open(f"{root}/ann/{id_}.json", encoding="utf-8"))
    lines = [l for l in text.split("\n") if l.strip()]
    errs = []
    if len(ann["paragraphs"]) != len(lines):
        errs.append(f"{len(ann['paragraphs'])} paragraphs annotated, {len(lines)} non-blank lines")
    for i, (p, line) in enumerate(zip(ann["paragraphs"], lines)):
        pos = 0
        for s in p["sentences"]:
            j = line.find(s, pos)
            if j < 0:
                errs.append(f"paragraph {i}: sentence not found in order: {s[:40]!r}")
                break
            if line[pos:j].strip():
                errs.append(f"paragraph {i}: gap text {line[pos:j]!r}")
            pos = j + len(s)
        else:
            if line[pos:].strip():
                errs.append(f"paragraph {i}: uncovered tail {line[pos:][:40]!r}")
    for q in ann["quotes"]:
        if q["text"] not in text:
            errs.append(f"quote not in text: {q['text'][:40]!r}")
        if q["speech"] and q["kind"] not in ("direct", "partial", "headline"):
            errs.append(f"speech quote with kind {q['kind']}")
        if not q["speech"] and q.get("speaker"):
            errs.append(f"non-speech quote with a speaker: {q['text'][:40]!r}")
    for k in ("id", "url", "annotator", "annotated_at", "paragraphs", "quotes"):
        if k not in ann:
            errs.append(f"missing key {k}")
    print(f"{id_}: {'OK' if not errs else 'ERRORS'} ({len(lines)} paragraphs, {len(ann['quotes'])} quotes)")
    for e in errs:
        print("   ", e)
    bad += bool(errs)
sys.exit(1 if bad else 0)
