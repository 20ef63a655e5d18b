#!/usr/bin/env bash
# Runs every Go fuzz target in the module for a short time. Called by
# .ci/run; runs alone too:
#
#   .ci/fuzz.sh                    each target 15 s, one after the other
#   FUZZTIME=5m FUZZ_JOBS=2 .ci/fuzz.sh   the longer local run
#
# Environment:
#   FUZZTIME=15s   how long each target runs (go test -fuzztime)
#   FUZZ_JOBS=1    how many targets run at once; each gets GOMAXPROCS/FUZZ_JOBS workers
#   FUZZ_ONLY=re   run only targets whose "dir.Name" (analysis/gguf.FuzzReadHeader)
#                  matches this egrep pattern
#   FUZZMINIMIZETIME=5s  bound on minimizing each new input; go's default
#                  (60 s) outlasts short runs, and a minimization cut off by
#                  -fuzztime is reported as a crash (golang/go#52569)
#
# Targets are found by grepping "func FuzzXxx(" in *_test.go, so new ones are
# picked up without editing this file. A crash leaves its input under the
# package's testdata/fuzz/FuzzXxx/; keep it there as a regression seed (plain
# `go test` replays it). Two cautions before keeping one: "fuzzing process
# hung" means one input ran over go's fixed 10 s, which an overloaded
# machine causes too (replay it with go test -run=FuzzXxx/ID first); and an
# input grown from a ../shared/corpus seed holds third-party text the
# project must not ship (minimise or rewrite it). Exit status 1 when any
# target failed.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

fuzztime="${FUZZTIME:-15s}"
minimizetime="${FUZZMINIMIZETIME:-5s}"
jobs="${FUZZ_JOBS:-1}"
cpus="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)"
workers=$(( cpus / jobs )); [ "$workers" -lt 1 ] && workers=1
logdir="$(mktemp -d)"
trap 'rm -rf "$logdir"' EXIT

targets=()
while IFS=: read -r file _ line; do
  name="$(sed -E 's/^func (Fuzz[A-Za-z0-9_]*)\(.*/\1/' <<<"$line")"
  targets+=("$(dirname "$file") $name")
done < <(grep -rn --include='*_test.go' -E '^func Fuzz[A-Za-z0-9_]*\(' . | sort)

run_one() {
  local pkg="$1" name="$2" log start rc
  log="$logdir/$(tr '/.' '__' <<<"$pkg")_$name.log"
  start=$(date +%s)
  go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimizetime" -parallel "$workers" "$pkg" >"$log" 2>&1
  rc=$?
  local status=PASS; [ "$rc" -ne 0 ] && status=FAIL
  # go1.26's fuzz coordinator can report its own -fuzztime deadline as a
  # failure ("context deadline exceeded", go.dev/issue/75804, fixed in Go
  # 1.27). A real crash or hang always writes its input; without one, the
  # run is a harness flake: shown, not failed.
  if [ "$rc" -ne 0 ] && grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input written' "$log"; then
    status=FLAKE
    rc=0
  fi
  local execs; execs="$(grep -oE 'execs: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)"
  printf '%-4s %-28s %-24s %5ss %12s execs\n' "$status" "$pkg" "$name" "$(( $(date +%s) - start ))" "${execs:-?}"
  if [ "$status" = FLAKE ]; then
    sed 's/^/    /' "$log" | tail -4
  fi
  if [ "$rc" -ne 0 ]; then
    sed 's/^/    /' "$log" | tail -40
    return 1
  fi
}

failed=0
running=0
for t in "${targets[@]}"; do
  read -r pkg name <<<"$t"
  if [ -n "${FUZZ_ONLY:-}" ] && ! grep -Eq "${FUZZ_ONLY}" <<<"${pkg#./}.$name"; then
    continue
  fi
  run_one "$pkg" "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
exit "$failed"
