#!/usr/bin/env bash
# What --sqlite-synchronous full costs against normal: `kinora serve` on loopback twice in
# the same run (own SQLite database each), a viewer PUTting bookmark positions over one
# keep-alive connection, one at a time (each an acknowledged commit) and then from 8
# clients at once. Prints writes/s for each setting and the full/normal ratio.
#   bench/durability_bench.sh [--writes 2000]
# Bounded: each phase is a fixed count of requests with a 30 s client timeout each.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
writes=2000
while [ $# -gt 0 ]; do
  case "$1" in
    --writes) writes=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
kinora=${KINORA_BIN:-build/kinora}
[ -x "$kinora" ] || scripts/build.sh
py=python3
[ -x .venv/bin/python ] && py=.venv/bin/python

start_workdir durability-bench
secret="bench-secret-$(printf 'x%.0s' {1..32})"

for mode in normal full; do
  db="sqlite:$work/$mode.db"
  common=(--database-url "$db" --jwt-secret "$secret" --media-secret "$secret" --media-dir "$work/media-$mode")
  "$kinora" seed --demo "${common[@]}" --log-level warn
  "$kinora" serve --port 0 --no-demo "${common[@]}" --sqlite-synchronous "$mode" \
    --model-dir "$work/no-model" >"$work/$mode.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  port=$(listening_port "$work/$mode.log")
  "$py" - "$port" "$writes" "$mode" >"$work/$mode.result" <<'PY'
import sys, time, requests
from concurrent.futures import ThreadPoolExecutor
port, writes, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
base = f"http://127.0.0.1:{port}"
r = requests.post(base + "/api/v1/auth/login", json={"email": "premium@ott.test", "password": "test123"}, timeout=30)
token = r.json()["access_token"]
titles = requests.get(base + "/api/v1/catalog/titles", params={"type": "movie", "limit": 50},
                      headers={"Authorization": f"Bearer {token}"}, timeout=30).json()["items"]
def put(session, i):
    t = titles[i % len(titles)]["id"]
    r = session.put(f"{base}/api/v1/viewing/bookmarks/{t}", json={"position_seconds": 1 + i % 5000},
                    headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert r.status_code == 200, r.text
s = requests.Session()
started = time.perf_counter()
for i in range(writes):
    put(s, i)
serial = writes / (time.perf_counter() - started)
sessions = [requests.Session() for _ in range(8)]
started = time.perf_counter()
with ThreadPoolExecutor(8) as pool:
    list(pool.map(lambda i: put(sessions[i % 8], i), range(writes)))
parallel = writes / (time.perf_counter() - started)
print(f"{serial:.1f} {parallel:.1f}")
PY
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
read -r ns np <"$work/normal.result"
read -r fs fp <"$work/full.result"
echo "CPU: $(cpu_model); $writes bookmark PUTs per phase, SQLite WAL on $(df -T "$work" | awk 'NR==2{print $2}')"
printf "one client : normal %8.1f writes/s   full %8.1f writes/s   full/normal %.2f\n" "$ns" "$fs" "$(echo "$fs / $ns" | bc -l)"
printf "8 clients  : normal %8.1f writes/s   full %8.1f writes/s   full/normal %.2f\n" "$np" "$fp" "$(echo "$fp / $np" | bc -l)"
