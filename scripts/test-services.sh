#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis servers for the tests and benchmarks, each in a temp folder on a random loopback port.
#   eval "$(scripts/test-services.sh start DIR)"   starts both, prints the variables the tests read
#   scripts/test-services.sh stop DIR               stops both and removes DIR (safe to call twice)
# PostgreSQL runs as the `postgres` user when started by root (it refuses to run as root), with a random password.
set -euo pipefail

command="${1:?usage: test-services.sh start|stop DIR}"
dir="${2:?usage: test-services.sh start|stop DIR}"

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi; }

case "$command" in
  start)
    bin="$(pg_bin)"
    [ -n "$bin" ] || { echo "test-services: PostgreSQL is not installed (scripts/ensure-deps.sh --services)" >&2; exit 1; }
    command -v redis-server >/dev/null || { echo "test-services: redis-server is not installed (scripts/ensure-deps.sh --services)" >&2; exit 1; }
    mkdir -p "$dir/pg" "$dir/redis"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/pg" && chmod 755 "$dir"
    password="$(/usr/bin/python3 -c 'import secrets; print(secrets.token_hex(16))')"
    printf '%s\n' "$password" > "$dir/pg/.pw"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/pg/.pw"
    as_pg "$bin/initdb" -D "$dir/pg/data" -U postgres --auth=scram-sha-256 --pwfile="$dir/pg/.pw" -E UTF8 --no-locale >"$dir/pg/initdb.log" 2>&1 \
      || { cat "$dir/pg/initdb.log" >&2; exit 1; }
    rm -f "$dir/pg/.pw"
    pg_port="$(free_port)"
    as_pg "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $dir/pg -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/pg/server.log" >&2; exit 1; }
    redis_port="$(free_port)"
    redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$dir/redis" \
      --daemonize yes --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" >/dev/null
    for _ in $(seq 1 50); do
      redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
      sleep 0.1
    done
    echo "export TRACEFIX_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password'"
    echo "export TRACEFIX_TEST_REDIS='127.0.0.1:$redis_port'"
    ;;
  stop)
    bin="$(pg_bin)"
    if [ -n "$bin" ] && [ -f "$dir/pg/data/postmaster.pid" ]; then
      as_pg "$bin/pg_ctl" -D "$dir/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ -f "$dir/redis/redis.pid" ]; then
      kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: test-services.sh start|stop DIR" >&2
    exit 2
    ;;
esac
