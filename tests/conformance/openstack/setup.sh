#!/usr/bin/env bash
# Brings up a real OpenStack (Debian 12's packaged Zed) on loopback with fake back-ends, behind an
# nginx that serves it under CloudPe's project path, and bootstraps what the contract suite needs:
# a project with an application credential, two flavors, an image, a volume type, a network with
# an IPv4 and an IPv6 subnet and a security group. Writes $LAB/env (CLOUDPE_TEST_* variables).
#
# Idempotent: it first stops what an earlier run started (by PID file) and rebuilds the state.
# The installed Debian packages and the unpacked *-common files are the cache between runs.
# Needs root. Stop everything with stop.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=tests/conformance/openstack/lib.sh
. "$here/lib.sh"
[ "$(id -u)" = 0 ] || die "must run as root"
# A failed setup leaves nothing running (the logs stay for the diagnosis).
trap 'rc=$?; [ $rc = 0 ] || stop_all; exit $rc' EXIT

# ---------------------------------------------------------------- 0. previous run, ports, state
stop_all
rm -rf "$ETC" "$ST" "$LOG" "$RUN" "$BIN" "$PYD" "$DBDIR" "$LAB/env"
for p in $BACKEND_PORTS; do port_busy "$p" && die "127.0.0.1:$p is already in use by a process this lab did not start"; done
mkdir -p "$ETC"/{keystone,glance,placement,nova,neutron/plugins/ml2,cinder} "$ST"/{keystone,glance/images,glance/staging,glance/tasks,nova/instances,neutron,cinder,locks,rabbitmq,nginx} \
  "$LOG" "$RUN" "$BIN" "$PYD"
chmod 755 "$LAB"
step "previous run stopped, state cleaned"

# ---------------------------------------------------------------- 1. packages (the cache)
# shellcheck disable=SC2086
if ! dpkg -s $PACKAGES >/dev/null 2>&1; then
  apt-get update -q >"$LOG/apt.log" 2>&1 || die "apt-get update failed (see $LOG/apt.log)"
  # Block daemon start-ups from maintainer scripts: the lab starts its own, on loopback.
  prc_created=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && prc_created=1
  fi
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io \
    $PACKAGES >>"$LOG/apt.log" 2>&1 || { [ $prc_created = 1 ] && rm -f /usr/sbin/policy-rc.d; die "apt-get install failed (see $LOG/apt.log)"; }
  [ $prc_created = 1 ] && rm -f /usr/sbin/policy-rc.d
fi
# The api-paste files live in the *-common packages, whose postinst would run dbconfig and systemd:
# only unpack them.
X=$CACHE/common/usr/share
if [ ! -f "$X/nova-common/api-paste.ini" ]; then
  mkdir -p "$CACHE/debs"
  (cd "$CACHE/debs" && rm -f ./*.deb && apt-get download -q nova-common neutron-common cinder-common glance-common >>"$LOG/apt.log" 2>&1) \
    || die "apt-get download of the *-common packages failed (see $LOG/apt.log)"
  rm -rf "$CACHE/common" && mkdir -p "$CACHE/common"
  for f in "$CACHE"/debs/*.deb; do dpkg-deb -x "$f" "$CACHE/common"; done
fi
cp "$X/nova-common/api-paste.ini" "$ETC/nova/api-paste.ini"
cp "$X/neutron-common/api-paste.ini" "$ETC/neutron/api-paste.ini"
cp "$X/cinder-common/api-paste.ini" "$ETC/cinder/api-paste.ini"
cp "$X/glance-common/glance-api-paste.ini" "$ETC/glance/glance-api-paste.ini"
cp -r "$here/python/." "$PYD/"
step "packages ready"

# ---------------------------------------------------------------- 2. mariadb (tmpfs), epmd + rabbitmq (loopback)
mkdir -p "$DBDIR" "$ST/mysql" && chown mysql:mysql "$DBDIR" "$ST/mysql"
touch "$LOG/mariadb.log" && chown mysql "$LOG/mariadb.log"
mariadb-install-db --no-defaults --datadir="$DBDIR" --user=mysql --auth-root-authentication-method=socket \
  --skip-test-db >"$LOG/mariadb-install.log" 2>&1 || die "mariadb-install-db failed (see $LOG/mariadb-install.log)"
SOCK=$ST/mysql/mysqld.sock
start_daemon mariadb mariadbd --no-defaults --datadir="$DBDIR" --user=mysql --bind-address=127.0.0.1 --port="$P_MYSQL" \
  --socket="$SOCK" --pid-file="$ST/mysql/mariadbd.pid" --skip-log-bin --max-connections=1000 \
  --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
  --character-set-server=utf8 --collation-server=utf8_general_ci --log-error="$LOG/mariadb.log"

# Our own epmd on its own port, so stopping the lab never touches another Erlang node's epmd.
export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$P_EPMD"
start_daemon epmd epmd -address 127.0.0.1 -port "$P_EPMD"
export RABBITMQ_NODENAME=cloudpe@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$P_RABBIT \
  RABBITMQ_DIST_PORT=$P_RABBIT_DIST RABBITMQ_MNESIA_BASE=$ST/rabbitmq/mnesia RABBITMQ_LOG_BASE=$LOG/rabbitmq \
  RABBITMQ_ENABLED_PLUGINS_FILE=$ST/rabbitmq/enabled_plugins RABBITMQ_PID_FILE=$ST/rabbitmq/pid \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
mkdir -p "$LOG/rabbitmq" && echo '[].' >"$ST/rabbitmq/enabled_plugins"
HOME=$ST/rabbitmq start_daemon rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server

for _ in $(seq 150); do mysql --socket="$SOCK" -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
mysql --socket="$SOCK" -uroot -e 'select 1' >/dev/null 2>&1 || die "mariadb did not start (see $LOG/mariadb.log)"
PW=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')   # every service and database password of this run
for db in keystone glance placement nova_api nova nova_cell0 neutron cinder; do
  mysql --socket="$SOCK" -uroot -e "CREATE DATABASE $db"
done
mysql --socket="$SOCK" -uroot -e "CREATE USER 'os'@'127.0.0.1' IDENTIFIED BY '$PW'; GRANT ALL ON *.* TO 'os'@'127.0.0.1';"
step "mariadb up"
DB="mysql+pymysql://os:$PW@127.0.0.1:$P_MYSQL"
MQ="rabbit://guest:guest@127.0.0.1:$P_RABBIT/"

# ---------------------------------------------------------------- 3. configuration
PROXY_PORT=$(free_port)
PUB=http://127.0.0.1:$PROXY_PORT$PROJECT_PATH   # what a CloudPe customer sees
KS=http://127.0.0.1:$P_KEYSTONE                  # what the services use among themselves
common_ini() {
cat <<EOF
[oslo_middleware]
enable_proxy_headers_parsing = true
[oslo_concurrency]
lock_path = $ST/locks
EOF
}
authtoken() { # service user
cat <<EOF
[keystone_authtoken]
www_authenticate_uri = $PUB/v3
auth_url = $KS/v3
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $PW
interface = internal
service_token_roles_required = true
service_token_roles = service
EOF
}
svcauth() { # section user
cat <<EOF
[$1]
auth_url = $KS/v3
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $2
password = $PW
region_name = $REGION
EOF
}

cat >"$ETC/keystone/keystone.conf" <<EOF
[DEFAULT]
use_stderr = true
[database]
connection = $DB/keystone
[token]
provider = fernet
[fernet_tokens]
key_repository = $ST/keystone/fernet-keys
[fernet_receipts]
key_repository = $ST/keystone/fernet-keys
[credential]
key_repository = $ST/keystone/credential-keys
$(common_ini)
EOF

cat >"$ETC/placement/placement.conf" <<EOF
[DEFAULT]
use_stderr = true
[placement_database]
connection = $DB/placement
[api]
auth_strategy = keystone
$(authtoken placement)
EOF

cat >"$ETC/glance/glance-api.conf" <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $P_GLANCE
workers = 1
enabled_backends = fs:file
log_file = $LOG/glance-api.log
[database]
connection = $DB/glance
[paste_deploy]
flavor = keystone
config_file = $ETC/glance/glance-api-paste.ini
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $ST/glance/images
[os_glance_staging_store]
filesystem_store_datadir = $ST/glance/staging
[os_glance_tasks_store]
filesystem_store_datadir = $ST/glance/tasks
$(common_ini)
$(authtoken glance)
EOF

# Quotas unlimited: the contract suite boots a few dozen servers and never cleans up.
cat >"$ETC/nova/nova.conf" <<EOF
[DEFAULT]
host = cloudpe-conformance
my_ip = 127.0.0.1
state_path = $ST/nova
instances_path = $ST/nova/instances
transport_url = $MQ
compute_driver = fake.FakeDriver
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $P_NOVA
osapi_compute_workers = 1
block_device_allocate_retries_interval = 1
periodic_fuzzy_delay = 0
heal_instance_info_cache_interval = -1
allow_resize_to_same_host = true
log_file = $LOG/nova-api.log
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = $ETC/nova/api-paste.ini
[api_database]
connection = $DB/nova_api
[database]
connection = $DB/nova
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 2
[quota]
instances = -1
cores = -1
ram = -1
[vnc]
enabled = true
server_listen = 127.0.0.1
server_proxyclient_address = 127.0.0.1
novncproxy_base_url = http://127.0.0.1:6080/vnc_auto.html
[glance]
api_servers = http://127.0.0.1:$P_GLANCE
$(common_ini)
$(authtoken nova)
$(svcauth placement nova)
valid_interfaces = internal
$(svcauth neutron nova)
valid_interfaces = internal
$(svcauth cinder nova)
os_region_name = $REGION
catalog_info = volumev3:cinderv3:internalURL
$(svcauth service_user nova)
send_service_user_token = true
EOF

cat >"$ETC/neutron/neutron.conf" <<EOF
[DEFAULT]
core_plugin = ml2
service_plugins = router
auth_strategy = keystone
bind_host = 127.0.0.1
bind_port = $P_NEUTRON
api_workers = 1
rpc_workers = 1
rpc_state_report_workers = 1
transport_url = $MQ
api_paste_config = $ETC/neutron/api-paste.ini
state_path = $ST/neutron
dhcp_agent_notification = false
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
log_file = $LOG/neutron-server.log
[database]
connection = $DB/neutron
[quotas]
quota_port = -1
$(common_ini)
$(authtoken neutron)
$(svcauth nova neutron)
endpoint_type = internal
EOF
cat >"$ETC/neutron/plugins/ml2/ml2_conf.ini" <<EOF
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = cloudpe_bindall
extension_drivers = port_security
[ml2_type_vxlan]
vni_ranges = 1:1000
[securitygroup]
enable_security_group = true
EOF

cat >"$ETC/cinder/cinder.conf" <<EOF
[DEFAULT]
host = cloudpe-conformance
my_ip = 127.0.0.1
transport_url = $MQ
auth_strategy = keystone
osapi_volume_listen = 127.0.0.1
osapi_volume_listen_port = $P_CINDER
osapi_volume_workers = 1
api_paste_config = $ETC/cinder/api-paste.ini
state_path = $ST/cinder
enabled_backends = fake
default_volume_type = standard
glance_api_servers = http://127.0.0.1:$P_GLANCE
periodic_fuzzy_delay = 0
quota_volumes = -1
quota_gigabytes = -1
quota_snapshots = -1
[database]
connection = $DB/cinder
$(common_ini)
$(authtoken cinder)
$(svcauth nova cinder)
interface = internal
[fake]
volume_driver = cloudpe_conformance_cinder.ConformanceVolumeDriver
volume_backend_name = fake
EOF

cat >"$ETC/nginx.conf" <<EOF
worker_processes 1;
pid $RUN/nginx.master;
error_log $LOG/nginx-error.log;
user www-data;
events { worker_connections 1024; }
http {
  access_log $LOG/nginx-access.log;
  client_body_temp_path $ST/nginx/body;
  proxy_temp_path $ST/nginx/proxy;
  fastcgi_temp_path $ST/nginx/fastcgi;
  uwsgi_temp_path $ST/nginx/uwsgi;
  scgi_temp_path $ST/nginx/scgi;
  client_max_body_size 0;
  proxy_read_timeout 300s;
  proxy_set_header Host \$http_host;
  proxy_set_header X-Forwarded-Host \$http_host;
  proxy_set_header X-Forwarded-Proto \$scheme;
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location $PROJECT_PATH/v3 { proxy_set_header X-Forwarded-Prefix $PROJECT_PATH; proxy_pass http://127.0.0.1:$P_KEYSTONE/v3; }
    location $PROJECT_PATH/compute/ { proxy_set_header X-Forwarded-Prefix $PROJECT_PATH/compute; proxy_pass http://127.0.0.1:$P_NOVA/; }
    location $PROJECT_PATH/network/ { proxy_set_header X-Forwarded-Prefix $PROJECT_PATH/network; proxy_pass http://127.0.0.1:$P_NEUTRON/; }
    location $PROJECT_PATH/volume/ { proxy_set_header X-Forwarded-Prefix $PROJECT_PATH/volume; proxy_pass http://127.0.0.1:$P_CINDER/; }
    location $PROJECT_PATH/image/ { proxy_set_header X-Forwarded-Prefix $PROJECT_PATH/image; proxy_pass http://127.0.0.1:$P_GLANCE/; }
  }
}
EOF
chown www-data "$ST/nginx"

mk() { # name module: a console script (the service packages that ship them also pull systemd units)
  printf '#!/usr/bin/python3\nimport sys\nfrom %s import main\nsys.exit(main())\n' "$2" >"$BIN/$1"; chmod +x "$BIN/$1"; }
mk nova-api nova.cmd.api; mk nova-conductor nova.cmd.conductor; mk nova-scheduler nova.cmd.scheduler
mk nova-compute nova.cmd.compute; mk nova-manage nova.cmd.manage
mk neutron-server neutron.cmd.eventlet.server; mk neutron-db-manage neutron.db.migration.cli
mk cinder-api cinder.cmd.api; mk cinder-scheduler cinder.cmd.scheduler; mk cinder-volume cinder.cmd.volume; mk cinder-manage cinder.cmd.manage
mk glance-api glance.cmd.api; mk glance-manage glance.cmd.manage
export PYTHONPATH=$PYD
step "configuration written (proxy port $PROXY_PORT)"

# ---------------------------------------------------------------- 4. schemas (in parallel)
declare -A SYNC
dbsync() { local n=$1; shift; ( "$@" >"$LOG/dbsync-$n.log" 2>&1 ) & SYNC[$n]=$!; }
synced() { local n; for n in "$@"; do wait "${SYNC[$n]}" || { tail -20 "$LOG/dbsync-$n.log" >&2; die "schema of $n failed"; }; done; }
KM="keystone-manage --config-file $ETC/keystone/keystone.conf"
dbsync keystone bash -c "$KM fernet_setup --keystone-user root --keystone-group root && \
  $KM credential_setup --keystone-user root --keystone-group root && $KM db_sync && \
  $KM bootstrap --bootstrap-password '$PW' --bootstrap-region-id $REGION --bootstrap-public-url $PUB/v3 \
    --bootstrap-internal-url $KS/v3 --bootstrap-admin-url $KS/v3"
dbsync glance "$BIN/glance-manage" --config-file "$ETC/glance/glance-api.conf" db_sync
dbsync placement placement-manage --config-file "$ETC/placement/placement.conf" db sync
dbsync neutron "$BIN/neutron-db-manage" --config-file "$ETC/neutron/neutron.conf" --config-file "$ETC/neutron/plugins/ml2/ml2_conf.ini" upgrade heads
dbsync cinder "$BIN/cinder-manage" --config-file "$ETC/cinder/cinder.conf" db sync
NM="$BIN/nova-manage --config-file $ETC/nova/nova.conf"
dbsync nova bash -c "$NM api_db sync && $NM cell_v2 map_cell0 --database_connection $DB/nova_cell0 && \
  $NM cell_v2 create_cell --name cell1 && $NM db sync"

# ---------------------------------------------------------------- 5. services, each once its schema is there
# uwsgi's --http-socket does not keep connections alive; without "Connection: close" pooled client
# connections that uwsgi already dropped fail at random (401s, a crashed nova-scheduler).
uw() { # name port wsgi-file env
  start_daemon "$1" uwsgi --plugin python3 --http-socket "127.0.0.1:$2" --wsgi-file "$3" --env "$4" --env "PYTHONPATH=$PYD" \
    --master --processes 1 --threads 8 --enable-threads --lazy-apps --die-on-term --buffer-size 65535 \
    --need-app --add-header "Connection: close"; }
httpok() { # url seconds name: any HTTP answer below 500
  local c
  for _ in $(seq $(($2 * 4))); do
    c=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" || true)
    [ "${c:-000}" != 000 ] && [ "$c" -lt 500 ] && return 0
    sleep 0.25
  done
  die "$3 did not answer at $1 within $2 s (see $LOG)"; }
NC=(--config-file "$ETC/nova/nova.conf"); CC=(--config-file "$ETC/cinder/cinder.conf")
synced keystone placement
uw keystone "$P_KEYSTONE" /usr/bin/keystone-wsgi-public "OS_KEYSTONE_CONFIG_FILES=$ETC/keystone/keystone.conf"
uw placement "$P_PLACEMENT" /usr/bin/placement-api "OS_PLACEMENT_CONFIG_DIR=$ETC/placement"
start_daemon nginx nginx -e "$LOG/nginx-error.log" -c "$ETC/nginx.conf" -p "$ST/nginx" -g 'daemon off;'
step "keystone and placement schemas ready; uwsgi and nginx started"
for _ in $(seq 300); do port_busy "$P_RABBIT" && break; sleep 0.2; done
port_busy "$P_RABBIT" || die "rabbitmq did not listen on $P_RABBIT (see $LOG/rabbitmq)"
synced glance; start_daemon glance-api "$BIN/glance-api" --config-file "$ETC/glance/glance-api.conf"
synced cinder
start_daemon cinder-api "$BIN/cinder-api" "${CC[@]}" --log-file "$LOG/cinder-api.log"
start_daemon cinder-scheduler "$BIN/cinder-scheduler" "${CC[@]}" --log-file "$LOG/cinder-scheduler.log"
start_daemon cinder-volume "$BIN/cinder-volume" "${CC[@]}" --log-file "$LOG/cinder-volume.log"
synced neutron
start_daemon neutron-server "$BIN/neutron-server" --config-file "$ETC/neutron/neutron.conf" --config-file "$ETC/neutron/plugins/ml2/ml2_conf.ini"
httpok "$KS/v3" 60 keystone
httpok "http://127.0.0.1:$P_PLACEMENT/" 60 placement
httpok "$PUB/v3" 20 "nginx in front of keystone"
step "rabbitmq, keystone, placement, proxy answering"

# ---------------------------------------------------------------- 6. identity: service users, catalog, project, app credential
J='Content-Type: application/json'
token() { # user password project
  curl -sf -i -H "$J" -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"$1\",\"domain\":{\"id\":\"default\"},\"password\":\"$2\"}}},\"scope\":{\"project\":{\"name\":\"$3\",\"domain\":{\"id\":\"default\"}}}}}" \
    "$KS/v3/auth/tokens" | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}' | tr -d '\r'; }
ADM=""; for _ in $(seq 50); do ADM=$(token admin "$PW" admin || true); [ -n "$ADM" ] && break; sleep 0.3; done
[ -n "$ADM" ] || die "no admin token from keystone"
kget() { curl -sf -H "X-Auth-Token: $ADM" "$KS/v3/$1"; }
kpost() { curl -sf -H "$J" -H "X-Auth-Token: $ADM" -d "$2" "$KS/v3/$1"; }
kput() { curl -sf -X PUT -H "X-Auth-Token: $ADM" "$KS/v3/$1"; }
ADMIN_ROLE=$(kget "roles?name=admin" | jq -r '.roles[0].id'); MEMBER_ROLE=$(kget "roles?name=member" | jq -r '.roles[0].id')
SERVICE_ROLE=$(kpost roles '{"role":{"name":"service"}}' | jq -r .role.id)
SVC_PROJ=$(kpost projects '{"project":{"name":"service","domain_id":"default"}}' | jq -r .project.id)
CUST_PROJ=$(kpost projects '{"project":{"name":"cloudpe-conformance","domain_id":"default"}}' | jq -r .project.id)
for u in nova neutron cinder glance placement; do
  uid=$(kpost users "{\"user\":{\"name\":\"$u\",\"domain_id\":\"default\",\"password\":\"$PW\"}}" | jq -r .user.id)
  kput "projects/$SVC_PROJ/users/$uid/roles/$ADMIN_ROLE"; kput "projects/$SVC_PROJ/users/$uid/roles/$SERVICE_ROLE"
done
CUST_UID=$(kpost users "{\"user\":{\"name\":\"customer\",\"domain_id\":\"default\",\"password\":\"$PW\"}}" | jq -r .user.id)
kput "projects/$CUST_PROJ/users/$CUST_UID/roles/$MEMBER_ROLE"
endpoint() { # type name public-url internal-url
  local sid
  sid=$(kpost services "{\"service\":{\"type\":\"$1\",\"name\":\"$2\"}}" | jq -r .service.id)
  kpost endpoints "{\"endpoint\":{\"service_id\":\"$sid\",\"interface\":\"public\",\"url\":\"$3\",\"region_id\":\"$REGION\"}}" >/dev/null
  for itf in internal admin; do
    kpost endpoints "{\"endpoint\":{\"service_id\":\"$sid\",\"interface\":\"$itf\",\"url\":\"$4\",\"region_id\":\"$REGION\"}}" >/dev/null
  done; }
# Public endpoints are the proxied project-path URLs, laid out like CloudPe's catalog.
endpoint compute nova "$PUB/compute/v2.1" "http://127.0.0.1:$P_NOVA/v2.1"
endpoint network neutron "$PUB/network" "http://127.0.0.1:$P_NEUTRON"
endpoint volumev3 cinderv3 "$PUB/volume/v3/%(project_id)s" "http://127.0.0.1:$P_CINDER/v3/%(project_id)s"
endpoint image glance "$PUB/image" "http://127.0.0.1:$P_GLANCE"
endpoint placement placement "http://127.0.0.1:$P_PLACEMENT" "http://127.0.0.1:$P_PLACEMENT"
CUST=$(token customer "$PW" cloudpe-conformance)
[ -n "$CUST" ] || die "no token for the customer user"
AC=$(curl -sf -H "$J" -H "X-Auth-Token: $CUST" -d '{"application_credential":{"name":"cloudpe-operator","description":"conformance suite"}}' \
  "$KS/v3/users/$CUST_UID/application_credentials")
AC_ID=$(jq -r .application_credential.id <<<"$AC"); AC_SECRET=$(jq -r .application_credential.secret <<<"$AC")
{ [ -n "$AC_ID" ] && [ "$AC_ID" != null ]; } || die "application credential not created"
step "identity: service users, catalog, project, application credential"

# nova-scheduler/-conductor/-compute look placement up in the catalog when they start and exit
# when it is missing, so they start only now.
synced nova
start_daemon nova-api "$BIN/nova-api" "${NC[@]}"
start_daemon nova-conductor "$BIN/nova-conductor" "${NC[@]}" --log-file "$LOG/nova-conductor.log"
start_daemon nova-scheduler "$BIN/nova-scheduler" "${NC[@]}" --log-file "$LOG/nova-scheduler.log"
start_daemon nova-compute "$BIN/nova-compute" "${NC[@]}" --log-file "$LOG/nova-compute.log"
step "nova schema ready, nova started"

# ---------------------------------------------------------------- 7. resources of the project
httpok "$PUB/image/" 180 glance; httpok "$PUB/network/" 180 neutron
httpok "$PUB/compute/" 180 nova-api; httpok "$PUB/volume/" 180 cinder-api
step "every API answers through the proxy"
A=(-H "$J" -H "X-Auth-Token: $ADM"); C=(-H "$J" -H "X-Auth-Token: $CUST")
NOVA=http://127.0.0.1:$P_NOVA/v2.1 NEUTRON=http://127.0.0.1:$P_NEUTRON/v2.0 GLANCE=http://127.0.0.1:$P_GLANCE/v2
CINDER_ADMIN=http://127.0.0.1:$P_CINDER/v3/$(kget "projects?name=admin" | jq -r '.projects[0].id')
for f in '"cpe.small","ram":1024,"vcpus":1,"disk":10,"id":"cpe-small"' '"cpe.medium","ram":2048,"vcpus":2,"disk":20,"id":"cpe-medium"'; do
  curl -sf "${A[@]}" -d "{\"flavor\":{\"name\":$f,\"os-flavor-access:is_public\":true}}" "$NOVA/flavors" >/dev/null \
    || die "flavor not created"
done
IMAGE_ID=$(curl -sf "${A[@]}" -d '{"name":"cirros-like","disk_format":"raw","container_format":"bare","visibility":"public"}' "$GLANCE/images" | jq -r .id)
head -c 1048576 /dev/zero | curl -sf -X PUT -H "X-Auth-Token: $ADM" -H 'Content-Type: application/octet-stream' --data-binary @- \
  "$GLANCE/images/$IMAGE_ID/file" || die "image upload failed"
[ "$(curl -sf "${A[@]}" "$GLANCE/images/$IMAGE_ID" | jq -r .status)" = active ] || die "image not active"
curl -sf "${A[@]}" -d '{"volume_type":{"name":"standard","os-volume-type-access:is_public":true,"extra_specs":{"volume_backend_name":"fake"}}}' \
  "$CINDER_ADMIN/types" >/dev/null || die "volume type not created"
# Cinder's schema seeds "__DEFAULT__"; CloudPe lists only its real types.
DEFAULT_TYPE=$(curl -sf "${A[@]}" "$CINDER_ADMIN/types" | jq -r '.volume_types[]|select(.name=="__DEFAULT__").id')
[ -n "$DEFAULT_TYPE" ] && { curl -sf -X DELETE "${A[@]}" "$CINDER_ADMIN/types/$DEFAULT_TYPE" >/dev/null || echo "note: __DEFAULT__ volume type kept"; }
NET_ID=$(curl -sf "${C[@]}" -d '{"network":{"name":"cloudpe-net"}}' "$NEUTRON/networks" | jq -r .network.id)
curl -sf "${C[@]}" -d "{\"subnet\":{\"network_id\":\"$NET_ID\",\"ip_version\":4,\"cidr\":\"10.20.0.0/24\",\"name\":\"cloudpe-v4\"}}" "$NEUTRON/subnets" >/dev/null \
  || die "IPv4 subnet not created"
curl -sf "${C[@]}" -d "{\"subnet\":{\"network_id\":\"$NET_ID\",\"ip_version\":6,\"cidr\":\"fd00:20::/64\",\"name\":\"cloudpe-v6\",\"ipv6_ra_mode\":\"slaac\",\"ipv6_address_mode\":\"slaac\"}}" \
  "$NEUTRON/subnets" >/dev/null || die "IPv6 subnet not created"
SG_ID=$(curl -sf "${C[@]}" -d '{"security_group":{"name":"cloudpe-ssh","description":"ssh"}}' "$NEUTRON/security-groups" | jq -r .security_group.id)
curl -sf "${C[@]}" -d "{\"security_group_rule\":{\"security_group_id\":\"$SG_ID\",\"direction\":\"ingress\",\"protocol\":\"tcp\",\"port_range_min\":22,\"port_range_max\":22,\"remote_ip_prefix\":\"0.0.0.0/0\"}}" \
  "$NEUTRON/security-group-rules" >/dev/null || die "security group rule not created"
step "flavors, image, volume type, network with IPv4 + IPv6 subnets, security group"

# ---------------------------------------------------------------- 8. compute host mapped, cinder pool reported
n=0
for i in $(seq 240); do   # the scheduler maps new hosts every 2 s
  n=$(curl -sf "${A[@]}" "$NOVA/os-hypervisors" | jq '.hypervisors|length' 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 1 ] && break
  [ "$i" = 40 ] && $NM cell_v2 discover_hosts >>"$LOG/dbsync-nova.log" 2>&1
  sleep 0.5
done
[ "${n:-0}" -ge 1 ] || die "nova-compute never showed up in os-hypervisors (see $LOG/nova-compute.log)"
n=0
for _ in $(seq 240); do
  n=$(curl -sf "${A[@]}" "$CINDER_ADMIN/scheduler-stats/get_pools" | jq '.pools|length' 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 1 ] && break; sleep 0.5
done
[ "${n:-0}" -ge 1 ] || die "cinder-volume never reported a pool (see $LOG/cinder-volume.log)"
step "compute host mapped, cinder pool reported"

umask 077
cat >"$LAB/env" <<EOF
CLOUDPE_TEST_ENDPOINT=127.0.0.1:$PROXY_PORT
CLOUDPE_TEST_PROJECT_PATH=$PROJECT_PATH
CLOUDPE_TEST_SECURE=false
CLOUDPE_TEST_REGION=$REGION
CLOUDPE_TEST_APP_CRED_ID=$AC_ID
CLOUDPE_TEST_APP_CRED_SECRET=$AC_SECRET
CLOUDPE_CONFORMANCE_PROJECT_ID=$CUST_PROJ
CLOUDPE_CONFORMANCE_IMAGE_ID=$IMAGE_ID
CLOUDPE_CONFORMANCE_NETWORK_ID=$NET_ID
CLOUDPE_CONFORMANCE_SECURITY_GROUP_ID=$SG_ID
EOF
step "ready: Keystone at $PUB/v3 (variables in $LAB/env)"
echo "SETUP-SECONDS $(elapsed)"
