#!/usr/bin/env python3
"""Train the speaker re-ranker of `src/text/quotes/rerank/mod.rs` on annotated real-news pages.

    scripts/train_speaker_reranker.py --tarjama target/release/tarjama --dir DIR [--rust]
        [--lexical-out src/text/quotes/rerank/lexical_weights.tsv]   (with --rust)
    scripts/train_speaker_reranker.py --tarjama target/release/tarjama --dir DIR --calibration [--rust]
    ... --rounds 63-64,65-66,67-68,69-70 --prior 30 --anchor REV   (refit on newer pages)

`DIR` holds `texts/<ID>.txt` and `ann/<ID>.json` (the format of `tests/annotations/real/`);
the batch of each ID comes from `tests/annotations/real/index.tsv`. For each page the tool
gives its quotes with the rules' own speakers (`segment --no-speaker-rerank`) and, for each
speech quote, the re-ranker's candidates and their features (`segment --speaker-features`):
the features are computed in Rust only. A candidate is right when its speaker, folded as
`scripts/eval_annotations.py` folds speakers, is the annotated one.

Some features and the rules' name ends read the list of common words of news prose
(`scripts/make_common_words.py`), which is made from the annotated pages themselves. So that
no page is featured with its own annotations, each round's pages are run with a list made
without that round (`segment --common-words`); the tool's built-in list is made from all pages.

Besides the dense features, each candidate has four lexical keys (`rerank/lexical.rs`: the
words just before and after its last mention before the quote, its first and last words);
every key written at least LEX_MIN times among all candidates gets a weight of its own (the
list of keys is chosen from the pages without their annotations, so it is the same in every
round). With `--rust` the weights of the keys, fitted on every page together with the dense
weights it prints, are written to the `--lexical-out` file.

The script prints a leave-one-round-out estimate (trained on all rounds of batches but one,
scored on the one left out) and, with `--rust`, the weights trained on every page as the Rust
constants to paste into `rerank/mod.rs`. With `--calibration` it fits instead the confidence
of each speech quote's speaker once the pass has chosen it (`rerank/calibration.rs`, features
from `segment --confidence-features`) and prints its calibration held out by rounds. It needs
numpy; it is a development tool, not part of the tests.

The pages the shipped weights were fitted on (the batches of ROUNDS) were lost with the machine
that held them. With `--prior L2 --anchor REV --rounds …` the script reads only the pages of
those newer batches and fits around the weights shipped at the git revision REV (the pass's,
and with `--calibration` the calibration's: an L2 penalty pulling towards them instead of
zero), so new pages add to what the old ones taught instead of replacing it; their features
take the built-in common words, which none of them went into. Held out, each round (pair of
batches) is scored with the shipped weights too.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np

# Speakers are compared exactly as the evaluation compares them.
from eval_annotations import norm_name as fold, paired
import make_common_words

# As in `rerank/mod.rs`.
CONFIDENT, OVERRULE_MARGIN, NOBODYS_MARGIN = 0.8, 2.5, 1.5
VERY_CONFIDENT, CONFIDENT_MARGIN = 0.9, 0.5
ROUNDS = [(1, 8), (9, 15), (16, 18), (19, 22), (23, 26), (27, 30), (31, 34), (35, 36), (37, 40), (41, 42), (43, 46), (47, 48), (49, 50), (51, 52), (55, 56), (57, 58), (59, 60), (61, 62)]
FEATURES = [
    # The page's sequence of speakers and voices.
    "the rules' own speaker", "… times the rules' confidence", "nobody",
    "the candidate's share of the page's speech quotes", "distance to its last quote before",
    "distance to its next quote after", "the previous quote's speaker", "the next quote's speaker",
    "words in the candidate (/5)", "the candidate opens with a title",
    "the rules' own speaker, no cue", "the previous quote's speaker, no cue",
    "the rules' own speaker, opening with a title", "rank among the voices just before",
    "a voice in the quote's paragraph before it", "the candidate's share of the page's voices",
    "a loose name span",
    # Where the page names the candidate.
    "named before the quote", "nearness of its last-word mention before",
    "nearness of its whole-name mention before", "named in the quote's paragraph before it",
    "named just after the quote", "mentions on the page (log)", "named within 200 bytes before",
    "named nearest before, of the candidates",
    # How much it reads as a name.
    "a sure given name first", "a given name in it", "an institution first", "a title first",
    "a word that is no name's", "an indefinite accusative first", "one plain word",
    "share of common words", "the last word a common word", "the first word a common word",
    # Whether it agrees in gender with the quote's cue (`rerank/gender.rs`).
    "a person of the cue's gender", "a person of the other gender than the cue's",
    "a body or role of the cue's gender", "a body or role of the other gender than the cue's",
]
# The rules' speaker's last word is a common word: no margin protects it (`rerank::margin`).
LAST_COMMON = FEATURES.index("the last word a common word")
SURE_FIRST = FEATURES.index("a sure given name first")
# The rules' speaker is a person of the other gender than the cue's: no margin protects it.
OTHER_GENDER = FEATURES.index("a person of the other gender than the cue's")


# Keys written fewer times among all candidates get no weight of their own.
LEX_MIN = 15


def lexical_vocabulary(all_cands):
    """The lexical keys written at least LEX_MIN times among the candidates, in a fixed order."""
    counts = collections.Counter(k for cands in all_cands for c in cands for k in c[2])
    return sorted(k for k, n in counts.items() if n >= LEX_MIN)


def design(cands, vocab):
    """One quote's candidates as rows: the dense features, then one column per lexical key."""
    index = {k: j for j, k in enumerate(vocab)}
    x = np.zeros((len(cands), len(FEATURES) + len(vocab)))
    for r, c in enumerate(cands):
        x[r, :len(FEATURES)] = c[1]
        for k in c[2]:
            if k in index:
                x[r, len(FEATURES) + index[k]] = 1.0
    return x


def fit(x, y, quote, l2=1.0, steps=60, w0=None, free=()):
    """L2-regularised conditional logit by Newton's method: each quote's candidates compete in
    one softmax, and the right one's log-probability is maximised. Quotes with no right
    candidate teach nothing and are left out. Returns the weights (no bias: it would be the
    same for every candidate of a quote). With `w0` the penalty pulls the weights towards
    `w0` instead of zero (a Gaussian prior at the shipped weights, see `--prior`); the columns
    `free` (features the shipped weights did not have) keep the plain penalty of 1 towards zero."""
    _, inv = np.unique(quote, return_inverse=True)
    keep = (np.bincount(inv, weights=y) > 0)[inv]
    x, y = x[keep], y[keep]
    _, inv = np.unique(inv[keep], return_inverse=True)
    n = inv.max() + 1
    w0 = np.zeros(x.shape[1]) if w0 is None else np.asarray(w0, dtype=float)
    w = w0.copy()
    reg = np.eye(x.shape[1]) * l2
    for j in free:
        reg[j, j] = 1.0
    for _ in range(steps):
        s = x @ w
        top = np.full(n, -np.inf)
        np.maximum.at(top, inv, s)
        e = np.exp(s - top[inv])
        p = e / np.bincount(inv, weights=e, minlength=n)[inv]
        mean = np.zeros((n, x.shape[1]))
        np.add.at(mean, inv, p[:, None] * x)
        grad = mean.sum(0) - (x * y[:, None]).sum(0) + reg @ (w - w0)
        hess = (x * p[:, None]).T @ x - mean.T @ mean + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def shipped_file(rev, name, stage="rerank"):
    """The text of `src/text/quotes/<stage>/<name>` at the git revision `rev`."""
    top = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    return subprocess.run(["git", "-C", top, "show", f"{rev}:src/text/quotes/{stage}/{name}"],
                          capture_output=True, text=True, check=True).stdout


def shipped_constant(rev, name, length, stage="rerank"):
    """The numbers of the Rust constant `const WEIGHTS: [f32; <length>]` of `<stage>/<name>` at
    `rev`."""
    source = shipped_file(rev, name, stage)
    block = source[source.index(f"const WEIGHTS: [f32; {length}] = ["):]
    block = block[:block.index("];")]
    return [float(v) for v in re.findall(r"^\s+(-?[0-9.]+(?:e-?[0-9]+)?),", block, re.M)]


def shipped_keys(rev, name, stage="rerank"):
    """The `key<TAB>weight` lines of the weight file `<stage>/<name>` at `rev`, as a dict."""
    keys = {}
    for line in shipped_file(rev, name, stage).splitlines():
        if line.strip() and not line.startswith("#"):
            k, v = line.split("\t")
            keys[k] = float(v)
    return keys


def shipped_weights(rev):
    """The pass's weights as the tool shipped them at the git revision `rev`: the dense ones of
    `rerank/mod.rs` (in the order of FEATURES), how many of them `rev` had, and the lexical
    keys' of `lexical_weights.tsv`."""
    dense = shipped_constant(rev, "mod.rs", "FEATURES")
    # Features added after `rev` (at the end of FEATURES) start from zero.
    assert len(dense) <= len(FEATURES), f"rerank/mod.rs has {len(dense)} weights"
    shipped = len(dense)
    dense += [0.0] * (len(FEATURES) - len(dense))
    return dense, shipped, shipped_keys(rev, "lexical_weights.tsv")


def shipped_calibration(rev):
    """The calibration's weights as shipped at the git revision `rev` (`rerank/calibration.rs`)."""
    return shipped_constant(rev, "calibration.rs", "CALIBRATION")


def parse_rounds(text):
    """`63-64,65-66` → [(63, 64), (65, 66)]."""
    out = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out.append((int(lo), int(hi or lo)))
    return out


def write_weights(w, names, vocab, path, header):
    """Write the weights of the keys `vocab` (those after the dense ones in `w`) to `path`, one
    `key<TAB>weight` line each after the comment `header`, and print the dense ones, named by
    `names`, as the Rust constant to paste."""
    short = lambda v: repr(round(float(v), 6))  # no trailing zeros (clippy)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(header)
        for k, v in zip(vocab, w[len(names):]):
            fh.write(f"{k}\t{short(v)}\n")
    print(f"wrote {len(vocab)} key weights to {path}")
    print("const WEIGHTS: [f32; FEATURES] = [")
    for name, v in zip(names, w):
        print(f"    {short(v)}, // {name}")
    print("];")


def index_batches():
    """Each annotated excerpt's batch, by ID, from `tests/annotations/real/index.tsv`."""
    here = os.path.dirname(os.path.abspath(__file__))
    batch = {}
    with open(os.path.join(here, "..", "tests", "annotations", "real", "index.tsv")) as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if f[0] != "id":
                batch[f[0]] = int(f[1])
    return batch


def segment(tool, path, *flags):
    out = subprocess.run([tool, "segment", "--paragraphs", "lines", *flags, path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def refit_arguments(ap, prior_note="", anchor_note=""):
    """Add the options that refit shipped weights on newer pages: `--rounds`, `--prior`,
    `--anchor` (shared with `train_speech_classifier.py`)."""
    ap.add_argument("--rounds", help="the rounds of batches to read, as `63-64,65-66` (default: "
                    "ROUNDS, the pages the shipped weights were fitted on)")
    ap.add_argument("--prior", type=float, metavar="L2",
                    help="fit around the weights shipped at --anchor instead of zero, with this "
                    "strength: for pages annotated after them (`--rounds`), when the pages they "
                    "were fitted on are not at hand" + prior_note)
    ap.add_argument("--anchor", default="HEAD", metavar="REV",
                    help="the git revision whose shipped weights --prior fits around" + anchor_note)


def needed_margin(f):
    """How much higher than the rules' own speaker, whose features are `f`, another candidate
    must score to replace it, as `rerank::margin` says."""
    nobodys = f[2] == 1 and f[10] == 1 and f[1] <= 0.3
    # (A phrase ending in a common word, feature LAST_COMMON, is not protected; nor a person
    # of the other gender than the cue's.) Confidences come as f32: 0.9 is read a hair under.
    sure = f[1] >= CONFIDENT and f[LAST_COMMON] == 0 and f[OTHER_GENDER] == 0
    tier = OVERRULE_MARGIN if f[1] >= VERY_CONFIDENT - 1e-6 else CONFIDENT_MARGIN
    return tier if sure else NOBODYS_MARGIN if nobodys else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tarjama", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--rust", action="store_true")
    ap.add_argument("--lexical-out", help="write the lexical keys' weights (fitted on every page, "
                    "with the weights --rust prints) here; required with --rust")
    ap.add_argument("--calibration", action="store_true",
                    help="fit the calibration of speech quotes' confidence instead")
    refit_arguments(ap, prior_note="; features use the built-in common words",
                    anchor_note=" (the same for the pass and, once its weights are in, for "
                    "--calibration)")
    args = ap.parse_args()
    if args.rust and not args.lexical_out and not args.calibration:
        # (The dense weights and the lexical ones are fitted together: one without the other
        # would be out of step.)
        ap.error("--rust needs --lexical-out: the pass's weights come in two files")
    batch = index_batches()
    groups, qids, labels, picks, xs = [], [], [], [], []
    gold = collections.Counter()
    qid = 0
    rounds = parse_rounds(args.rounds) if args.rounds else ROUNDS
    # (Batches in no round, the held-back test set of `make_common_words.HELD_BACK`, are
    # never trained on.)
    in_round = lambda b: any(lo <= b <= hi for lo, hi in rounds)
    pages = [(id_, b) for id_, b in sorted(batch.items())
             if in_round(b) and os.path.exists(os.path.join(args.dir, "ann", id_ + ".json"))]
    # Each page's features come from a common-word list made without its own round's pages
    # (the built-in list is made from all of them). Pages annotated after the built-in list
    # (`--prior`) are in none of it, and take it as it is.
    lists_dir = tempfile.TemporaryDirectory()
    lists = lists_dir.name
    for r, (lo, hi) in enumerate([] if args.prior else rounds):
        made = subprocess.run([sys.executable, make_common_words.__file__, "--dir", args.dir,
                               "--exclude-batches", f"{lo}-{hi}",
                               "--out", os.path.join(lists, f"{r}.txt")],
                              capture_output=True, text=True)
        if made.returncode != 0:
            sys.exit(f"make_common_words.py failed: {made.stderr}")

    def run(page):
        g = next(r for r, (lo, hi) in enumerate(rounds) if lo <= page[1] <= hi)
        text = os.path.join(args.dir, "texts", page[0] + ".txt")
        common = [] if args.prior else ["--common-words", os.path.join(lists, f"{g}.txt")]
        qs = segment(args.tarjama, text, "--format", "json", "--no-speaker-rerank", *common)
        cands = segment(args.tarjama, text, "--speaker-features", *common)
        extra = (segment(args.tarjama, text, "--confidence-features", *common)
                 if args.calibration else [])
        return (g, qs["quotes"], {c["quote"]: c["candidates"] for c in cands},
                {c["quote"]: c["candidates"][0] for c in extra})

    with ThreadPoolExecutor(os.cpu_count() or 1) as ex:
        runs = list(ex.map(run, pages))
    anns = [json.load(open(os.path.join(args.dir, "ann", id_ + ".json"), encoding="utf-8"))
            for id_, _ in pages]
    vocab = lexical_vocabulary([c for _, _, page_cands, _ in runs for c in page_cands.values()])
    prior = {}
    if args.prior:
        dense, shipped, keys = shipped_weights(args.anchor)
        vocab = sorted(set(vocab) | set(keys))
        prior = {"l2": args.prior, "w0": dense + [keys.get(k, 0.0) for k in vocab],
                 "free": range(shipped, len(FEATURES))}
    for ann, (g, qs, cands, _) in zip(anns, runs):
        for a, m in paired(ann["quotes"], qs):
            if not a["speech"]:
                continue
            gold[g] += 1
            if m is None or not qs[m]["speech"]:
                continue
            qid += 1
            want = fold(a.get("speaker"))
            assert len(cands[m][0][1]) == len(FEATURES), \
                f"the tool gives {len(cands[m][0][1])} features, FEATURES names {len(FEATURES)}"
            xs.append(design(cands[m], vocab))
            for k, c in enumerate(cands[m]):
                groups.append(g)
                qids.append(qid)
                labels.append(fold(c[0]) == want)
                picks.append(k == 0)
    x, y = np.vstack(xs), np.array(labels, dtype=float)
    groups, qids, picks = np.array(groups), np.array(qids), np.array(picks)
    if args.calibration:
        # The pass's weights with each round held out, for that round's pages.
        held_out = [fit(x[groups != h], y[groups != h], qids[groups != h], **prior)
                    for h in range(len(rounds))]
        # (With --prior the tool's pass is the one shipped at the anchor, not a refit.)
        everything = np.asarray(prior["w0"]) if prior else fit(x, y, qids)
        return calibrate(args, anns, runs, held_out, everything, vocab, rounds)

    def chosen_right(w, mask):
        score = x[mask] @ w
        best, own = {}, {}
        for q, s, lab, first, f in zip(qids[mask], score, y[mask], picks[mask], x[mask]):
            # The rules' own speaker comes first and keeps ties; a confident one (feature 1 is
            # its confidence) is overruled only by a margin, and so is nobody given to words in
            # marks with no cue (features 2 and 10: nobody, with no cue), as in `margin()`.
            if first:
                own[q] = (s, needed_margin(f), lab)
            if q not in best or s > best[q][0]:
                best[q] = (s, lab, first)
        right = 0
        for q, (s, lab, first) in best.items():
            if not first and s - own[q][0] <= own[q][1]:
                lab = own[q][2]
            right += bool(lab)
        return right

    tot_rules = tot_new = tot_gold = tot_shipped = 0
    for hold in range(len(rounds)):
        tr = groups != hold
        w = fit(x[tr], y[tr], qids[tr], **prior)
        te = groups == hold
        rules = int(sum(y[te & picks]))
        new = chosen_right(w, te)
        n = gold[hold]
        shipped = chosen_right(np.asarray(prior["w0"]), te) if prior else 0
        print(f"round {hold + 1} held out: {n} speech quotes, rules {rules / n:.3f}, "
              f"re-ranked {new / n:.3f} ({new - rules:+d})"
              + (f", shipped weights {shipped / n:.3f}" if prior else ""))
        tot_rules, tot_new, tot_gold = tot_rules + rules, tot_new + new, tot_gold + n
        tot_shipped += shipped
    print(f"all held out: rules {tot_rules / tot_gold:.3f}, re-ranked {tot_new / tot_gold:.3f} "
          f"({tot_new - tot_rules:+d})"
          + (f", shipped weights {tot_shipped / tot_gold:.3f} ({tot_new - tot_shipped:+d} by "
             f"the refit)" if prior else ""))
    if args.rust:
        w = fit(x, y, qids, **prior)
        how = (f"refitted (--prior {args.prior:g}) on batches {args.rounds}\n"
               f"# around the weights shipped at {args.anchor}" if args.prior
               else "from every annotated page")
        write_weights(w, FEATURES, vocab, args.lexical_out,
                      "# Weights of the lexical keys of candidate speakers (see lexical.rs), written by\n"
                      f"# scripts/train_speaker_reranker.py --rust --lexical-out {how}.\n")
        print(f"in-sample: {chosen_right(w, np.ones(len(y), dtype=bool))} right of {tot_gold}")


CALIBRATION = [
    "bias", "the rules' confidence", "the pass's probability of the speaker",
    "the pass changed the speaker", "nobody", "partial", "headline", "no cue", "unclosed",
    "anonymous source", "a sure given name first", "the last word a common word",
    "candidates (log)",
]


def fit_logistic(x, y, l2=1.0, steps=50, w0=None):
    """L2-regularised logistic regression by Newton's method (feature 0 is the bias, not
    penalised); with `w0`, the penalty pulls towards `w0` instead of zero."""
    w0 = np.zeros(x.shape[1]) if w0 is None else np.asarray(w0, dtype=float)
    w = w0.copy()
    reg = np.eye(x.shape[1]) * l2
    reg[0, 0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + reg @ (w - w0)
        hess = (x * (p * (1 - p))[:, None]).T @ x + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def calibration_report(p, y):
    """Brier score and expected calibration error (ten bins of confidence)."""
    brier = float(np.mean((p - y) ** 2))
    bins = np.minimum((p * 10).astype(int), 9)
    ece = sum(abs(p[bins == b].mean() - y[bins == b].mean()) * (bins == b).sum()
              for b in range(10) if (bins == b).any()) / len(y)
    return brier, ece


def pass_choice(w, cx):
    """The pass's choice among one quote's candidates `cx` (the rules' own first) with weights
    `w`, as `rerank::choose` and `margin` make it: its index and its softmax probability."""
    scores = cx @ w
    need = needed_margin(cx[0])
    best = int(np.argmax(scores))
    if best != 0 and scores[best] - scores[0] <= need:
        best = 0
    return best, float(1.0 / np.exp(scores - scores[best]).sum())


def final_speaker(quote, best, cands):
    """The speaker a quote ends with: the chosen candidate's, or the rules' own where the pass
    kept it (an anonymous source's quote keeps it whatever its single candidate)."""
    return cands[best][0] if best != 0 else quote["speaker"]


def calibration_features(quote, best, p, cands):
    """The features of `rerank/calibration.rs` for a quote (the rules' own, as `segment
    --no-speaker-rerank` gives it) whose pass chose candidate `best` with probability `p`."""
    cx = cands[best][1]
    flags = quote["flags"]
    nobody = final_speaker(quote, best, cands) is None
    return [1.0, quote["confidence"], p, float(best != 0), float(nobody),
            float(quote["kind"] == "partial"), float(quote["kind"] == "headline"),
            float(quote["cue"] is None), float("unclosed" in flags),
            float("anonymous_source" in flags), cx[SURE_FIRST], cx[LAST_COMMON],
            float(np.log(1 + len(cands)) / 3)]


def calibrate(args, anns, runs, held_out, everything, vocab, rounds):
    """Fit the confidence of speech quotes' speakers (`rerank/calibration.rs`): a speaker is
    right when the quote is annotated speech with that speaker; speech the annotators do not
    list counts as a wrong speaker. So that no round's figures come from a pass that saw it,
    each round's quotes are featured with the pass's weights fitted without that round
    (`held_out`), computed here from `segment --speaker-features` as Rust computes them; the
    shipped calibration is fitted on those out-of-round features too. (With the pass's weights
    fitted on every round, `everything`, the features must be Rust's own: checked against
    `segment --confidence-features`.) Prints the Brier score and the calibration error of the
    confidence before (the rules' confidence, or the pass's probability where it changed the
    speaker) and after, held out by rounds."""
    sq = lambda s: " ".join(s.split())
    groups, xs, ys, same, total = [], [], [], 0, 0
    for ann, (g, qs, cands, rust) in zip(anns, runs):
        gold = [a for a in ann["quotes"] if a["speech"]]
        used = [False] * len(gold)
        for i in sorted(cands):
            cx = design(cands[i], vocab)
            best, p = pass_choice(everything, cx)
            total += 1
            same += np.allclose(calibration_features(qs[i], best, p, cands[i]), rust[i][1], atol=0.01)
            best, p = pass_choice(held_out[g], cx)
            speaker = final_speaker(qs[i], best, cands[i])
            m = next((k for k, a in enumerate(gold)
                      if not used[k] and sq(a["text"]) == sq(qs[i]["text"])), None)
            if m is not None:
                used[m] = True
            groups.append(g)
            xs.append(calibration_features(qs[i], best, p, cands[i]))
            ys.append(m is not None and fold(speaker) == fold(gold[m].get("speaker")))
    print(f"features as Rust computes them (weights fitted on every round): {same} of {total}")
    assert same >= 0.99 * total, ("the script's calibration features differ from Rust's (with "
                                  "--prior, the tool must ship the weights committed at --anchor)")
    x, y, groups = np.array(xs, dtype=float), np.array(ys, dtype=float), np.array(groups)
    before = np.where(x[:, 3] > 0, x[:, 2], x[:, 1])
    # With --prior, around the calibration shipped at the anchor too.
    prior = {"l2": args.prior, "w0": shipped_calibration(args.anchor)} if args.prior else {}
    after = np.zeros(len(y))
    for hold in range(len(rounds)):
        w = fit_logistic(x[groups != hold], y[groups != hold], **prior)
        after[groups == hold] = 1 / (1 + np.exp(-(x[groups == hold] @ w)))
    shown = [("before", before), ("after, held out by rounds", after)]
    if prior:
        shown.insert(1, (f"the calibration shipped at {args.anchor}",
                         1 / (1 + np.exp(-(x @ np.asarray(prior["w0"]))))))
    for name, p in shown:
        brier, ece = calibration_report(p, y)
        print(f"{name}: Brier {brier:.4f}, calibration error {ece:.4f}, "
              f"mean confidence {p.mean():.3f} (speakers right: {y.mean():.3f} of {len(y)})")
    for lo, hi in ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)):
        sel = (after >= lo) & (after < hi)
        if sel.any():
            print(f"  held-out confidence {lo:.2f}-{min(hi, 1):.2f}: {sel.sum()} quotes, "
                  f"{y[sel].mean():.3f} right")
    if args.rust:
        w = fit_logistic(x, y, **prior)
        short = lambda v: repr(round(float(v), 6))
        print("const WEIGHTS: [f32; CALIBRATION] = [")
        for name, v in zip(CALIBRATION, w):
            print(f"    {short(v)}, // {name}")
        print("];")


if __name__ == "__main__":
    sys.exit(main())
