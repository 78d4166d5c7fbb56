#!/usr/bin/env bash
# Runs every test of the solution (unit, sandbox, server, browser end-to-end) and prints a summary line:
#   N passed, N failed, N skipped
# Extra arguments go to every `dotnet test` (e.g. --filter "FullyQualifiedName~Transfer"). Fails when a test
# assembly left no results file, when no test ran at all, or when a --filter matched nothing.
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

mapfile -t projects < <(dotnet sln TraceFix.Web.sln list | grep -E '^tests/.*\.csproj$' | sort)
if [ "${#projects[@]}" -eq 0 ]; then
  echo "test.sh: no test project found in TraceFix.Web.sln" >&2
  exit 1
fi
status=0
# One test assembly at a time, each into its own results folder: each starts its own sandbox pool, and running them
# side by side on a small machine only adds scheduler noise.
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build -nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results/$name" "$@" || status=$?
done

filtered=0
for arg in "$@"; do
  case "$arg" in --filter|--filter=*) filtered=1 ;; esac
done

python3 - "$results" "$filtered" "${projects[@]}" <<'PY' || status=$?
import os, sys, xml.etree.ElementTree as ET
results, filtered, projects = sys.argv[1], sys.argv[2] == "1", sys.argv[3:]
passed = failed = skipped = 0
missing = []
for project in projects:
    name = os.path.splitext(os.path.basename(project))[0]
    path = os.path.join(results, name, f"{name}.trx")
    counters = ET.parse(path).getroot().find(".//{*}Counters") if os.path.isfile(path) else None
    if counters is None:
        missing.append(name)
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
problems = []
if missing:
    problems.append(f"no test results from {', '.join(missing)} (the test host crashed or did not start); see the output above")
if passed + failed + skipped == 0:
    problems.append("the --filter matched no test" if filtered else "no test ran")
for problem in problems:
    print(f"test.sh: FAILED: {problem}", file=sys.stderr, flush=True)
# The summary stays the last line of the output.
print(f"{passed} passed, {failed} failed, {skipped} skipped", flush=True)
sys.exit(1 if problems or failed else 0)
PY
exit $status
