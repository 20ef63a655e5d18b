#!/usr/bin/env bash
# Tests of how fineprint ships (issue 19), on this machine, with no network:
#
#   1. release   packaging/release.sh --snapshot builds every platform; the
#                checksums verify, every archive holds its binary, each SBOM is
#                CycloneDX for the right version, each linux binary runs
#                `version` (arm64 under qemu-aarch64 when installed, else its
#                ELF header is checked), darwin and windows headers are checked.
#   2. action    packaging/action/install.sh installs from the snapshot (as from
#                a GitHub release, checksum verified; a tampered archive is
#                refused), then packaging/action/check.sh runs on
#                testdata/example: exit codes 0, 1 and 2 and a valid SARIF log.
#   3. pre-commit  the hook in .pre-commit-hooks.yaml, run the way pre-commit runs
#                it (entry + file names from the repository root), and with
#                pre-commit itself (`pre-commit try-repo`) when it is installed.
#   4. packaging the Mason package description names assets the release has.
#
#   .ci/ship.sh                 # builds into a temp dir
#   DIST=dir .ci/ship.sh        # keeps the snapshot in dir (.ci/run passes it on to
#                               # the editor tests, which bundle its binaries)
#
# Prints one PASS/FAIL line per check and 'N passed, N failed'; exit 1 on failure.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/fineprint-ship.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
dist="${DIST:-$tmp/dist}"
passed=0 failed=0

ok() { echo "PASS $*"; passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }
# expect WANT_STATUS NAME COMMAND...: runs COMMAND, compares its exit status.
expect() {
  local want="$1" name="$2"; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  if [ "$got" = "$want" ]; then ok "$name (exit $got)"; else
    bad "$name: exit $got, want $want"; sed 's/^/    /' "$tmp/out" "$tmp/err" | tail -20; fi
}

# ---------------------------------------------------------------- 1. release
start=$(date +%s)
if ! version="$(packaging/release.sh --snapshot --out "$dist" | tail -1)"; then
  bad "packaging/release.sh --snapshot"; echo "$passed passed, $failed failed"; exit 1
fi
ok "release.sh --snapshot built $version in $(($(date +%s) - start)) s"
commit="$(git rev-parse --short=12 HEAD)"

if (cd "$dist" && sha256sum --quiet -c checksums.txt) && [ "$(wc -l < "$dist/checksums.txt")" = 12 ]; then
  ok "checksums.txt: 12 entries verify"
else bad "checksums.txt does not verify or lacks entries"; fi

# elf_machine FILE: e_machine of a little-endian ELF file (62 x86-64, 183 aarch64).
elf_machine() { od -An -t u2 -j 18 -N 2 "$1" | tr -d ' '; }
magic() { od -An -t x1 -N 4 "$1" | tr -d ' '; }

for platform in linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64; do
  goos="${platform%/*}" goarch="${platform#*/}" name="fineprint_${goos}_${goarch}"
  exe=fineprint; [ "$goos" = windows ] && exe=fineprint.exe
  x="$tmp/x/$name"; mkdir -p "$x"
  if [ "$goos" = windows ]; then unzip -q "$dist/$name.zip" -d "$x"; else tar -xzf "$dist/$name.tar.gz" -C "$x"; fi
  if [ -f "$x/$exe" ] && [ -f "$x/README.md" ] && cmp -s "$x/$exe" "$dist/bin/${goos}_${goarch}/$exe"; then
    ok "$name archive holds $exe and README.md"
  else bad "$name archive lacks $exe or README.md, or its $exe differs from bin/"; fi

  sbom="$dist/$name.cdx.json"
  if jq -e --arg v "$version" --arg os "$goos" --arg arch "$goarch" '
      .bomFormat == "CycloneDX" and .specVersion == "1.5"
      and .metadata.component.name == "github.com/fineprint-dev/fineprint"
      and .metadata.component.version == $v
      and ([.metadata.component.properties[] | select(.name == "go:GOOS") | .value] == [$os])
      and ([.metadata.component.properties[] | select(.name == "go:GOARCH") | .value] == [$arch])
      and ([.components[].name] | index("go.uber.org/zap") != null and index("github.com/google/licensecheck") != null and index("std") != null)
      and (.dependencies[0].dependsOn | length) == (.components | length)' "$sbom" >/dev/null; then
    ok "$name.cdx.json: CycloneDX 1.5, $version, $goos/$goarch, $(jq '.components | length' "$sbom") components"
  else bad "$name.cdx.json is not the expected CycloneDX SBOM"; fi

  want="fineprint $version (commit $commit, "
  case "$goos/$goarch" in
    linux/amd64) runner=() ;;
    linux/arm64) runner=(qemu-aarch64) ;;
    *) runner=(none) ;;
  esac
  if [ "${runner[0]:-}" = none ]; then
    case "$goos" in
      darwin) [ "$(magic "$x/$exe")" = cffaedfe ] && ok "$name: Mach-O 64-bit header (not run: no macOS here)" || bad "$name: not a Mach-O 64-bit file" ;;
      windows) [ "$(od -An -c -N 2 "$x/$exe" | tr -d ' ')" = MZ ] && ok "$name: PE header (not run: no Windows here)" || bad "$name: not a PE file" ;;
    esac
  elif [ ${#runner[@]} -gt 0 ] && ! command -v "${runner[0]}" >/dev/null; then
    if [ "$(magic "$x/$exe")" = 7f454c46 ] && [ "$(elf_machine "$x/$exe")" = 183 ]; then
      ok "$name: ELF aarch64 header (not run: qemu-aarch64 is not installed; apt-get install qemu-user)"
    else bad "$name: not an ELF aarch64 file"; fi
  else
    got="$("${runner[@]}" "$x/$exe" version 2>&1)"
    case "$got" in
      "$want"*"$goos/$goarch)") ok "$name runs${runner:+ under ${runner[*]}}: $got" ;;
      *) bad "$name version: got '$got', want '$want… $goos/$goarch)'" ;;
    esac
  fi
done

# Without the release stamp, `version` reads the revision from Go's build info
# (Go records it in a clone; not in a git worktree, whose .git is a file).
if [ -d .git ]; then
  GOFLAGS=-buildvcs=true go build -o "$tmp/fineprint-vcs" ./cmd/fineprint
  got="$("$tmp/fineprint-vcs" version)"
  case "$got" in
    "fineprint v0.0.0-"*"-$commit"*" (commit $commit"*) ok "go build in a clone: $got" ;;
    *) bad "go build in a clone: version says '$got', want a pseudo-version and commit $commit" ;;
  esac
else
  echo "SKIP unstamped version: .git is not a folder here (a git worktree), so Go records no revision"
fi
echo "--- release: $(($(date +%s) - start)) s"
# ---------------------------------------------------------------- 2. action
start=$(date +%s)
runner="$tmp/runner"
install_action() { # install_action RUNNER_OS RUNNER_ARCH DIST
  rm -rf "$runner" && mkdir -p "$runner"
  : > "$runner/path"; : > "$runner/output"
  env RUNNER_OS="$1" RUNNER_ARCH="$2" RUNNER_TEMP="$runner" GITHUB_PATH="$runner/path" \
    GITHUB_OUTPUT="$runner/output" FINEPRINT_DIST="$3" FINEPRINT_VERSION= FINEPRINT_ACTION_REF=main \
    bash packaging/action/install.sh
}
expect 0 "action install: Linux X64 from the snapshot" install_action Linux X64 "$dist"
if grep -qx "path=$runner/fineprint-bin/fineprint" "$runner/output" && grep -qx "$runner/fineprint-bin" "$runner/path" &&
  grep -q "^sha256 [0-9a-f]\{64\} fineprint_linux_amd64.tar.gz: OK" "$tmp/out" &&
  [ "$("$runner/fineprint-bin/fineprint" version | cut -d' ' -f2)" = "$version" ]; then
  ok "action install: checksum verified, GITHUB_PATH and output path set, the binary is $version"
else bad "action install: outputs or binary wrong"; cat "$runner/output" "$runner/path" "$tmp/out"; fi
action_bin="$runner/fineprint-bin/fineprint"
cp "$action_bin" "$tmp/fineprint-action"
action_bin="$tmp/fineprint-action"

# Every runner OS and architecture picks its own archive: a fake release whose
# "binaries" are scripts that name their platform (so that they run here).
fake="$tmp/fake"
mkdir -p "$fake"
for platform in linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64; do
  goos="${platform%/*}" goarch="${platform#*/}" name="fineprint_${goos}_${goarch}"
  exe=fineprint; [ "$goos" = windows ] && exe=fineprint.exe
  mkdir -p "$fake/$name" && printf '#!/bin/sh\necho "fake fineprint %s"\n' "$platform" > "$fake/$name/$exe" && chmod +x "$fake/$name/$exe"
  if [ "$goos" = windows ]; then (cd "$fake/$name" && zip -q "$fake/$name.zip" "$exe"); else tar -czf "$fake/$name.tar.gz" -C "$fake/$name" "$exe"; fi
done
(cd "$fake" && sha256sum fineprint_*.* > checksums.txt)
for r in Linux/X64/linux/amd64/fineprint Linux/ARM64/linux/arm64/fineprint macOS/X64/darwin/amd64/fineprint \
  macOS/ARM64/darwin/arm64/fineprint Windows/X64/windows/amd64/fineprint.exe Windows/ARM64/windows/arm64/fineprint.exe; do
  IFS=/ read -r ros rarch goos goarch exe <<< "$r"
  if install_action "$ros" "$rarch" "$fake" > "$tmp/out" 2>&1 && grep -qx "fake fineprint $goos/$goarch" "$tmp/out" &&
    grep -qx "path=$runner/fineprint-bin/$exe" "$runner/output"; then
    ok "action install: runner $ros $rarch installs fineprint_${goos}_${goarch} ($exe)"
  else bad "action install: runner $ros $rarch"; sed 's/^/    /' "$tmp/out"; fi
done

tampered="$tmp/tampered"
mkdir -p "$tampered" && cp "$dist/checksums.txt" "$dist/fineprint_linux_amd64.tar.gz" "$tampered/"
printf 'x' >> "$tampered/fineprint_linux_amd64.tar.gz"
expect 1 "action install: a tampered archive is refused" install_action Linux X64 "$tampered"
grep -q "::error title=fineprint install::checksum mismatch for fineprint_linux_amd64.tar.gz" "$tmp/err" &&
  ok "action install: the refusal names the checksum mismatch" || bad "action install: no checksum-mismatch message: $(cat "$tmp/err")"
expect 1 "action install: an unsupported runner OS is refused" install_action FreeBSD X64 "$dist"

check_action() { # check_action FAIL_ON CONFIG PATHS SARIF
  env FINEPRINT="$action_bin" FINEPRINT_FAIL_ON="$1" FINEPRINT_CONFIG="$2" FINEPRINT_PATHS="$3" \
    FINEPRINT_SARIF="$4" GITHUB_OUTPUT="$runner/output" bash packaging/action/check.sh
}
# valid_sarif FILE: a SARIF 2.1.0 log with one fineprint run whose results
# match `fineprint check --format json` one for one, each with a rule and a
# location in the example.
valid_sarif() {
  local n
  n="$("$action_bin" check --format json --fail-on never testdata/example | jq '.findings | length')"
  jq -e --argjson n "$n" '
    .version == "2.1.0" and (.["$schema"] | test("sarif"))
    and (.runs | length) == 1
    and .runs[0].tool.driver.name == "fineprint"
    and (.runs[0].results | length) == $n and $n > 0
    and ([.runs[0].tool.driver.rules[].id] as $ids | all(.runs[0].results[]; .ruleId as $r | $ids | index($r) != null))
    and all(.runs[0].results[]; (.locations[0].physicalLocation.artifactLocation.uri | length) > 0 and .locations[0].physicalLocation.region.startLine >= 1)
    and all(.runs[0].results[]; .level == "error" or .level == "warning" or .level == "note")' "$1" >/dev/null
}
: > "$runner/output"
expect 0 "action check: testdata/example, fail-on error" check_action error "" testdata/example "$tmp/a/fineprint.sarif"
valid_sarif "$tmp/a/fineprint.sarif" && ok "action check: valid SARIF log, one result per finding" || bad "action check: invalid SARIF log"
grep -qx "exit-code=0" "$runner/output" && grep -qx "sarif-file=$tmp/a/fineprint.sarif" "$runner/output" &&
  ok "action check: outputs exit-code=0 and sarif-file" || bad "action check: outputs $(cat "$runner/output")"
grep -q "testdata/example/README.md:.*notice/missing-notice" "$tmp/out" && ok "action check: findings as text in the log" || bad "action check: no text findings in the log"
expect 1 "action check: fail-on warning (the example has 8 warnings)" check_action warning "" testdata/example "$tmp/b.sarif"
valid_sarif "$tmp/b.sarif" && ok "action check: SARIF written when the check fails" || bad "action check: no valid SARIF on failure"
printf 'use:\n  commercial: true\n  monthly_active_users: 100000000\n' > "$tmp/big.yaml"
expect 1 "action check: --config with 100M users turns the 50M threshold into an error" check_action error "$tmp/big.yaml" testdata/example "$tmp/c.sarif"
valid_sarif "$tmp/c.sarif" && jq -e '[.runs[0].results[] | select(.ruleId == "clause/scale-threshold" and .level == "error")] | length > 0' "$tmp/c.sarif" >/dev/null &&
  ok "action check: the config's error is in the SARIF log" || bad "action check: config not applied"
expect 0 "action check: paths one a line" check_action error "" $'testdata/example/LICENSE\n testdata/example/README.md\n' "$tmp/d.sarif"
expect 2 "action check: a missing path" check_action error "" "testdata/example missing/dir" "$tmp/e.sarif"
expect 2 "action check: an unknown fail-on" check_action sometimes "" testdata/example "$tmp/f.sarif"

echo "--- action: $(($(date +%s) - start)) s"
# ---------------------------------------------------------------- 3. pre-commit
start=$(date +%s)
# The hook's entry, split like pre-commit splits it (shlex), run from the
# project root with the staged files as arguments.
entry="$(sed -n 's/^ *entry: *//p' .pre-commit-hooks.yaml | head -1)"
hook() { (cd testdata/example && PATH="$(dirname "$action_bin"):$PATH" $entry "$@"); }
ln -sf "$action_bin" "$tmp/fineprint"
PATH="$tmp:$PATH" expect 0 "pre-commit entry '$entry' README.md app.py (warnings only)" hook README.md app.py
if grep -q "missing-notice" "$tmp/out" && ! grep -q "the project has no NOTICE file\|has no README" "$tmp/out"; then
  ok "pre-commit entry: findings for the named files, read with the rest of the project (its NOTICE)"
else bad "pre-commit entry: findings are not those of the files in their project"; sed 's/^/    /' "$tmp/out" | head; fi
hook_fail() { (cd testdata/example && $entry --fail-on warning "$@"); }
PATH="$tmp:$PATH" expect 1 "pre-commit entry with args [--fail-on, warning]: README.md fails" hook_fail README.md
PATH="$tmp:$PATH" expect 0 "pre-commit entry with args [--fail-on, warning]: NOTICE alone passes" hook_fail NOTICE

# pre-commit itself, when installed (Debian package pre-commit): it builds the
# hook from this repository with Go, as it would from GitHub.
if command -v pre-commit >/dev/null && git rev-parse --git-dir >/dev/null 2>&1; then
  pc="$tmp/pc"
  mkdir -p "$pc" && cp -r testdata/example/. "$pc/"
  git -C "$pc" init -q && git -C "$pc" add -A
  cat > "$pc/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $repo
    rev: $(git rev-parse HEAD)
    hooks:
      - id: fineprint
        args: [--fail-on, warning]
YAML
  # The machine's module cache: pre-commit's own GOPATH would download every
  # module again.
  gomodcache="$(go env GOMODCACHE)"
  precommit() { (cd "$pc" && PRE_COMMIT_HOME="$tmp/pc-home" GOMODCACHE="$gomodcache" pre-commit "$@"); }
  start=$(date +%s)
  expect 1 "pre-commit run --files README.md (installs the hook with go; args --fail-on warning)" precommit run --files README.md
  grep -q "README.md:5:13: warning notice/missing-attribution" "$tmp/out" && ok "pre-commit: the hook reports README.md's findings ($(($(date +%s) - start)) s with the install)" ||
    bad "pre-commit: no findings for README.md"
  expect 0 "pre-commit run --files NOTICE" precommit run --files NOTICE
  expect 0 "pre-commit try-repo (the working tree) fineprint --all-files" precommit try-repo "$repo" fineprint --all-files
else
  echo "SKIP pre-commit itself: not installed (apt-get install pre-commit) or not in a git clone"
fi

echo "--- pre-commit: $(($(date +%s) - start)) s"
# ---------------------------------------------------------------- 4. packaging
mason=packaging/mason/package.yaml
for asset in $(sed -n 's/^ *file: *//p' "$mason"); do
  [ -f "$dist/$asset" ] && ok "mason: asset $asset is in the release" || bad "mason: asset $asset is not in the release"
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
