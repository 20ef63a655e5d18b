#!/usr/bin/env bash
# Installs fineprint for the GitHub Action (action.yml): downloads the release
# archive for the runner's OS and architecture, verifies it against the
# release's checksums.txt, unpacks it, and adds its folder to GITHUB_PATH.
#
# Environment (set by action.yml from its inputs; GitHub sets RUNNER_*):
#   FINEPRINT_VERSION            vX.Y.Z or latest; empty: FINEPRINT_ACTION_REF when it
#                                is a vX.Y.Z tag, else latest
#   FINEPRINT_BUILD_FROM_SOURCE  true: `go build` FINEPRINT_SOURCE instead of downloading
#   FINEPRINT_DIST               a local folder holding the release files (checksums.txt
#                                and the archives) to install from instead of
#                                GitHub: for mirrors, air-gapped runners and the
#                                project's own CI, which cannot reach GitHub
# Outputs: path=the fineprint executable. Exit status 1 with a ::error:: line
# on any failure, a checksum mismatch included.
set -euo pipefail

fail() { echo "::error title=fineprint install::$*" >&2; exit 1; }

case "${RUNNER_OS:-$(uname -s)}" in
  Linux) os=linux ;;
  macOS | Darwin) os=darwin ;;
  Windows | MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) fail "no fineprint release for runner OS ${RUNNER_OS:-$(uname -s)}; set build-from-source: true" ;;
esac
case "${RUNNER_ARCH:-$(uname -m)}" in
  X64 | x86_64 | amd64) arch=amd64 ;;
  ARM64 | aarch64 | arm64) arch=arm64 ;;
  *) fail "no fineprint release for runner architecture ${RUNNER_ARCH:-$(uname -m)}; set build-from-source: true" ;;
esac
exe=fineprint
[ "$os" = windows ] && exe=fineprint.exe
dest="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/fineprint-bin"
rm -rf "$dest" && mkdir -p "$dest"

if [ "${FINEPRINT_BUILD_FROM_SOURCE:-false}" = true ]; then
  command -v go >/dev/null || fail "build-from-source needs Go on PATH"
  src="${FINEPRINT_SOURCE:?FINEPRINT_SOURCE must name the source folder of the action}"
  echo "building fineprint from $src with $(go version)"
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -o "$dest/$exe" ./cmd/fineprint) || fail "go build failed"
else
  if [ "$os" = windows ]; then asset="fineprint_${os}_${arch}.zip"; else asset="fineprint_${os}_${arch}.tar.gz"; fi
  version="${FINEPRINT_VERSION:-}"
  if [ -z "$version" ]; then
    case "${FINEPRINT_ACTION_REF:-}" in
      v[0-9]*) version="$FINEPRINT_ACTION_REF" ;;
      *) version=latest ;;
    esac
  fi
  dl="$dest/download"
  mkdir -p "$dl"
  if [ -n "${FINEPRINT_DIST:-}" ]; then
    echo "installing $asset from $FINEPRINT_DIST"
    cp "$FINEPRINT_DIST/checksums.txt" "$FINEPRINT_DIST/$asset" "$dl/" || fail "$FINEPRINT_DIST lacks checksums.txt or $asset"
  else
    if [ "$version" = latest ]; then
      base="https://github.com/fineprint-dev/fineprint/releases/latest/download"
    else
      base="https://github.com/fineprint-dev/fineprint/releases/download/$version"
    fi
    echo "downloading $base/$asset"
    for f in checksums.txt "$asset"; do
      curl -fsSL --retry 3 --retry-delay 2 -o "$dl/$f" "$base/$f" || fail "could not download $base/$f"
    done
  fi
  line="$(grep -E "^[0-9a-f]{64}  $asset\$" "$dl/checksums.txt")" || fail "checksums.txt has no entry for $asset"
  want="${line%% *}"
  if command -v sha256sum >/dev/null; then
    got="$(sha256sum "$dl/$asset")"
  else
    got="$(shasum -a 256 "$dl/$asset")"
  fi
  got="${got%% *}"
  [ "$got" = "$want" ] || fail "checksum mismatch for $asset: got $got, checksums.txt says $want"
  echo "sha256 $got $asset: OK"
  case "$asset" in
    *.tar.gz) tar -xzf "$dl/$asset" -C "$dest" "$exe" ;;
    *.zip)
      if command -v unzip >/dev/null; then
        unzip -q -o "$dl/$asset" "$exe" -d "$dest"
      else
        powershell -NoProfile -Command "Expand-Archive -Force -Path '$dl/$asset' -DestinationPath '$dest'"
      fi ;;
  esac
  rm -rf "$dl"
fi

[ -x "$dest/$exe" ] || fail "no executable at $dest/$exe"
"$dest/$exe" version || fail "$dest/$exe does not run"
[ -n "${GITHUB_PATH:-}" ] && echo "$dest" >> "$GITHUB_PATH"
[ -n "${GITHUB_OUTPUT:-}" ] && echo "path=$dest/$exe" >> "$GITHUB_OUTPUT"
exit 0
