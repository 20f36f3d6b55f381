#!/usr/bin/env bash
# Recommendation latency at MovieLens size (~9,700 titles, 100k ratings): `kinora eval`
# builds the catalog and viewing history, `kinora serve` serves it on loopback, and one
# keep-alive client per profile times GET /api/v1/recommendations/home and
# /api/v1/recommendations/similar/{id}. References in the same run, same client:
# /healthz (no database) and an authenticated title detail (one JWT check, one read).
#   bench/recs_bench.sh [--requests 300] [--db FILE] [--data DIR] [--plots DIR]
# --db reuses a database `kinora eval --database-url sqlite:FILE` left behind.
# Bounded: a fixed number of requests; everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
requests=300
db=""
eval_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --data|--plots) eval_args+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
kinora=${KINORA_BIN:-build/kinora}
[ -x "$kinora" ] || scripts/build.sh

start_workdir recs-bench

if [ -z "$db" ]; then
  db="$work/eval.db"
  echo "building the MovieLens catalog and history (kinora eval, a few minutes)..."
  "$kinora" eval --database-url "sqlite:$db" "${eval_args[@]}" | tee "$work/eval.txt"
fi
[ -f "$db" ] || { echo "no database at $db" >&2; exit 1; }

secret="bench-secret-$(printf 'x%.0s' {1..32})"
"$kinora" serve --port 0 --database-url "sqlite:$db" --no-demo --jwt-secret "$secret" \
  --media-secret "$secret" --media-dir "$work/media" --login-attempts-per-address 100000 \
  >"$work/kinora.log" 2>&1 &
pids+=($!)
port=$(listening_port "$work/kinora.log")
grep -o '"msg":"\(vector index loaded from file\|embeddings ready\)"[^}]*' "$work/kinora.log" || true

# Profiles with real history: the median user by number of ratings, and the heaviest.
read -r median heaviest < <(python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = db.execute("SELECT a.email, COUNT(*) FROM bookmarks b JOIN profiles p ON p.id = b.profile_id "
                  "JOIN accounts a ON a.id = p.account_id GROUP BY a.email ORDER BY 2, 1").fetchall()
print(rows[len(rows) // 2][0], rows[-1][0])
PY
)

latency() {  # port email requests
python3 - "$@" <<'PY'
import http.client, json, sys, time
port, email, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port)
def call(path, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    started = time.perf_counter()
    conn.request("POST" if body else "GET", path, body=json.dumps(body) if body else None, headers=headers)
    r = conn.getresponse()
    data = r.read()
    assert r.status in (200, 201), (path, r.status, data[:300])
    return (time.perf_counter() - started) * 1000, data
token = json.loads(call("/api/v1/auth/login", body={"email": email, "password": "movielens"})[1])["access_token"]
rails = json.loads(call("/api/v1/recommendations/home", token)[1])["rails"]
history = json.loads(call("/api/v1/viewing/history?limit=1", token)[1]).get("total", "?")
for_you = next(r for r in rails if r["id"] == "for-you")
# More Like This anchors: the most popular titles, so every request searches anew.
popular = json.loads(call("/api/v1/catalog/titles?sort=popularity&limit=50", token)[1])["items"]
anchors = [t["id"] for t in popular]
paths = {
    "healthz": lambda i: "/healthz",
    "title detail": lambda i: f"/api/v1/catalog/titles/{anchors[i % len(anchors)]}",
    "home": lambda i: "/api/v1/recommendations/home",
    "similar": lambda i: f"/api/v1/recommendations/similar/{anchors[i % len(anchors)]}",
}
def pct(v, p):
    v = sorted(v); return v[min(len(v) - 1, int(len(v) * p))]
print(f"{email}: {history} titles in history; For You: {len(for_you['items'])} titles ({for_you['reason']})")
figures = {}
for name, path in paths.items():
    for i in range(20):
        call(path(i), token)  # warm-up
    times = [call(path(i), token)[0] for i in range(n)]
    figures[name] = (pct(times, .5), pct(times, .99))
ref = figures["title detail"][0]
for name, (p50, p99) in figures.items():
    target = {"home": 10, "similar": 5}.get(name)
    verdict = f"target p50 < {target} ms: {'met' if p50 < target else 'NOT met'}" if target else ""
    print(f"  {name:13s} n={n} p50 {p50:7.2f} ms  p99 {p99:7.2f} ms  p50/title-detail {p50 / ref:6.1f}x  {verdict}")
PY
}

echo
echo "Recommendation latency, one keep-alive client on 127.0.0.1 ($(nproc) cores), $requests requests each"
latency "$port" "$median" "$requests"
latency "$port" "$heaviest" "$requests"
