#!/usr/bin/env bash
# Build `--features cuda` on a machine with no GPU and no CUDA toolkit, and pack what
# scripts/device_check.sh runs on a GPU machine (which has the driver but no Rust toolchain).
#
# The toolkit comes from NVIDIA's CUDA 13.0 wheels on PyPI (nvcc, headers, CCCL, cuBLAS, cuRAND,
# NVRTC, cudart), unpacked into $CUDA_DIR. 13.0 matches driver 580: PTX from a newer nvcc would
# not load there. cudarc links libcuda.so, which only the driver ships, so a stand-in with the
# same symbol names (taken from cudarc's bindings) is made for the link; the real driver
# library is the one loaded at run time.
#
# Usage: scripts/cuda_build.sh [SPM_DIR]   (SPM_DIR: scripts/bench models' spm/, to carry along)
# Output: target/devcarry/{tarjama,model_parity,translator_parity}.xz, manifest_dir, spm/
set -euo pipefail
cd "$(dirname "$0")/.."
CUDA_DIR=${CUDA_DIR:-/tmp/cuda13}
COMPUTE_CAP=${CUDA_COMPUTE_CAP:-90}
root=$CUDA_DIR/x/nvidia/cu13

if [ ! -x "$root/bin/nvcc" ]; then
    mkdir -p "$CUDA_DIR/whl" "$CUDA_DIR/x"
    python3 -m pip download -q --no-deps --only-binary=:all: -d "$CUDA_DIR/whl" \
        nvidia-cuda-nvcc==13.0.88 nvidia-cuda-runtime==13.0.88 nvidia-cuda-nvrtc==13.0.88 \
        nvidia-cuda-crt==13.0.88 nvidia-nvvm==13.0.88 nvidia-cuda-cccl==13.0.85 \
        nvidia-cublas==13.0.2.14 nvidia-curand==10.4.0.35
    for w in "$CUDA_DIR"/whl/*.whl; do unzip -q -o "$w" -d "$CUDA_DIR/x"; done
    # The layout nvcc.profile and the linker expect: lib64, targets/x86_64-linux, unversioned .so.
    ln -sfn lib "$root/lib64"
    mkdir -p "$root/targets" && ln -sfn .. "$root/targets/x86_64-linux"
    (cd "$root/lib" && for f in *.so.*; do ln -sf "$f" "${f%%.so.*}.so"; done)
fi
if [ ! -e "$root/lib/libcuda.so" ]; then
    bindings=$(ls -d ~/.cargo/registry/src/*/cudarc-0.19.*/src/driver/sys/mod.rs | tail -1)
    grep -oE "^ *fn cu[A-Za-z0-9_]+\(" "$bindings" | grep -oE "cu[A-Za-z0-9_]+" | sort -u \
        | sed 's/.*/void &(void) {}/' >"$CUDA_DIR/stub_cuda.c"
    gcc -shared -fPIC -Wl,-soname,libcuda.so.1 -o "$root/lib/libcuda.so" "$CUDA_DIR/stub_cuda.c"
fi

export CUDA_ROOT=$root CUDA_HOME=$root CUDA_PATH=$root LIBRARY_PATH=$root/lib
export PATH=$root/bin:$PATH CUDA_COMPUTE_CAP=$COMPUTE_CAP CARGO_TARGET_DIR=$PWD/target/cuda
cargo build --release --locked --features cuda
cargo test --release --locked --features cuda --no-run --test model_parity --test translator_parity \
    2>&1 | tee /tmp/cuda-tests.log
carry=target/devcarry
rm -rf "$carry" && mkdir -p "$carry"
pack() { strip -o "$carry/$1" "$2" && xz -T0 -6 "$carry/$1"; }
pack tarjama target/cuda/release/tarjama
for t in model_parity translator_parity; do
    pack "$t" "$(grep -o "target/cuda/release/deps/$t-[0-9a-f]*" /tmp/cuda-tests.log | tail -1)"
done
echo "$PWD" >"$carry/manifest_dir"
if [ -n "${1:-}" ]; then mkdir -p "$carry/spm" && cp "$1"/source.spm "$1"/target.spm "$carry/spm/"; fi
du -sh "$carry"
