#!/usr/bin/env bash
# One prepared run of the CUDA checks on a GPU machine that has no Rust toolchain and no network.
#
# Built here (see scripts/cuda_build.sh), carried in $CARRY (default target/devcarry):
#   tarjama.xz, model_parity.xz, translator_parity.xz   stripped, xz-compressed `--features cuda` builds
#   spm/source.spm, spm/target.spm                       the benchmark's SentencePiece models
#   manifest_dir                                         the repo path the tests were built in
# The GPU machine needs the NVIDIA driver, the CUDA 13 libraries (cuBLAS, cuRAND, cudart, NVRTC)
# and python3 with torch + transformers + sentencepiece (for the peer rows and the model build).
#
# Steps ($STEPS, default "1 2 3 4"), each logged to $OUT (or ./device-out):
#   1. the parity tests against transformers' references on the GPU, and transformers' own
#      f16/bf16 error (the yardstick of the half-precision test);
#   2. the sample page translated on the GPU, against samples/output (made on the CPU);
#   3. the full-size random model rebuilt offline, checked against its known hash;
#   4. scripts/bench/compare.py: tarjama on CUDA against transformers on CUDA, same workload.
# Usage: [STEPS="1 3 4"] [BENCH_N=512] [BENCH_BATCHES=64,128] scripts/device_check.sh
set -uo pipefail
cd "$(dirname "$0")/.."
CARRY=${CARRY:-target/devcarry}
OUT=${OUT:-device-out}
N=${BENCH_N:-128}
BATCHES=${BENCH_BATCHES:-16,64}
STEPS=${STEPS:-1 2 3 4}   # which of the steps below to run
step() { case " $STEPS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
mkdir -p "$OUT" /tmp/tj
log() { echo "== $(date +%T) $*"; }

log "machine"
nvidia-smi -L; nvidia-smi --query-gpu=driver_version,memory.total --format=csv,noheader
python3 -c "import torch, transformers; print('torch', torch.__version__, 'transformers', transformers.__version__)"

# The CUDA libraries the binaries link to, wherever this machine keeps them.
libdirs=""
for lib in libcublas.so.13 libcublasLt.so.13 libcurand.so.10 libcudart.so.13 libnvrtc.so.13; do
    p=$(find /usr/local /opt /usr/lib -name "$lib" 2>/dev/null | head -1)
    if [ -n "$p" ]; then libdirs="$libdirs:$(dirname "$p")"; else echo "missing $lib"; fi
done
export LD_LIBRARY_PATH="${libdirs#:}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
for b in tarjama model_parity translator_parity; do
    xz -dc "$CARRY/$b.xz" >/tmp/tj/$b && chmod +x /tmp/tj/$b
done
ldd /tmp/tj/tarjama | grep -E "cuda|cublas|curand|nvrtc"

# The test binaries look for the fixtures under the path they were built in.
root=$(cat "$CARRY/manifest_dir")
if [ -n "$root" ] && [ ! -e "$root" ]; then mkdir -p "$(dirname "$root")" && ln -s "$PWD" "$root"; fi

if step 1; then
log "1. parity tests on cuda, and transformers' own half-precision error (the tests' yardstick)"
python3 scripts/bench/half_precision_gap.py 2>&1 | grep "^transformers" | tee "$OUT/half_precision_gap.log"
for t in model_parity translator_parity; do
    TARJAMA_TEST_DEVICE=cuda /tmp/tj/$t --test-threads 1 --nocapture 2>&1 | tee "$OUT/$t.log" | grep -E "^test |parity:|first-step|relative|result"
done
fi

if step 2; then
log "2. sample page on cuda against samples/output (made on the CPU)"
rm -rf /tmp/sample-gpu
/tmp/tj/tarjama translate samples/000_1fa0ea5cd19dd44f.txt --model models/test-opus-mt-ar-en \
    --no-cache --quiet --beam 1 --max-new-tokens 24 --device cuda \
    -f text,html,md,jsonl,tsv,tmx,xliff,parallel -o /tmp/sample-gpu/ 2>&1 | tail -3
rm -f /tmp/sample-gpu/tarjama-manifest*.json
diff -r samples/output /tmp/sample-gpu >"$OUT/sample.diff" && echo "sample outputs identical" \
    || echo "sample outputs differ: $(grep -c '^[<>]' "$OUT/sample.diff") lines (see sample.diff)"
fi

if step 3 || step 4; then
log "3. full-size random model, rebuilt offline"
python3 scripts/bench/make_models.py --seed-text samples/000_1fa0ea5cd19dd44f.txt \
    --spm-dir "$CARRY/spm" --full-only --skip-ct2 --models-dir /tmp/models 2>&1 | tail -2
sha256sum /tmp/models/marian-ar-en-full/model.safetensors
fi

if step 4; then
log "4. bench: tarjama on cuda against transformers on cuda (N=$N, 32 tokens each)"
python3 scripts/bench/compare.py --models-dir /tmp/models --tarjama /tmp/tj/tarjama \
    --engines hf-cuda-fp32,hf-cuda-fp16 --device cuda --dtype f32,f16,bf16 \
    --beams 1,4 --batches "$BATCHES" --n "$N" --runs 3 --threads 8 --out "$OUT/bench-cuda.json" 2>&1 \
    | tee "$OUT/bench.log"
fi
log "done"
