#!/usr/bin/env bash
# Memory while an admin uploads a 1 GB file: `kinora serve` on loopback (own SQLite database
# and media dir), curl streaming the file from disk, the server's VmRSS sampled every 50 ms
# and its VmHWM read at the end. Prints peak RSS against the 200 MB target and the RSS just
# before the upload (the reference, same run), upload MB/s, and RSS once the packaging job
# has failed (random bytes are no video: that failure is expected; the bench measures the
# upload).
#   bench/upload_bench.sh [--size-mb 1024]
# Bounded: curl --max-time 300, the job wait 120 s; everything stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
size_mb=1024
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) size_mb=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
kinora=${KINORA_BIN:-build/kinora}
[ -x "$kinora" ] || scripts/build.sh

start_workdir upload-bench

secret="bench-secret-$(printf 'x%.0s' {1..32})"
db="sqlite:$work/kinora.db"
common=(--database-url "$db" --jwt-secret "$secret" --media-secret "$secret" --media-dir "$work/media")
# Demo catalog and accounts, but no demo media: packaging clips would blur the figures.
"$kinora" seed --demo "${common[@]}" --log-level warn
"$kinora" serve --port 0 --no-demo "${common[@]}" --max-upload-bytes $(((size_mb + 16) << 20)) \
  --model-dir "$work/no-model" >"$work/kinora.log" 2>&1 &
pid=$!
pids+=("$pid")
port=$(listening_port "$work/kinora.log")
base="http://127.0.0.1:$port"

echo "generating a ${size_mb} MB file of random bytes..."
head -c "$((size_mb << 20))" /dev/urandom >"$work/upload.bin"

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
token=$(curl -sf -XPOST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@ott.test","password":"admin123"}' | json '["access_token"]')
title=$(curl -sf "$base/api/v1/catalog/titles?type=movie&limit=1" -H "Authorization: Bearer $token" |
  json '["items"][0]["id"]')
# Warm the routes, so the reference includes what any served request allocates.
for _ in 1 2 3; do curl -sf "$base/api/v1/admin/stats" -H "Authorization: Bearer $token" >/dev/null; done

rss_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }
before=$(rss_kb "$pid" VmRSS)
hwm_before=$(rss_kb "$pid" VmHWM)
(
  peak=0
  while kill -0 "$pid" 2>/dev/null && [ ! -f "$work/upload.done" ]; do
    now=$(rss_kb "$pid" VmRSS || echo 0)
    [ "${now:-0}" -gt "$peak" ] && peak=$now && echo "$peak" >"$work/rss.peak"
    sleep 0.05
  done
) &
sampler=$!
pids+=("$sampler")

# -T streams the file from disk (--data-binary @file would read it all into curl first).
read -r code speed seconds < <(curl -sS -X POST -T "$work/upload.bin" --max-time 300 \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/octet-stream' \
  -o "$work/answer.json" -w '%{http_code} %{speed_upload} %{time_total}\n' \
  "$base/api/v1/admin/media/uploads?title_id=$title")
touch "$work/upload.done"
wait "$sampler" 2>/dev/null || true
sampled=$(cat "$work/rss.peak" 2>/dev/null || echo 0)
hwm=$(rss_kb "$pid" VmHWM)
[ "$code" = 202 ] || { echo "upload answered $code: $(cat "$work/answer.json")" >&2; exit 1; }
rm -f "$work/upload.bin"

job=$(json '["id"]' <"$work/answer.json")
status=queued
for _ in $(seq 240); do
  status=$(curl -sf "$base/api/v1/admin/media/jobs/$job" -H "Authorization: Bearer $token" | json '["status"]')
  [ "$status" = succeeded ] || [ "$status" = failed ] && break
  sleep 0.5
done
after_job=$(rss_kb "$pid" VmRSS)
hwm_end=$(rss_kb "$pid" VmHWM)
left=$(find "$work/media/uploads" -type f | wc -l)

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo
echo "Upload of ${size_mb} MB to 127.0.0.1 ($(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), load average $(cut -d' ' -f1 /proc/loadavg))"
printf '  RSS before the upload (reference)   %8s MB (VmHWM so far %s MB: start-up)\n' "$(mb "$before")" \
  "$(mb "$hwm_before")"
printf '  peak RSS during the upload (VmRSS)  %8s MB (sampled every 50 ms)\n' "$(mb "$sampled")"
printf '  peak RSS since start (VmHWM)        %8s MB  target < 200 MB: %s\n' "$(mb "$hwm")" \
  "$(awk -v k="$hwm" 'BEGIN { print (k < 200 * 1024) ? "met" : "NOT met" }')"
printf '  upload                              %8s MB/s (%.1f s, HTTP %s)\n' \
  "$(awk -v b="$speed" 'BEGIN { printf "%.0f", b / 1048576 }')" "$seconds" "$code"
printf '  after the packaging job (%s)    %8s MB RSS, VmHWM %s MB; %s file(s) left in uploads/\n' \
  "$status" "$(mb "$after_job")" "$(mb "$hwm_end")" "$left"
