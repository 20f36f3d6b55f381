#!/usr/bin/env bash
# clang-tidy over the server's sources (server/src, with the checks .clang-tidy names),
# two files at a time, with the compile commands of build/. Prints each finding once (a
# header's findings come back from every file that includes it) and exits non-zero on any
# finding or on a file clang-tidy cannot parse. `make tidy` runs it; `make test` does not.
#   scripts/tidy.sh [FILE...]   only these files (default: every .cpp under server/src)
set -euo pipefail
cd "$(dirname "$0")/.."

tidy=${CLANG_TIDY:-clang-tidy}
command -v "$tidy" >/dev/null || { echo "$tidy not found: scripts/install-deps.sh --test installs it" >&2; exit 2; }
# The compile commands and the modules' include roots come with configuring.
if [ ! -f build/compile_commands.json ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${KINORA_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
fi

if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(git ls-files 'server/src/*.cpp'); fi
out=build/tidy
rm -rf "$out" && mkdir -p "$out"

# One log per file, so the two runs' lines do not interleave; a file's exit status is
# kept beside its log (non-zero: it did not compile).
printf '%s\n' "${files[@]}" | xargs -P "${KINORA_BUILD_JOBS:-2}" -I{} sh -c '
  log="$2/$(printf %s "$3" | tr / _).log"
  "$1" -p build --quiet "$3" >"$log" 2>&1 || echo "$3" >>"$2/failed"
' _ "$tidy" "$out" {}

# Headers are seen through the modules' include roots (build/server/include/<m>/<m>/):
# name them by their place in server/src, relative to the repository.
cat "$out"/*.log | sed -E "s#^$PWD/##; s#^build/server/include/([a-z]+)/[a-z]+/#server/src/\1/#; s#^build/server/src/ai/include/ai/#server/src/ai/#" >"$out/all"
findings=$(grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error):' "$out/all" | sort -u || true)
if [ -n "$findings" ]; then
  # Each finding with the lines clang-tidy printed under it, once per place.
  awk '
    /^[^ ].*:[0-9]+:[0-9]+: (warning|error):/ { show = !seen[$0]++ }
    /^[0-9]+ warnings? generated\.$/ { show = 0; next }
    show' "$out/all" | tee build/tidy.log
  echo "clang-tidy: $(printf '%s\n' "$findings" | wc -l) finding(s) in ${#files[@]} files (build/tidy.log)"
  exit 1
fi
if [ -f "$out/failed" ]; then
  echo "clang-tidy failed on:" && cat "$out/failed" && exit 1
fi
: >build/tidy.log
echo "clang-tidy: ${#files[@]} files, no findings"
