#!/usr/bin/env bash
# Mirrors the Dockerfile's build stage (no Docker engine needed): runs its exact `dotnet restore` and
# `dotnet publish` commands, then checks that the published operator runs the way the runtime image
# would run it (non-root, read-only application folder). Last line:
# "SUITE-RESULT passed=N failed=N skipped=N".
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root" || exit 1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=tests/suites/lib/checks.sh
. tests/suites/lib/checks.sh

# The Dockerfile's commands, verbatim; the build stage's WORKDIR /src is the repository root here.
restore_cmd="$(sed -n 's/^RUN \(dotnet restore .*\)$/\1/p' Dockerfile)"
publish_cmd="$(sed -n 's/^RUN \(dotnet publish .*\)$/\1/p' Dockerfile)"
runtime_image="$(sed -n 's/^FROM \([^ ]*\) AS runtime$/\1/p' Dockerfile)"
entrypoint="$(sed -n 's/^ENTRYPOINT \(.*\)$/\1/p' Dockerfile)"
out_dir="$work/app/publish"

dockerfile_shape() {
  [ "$(grep -c . <<<"$restore_cmd")" = 1 ] || { echo "want exactly one 'RUN dotnet restore' line"; return 1; }
  [ "$(grep -c . <<<"$publish_cmd")" = 1 ] || { echo "want exactly one 'RUN dotnet publish' line"; return 1; }
  grep -q -- ' -o /app/publish' <<<"$publish_cmd" || { echo "publish must write to /app/publish (the runtime stage copies it)"; return 1; }
  grep -q -- '--no-restore' <<<"$publish_cmd" || { echo "publish must reuse the restore layer (--no-restore)"; return 1; }
  grep -q '^COPY --from=build .* /app/publish ' Dockerfile || { echo "runtime stage must copy /app/publish"; return 1; }
  grep -Eq '^USER [1-9][0-9]*(:[0-9]+)?$' Dockerfile || { echo "runtime stage must run as a numeric non-root USER"; return 1; }
  [ "$entrypoint" = '["dotnet", "CloudPe.Operator.dll"]' ] || { echo "unexpected ENTRYPOINT $entrypoint"; return 1; }
}
check "Dockerfile: one restore, one publish into /app/publish, numeric non-root USER, dotnet entrypoint" dockerfile_shape

# The restore layer copies project files one by one; a new project reference must be added there.
projects_copied() {
  local todo=(src/CloudPe.Operator/CloudPe.Operator.csproj) seen=" " proj dir ref missing=0
  while [ "${#todo[@]}" -gt 0 ]; do
    proj="${todo[0]}"
    todo=("${todo[@]:1}")
    case "$seen" in *" $proj "*) continue ;; esac
    seen="$seen$proj "
    grep -q "^COPY $proj $(dirname "$proj")/\$" Dockerfile || { echo "Dockerfile does not copy $proj before restore"; missing=1; }
    dir="$(dirname "$proj")"
    while IFS= read -r ref; do
      [ -n "$ref" ] || continue
      todo+=("$(realpath -m -s --relative-to="$root" "$dir/${ref//\\//}")")
    done < <(sed -n 's/.*<ProjectReference Include="\([^"]*\)".*/\1/p' "$proj")
  done
  for f in global.json Directory.Build.props Directory.Packages.props; do
    grep -q "^COPY .*\b$f\b" Dockerfile || { echo "Dockerfile does not copy $f"; missing=1; }
  done
  [ "$missing" = 0 ]
}
check "Dockerfile copies every project the operator references (restore layer)" projects_copied

check "dotnet restore (as in the Dockerfile)" bash -c "$restore_cmd"
check "dotnet publish (as in the Dockerfile)" bash -c "${publish_cmd/ -o \/app\/publish/ -o \"$out_dir\"}"

published() {
  local f
  for f in CloudPe.Operator.dll CloudPe.Operator.runtimeconfig.json CloudPe.Operator.deps.json KubernetesClient.dll; do
    [ -f "$out_dir/$f" ] || { echo "missing $f in the publish output"; ls "$out_dir"; return 1; }
  done
  # UseAppHost=false: the image starts "dotnet CloudPe.Operator.dll", a native launcher would be dead weight.
  [ ! -e "$out_dir/CloudPe.Operator" ] || { echo "unexpected apphost CloudPe.Operator"; return 1; }
}
check "publish output holds CloudPe.Operator.dll and its dependencies" published

# The runtime image must provide every shared framework the app asks for.
frameworks_match_image() {
  local frameworks
  frameworks="$(grep -o '"name": *"[^"]*"' "$out_dir/CloudPe.Operator.runtimeconfig.json" | sed 's/.*"\([^"]*\)"$/\1/' | sort -u)"
  [ -n "$frameworks" ] || { echo "no framework in runtimeconfig (self-contained?)"; return 1; }
  if grep -q '^Microsoft.AspNetCore.App$' <<<"$frameworks"; then
    grep -q '^mcr.microsoft.com/dotnet/aspnet:' <<<"$runtime_image" || { echo "needs ASP.NET Core but the runtime image is $runtime_image"; return 1; }
  fi
  grep -Eq '^mcr.microsoft.com/dotnet/(aspnet|runtime):' <<<"$runtime_image" || { echo "runtime image $runtime_image has no .NET runtime"; return 1; }
  echo "frameworks: $frameworks; image: $runtime_image"
}
check "runtime image provides the app's shared frameworks" frameworks_match_image

# Run it as the image does: from /app (here the publish folder, made read-only), as UID 1654 when root.
run_as_image() {
  chmod a+rx "$work" "$work/app"
  chmod -R a+rX,a-w "$out_dir"
  mkdir -p "$work/crds" && chmod 777 "$work/crds"
  if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
    (cd "$out_dir" && HOME=/tmp setpriv --reuid=1654 --regid=1654 --clear-groups \
      dotnet CloudPe.Operator.dll generate-crds --output-dir "$work/crds")
  else
    (cd "$out_dir" && dotnet CloudPe.Operator.dll generate-crds --output-dir "$work/crds")
  fi
}
check "published operator runs generate-crds as a non-root user from a read-only folder" run_as_image
check "published operator generates exactly the checked-in CRDs" bash -c \
  "diff -q '$work/crds/cloudpe.io_cloudpeservers.yaml' config/crd/cloudpe.io_cloudpeservers.yaml \
   && diff -q '$work/crds/cloudpe.io_cloudpevms.yaml' config/crd/cloudpe.io_cloudpevms.yaml"
chmod -R u+w "$out_dir" 2>/dev/null

if du_out="$(du -sk "$out_dir" 2>/dev/null)"; then echo "publish output: $((${du_out%%[[:space:]]*} / 1024)) MiB"; fi

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  check "docker build" docker build -q -t cloudpe-operator:publish-suite .
else
  skip "docker build" "no Docker engine on this machine; the build stage is mirrored above"
fi

suite_result
