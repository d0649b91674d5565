#!/usr/bin/env bash
# Batch demo and figures for issue 5: a batch of Arabic files through `tarjama translate` with a
# persistent store, measured four ways:
#
#   1. cold run (empty store): wall time, sentences, model calls, translated by the model vs
#      repeats;
#   2. warm rerun (same command): every file resumed, no model work;
#   3. rerun after deleting the outputs (store kept): every file rewritten, all from the store;
#   4. kill -9 mid-run (fresh store and output folder), then the same command again: time to
#      finish, and the outputs compared byte for byte with the cold run's (manifests aside),
#      and no temporary file left behind.
#
# The files are made from the sample page (samples/000_1fa0ea5cd19dd44f.txt): its sentences,
# recombined into paragraphs in varied orders and counts, a title and one varied sentence of
# their own per file, a shared footer in some, in nested folders (part*/section*/). The same
# arguments always make the same files (a fixed linear congruential generator, no $RANDOM).
#
# Usage: scripts/batch_demo.sh [WORKDIR]        (WORKDIR default: a new temporary folder)
# Environment:
#   NFILES   number of files (default 120)
#   MODEL    model folder (default models/test-opus-mt-ar-en, the small random-weight model)
#   DECODE   decoding options (default "--beam 1 --max-new-tokens 32": the random test model
#            never emits end-of-sentence, so each sentence costs the cap)
#   BATCH    --batch-sentences, sentences per model call (default 64: a crash loses at most
#            one call's work, and the kill in run 4 lands between committed calls)
#   TARJAMA  the binary (default: build the release binary with cargo and use it)
#   KILL_AT  seconds after the start to kill run 4 (default: half the cold run's wall time)
# Needs bash, awk, sed, diff, find; nothing else.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d -t tarjama-batch-demo.XXXXXX)}"
nfiles="${NFILES:-120}"
model="${MODEL:-$repo/models/test-opus-mt-ar-en}"
read -r -a decode <<<"${DECODE:---beam 1 --max-new-tokens 32}"
batch="${BATCH:-64}"
if [[ -z "${TARJAMA:-}" ]]; then
    (cd "$repo" && cargo build --release --locked --quiet --bin tarjama)
    TARJAMA="${CARGO_TARGET_DIR:-$repo/target}/release/tarjama"
fi
mkdir -p "$work"
input="$work/in"

# --- the files ----------------------------------------------------------------------------
rm -rf "$input"
mkdir -p "$input"
awk -v n="$nfiles" -v dir="$input" '
    # Sentences of the page: split each non-blank line after . ! ? ؟ followed by a space.
    {
        line = $0
        gsub(/^[ \t]+|[ \t]+$/, "", line)
        if (line == "") next
        while (match(line, /[.!?؟]+ /)) {
            s = substr(line, 1, RSTART + RLENGTH - 2)
            if (s != "") pool[np++] = s
            line = substr(line, RSTART + RLENGTH)
        }
        if (line != "") pool[np++] = line
    }
    function next_rand() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed }
    END {
        seed = 20240601
        footer = "جميع الحقوق محفوظة لموقع الأخبار ٢٠٢٥."
        for (i = 0; i < n; i++) {
            sub_dir = sprintf("%s/part%d/section%d", dir, i % 4, int(i / 4) % 5)
            system("mkdir -p \"" sub_dir "\"")
            file = sprintf("%s/report-%03d.txt", sub_dir, i)
            printf "تقرير رقم %d من القسم %d\n\n", i + 1, i % 4 + 1 > file
            paragraphs = 2 + next_rand() % 4
            for (p = 0; p < paragraphs; p++) {
                sentences = 1 + next_rand() % 3
                text = ""
                for (k = 0; k < sentences; k++) {
                    s = pool[next_rand() % np]
                    text = text (k ? " " : "") s
                }
                print text "\n" > file
            }
            # One sentence of its own: a pool sentence with a varied ending.
            printf "%s وذلك بحسب المصدر رقم %d.\n\n", pool[next_rand() % np], i > file
            if (i % 3 == 0) print footer > file
            close(file)
        }
        printf "%d sentences in the pool, %d files\n", np, n > "/dev/stderr"
    }
' "$repo/samples/000_1fa0ea5cd19dd44f.txt"

# --- runs ---------------------------------------------------------------------------------
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
# count KEY MANIFEST: one number from the manifest's counts (pretty JSON, one key a line).
count() { sed -n "s/^ *\"$1\": \\([0-9]*\\),\\{0,1\\}$/\\1/p" "$2" | head -1; }
translate() { # translate OUTDIR STORE [extra…]
    local out="$1" store="$2"
    shift 2
    # exec: in a background job, $! is then tarjama itself (kill -9 must hit it, not a shell).
    exec "$TARJAMA" translate "$input" -o "$out/" --cache "$store" --model "$model" \
        -f text,html,jsonl,tmx "${decode[@]}" --batch-sentences "$batch" --progress-interval 5 "$@"
}
row() { # row LABEL SECONDS MANIFEST
    local m="$3/tarjama-manifest.json"
    printf '%-28s %8s s  files done %4s resumed %4s | sentences %5s: model %5s, store %5s, repeats %5s | model calls %4s, tokens %6s\n' \
        "$1" "$2" "$(count files_done "$m")" "$(count files_resumed "$m")" \
        "$(count sentences "$m")" "$(count translated_by_model "$m")" \
        "$(count served_from_store "$m")" "$(count deduplicated "$m")" \
        "$(count model_calls "$m")" "$(count tokens_generated "$m")"
}
log="$work/log"
mkdir -p "$log"
out="$work/out"
store="$work/store.sqlite"
rm -rf "$out" "$store" "$store"-*

t=$(now); (translate "$out" "$store") 2>"$log/1-cold.txt"; cold=$(since "$t")
row "1. cold (empty store)" "$cold" "$out" | tee "$log/figures.txt"
t=$(now); (translate "$out" "$store") 2>"$log/2-warm.txt"; warm=$(since "$t")
row "2. warm rerun" "$warm" "$out" | tee -a "$log/figures.txt"
mkdir -p "$work/cold-outputs"
cp -r "$out/." "$work/cold-outputs/"
find "$out" -type f ! -name 'tarjama-manifest*' -delete
t=$(now); (translate "$out" "$store") 2>"$log/3-outputs-deleted.txt"; redo=$(since "$t")
row "3. outputs deleted" "$redo" "$out" | tee -a "$log/figures.txt"

# 4. kill -9 mid-run, then resume.
kout="$work/out-killed"
kstore="$work/store-killed.sqlite"
rm -rf "$kout" "$kstore" "$kstore"-*
kill_at="${KILL_AT:-$(awk -v c="$cold" 'BEGIN { printf "%.2f", c / 2 }')}"
translate "$kout" "$kstore" 2>"$log/4-killed.txt" &
pid=$!
sleep "$kill_at"
kill -9 "$pid" 2>/dev/null && killed=yes || killed="no (it had finished)"
wait "$pid" 2>/dev/null || true
partial=$(find "$kout" -type f -name '*.ar-en.txt' | wc -l)
t=$(now); (translate "$kout" "$kstore") 2>"$log/4-resumed.txt"; resumed=$(since "$t")
row "4. resume after kill -9" "$resumed" "$kout" | tee -a "$log/figures.txt"
temps=$(find "$kout" -name '*.tarjama-tmp-*' | wc -l)
if diff -r --exclude='tarjama-manifest*' "$work/cold-outputs" "$kout" >"$log/4-diff.txt"; then
    same="identical"
else
    same="DIFFERENT (see $log/4-diff.txt)"
fi
{
    echo "kill -9 at ${kill_at} s: killed ${killed}; ${partial} of ${nfiles} files had outputs then"
    echo "resumed outputs vs cold outputs: ${same}; temporary files left: ${temps}"
    echo "files: $nfiles in $input; outputs: $(find "$out" -type f | wc -l) files in $out"
    echo "decode: ${decode[*]} --batch-sentences $batch; model: $model; binary: $TARJAMA"
} | tee -a "$log/figures.txt"
echo "work folder: $work (logs and figures in $log)"
