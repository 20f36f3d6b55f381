#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster on loopback for the test suites.
#   scripts/pg-test-cluster.sh start DIR PORT [durable]   -> prints the server URL
# By default the cluster trades durability for speed (fsync, synchronous_commit and
# full_page_writes off: a PostgreSQL crash can lose acknowledged commits), which the
# suites accept. "durable" keeps PostgreSQL's defaults (all on), for the durability
# drills (server/tests/api/test_durability.py).
#   scripts/pg-test-cluster.sh stop DIR
set -euo pipefail
action=${1:?start|stop}
dir=${2:?data directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "pg-test-cluster: PostgreSQL server binaries not found (apt install postgresql-15)" >&2; exit 1; }

# PostgreSQL refuses to run as root; CI runs as root, so use the postgres account there.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    port=${3:?port}
    speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${4:-}" = durable ] && speed="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $speed -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
