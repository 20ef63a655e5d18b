#!/usr/bin/env bash
# Editor integration tests: the VS Code extension (build, unit tests, .vsix,
# platform-specific packages), the Node LSP-client protocol test, Emacs eglot,
# Neovim's ready-made configurations, the syntax of the Helix and Zed ones, and
# VS Code itself (code-server + headless Chromium). Called by .ci/run; runs alone too:
#
#   .ci/editors.sh
#
# Environment:
#   FINEPRINT=/path/to/fineprint   test this binary (default: DIST's linux_amd64 one, else
#                                  build one into a temp dir)
#   DIST=dir                       a snapshot release (packaging/release.sh --out dir): its
#                                  binaries go into the platform-specific VS Code packages
#   FINEPRINT_E2E=0                skip the code-server end-to-end test (about 2 min cold, 35 s warm)
#   FINEPRINT_NO_APT=1             do not apt-get install missing packages
#
# Each test skips with a message when its editor is absent. Exit status 1
# when any step failed.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

apt_packages=(emacs-nox elpa-eglot chromium ripgrep libkrb5-dev pkg-config)

install_packages() {
  [ "${FINEPRINT_NO_APT:-0}" = 1 ] && return
  command -v apt-get >/dev/null || return
  local missing=()
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
  echo "editors: apt-get install ${missing[*]}"
  $sudo apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    echo "editors: could not install ${missing[*]}; the tests that need them will skip"
}

results=()
failed=0

# step NAME COMMAND...: runs COMMAND, times it, records PASS/FAIL/SKIP.
# A command that prints a line starting with SKIP counts as skipped.
step() {
  local name="$1"; shift
  local log start end status
  log="$(mktemp)"
  echo "=== $name"
  start=$(date +%s)
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  end=$(date +%s)
  if [ "$rc" -ne 0 ]; then
    status=FAIL; failed=1
  elif grep -q '^SKIP' "$log"; then
    status=SKIP
  else
    status=PASS
  fi
  rm -f "$log"
  results+=("$(printf '%-5s %-28s %4ss' "$status" "$name" "$((end - start))")")
}

skip() { echo "SKIP $*"; }

vscode_extension() {
  command -v npm >/dev/null || { skip "vscode extension: npm is not installed"; return 0; }
  cd "$repo/editors/vscode" &&
    npm ci --no-audit --no-fund &&
    npm run compile &&
    npm test &&
    npm run package
}

node_client() {
  command -v npm >/dev/null || { skip "node client: npm is not installed"; return 0; }
  cd "$repo/editors/node-client" &&
    npm ci --no-audit --no-fund &&
    npm test
}

emacs_eglot() {
  command -v emacs >/dev/null || { skip "emacs eglot: emacs is not installed (apt-get install emacs-nox elpa-eglot)"; return 0; }
  emacs -Q --batch -l "$repo/editors/emacs/test.el"
}

neovim_configs() {
  command -v nvim >/dev/null || { skip "neovim configs: nvim is not installed (apt-get install neovim)"; return 0; }
  FINEPRINT_BIN="$FINEPRINT" timeout 120 nvim --headless -u NONE -i NONE -n \
    -c "luafile $repo/editors/nvim/test/configs.lua"
}

other_configs() {
  command -v python3 >/dev/null || { skip "helix and zed configs: python3 is not installed"; return 0; }
  python3 "$repo/editors/check-configs.py"
}

# Platform-specific packages bundle the release binary of their platform; the
# e2e test below installs the linux-x64 one. Here: two others, checked inside.
vscode_platforms() {
  command -v npm >/dev/null || { skip "vscode platform packages: npm is not installed"; return 0; }
  [ -n "${DIST:-}" ] || { skip "vscode platform packages: no DIST (run packaging/release.sh, or .ci/run)"; return 0; }
  cd "$repo/editors/vscode" || return 1
  local version; version="$(node -p 'require("./package.json").version')"
  ./package-platforms.sh "$DIST" win32-x64 darwin-arm64 || return 1
  local t f vsix
  for t in win32-x64:fineprint.exe darwin-arm64:fineprint; do
    f="${t#*:}" t="${t%%:*}" vsix="fineprint-$t-$version.vsix"
    # (grep -q would close the pipe early, which pipefail counts as a failure.)
    grep -qx "extension/bundled/$f" <<< "$(unzip -Z1 "$vsix")" || { echo "$vsix lacks extension/bundled/$f"; return 1; }
    grep -q "TargetPlatform=\"$t\"" <<< "$(unzip -p "$vsix" extension.vsixmanifest)" || { echo "$vsix is not for $t"; return 1; }
    unzip -p "$vsix" "extension/bundled/$f" | cmp -s - "$DIST/bin/$( [ "$t" = win32-x64 ] && echo windows_amd64 || echo darwin_arm64)/$f" ||
      { echo "$vsix bundles another binary than the release's"; return 1; }
    echo "$vsix: TargetPlatform $t, bundled/$f is the release binary"
  done
}

vscode_e2e() {
  if [ "${FINEPRINT_E2E:-1}" = 0 ]; then skip "vscode e2e: FINEPRINT_E2E=0"; return 0; fi
  command -v npm >/dev/null || { skip "vscode e2e: npm is not installed"; return 0; }
  "$repo/editors/vscode/e2e/run.sh"
}

install_packages

if [ -z "${FINEPRINT:-}" ] && [ -n "${DIST:-}" ] && [ -x "$DIST/bin/linux_amd64/fineprint" ]; then
  FINEPRINT="$DIST/bin/linux_amd64/fineprint"
  echo "=== testing the release binary $FINEPRINT"
fi
if [ -z "${FINEPRINT:-}" ]; then
  bindir="$(mktemp -d "${TMPDIR:-/tmp}/fineprint-editors.XXXXXX")"
  trap 'rm -rf "$bindir"' EXIT
  FINEPRINT="$bindir/fineprint"
  echo "=== go build -o $FINEPRINT ./cmd/fineprint"
  go build -o "$FINEPRINT" ./cmd/fineprint || { echo "editors: go build failed"; exit 1; }
fi
export FINEPRINT

step "vscode extension" vscode_extension
step "node LSP client" node_client
step "emacs eglot" emacs_eglot
step "neovim configs" neovim_configs
step "helix, zed configs" other_configs
step "vscode platform packages" vscode_platforms
step "vscode e2e (code-server)" vscode_e2e

echo "=== editors summary"
printf '%s\n' "${results[@]}"
exit "$failed"
