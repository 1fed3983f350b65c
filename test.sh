#!/usr/bin/env bash
# The one test command: installs what the suites need, builds everything, runs every suite
# (.NET, PHP, chart checks, and the real-OpenStack conformance stage where it can run),
# and ends with one line totalling them all: "N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
export PATH="$PATH:$root/.tools/bin"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
total_pass=0 total_fail=0 total_skip=0

record() { # suite passed failed skipped
  echo "== suite $1: $2 passed, $3 failed, $4 skipped"
  total_pass=$((total_pass + $2)); total_fail=$((total_fail + $3)); total_skip=$((total_skip + $4))
}

stage() { echo; echo "=== $* ($(date +%T))"; }

stage "tools"
bash scripts/install-tools.sh || echo "install-tools failed; suites that need the tools will fail"

stage "build (warnings are errors)"
if ! dotnet build CloudPe.Operator.sln -c Release -nologo -clp:ErrorsOnly; then
  record build 0 1 0
  echo "$total_pass passed, $total_fail failed, $total_skip skipped"
  exit 1
fi

for proj in tests/*/*.Tests.csproj; do
  name="$(basename "$proj" .csproj)"
  stage "dotnet test $name"
  log="$results/$name.log"
  dotnet test "$proj" -c Release --no-build --nologo \
    --logger "console;verbosity=normal" --blame-hang-timeout 10m 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  # The console logger at normal verbosity ends with a block: "Total tests: N", "Passed: N",
  # "Failed: N", "Skipped: N" (lines that are absent count 0); quiet verbosity prints "Passed!  - Failed: ...".
  if grep -q '^Total tests:' "$log"; then
    block="$(tac "$log" | sed '/^Total tests:/q' | tac)"
    count() { grep -E "^ *$1: *[0-9]+" <<<"$block" | head -1 | grep -oE '[0-9]+' || echo 0; }
    p=$(count Passed); f=$(count Failed); s=$(count Skipped)
  else
    line="$(grep -E '^(Passed|Failed)!' "$log" | tail -1)"
    if [ -z "$line" ]; then
      if grep -q 'No test is available' "$log"; then record "$name" 0 0 0; else record "$name" 0 1 0; fi
      continue
    fi
    p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")
    f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")
    s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
  fi
  [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
  record "$name" "$p" "$f" "$s"
done

# The solution is built in Release above: script suites reuse that build.
export WHMCS_EMULATOR_NO_BUILD=1
for suite in tests/suites/*.sh; do
  [ -e "$suite" ] || continue
  name="$(basename "$suite" .sh)"
  stage "suite $name"
  log="$results/$name.log"
  bash "$suite" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  # Each script suite ends with a line "SUITE-RESULT passed=N failed=N skipped=N".
  line="$(grep -E '^SUITE-RESULT ' "$log" | tail -1)"
  if [ -z "$line" ]; then record "$name" 0 1 0; continue; fi
  p=$(sed -E 's/.*passed=([0-9]+).*/\1/' <<<"$line")
  f=$(sed -E 's/.*failed=([0-9]+).*/\1/' <<<"$line")
  s=$(sed -E 's/.*skipped=([0-9]+).*/\1/' <<<"$line")
  [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
  record "$name" "$p" "$f" "$s"
done

echo
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" = 0 ]
