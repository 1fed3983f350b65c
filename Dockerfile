# syntax=docker/dockerfile:1
# CloudPe operator image: the SDK builds, a chiseled ASP.NET Core runtime runs (no shell, no package
# manager, non-root). tests/suites/publish.sh runs the same restore and publish commands as below.
#
# Published framework-dependent and not trimmed: the operator uses the reflection-based KubernetesClient
# package (not its separate AOT variant), YamlDotNet and the ASP.NET Core host, so a trimmed or Native
# AOT publish would raise trim/AOT analysis warnings (errors in this repository) and could fail at run
# time on what the trimmer removed. The portable output also keeps the build stage
# architecture-independent: it runs on the build platform and the
# same files serve linux/amd64 and linux/arm64.

ARG DOTNET_VERSION=10.0

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Restore in its own layer, invalidated only by project and package changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CloudPe.Operator/CloudPe.Operator.csproj src/CloudPe.Operator/
COPY src/CloudPe.Operator.Api/CloudPe.Operator.Api.csproj src/CloudPe.Operator.Api/
COPY src/CloudPe.OpenStack/CloudPe.OpenStack.csproj src/CloudPe.OpenStack/
COPY src/CloudPe.Controllers/CloudPe.Controllers.csproj src/CloudPe.Controllers/
RUN dotnet restore src/CloudPe.Operator/CloudPe.Operator.csproj
COPY src/ src/
RUN dotnet publish src/CloudPe.Operator/CloudPe.Operator.csproj -c Release --no-restore -p:UseAppHost=false -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble-chiseled AS runtime
LABEL org.opencontainers.image.title="cloudpe-operator" \
      org.opencontainers.image.description="Kubernetes operator for CloudPe (OpenStack) virtual machines"
WORKDIR /app
COPY --from=build --chown=0:0 /app/publish ./
# 1654 is the "app" user of the .NET images; numeric so that runAsNonRoot can verify it.
USER 1654:1654
# Memory (docs/performance.md, "Memory"): workstation, non-concurrent GC (one small process needs neither a heap
# per core nor a background GC thread and its mark array), a 1 MB gen0 budget instead of one sized on the CPU cache,
# 1 MB GC regions instead of 4 MB (less committed but unused space at the end of each region), no write-xor-execute double mapping of JIT'd code (counted twice in the working set: ~30 MB), no tiered-PGO
# instrumentation, two malloc arenas instead of one per thread. benchmarks/CloudPe.Benchmarks/Fleet/ChildProcess.cs
# starts the benchmark's operator process with the same values.
ENV DOTNET_gcServer=0 \
    DOTNET_gcConcurrent=0 \
    DOTNET_GCgen0size=0x100000 \
    DOTNET_GCRegionSize=0x100000 \
    DOTNET_GCConserveMemory=7 \
    DOTNET_EnableWriteXorExecute=0 \
    DOTNET_TieredPGO=0 \
    MALLOC_ARENA_MAX=2 \
    Operator__HttpPort=8080 \
    Operator__LogFormat=json
EXPOSE 8080
ENTRYPOINT ["dotnet", "CloudPe.Operator.dll"]
