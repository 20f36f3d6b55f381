#!/usr/bin/env bash
# The sanitizer runs of `make test`, which calls this script's two steps:
#   scripts/test-sanitizers.sh build   build/asan: the server and every test built with
#                                      AddressSanitizer + UndefinedBehaviorSanitizer;
#                                      build/tsan: the unit tests with ThreadSanitizer
#   scripts/test-sanitizers.sh run     ctest in build/asan (every C++ test, both backends
#                                      when KINORA_TEST_POSTGRES_URL is set), and the
#                                      concurrency-heavy unit tests in build/tsan
# With no argument it does both. scripts/test.sh also runs the API suite's PostgreSQL half
# on build/asan/kinora (KINORA_SANITIZED_BIN, see server/tests/api/conftest.py). Any report
# fails the run: the sanitizers stop the process and exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(pwd)} CCACHE_NOHASHDIR=true
step=${1:-all}

source scripts/sanitizer-options.sh

# The suites where threads meet: the database pool and its backends, the media job
# claimers, the session stores and sign-in counters (in process and Redis), periodic jobs
# and the embedding job, the response cache, metrics and the logger, and the HTTP server
# (at-once answers, uploads).
tsan_filter='database_pool.*:*database_suite*:*session_store*:*attempt_counters*:periodic_task.*'
tsan_filter+=':ResponseCache.*:metrics.*:Logger.*:*title_vectors_suite*:*co_watch_suite*'
tsan_filter+=':*auth_service_suite*:at_once_suite.*:upload_spool_suite.*:*asset_store_suite*'

# -O1 -g1: line numbers in the reports, and less to compile than -O2 -g on two cores.
configure() {  # dir sanitizers
  if [ ! -f "$1/build.ninja" ]; then
    cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" \
      -DKINORA_SANITIZE="$2" >/dev/null
  fi
}

if [ "$step" = build ] || [ "$step" = all ]; then
  configure build/asan address,undefined
  cmake --build build/asan -j "${KINORA_BUILD_JOBS:-2}"
  configure build/tsan thread
  cmake --build build/tsan -j "${KINORA_BUILD_JOBS:-2}" --target kinora_unit_tests
fi

if [ "$step" = run ] || [ "$step" = all ]; then
  status=0
  echo "== C++ tests under ASan+UBSan (ctest, build/asan)"
  ctest --test-dir build/asan --output-on-failure -j2 --timeout 1800 2>&1 | tee build/ctest-asan.log || status=1
  echo "== concurrency tests under TSan (build/tsan)"
  build/tsan/server/tests/kinora_unit_tests --gtest_filter="$tsan_filter" --gtest_brief=1 2>&1 |
    tee build/tsan.log || status=1
  exit $status
fi
