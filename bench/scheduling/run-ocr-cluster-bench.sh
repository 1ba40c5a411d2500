#!/usr/bin/env bash
# Cluster scaling benchmark on an OCR backfill: the bundled paper archive (samples/scans) copied COPIES
# times into one archive, backfilled by the quang-nam-paper-archive connector split into PARTITIONS jobs,
# on 1 node and then on 2 nodes (one worker each) against one local PostgreSQL.
# Usage: bench/scheduling/run-ocr-cluster-bench.sh [COPIES] [PARTITIONS]
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
copies="${1:-4}"; partitions="${2:-16}"
work="$(mktemp -d /tmp/datahub-ocr-cluster-bench.XXXXXX)"
trap '"$home/scripts/postgres.sh" stop "$work/pg" || true' EXIT

# Each copy is a box set of its own (copyN-boxNN), so every page is a separate unit of the backfill.
python3 - "$home" "$work" "$copies" <<'PY'
import csv, json, os, shutil, sys
home, work, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
src = f"{home}/samples/scans"
dst = f"{work}/scans"
os.makedirs(dst)
rows = list(csv.DictReader(open(f"{src}/index.csv", encoding="utf-8")))
out = csv.DictWriter(open(f"{dst}/index.csv", "w", encoding="utf-8", newline=""), fieldnames=rows[0].keys(), quoting=csv.QUOTE_ALL)
out.writeheader()
for c in range(1, copies + 1):
    for box in sorted(d for d in os.listdir(src) if d.startswith("box")):
        shutil.copytree(f"{src}/{box}", f"{dst}/copy{c}-{box}")
    for r in rows:
        out.writerow({**r, "box": f"copy{c}-{r['box']}"})
m = json.load(open(f"{home}/connectors/quang-nam-paper-archive/connector.json", encoding="utf-8"))
m["source"]["path"] = dst
os.makedirs(f"{work}/connectors/quang-nam-paper-archive")
json.dump(m, open(f"{work}/connectors/quang-nam-paper-archive/connector.json", "w", encoding="utf-8"), ensure_ascii=False)
json.dump({"Schemas": {"Folder": f"{home}/schemas"}, "Connectors": {"Folder": f"{work}/connectors"}}, open(f"{work}/datahub.json", "w"))
PY
echo "archive: $(find "$work/scans" -type f ! -name index.csv | wc -l) files in $work/scans" >&2
cs="$("$home/scripts/postgres.sh" start "$work/pg")"
"$home/datahub" bench cluster --config "$work/datahub.json" --connector quang-nam-paper-archive --postgres "$cs" --partitions "$partitions" --nodes 2 --work "$work/nodes"
