#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for tests, benchmarks and trying out a DataHub cluster on one machine.
#   scripts/postgres.sh start DIR [PORT]   initialize (once) and start a cluster in DIR on 127.0.0.1:PORT
#                                          (default: a free port), trust auth, database "datahub";
#                                          prints the Npgsql connection string on stdout
#   scripts/postgres.sh stop DIR           stop it (a stopped or missing cluster is not an error)
# Idempotent: start on a running cluster prints its connection string again.
# PostgreSQL refuses to run as root, so as root the cluster is owned and run by the "postgres" user.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }
usage() { die "usage: $0 start DIR [PORT] | stop DIR"; }

bin=""
for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  [[ -x "$candidate/pg_ctl" ]] && { bin="$candidate"; break; }
done
[[ -n "$bin" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)"

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 - <<'EOF'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
EOF
}

connection_string() { echo "Host=127.0.0.1;Port=$1;Database=datahub;Username=postgres;Pooling=true"; }

cmd="${1:-}"; dir="${2:-}"
[[ -n "$cmd" && -n "$dir" ]] || usage

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    data="$dir/pgdata"
    if [[ $(id -u) -eq 0 ]]; then
      id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist (it comes with the postgresql package)"
      chown postgres: "$dir"
      # The server must be able to reach DIR through every parent (temp dirs are often 0700).
      p="$dir"; while [[ "$p" != "/" ]]; do p="$(dirname "$p")"; chmod o+x "$p" 2>/dev/null || true; done
    fi
    if [[ -f "$dir/port" ]] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      connection_string "$(cat "$dir/port")"; exit 0
    fi
    if [[ ! -f "$data/PG_VERSION" ]]; then
      as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || die "initdb failed (see $dir/initdb.log)"
    fi
    port="${3:-$(free_port)}"
    echo "$port" > "$dir/port"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir/port"
    # Only loopback, socket in DIR (not /var/run), fsync kept on: tests measure real durability.
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=200" start >/dev/null \
      || die "server did not start within 60 s (see $dir/server.log)"
    for _ in $(seq 1 60); do
      if psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc "SELECT 1" >/dev/null 2>&1; then break; fi
      sleep 0.5
    done
    exists=$(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = 'datahub'") \
      || die "server on port $port does not answer (see $dir/server.log)"
    [[ "$exists" == "1" ]] || psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE datahub" >/dev/null \
      || die "could not create database datahub"
    connection_string "$port"
    ;;
  stop)
    [[ -d "$dir/pgdata" ]] || exit 0
    dir="$(cd "$dir" && pwd)"
    if as_owner "$bin/pg_ctl" -D "$dir/pgdata" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir/pgdata" -m fast -w -t 60 stop >/dev/null || die "server in $dir did not stop within 60 s"
    fi
    ;;
  *) usage ;;
esac
