#!/usr/bin/env python3
"""tarjama against transformers and CTranslate2 in one run, on the same workload.

Runs peers.py (transformers fp32, CTranslate2 fp32 and int8; each configuration in its own
process) and then `tarjama bench` on the same full-size random model, sentences, decode length,
beams, batches, threads and runs, one after the other (never side by side, so they do not share
cores), and prints one table with tarjama's throughput as a ratio of each peer's.

Set-up (once; see scripts/bench/README.md):
  python3 -m venv .venv && .venv/bin/pip install torch transformers sentencepiece safetensors \
      numpy ctranslate2 sacremoses protobuf psutil
  .venv/bin/python scripts/bench/make_models.py --seed-text samples/000_1fa0ea5cd19dd44f.txt \
      --models-dir target/bench-models
  cargo build --release
Run:
  .venv/bin/python scripts/bench/compare.py --models-dir target/bench-models
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--models-dir", type=Path, default=ROOT / "target/bench-models")
    ap.add_argument("--seed-text", type=Path, default=ROOT / "samples/000_1fa0ea5cd19dd44f.txt")
    ap.add_argument("--tarjama", type=Path, default=ROOT / "target/release/tarjama")
    ap.add_argument("--engines", default="hf-fp32,ct2-fp32,ct2-int8")
    ap.add_argument("--beams", default="1,4")
    ap.add_argument("--batches", default="1,16")
    ap.add_argument("--n", type=int, default=64)
    ap.add_argument("--len", type=int, default=32)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--dtype", default="f32", help="tarjama's compute dtypes, comma-separated")
    ap.add_argument("--device", default="cpu", help="tarjama's device: cpu, cuda or cuda:N")
    ap.add_argument("--out", type=Path, default=ROOT / "target/bench-compare.json")
    a = ap.parse_args()
    hf_dir = a.models_dir / "marian-ar-en-full"
    common = ["--beams", a.beams, "--batches", a.batches, "--n", str(a.n), "--len", str(a.len),
              "--runs", str(a.runs), "--threads", str(a.threads)]
    peers_out = a.out.with_name(a.out.stem + "-peers.json")
    rows = []
    if a.engines:
        subprocess.run([sys.executable, str(HERE / "peers.py"), "--seed-text", str(a.seed_text),
                        "--models-dir", str(a.models_dir), "--engines", a.engines,
                        "--out", str(peers_out)] + common, check=True)
        rows += [r for r in json.loads(peers_out.read_text())["results"] if "error" not in r]
    mine = []
    for dtype in a.dtype.split(","):
        ours = subprocess.run([str(a.tarjama), "bench", "--input", str(a.seed_text),
                               "--model", str(hf_dir), "--dtype", dtype, "--device", a.device]
                              + common, check=True, capture_output=True, text=True)
        where = "" if a.device == "cpu" else a.device.split(":")[0] + "-"
        for line in ours.stdout.splitlines():
            if line.startswith("RESULT "):
                mine.append(dict(json.loads(line[7:]), engine=f"tarjama-{where}{dtype}"))
    rows += mine
    peers = sorted({r["engine"] for r in rows} - {r["engine"] for r in mine})
    head = f"{'engine':16s} {'beam':>4s} {'batch':>5s} {'wall s':>8s} {'sent/s':>8s} {'tok/s':>8s} {'RSS MiB':>8s}"
    print("\n" + head + "".join(f" {'x ' + p:>12s}" for p in peers))
    for r in rows:
        line = (f"{r['engine']:16s} {r['beam']:>4} {r['batch']:>5} {r['wall_s']:8.2f} "
                f"{r['sent_per_s']:8.2f} {r['gen_tok_per_s']:8.1f} {r['peak_rss_mib']:8.0f}")
        if r in mine:
            for p in peers:
                base = [x for x in rows if x["engine"] == p and x["beam"] == r["beam"]
                        and x["batch"] == r["batch"]]
                line += f" {r['gen_tok_per_s'] / base[0]['gen_tok_per_s']:12.2f}" if base else f" {'-':>12s}"
        print(line)
    a.out.write_text(json.dumps({"workload": {"n": a.n, "len": a.len, "runs": a.runs,
                                              "threads": a.threads, "beams": a.beams, "device": a.device,
                                              "batches": a.batches},
                                 "results": rows}, indent=1), encoding="utf-8")
    print(f"\nratios: tarjama's generated tokens/s over each peer's (>1 = tarjama faster); saved {a.out}")


if __name__ == "__main__":
    main()
