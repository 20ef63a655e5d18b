#!/usr/bin/env bash
# End-to-end test of the extension in the real VS Code: code-server 4.100.3
# (VS Code 1.100.3) + Debian's chromium driven by playwright-core.
#
#   editors/vscode/e2e/run.sh            # from anywhere; needs go, node 20, chromium, rg
#   FINEPRINT=/path/to/fineprint ...     # bundle that binary instead of building one
#
# The extension under test is the platform-specific package for linux-x64
# (package-platforms.sh), with FINEPRINT bundled and no fineprint.path
# setting: the test checks that the server it runs is the bundled binary.
#   WORKSPACE=testdata/example ...       # another workspace (copied before the test)
#
# Everything is installed under e2e/.cache (gitignored); screenshots go to
# e2e/out/. Skips (exit 0) with a message when chromium or ripgrep is absent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ext="$(cd "$here/.." && pwd)"
repo="$(cd "$ext/../.." && pwd)"
cache="$here/.cache"
out="$here/out"

chromium_bin="${CHROMIUM:-$(command -v chromium || true)}"
if [ -z "$chromium_bin" ]; then
  echo "SKIP vscode e2e: chromium is not installed (apt-get install chromium)"; exit 0
fi
if ! command -v rg >/dev/null; then
  echo "SKIP vscode e2e: ripgrep is not installed (apt-get install ripgrep)"; exit 0
fi

# The install fetches code-server and its native modules from the npm
# registry; when that fails the editor is absent, as for chromium above, and
# the test skips instead of failing what it did not get to test.
if ! "$here/install.sh"; then
  echo "SKIP vscode e2e: code-server could not be installed (see the messages above)"; exit 0
fi

if [ -z "${FINEPRINT:-}" ]; then
  FINEPRINT="$cache/bin/fineprint"
  (cd "$repo" && go build -o "$FINEPRINT" ./cmd/fineprint)
fi

run="$(mktemp -d "${TMPDIR:-/tmp}/fineprint-vscode-e2e.XXXXXX")"
trap 'rm -rf "$run"' EXIT
# A release folder holding just this binary, as packaging/release.sh lays it out.
mkdir -p "$run/dist/bin/linux_amd64"
cp "$FINEPRINT" "$run/dist/bin/linux_amd64/fineprint"
[ -d "$ext/node_modules" ] || (cd "$ext" && npm ci --no-audit --no-fund)
version="$(cd "$ext" && node -p 'require("./package.json").version')"
vsix="$ext/fineprint-linux-x64-$version.vsix"
"$ext/package-platforms.sh" "$run/dist" linux-x64 >/dev/null
export XDG_CONFIG_HOME="$cache/xdg-config" XDG_DATA_HOME="$cache/xdg-data"
user_data="$run/user-data"
extensions="$run/extensions"
workspace="$run/workspace"
mkdir -p "$user_data/User" "$extensions"
cp -r "${WORKSPACE:-$repo/editors/testdata/acme-app}" "$workspace"
cat > "$user_data/User/settings.json" <<JSON
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "chat.commandCenter.enabled": false,
  "editor.hover.delay": 100,
  "files.autoSave": "off"
}
JSON
cs="$cache/node_modules/.bin/code-server"
"$cs" --user-data-dir "$user_data" --extensions-dir "$extensions" \
  --config "$user_data/code-server.yaml" --install-extension "$vsix" >/dev/null

bundled="$(ls -d "$extensions"/fineprint-dev.fineprint-*/bundled/fineprint 2>/dev/null || true)"
if [ -z "$bundled" ]; then
  echo "e2e: the installed extension has no bundled/fineprint:"; ls -R "$extensions" | head -20; exit 1
fi
echo "e2e: installed $(basename "$vsix"); bundled binary: $bundled"
rm -rf "$out"
CODE_SERVER="$cs" E2E_CACHE="$cache" E2E_WORKSPACE="$workspace" E2E_USER_DATA="$user_data" \
  E2E_EXTENSIONS="$extensions" E2E_OUT="$out" CHROMIUM="$chromium_bin" \
  E2E_BUNDLED="$bundled" \
  node "$here/e2e.js"
