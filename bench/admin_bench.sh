#!/usr/bin/env bash
# Admin route latency at MovieLens size (~9,700 titles, 610 accounts and profiles, ~80k
# viewings): `kinora eval import` fills a database, `kinora seed --demo` adds the demo
# accounts (an admin among them), `kinora serve` serves it on loopback, and one keep-alive
# client times GET /api/v1/admin/stats, /api/v1/admin/accounts (first page, and a search)
# and Ask the data (every template's question) against /healthz (no database) in the same
# run, on SQLite and PostgreSQL.
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
shared=${KINORA_SHARED_DATA:-../shared/data}
wait_ready() {  # port: until every title has its vector (up to 10 minutes)
  for _ in $(seq 1 1200); do
    curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0
    sleep 0.5
  done
  echo "admin_bench: the server did not become ready" >&2
  return 1
}
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

# Ask the data: every template's own question over all time (MovieLens dates are old),
# so each reads its whole table; channel and title questions name one that exists.
from urllib.parse import quote
templates = json.loads(call("/api/v1/admin/insights/questions", token)[1])["items"]
channel = json.loads(call("/api/v1/epg/channels?limit=1", token)[1])["items"][0]["number"]
asked, per_template, every = 0, [], []
for t in templates:
    q = t["question"].replace("channel 12", f"channel {channel}")
    if any(p["name"] == "title" and p["required"] for p in t["parameters"]):
        q += ' "Toy Story"'
    q = q.replace("this week", "").replace("this month", "") + " overall"
    path = "/api/v1/admin/insights/answer?q=" + quote(q)
    answer = json.loads(call(path, token)[1])
    assert answer["matched"] and answer["template"]["id"] == t["id"], (q, answer["template"])
    times = [call(path, token)[0] for _ in range(max(5, n // 30))]
    every += times
    asked += 1
    per_template.append((pct(times, .99), t["id"]))
p50, p99 = pct(every, .5), pct(every, .99)
per_template.sort(reverse=True)
worst = per_template[0]
print(f"  {'ask the data':12s} n={len(every)} ({asked} questions) p50 {p50:7.2f} ms  p99 {p99:7.2f} ms  "
      f"slowest {worst[1]} p99 {worst[0]:.1f} ms  target < 200 ms: {'met' if worst[0] < 200 else 'NOT met'}")
print("    slowest questions (p99): " + ", ".join(f"{name} {ms:.1f} ms" for ms, name in per_template[:5]))
PY
}

out=()
for backend in $backends; do
  db=$(bench_database_url "$backend" kinora_admin_bench)
  echo "importing MovieLens into $backend (kinora eval import)..."
  "$kinora" eval import --database-url "$db" "${import_args[@]}"
  "$kinora" seed --demo --database-url "$db" --jwt-secret "$secret" --media-secret "$secret" \
    --log-level warn
  # Ask the data's sources at the same size: a play start per viewing (and channel plays on
  # a real guide's channels), 20,000 searches.
  "$kinora" xmltv import "$shared/epg/kazer_fr_2014-02-17_xmltv.xml" --database-url "$db" \
    --log-level warn
  python3 bench/insights_logs.py "$db"
  # The sentence encoder matches the questions; the catalog's vectors are embedded in the
  # background at start, and the measurements wait for them (/readyz).
  "$kinora" serve --port 0 --no-demo --database-url "$db" --jwt-secret "$secret" \
    --media-secret "$secret" --media-dir "$work/media" \
    --login-attempts-per-address 100000 >"$work/kinora-$backend.log" 2>&1 &
  pids+=($!)
  port=$(listening_port "$work/kinora-$backend.log")
  wait_ready "$port"
  out+=("$(latency "$port" "$requests" "$backend")")
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  pids=()
done

echo
echo "Admin route latency, one keep-alive client on 127.0.0.1 ($(nproc) cores), $requests requests each"
echo "CPU: $(cpu_model)"
printf '%s\n' "${out[@]}"
