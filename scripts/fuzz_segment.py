#!/usr/bin/env python3
"""Run `tarjama segment` on mutated copies of real pages and report any crash.

Usage: scripts/fuzz_segment.py TARJAMA_BINARY TEXT_DIR [N]

Each of the N runs takes a random page from TEXT_DIR (*.txt), shuffles its words, sprinkles quote
marks and punctuation into it, repeats a slice of it, or cuts every line at a random word (the
truncated lines of scraped pages), then runs `segment` with a random paragraph mode. A non-zero
exit writes the input to /tmp/fuzz-fail-K.txt. Complements the property tests, whose generated
text is less like real pages.
"""
import glob
import random
import subprocess
import sys

binary, text_dir = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
random.seed(7)
texts = [open(f, encoding="utf-8").read() for f in glob.glob(f"{text_dir}/*.txt")]
extras = ['"', "“", "”", "«", "»", "‘", "’", ":", "،", ".", "؟", "(", ")", "\n", "#", "د.", " "]
failures = 0
for n in range(runs):
    words = random.choice(texts).split(" ")
    op = random.random()
    if op < 0.3:
        random.shuffle(words)
    elif op < 0.6:
        for _ in range(random.randint(1, 30)):
            words.insert(random.randrange(len(words)), random.choice(extras))
    elif op < 0.8:
        i = random.randrange(len(words))
        words = words[i : i + random.randint(1, 60)] * random.randint(1, 3)
    else:
        lines = [l.split(" ") for l in " ".join(words).split("\n")]
        words = ["\n".join(" ".join(l[: random.randint(0, len(l))]) for l in lines)]
    text = " ".join(words)
    mode = random.choice(["lines", "auto", "blank"])
    r = subprocess.run([binary, "segment", "--paragraphs", mode, "-"], input=text.encode(), capture_output=True)
    if r.returncode != 0:
        failures += 1
        with open(f"/tmp/fuzz-fail-{failures}.txt", "w", encoding="utf-8") as f:
            f.write(text)
        print(f"run {n}: exit {r.returncode} ({mode}): {r.stderr.decode()[-200:]}")
print(f"{runs} runs, {failures} failures")
sys.exit(1 if failures else 0)
