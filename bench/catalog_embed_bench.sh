#!/usr/bin/env bash
# The whole MovieLens catalog (9,742 titles) embedded by a fresh `kinora serve`: seconds
# from start until /readyz says ready, and the server's peak RSS (VmHWM) with its
# anonymous and file-backed parts. The reference, same run: a second serve of the same
# database, which finds the vectors stored and the index file saved (model loaded, no
# embedding). Targets: ready in under 90 s, peak RSS under 200 MB.
#   bench/catalog_embed_bench.sh
# Needs ../shared/data (MovieLens, TMDB plots) and the model (`make model`). Bounded:
# each serve gets 600 s to become ready; everything stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
kinora=${KINORA_BIN:-build/kinora}
[ -x "$kinora" ] || scripts/build.sh

start_workdir embed-bench
db="sqlite:$work/movielens.db"
secret="bench-secret-$(printf 'x%.0s' {1..32})"
"$kinora" eval import --database-url "$db" | tail -1

status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

serve_until_ready() {  # label -> one line of figures
  local started pid port ready=""
  started=$(date +%s.%N)
  "$kinora" serve --port 0 --no-demo --database-url "$db" --jwt-secret "$secret" \
    --media-secret "$secret" --media-dir "$work/media" >"$work/$1.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  port=$(listening_port "$work/$1.log")
  for _ in $(seq 3000); do
    if curl -sf --max-time 2 "http://127.0.0.1:$port/readyz" | grep -q '"status":"ready"}$'; then
      ready=1
      break
    fi
    sleep 0.2
  done
  [ -n "$ready" ] || { echo "$1: not ready within 600 s" >&2; exit 1; }
  local seconds
  seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  printf '%-34s %8s s %10s MB %10s MB %10s MB\n' "$1" "$seconds" "$(mb "$(status_kb "$pid" VmHWM)")" \
    "$(mb "$(status_kb "$pid" RssAnon)")" "$(mb "$(status_kb "$pid" RssFile)")"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

echo "CPU: $(cpu_model); load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %10s %13s %13s %13s\n' "" "to ready" "peak RSS" "RSS anon" "RSS file"
serve_until_ready "embeds the catalog"
serve_until_ready "finds it stored (reference)"
echo "targets: the first under 90 s and under 200 MB peak RSS (VmHWM; anon and file at ready)"
