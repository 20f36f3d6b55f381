#!/usr/bin/env bash
# Runs every test: C++ unit tests (ctest: server modules and the native encoder) and
# the API tests over real HTTP, each against SQLite and a throw-away PostgreSQL 15
# cluster on loopback. Installs what a fresh Debian 12 machine lacks first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-deps.sh
scripts/build.sh
scripts/build-docs.sh
scripts/fetch-model.sh

if [ ! -x .venv/bin/pytest ] || [ server/tests/api/requirements.txt -nt .venv/.installed ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r server/tests/api/requirements.txt
  touch .venv/.installed
fi

# The browser test's Shaka Player and playwright-core (it drives Debian's Chromium).
(cd server/tests/player && npm ci --silent --no-audit --no-fund)

pg_dir=$(mktemp -d /tmp/kinora-pg-XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'scripts/pg-test-cluster.sh stop "$pg_dir"' EXIT
export KINORA_TEST_POSTGRES_URL=$(scripts/pg-test-cluster.sh start "$pg_dir" "$pg_port")
echo "test.sh: PostgreSQL at $KINORA_TEST_POSTGRES_URL"

# A throw-away redis-server for the session store unit tests (the API tests start their own).
redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$pg_dir" >/dev/null &
redis_pid=$!
trap 'kill $redis_pid 2>/dev/null || true; scripts/pg-test-cluster.sh stop "$pg_dir"' EXIT
export KINORA_TEST_REDIS_URL="redis://127.0.0.1:$redis_port/3"

status=0
echo "== C++ tests (ctest)"
ctest --test-dir build --output-on-failure -j2 --timeout 900 2>&1 | tee build/ctest.log || status=1
echo "== API tests (pytest)"
.venv/bin/pytest server/tests/api -q -p no:cacheprovider 2>&1 | tee build/pytest.log || status=1
echo "== nginx delivery tests (pytest)"
.venv/bin/pytest server/tests/nginx -q -p no:cacheprovider 2>&1 | tee build/pytest-nginx.log || status=1

# One closing line over both runners.
count() {  # file regex -> the number in the last matching line, or 0
  grep -oE "$2" "$1" | tail -1 | grep -oE '^[0-9]+' || echo 0
}
c_total=$(sed -nE 's/.*tests failed out of ([0-9]+).*/\1/p' build/ctest.log | tail -1)
c_failed=$(sed -nE 's/.*tests passed, ([0-9]+) tests failed out of.*/\1/p' build/ctest.log | tail -1)
p_passed=0
p_failed=0
for log in build/pytest.log build/pytest-nginx.log; do
  p_passed=$(( p_passed + $(count "$log" '[0-9]+ passed') ))
  p_failed=$(( p_failed + $(count "$log" '[0-9]+ failed') + $(count "$log" '[0-9]+ errors?') ))
done
passed=$(( ${c_total:-0} - ${c_failed:-0} + p_passed ))
failed=$(( ${c_failed:-0} + p_failed ))
[ "$failed" -eq 0 ] || status=1
[ "$passed" -gt 0 ] || status=1
echo
echo "$passed passed, $failed failed"
exit $status
