#!/usr/bin/env bash
# Instructions per request on the server, counted by callgrind: stable on a noisy machine,
# where requests/s are not. A normal `kinora serve` first seeds and embeds the demo
# database; then `kinora serve` runs under callgrind on it with instrumentation off, and for
# each route it is switched on for a fixed number of keep-alive requests, dumped and read.
#   bench/request_cost.sh [--requests 2000] [--backend sqlite|postgres] [--keep DIR]   (DIR: the callgrind files, for
#                                                            callgrind_annotate)
# Prints Ir per request for /healthz (no route work), a cached catalog list and detail,
# and a search with a fresh query each time (never cached; the lexical fallback here, see
# below). Loopback only; stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
requests=2000
keep=""
backend=sqlite
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --backend) backend=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v valgrind >/dev/null || { echo "request_cost: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
kinora=${KINORA_BIN:-build/kinora}  # another build to compare against
[ -x "$kinora" ] || scripts/build.sh

start_workdir request-cost
db=$(bench_database_url "$backend" kinora_cost)
secret="bench-secret-$(printf 'x%.0s' {1..32})"
serve=(serve --port 0 --database-url "$db" --media-dir "$work/media" --jwt-secret "$secret")

# Seed and embed once at full speed, so the counted server starts without work to do. It
# runs without demo mode (no demo clips packaged beside the count) and without the model:
# warming the encoder takes minutes under valgrind, so its search is the lexical fallback.
"$kinora" "${serve[@]}" --demo >"$work/seed.log" 2>&1 &
seed_pid=$!
port=$(listening_port "$work/seed.log")
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done
# Signed in here: Argon2id under valgrind would take minutes. The token outlives the restart.
token=$(curl -sf -XPOST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"premium@ott.test","password":"test123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true

OPENBLAS_NUM_THREADS=1 valgrind --tool=callgrind --fair-sched=yes --instr-atstart=no --callgrind-out-file="$work/callgrind.%p" \
  "$kinora" "${serve[@]}" --no-demo --media-secret "$secret" --model-dir "$work/no-model" \
  >"$work/kinora.log" 2>&1 &
pids+=($!)
vg_pid=$!
for _ in $(seq 1200); do  # valgrind starts it many times slower
  port=$(grep -o '"msg":"listening".*"port":[0-9]*' "$work/kinora.log" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  sleep 0.5
done
[ -n "$port" ] || { echo "request_cost: kinora did not start under valgrind: $(tail -5 "$work/kinora.log")" >&2; exit 1; }

python3 - "$port" "$requests" "$vg_pid" "$work" "$token" "$keep" <<'PY'
import glob, http.client, json, os, re, shutil, subprocess, sys
port, n, pid, work, token, keep = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
def call(path, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = f"Bearer {token}"
    conn.request("POST" if body else "GET", path, body=json.dumps(body) if body else None, headers=headers)
    r = conn.getresponse(); data = r.read()
    assert r.status == 200, (path, r.status, data[:200])
    return data
first = json.loads(call("/api/v1/catalog/titles?limit=20", token))["items"][0]["id"]
# An uncached search reads the database: fewer of those say enough.
routes = [
    ("healthz", lambda i: "/healthz", None, n),
    ("titles?limit=20 (cached)", lambda i: "/api/v1/catalog/titles?limit=20", token, n),
    ("titles/{id} (cached)", lambda i: f"/api/v1/catalog/titles/{first}", token, n),
    ("search, fresh (lexical)", lambda i: f"/api/v1/catalog/search?q=space+adventure+{i}", token, max(n // 10, 3)),
]
def control(*args):
    subprocess.run(["callgrind_control", *args, pid], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def dumped_ir(name):
    total = 0
    for f in glob.glob(os.path.join(work, f"callgrind.{pid}.*")):
        with open(f) as fh:
            for line in fh:  # "summary:" near the top can be 0; "totals:" closes the file
                if line.startswith("totals:"):
                    total += int(line.split()[1])
        if keep:
            os.makedirs(keep, exist_ok=True)
            shutil.move(f, os.path.join(keep, re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + "." + f.rsplit(".", 1)[1]))
        else:
            os.remove(f)
    return total
print(f"\nInstructions per request (callgrind Ir, all threads), keep-alive", flush=True)
for name, path, tok, count in routes:
    for i in range(3): call(path(-i - 1), tok)  # warm the cache and the connection
    control("-z"); control("-i", "on")
    for i in range(count): call(path(i), tok)
    control("-i", "off"); control("-d")
    print(f"  {name:28s} {dumped_ir(name) / count:14,.0f} Ir/request  ({count} requests)", flush=True)
PY
