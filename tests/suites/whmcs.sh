#!/usr/bin/env bash
# WHMCS bridge: php -l on every module and test file, then the phpunit suite (unit tests and
# integration tests against the Kubernetes API emulator). Ends with the SUITE-RESULT line.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/integrations/whmcs"
export PATH="$PATH:$root/.tools/bin"

lint_failed=0
while IFS= read -r -d '' file; do
  if ! out="$(php -l "$file" 2>&1)"; then
    echo "$out"
    lint_failed=$((lint_failed + 1))
  fi
done < <(find "$dir" -name '*.php' -print0)
echo "php -l: $(find "$dir" -name '*.php' | wc -l) files, $lint_failed with errors"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
(cd "$dir" && phpunit --configuration phpunit.xml.dist) 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# phpunit 9 summary: "OK (N tests, M assertions)" or "Tests: N, Assertions: M, Failures: F, Errors: E, Skipped: S, Incomplete: I."
summary="$(grep -E '^(OK \(|Tests: )' "$log" | tail -1)"
count() { grep -oE "$1: [0-9]+" <<<"$summary" | grep -oE '[0-9]+' || echo 0; }
if [[ "$summary" =~ ^OK\ \(([0-9]+)\ test ]]; then
  total="${BASH_REMATCH[1]}" failed=0 skipped=0
elif [ -n "$summary" ]; then
  total="$(count Tests)"
  failed=$(( $(count Failures) + $(count Errors) ))
  skipped=$(( $(count Skipped) + $(count Incomplete) ))
else
  total=0 failed=1 skipped=0
fi
passed=$(( total - failed - skipped ))
failed=$(( failed + lint_failed ))
[ "$rc" != 0 ] && [ "$failed" = 0 ] && failed=1
echo "SUITE-RESULT passed=$passed failed=$failed skipped=$skipped"
[ "$failed" = 0 ]
