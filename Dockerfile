# TraceFix server image: the dashboard and the OpenEnv-compatible environment, listening on 7860 (Hugging Face Spaces,
# the seed's clients) and on 8000 (OpenEnv's from_docker_image launcher maps host ports to container port 8000).
#
#   docker build -t tracefix .
#   docker run --rm -p 7860:7860 --security-opt seccomp=unconfined --security-opt apparmor=unconfined tracefix
#
# The sandbox (bubblewrap) needs unprivileged user namespaces, which Docker's default seccomp/AppArmor profiles deny;
# without them the server refuses to start rather than run agent code unconfined (see docs/openenv.md).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props TraceFix.Web.sln ./
COPY src/ src/
RUN dotnet publish src/Server/TraceFix.Server.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends bubblewrap python3 util-linux curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY tasks/ /app/tasks/
COPY openenv.yaml /app/openenv.yaml
ENV URLS="http://0.0.0.0:7860;http://0.0.0.0:8000" \
    TRACEFIX_TASKS_DIR=/app/tasks \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 7860 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s CMD curl -fsS http://localhost:8000/health || exit 1
CMD ["dotnet", "TraceFix.Server.dll"]
