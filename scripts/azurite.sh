#!/usr/bin/env bash
# Local Azurite (Azure Blob Storage emulator) for tests and benchmarks.
#   scripts/azurite.sh start DIR   install azurite@3.37.0 into .tools/azurite if missing, start the blob
#                                  service on 127.0.0.1:${AZURITE_PORT:-10000} with data in DIR, print
#                                  the connection string on stdout (nothing else goes to stdout)
#   scripts/azurite.sh stop DIR    stop the instance started for DIR
#   scripts/azurite.sh status DIR  exit 0 and print the connection string when it is running
# Both are idempotent: starting a running instance prints its connection string again, stopping a
# stopped one succeeds.
set -euo pipefail

AZURITE_VERSION=3.37.0
HOST=127.0.0.1
ACCOUNT=devstoreaccount1
# The emulator's well-known development key (public, documented by Microsoft): not a secret.
KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools/azurite"
BIN="$TOOLS/node_modules/.bin/azurite-blob"
START_TIMEOUT="${AZURITE_START_TIMEOUT:-60}"

die() { echo "azurite.sh: $*" >&2; exit 1; }

usage() { die "usage: $0 start|stop|status DIR  (port from AZURITE_PORT, default 10000)"; }

installed_version() {
  local pkg="$TOOLS/node_modules/azurite/package.json"
  [[ -f "$pkg" ]] && sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$pkg" | head -n1
}

install_azurite() {
  [[ -x "$BIN" && "$(installed_version)" == "$AZURITE_VERSION" ]] && return 0
  command -v npm >/dev/null 2>&1 || die "npm is not installed: install Node.js 18+ (apt-get install -y nodejs npm) to run Azurite"
  mkdir -p "$TOOLS"
  # Two test runs starting at once must not run two npm installs into the same folder.
  (
    flock -w 300 9 || die "timed out waiting for another Azurite install"
    if [[ ! -x "$BIN" || "$(installed_version)" != "$AZURITE_VERSION" ]]; then
      echo "azurite.sh: installing azurite@$AZURITE_VERSION into $TOOLS" >&2
      npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2 \
        || die "npm install azurite@$AZURITE_VERSION failed (is the npm registry reachable?)"
    fi
  ) 9>"$ROOT/.tools/azurite.lock"
  [[ -x "$BIN" ]] || die "azurite-blob not found at $BIN after install"
}

port_answers() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

connection_string() {
  echo "DefaultEndpointsProtocol=http;AccountName=$ACCOUNT;AccountKey=$KEY;BlobEndpoint=http://$HOST:$1/$ACCOUNT;"
}

# PID of the instance recorded for DIR when that process is still alive.
running_pid() {
  local dir="$1" pid
  [[ -f "$dir/azurite.pid" ]] || return 1
  pid="$(cat "$dir/azurite.pid")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start() {
  local dir="$1" port="${AZURITE_PORT:-10000}" pid
  [[ "$port" =~ ^[0-9]+$ ]] || die "AZURITE_PORT must be a number, got '$port'"
  mkdir -p "$dir" || die "cannot create $dir"
  dir="$(cd "$dir" && pwd)"
  if pid="$(running_pid "$dir")"; then
    local running_port; running_port="$(cat "$dir/azurite.port" 2>/dev/null || echo "$port")"
    port_answers "$running_port" || die "Azurite (pid $pid) for $dir is running but port $running_port does not answer; see $dir/azurite.log"
    connection_string "$running_port"
    return 0
  fi
  port_answers "$port" && die "port $HOST:$port is already in use by another process; set AZURITE_PORT to a free port"
  install_azurite
  # --disableTelemetry: tests and benchmarks must not talk to anything but 127.0.0.1.
  nohup "$BIN" --blobHost "$HOST" --blobPort "$port" --location "$dir" --silent --disableTelemetry \
    ${AZURITE_EXTRA_ARGS:-} </dev/null >"$dir/azurite.log" 2>&1 &
  pid=$!
  echo "$pid" >"$dir/azurite.pid"
  echo "$port" >"$dir/azurite.port"
  local deadline=$((SECONDS + START_TIMEOUT))
  until port_answers "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$dir/azurite.pid"
      die "Azurite exited during startup: $(tail -n 20 "$dir/azurite.log" 2>/dev/null | tr '\n' ' ')"
    fi
    if ((SECONDS >= deadline)); then
      kill "$pid" 2>/dev/null || true
      rm -f "$dir/azurite.pid"
      die "Azurite did not answer on $HOST:$port within ${START_TIMEOUT}s; see $dir/azurite.log"
    fi
    sleep 0.2
  done
  connection_string "$port"
}

stop() {
  local dir="$1" pid
  [[ -d "$dir" ]] || return 0
  if pid="$(running_pid "$dir")"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$dir/azurite.pid" "$dir/azurite.port"
}

status() {
  local dir="$1" pid
  pid="$(running_pid "$dir")" || die "no Azurite running for $dir"
  connection_string "$(cat "$dir/azurite.port")"
}

[[ $# -eq 2 ]] || usage
case "$1" in
  start) start "$2" ;;
  stop) stop "$2" ;;
  status) status "$2" ;;
  *) usage ;;
esac
