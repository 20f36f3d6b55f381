#!/usr/bin/env bash
# Native sentence encoder (build/kinora embed) against an eager fp32 BERT reference in
# numpy/OpenBLAS (bench/encoder_reference.py), both measured in this run on this machine:
#   1. throughput on the 1,000 catalog texts at batch 32 (texts/s), ratio kinora/reference
#   2. one-sentence latency p50/p99 (golden sentence, batch 1), ratio reference/kinora
#   3. agreement on the real all-MiniLM-L6-v2 weights (cosine on the 56 golden sentences)
#      and token-id agreement of Hugging Face tokenizers with the golden files
#   0. first, the reference proves itself against sentence-transformers' golden
#      embeddings on the synthetic model
#   4-6. ONNX Runtime (bench/encoder_onnx.py: the same weights as ORT's fused BERT graph,
#      CPU provider, ORT_ENABLE_ALL, --threads intra-op threads): self-check against the
#      golden embeddings, then throughput (file order and length-sorted) and latency,
#      timed in --rounds rounds that alternate kinora and ORT so both see the same load
#
#   bench/encoder_bench.sh [--model DIR] [--threads 2] [--runs 200] [--batch 32] [--ref-texts N]
#                          [--no-sorted] [--rounds 5]
#
# --ref-texts N times the reference on the first N catalog texts only (default: all 1,000).
# The reference is timed on the batches kinora gets (file order, padded to the longest
# text of each batch) and, unless --no-sorted, also on length-sorted batches as
# sentence-transformers' encode() builds them (less padding).
# Python (bench/.venv-encoder, from bench/requirements-encoder.txt) is a bench tool only.
# Everything is local and stops by itself (about a minute on 2 cores). Exits non-zero
# on errors and failed correctness checks, never on slow numbers.
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."
ROOT=$PWD

CACHE_HOME="${XDG_CACHE_HOME:-}"
[[ "$CACHE_HOME" == /* ]] || CACHE_HOME="$HOME/.cache"
default_model="$CACHE_HOME/kinora/models/all-MiniLM-L6-v2"
model=$default_model
threads=2
runs=200
batch=32
ref_texts=0
rounds=5
sorted_flag=()
usage() { sed -n '2,23p' "$SELF" | sed 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --model) [ $# -ge 2 ] || usage; model=$2; shift 2 ;;
    --threads) [ $# -ge 2 ] || usage; threads=$2; shift 2 ;;
    --runs) [ $# -ge 2 ] || usage; runs=$2; shift 2 ;;
    --batch) [ $# -ge 2 ] || usage; batch=$2; shift 2 ;;
    --ref-texts) [ $# -ge 2 ] || usage; ref_texts=$2; shift 2 ;;
    --no-sorted) sorted_flag=(--no-sorted); shift ;;
    --rounds) [ $# -ge 2 ] || usage; rounds=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "encoder_bench: unknown option $1" >&2; usage ;;
  esac
done
for n in "$threads" "$runs" "$batch"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "encoder_bench: expected a positive integer, got '$n'" >&2; exit 2; }
done
[[ "$ref_texts" =~ ^[0-9]+$ ]] || { echo "encoder_bench: --ref-texts needs a number" >&2; exit 2; }

die() { echo "encoder_bench: $*" >&2; exit 1; }

SHARED="${KINORA_SHARED_MODELS:-$ROOT/../shared/models}"
synthetic="$SHARED/minilm-synthetic"
golden="$SHARED/golden/minilm_golden.json"
catalog="$SHARED/golden/catalog_texts_1000.json"
for f in "$golden" "$catalog" "$synthetic/model.safetensors"; do
  [ -f "$f" ] || die "missing $f (shared/models beside the repository; set KINORA_SHARED_MODELS to override)"
done

# The trained model.
if [ ! -f "$model/model.safetensors" ]; then
  if [ "$model" = "$default_model" ]; then
    scripts/fetch-model.sh
  else
    die "no model.safetensors in $model"
  fi
fi

# The binary. Another session may be building in build/ at the same time: retry a few times.
if [ ! -x build/kinora ]; then
  for attempt in 1 2 3 4 5; do
    scripts/build.sh && break
    [ "$attempt" = 5 ] && die "scripts/build.sh failed"
    echo "encoder_bench: build failed (concurrent build?), retrying in 30 s" >&2
    sleep 30
  done
fi

# The Python side.
venv=bench/.venv-encoder
req=bench/requirements-encoder.txt
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] ||
   ! "$venv/bin/python" -c 'import numpy, scipy.special, tokenizers, onnx, onnxruntime' 2>/dev/null; then
  echo "encoder_bench: setting up $venv" >&2
  rm -f "$stamp"
  python3 -m venv "$venv" || die "python3 -m venv failed"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" \
    || die "pip install -r $req failed"
  echo "$want" > "$stamp"
fi

work=$(mktemp -d /tmp/kinora-encoder-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
# Our own copy, so a concurrent rebuild of build/kinora cannot swap it mid-run.
cp build/kinora "$work/kinora"
kinora="$work/kinora"

echo "== Kinora encoder benchmark: $(date -u +%Y-%m-%dT%H:%M:%SZ) =="
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"\
     "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kinora: build/kinora (built $(date -u -r build/kinora +%Y-%m-%dT%H:%M:%SZ); HEAD $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- server 2>/dev/null || echo ' (server/ has local changes)')), --threads $threads"
echo "model: $model ($(sha256sum "$model/model.safetensors" | cut -c1-12)...)"
echo "workload: $catalog"
echo

echo "-- kinora embed --bench (raw output) --"
"$kinora" embed --model "$model" --threads "$threads" --batch "$batch" --runs "$runs" \
  --latency-text "$("$venv/bin/python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["items"][0]["text"])' "$golden")" \
  --bench "$catalog" | tee "$work/kinora_bench.txt" || die "kinora embed --bench failed"
echo

mapfile -d '' texts < <("$venv/bin/python" bench/encoder_reference.py texts --golden "$golden")
[ "${#texts[@]}" -gt 0 ] || die "no golden texts read from $golden"
"$kinora" embed --model "$model" --threads "$threads" -- "${texts[@]}" > "$work/kinora_real.json" \
  || die "kinora embed (real model) failed"
"$kinora" embed --model "$synthetic" --threads "$threads" -- "${texts[@]}" > "$work/kinora_synth.json" \
  || die "kinora embed (synthetic model) failed"

status=0
OPENBLAS_NUM_THREADS=$threads "$venv/bin/python" bench/encoder_reference.py report \
  --model "$model" --synthetic "$synthetic" --golden "$golden" --catalog "$catalog" \
  --kinora-bench "$work/kinora_bench.txt" --kinora-real "$work/kinora_real.json" \
  --kinora-synth "$work/kinora_synth.json" \
  --ref-texts "$ref_texts" --batch "$batch" --runs "$runs" --threads "$threads" \
  --latency-index 0 ${sorted_flag[@]+"${sorted_flag[@]}"} || status=$?
echo

# ONNX Runtime on the same BERT, written as ORT's fused transformer graph (bench/encoder_onnx.py).
"$venv/bin/python" bench/encoder_onnx.py \
  --model "$model" --synthetic "$synthetic" --golden "$golden" --catalog "$catalog" \
  --kinora-real "$work/kinora_real.json" \
  --workdir "$work" --batch "$batch" --runs "$runs" --threads "$threads" \
  --latency-index 0 --kinora "$kinora" --rounds "$rounds" || status=$?
exit "$status"
