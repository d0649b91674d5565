#!/usr/bin/env python3
"""Build `src/text/quotes/common_words.txt`: words of Arabic news that are common words, not
names, for the speaker pass (`rerank/`) to tell a phrase the rules took for a cue's subject
(`صورة`, `لأول مرة`, `تفاصيل جديدة`) from a name the word lists do not know (`كيم جونغ أون`).

    scripts/make_common_words.py --dir DIR [--exclude-batches LO-HI] [--only-batches LO-HI]
        [--merge EARLIER_LIST] [--out FILE]

`DIR` holds `texts/<ID>.txt` and `ann/<ID>.json` (the format of `tests/annotations/real/`);
pages are those listed in `tests/annotations/real/index.tsv`. A word (normalised as the tool
normalises words: `words::norm`) is listed when

- at least MIN_PAGES pages write it,
- no annotated speaker holds it (every quote of every page, speech or not) and it is no sure
  given name of `given_names.txt`, and
- it has at least MIN_LETTERS letters, and
- it reads as a common word: the pages also write it with the article added or taken away
  (`صورة` / `الصورة`); proper names seldom take the article one way and not the other, so
  towns and foreign names (`أنقرة`, `البنتاغون`) stay off the list. Or it is a word behind a
  joined conjunction or preposition whose bare form is such a word or is written on the
  pages (`لجميع`, `للبنك`, `بوجود`, `بالكويت`): no name is written with a preposition
  joined to it.

`--merge` keeps the words of an earlier list made from pages no longer at hand (less any word
the pages read now show in a speaker's name), so that pages annotated later add to the list:
round 14 made it from the 1,008 pages of batches 63-76 and the list of the 4,194 earlier pages
(`--only-batches 63-76 --merge` the old list; held out, the list of 63-70 merged so scored
+8 -3 speakers on 71-76). Words of the pages read now that are any given name (`كريم`) or one
with the article (`الخليل`) stay off the list.

`--exclude-batches` leaves a range of batches out (the training script builds one list per
round of batches held out, so that a page's features never come from its own round's
annotations). The list is statistics over the pages (no text of them); the pages themselves
stay out of the repository.
"""
import argparse
import collections
import json
import os
import re
import sys
import unicodedata

MIN_PAGES = 3
MIN_LETTERS = 3

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "src", "text", "quotes", "common_words.txt")


def is_diacritic(c):
    o = ord(c)
    return 0x610 <= o <= 0x61A or 0x64B <= o <= 0x65F or o == 0x670 or 0x6D6 <= o <= 0x6ED


def is_arabic_letter(c):
    o = ord(c)
    return 0x621 <= o <= 0x64A or 0x671 <= o <= 0x6D3 or 0x6FA <= o <= 0x6FC


def is_word_char(c):
    return c.isalnum() or is_diacritic(c) or c == "\u0640" or c == "_"


def norm(word):
    """As `words::norm` in Rust."""
    letters = [c for c in word if not is_diacritic(c) and c != "\u0640"]
    out = []
    if letters and letters[0] in "أإآ":
        first = letters.pop(0)
        out.append(first if letters[:1] == ["ل"] else "ا")
    table = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ۀ": "ه", "ک": "ك", "ی": "ي"}
    out.extend(table.get(c, c) for c in letters)
    s = "".join(out)
    stem = s[1:] if s[:1] in ("و", "ف") else s
    if s.endswith("ى") and len(stem) >= 5:
        s = s[:-1] + "ي"
    return s


def words(text):
    """The words of a text, as `words::tokenize` cuts them (a change of script cuts a word)."""
    out, cur, prev = [], [], None
    for c in text:
        if is_word_char(c):
            change = prev is not None and cur and (
                ((prev.isascii() and prev.isalnum()) and is_arabic_letter(c))
                or (is_arabic_letter(prev) and c.isascii() and c.isalpha()))
            if change:
                out.append("".join(cur))
                cur = []
            cur.append(c)
        elif cur:
            out.append("".join(cur))
            cur = []
        prev = c
    if cur:
        out.append("".join(cur))
    return [norm(w) for w in out]


def has_arabic_letter(w):
    return any("\u0621" <= c <= "\u064a" for c in w)


def given_names(sure_only=False):
    """The given names of `given_names.txt`, normalised: every one, or (`sure_only`) those that
    are never common words, the lines before the header of its second section (`# also common
    words`, which `lexicon.rs` looks for too)."""
    out = set()
    path = os.path.join(HERE, "..", "src", "text", "quotes", "given_names.txt")
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if sure_only and line.startswith("#") and "also common" in line:
            break
        if line and not line.startswith("#"):
            out.add(" ".join(norm(w) for w in line.split()))
    return out


def common_words(pages, speakers):
    """`pages`: the set of normalised words of each page; `speakers`: the normalised words of
    every annotated speaker."""
    given = given_names(sure_only=True)
    df = collections.Counter()
    for ws in pages:
        df.update(ws)

    def alternates(w):
        if w.startswith("ال") and len(w) > 4:
            return df[w[2:]] >= 2
        return df["ال" + w] >= 2

    def bare_forms(w):
        out = []
        if len(w) > 4 and w[0] in "وف":
            out.append(w[1:])
        for f in [w] + out[:]:
            if f.startswith("لل") and len(f) > 4:
                out.append("ال" + f[2:])
            elif len(f) > 3 and f[0] in "بلك":
                out.append(f[1:])
        return out

    def common(w):
        return alternates(w) or any(
            speakers[f] == 0 and (alternates(f) or df[f] >= MIN_PAGES) for f in bare_forms(w))

    return sorted(w for w, n in df.items()
                  if n >= MIN_PAGES and len(w) >= MIN_LETTERS and speakers[w] == 0 and w not in given
                  and has_arabic_letter(w) and common(w))


# Batches held back as a standing test set: never used to make the list (see
# `tests/annotations/real/README.md`, "Held-back batches").
HELD_BACK = (53, 54)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--exclude-batches", help="LO-HI: leave these batches out")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument(
        "--merge",
        help="keep the words of this earlier list too (pages it was made from that are not in "
        "DIR), less any word the pages in DIR show in a speaker's name",
    )
    ap.add_argument("--only-batches", help="LO-HI: read only these batches")
    args = ap.parse_args()
    lo = hi = None
    if args.exclude_batches:
        lo, hi = (int(x) for x in args.exclude_batches.split("-"))
    only = None
    if args.only_batches:
        only = tuple(int(x) for x in args.only_batches.split("-"))
    pages, speakers, n = [], collections.Counter(), 0
    with open(os.path.join(HERE, "..", "tests", "annotations", "real", "index.tsv")) as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if f[0] == "id":
                continue
            batch = int(f[1])
            if (lo is not None and lo <= batch <= hi) or HELD_BACK[0] <= batch <= HELD_BACK[1]:
                continue
            if only is not None and not only[0] <= batch <= only[1]:
                continue
            ann_path = os.path.join(args.dir, "ann", f[0] + ".json")
            if not os.path.exists(ann_path):
                continue
            n += 1
            text = open(os.path.join(args.dir, "texts", f[0] + ".txt"), encoding="utf-8").read()
            pages.append(set(words(unicodedata.normalize("NFC", text))))
            for q in json.load(open(ann_path, encoding="utf-8"))["quotes"]:
                if q.get("speaker"):
                    speakers.update(norm(w) for w in q["speaker"].split())
    # (A given name that is also a word, `كريم`, or one with the article, `الخليل`, may be a
    # name on the next page: such words of these pages stay off the list.)
    every_given = given_names()
    found = [w for w in common_words(pages, speakers)
             if w not in every_given and not (w.startswith("ال") and w[2:] in every_given)]
    source = f"{n} annotated pages"
    if args.merge:
        earlier, earlier_pages = set(), "an earlier list"
        for line in open(args.merge, encoding="utf-8"):
            line = line.strip()
            m = re.search(r"from (\d+) annotated pages", line)
            if m:
                earlier_pages = f"{m.group(1)} earlier annotated pages"
            if line and not line.startswith("#"):
                earlier.add(line)
        found = sorted(set(found) | {w for w in earlier if speakers[w] == 0})
        source = f"{source} and the list made from {earlier_pages}"
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Common words of Arabic news, not names (normalised as words::norm), one per\n")
        out.write(f"# line: made by scripts/make_common_words.py from {source}.\n")
        for w in found:
            out.write(w + "\n")
    print(f"{len(found)} words from {n} pages -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
