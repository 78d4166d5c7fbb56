#!/usr/bin/env bash
# Runs every test of the solution (unit, sandbox, server, browser end-to-end) and prints a summary line.
set -euo pipefail
cd "$(dirname "$0")"

scripts/ensure-deps.sh --browser --services
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="artifacts/test-results"
rm -rf "$results"

dotnet build TraceFix.Web.sln -c Release -nologo -v quiet
# Throwaway PostgreSQL and Redis: the store, API, hub and durability tests run against SQLite and PostgreSQL, the
# scale-out tests against two server instances on both. Stopped on every exit path.
services="$(mktemp -d)"
trap 'scripts/test-services.sh stop "$services"' EXIT
eval "$(scripts/test-services.sh start "$services")"
status=0
# One test assembly at a time: each starts its own sandbox pool, and running them side by side on a
# small machine only adds scheduler noise.
dotnet test TraceFix.Web.sln -c Release --no-build -nologo -v quiet -m:1 \
  --logger "trx" --results-directory "$results" "$@" || status=$?

python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(f"{sys.argv[1]}/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
