#!/usr/bin/env bash
# Cluster scaling benchmark: a partitioned backfill of generated file-drop exports on 1 node vs 2 nodes
# (one worker each) on one local PostgreSQL. Usage: bench/scheduling/run-cluster-bench.sh [RECORDS] [PARTITIONS]
# RECORDS counts all three sample agencies; the civil-status connector (half of them) is backfilled.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
records="${1:-400000}"; partitions="${2:-8}"
work="$(mktemp -d /tmp/datahub-cluster-bench.XXXXXX)"
trap '"$home/scripts/postgres.sh" stop "$work/pg" || true' EXIT

"$home/datahub" samples --count "$records" --records-per-file 2000 --out "$work/samples" --no-broken-files >&2
mkdir -p "$work/connectors/quang-nam-civil-status"
python3 - "$home" "$work" <<'PY'
import json, sys
home, work = sys.argv[1], sys.argv[2]
m = json.load(open(f"{home}/connectors/quang-nam-civil-status/connector.json", encoding="utf-8"))
m["source"]["path"] = f"{work}/samples/civil-status"
json.dump(m, open(f"{work}/connectors/quang-nam-civil-status/connector.json", "w", encoding="utf-8"), ensure_ascii=False)
json.dump({"Schemas": {"Folder": f"{home}/schemas"}, "Connectors": {"Folder": f"{work}/connectors"}}, open(f"{work}/datahub.json", "w"))
PY
cs="$("$home/scripts/postgres.sh" start "$work/pg")"
"$home/datahub" bench cluster --config "$work/datahub.json" --connector quang-nam-civil-status --postgres "$cs" --partitions "$partitions" --nodes 2 --work "$work/nodes"
