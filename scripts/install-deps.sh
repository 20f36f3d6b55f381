#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and run Kinora, or, with --test,
# also to test it (PostgreSQL server, Redis, nginx, Chromium, wrk, GoogleTest, XMLTV tools,
# lintian and fakeroot for the Debian package test, clang-format for the style check,
# clang-tidy for `make tidy`).
# Idempotent: a machine that has everything installs nothing and asks for nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

RUN_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git curl ca-certificates
  libboost1.81-dev libboost-json1.81-dev
  libsqlite3-dev libpq-dev libsodium-dev libutf8proc-dev libxml2-dev libopenblas-dev
  libhnswlib-dev libssl-dev libhiredis-dev
  ffmpeg fonts-dejavu-core
  python3 python3-venv python3-pip
)
TEST_PACKAGES=(
  postgresql-15 postgresql-contrib redis-server chromium nginx-light wrk
  libgtest-dev googletest xmltv-util lintian fakeroot clang-format clang-tidy
)

usage() { echo "usage: $0 [--test]" >&2; exit 2; }
packages=("${RUN_PACKAGES[@]}")
case "${1:-}" in
  "") ;;
  --test) packages+=("${TEST_PACKAGES[@]}") ;;
  *) usage ;;
esac
# Node 20 usually comes with the machine; Debian's nodejs is only the fallback.
command -v node >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "install-deps: these Debian packages are missing: ${missing[*]}" >&2
  echo "install-deps: run this script as root, or install sudo, or install them yourself" >&2
  exit 1
fi
echo "install-deps: apt-get install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
