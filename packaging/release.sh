#!/usr/bin/env bash
# Builds a fineprint release for every platform: Go cross-compiles by itself,
# so this is `go build` per platform, an archive, an SBOM and checksums.
#
#   packaging/release.sh                 # at a tag vX.Y.Z: that version
#   packaging/release.sh --snapshot      # anywhere: v0.0.0-SNAPSHOT-<commit>, nothing published
#   VERSION=v1.2.3 packaging/release.sh  # an explicit version
#
# Options: --out DIR (default dist), --platforms "linux/amd64 darwin/arm64 ..."
# (default: linux, darwin, windows on amd64 and arm64).
#
# It writes into DIR, with names that carry no version, so that
# https://github.com/fineprint-dev/fineprint/releases/latest/download/NAME
# always names the newest release:
#   fineprint_OS_ARCH.tar.gz (windows: .zip)  the binary and README.md
#   fineprint_OS_ARCH.cdx.json                CycloneDX SBOM of that binary
#   checksums.txt                             `sha256sum` of all of the above
#   bin/OS_ARCH/fineprint[.exe]               the bare binaries, for the VS Code
#                                             packages (not uploaded)
# and prints the version on its last line. Archives are reproducible: the
# same commit gives the same bytes (file times are the commit time).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

out=dist
snapshot=0
platforms="linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64"
while [ $# -gt 0 ]; do
  case "$1" in
    --snapshot) snapshot=1 ;;
    --out) out="$2"; shift ;;
    --platforms) platforms="$2"; shift ;;
    *) echo "usage: packaging/release.sh [--snapshot] [--out DIR] [--platforms \"OS/ARCH ...\"]" >&2; exit 2 ;;
  esac
  shift
done

commit="$(git rev-parse HEAD)"
epoch="$(git log -1 --format=%ct)"
date="$(TZ=UTC git log -1 --date=format-local:%Y-%m-%dT%H:%M:%SZ --format=%cd)"
if [ -z "${VERSION:-}" ]; then
  if [ "$snapshot" = 1 ]; then
    VERSION="v0.0.0-SNAPSHOT-$(git rev-parse --short=12 HEAD)"
  else
    VERSION="$(git describe --tags --exact-match --match 'v[0-9]*' 2>/dev/null)" || {
      echo "release.sh: HEAD has no vX.Y.Z tag; tag it, set VERSION, or pass --snapshot" >&2; exit 2; }
  fi
fi
case "$VERSION" in
  v[0-9]*) ;;
  *) echo "release.sh: version $VERSION does not start with v and a digit" >&2; exit 2 ;;
esac

mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -rf "$out/bin" "$out"/fineprint_* "$out/checksums.txt"
sbom="$out/bin/sbom"
go build -o "$sbom" ./packaging/sbom

stage="$(mktemp -d "${TMPDIR:-/tmp}/fineprint-release.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
assets=()
for platform in $platforms; do
  goos="${platform%/*}" goarch="${platform#*/}"
  name="fineprint_${goos}_${goarch}"
  exe=fineprint
  [ "$goos" = windows ] && exe=fineprint.exe
  bin="$out/bin/${goos}_${goarch}/$exe"
  echo "release.sh: $VERSION $goos/$goarch"
  # -buildvcs=false: the commit and its date are stamped below, the same in a
  # clone, a worktree or a source archive.
  CGO_ENABLED=0 GOOS="$goos" GOARCH="$goarch" go build -trimpath -buildvcs=false \
    -ldflags "-s -w -X main.version=$VERSION -X main.commit=$commit -X main.date=$date" \
    -o "$bin" ./cmd/fineprint
  rm -rf "${stage:?}/$name" && mkdir -p "$stage/$name"
  cp "$bin" "$stage/$name/$exe"
  cp README.md "$stage/$name/README.md"
  touch -d "@$epoch" "$stage/$name/$exe" "$stage/$name/README.md"
  if [ "$goos" = windows ]; then
    (cd "$stage/$name" && TZ=UTC zip -q -X "$out/$name.zip" "$exe" README.md)
    assets+=("$name.zip")
  else
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
      -C "$stage/$name" -cf - "$exe" README.md | gzip -n -9 > "$out/$name.tar.gz"
    assets+=("$name.tar.gz")
  fi
  "$sbom" -version "$VERSION" -o "$out/$name.cdx.json" "$bin"
  assets+=("$name.cdx.json")
done
(cd "$out" && sha256sum "${assets[@]}" > checksums.txt)
echo "release.sh: wrote ${#assets[@]} files and checksums.txt to $out"
echo "$VERSION"
