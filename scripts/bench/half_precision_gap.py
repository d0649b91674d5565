#!/usr/bin/env python3
"""How far transformers' own f16 and bf16 first-step logits are from its f32 ones, per sentence of
tests/fixtures/reference.json, on the committed test model: the yardstick for the tolerance of
tests/model_parity.rs::half_precision_runs_close_to_f32 (relative L2 error), on CPU and, where
there is one, on a CUDA GPU.

Run: python3 scripts/bench/half_precision_gap.py [--device cpu,cuda]
"""
import argparse
import json
import statistics
from pathlib import Path

import torch
from transformers import MarianMTModel

ROOT = Path(__file__).resolve().parents[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--device", default="cpu,cuda" if torch.cuda.is_available() else "cpu")
    a = ap.parse_args()
    ref = json.loads((ROOT / "tests/fixtures/reference.json").read_text(encoding="utf-8"))
    model_dir = ROOT / "models/test-opus-mt-ar-en"
    for dev in a.device.split(","):
        logits = {}
        for dtype in (torch.float32, torch.float16, torch.bfloat16):
            m = MarianMTModel.from_pretrained(model_dir, dtype=dtype).to(dev).eval()
            start = m.config.decoder_start_token_id
            out = []
            with torch.inference_mode():
                for s in ref["sentences"]:
                    ids = torch.tensor([s["input_ids"]], device=dev)
                    lg = m(input_ids=ids, attention_mask=torch.ones_like(ids),
                           decoder_input_ids=torch.tensor([[start]], device=dev)).logits
                    out.append(lg[0, -1].float().cpu())
            logits[dtype] = out
        for dtype in (torch.float16, torch.bfloat16):
            errs = [float((h - f).norm() / f.norm()) for h, f in zip(logits[dtype], logits[torch.float32])]
            print(f"transformers {dev} {str(dtype)[6:]}: relative L2 error of first-step logits: "
                  f"sentence 0 {errs[0]:.4f}, median {statistics.median(errs):.4f}, max {max(errs):.4f}")


if __name__ == "__main__":
    main()
