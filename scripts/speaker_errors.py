#!/usr/bin/env python3
"""Look at `tarjama segment`'s speaker errors on annotated news excerpts.

Usage:
    scripts/speaker_errors.py kinds BIN --dir DIR [--prefixes P] [--show KIND]
    scripts/speaker_errors.py candidates BIN --dir DIR [--prefixes P] [--show]
    scripts/speaker_errors.py diff BIN_A BIN_B --dir DIR [--prefixes P]

`DIR` holds `texts/<ID>.txt` and `ann/<ID>.json` (as for `scripts/eval_annotations.py`, whose
matching of quotes and folding of speakers this uses); `--prefixes` keeps the IDs whose first
letter is one of those given.

- `kinds` counts each gold speech quote as right, or as one kind of error: missed (no quote
  with its text, or one judged no speech), no speaker given, a speaker where the annotator has
  none, a speaker holding the gold one (`pred_longer`) or held by it (`pred_shorter`), or
  another entity. `--show KIND` lists that kind's quotes.
- `candidates` splits the wrong speakers of speech quotes found by whether the gold speaker is
  among the re-ranker's candidates (`segment --speaker-features`): what a better choice could
  win, and what only better candidates could.
- `diff` lists the speech quotes whose speaker is right with one binary and wrong with the
  other (an A/B check of a change, on the same excerpts).

A development tool for reading errors, not a test.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_annotations import norm_name, paired  # noqa: E402


def segment(binary, path, *flags):
    out = subprocess.run(
        [binary, "segment", "--paragraphs", "lines", *flags, path],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def excerpts(root, prefixes):
    ids = sorted(f[:-5] for f in os.listdir(os.path.join(root, "ann")) if f.endswith(".json"))
    return [i for i in ids if not prefixes or i[0] in prefixes]


def judged(binary, root, id_):
    """(gold quote, the tool's quote or None) for each gold speech quote, as the evaluation pairs them."""
    ann = json.load(open(os.path.join(root, "ann", f"{id_}.json"), encoding="utf-8"))
    found = segment(binary, os.path.join(root, "texts", f"{id_}.txt"))["quotes"]
    return [
        (a, found[m] if m is not None else None) for a, m in paired(ann["quotes"], found) if a["speech"]
    ]


def kind_of(a, q):
    if q is None:
        return "missed_no_such_quote"
    if not q["speech"]:
        return "missed_judged_no_speech"
    got, gold = norm_name(q["speaker"]), norm_name(a["speaker"])
    if got == gold:
        return "right"
    if got is None:
        return "no_speaker"
    if gold is None:
        return "speaker_for_nobody"
    if gold in got:
        return "pred_longer"
    if got in gold:
        return "pred_shorter"
    return "other_entity"


def kinds(args):
    count = collections.Counter()
    for id_ in excerpts(args.dir, args.prefixes):
        for a, q in judged(args.binary, args.dir, id_):
            k = kind_of(a, q)
            count[k] += 1
            if args.show == k:
                print(id_, repr(q and q["speaker"]), "gold", repr(a["speaker"]), "cue", repr(q and q["cue"]), a["text"][:40])
    total = sum(count.values())
    for k, n in count.most_common():
        print(f"{k:24} {n:6}  {n / max(total, 1):.3f}")
    print(f"{'speech quotes':24} {total:6}")


def candidates(args):
    count = collections.Counter()
    for id_ in excerpts(args.dir, args.prefixes):
        path = os.path.join(args.dir, "texts", f"{id_}.txt")
        cands = {
            item["quote"]: [c[0] for c in item["candidates"]]
            for item in segment(args.binary, path, "--speaker-features")
        }
        for a, q in judged(args.binary, args.dir, id_):
            k = kind_of(a, q)
            if k.startswith("missed") or k == "right":
                count[k if k == "right" else "missed"] += 1
                continue
            names = [norm_name(c) for c in cands.get(q["index"], [])]
            k = "gold_among_candidates" if norm_name(a["speaker"]) in names else "gold_not_a_candidate"
            count[k] += 1
            if args.show:
                print(k, id_, repr(q["speaker"]), "gold", repr(a["speaker"]), "|", cands.get(q["index"]))
    total = sum(count.values())
    for k, n in count.most_common():
        print(f"{k:24} {n:6}  {n / max(total, 1):.3f}")


def diff(args):
    gained = lost = 0
    for id_ in excerpts(args.dir, args.prefixes):
        pairs = zip(judged(args.binary, args.dir, id_), judged(args.other, args.dir, id_))
        for (a, qa), (_, qb) in pairs:
            ra, rb = kind_of(a, qa) == "right", kind_of(a, qb) == "right"
            if ra == rb:
                continue
            gained += rb
            lost += ra
            spk = lambda q: q["speaker"] if q and q["speech"] else "<missed>"
            print("+" if rb else "-", id_, "gold", repr(a["speaker"]), "A", repr(spk(qa)), "B", repr(spk(qb)), a["text"][:40])
    print(f"B against A: {gained} gained, {lost} lost")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    for name in ("kinds", "candidates", "diff"):
        s = sub.add_parser(name)
        s.add_argument("binary")
        if name == "diff":
            s.add_argument("other")
        s.add_argument("--dir", required=True)
        s.add_argument("--prefixes", default="")
        if name == "kinds":
            s.add_argument("--show")
        if name == "candidates":
            s.add_argument("--show", action="store_true")
    args = p.parse_args()
    {"kinds": kinds, "candidates": candidates, "diff": diff}[args.command](args)


if __name__ == "__main__":
    main()
