#!/usr/bin/env bash
# Configures and builds the server and its tests into build/ (Ninja, 2 jobs, ccache).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${KINORA_BUILD_TYPE:-RelWithDebInfo}"
elif grep -q '^GTest_DIR:PATH=.*NOTFOUND' build/CMakeCache.txt 2>/dev/null; then
  cmake -S . -B build >/dev/null  # GoogleTest was installed since (make test after make run)
fi
cmake --build build -j "${KINORA_BUILD_JOBS:-2}"
