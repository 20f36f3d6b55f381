#!/usr/bin/env bash
# Builds the API reference served at /docs: Swagger UI (npm's swagger-ui-dist, pinned in
# web/docs/package-lock.json) plus our page, copied into web/docs/dist/. The page loads the
# document the server serves at /api/v1/openapi.json. Idempotent: reinstalls the npm
# package only when node_modules is missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/../web/docs"

if ! command -v npm >/dev/null 2>&1; then
  echo "build-docs.sh: npm is required (scripts/install-deps.sh installs it)" >&2
  exit 1
fi

stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "build-docs.sh: npm ci (swagger-ui-dist)"
  # --ignore-scripts: swagger-ui-dist's dependency @scarf/scarf only phones home on install.
  SCARF_ANALYTICS=false npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  touch "$stamp"
fi

dist=dist
src=node_modules/swagger-ui-dist
mkdir -p "$dist.tmp"
cp index.html init.js "$dist.tmp/"
cp "$src/swagger-ui.css" "$src/swagger-ui-bundle.js" "$src/swagger-ui-standalone-preset.js" \
   "$src/favicon-32x32.png" "$dist.tmp/"
# Swap in the new folder whole, so a running server never serves half a build.
rm -rf "$dist.old"
[ -d "$dist" ] && mv "$dist" "$dist.old"
mv "$dist.tmp" "$dist"
rm -rf "$dist.old"
echo "build-docs.sh: web/docs/dist ready ($(ls "$dist" | wc -l) files, swagger-ui-dist $(node -p "require('./$src/package.json').version" 2>/dev/null || echo '?'))"
