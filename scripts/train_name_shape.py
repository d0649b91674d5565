#!/usr/bin/env python3
"""Fit the name-shape model of `src/text/quotes/name_shape.rs`: how much a word the page does
not know reads as a person's name by its letters alone.

    scripts/train_name_shape.py [--c 1.0] [--out src/text/quotes/name_shape_weights.tsv]

The gazetteer of given names (`given_names.txt`) cannot list every foreign name a news page
transliterates (`فيليبرتو`, `رافاييلا`, `بريجيت`), and such names read differently from Arabic
words of prose: their letter sequences (`يو$`, `^مي`, `ار`) are rare in the words of news.
This fits a logistic regression over the character 1- to 4-grams of a word (with `^` and `$`
marking its ends) on the repository's own lists: the sure given names of `given_names.txt`
(those that are no common word) against the common words of news prose (`common_words.txt`),
both normalised as `words::norm` normalises a page's words. It prints the cross-validated
recall and false-positive rate at a few thresholds, and writes the weights of the n-grams
(those of magnitude 0.05 or more) and the intercept (`<bias>`) to `--out`.

A development tool (needs numpy and scikit-learn); the weights it writes are committed.
"""
import argparse
import os
import re

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict

HERE = os.path.dirname(os.path.abspath(__file__))
QUOTES = os.path.join(HERE, "..", "src", "text", "quotes")
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
MIN_WEIGHT = 0.05


def norm(w):
    """`words::norm`: no diacritics or tatweel, one alef, `ة` as `ه`, Persian letters as Arabic,
    a final `ى` of a long word as `ي`."""
    w = DIACRITICS.sub("", w)
    if w[:1] in ("أ", "إ", "آ"):
        w = (w[0] if w[1:2] == "ل" else "ا") + w[1:]
    w = w[:1] + re.sub("[أإآٱ]", "ا", w[1:])
    w = w.replace("ة", "ه").replace("ۀ", "ه").replace("ک", "ك").replace("ی", "ي")
    stem = w[1:] if w[:1] in ("و", "ف") else w
    if w.endswith("ى") and len(stem) >= 5:
        w = w[:-1] + "ي"
    return w


def words_of(path, sections=False):
    """The one-word entries of a list (and, with `sections`, those before `# also common`)."""
    out, sure = [], True
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("#"):
            if "also common" in line:
                sure = False
            continue
        if line and " " not in line and (sure or not sections):
            out.append(norm(line))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--out", default=os.path.join(QUOTES, "name_shape_weights.tsv"))
    args = ap.parse_args()
    given = set(words_of(os.path.join(QUOTES, "given_names.txt"), sections=True))
    every_given = set(words_of(os.path.join(QUOTES, "given_names.txt")))
    common = set(words_of(os.path.join(QUOTES, "common_words.txt")))
    pos, neg = sorted(given - common), sorted(common - every_given)
    words = pos + neg
    y = np.array([1] * len(pos) + [0] * len(neg))
    vec = CountVectorizer(analyzer="char", ngram_range=(1, 4), preprocessor=lambda w: f"^{w}$",
                          min_df=2, lowercase=False)
    x = vec.fit_transform(words)
    clf = LogisticRegression(C=args.c, max_iter=5000, class_weight="balanced")
    p = cross_val_predict(clf, x, y, cv=5, method="predict_proba")[:, 1]
    print(f"{len(pos)} given names against {len(neg)} common words; 5-fold cross-validated:")
    for t in (0.5, 0.9, 0.95, 0.97):
        rec = ((p >= t) & (y == 1)).sum() / len(pos)
        fpr = ((p >= t) & (y == 0)).sum() / len(neg)
        print(f"  threshold {t}: recall {rec:.3f}, common words taken for names {fpr:.3f}")
    clf.fit(x, y)
    coef = clf.coef_[0]
    kept = sorted((g, coef[i]) for g, i in vec.vocabulary_.items() if abs(coef[i]) >= MIN_WEIGHT)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# Weights of the character n-grams of a word (^ and $ mark its ends) for name_shape.rs,\n")
        fh.write(f"# written by scripts/train_name_shape.py --c {args.c} from {len(pos)} given names and\n")
        fh.write(f"# {len(neg)} common words; n-grams of weight under {MIN_WEIGHT} in magnitude left out.\n")
        fh.write(f"<bias>\t{clf.intercept_[0]:.6f}\n")
        for g, w in kept:
            fh.write(f"{g}\t{w:.6f}\n")
    print(f"wrote {len(kept)} n-gram weights to {args.out}")


if __name__ == "__main__":
    main()
