#!/usr/bin/env bash
# Runs `fineprint check` for the GitHub Action (action.yml): the findings as
# text in the log, and the SARIF log for code scanning. The step's exit status
# is fineprint's: 0 nothing at or above fail-on, 1 findings at or above it,
# 2 a usage or I/O error.
#
# Environment (set by action.yml from its inputs):
#   FINEPRINT          the executable (default: fineprint on PATH)
#   FINEPRINT_PATHS    folders and files, separated by spaces, or one a line (then
#                      a path may hold spaces; blanks around it are dropped)
#   FINEPRINT_FAIL_ON  error | warning | information | hint | never
#   FINEPRINT_CONFIG   a profile file, or empty
#   FINEPRINT_SARIF    where to write the SARIF log
# Outputs: sarif-file, exit-code.
set -uo pipefail

fineprint="${FINEPRINT:-fineprint}"
sarif="${FINEPRINT_SARIF:-fineprint.sarif}"
paths=()
if [[ "${FINEPRINT_PATHS:-.}" == *$'\n'* ]]; then
  while IFS= read -r p; do
    p="${p#"${p%%[![:space:]]*}"}" # trim leading and trailing blanks
    p="${p%"${p##*[![:space:]]}"}"
    [ -n "$p" ] && paths+=("$p")
  done <<< "$FINEPRINT_PATHS"
else
  read -r -a paths <<< "${FINEPRINT_PATHS:-.}"
fi
[ ${#paths[@]} -eq 0 ] && paths=(.)
flags=(--fail-on "${FINEPRINT_FAIL_ON:-error}")
[ -n "${FINEPRINT_CONFIG:-}" ] && flags+=(--config "$FINEPRINT_CONFIG")

echo "::group::fineprint check ${flags[*]} ${paths[*]}"
"$fineprint" check --format text "${flags[@]}" "${paths[@]}"
echo "::endgroup::"

mkdir -p "$(dirname "$sarif")"
"$fineprint" check --format sarif "${flags[@]}" "${paths[@]}" > "$sarif"
code=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
  echo "exit-code=$code" >> "$GITHUB_OUTPUT"
fi
case "$code" in
  0) echo "fineprint: nothing at or above ${FINEPRINT_FAIL_ON:-error}; SARIF log in $sarif" ;;
  1) echo "::error title=fineprint::findings at or above ${FINEPRINT_FAIL_ON:-error} (SARIF log in $sarif)" ;;
  *) echo "::error title=fineprint::fineprint check failed with status $code (a usage or I/O error; see above)" ;;
esac
exit "$code"
