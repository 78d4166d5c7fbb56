#!/usr/bin/env bash
# Installs the Debian packages TraceFix needs when they are missing: bubblewrap (the sandbox),
# a plain python3 interpreter (the test runner), for the browser tests chromium and, with --services, the PostgreSQL
# and Redis servers that the tests and benchmarks start as throwaway instances (scripts/test-services.sh).
set -euo pipefail

want=()
command -v bwrap >/dev/null 2>&1 || want+=(bubblewrap)
command -v setpriv >/dev/null 2>&1 || want+=(util-linux)
[ -x /usr/bin/python3 ] || want+=(python3)
/usr/bin/python3 -c 'import websockets' >/dev/null 2>&1 || want+=(python3-websockets)
for flag in "$@"; do
  case "$flag" in
    --browser) [ -x /usr/bin/chromium ] || want+=(chromium) ;;
    --services)
      ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want+=(postgresql)
      command -v redis-server >/dev/null 2>&1 || want+=(redis-server)
      ;;
  esac
done

if [ ${#want[@]} -gt 0 ]; then
  echo "ensure-deps: installing ${want[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-deps: need root to install ${want[*]} (apt-get)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
fi
