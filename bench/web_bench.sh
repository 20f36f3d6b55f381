#!/usr/bin/env bash
# The viewer app against its budgets (issue 12): JavaScript the home page loads (gzip),
# Lighthouse performance and accessibility on home, title and guide (desktop preset),
# largest contentful paint on loopback, and the guide with a generated 1,000-channel
# XMLTV import: most DOM nodes and the longest main-thread task while scrolling it all.
#   bench/web_bench.sh            (BENCH_CHANNELS=1000 by default)
# Everything runs on 127.0.0.1 in Debian's Chromium and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
scripts/install-deps.sh
scripts/build.sh
scripts/build-web.sh
echo "CPU: $(cpu_model), $(nproc) cores"
cd web && exec node e2e/bench/web-bench.mjs
