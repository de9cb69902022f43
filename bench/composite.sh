#!/usr/bin/env bash
# National-scale timing of the composite index with sensitivity (issue 14; a tool for people,
# CI does not run it).
#
#   bench/composite.sh [--jobs N]
#
# Builds `apen` in release mode when .build/release/apen is absent (APEN= overrides the binary),
# generates bench/data/scale-1/ with `apen generate --scale 1 --seed 42` when absent, then runs
# bench/national-composite.yaml (357 municipalities × 10 years, 12 components in 2 pillars,
# N = 1000, sensitivity over weights, normalisation, aggregation, imputation and sampling
# error) with --force into a temporary store and folder, and prints the composite stage's time
# and the whole run's wall time.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JOBS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) JOBS="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
APEN="${APEN:-$ROOT/.build/release/apen}"
if [ ! -x "$APEN" ]; then
  echo "building apen (release)…"
  swift build -c release --product apen
fi
DATA=bench/data/scale-1
if [ ! -f "$DATA/population.csv" ] || [ ! -f "$DATA/engagement.csv" ]; then
  echo "generating scale 1…"
  "$APEN" generate --scale 1 --seed 42 --out "$DATA"
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$APEN" run bench/national-composite.yaml --force --jobs "$JOBS" --store "$TMP/store.sqlite" --out "$TMP/out" \
  > "$TMP/log" 2>&1 || { cat "$TMP/log" >&2; exit 1; }
grep -E "^done  composite\.|^wall time" "$TMP/log"
