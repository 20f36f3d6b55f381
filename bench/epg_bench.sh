#!/usr/bin/env bash
# The guide at scale: imports a generated ~100 MB XMLTV guide (1,000 channels x 7 days)
# with `kinora xmltv import` (wall time, peak RSS), then times GET /api/v1/epg/grid over
# 6 hours for 25 channels, a page of 50, and the whole line-up in pages of 50, against
# /healthz on the same keep-alive connection. SQLite and PostgreSQL, in one run.
#   bench/epg_bench.sh [--backends "sqlite postgres"] [--channels 1000] [--days 7]
#                      [--requests 400] [--kinora build/kinora]
# Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
backends="sqlite postgres"
channels=1000
days=7
requests=400
kinora=build/kinora
while [ $# -gt 0 ]; do
  case "$1" in
    --backends) backends=$2; shift 2 ;;
    --channels) channels=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --kinora) kinora=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$kinora" ] || scripts/build.sh

start_workdir epg-bench

guide="$work/guide.xml"
python3 bench/epg_xmltv_gen.py --channels "$channels" --days "$days" --out "$guide" >"$work/gen.txt"
guide_mb=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 1e6:.1f}')" "$guide")
echo "generated $guide_mb MB of XMLTV: $(cat "$work/gen.txt")"

# No sentence encoder: nothing here uses it (an import with the model present peaked at the
# same 80 MB). Secrets are given because a database named here is not in demo mode.
common=(--model-dir "$work/no-model" --jwt-secret "bench-jwt-secret-$(printf 'x%.0s' {1..32})"
  --media-secret "bench-media-secret-$(printf 'y%.0s' {1..32})")
quiet=(--log-level error "${common[@]}")
# A demo server packages its demo clips in the background when its media folder lacks
# them (ffmpeg, minutes of CPU): package one short clip first, so nothing runs beside
# the measurements and the repository's var/media is left alone.
media=(--media-dir "$work/media" --demo-clips 1 --demo-clip-seconds 8)
"$kinora" media build --database-url "sqlite:$work/media.db" --demo "${media[@]}" "${quiet[@]}"

# -> "seconds peak_rss_mb"
timed_import() {  # database-url
  python3 - "$kinora" xmltv import "$guide" --database-url "$1" "${quiet[@]}" <<'PY'
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:])
seconds = time.perf_counter() - started
if done.returncode != 0:
    sys.exit(f"kinora xmltv import failed ({done.returncode})")
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(f"{seconds:.1f} {peak_kb / 1024:.0f}")
PY
}

# One keep-alive client. The cases take turns request by request (a whole-line-up sweep
# every 20 rounds), so a busy machine slows them all alike and the ratios to /healthz hold.
grid_bench() {  # port backend
python3 - "$1" "$2" "$requests" <<'PY'
import http.client, json, sys, time
port, backend, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port)
def call(path, token=None, body=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    conn.request("POST" if body is not None else "GET", path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read()
    assert r.status == 200, (path, r.status, data[:300])
    return (time.perf_counter() - started) * 1000, data
token = json.loads(call("/api/v1/auth/login", body=json.dumps(
    {"email": "premium@ott.test", "password": "test123"}))[1])["access_token"]
now = int(time.time()) // 3600 * 3600
grid = f"/api/v1/epg/grid?from={now}&to={now + 6 * 3600}"
total = json.loads(call(f"{grid}&limit=1", token)[1])["total"]
pages = (total + 49) // 50
cases = {  # label -> (path of round i, target ms)
    "healthz": (lambda i: "/healthz", None),
    "25 channels": (lambda i: f"{grid}&limit=25&offset={25 * (i % (total // 25))}", 5),
    "page of 50": (lambda i: f"{grid}&limit=50&offset={50 * (i % (total // 50))}", 5),
}
times = {label: [] for label in cases}
programmes = {label: 0 for label in cases}
sweeps = []
for i in range(-5, n):  # five rounds to warm up
    for label, (path, _) in cases.items():
        ms, data = call(path(i), None if label == "healthz" else token)
        if i < 0:
            continue
        times[label].append(ms)
        if label != "healthz":
            got = sum(len(r["programmes"]) for r in json.loads(data)["items"])
            programmes[label] = max(programmes[label], got)
    if i >= 0 and i % 20 == 0:
        sweeps.append(sum(call(f"{grid}&limit=50&offset={50 * p}", token)[0] for p in range(pages)))
def pct(v, p):
    v = sorted(v); return v[min(len(v) - 1, int(len(v) * p))]
health = pct(times["healthz"], .5)
for label, (_, target) in cases.items():
    p50 = pct(times[label], .5)
    print(f"RESULT {backend} {label.replace(' ', '_')} {len(times[label])} {p50:.2f} "
          f"{pct(times[label], .99):.2f} {programmes[label] or '-'} {p50 / health:.1f} "
          f"{target or '-'} {f'{p50 / target:.2f}' if target else '-'}")
p50 = pct(sweeps, .5)
print(f"RESULT {backend} all_{total}_channels_({pages}_pages) {len(sweeps)} {p50:.2f} "
      f"{pct(sweeps, .99):.2f} - {p50 / health:.1f} 50 {p50 / 50:.2f}")
PY
}

results=()
imports=()
for backend in $backends; do
  db=$(bench_database_url "$backend" kinora_epg_bench)
  # Demo accounts and the 25 demo channels first; the guide's channels follow them.
  "$kinora" seed --demo --database-url "$db" "${quiet[@]}"
  read -r seconds rss < <(timed_import "$db")
  imports+=("$backend $seconds $rss")
  "$kinora" serve --port 0 --database-url "$db" --demo "${common[@]}" "${media[@]}" \
    --login-attempts-per-address 100000 >"$work/kinora-$backend.log" 2>&1 &
  pids+=($!)
  port=$(listening_port "$work/kinora-$backend.log")
  while read -r line; do results+=("${line#RESULT }"); done < <(grid_bench "$port" "$backend" | grep '^RESULT')
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  pids=()
done

echo
echo "XMLTV import: $guide_mb MB, $(cat "$work/gen.txt") ($(nproc) cores)"
printf '%-9s %10s %14s   %s\n' backend seconds "peak RSS MB" "targets (< 60 s, < 300 MB)"
for r in "${imports[@]}"; do
  set -- $r
  verdict=$(awk -v s="$2" -v m="$3" 'BEGIN { print (s < 60 && m < 300) ? "met" : "NOT met" }')
  printf '%-9s %10s %14s   %s (%.2f of 60 s, %.2f of 300 MB)\n' "$1" "$2" "$3" "$verdict" \
    "$(awk -v s="$2" 'BEGIN { print s / 60 }')" "$(awk -v m="$3" 'BEGIN { print m / 300 }')"
done
echo
echo "GET /api/v1/epg/grid, 6 h window, premium@ott.test, one keep-alive client on 127.0.0.1"
printf '%-9s %-28s %6s %9s %9s %11s %10s %10s %9s\n' backend case n "p50 ms" "p99 ms" programmes "p50/health" "target ms" "p50/target"
for r in "${results[@]}"; do
  set -- $r
  printf '%-9s %-28s %6s %9s %9s %11s %10s %10s %9s\n' "$1" "${2//_/ }" "$3" "$4" "$5" "$6" "$7" "$8" "$9"
done
