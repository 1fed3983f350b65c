# shellcheck shell=bash disable=SC2034
# Shared by setup.sh, stop.sh and the conformance suite (sourced, not run): where the lab lives,
# which loopback ports it uses, and the helpers to start and stop only our own processes.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin   # the system python3 owns the OpenStack modules

LAB=${CLOUDPE_CONFORMANCE_DIR:-/tmp/cloudpe-conformance}
CACHE=${CLOUDPE_CONFORMANCE_CACHE:-/var/cache/cloudpe-conformance}
ETC=$LAB/etc ST=$LAB/state LOG=$LAB/logs RUN=$LAB/run BIN=$LAB/bin PYD=$LAB/py
DBDIR=/dev/shm/cloudpe-conformance-mysql   # tmpfs: the schema migrations fsync a lot
PROJECT_PATH=/openstack/14
REGION=RegionOne

# Back-end ports (loopback only); the proxy takes a free port at setup. All stay below 32768, outside Linux's
# ephemeral range (32768-60999), so an outgoing connection of another process cannot hold one when the lab starts.
P_KEYSTONE=5000 P_PLACEMENT=8778 P_GLANCE=9292 P_NOVA=8774 P_NEUTRON=9696 P_CINDER=8776
P_MYSQL=13306 P_RABBIT=17672 P_RABBIT_DIST=17673 P_EPMD=14369
BACKEND_PORTS="$P_KEYSTONE $P_PLACEMENT $P_GLANCE $P_NOVA $P_NEUTRON $P_CINDER $P_MYSQL $P_RABBIT $P_RABBIT_DIST $P_EPMD"

# Debian packages of the lab; their presence is the cache between runs.
PACKAGES="python3-keystone python3-nova python3-neutron python3-cinder python3-glance python3-placement
  python3-pymysql mariadb-server rabbitmq-server uwsgi-core uwsgi-plugin-python3 nginx-light jq curl"

T0=${T0:-$(date +%s.%N)}
elapsed() { awk -v a="$(date +%s.%N)" -v b="$T0" 'BEGIN{printf "%.1f", a-b}'; }
step() { echo "[$(printf '%6ss' "$(elapsed)")] $*"; }
die() { echo "conformance setup: $*" >&2; exit 1; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Every daemon runs in its own session; its PID file names the process group that stop_all ends.
start_daemon() { # name command...
  local name=$1; shift
  setsid "$@" </dev/null >>"$LOG/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
}

alive_pids() {
  local f
  for f in "$RUN"/*.pid; do
    [ -e "$f" ] || continue
    kill -0 -- "-$(cat "$f")" 2>/dev/null && echo "$f"
  done
}

# Ends the process groups named by our PID files: TERM, a short grace (oslo services wait up to
# 60 s on TERM and the state is thrown away anyway), then KILL.
stop_all() {
  [ -d "$RUN" ] || return 0
  local f
  for f in "$RUN"/*.pid; do [ -e "$f" ] && kill -TERM -- "-$(cat "$f")" 2>/dev/null; done
  for _ in $(seq 25); do [ -z "$(alive_pids)" ] && break; sleep 0.2; done
  for f in "$RUN"/*.pid; do [ -e "$f" ] || continue; kill -KILL -- "-$(cat "$f")" 2>/dev/null; rm -f "$f"; done
  return 0
}
