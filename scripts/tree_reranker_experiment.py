#!/usr/bin/env python3
"""Does a tree model choose speakers better than the learned pass's linear weights, on the
same features? An experiment (round 14), not a step of any build.

    scripts/tree_reranker_experiment.py --tarjama target/release/tarjama --dir DIR \
        [--from-batch 63] [--held-out 81-82,79-80]

Reads every annotated page of `DIR` from `--from-batch` on (`texts/<ID>.txt`, `ann/<ID>.json`,
batches as in `tests/annotations/real/index.tsv`), takes each speech quote's candidates and
their features from `tarjama segment --speaker-features` (paragraphs by lines, as the
training script reads them), and for each held-out pair of batches
fits scikit-learn's gradient-boosted trees (one probability per candidate that it is the
annotated speaker) on the other pages. It prints, for the held-out quotes found as speech, how
many get the right speaker when each quote takes its best candidate by the trees, by the shipped
linear weights (`rerank/mod.rs`, `lexical_weights.tsv`), by the rules (the first candidate) and
by an oracle. The overrule margins of the pass are left out, so the linear count is close to,
not the same as, `scripts/eval_annotations.py`'s. Needs numpy and scikit-learn.
"""
import argparse
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import eval_annotations  # noqa: E402
import train_speaker_reranker as trainer  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tarjama", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--from-batch", type=int, default=63)
    ap.add_argument("--held-out", default="81-82,79-80,77-78,75-76")
    args = ap.parse_args()
    batch = trainer.index_batches()
    pages = [(id_, b) for id_, b in sorted(batch.items())
             if b >= args.from_batch and os.path.exists(os.path.join(args.dir, "ann", id_ + ".json"))]

    def run(page):
        text = os.path.join(args.dir, "texts", page[0] + ".txt")
        quotes = trainer.segment(args.tarjama, text, "--format", "json",
                                 "--no-speaker-rerank")["quotes"]
        cands = trainer.segment(args.tarjama, text, "--speaker-features")
        return quotes, {c["quote"]: c["candidates"] for c in cands}

    with ThreadPoolExecutor(os.cpu_count() or 1) as ex:
        runs = list(ex.map(run, pages))
    dense, _, keys = trainer.shipped_weights("HEAD")
    dense = np.array(dense)
    batches, quote_ids, ranks, xs, labels, linear = [], [], [], [], [], []
    qid = 0
    for (id_, b), (quotes, cands) in zip(pages, runs):
        ann = json.load(open(os.path.join(args.dir, "ann", id_ + ".json"), encoding="utf-8"))
        for a, m in eval_annotations.paired(ann["quotes"], quotes):
            if not a["speech"] or m is None or not quotes[m]["speech"] or m not in cands:
                continue
            qid += 1
            want = trainer.fold(a.get("speaker"))
            for k, (speaker, x, lexical) in enumerate(cands[m]):
                x = np.array(x, dtype=float)
                batches.append(b)
                quote_ids.append(qid)
                ranks.append(k)
                xs.append(x)
                labels.append(trainer.fold(speaker) == want)
                linear.append(float(x[: len(dense)] @ dense)
                              + sum(keys.get(key, 0.0) for key in lexical))
    batches, quote_ids = np.array(batches), np.array(quote_ids)
    x, y = np.vstack(xs), np.array(labels)
    linear, rules = np.array(linear), -np.array(ranks, dtype=float)

    def right(mask, score):
        n = ok = 0
        for q in np.unique(quote_ids[mask]):
            idx = np.where(mask & (quote_ids == q))[0]
            n += 1
            ok += bool(y[idx[np.argmax(score[idx])]])
        return f"{ok}/{n}"

    for pair in args.held_out.split(","):
        lo, hi = (int(v) for v in pair.split("-"))
        test = (batches >= lo) & (batches <= hi)
        trees = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05,
                                               max_leaf_nodes=15, l2_regularization=1.0,
                                               random_state=0)
        trees.fit(x[~test], y[~test])
        score = np.zeros(len(y))
        score[test] = trees.predict_proba(x[test])[:, 1]
        print(f"batches {lo}-{hi}: trees {right(test, score)}, linear {right(test, linear)}, "
              f"rules {right(test, rules)}, oracle {right(test, y.astype(float))}")


if __name__ == "__main__":
    main()
