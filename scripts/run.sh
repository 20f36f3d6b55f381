#!/usr/bin/env bash
# Builds Kinora and serves it with the embedded defaults: SQLite in var/, demo data,
# the web apps and API docs, on http://127.0.0.1:8000. Extra arguments go to `kinora serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
scripts/build-docs.sh
scripts/build-web.sh
exec build/kinora serve "$@"
