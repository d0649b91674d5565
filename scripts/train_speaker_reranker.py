#!/usr/bin/env python3
"""Train the speaker re-ranker of `src/text/quotes/rerank.rs` on annotated real-news pages.

    scripts/train_speaker_reranker.py --tarjama target/release/tarjama --dir DIR [--rust]

`DIR` holds `texts/<ID>.txt` and `ann/<ID>.json` (the format of `tests/annotations/real/`);
the batch of each ID comes from `tests/annotations/real/index.tsv`. The tool is run with
`--no-speaker-rerank`, so the features are those of the rules' own speakers. The script prints
a leave-one-round-out estimate (trained on five rounds of batches, scored on the sixth) and,
with `--rust`, the weights trained on every page as the Rust constant to paste into
`rerank.rs`. It needs numpy; it is a development tool, not part of the tests.

The features and the folding of names must stay exactly those of `rerank.rs`.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

import numpy as np

ROUNDS = [(1, 8), (9, 15), (16, 18), (19, 22), (23, 26), (27, 30)]
WINDOW = 50
# Title and statement words that open a role rather than a name (folded as `fold` does).
TITLE_WORDS = (
    "الرئيس الوزير وزير رئيس الناطق المتحدث مدير المدير السفير الأمين أمين نائب النائب "
    "القائد قائد المستشار مستشار الأمير الملك العاهل المفوض المبعوث المندوب محافظ المحافظ "
    "مساعد الشيخ رئيسة وزيرة الوزيرة مديرة عضو اللواء العقيد العميد المدرب مدرب اللاعب لاعب "
    "الصحيفة الوكالة البيان الوزارة"
).split()
FEATURES = [
    "pick", "pick_conf", "no_cue", "none", "share", "dist_before", "dist_after", "is_previous",
    "is_next", "words", "titled", "pick_titled", "pick_no_cue", "previous_no_cue", "pick_none",
    "pick_is_titled",
]


def fold(s):
    """Speaker spelling folded for comparison (as `eval_annotations.py` compares speakers)."""
    if s is None:
        return None
    s = re.sub("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]", "", s)
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ک", "ك").replace("ی", "ي")
    out = []
    join = False
    for w in s.split():
        if join:
            out[-1] += w
        else:
            out.append(w)
        join = w in ("عبد", "ابو") and not join
    return " ".join(out)


TITLES = {fold(w) for w in TITLE_WORDS}


def features(speakers, confidences, no_cues, k):
    """Candidates and feature rows for speech quote `k` of a page (see `rerank.rs`)."""
    spk = speakers
    counts = collections.Counter(x for x in spk if x is not None)
    total = max(1, len(spk))
    s0 = spk[k]
    lo, hi = max(0, k - WINDOW), min(len(spk), k + WINDOW + 1)
    cands = [s0]
    for x in spk[lo:hi]:
        if x is not None and x not in cands:
            cands.append(x)
    if None not in cands:
        cands.append(None)
    prev = spk[k - 1] if k > 0 else "#"
    nxt = spk[k + 1] if k + 1 < len(spk) else "#"
    titled = lambda c: c is not None and c.split()[0] in TITLES
    rows = []
    for c in cands:
        before = next((k - j for j in range(k - 1, lo - 1, -1) if spk[j] == c), WINDOW)
        after = next((j - k for j in range(k + 1, hi) if spk[j] == c), WINDOW)
        pick = c == s0
        rows.append([
            pick, pick * confidences[k], no_cues[k], c is None,
            counts.get(c, 0) / total if c is not None else 0.0,
            min(before, WINDOW) / WINDOW, min(after, WINDOW) / WINDOW,
            c == prev, c == nxt, (len(c.split()) if c else 0) / 5, titled(c), titled(s0),
            pick * no_cues[k], (c == prev) * no_cues[k], s0 is None, pick * titled(s0),
        ])
    return cands, np.array(rows, dtype=float)


def fit(x, y, l2=1.0, steps=50):
    """L2-regularised logistic regression by Newton's method; returns (weights, bias)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * l2
    reg[-1, -1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + reg @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], w[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tarjama", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--rust", action="store_true")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    batch = {}
    with open(os.path.join(here, "..", "tests", "annotations", "real", "index.tsv")) as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if f[0] != "id":
                batch[f[0]] = int(f[1])
    sq = lambda s: " ".join(s.split())
    groups, qids, labels, picks, xs = [], [], [], [], []
    gold = collections.Counter()
    qid = 0
    for id_, b in sorted(batch.items()):
        ann_path = os.path.join(args.dir, "ann", id_ + ".json")
        if not os.path.exists(ann_path):
            continue
        g = next(r for r, (lo, hi) in enumerate(ROUNDS) if lo <= b <= hi)
        ann = json.load(open(ann_path, encoding="utf-8"))
        out = subprocess.run(
            [args.tarjama, "segment", "--paragraphs", "lines", "--format", "json",
             "--no-speaker-rerank", os.path.join(args.dir, "texts", id_ + ".txt")],
            capture_output=True, text=True, check=True).stdout
        qs = json.loads(out)["quotes"]
        speech = [i for i, q in enumerate(qs) if q["speech"]]
        spk = [fold(qs[i]["speaker"]) for i in speech]
        conf = [qs[i]["confidence"] for i in speech]
        no_cue = [qs[i]["cue"] is None for i in speech]
        pos = {i: k for k, i in enumerate(speech)}
        used = [False] * len(qs)
        for a in ann["quotes"]:
            m = next((i for i, q in enumerate(qs) if not used[i] and sq(q["text"]) == sq(a["text"])), None)
            if m is not None:
                used[m] = True
            if not a["speech"]:
                continue
            gold[g] += 1
            if m is None or not qs[m]["speech"]:
                continue
            qid += 1
            cands, x = features(spk, conf, no_cue, pos[m])
            want = fold(a.get("speaker"))
            for c, row in zip(cands, x):
                groups.append(g)
                qids.append(qid)
                labels.append(c == want)
                picks.append(c == cands[0])
                xs.append(row)
    x, y = np.array(xs), np.array(labels, dtype=float)
    groups, qids, picks = np.array(groups), np.array(qids), np.array(picks)

    def choose(w, b, mask):
        score = x[mask] @ w + b
        best = {}
        for q, s, lab, pick in zip(qids[mask], score, y[mask], picks[mask]):
            # The rules' own speaker (first) keeps ties.
            if q not in best or s > best[q][0]:
                best[q] = (s, lab)
        return sum(1 for v in best.values() if v[1])

    tot_rules = tot_new = tot_gold = 0
    for hold in range(len(ROUNDS)):
        w, b = fit(x[groups != hold], y[groups != hold])
        te = groups == hold
        rules = int(sum(y[te & picks]))
        new = choose(w, b, te)
        n = gold[hold]
        print(f"round {hold + 1} held out: {n} speech quotes, rules {rules / n:.3f}, re-ranked {new / n:.3f} ({new - rules:+d})")
        tot_rules, tot_new, tot_gold = tot_rules + rules, tot_new + new, tot_gold + n
    print(f"all held out: rules {tot_rules / tot_gold:.3f}, re-ranked {tot_new / tot_gold:.3f} ({tot_new - tot_rules:+d})")
    if args.rust:
        w, b = fit(x, y)
        print("const WEIGHTS: [f32; %d] = [" % len(w))
        short = lambda v: repr(round(float(v), 6))  # no trailing zeros (clippy)
        for name, v in zip(FEATURES, w):
            print(f"    {short(v)}, // {name}")
        print("];")
        print(f"const BIAS: f32 = {short(b)};")


if __name__ == "__main__":
    sys.exit(main())
