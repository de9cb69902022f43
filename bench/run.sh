#!/usr/bin/env bash
# Åpen benchmark (a tool for people; CI does not run it).
#
#   bench/run.sh [--scales "1 10"] [--repeats 3] [--skip-apen] [--skip-refs]
#
# 1. builds `apen` in release mode if needed and generates bench/data/scale-S/ (git-ignored)
#    with `apen generate --scale S --seed 42` when absent;
# 2. times `apen run pipelines/national.yaml --force` (cold), a no-op rerun and a rerun after
#    touching one source (access_requests.csv);
# 3. times the reference implementations (bench/reference_duckdb.py, bench/reference_polars.py;
#    a venv with duckdb, polars and scipy is made in bench/.venv when absent), checks that all
#    produce the same numbers (bench/compare.py, 1e-9 relative) and prints a table
#    (median wall of the repeats, CPU, peak RSS from /usr/bin/time -v, rows/s, ratios).
# For scales other than 1 a copy of the pipeline pointing at scale-S is written to
# bench/data/national-S.yaml. Needs /usr/bin/time (Debian package `time`) and python3-venv.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SCALES="1"
REPEATS=3
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) SCALES="$2"; shift 2 ;;
    --repeats) REPEATS="$2"; shift 2 ;;
    --skip-apen|--skip-refs) EXTRA+=("$1"); shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

APEN="${APEN:-$ROOT/.build/release/apen}"
if [ ! -x "$APEN" ]; then
  echo "building apen (release)…"
  swift build -c release --product apen
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
fi
if ! bench/.venv/bin/python -c "import duckdb, polars, scipy" 2>/dev/null; then
  bench/.venv/bin/pip install --quiet duckdb polars scipy   # scipy: t and Beta quantiles (METHODS §2)
fi

for S in $SCALES; do
  DATA="bench/data/scale-$S"
  if [ ! -f "$DATA/population.csv" ] || [ ! -f "$DATA/engagement.csv" ]; then
    echo "generating scale $S…"
    "$APEN" generate --scale "$S" --seed 42 --out "$DATA"
  fi
  PIPELINE=pipelines/national.yaml
  if [ "$S" != "1" ]; then
    PIPELINE="bench/data/national-$S.yaml"
    sed -e "s#\.\./bench/data/scale-1/#scale-$S/#" -e "s#^pipeline: national#pipeline: national-$S#" \
      pipelines/national.yaml > "$PIPELINE"
  fi
  echo
  echo "== scale $S"
  bench/.venv/bin/python bench/measure.py --data "$DATA" --pipeline "$PIPELINE" --apen "$APEN" \
    --repeats "$REPEATS" ${EXTRA[@]+"${EXTRA[@]}"}
done
