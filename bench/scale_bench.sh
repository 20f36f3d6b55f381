#!/usr/bin/env bash
# A mixed workload (browse, title pages, search, home rails, the guide, playback
# heartbeats, watchlist writes) through Debian's nginx running the shipped
# deploy/nginx/kinora.conf, in front of 1, 2 and 3 `kinora serve` instances on one
# PostgreSQL and one Redis. Prints requests/s, p50/p99, errors and the PostgreSQL
# connections open and active (most seen, sampled every 0.5 s); the reference, same run, is
# one instance measured without nginx.
#   bench/scale_bench.sh [--duration 10s] [--connections 64] [--instances "1 2 3"]
# Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
duration=10s
connections=64
counts="1 2 3"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --instances) counts=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null && command -v nginx >/dev/null && command -v redis-server >/dev/null ||
  scripts/install-deps.sh --test
kinora=${KINORA_BIN:-build/kinora}
[ -x "$kinora" ] || scripts/build.sh

start_workdir scale-bench
db=$(bench_database_url postgres kinora_scale)
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >/dev/null &
pids+=($!)
secret="bench-secret-$(printf 'x%.0s' {1..32})"
common=(--database-url "$db" --jwt-secret "$secret" --media-secret "$secret" --media-dir "$work/media"
  --redis "redis://127.0.0.1:$redis_port/0" --trusted-proxies 127.0.0.1/32,::1/128
  --login-attempts-per-address 100000 --demo-clips 1 --demo-clip-seconds 12 --log-level warn)

ports=()
start_instance() {  # demo|no-demo
  local port
  port=$(free_port)
  "$kinora" serve --port "$port" --"$1" "${common[@]}" >"$work/kinora-$port.log" 2>&1 &
  pids+=($!)
  ports+=("$port")
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$port/readyz" | grep -q '"demo_media":{"status":"ready"}' && return
    sleep 0.5
  done
  echo "kinora on $port was not ready in 300 s: $(tail -5 "$work/kinora-$port.log")" >&2
  exit 1
}

# The shipped file with its marked values replaced, as server/tests/nginx does.
nginx_port=$(free_port)
mkdir -p "$work/nginx/temp"
write_nginx_conf() {
  local upstreams="" p
  for p in "${ports[@]}"; do upstreams+="    server 127.0.0.1:$p max_fails=3 fail_timeout=10s;\n"; done
  awk -v up="$upstreams" -v port="$nginx_port" -v secret="$secret" -v media="$work/media" '
    /^upstream kinora \{/ { print; printf "%s", up; skip = 1; next }
    skip && /^[ \t]*server / { next }
    /^\}/ { skip = 0 }
    /^[ \t]*listen 80;/ { print "    listen 127.0.0.1:" port ";"; next }
    /set \$kinora_media_secret/ { print "    set $kinora_media_secret \"" secret "\";"; next }
    /set \$kinora_media_root/ { print "    set $kinora_media_root \"" media "\";"; next }
    { print }' deploy/nginx/kinora.conf >"$work/nginx/kinora.conf"
  cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $work/nginx/temp;
  proxy_temp_path $work/nginx/temp;
  include $work/nginx/kinora.conf;
}
CONF
}

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

start_instance demo
base="http://127.0.0.1:${ports[0]}"
psql "$db" -qc "VACUUM ANALYZE" >/dev/null
token=$(curl -sf -XPOST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"standard@ott.test","password":"test123"}' | json '["access_token"]')
auth=(-H "Authorization: Bearer $token")
movie=$(curl -sf "$base/api/v1/catalog/titles?type=movie&limit=1" "${auth[@]}" | json '["items"][0]["id"]')
session=$(curl -sf -XPOST "$base/api/v1/playback/sessions" "${auth[@]}" -H 'content-type: application/json' \
  -d "{\"title_id\":$movie}" | json '["id"]')

# One request in seven of each kind, in turn; the writes are idempotent PUTs.
cat >"$work/mixed.lua" <<LUA
local n = 0
local queries = {"space", "night train", "love story", "detective", "family"}
request = function()
  n = n + 1
  local k = n % 7
  if k == 0 then return wrk.format("GET", "/api/v1/catalog/titles?limit=20") end
  if k == 1 then return wrk.format("GET", "/api/v1/catalog/titles/$movie") end
  if k == 2 then return wrk.format("GET", "/api/v1/catalog/search?q=" .. queries[n % 5 + 1]:gsub(" ", "+")) end
  if k == 3 then return wrk.format("GET", "/api/v1/recommendations/home") end
  if k == 4 then return wrk.format("GET", "/api/v1/epg/grid") end
  if k == 5 then return wrk.format("PUT", "/api/v1/viewing/watchlist/$movie") end
  -- A headers table replaces wrk's own (the -H token), so it starts as a copy of them.
  if not json_headers then
    json_headers = {["Content-Type"] = "application/json"}
    for name, value in pairs(wrk.headers) do json_headers[name] = value end
  end
  return wrk.format("PUT", "/api/v1/playback/sessions/$session", json_headers, '{"position_seconds": 5}')
end
LUA

pg_connections() {  # -> "open active", the most seen while wrk runs (pid $1)
  local open=0 active=0 o a
  while kill -0 "$1" 2>/dev/null; do
    read -r o a < <(psql "$db" -Atqc "SELECT count(*), count(*) FILTER (WHERE state = 'active')
      FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()" | tr '|' ' ')
    [ "$o" -gt "$open" ] && open=$o
    [ "$a" -gt "$active" ] && active=$a
    sleep 0.5
  done
  echo "$open $active"
}

# CPU seconds used so far by each kind of process (kinora, nginx, postgres, redis), as
# "kinora=S nginx=S ...": where the time goes on the shared cores. wrk's comes from time(1).
cpu_by_process() {
  python3 - <<'PY'
import os
kinds = {"kinora", "nginx", "postgres", "redis-server"}
used = {}
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        stat = open(f"/proc/{pid}/stat").read()
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        if name not in kinds:  # kinora's threads rename its main one
            name = os.path.basename(os.readlink(f"/proc/{pid}/exe"))
    except OSError:
        continue
    if name in kinds:
        fields = stat[stat.rindex(")") + 2:].split()
        used[name] = used.get(name, 0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
print(" ".join(f"{k}={v:.2f}" for k, v in used.items()))
PY
}
cpu_delta() {  # before after -> "kinora 61% postgres 20% ..." (share of the CPU time used)
  awk -v a="$1" -v b="$2" 'BEGIN {
    n = split(a, xs, " "); for (i = 1; i <= n; i++) { split(xs[i], kv, "="); before[kv[1]] = kv[2] }
    n = split(b, ys, " "); for (i = 1; i <= n; i++) { split(ys[i], kv, "="); d[kv[1]] = kv[2] - before[kv[1]]; total += d[kv[1]] }
    out = ""; for (k in d) if (total > 0) out = out sprintf("%s %.0f%%, ", k, 100 * d[k] / total)
    print substr(out, 1, length(out) - 2) }'
}

measure() {  # url -> "rps p50 p99 errors pg_open pg_active"
  local cpu_before
  cpu_before=$(cpu_by_process)
  /usr/bin/time -f "%U %S" -o "$work/wrk.time" \
    wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/mixed.lua" "${auth[@]}" "$1" >"$work/wrk.out" &
  local wrk_pid=$! pg
  pg=$(pg_connections "$wrk_pid")
  wait "$wrk_pid"
  cpu_delta "$cpu_before" "$(cpu_by_process) wrk=$(awk '{ print $1 + $2 }' "$work/wrk.time")" >"$work/cpu.out"
  local summary
  summary=$(awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps=$2 }
    /^ +50%/ { p50=ms($2) }
    /^ +99%/ { p99=ms($2) }
    /Non-2xx/ { bad+=$NF }
    /Socket errors/ { gsub(/,/, ""); bad+=$4+$6+$8+$10 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }' "$work/wrk.out")
  echo "$summary $pg"
}

rows=()
read -r ref_rps ref_p50 ref_p99 ref_err ref_open ref_active < <(measure "$base")
rows+=("direct 1 $ref_rps $ref_p50 $ref_p99 $ref_err $ref_open $ref_active")
cpu_rows=("direct 1: $(cat "$work/cpu.out")")
nginx_pid=""
for n in $counts; do
  while [ "${#ports[@]}" -lt "$n" ]; do start_instance no-demo; done
  write_nginx_conf
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; fi
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
  nginx_pid=$!
  pids+=("$nginx_pid")
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/healthz" >/dev/null && break; sleep 0.1; done
  read -r rps p50 p99 err open active < <(measure "http://127.0.0.1:$nginx_port")
  rows+=("nginx $n $rps $p50 $p99 $err $open $active")
  cpu_rows+=("nginx $n: $(cat "$work/cpu.out")")
done

echo
echo "wrk -t2 -c$connections -d$duration, mixed workload (7 kinds in turn), on 127.0.0.1 ($(nproc) cores shared by"
echo "wrk, nginx, every kinora, PostgreSQL and Redis); CPU: $(cpu_model); load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-7s %9s %10s %9s %9s %8s %9s %10s %10s\n' via instances "r/s" "p50 ms" "p99 ms" errors "pg open" "pg active" "vs direct"
for r in "${rows[@]}"; do
  set -- $r
  printf '%-7s %9s %10s %9s %9s %8s %9s %10s %10s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" \
    "$(awk -v a="$3" -v b="$ref_rps" 'BEGIN { printf "%.2f", a / b }')"
done
echo
echo "Where the CPU time went during each run (all processes of each kind):"
printf '  %s\n' "${cpu_rows[@]}"
