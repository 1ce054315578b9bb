#!/usr/bin/env bash
# Rebuilds the embedded extracts in data/ from the published files, one `drugstats ingest` per line of
# data/datasets.csv. Usage: data/rebuild.sh [SHARED_DATA_DIR]   (default: ../shared/data from the project root)
# The commands it runs are exactly those listed in data/README.md; EmbeddedDataTest checks the result.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${1:-$root/../shared/data}"
cd "$root"
grep -v '^#' data/datasets.csv | tail -n +2 | while IFS=, read -r dir kind input area; do
  opts=()
  [ -n "${area:-}" ] && opts=(--area "$area")
  echo "./drugstats ingest --source $kind --input ../shared/data/$input --out data/$dir${area:+ --area $area}" >&2
  ./drugstats ingest --source "$kind" --input "$shared/$input" --out "data/$dir" "${opts[@]}"
done
