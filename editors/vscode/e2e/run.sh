#!/usr/bin/env bash
# End-to-end test of the extension in the real VS Code: code-server 4.100.3
# (VS Code 1.100.3) + Debian's chromium driven by playwright-core.
#
#   editors/vscode/e2e/run.sh            # from anywhere; needs go, node 20, chromium, rg
#   FINEPRINT=/path/to/fineprint ...     # test that binary instead of building one
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

vsix="$ext/fineprint-0.1.0.vsix"
if [ ! -f "$vsix" ]; then
  (cd "$ext" && npm ci --no-audit --no-fund && npm run package)
fi

run="$(mktemp -d "${TMPDIR:-/tmp}/fineprint-vscode-e2e.XXXXXX")"
trap 'rm -rf "$run"' EXIT
export XDG_CONFIG_HOME="$cache/xdg-config" XDG_DATA_HOME="$cache/xdg-data"
user_data="$run/user-data"
extensions="$run/extensions"
workspace="$run/workspace"
mkdir -p "$user_data/User" "$extensions"
cp -r "${WORKSPACE:-$repo/editors/testdata/acme-app}" "$workspace"
cat > "$user_data/User/settings.json" <<JSON
{
  "fineprint.path": "$FINEPRINT",
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

rm -rf "$out"
CODE_SERVER="$cs" E2E_CACHE="$cache" E2E_WORKSPACE="$workspace" E2E_USER_DATA="$user_data" \
  E2E_EXTENSIONS="$extensions" E2E_OUT="$out" CHROMIUM="$chromium_bin" \
  node "$here/e2e.js"
