#!/usr/bin/env python3
"""Checks the Helix and Zed configurations as far as this machine allows:
neither editor runs here (Helix is not packaged for Debian 12; Zed needs a
desktop and its extension a Rust/WASM build from crates.io), so this parses
every TOML and JSON block they document and checks the server command.
Run by .ci/editors.sh; prints PASS lines and exits 1 on a failure."""
import json
import pathlib
import re
import sys
import tomllib

editors = pathlib.Path(__file__).resolve().parent
failed = False


def check(cond, msg):
    global failed
    print(("PASS " if cond else "FAIL ") + msg)
    failed |= not cond


def blocks(path, lang):
    return re.findall(r"```" + lang + r"\n(.*?)```", path.read_text(), re.S)


helix = tomllib.loads((editors / "helix/languages.toml").read_text())
server = helix.get("language-server", {}).get("fineprint", {})
check(server.get("command") == "fineprint" and server.get("args") == ["serve"],
      "helix/languages.toml: language-server.fineprint runs `fineprint serve`")
langs = {l["name"]: l for l in helix.get("language", [])}
check("fineprint" in langs.get("license-text", {}).get("language-servers", []),
      "helix/languages.toml: license-text is served by fineprint")
check(all("fineprint" in l.get("language-servers", []) for l in langs.values()),
      "helix/languages.toml: every [[language]] lists fineprint")
for i, b in enumerate(blocks(editors / "helix/README.md", "toml")):
    try:
        t = tomllib.loads(b)
        check(t == helix, f"helix/README.md: TOML block {i + 1} parses and equals languages.toml")
    except tomllib.TOMLDecodeError as e:
        check(False, f"helix/README.md: TOML block {i + 1}: {e}")

zed = editors / "zed/README.md"
for i, b in enumerate(blocks(zed, "toml")):
    try:
        t = tomllib.loads(b)
        check(t.get("language_servers", {}).get("fineprint", {}).get("name") == "fineprint",
              f"zed/README.md: extension.toml block {i + 1} registers the fineprint server")
    except tomllib.TOMLDecodeError as e:
        check(False, f"zed/README.md: TOML block {i + 1}: {e}")
for i, b in enumerate(blocks(zed, "json")):
    try:
        s = json.loads(b)
        check(s["lsp"]["fineprint"]["binary"]["arguments"] == ["serve"],
              f"zed/README.md: settings block {i + 1} runs `fineprint serve`")
    except (json.JSONDecodeError, KeyError) as e:
        check(False, f"zed/README.md: JSON block {i + 1}: {e!r}")

sys.exit(1 if failed else 0)
