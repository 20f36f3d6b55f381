#!/usr/bin/env bash
# Builds the Debian package build/deb/kinora_VERSION_ARCH.deb with dpkg-deb: the server
# (stripped) as /usr/bin/kinora, the web apps and API reference under
# /usr/share/kinora/web (where the binary looks by itself), kinora-fetch-model, the
# systemd unit and the maintainer scripts from deploy/debian/. Depends come from
# dpkg-shlibdeps. VERSION holds the release; a build that is not that release's tag
# (v0.1.0) gets +gitN.HASH so every commit sorts after the one before.
# Prints the path of the .deb on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

for tool in dpkg-deb dpkg-shlibdeps strip; do
  command -v "$tool" >/dev/null || { echo "package.sh: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done

scripts/build.sh >/dev/null
scripts/build-docs.sh >/dev/null
scripts/build-web.sh >/dev/null

version=$(tr -d '[:space:]' <VERSION)
if git rev-parse --git-dir >/dev/null 2>&1 && ! git describe --tags --exact-match "v$version" >/dev/null 2>&1; then
  version="$version+git$(git rev-list --count HEAD).$(git rev-parse --short=8 HEAD)"
fi
arch=$(dpkg --print-architecture)
stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH=$stamp

out=build/deb
stage=$out/kinora_${version}_$arch
rm -rf "$out"
mkdir -p "$stage/DEBIAN"

# Files. Source maps stay out: only developers' tools read them.
install -D -m 0755 /dev/null "$stage/usr/bin/kinora"
strip --strip-unneeded --remove-section=.comment --remove-section=.note -o "$stage/usr/bin/kinora" build/kinora
install -D -m 0755 scripts/fetch-model.sh "$stage/usr/bin/kinora-fetch-model"
for app in client admin docs; do
  [ -f "web/$app/dist/index.html" ] || { echo "package.sh: web/$app/dist is not built" >&2; exit 1; }
  mkdir -p "$stage/usr/share/kinora/web/$app"
  cp -r "web/$app/dist" "$stage/usr/share/kinora/web/$app/dist"
done
find "$stage/usr/share/kinora/web" -name '*.map' -delete
install -D -m 0644 deploy/debian/kinora.env.in "$stage/usr/share/kinora/kinora.env.in"
install -D -m 0644 deploy/debian/kinora.service "$stage/lib/systemd/system/kinora.service"
# Manual pages: kinora's is its own help text, so it cannot drift from the binary.
man=$stage/usr/share/man/man1
mkdir -p "$man"
roff() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\&\1/"; }
{
  printf '.TH KINORA 1 "%s" "kinora %s" "User Commands"\n' "$(date -u -d "@$stamp" +%Y-%m-%d)" "$version"
  printf '.SH NAME\nkinora \\- open-source OTT streaming server and its tools\n.SH DESCRIPTION\n.nf\n'
  build/kinora help | roff
  printf '.fi\n.SH FILES\n/etc/kinora/kinora.env, /var/lib/kinora, /usr/share/kinora/web\n'
  printf '.SH SEE ALSO\n/usr/share/doc/kinora/README.Debian\n'
} | gzip -9n >"$man/kinora.1.gz"
{
  printf '.TH KINORA-FETCH-MODEL 1 "%s" "kinora %s" "User Commands"\n' "$(date -u -d "@$stamp" +%Y-%m-%d)" "$version"
  printf '.SH NAME\nkinora-fetch-model \\- download the sentence encoder Kinora recommends with\n'
  printf '.SH SYNOPSIS\n.B kinora-fetch-model\n[\\fB\\-\\-dest\\fR \\fIDIR\\fR]\n.SH DESCRIPTION\n.nf\n'
  sed -n '2,/^set -euo/p' scripts/fetch-model.sh | sed -e '$d' -e 's/^# \{0,1\}//' | roff
  printf '.fi\nFor the packaged server:\n.B sudo -u kinora kinora-fetch-model --dest /var/lib/kinora/models/all-MiniLM-L6-v2\n'
} | gzip -9n >"$man/kinora-fetch-model.1.gz"
chmod 0644 "$man"/*.gz
doc=$stage/usr/share/doc/kinora
install -D -m 0644 deploy/debian/README.Debian "$doc/README.Debian"
install -D -m 0644 deploy/debian/copyright "$doc/copyright"
{
  echo "kinora ($version) unstable; urgency=medium"
  echo
  echo "  * Built from $(git rev-parse HEAD 2>/dev/null || echo 'a source tree without git')."
  echo
  echo " -- Kinora developers <kinora@example.org>  $(date -u -R -d "@$stamp")"
} | gzip -9n >"$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"
find "$stage" -type d -exec chmod 0755 {} +
find "$stage" -exec touch -h -d "@$stamp" {} +

# Dependencies of the binary, as Debian's own packages compute them.
shlib_dir=$(mktemp -d)
trap 'rm -rf "$shlib_dir"' EXIT
mkdir -p "$shlib_dir/debian"
printf 'Source: kinora\n\nPackage: kinora\nArchitecture: any\n' >"$shlib_dir/debian/control"
shlibs=$(cd "$shlib_dir" && dpkg-shlibdeps -O -e"$root/$stage/usr/bin/kinora" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { echo "package.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@SIZE@|$size|" -e "s|@SHLIBS@|$shlibs|" \
  deploy/debian/control.in >"$stage/DEBIAN/control"
for script in postinst prerm postrm; do
  install -m 0755 "deploy/debian/$script" "$stage/DEBIAN/$script"
done
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"

deb=$out/kinora_${version}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
rm -rf "$stage"
echo "package.sh: $deb ($(du -h "$deb" | cut -f1), Depends: $shlibs, adduser, ffmpeg, fonts-dejavu-core)" >&2
echo "$deb"
