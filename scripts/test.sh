#!/usr/bin/env bash
# Runs every test: C++ unit tests (ctest: server modules and the native encoder), again
# under ASan+UBSan and the concurrency-heavy ones under TSan (scripts/test-sanitizers.sh),
# the API tests over real HTTP, each against SQLite and a throw-away PostgreSQL 15 cluster
# on loopback (the PostgreSQL half on the ASan+UBSan build), the C++ format, warning and
# clang-tidy checks, and the web apps' checks, unit tests and browser journeys (Debian's
# Chromium against a real kinora serve). Installs what a fresh Debian 12 machine lacks first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-deps.sh --test

# ../shared holds the test data (MovieLens, real XMLTV/M3U files) and the encoder's golden
# outputs. A clone without it still runs everything else; CI must run everything.
shared="$root/../shared"
shared_missing=""
if [ ! -d "$shared/data" ] || [ ! -d "$shared/models" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "test.sh: $shared (data/, models/) is missing; with CI=true every suite must run" >&2
    exit 1
  fi
  shared_missing=1
  echo "test.sh: no $shared: the suites that need it are skipped (listed at the end)"
fi
mkdir -p build
scripts/build.sh 2>&1 | tee build/build.log  # ccache replays a cached object's warnings
scripts/test-sanitizers.sh build
scripts/build-docs.sh
scripts/build-web.sh
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
scripts/test-sanitizers.sh run || status=1
echo "== API tests (pytest; the PostgreSQL half on the ASan+UBSan build)"
(source scripts/sanitizer-options.sh && KINORA_SANITIZED_BIN=build/asan/kinora \
  .venv/bin/pytest server/tests/api -q -p no:cacheprovider) 2>&1 | tee build/pytest.log || status=1
echo "== nginx delivery tests (pytest)"
.venv/bin/pytest server/tests/nginx -q -p no:cacheprovider 2>&1 | tee build/pytest-nginx.log || status=1
echo "== C++ format (clang-format, .clang-format)"
if clang-format --dry-run -Werror $(git ls-files 'server/*.cpp' 'server/*.hpp') 2>&1 | tee build/format.log; then c_format=0; else c_format=1; status=1; fi
echo "== C++ warnings (KINORA_WARNINGS: -Wall -Wextra -Wpedantic -Wshadow -Wconversion ...)"
if grep -E ': warning: ' build/build.log | tee build/warnings.log | grep -q .; then c_warn=1; status=1; else c_warn=0; fi
echo "== C++ static analysis (clang-tidy, .clang-tidy)"
if scripts/tidy.sh 2>&1 | tail -40; then c_tidy=0; else c_tidy=1; status=1; fi
echo "== web: types, lint, format (npm run check)"
if (cd web && npm run check --silent) 2>&1 | tee build/web-check.log; then w_check=0; else w_check=1; status=1; fi
echo "== web: unit tests (vitest)"
(cd web && npx vitest run) 2>&1 | tee build/vitest.log || status=1
echo "== web: browser journeys (node --test, Chromium)"
(cd web && npm run e2e --silent) 2>&1 | tee build/e2e.log || status=1

# One closing line over every runner.
count() {  # file regex -> the number in the last matching line, or 0
  grep -oE "$2" "$1" | tail -1 | grep -oE '^[0-9]+' || echo 0
}
c_total=0
c_failed=0
for log in build/ctest.log build/ctest-asan.log; do
  total=$(sed -nE 's/.*tests failed out of ([0-9]+).*/\1/p' "$log" | tail -1)
  failed=$(sed -nE 's/.*tests passed, ([0-9]+) tests failed out of.*/\1/p' "$log" | tail -1)
  [ -n "$total" ] || failed=$(( ${failed:-0} + 1 ))  # that ctest did not run to the end
  c_total=$(( c_total + ${total:-0} ))
  c_failed=$(( c_failed + ${failed:-0} ))
done
t_passed=$(grep -oE 'PASSED  \] [0-9]+' build/tsan.log | grep -oE '[0-9]+$' | tail -1 || true)
t_failed=$(grep -oE 'FAILED  \] [0-9]+' build/tsan.log | grep -oE '[0-9]+$' | tail -1 || true)
[ -n "$t_passed" ] || t_failed=$(( ${t_failed:-0} + 1 ))  # the TSan run did not finish
p_passed=0
p_failed=0
for log in build/pytest.log build/pytest-nginx.log; do
  p_passed=$(( p_passed + $(count "$log" '[0-9]+ passed') ))
  p_failed=$(( p_failed + $(count "$log" '[0-9]+ failed') + $(count "$log" '[0-9]+ errors?') ))
done
v_passed=$(count build/vitest.log '[0-9]+ passed')
v_failed=$(count build/vitest.log '[0-9]+ failed')
e_passed=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' build/e2e.log | tail -1)
e_failed=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' build/e2e.log | tail -1)
[ -n "$e_passed" ] || e_failed=$(( ${e_failed:-0} + 1 ))  # the journeys did not run to the end
checks=$(( (1 - c_format) + (1 - c_warn) + (1 - c_tidy) + (1 - w_check) ))
passed=$(( ${c_total:-0} - ${c_failed:-0} + ${t_passed:-0} + p_passed + checks + v_passed + ${e_passed:-0} ))
failed=$(( ${c_failed:-0} + ${t_failed:-0} + p_failed + c_format + c_warn + c_tidy + w_check + v_failed + ${e_failed:-0} ))
[ "$failed" -eq 0 ] || status=1
[ "$passed" -gt 0 ] || status=1
skipped=$(( $(count build/pytest.log '[0-9]+ skipped') + $(count build/pytest-nginx.log '[0-9]+ skipped') \
  + $(grep -c '(Skipped)' build/ctest.log || true) + $(sed -nE 's/^# skipped ([0-9]+)$/\1/p' build/e2e.log | tail -1 | grep . || echo 0) ))
echo
if [ -n "$shared_missing" ]; then
  echo "Skipped for want of $shared: the encoder's parity with sentence-transformers' golden vectors"
  echo "(ctest), the MovieLens evaluation and the real-world XMLTV/M3U imports (API tests, journeys)."
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
