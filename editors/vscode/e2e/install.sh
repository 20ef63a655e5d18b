#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the last release that runs on
# Node 20) and playwright-core into e2e/.cache. Idempotent: a stamp file marks
# a finished install. Needs apt packages ripgrep libkrb5-dev pkg-config
# chromium (installed by .ci/editors.sh).
#
# Workarounds (see the team notes on code-server), all needed offline-ish, as root, with npm 11:
#  - @vscode/ripgrep's postinstall downloads rg from GitHub: seed its cache
#    with Debian's /usr/bin/rg instead;
#  - running as root needs npm_config_unsafe_perm;
#  - node-pty runs `npx node-gyp`, which must not prompt (npm_config_yes) and
#    needs Node headers (npm_config_nodedir=/usr, Debian's /usr/include/node);
#  - npm 11 skips install scripts not covered by allowScripts: approve them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="$here/.cache"
stamp="$cache/.installed-4.100.3"
[ -f "$stamp" ] && exit 0

for bin in rg node npm; do
  command -v "$bin" >/dev/null || { echo "install.sh: $bin is missing" >&2; exit 1; }
done
mkdir -p "$cache"
tmp="${TMPDIR:-/tmp}"
seed="$tmp/vscode-ripgrep-cache-1.15.11"
if [ ! -f "$seed/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  mkdir -p "$seed" "$tmp/fineprint-rgseed"
  cp "$(command -v rg)" "$tmp/fineprint-rgseed/rg"
  tar czf "$seed/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tmp/fineprint-rgseed" rg
fi

export npm_config_yes=true npm_config_unsafe_perm=true npm_config_nodedir=/usr
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
cd "$cache"
[ -f package.json ] || echo '{"name":"fineprint-e2e-cache","private":true}' > package.json
npm install --save-exact code-server@4.100.3 playwright-core@1.65.1
npm install-scripts approve code-server argon2 >/dev/null 2>&1 || true
npm rebuild --foreground-scripts code-server argon2
(
  cd node_modules/code-server/lib/vscode
  npm install-scripts approve --all >/dev/null 2>&1 || true
  npm rebuild --foreground-scripts
)
# code-server writes a default config under XDG_CONFIG_HOME: keep it in the cache.
XDG_CONFIG_HOME="$cache/xdg-config" XDG_DATA_HOME="$cache/xdg-data" node_modules/.bin/code-server --version
touch "$stamp"
