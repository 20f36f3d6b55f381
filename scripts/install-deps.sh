#!/usr/bin/env bash
# Installs everything a fresh Debian 12 machine needs to build, run and test Kinora.
# Idempotent: apt skips what is present, npm and pip reuse their caches.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

APT_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git curl ca-certificates
  libboost1.81-dev libboost-json1.81-dev
  libsqlite3-dev libpq-dev postgresql-15 postgresql-contrib
  libsodium-dev libutf8proc-dev libxml2-dev xmltv-util libopenblas-dev libhnswlib-dev libssl-dev libhiredis-dev
  libgtest-dev googletest
  ffmpeg fonts-dejavu-core redis-server chromium
  nginx-light wrk
  python3 python3-venv python3-pip
)
# Node 20 usually comes with the machine; Debian's nodejs is only the fallback.
command -v node >/dev/null || APT_PACKAGES+=(nodejs npm)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
