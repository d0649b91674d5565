#!/usr/bin/env python3
"""Train the speech model of `src/text/quotes/speech/model.rs` on annotated real-news pages.

    scripts/train_speech_classifier.py --tarjama target/release/tarjama --dir DIR
        [--rust --keys-out src/text/quotes/speech/speech_weights.tsv]
    ... --rounds 63-64,65-66 --prior L2 --anchor REV   (refit on newer pages around the
        weights shipped at REV, when the pages they were fitted on are not at hand)

`DIR` holds `texts/<ID>.txt` and `ann/<ID>.json` (the format of `tests/annotations/real/`);
the batch of each ID comes from `tests/annotations/real/index.tsv`, and only batches in the
speaker re-ranker's training rounds are read (`train_speaker_reranker.ROUNDS`: the held-back
test batches never are). For each page the tool gives, for every marked quote it judges, the
rules' verdict and the model's features (`segment --speech-features`; computed in Rust only).
A quote is speech when the page's annotations list its text as speech, as
`scripts/eval_annotations.py` counts it.

Besides the dense features, each quote has word keys (the words before and after its marks,
its first and last words, its cue, and for a quote of a word or two the word before it again);
every key seen at least KEY_MIN times among the training
pages' quotes gets a weight of its own.

The script prints a leave-one-round-out estimate (trained on all rounds but one, scored on the
one left out) of speech precision, recall and F1 over the quotes the model judges, for the
rules and for the model at several thresholds (the two of `speech/model.rs` were chosen from
these same figures, so the one they give is a little optimistic), and with `--rust` the weights fitted on every
page: the dense ones as the Rust constant to paste into `speech/model.rs`, the keys' to the
`--keys-out` file. It needs numpy; it is a development tool, not part of the tests.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from train_speaker_reranker import (ROUNDS, fit_logistic, parse_rounds, refit_arguments,
                                    shipped_constant, shipped_keys, write_weights)

# A key needs this many quotes of the training pages to get a weight.
KEY_MIN = 5
# L2 penalty of the fit (held out by rounds, 1 did better than 3 and 10).
L2 = 1.0
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
# (below which the rules' speech is no speech, from which their no speech is speech)
ANCHORED = ((0.3, 0.4), (0.25, 0.4), (0.3, 0.5), (0.2, 0.4), (0.35, 0.4))

# As in `speech/model.rs` (`features`).
FEATURES = [
    "bias", "the rules: speech", "the rules: a name", "the rules: a scare quote",
    "the rules: a title", "the rules' confidence in no speech",
    "one word", "two words", "three words", "four words", "five to seven words",
    "words (log)", "a cue", "cue: a verb", "cue: describing", "cue: a participle",
    "cue: a verbal noun", "cue: according to", "cue: an adverbial", "cue: a statement",
    "the cue after it or in another paragraph", "the cue right before it",
    "the cue within three words", "words from the cue (/20)", "a headline's marked statement",
    "in a headline's statement", "after a colon", "after lam", "ends its clause",
    "before a complementiser", "right after a complementiser", "a complementiser further back",
    "a describing verb before", "after bi-annahu", "after bi-", "reads as a name",
    "the first word with the article", "after a preposition", "looks like a person's name",
    "a given name first", "a digit",
    "short: right after a complementiser", "short: a complementiser further back",
    "short: after a preposition", "short: a cue", "short: the cue within three words",
    "short: ends its clause", "short: after a colon", "short: reads as a name",
]


def speech_rows(tool, path):
    out = subprocess.run([tool, "segment", "--paragraphs", "lines", "--speech-features", path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"tarjama segment failed on {path}: {out.stderr}")
    return json.loads(out.stdout)


def design(rows, vocab):
    index = {k: j for j, k in enumerate(vocab)}
    x = np.zeros((len(rows), len(FEATURES) + len(vocab)))
    for r, row in enumerate(rows):
        x[r, :len(FEATURES)] = row["features"]
        for k in row["keys"]:
            if k in index:
                x[r, len(FEATURES) + index[k]] = 1.0
    return x


def vocabulary(rows):
    counts = collections.Counter(k for row in rows for k in row["keys"])
    return sorted(k for k, n in counts.items() if n >= KEY_MIN)


def prf(pred, y):
    tp = int((pred & y).sum())
    fp = int((pred & ~y).sum())
    fn = int((~pred & y).sum())
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return tp, fp, fn, p, r, 2 * p * r / max(p + r, 1e-9)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tarjama", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--rust", action="store_true")
    ap.add_argument("--keys-out", help="write the keys' weights (fitted on every page, with the "
                    "dense weights --rust prints) here; required with --rust")
    refit_arguments(ap)
    args = ap.parse_args()
    rounds = parse_rounds(args.rounds) if args.rounds else ROUNDS
    if args.rust and not args.keys_out:
        sys.exit("--rust needs --keys-out: the dense weights and the keys' are fitted together")
    index = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                         "annotations", "real", "index.tsv")
    batch = {}
    with open(index, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if f[0] != "id":
                batch[f[0]] = int(f[1])
    round_of = lambda b: next((r for r, (lo, hi) in enumerate(rounds) if lo <= b <= hi), None)
    pages = [(id_, round_of(b)) for id_, b in sorted(batch.items())
             if round_of(b) is not None and os.path.exists(os.path.join(args.dir, "ann", id_ + ".json"))]
    with ThreadPoolExecutor(os.cpu_count() or 1) as ex:
        runs = list(ex.map(lambda p: speech_rows(args.tarjama,
                                                 os.path.join(args.dir, "texts", p[0] + ".txt")),
                           pages))
    sq = lambda s: " ".join(s.split())
    rows, labels, groups = [], [], []
    for (id_, g), page_rows in zip(pages, runs):
        ann = json.load(open(os.path.join(args.dir, "ann", id_ + ".json"), encoding="utf-8"))
        # As `eval_annotations.py` counts: each annotated quote takes the first quote of the
        # tool with its text not yet taken; a quote of the tool left over is speech only when
        # its text is that of an annotated speech quote.
        speech = {sq(a["text"]) for a in ann["quotes"] if a["speech"]}
        label = [None] * len(page_rows)
        for a in ann["quotes"]:
            m = next((i for i, row in enumerate(page_rows)
                      if label[i] is None and sq(row["text"]) == sq(a["text"])), None)
            if m is not None:
                label[m] = a["speech"]
        for row, lab in zip(page_rows, label):
            assert len(row["features"]) == len(FEATURES), \
                f"the tool gives {len(row['features'])} features, FEATURES names {len(FEATURES)}"
            rows.append(row)
            labels.append(lab if lab is not None else sq(row["text"]) in speech)
            groups.append(g)
    y, groups = np.array(labels), np.array(groups)
    rules = np.array([r["rules_speech"] for r in rows])
    shipped = shipped_weights(args.anchor) if args.prior is not None else None

    def fitted(idx):
        """The weights fitted on the rows `idx`, and their vocabulary (with --prior, around the
        shipped weights, over the shipped keys too)."""
        vocab = vocabulary([rows[i] for i in idx])
        if shipped is None:
            return fit_logistic(design([rows[i] for i in idx], vocab), y[idx].astype(float),
                                l2=L2), vocab
        dense, keys = shipped
        vocab = sorted(set(vocab) | set(keys))
        w0 = dense + [keys.get(k, 0.0) for k in vocab]
        return fit_logistic(design([rows[i] for i in idx], vocab), y[idx].astype(float),
                            l2=args.prior, w0=w0), vocab

    held = np.zeros(len(rows))
    for h in range(len(rounds)):
        tr, te = np.where(groups != h)[0], np.where(groups == h)[0]
        w, vocab = fitted(tr)
        held[te] = 1 / (1 + np.exp(-(design([rows[i] for i in te], vocab) @ w)))
    print(f"{len(rows)} quotes judged on {len(pages)} pages, {int(y.sum())} of them speech")
    show = lambda name, pred: print("{:>18}: tp {} fp {} fn {}: P {:.3f} R {:.3f} F1 {:.3f}".format(
        name, *prf(pred, y)))
    show("rules", rules)
    for t in THRESHOLDS:
        show(f"held out, p >= {t}", held >= t)
    # The rules' verdict kept unless the model is surer (as in `speech/model.rs`).
    for keep, flip in ANCHORED:
        show(f"held out, {keep}/{flip}", np.where(rules, held >= keep, held >= flip))
    if shipped is not None:
        dense, keys = shipped
        vocab = sorted(keys)
        p = 1 / (1 + np.exp(-(design(rows, vocab) @ np.array(dense + [keys[k] for k in vocab]))))
        for keep, flip in ANCHORED:
            show(f"shipped, {keep}/{flip}", np.where(rules, p >= keep, p >= flip))
    if args.rust:
        w, vocab = fitted(np.arange(len(rows)))
        how = (f"refitted (--prior {args.prior:g}) on batches {args.rounds or 'ROUNDS'}\n"
               f"# around the weights shipped at {args.anchor}" if args.prior is not None
               else f"from the annotated pages of batches {args.rounds}" if args.rounds
               else "from every annotated page")
        write_weights(w, FEATURES, vocab, args.keys_out,
                      "# Weights of the word keys of the speech model (see speech/model.rs), written by\n"
                      f"# scripts/train_speech_classifier.py --rust --keys-out {how}.\n")


def shipped_weights(rev):
    """The speech model's weights as shipped at the git revision `rev`: the dense ones of
    `speech/model.rs` (in the order of FEATURES) and the keys' of `speech_weights.tsv`."""
    dense = shipped_constant(rev, "model.rs", "FEATURES", stage="speech")
    assert len(dense) == len(FEATURES), f"speech/model.rs has {len(dense)} weights"
    return dense, shipped_keys(rev, "speech_weights.tsv", stage="speech")


if __name__ == "__main__":
    sys.exit(main())
