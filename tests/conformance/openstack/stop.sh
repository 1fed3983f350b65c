#!/usr/bin/env bash
# Stops every process setup.sh started (the process groups named by its PID files) and removes the
# lab's state and the tmpfs database. The Debian packages and the unpacked *-common files stay: they
# are the cache that makes the next setup fast. The logs stay in $LAB/logs until the next setup.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=tests/conformance/openstack/lib.sh
. "$here/lib.sh"
stop_all
left=$(alive_pids)
[ -z "$left" ] || echo "conformance stop: still running: $left" >&2
rm -rf "$ST" "$RUN" "$BIN" "$PYD" "$ETC" "$DBDIR" "$LAB/env"
echo "conformance lab stopped"
[ -z "$left" ]
