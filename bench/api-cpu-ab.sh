#!/usr/bin/env bash
# Server CPU per request, trivial endpoint vs citizen lookup, for two builds alternated (requests/s on this
# 2-core VM move ±20 % between minutes; CPU per request much less). Needs a seeded bench folder from
# `./datahub bench api --bench-data DIR` (it holds catalog.db, access-log.db and lookup.lua).
# usage: bench/api-cpu-ab.sh SEEDED_DIR BUILD_A/datahub.dll BUILD_B/datahub.dll [rounds] [seconds]
set -euo pipefail
seeded=$1; a=$2; b=$3; rounds=${4:-3}; secs=${5:-10}
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run() {
  local dll=$1 work; work=$(mktemp -d); cp -a "$seeded"/. "$work"/
  DATAHUB_HOME="$home" MALLOC_ARENA_MAX=2 dotnet "$dll" serve --data "$work" --urls http://127.0.0.1:5099 >"$work/serve.log" 2>&1 &
  local pid=$! key
  for _ in $(seq 100); do curl -s -o /dev/null http://127.0.0.1:5099/healthz && break; sleep 0.2; done
  key=$(grep -o 'dhk_[A-Za-z0-9_-]*' "$work/lookup.lua" | head -1)
  wrk -t1 -c16 -d3s -H "X-Api-Key: $key" http://127.0.0.1:5099/v1/ping >/dev/null
  wrk -t1 -c16 -d3s -s "$work/lookup.lua" http://127.0.0.1:5099/ >/dev/null
  perf stat -e task-clock -p $pid -o "$work/ping.stat" -- sleep "$secs" & local pp=$!
  local p; p=$(wrk -t1 -c16 -d"${secs}s" -H "X-Api-Key: $key" -H "X-Purpose: bench" http://127.0.0.1:5099/v1/ping | awk '/Requests\/sec/{print $2}'); wait $pp
  perf stat -e task-clock -p $pid -o "$work/lookup.stat" -- sleep "$secs" & pp=$!
  local l; l=$(wrk -t1 -c16 -d"${secs}s" -s "$work/lookup.lua" http://127.0.0.1:5099/ | awk '/Requests\/sec/{print $2}'); wait $pp
  local pc lc; pc=$(awk '/task-clock/{gsub(",","",$1); print $1}' "$work/ping.stat"); lc=$(awk '/task-clock/{gsub(",","",$1); print $1}' "$work/lookup.stat")
  kill $pid; wait $pid 2>/dev/null || true
  python3 -c "p=$p;l=$l;pc=$pc;lc=$lc;s=$secs;print(f'$dll: ping {p:,.0f}/s {pc*1000/(p*s):.1f} µs CPU each | lookup {l:,.0f}/s {lc*1000/(l*s):.1f} µs CPU each | ratio {l/p:.0%}')"
  rm -rf "$work"
}
for _ in $(seq "$rounds"); do run "$a"; run "$b"; done
