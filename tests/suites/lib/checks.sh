# shellcheck shell=bash
# Shared by the script suites in tests/suites (sourced, not run): counting checks and the
# "SUITE-RESULT passed=N failed=N skipped=N" line that test.sh reads.
passed=0 failed=0 skipped=0

pass() { passed=$((passed + 1)); echo "PASS  $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1${2:+ -- $2}"; }
skip() { skipped=$((skipped + 1)); echo "SKIP  $1 -- $2"; }

# check NAME COMMAND...: one test; the command's output is shown only when it fails.
check() {
  local name="$1" out
  shift
  if out="$("$@" 2>&1)"; then pass "$name"; else fail "$name"; printf '%s\n' "$out" | tail -25 | sed 's/^/      /'; fi
}

# Prints the result line; the exit status says whether every check passed.
suite_result() {
  echo "SUITE-RESULT passed=$passed failed=$failed skipped=$skipped"
  [ "$failed" = 0 ]
}
