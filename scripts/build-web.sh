#!/usr/bin/env bash
# Builds the web apps (web/client, and web/admin once it exists) when their sources
# changed since the last build. npm installs exactly what web/package-lock.json records.
set -euo pipefail
cd "$(dirname "$0")/../web"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "build-web.sh: npm ci"
  npm ci --silent --no-audit --no-fund
fi

for app in client admin; do
  [ -f "$app/package.json" ] || continue
  built="$app/dist/index.html"
  # Sources of this app and of what it shares; the lockfile stands for its dependencies.
  if [ -f "$built" ] && [ -z "$(find "$app" shared package-lock.json ../docs/api/openapi.json \
      -path '*/node_modules' -prune -o -path "$app/dist" -prune -o -type f -newer "$built" -print -quit)" ]; then
    continue
  fi
  echo "build-web.sh: building web/$app"
  npm run build --silent -w "@kinora/$app" >/dev/null
done
