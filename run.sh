#!/usr/bin/env bash
# Starts the TraceFix dashboard and environment server on http://localhost:7860 with its embedded
# defaults: SQLite under data/, the offline repair agent, the built-in tasks.
set -euo pipefail
cd "$(dirname "$0")"

scripts/ensure-deps.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/Server -c Release --launch-profile http -- "$@"
