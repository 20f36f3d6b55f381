#!/usr/bin/env bash
# Admin route latency at MovieLens size (~9,700 titles, 610 accounts and profiles, ~80k
# viewings): `kinora eval import` fills a database, `kinora seed --demo` adds the demo
# accounts (an admin among them), `kinora serve` serves it on loopback, and one keep-alive
# client times GET /api/v1/admin/stats and /api/v1/admin/accounts (first page, and a
# search) against /healthz (no database) in the same run, on SQLite and PostgreSQL.
#   bench/admin_bench.sh [--requests 300] [--backends "sqlite postgres"] [--data DIR]
# Bounded: a fixed number of requests; everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
requests=300
backends="sqlite postgres"
import_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2; shift 2 ;;
    --backends) backends=$2; shift 2 ;;
    --data|--plots) import_args+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
kinora=${KINORA_BIN:-build/kinora}
[ -x "$kinora" ] || scripts/build.sh

start_workdir admin-bench
secret="bench-secret-$(printf 'x%.0s' {1..32})"

latency() {  # port requests backend
python3 - "$@" <<'PY'
import http.client, json, sys, time
port, n, backend = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
conn = http.client.HTTPConnection("127.0.0.1", port)
def call(path, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    started = time.perf_counter()
    conn.request("POST" if body else "GET", path, body=json.dumps(body) if body else None, headers=headers)
    r = conn.getresponse()
    data = r.read()
    assert r.status == 200, (path, r.status, data[:300])
    return (time.perf_counter() - started) * 1000, data
token = json.loads(call("/api/v1/auth/login", body={"email": "admin@ott.test", "password": "admin123"})[1])["access_token"]
stats = json.loads(call("/api/v1/admin/stats", token)[1])
accounts = json.loads(call("/api/v1/admin/accounts", token)[1])
found = json.loads(call("/api/v1/admin/accounts?q=movielens-4", token)[1])
print(f"{backend}: {stats['titles']['total']} titles, {stats['accounts']['total']} accounts, {sum(d['plays'] for d in stats['plays_per_day'])} plays in 7 days; accounts page {len(accounts['items'])} "
      f"of {accounts['total']}; q=movielens-4 matches {found['total']}")
paths = {
    "healthz": "/healthz",
    "admin stats": "/api/v1/admin/stats",
    "accounts": "/api/v1/admin/accounts",
    "accounts q=": "/api/v1/admin/accounts?q=movielens-4",
}
def pct(v, p):
    v = sorted(v); return v[min(len(v) - 1, int(len(v) * p))]
for name, path in paths.items():
    for _ in range(20):
        call(path, token)  # warm-up
    times = [call(path, token)[0] for _ in range(n)]
    p50, p99 = pct(times, .5), pct(times, .99)
    verdict = "" if name == "healthz" else f"target p99 < 50 ms: {'met' if p99 < 50 else 'NOT met'}"
    print(f"  {name:12s} n={n} p50 {p50:7.2f} ms  p99 {p99:7.2f} ms  {verdict}")
PY
}

out=()
for backend in $backends; do
  db=$(bench_database_url "$backend" kinora_admin_bench)
  echo "importing MovieLens into $backend (kinora eval import)..."
  "$kinora" eval import --database-url "$db" "${import_args[@]}"
  "$kinora" seed --demo --database-url "$db" --jwt-secret "$secret" --media-secret "$secret" \
    --log-level warn
  # No sentence encoder: the admin routes do not use it, and the server starts at once.
  "$kinora" serve --port 0 --no-demo --database-url "$db" --jwt-secret "$secret" \
    --media-secret "$secret" --media-dir "$work/media" --model-dir "$work/no-model" \
    --login-attempts-per-address 100000 >"$work/kinora-$backend.log" 2>&1 &
  pids+=($!)
  port=$(listening_port "$work/kinora-$backend.log")
  out+=("$(latency "$port" "$requests" "$backend")")
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  pids=()
done

echo
echo "Admin route latency, one keep-alive client on 127.0.0.1 ($(nproc) cores), $requests requests each"
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
printf '%s\n' "${out[@]}"
