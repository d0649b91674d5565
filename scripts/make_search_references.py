#!/usr/bin/env python3
"""transformers references for search settings beyond reference.json: length_penalty,
early_stopping (False / True / "never"), renormalize_logits off, wider beams, and one padded
batch per setting. Reads models/test-opus-mt-ar-en and tests/fixtures/reference.json (input
ids only), writes tests/fixtures/search_reference.json.

Run from the repository root: .venv/bin/python scripts/make_search_references.py
"""
import json
import sys

import torch
import transformers
from transformers import MarianMTModel

MODEL = "models/test-opus-mt-ar-en"
SENTENCES = [0, 1, 2, 3, 5, 11, 14, 26]
SETTINGS = [
    {"num_beams": 4, "length_penalty": 0.6, "early_stopping": False, "max_new_tokens": 20},
    {"num_beams": 4, "length_penalty": 2.0, "early_stopping": False, "max_new_tokens": 20},
    {"num_beams": 4, "length_penalty": 2.0, "early_stopping": "never", "max_new_tokens": 20},
    {"num_beams": 3, "length_penalty": 1.0, "early_stopping": True, "max_new_tokens": 20},
    {"num_beams": 6, "length_penalty": 1.0, "early_stopping": False, "max_new_tokens": 30},
    {"num_beams": 4, "length_penalty": 1.0, "early_stopping": False, "max_new_tokens": 20,
     "renormalize_logits": False, "repetition_penalty": 1.2},
    {"num_beams": 1, "max_new_tokens": 20, "renormalize_logits": False, "repetition_penalty": 1.2},
]


def main():
    torch.manual_seed(0)
    torch.set_num_threads(1)
    ref = json.load(open("tests/fixtures/reference.json", encoding="utf-8"))
    model = MarianMTModel.from_pretrained(MODEL).eval()
    pad = model.config.pad_token_id
    srcs = [ref["sentences"][i]["input_ids"] for i in SENTENCES]
    cases = []
    for st in SETTINGS:
        kw = dict(st, do_sample=False, return_dict_in_generate=True, output_scores=True)
        single = []
        for s in srcs:
            x = torch.tensor([s])
            with torch.no_grad():
                o = model.generate(input_ids=x, attention_mask=torch.ones_like(x), **kw)
            score = float(o.sequences_scores[0]) if st["num_beams"] > 1 else None
            single.append({"ids": o.sequences[0].tolist(), "score": score})
        n = max(len(s) for s in srcs)
        x = torch.tensor([s + [pad] * (n - len(s)) for s in srcs])
        mask = (x != pad).long()
        with torch.no_grad():
            o = model.generate(input_ids=x, attention_mask=mask, **kw)
        batched = o.sequences.tolist()
        cases.append({"settings": st, "single": single, "batched": batched})
    out = {
        "model_dir": MODEL,
        "versions": {"torch": torch.__version__, "transformers": transformers.__version__,
                     "python": sys.version.split()[0]},
        "notes": ["sentences index reference.json; ids include the start token; batched rows are "
                  "padded with <pad> after </s>; score is sequences_scores (null for greedy)."],
        "sentences": SENTENCES,
        "cases": cases,
    }
    with open("tests/fixtures/search_reference.json", "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    for c in cases:
        print(c["settings"], [len(s["ids"]) for s in c["single"]])


if __name__ == "__main__":
    main()
