# The `shadowproxy` gateway image. Build from the repository root:
#   docker build -t shadowproxy:dev --build-arg REVISION=$(git rev-parse HEAD) .
#   docker run --rm -p 8080:8080 shadowproxy:dev                 # a plain proxy to api.openai.com
# Kubernetes mounts the real configuration over /etc/shadowproxy (charts/shadowproxy).
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Restore from the build rules and project files alone: the package layer survives source-only changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ShadowProxy.Gateway/ShadowProxy.Gateway.csproj src/ShadowProxy.Gateway/
COPY src/ShadowProxy.Yarp/ShadowProxy.Yarp.csproj src/ShadowProxy.Yarp/
COPY src/ShadowProxy.Core/ShadowProxy.Core.csproj src/ShadowProxy.Core/
COPY src/ShadowProxy.Simulator/ShadowProxy.Simulator.csproj src/ShadowProxy.Simulator/
RUN dotnet restore src/ShadowProxy.Gateway/ShadowProxy.Gateway.csproj
# .editorconfig too: code style is enforced in the build, so the image builds under the same rules as CI.
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/ShadowProxy.Gateway/ShadowProxy.Gateway.csproj -c Release -o /app --no-self-contained --no-restore \
 && mkdir -p /config \
 && echo '{}' > /config/gateway.json

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
# The version is Directory.Build.props's (a test keeps this default equal); CI passes the commit as REVISION.
ARG VERSION=0.2.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="shadowproxy" \
      org.opencontainers.image.description="Drop-in LLM gateway that shadows traffic to a pinned baseline model and measures drift" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="https://github.com/shadowproxy/shadowproxy"
# Kestrel binds the listeners from configuration (Listeners:Proxy/Admin), so the base image's default port
# setting would only produce an "overriding address" warning. HOME and TMPDIR point at /tmp, the one writable
# path under a read-only root filesystem. Server GC with DATAS (the .NET 9+ default) adapts its heap count to
# the load, so it suits small pods as well as large ones. Call counting starts at once (TC_CallCountingDelayMs=0):
# under full load from the first second, the default delay kept a fresh replica on unoptimised code for ~30 s at a
# third of its speed (docs/benchmarks.md).
ENV ASPNETCORE_HTTP_PORTS= \
    DOTNET_gcServer=1 \
    DOTNET_TC_CallCountingDelayMs=0 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    HOME=/tmp \
    TMPDIR=/tmp
WORKDIR /app
# Owned by root and read-only to the app user: the process can change nothing but /tmp.
COPY --from=build /app ./
# An empty config so the image runs as a plain proxy with the built-in defaults; Kubernetes mounts over it.
COPY --from=build /config/gateway.json /etc/shadowproxy/gateway.json
# The same non-root uid the Helm chart runs as (runAsUser: 65532).
USER 65532:65532
EXPOSE 8080 9090
# No HEALTHCHECK: the image has no curl or wget, and Kubernetes probes /healthz and /readyz on port 9090 itself.
ENTRYPOINT ["dotnet", "shadowproxy.dll"]
CMD ["serve", "--config", "/etc/shadowproxy/gateway.json"]
