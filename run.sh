#!/usr/bin/env bash
# Starts the TraceFix dashboard and environment server on http://localhost:7860 with its embedded
# defaults: SQLite under data/, the offline repair agent, the built-in tasks.
# Production unless asked: `./run.sh --dev` (or ASPNETCORE_ENVIRONMENT=Development) runs Development.
set -euo pipefail
cd "$(dirname "$0")"

args=()
for arg in "$@"; do
  if [ "$arg" = "--dev" ]; then
    export ASPNETCORE_ENVIRONMENT=Development
  else
    args+=("$arg")
  fi
done
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"

scripts/ensure-deps.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/Server -c Release --no-launch-profile -- "${args[@]}"
