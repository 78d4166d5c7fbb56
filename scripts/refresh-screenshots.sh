#!/usr/bin/env bash
# Refreshes the documentation's screenshots on purpose: runs the browser end-to-end tests (which write their
# screenshots and the first-paint figure into artifacts/screenshots, git-ignored), then copies the PNGs into
# docs/screenshots and appends the new first-paint figure to docs/screenshots/first-paint.txt. Review and commit the result.
#   scripts/refresh-screenshots.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Dashboard"]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh --browser
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
shots="artifacts/screenshots"
rm -rf "$shots"

project="tests/TraceFix.E2E.Tests/TraceFix.E2E.Tests.csproj"
dotnet build "$project" -c Release -nologo -v quiet
dotnet test "$project" -c Release --no-build -nologo -v quiet "$@"

shopt -s nullglob
pngs=("$shots"/*.png)
if [ "${#pngs[@]}" -eq 0 ]; then
  echo "refresh-screenshots: the tests wrote no screenshot into $shots" >&2
  exit 1
fi
cp "${pngs[@]}" docs/screenshots/
[ -f "$shots/first-paint.txt" ] && cat "$shots/first-paint.txt" >> docs/screenshots/first-paint.txt
echo "refresh-screenshots: ${#pngs[@]} screenshot(s) copied into docs/screenshots; review with git status / git diff"
