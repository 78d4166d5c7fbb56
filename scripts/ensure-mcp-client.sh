#!/usr/bin/env bash
# Installs the official TypeScript MCP client (@modelcontextprotocol/sdk, version pinned in
# tests/TraceFix.Server.Tests/Mcp/client/package.json) into artifacts/mcp-client for the MCP end-to-end test.
# Idempotent and non-interactive; installs node and npm from Debian when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

source_dir="tests/TraceFix.Server.Tests/Mcp/client"
target="artifacts/mcp-client"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-mcp-client: need root to install nodejs and npm (apt-get)" >&2
    exit 1
  fi
  echo "ensure-mcp-client: installing nodejs npm" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

mkdir -p "$target"
cp "$source_dir/package.json" "$source_dir"/*.mjs "$target/"
if [ -f "$target/node_modules/@modelcontextprotocol/sdk/package.json" ] \
  && cmp -s "$source_dir/package.json" "$target/.installed-package.json"; then
  exit 0
fi
echo "ensure-mcp-client: npm install in $target" >&2
(cd "$target" && npm install --no-audit --no-fund --loglevel=error --no-package-lock </dev/null >/dev/null)
cp "$source_dir/package.json" "$target/.installed-package.json"
