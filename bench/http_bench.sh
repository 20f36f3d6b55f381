#!/usr/bin/env bash
# Catalog API throughput against nginx serving the same response bytes as static files.
# Same machine, same run, same wrk settings; prints requests/s, p50, p99 and ratios.
# The cached list and detail pages are measured against nginx; a search with a fresh query
# on every request (never cached: it reads the database and encodes the query) against
# kinora's own /healthz, which does no route work. Each cached route is timed in --rounds
# rounds that alternate kinora and nginx, so both see the same load on a shared machine;
# the table shows the median round of each.
#   bench/http_bench.sh [--duration 5s] [--rounds 3] [--connections 64] [--backends "sqlite postgres"]
# Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
duration=5s
rounds=3
connections=64
backends="sqlite postgres"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --backends) backends=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null && command -v nginx >/dev/null || scripts/install-deps.sh
[ -x build/kinora ] || scripts/build.sh

start_workdir bench



# wrk's summary -> "rps p50_ms p99_ms"
measure() {  # url [token] [lua script]
  local out args=(-t2 -c"$connections" -d"$duration" --latency)
  [ -n "${2:-}" ] && args+=(-H "Authorization: Bearer $2")
  [ -n "${3:-}" ] && args+=(-s "$3")
  out=$(wrk "${args[@]}" "$1")
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps=$2 }
    /^ +50%/ { p50=ms($2) }
    /^ +99%/ { p99=ms($2) }
    /Non-2xx/ { bad=$NF }
    END { if (bad > 0) { print "non-2xx responses: " bad > "/dev/stderr" }; printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

# "rps p50 p99" lines -> the median of each column
median_round() {
  printf '%s\n' "$@" | awk '{ for (i = 1; i <= 3; i++) v[i, NR] = $i }
    END { for (i = 1; i <= 3; i++) { n = 0; for (r = 1; r <= NR; r++) a[++n] = v[i, r]
            for (x = 1; x <= n; x++) for (y = x + 1; y <= n; y++) if (a[y] < a[x]) { t = a[x]; a[x] = a[y]; a[y] = t }
            printf "%s%s", a[int((n + 1) / 2)], (i < 3 ? " " : "\n") } }'
}

results=()
searches=()
for backend in $backends; do
  db=$(bench_database_url "$backend" kinora_bench)
  build/kinora serve --port 0 --database-url "$db" --demo --jwt-secret "bench-secret-$(printf 'x%.0s' {1..32})" \
    --login-attempts-per-address 100000 >"$work/kinora-$backend.log" 2>&1 &
  pids+=($!)
  kport=$(listening_port "$work/kinora-$backend.log")
  base="http://127.0.0.1:$kport"
  # Measure a settled server: the demo titles embedded, and PostgreSQL's clean-up of the
  # freshly seeded tables done rather than sharing the cores with the run.
  for _ in $(seq 240); do curl -sf "$base/readyz" >/dev/null && break; sleep 0.5; done
  if [ "$backend" = postgres ]; then psql "$db" -qc "VACUUM ANALYZE" >/dev/null; fi
  token=$(curl -sf -XPOST "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d '{"email":"premium@ott.test","password":"test123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  list_path="/api/v1/catalog/titles?limit=20"
  id=$(curl -sf "$base$list_path" -H "Authorization: Bearer $token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  detail_path="/api/v1/catalog/titles/$id"

  # nginx serves the very bytes kinora answered with.
  mkdir -p "$work/www"
  curl -sf "$base$list_path" -H "Authorization: Bearer $token" -o "$work/www/list.json"
  curl -sf "$base$detail_path" -H "Authorization: Bearer $token" -o "$work/www/detail.json"
  nport=$(free_port)
  reference_nginx_conf "$work" "$nport" application/json \
    "location = /api/v1/catalog/titles { alias $work/www/list.json; }" \
    "location = $detail_path { alias $work/www/detail.json; }"
  nginx -c "$work/nginx.conf" -p "$work" &
  pids+=($!)
  sleep 0.5

  for endpoint in list detail; do
    path=$list_path; [ $endpoint = detail ] && path=$detail_path
    curl -sf "$base$path" -H "Authorization: Bearer $token" >/dev/null
    curl -sf "http://127.0.0.1:$nport$path" >/dev/null
    k=() n=()
    for round in $(seq "$rounds"); do
      k+=("$(measure "$base$path" "$token")")
      n+=("$(measure "http://127.0.0.1:$nport$path")")
      echo "$backend $endpoint round $round: kinora ${k[-1]}, nginx ${n[-1]} (r/s p50 p99)," \
           "load $(cut -d' ' -f1 /proc/loadavg)" >&2
    done
    results+=("$backend $endpoint $(median_round "${k[@]}") $(median_round "${n[@]}")")
  done
  # A fresh query each request: wrk's Lua numbers them per thread.
  cat >"$work/fresh-search.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/catalog/search?q=night+train+" .. n .. "+" .. math.random(1e9))
end
LUA
  read -r s_rps s_p50 s_p99 < <(measure "$base/api/v1/catalog/search" "$token" "$work/fresh-search.lua")
  read -r h_rps h_p50 h_p99 < <(measure "$base/healthz")
  searches+=("$backend $s_rps $s_p50 $s_p99 $h_rps $h_p50 $h_p99")
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  pids=()
done

echo
echo "wrk -t2 -c$connections -d$duration, median of $rounds alternating rounds, on 127.0.0.1 ($(nproc) cores, wrk shares them), CPU: $(cpu_model)"
printf '%-9s %-7s %10s %9s %9s | %10s %9s %9s | %9s  %s\n' backend route "kinora r/s" "p50 ms" "p99 ms" "nginx r/s" "p50 ms" "p99 ms" "rps ratio" "targets (ratio>=0.8, p99<5ms)"
for r in "${results[@]}"; do
  set -- $r
  ratio=$(awk -v a="$3" -v b="$6" 'BEGIN { printf "%.2f", a / b }')
  verdict=$(awk -v r="$ratio" -v p="$5" 'BEGIN { print (r >= 0.8 && p < 5) ? "met" : "NOT met" }')
  printf '%-9s %-7s %10s %9s %9s | %10s %9s %9s | %9s  %s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$ratio" "$verdict"
done
echo
echo "Uncached: a search with a fresh query per request, against kinora's /healthz"
printf '%-9s %10s %9s %9s | %11s %9s %9s | %9s\n' backend "search r/s" "p50 ms" "p99 ms" "healthz r/s" "p50 ms" "p99 ms" "rps ratio"
for r in "${searches[@]}"; do
  set -- $r
  ratio=$(awk -v a="$2" -v b="$5" 'BEGIN { printf "%.3f", a / b }')
  printf '%-9s %10s %9s %9s | %11s %9s %9s | %9s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$ratio"
done
