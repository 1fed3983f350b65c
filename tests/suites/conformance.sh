#!/usr/bin/env bash
# Real-OpenStack conformance stage: brings up Debian's OpenStack on loopback behind CloudPe's project
# path (tests/conformance/openstack/setup.sh), runs the client contract suite of
# tests/CloudPe.OpenStack.Tests against it, then the operator end-to-end run of tests/CloudPe.EndToEnd.Tests/RealCloud
# (Release builds, already built by test.sh), and always stops what it started. Skips, saying why, when it cannot run here. Ends with the SUITE-RESULT line.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
lab="$root/tests/conformance/openstack"
project="$root/tests/CloudPe.OpenStack.Tests/CloudPe.OpenStack.Tests.csproj"
# lib.sh resets PATH to the system's for the OpenStack python; the .NET SDK may live elsewhere.
dotnet_bin="$(command -v dotnet || echo "${DOTNET_ROOT:-/usr/share/dotnet}/dotnet")"
# shellcheck source=tests/conformance/openstack/lib.sh
. "$lab/lib.sh"
PATH="$PATH:$(dirname "$dotnet_bin")"; export PATH

result() { echo "SUITE-RESULT passed=$1 failed=$2 skipped=$3"; [ "$2" = 0 ]; }
skip_stage() { echo "SKIP  conformance stage -- $1"; result 0 0 1; exit 0; }

# ---------------------------------------------------------------- can it run here?
[ -z "${CLOUDPE_SKIP_CONFORMANCE:-}" ] || skip_stage "CLOUDPE_SKIP_CONFORMANCE is set"
[ "$(id -u)" = 0 ] || skip_stage "needs root (installs Debian packages, starts MariaDB, RabbitMQ, nginx and OpenStack on loopback)"
{ [ -r /etc/debian_version ] && command -v apt-get >/dev/null; } || skip_stage "needs a Debian system with apt-get"
avail_kb=$(awk '/^MemAvailable:/{print $2}' /proc/meminfo)
[ "${avail_kb:-0}" -ge $((3 * 1024 * 1024)) ] || skip_stage "needs ~3 GB of free memory, $((${avail_kb:-0} / 1024)) MB available"
# shellcheck disable=SC2086
if ! dpkg -s $PACKAGES >/dev/null 2>&1; then
  { timeout 120 apt-get update -q >/dev/null 2>&1 && apt-cache show python3-nova >/dev/null 2>&1; } \
    || skip_stage "the OpenStack Debian packages are not installed and apt cannot reach them"
fi
if [ -z "$(alive_pids)" ]; then   # a lab of an earlier run is stopped by setup.sh itself
  for p in $BACKEND_PORTS; do
    port_busy "$p" && skip_stage "127.0.0.1:$p is taken by a process this stage did not start"
  done
fi
[ -f "$root/tests/CloudPe.OpenStack.Tests/bin/Release/net10.0/CloudPe.OpenStack.Tests.dll" ] || {
  echo "FAIL  conformance stage -- tests/CloudPe.OpenStack.Tests is not built in Release (test.sh builds it first)"
  result 0 1 0; exit 1; }

# ---------------------------------------------------------------- the lab, always stopped
trap 'bash "$lab/stop.sh" || echo "FAIL  the lab did not stop cleanly"' EXIT
setup_start=$(date +%s.%N)
if ! bash "$lab/setup.sh"; then
  echo "FAIL  conformance setup -- last lines of the service logs:"
  for f in "$LOG"/*.log; do [ -s "$f" ] && { echo "  --- $f"; tail -5 "$f" | sed 's/^/      /'; }; done
  result 0 1 0; exit 1
fi
setup_seconds=$(awk -v a="$(date +%s.%N)" -v b="$setup_start" 'BEGIN{printf "%.1f", a-b}')

set -a
# shellcheck disable=SC1091
. "$LAB/env"
set +a
echo "contract suite against http://$CLOUDPE_TEST_ENDPOINT$CLOUDPE_TEST_PROJECT_PATH/v3 (region $CLOUDPE_TEST_REGION)"
log="$(mktemp)"
test_start=$(date +%s.%N)
(cd "$root" && timeout 1500 dotnet test "$project" -c Release --no-build --nologo --logger "console;verbosity=normal") 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
test_seconds=$(awk -v a="$(date +%s.%N)" -v b="$test_start" 'BEGIN{printf "%.1f", a-b}')
free -m | awk '/^Mem:/{print "memory after the tests: " $3 " MB used of " $2 " MB"}'

# The console logger ends with "Passed!/Failed! - Failed: N, Passed: N, Skipped: N" at minimal
# verbosity and with a "Total tests:" block at normal verbosity; read either.
line="$(grep -E '^(Passed|Failed)!' "$log" | tail -1)"
if [ -z "$line" ] && grep -q '^Total tests:' "$log"; then
  line="$(awk '/^Total tests:/{t=1} t && /^ *(Passed|Failed|Skipped):/{gsub(/ /,""); printf "%s ", $0}' "$log" | sed -E 's/:/: /g')"
fi
rm -f "$log"
if [ -z "$line" ]; then
  echo "CONFORMANCE-TIMES setup=${setup_seconds}s tests=${test_seconds}s"
  echo "FAIL  contract suite -- no test summary (exit code $rc)"
  result 0 1 0; exit 1
fi
num() { grep -oE "$1: *[0-9]+" <<<"$2" | grep -oE '[0-9]+' || echo 0; }
p=$(num Passed "$line") f=$(num Failed "$line") s=$(num Skipped "$line")
[ "$rc" != 0 ] && [ "$f" = 0 ] && f=1

# ---------------------------------------------------------------- the operator end to end against the same cloud
# The sandbox's emulator and operator as a process, CloudPeVMs driven with kubectl (tests/CloudPe.EndToEnd.Tests/RealCloud).
echo "operator end-to-end run against http://$CLOUDPE_TEST_ENDPOINT$CLOUDPE_TEST_PROJECT_PATH"
e2e_log="$(mktemp)"
e2e_start=$(date +%s.%N)
(cd "$root" && timeout 600 dotnet test "$root/tests/CloudPe.EndToEnd.Tests/CloudPe.EndToEnd.Tests.csproj" -c Release --no-build --nologo \
  --filter "FullyQualifiedName~RealCloud" --logger "console;verbosity=normal") 2>&1 | tee "$e2e_log"
e2e_rc=${PIPESTATUS[0]}
e2e_seconds=$(awk -v a="$(date +%s.%N)" -v b="$e2e_start" 'BEGIN{printf "%.1f", a-b}')
e2e_line="$(awk '/^Total tests:/{t=1} t && /^ *(Passed|Failed|Skipped):/{gsub(/ /,""); printf "%s ", $0}' "$e2e_log" | sed -E 's/:/: /g')"
rm -f "$e2e_log"
echo "CONFORMANCE-TIMES setup=${setup_seconds}s tests=${test_seconds}s end-to-end=${e2e_seconds}s"
if [ -z "$e2e_line" ]; then
  echo "FAIL  operator end-to-end run -- no test summary (exit code $e2e_rc)"
  f=$((f + 1))
else
  ep=$(num Passed "$e2e_line") ef=$(num Failed "$e2e_line") es=$(num Skipped "$e2e_line")
  [ "$e2e_rc" != 0 ] && [ "$ef" = 0 ] && ef=1
  p=$((p + ep)) f=$((f + ef)) s=$((s + es))
fi
result "$p" "$f" "$s"
