#!/usr/bin/env bash
# Segment delivery: kinora's signed /media route against Debian's nginx serving the same
# files from disk, in one run with the same wrk settings (requests/s, MB/s, ratio). Then
# playback session creation and heartbeat latency (p50/p99) over keep-alive HTTP.
#   bench/media_bench.sh [--duration 10s] [--connections 64] [--sessions 500]
# Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
duration=10s
connections=64
sessions=500
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --sessions) sessions=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null && command -v nginx >/dev/null && command -v ffmpeg >/dev/null && command -v redis-server >/dev/null || scripts/install-deps.sh
[ -x build/kinora ] || scripts/build.sh

start_workdir media-bench

clips=(--demo-clips 1 --demo-clip-seconds 16)
secrets=(--jwt-secret "bench-jwt-secret-$(printf 'x%.0s' {1..32})" --media-secret "bench-media-secret-$(printf 'y%.0s' {1..32})")
build/kinora media build --database-url "sqlite:$work/k.db" --demo --media-dir "$work/media" "${clips[@]}" \
  --log-level warn
chmod -R a+rX "$work/media/hls"
build/kinora serve --port 0 --database-url "sqlite:$work/k.db" --demo --media-dir "$work/media" "${clips[@]}" \
  "${secrets[@]}" --login-attempts-per-address 100000 >"$work/kinora.log" 2>&1 &
pids+=($!)
kport=$(listening_port "$work/kinora.log")
base="http://127.0.0.1:$kport"
token=$(curl -sf -XPOST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"premium@ott.test","password":"test123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
manifest=$(curl -sf -XPOST "$base/api/v1/playback/sessions" -H "Authorization: Bearer $token" \
  -H 'content-type: application/json' -d '{"title_id":1}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["manifest_url"])')
asset=$(echo "$manifest" | awk -F/ '{print $(NF-1)}')
segment="720p/seg_00001.m4s"
kinora_url="$base${manifest%master.m3u8}$segment"

nport=$(free_port)
reference_nginx_conf "$work" "$nport" application/octet-stream "location /media/ { alias $work/media/hls/; }"
nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
sleep 0.5
nginx_url="http://127.0.0.1:$nport/media/$asset/$segment"
cmp <(curl -sf "$kinora_url") <(curl -sf "$nginx_url") || { echo "kinora and nginx serve different bytes" >&2; exit 1; }
bytes=$(curl -sf "$nginx_url" | wc -c)

measure() {  # url -> "rps MB/s p99_ms"
  wrk -t2 -c"$connections" -d"$duration" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    function mb(v) { if (v ~ /GB$/) return v*1024; if (v ~ /MB$/) return v+0; if (v ~ /KB$/) return v/1024; return v/1048576 }
    /Requests\/sec/ { rps=$2 }
    /Transfer\/sec/ { rate=mb($2) }
    /^ +99%/ { p99=ms($2) }
    /Non-2xx/ { print "non-2xx responses: " $NF > "/dev/stderr" }
    END { printf "%.0f %.1f %.2f\n", rps, rate, p99 }'
}
read -r k_rps k_mb k_p99 < <(measure "$kinora_url")
read -r n_rps n_mb n_p99 < <(measure "$nginx_url")

echo
echo "Segment delivery ($bytes-byte fMP4 segment, wrk -t2 -c$connections -d$duration, 127.0.0.1)"
printf "%-8s %10s %10s %10s\n" server "req/s" "MB/s" "p99 ms"
printf "%-8s %10s %10s %10s\n" kinora "$k_rps" "$k_mb" "$k_p99" nginx "$n_rps" "$n_mb" "$n_p99"
python3 -c "print(f'ratio kinora/nginx: {$k_rps/$n_rps:.2f} (req/s), {$k_mb/$n_mb:.2f} (MB/s); target >= 0.5')"

# The same sessions with the Redis store: a second instance on the same database.
rport=$(free_port)
redis-server --port "$rport" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >/dev/null &
pids+=($!)
build/kinora serve --port 0 --database-url "sqlite:$work/k.db" --no-demo --media-dir "$work/media" \
  "${secrets[@]}" --redis "redis://127.0.0.1:$rport/0" >"$work/kinora-redis.log" 2>&1 &
pids+=($!)
rkport=$(listening_port "$work/kinora-redis.log")

sessions_bench() {  # port label
python3 - "$1" "$token" "$sessions" "$2" <<'PY'
import http.client, json, sys, time
port, token, n, label = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
conn = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
def call(method, path, body=None):
    started = time.perf_counter()
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    r = conn.getresponse()
    data = r.read()
    return (time.perf_counter() - started) * 1000, r.status, data
# End sessions left running, so the premium account has its slots.
for s in json.loads(call("GET", "/api/v1/playback/sessions")[2])["items"]:
    call("DELETE", f"/api/v1/playback/sessions/{s['id']}")
create, beat = [], []
for i in range(n):
    ms, status, data = call("POST", "/api/v1/playback/sessions", {"title_id": 1 + i % 40})
    assert status == 201, (status, data)
    create.append(ms)
    sid = json.loads(data)["id"]
    ms, status, _ = call("PUT", f"/api/v1/playback/sessions/{sid}", {"position_seconds": 5})
    assert status == 200, status
    beat.append(ms)
    call("DELETE", f"/api/v1/playback/sessions/{sid}")
def pct(v, p):
    v = sorted(v); return v[min(len(v) - 1, int(len(v) * p))]
for name, v in (("create", create), ("heartbeat", beat)):
    print(f"{label:10s} {name:10s} n={len(v)} p50 {pct(v, .5):.2f} ms  p99 {pct(v, .99):.2f} ms  (target p99 < 5 ms)")
PY
}
echo
echo "Playback sessions ($sessions x create + heartbeat + end, premium account, one keep-alive client)"
sessions_bench "$kport" in-process
sessions_bench "$rkport" redis
