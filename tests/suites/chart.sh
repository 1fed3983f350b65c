#!/usr/bin/env bash
# Chart and manifest checks: helm lint and template, yamllint, kustomize build, the rendered
# Deployment's hardening, RBAC without wildcards, the Argo CD health script, and server-side dry-run
# plus least-privilege probes against the Kubernetes API emulator. Each check is one test; the last
# line is "SUITE-RESULT passed=N failed=N skipped=N".
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root" || exit 1
export PATH="$PATH:$root/.tools/bin"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

chart=charts/cloudpe-operator
ci_values="$chart/ci/servicemonitor-watchnamespaces-values.yaml"
namespace=cloudpe-system
work="$(mktemp -d)"
emulator_pid=""
# shellcheck source=tests/suites/lib/checks.sh
. tests/suites/lib/checks.sh

cleanup() {
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill "$emulator_pid" 2>/dev/null
    wait "$emulator_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

apt_ready=0
apt_install() { # package: installs from Debian when root; returns 1 otherwise
  [ "$(id -u)" = 0 ] || return 1
  if [ "$apt_ready" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1; apt_ready=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null 2>&1
}
ensure_tool() { # command package
  command -v "$1" >/dev/null 2>&1 || apt_install "$2" || true
  command -v "$1" >/dev/null 2>&1
}

# Turns a multi-document YAML file into a JSON array, offline (kubectl's local mode parses any kind).
to_json() { KUBECONFIG=/dev/null kubectl annotate --local -f "$1" -o json cloudpe.io/checked=true | jq -s '.'; }

# --- Rendering -----------------------------------------------------------------------------------

have_helm=1
command -v helm >/dev/null 2>&1 || have_helm=0
have_kubectl=1
command -v kubectl >/dev/null 2>&1 || have_kubectl=0
ensure_tool jq jq || echo "jq missing and not installable: checks that read rendered objects will fail"

if [ "$have_helm" = 1 ]; then
  check "helm lint --strict (default values)" helm lint --strict "$chart"
  check "helm lint --strict (ServiceMonitor + watch namespaces)" helm lint --strict "$chart" -f "$ci_values"
  check "helm template (default values)" \
    bash -c "helm template cloudpe-operator '$chart' --namespace $namespace > '$work/helm-default.yaml'"
  check "helm template (ServiceMonitor + watch namespaces)" \
    bash -c "helm template cloudpe-operator '$chart' --namespace $namespace -f '$ci_values' > '$work/helm-ci.yaml'"
  # The guards must refuse what would break at run time, naming the setting.
  refuses() { # expected-text helm-args...
    local expected="$1" out
    shift
    if out="$(helm template x "$chart" "$@" 2>&1)"; then echo "rendered, but should have been refused: $*"; return 1; fi
    grep -q -- "$expected" <<<"$out" || { echo "$out"; return 1; }
  }
  check "helm template refuses two replicas without leader election" \
    refuses "needs leaderElection.enabled=true" --set replicaCount=2 --set leaderElection.enabled=false
  check "values schema rejects an unknown log level" refuses "logLevel" --set logLevel=Verbose
  check "values schema rejects a resync interval that is not a TimeSpan" refuses "resyncInterval" --set resyncInterval=5m
else
  for name in "helm lint (default values)" "helm lint (ServiceMonitor + watch namespaces)" "helm template (default values)" \
    "helm template (ServiceMonitor + watch namespaces)" "helm template guard" "values schema (log level)" \
    "values schema (resync interval)"; do
    fail "$name" "helm not found (bash scripts/install-tools.sh installs it into .tools/bin)"
  done
fi

if [ "$have_kubectl" = 1 ]; then
  check "kubectl kustomize config/default" bash -c "kubectl kustomize config/default > '$work/kustomize.yaml'"
else
  fail "kubectl kustomize config/default" "kubectl not found"
fi

# --- What the rendered objects say ---------------------------------------------------------------

# Deployment hardening: non-root, read-only root filesystem, no privilege escalation, requests,
# limits and both probes, for every container of every Deployment in the file.
deployment_hardened() {
  to_json "$1" | jq -e '
    [ .[] | select(.kind == "Deployment") ] as $d
    | ($d | length) == 1 and all($d[]; . as $dep
        | .spec.template.spec.containers | length > 0 and all(.[];
            ((.securityContext.runAsNonRoot // $dep.spec.template.spec.securityContext.runAsNonRoot) == true)
            and .securityContext.readOnlyRootFilesystem == true
            and .securityContext.allowPrivilegeEscalation == false
            and (.securityContext.capabilities.drop | index("ALL")) != null
            and .resources.limits.cpu != null and .resources.limits.memory != null
            and .resources.requests.cpu != null and .resources.requests.memory != null
            and .livenessProbe.httpGet.path == "/healthz" and .readinessProbe.httpGet.path == "/readyz"))'
}

# RBAC: no "*" anywhere, no pods, no cluster-admin, and the operator's own resources never deleted
# or created by it.
rbac_least_privilege() {
  to_json "$1" | jq -e '
    [ .[] | select(.kind == "ClusterRole" or .kind == "Role") | .rules[] ] as $rules
    | ($rules | length) > 0
      and all($rules[]; ((.verbs + .resources + .apiGroups) | index("*")) == null)
      and all($rules[]; (.resources | index("pods")) == null)
      and all($rules[]; (.apiGroups | index("cloudpe.io")) == null
                        or ((.verbs | index("create")) == null and (.verbs | index("delete")) == null))
      and ([ .[] | select(.kind == "ClusterRoleBinding" or .kind == "RoleBinding")
             | select(.roleRef.name == "cluster-admin" or .roleRef.name == "admin" or .roleRef.name == "edit") ]
           | length) == 0'
}

# Environment contract of the operator host (names must match exactly).
operator_env() { # file expected-watch-namespaces
  to_json "$1" | jq -e --arg ns "$2" '
    [ .[] | select(.kind == "Deployment") | .spec.template.spec.containers[0].env[] ] as $env
    | ($env | map({(.name): (.value // "fieldRef")}) | add) as $e
    | $e["Operator__WatchNamespaces"] == $ns
      and ($e["Operator__MaxConcurrentReconciles"] | test("^[0-9]+$"))
      and ($e["Operator__ResyncInterval"] | test("^[0-9:.]+$"))
      and $e["Operator__LeaderElection__Enabled"] == "true"
      and $e["Operator__LeaderElection__LeaseName"] == "cloudpe-operator-leader"
      and $e["Operator__HttpPort"] == "8080"
      and $e["POD_NAMESPACE"] == "fieldRef"
      and ($e["Logging__LogLevel__Default"] | length) > 0'
}

for rendered in helm-default helm-ci kustomize; do
  file="$work/$rendered.yaml"
  if [ ! -s "$file" ]; then
    fail "$rendered: Deployment hardened" "nothing rendered"
    fail "$rendered: RBAC least privilege" "nothing rendered"
    continue
  fi
  check "$rendered: Deployment non-root, read-only root fs, limits, probes" deployment_hardened "$file"
  check "$rendered: RBAC without wildcards, pods, CR create/delete or admin roles" rbac_least_privilege "$file"
done

if [ -s "$work/helm-default.yaml" ]; then
  check "helm-default: operator env contract, all namespaces, ClusterRoleBinding, no ServiceMonitor" bash -c "
    $(declare -f to_json operator_env)
    operator_env '$work/helm-default.yaml' '' && to_json '$work/helm-default.yaml' | jq -e '
      ([.[] | select(.kind == \"ClusterRoleBinding\")] | length) == 1
      and ([.[] | select(.kind == \"ServiceMonitor\")] | length) == 0
      and ([.[] | select(.kind == \"Deployment\")][0].spec.template.spec.containers[0].image == \"ghcr.io/cloudpe/cloudpe-operator:0.1.0\")'"
fi
if [ -s "$work/helm-ci.yaml" ]; then
  check "helm-ci: watch namespaces bound by RoleBindings only, ServiceMonitor on the metrics port" bash -c "
    $(declare -f to_json operator_env)
    operator_env '$work/helm-ci.yaml' 'team-a,team-b' && to_json '$work/helm-ci.yaml' | jq -e '
      ([.[] | select(.kind == \"ClusterRoleBinding\")] | length) == 0
      and ([.[] | select(.kind == \"RoleBinding\" and .roleRef.kind == \"ClusterRole\") | .metadata.namespace] | sort) == [\"team-a\", \"team-b\"]
      and ([.[] | select(.kind == \"ServiceMonitor\")][0].spec.endpoints[0].port) as \$p
      | \$p == ([.[] | select(.kind == \"Service\")][0].spec.ports[0].name)'"
fi
if [ -s "$work/kustomize.yaml" ]; then
  check "kustomize: CRDs, namespace $namespace and image tag 0.1.0" bash -c "
    $(declare -f to_json operator_env)
    operator_env '$work/kustomize.yaml' '' && to_json '$work/kustomize.yaml' | jq -e '
      ([.[] | select(.kind == \"CustomResourceDefinition\") | .metadata.name] | sort) == [\"cloudpeservers.cloudpe.io\", \"cloudpevms.cloudpe.io\"]
      and all(.[] | select(.kind != \"CustomResourceDefinition\" and .kind != \"Namespace\" and .kind != \"ClusterRole\" and .kind != \"ClusterRoleBinding\"); .metadata.namespace == \"$namespace\")
      and ([.[] | select(.kind == \"Deployment\")][0].spec.template.spec.containers[0].image == \"ghcr.io/cloudpe/cloudpe-operator:0.1.0\")'"
fi

# kstatus / Argo CD need status.observedGeneration and status.conditions in both CRDs.
crds_kstatus_ready() {
  local crd
  for crd in config/crd/cloudpe.io_cloudpeservers.yaml config/crd/cloudpe.io_cloudpevms.yaml; do
    to_json "$crd" | jq -e '.[0].spec.versions[] | select(.served) | .schema.openAPIV3Schema.properties.status.properties
      | (.observedGeneration.type == "integer") and (.conditions.type == "array")
        and (.conditions.items.properties.type != null) and (.conditions.items.properties.status != null)' >/dev/null \
      || { echo "$crd: status lacks observedGeneration (integer) or conditions"; return 1; }
  done
}
check "CRDs carry status.observedGeneration and status.conditions (kstatus)" crds_kstatus_ready

# The chart's CRDs are the generated ones.
check "chart crds/ equal config/crd" bash -c \
  "diff -q config/crd/cloudpe.io_cloudpeservers.yaml $chart/crds/cloudpe.io_cloudpeservers.yaml && diff -q config/crd/cloudpe.io_cloudpevms.yaml $chart/crds/cloudpe.io_cloudpevms.yaml"

# --- yamllint --------------------------------------------------------------------------------------

yamllint_config='{extends: default, ignore: "charts/cloudpe-operator/templates/", rules: {line-length: {max: 160, ignore: [config/crd/, charts/cloudpe-operator/crds/]}, document-start: disable, truthy: {check-keys: false}, indentation: {indent-sequences: whatever}, comments: {min-spaces-from-content: 1}}}'
if ensure_tool yamllint yamllint; then
  check "yamllint config/, charts/, docs/argocd/" yamllint -s -d "$yamllint_config" config "$chart" docs/argocd/argocd-cm.yaml
  for rendered in helm-default helm-ci; do
    [ -s "$work/$rendered.yaml" ] && check "yamllint rendered $rendered" yamllint -d "$yamllint_config" "$work/$rendered.yaml"
  done
else
  skip "yamllint" "yamllint not installed and not root, so it cannot be installed from Debian"
fi

# --- Argo CD health script ---------------------------------------------------------------------

if ensure_tool lua5.4 lua5.4; then
  lua_out="$(lua5.4 docs/argocd/health_test.lua docs/argocd/health.lua 2>&1)"
  lua_rc=$?
  while IFS= read -r line; do
    case "$line" in
      "ok - "*) pass "argocd health: ${line#ok - }" ;;
      "not ok - "*) fail "argocd health: ${line#not ok - }" ;;
    esac
  done <<<"$lua_out"
  if [ "$lua_rc" != 0 ] && ! grep -q '^not ok - ' <<<"$lua_out"; then
    fail "argocd health script runs" "$(tail -3 <<<"$lua_out")"
  fi
else
  skip "argocd health script" "lua5.4 not installed and not root, so it cannot be installed from Debian"
fi

# Both keys of the ConfigMap must carry health.lua exactly.
embedded_script() { # key
  awk -v key="  resource.customizations.health.cloudpe.io_$1: |" '
    $0 == key { inside = 1; next }
    inside && /^[^ ]/ { exit }
    inside && /^  [^ ]/ { exit }
    inside { sub(/^    /, ""); print }' docs/argocd/argocd-cm.yaml
}
for kind in CloudPeServer CloudPeVM; do
  check "argocd-cm.yaml carries health.lua for $kind" bash -c \
    "$(declare -f embedded_script); diff <(embedded_script $kind) docs/argocd/health.lua"
done

# --- Against the Kubernetes API emulator -----------------------------------------------------------

emulator_dll=src/CloudPe.KubeEmulator/bin/Release/net10.0/CloudPe.KubeEmulator.dll
kubeconfig="$work/kubeconfig"
k() { kubectl --kubeconfig "$kubeconfig" --cache-dir "$work/kube-cache" "$@"; }

start_emulator() {
  if [ ! -f "$emulator_dll" ]; then
    dotnet build src/CloudPe.KubeEmulator/CloudPe.KubeEmulator.csproj -c Release -nologo -clp:ErrorsOnly || return 1
  fi
  dotnet "$emulator_dll" --kubeconfig "$kubeconfig" --apply config/crd >"$work/emulator.log" 2>&1 &
  emulator_pid=$!
  local deadline=$((SECONDS + 90))
  until [ -s "$kubeconfig" ] && k get --raw /version >/dev/null 2>&1; do
    if ! kill -0 "$emulator_pid" 2>/dev/null; then echo "emulator exited:"; tail -20 "$work/emulator.log"; return 1; fi
    if [ "$SECONDS" -ge "$deadline" ]; then echo "no kubeconfig/answer within 90 s:"; tail -20 "$work/emulator.log"; return 1; fi
    sleep 0.5
  done
  # --apply config/crd: the CRDs must be served before the checks below.
  deadline=$((SECONDS + 30))
  until k get cloudpevms -A >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "cloudpevms not served after --apply config/crd"; k get cloudpevms -A; return 1; fi
    sleep 0.5
  done
}

emulator_checks=(
  "emulator: helm template (default) | kubectl apply --dry-run=server"
  "emulator: helm template (watch namespaces) | kubectl apply --dry-run=server"
  "emulator: kubectl apply -k config/default --dry-run=server"
  "emulator: samples validate against the CRDs (dry-run=server)"
  "emulator: kubectl apply -k config/default"
  "emulator: operator ServiceAccount may do its job"
  "emulator: operator ServiceAccount is refused everything else"
)

if [ "$have_kubectl" = 0 ]; then
  for name in "${emulator_checks[@]}"; do fail "$name" "kubectl not found"; done
# Not in a command substitution: that subshell would keep emulator_pid from the EXIT trap's clean-up.
elif start_emulator >"$work/start-emulator.log" 2>&1; then
  pass "emulator starts and serves the CRDs"
  # Namespaced objects need their namespace to exist even for a dry run (as on a real cluster).
  for ns in "$namespace" team-a team-b; do k create namespace "$ns" >/dev/null 2>&1; done

  check "${emulator_checks[0]}" bash -c "helm template cloudpe-operator '$chart' --namespace $namespace --include-crds \
    | kubectl --kubeconfig '$kubeconfig' --cache-dir '$work/kube-cache' apply --dry-run=server -f -"
  # The ServiceMonitor kind exists only where the Prometheus Operator runs; validate the rest.
  check "${emulator_checks[1]}" bash -c "helm template cloudpe-operator '$chart' --namespace $namespace -f '$ci_values' \
    --set serviceMonitor.enabled=false | kubectl --kubeconfig '$kubeconfig' --cache-dir '$work/kube-cache' apply --dry-run=server -f -"
  check "${emulator_checks[2]}" k apply -k config/default --dry-run=server
  check "${emulator_checks[3]}" k apply --dry-run=server -f config/samples/server/ -f config/samples/

  # Least privilege, for real: install, then act as the operator's ServiceAccount.
  check "${emulator_checks[4]}" k apply -k config/default
  # TokenRequest posted as JSON (`kubectl create token` sends protobuf, which the emulator does not read).
  printf '%s' '{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{"audiences":[]}}' >"$work/token-request.json"
  token="$(k create --raw "/api/v1/namespaces/$namespace/serviceaccounts/cloudpe-operator/token" \
    -f "$work/token-request.json" 2>"$work/token.err" | jq -r '.status.token // empty')"
  as_operator() { k --token "$token" "$@"; }
  allowed() {
    [ -n "$token" ] || { cat "$work/token.err"; return 1; }
    as_operator get secrets -n default >/dev/null \
      && as_operator get cloudpevms -A >/dev/null \
      && as_operator get cloudpeservers -n default >/dev/null \
      && as_operator create secret generic probe-credentials -n default --from-literal=password=x --dry-run=server >/dev/null \
      && as_operator create -n "$namespace" --dry-run=server -f - >/dev/null <<EOF
apiVersion: coordination.k8s.io/v1
kind: Lease
metadata:
  name: cloudpe-operator-leader
spec:
  holderIdentity: probe
EOF
  }
  forbidden() { # command...: must fail with Forbidden
    local out
    if out="$(as_operator "$@" 2>&1)"; then echo "allowed but should be forbidden: kubectl $*"; return 1; fi
    grep -q -i forbidden <<<"$out" || { echo "kubectl $*: failed without Forbidden: $out"; return 1; }
  }
  refused() {
    [ -n "$token" ] || { cat "$work/token.err"; return 1; }
    forbidden get pods -n default \
      && forbidden get configmaps -n default \
      && forbidden get deployments -n "$namespace" \
      && forbidden get leases -n default \
      && forbidden delete cloudpevm any-vm -n default --dry-run=server \
      && forbidden create -n default --dry-run=server -f config/samples/vm-ipv4.yaml \
      && forbidden get clusterroles
  }
  check "${emulator_checks[5]}" allowed
  check "${emulator_checks[6]}" refused
else
  fail "emulator starts and serves the CRDs" "$(tail -5 "$work/start-emulator.log" | tr '\n' ' ')"
  for name in "${emulator_checks[@]}"; do fail "$name" "no emulator"; done
fi

# --- Scripts -----------------------------------------------------------------------------------------

if ensure_tool shellcheck shellcheck; then
  check "shellcheck chart.sh, publish.sh, lib/checks.sh" shellcheck -x tests/suites/chart.sh tests/suites/publish.sh tests/suites/lib/checks.sh
else
  skip "shellcheck" "shellcheck not installed and not root, so it cannot be installed from Debian"
fi

suite_result
