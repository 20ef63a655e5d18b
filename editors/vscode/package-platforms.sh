#!/usr/bin/env bash
# Builds the platform-specific packages of the extension, each bundling the
# fineprint binary for its platform (as rust-analyzer and ruff ship), from a
# release built by packaging/release.sh:
#
#   editors/vscode/package-platforms.sh DIST [TARGET...]
#
# DIST is release.sh's --out folder (its bin/OS_ARCH/ binaries are used).
# TARGETs are VS Code's platform names; default: all of linux-x64 linux-arm64
# alpine-x64 alpine-arm64 darwin-x64 darwin-arm64 win32-x64 win32-arm64.
# Writes fineprint-TARGET-VERSION.vsix here (VERSION from package.json). The
# binary goes to bundled/fineprint (bundled/fineprint.exe on Windows), where
# the extension looks for it after the fineprint.path setting and before PATH.
# The plain `npm run package` stays the universal package, without a binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -ge 1 ] || { echo "usage: package-platforms.sh DIST [TARGET...]" >&2; exit 2; }
dist="$(cd "$1" && pwd)"; shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux-x64 linux-arm64 alpine-x64 alpine-arm64 darwin-x64 darwin-arm64 win32-x64 win32-arm64)
cd "$here"
version="$(node -p 'require("./package.json").version')"
trap 'rm -rf "$here/bundled"' EXIT
for target in "${targets[@]}"; do
  case "$target" in
    linux-x64 | alpine-x64) bin=linux_amd64/fineprint ;;
    linux-arm64 | alpine-arm64) bin=linux_arm64/fineprint ;;
    darwin-x64) bin=darwin_amd64/fineprint ;;
    darwin-arm64) bin=darwin_arm64/fineprint ;;
    win32-x64) bin=windows_amd64/fineprint.exe ;;
    win32-arm64) bin=windows_arm64/fineprint.exe ;;
    *) echo "package-platforms.sh: unknown target $target" >&2; exit 2 ;;
  esac
  [ -f "$dist/bin/$bin" ] || { echo "package-platforms.sh: $dist/bin/$bin is missing (run packaging/release.sh)" >&2; exit 1; }
  rm -rf bundled && mkdir bundled
  cp "$dist/bin/$bin" "bundled/$(basename "$bin")"
  chmod 755 "bundled/$(basename "$bin")"
  npx vsce package --skip-license --target "$target" -o "fineprint-$target-$version.vsix"
done
