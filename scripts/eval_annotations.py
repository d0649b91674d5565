#!/usr/bin/env python3
"""Score `tarjama segment` against hand annotations of news excerpts.

Usage:
    scripts/eval_annotations.py --tarjama target/release/tarjama --dir DIR [--ids a01,b02] \
        [--prefixes abcd] [--split dev|test|all] [--details] [--json OUT]
    scripts/eval_annotations.py --against OTHER_ANN_DIR --dir DIR   (agreement of two annotators)

DIR holds `texts/<ID>.txt` and `ann/<ID>.json` (the format of `tests/annotations/real/README.md`).
The split is fixed by the ID: an odd number is a development excerpt (its errors may be studied
and fixed), an even number is a test excerpt (only the totals are printed unless --details, so
its errors stay unseen).

Prints, over the chosen excerpts: sentence-boundary precision/recall/F1 inside paragraphs,
speech-quote precision/recall/F1, speaker accuracy (a missed speech quote counts as a wrong
speaker) and kind accuracy. This is a measurement script, not a test: it needs a built binary
and the annotated texts, which are not all in the repository.
"""

import argparse
import json
import os
import re
import subprocess
import sys

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def norm_name(s):
    """Spelling-level normalisation only: marks, tatweel, alef/yeh variants, spaces."""
    if s is None:
        return None
    s = DIACRITICS.sub("", s)
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ک", "ك").replace("ی", "ي")
    # `عبدالرحمن` and `عبد الرحمن` are one name.
    s = re.sub(r"\b(عبد|ابو) ", r"\1", s)
    return " ".join(s.split())


def squash(s):
    return " ".join(s.split())


def paired(gold, found):
    """Each gold quote with the index of the first found quote of the same text not taken
    by an earlier one (whitespace squashed), or None."""
    used = [False] * len(found)
    for a in gold:
        m = next(
            (i for i, q in enumerate(found) if not used[i] and squash(q["text"]) == squash(a["text"])),
            None,
        )
        if m is not None:
            used[m] = True
        yield a, m


def split_of(id_):
    m = re.search(r"(\d+)$", id_)
    return "dev" if m and int(m.group(1)) % 2 == 1 else "test"


def char_index(text):
    """Byte offset -> character index."""
    out = {}
    b = 0
    for i, ch in enumerate(text):
        out[b] = i
        b += len(ch.encode("utf-8"))
    out[b] = len(text)
    return out


def gold_boundaries(text, ann):
    starts = set()
    line_start = 0
    lines = []
    for line in text.split("\n"):
        if line.strip():
            lines.append((line_start, line))
        line_start += len(line) + 1
    for (off, line), para in zip(lines, ann["paragraphs"]):
        pos = 0
        for k, s in enumerate(para["sentences"]):
            j = line.find(s, pos)
            if j < 0:
                raise SystemExit(f"{ann['id']}: sentence not in its line: {s[:40]!r}")
            if k > 0:
                starts.add(off + j)
            pos = j + len(s)
    return starts


def found_boundaries(text, result):
    idx = char_index(text)
    starts = set()
    for p in result["paragraphs"]:
        for s in p["sentences"][1:]:
            i = idx[s["start"]]
            while i < len(text) and text[i].isspace():
                i += 1
            starts.add(i)
    return starts


def as_result(other_ann, text):
    """A second annotation in the shape of `tarjama segment` output (for agreement figures)."""
    quotes = [
        dict(text=q["text"], speech=q["speech"], speaker=q.get("speaker"), kind=q["kind"], cue=q.get("cue"))
        for q in other_ann["quotes"]
    ]
    lines, starts, pos = [], [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append(line)
            starts.append(pos)
        pos += len(line.encode("utf-8")) + 1
    paragraphs = []
    for (line, off), para in zip(zip(lines, starts), other_ann["paragraphs"]):
        sents, cpos = [], 0
        for sent in para["sentences"]:
            j = line.find(sent, cpos)
            sents.append(dict(start=off + len(line[:j].encode("utf-8"))))
            cpos = j + len(sent)
        paragraphs.append(dict(sentences=sents))
    return dict(paragraphs=paragraphs, quotes=quotes)


def run_tool(tarjama, path):
    out = subprocess.run(
        [tarjama, "segment", "--paragraphs", "lines", "--format", "json", path],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tarjama", help="the tarjama binary to score")
    ap.add_argument(
        "--against",
        help="score a second annotator's ann/ directory instead of the tool (agreement)",
    )
    ap.add_argument("--dir", required=True)
    ap.add_argument("--ids", default="")
    ap.add_argument("--prefixes", default="", help="only IDs starting with one of these letters")
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--json", help="write the totals as JSON to this file")
    args = ap.parse_args()

    ids = [i for i in args.ids.split(",") if i] or sorted(
        f[:-5] for f in os.listdir(os.path.join(args.dir, "ann")) if f.endswith(".json")
    )
    ids = [i for i in ids if args.split == "all" or split_of(i) == args.split]
    if args.against:
        ids = [i for i in ids if os.path.exists(os.path.join(args.against, f"{i}.json"))]
    if args.prefixes:
        ids = [i for i in ids if i[0] in args.prefixes]
    t = dict(btp=0, bfp=0, bfn=0, tp=0, fp=0, fn=0, gold=0, spk=0, kind=0, paras=0)
    for id_ in ids:
        text_path = os.path.join(args.dir, "texts", f"{id_}.txt")
        text = open(text_path, encoding="utf-8").read()
        ann = json.load(open(os.path.join(args.dir, "ann", f"{id_}.json"), encoding="utf-8"))
        ann.setdefault("id", id_)
        if args.against:
            other = os.path.join(args.against, f"{id_}.json")
            result = as_result(json.load(open(other, encoding="utf-8")), text)
        else:
            result = run_tool(args.tarjama, text_path)
        show = args.details or split_of(id_) == "dev"
        t["paras"] += len(ann["paragraphs"])

        g, f = gold_boundaries(text, ann), found_boundaries(text, result)
        t["btp"] += len(g & f)
        t["bfp"] += len(f - g)
        t["bfn"] += len(g - f)
        if show:
            for b in sorted(g - f):
                print(f"[{id_}] missed boundary before: {text[max(0, b - 30):b]}|{text[b:b + 30]}")
            for b in sorted(f - g):
                print(f"[{id_}] spurious boundary before: {text[max(0, b - 30):b]}|{text[b:b + 30]}")

        found = result["quotes"]
        pairs = list(paired(ann["quotes"], found))
        used = {m for _, m in pairs if m is not None}
        for a, m in pairs:
            if not a["speech"]:
                if m is not None and found[m]["speech"] and show:
                    print(f"[{id_}] false speech: {a['text'][:60]!r}")
                continue
            t["gold"] += 1
            q = found[m] if m is not None else None
            if q is not None and q["speech"]:
                t["tp"] += 1
                if norm_name(q["speaker"]) == norm_name(a["speaker"]):
                    t["spk"] += 1
                elif show:
                    print(f"[{id_}] speaker {q['speaker']!r} != {a['speaker']!r} (cue {q['cue']!r}) for {a['text'][:50]!r}")
                if q["kind"] == a["kind"]:
                    t["kind"] += 1
                elif show:
                    print(f"[{id_}] kind {q['kind']} != {a['kind']} for {a['text'][:50]!r}")
            else:
                t["fn"] += 1
                if show:
                    print(f"[{id_}] missed speech: {a['text'][:60]!r}")
        gold_speech = {squash(a["text"]) for a in ann["quotes"] if a["speech"]}
        for i, q in enumerate(found):
            if q["speech"] and squash(q["text"]) not in gold_speech:
                t["fp"] += 1
                if show and i not in used:
                    print(f"[{id_}] unannotated speech: {q['text'][:60]!r}")

    def prf(tp, fp, fn):
        p = tp / max(tp + fp, 1)
        r = tp / max(tp + fn, 1)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    bp, br, bf = prf(t["btp"], t["bfp"], t["bfn"])
    sp, sr, sf = prf(t["tp"], t["fp"], t["fn"])
    spk = t["spk"] / max(t["gold"], 1)
    kind = t["kind"] / max(t["gold"], 1)
    print(
        f"{args.split}: {len(ids)} excerpts, {t['paras']} paragraphs\n"
        f"  boundaries: gold {t['btp'] + t['bfn']}, found {t['btp'] + t['bfp']}, tp {t['btp']}: "
        f"P {bp:.3f} R {br:.3f} F1 {bf:.3f}\n"
        f"  speech quotes: gold {t['gold']}, tp {t['tp']}, fp {t['fp']}, fn {t['fn']}: "
        f"P {sp:.3f} R {sr:.3f} F1 {sf:.3f}\n"
        f"  speaker accuracy {spk:.3f} ({t['spk']}/{t['gold']}); kind accuracy {kind:.3f}"
    )
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(dict(t, ids=ids, boundary_f1=bf, speech_f1=sf, speaker_accuracy=spk), fh, indent=1)


if __name__ == "__main__":
    sys.exit(main())
