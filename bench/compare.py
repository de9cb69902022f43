#!/usr/bin/env python3
"""Compares METHODS §1 indicator CSVs (Åpen's and the references') to a relative tolerance.

Rows are matched on (indicator, municipality, year[, breakdown]); `n`, `df` and `flag` must be
equal, and value/se/ci_low/ci_high equal within the tolerance: |a − b| ≤ rel·max(|a|, |b|) or
≤ abs (for values at or near zero). An empty cell must be empty in both. Rows present in one file
only are reported, and so is a file without the revision-2 columns `df` and `flag` (METHODS §1).
Prints the largest relative difference of each numeric column. Exit 0 when all files agree with
the first, 1 otherwise.

Usage: compare.py A.csv B.csv [C.csv ...] [--rel 1e-9] [--abs 1e-12] [--only GLOB] [--common-indicators]
"""
from __future__ import annotations

import argparse
import csv
import fnmatch
import sys

NUMERIC = ["value", "se", "ci_low", "ci_high"]
EXACT = ["n", "df", "flag"]


def load(path, only):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.DictReader(f)
        lacking = [c for c in ["indicator", "municipality", "year"] + NUMERIC + EXACT if c not in (r.fieldnames or [])]
        if lacking:
            raise SystemExit(f"{path}: no column {', '.join(lacking)} (header {','.join(r.fieldnames or [])})")
        out = {}
        for row in r:
            if only and not fnmatch.fnmatch(row["indicator"], only):
                continue
            key = (row["indicator"], row["municipality"], row["year"], row.get("breakdown", ""))
            if key in out:
                raise SystemExit(f"{path}: duplicate row {key}")
            out[key] = row
        return out


def close(a: str, b: str, rel: float, abs_: float) -> bool:
    if a == "" or b == "":
        return a == b
    x, y = float(a), float(b)
    return abs(x - y) <= max(rel * max(abs(x), abs(y)), abs_)


def compare(base_name, base, other_name, other, rel, abs_, show):
    problems = []
    for key in sorted(set(base) - set(other)):
        problems.append(f"only in {base_name}: {','.join(key)}")
    for key in sorted(set(other) - set(base)):
        problems.append(f"only in {other_name}: {','.join(key)}")
    worst = {col: 0.0 for col in NUMERIC}
    for key in sorted(set(base) & set(other)):
        a, b = base[key], other[key]
        for col in EXACT:
            if a[col] != b[col]:
                problems.append(f"{','.join(key)}: {col} {a[col]!r} vs {b[col]!r}")
        for col in NUMERIC:
            if not close(a[col], b[col], rel, abs_):
                problems.append(f"{','.join(key)}: {col} {a[col]!r} vs {b[col]!r}")
            elif a[col] and b[col]:
                x, y = float(a[col]), float(b[col])
                # Values within the absolute floor of 0 (e.g. an alpha of ±3e-16 that is 0 in exact
                # arithmetic) agree by the abs rule; their relative difference says nothing.
                if max(abs(x), abs(y)) > abs_:
                    worst[col] = max(worst[col], abs(x - y) / max(abs(x), abs(y)))
    print(f"{base_name} vs {other_name}: {len(set(base) & set(other))} common rows, "
          f"{len(problems)} problems, largest relative difference {max(worst.values()):.3g} "
          f"({', '.join(f'{c} {w:.2g}' for c, w in worst.items())}; values above {abs_:g}; n, df, flag exact)")
    for p in problems[:show]:
        print("  " + p)
    if len(problems) > show:
        print(f"  … {len(problems) - show} more")
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--rel", type=float, default=1e-9)
    ap.add_argument("--abs", dest="abs_", type=float, default=1e-12)
    ap.add_argument("--only", help="compare only indicators matching this glob, e.g. 'survey.*'")
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--common-indicators", action="store_true",
                    help="compare only indicators that every file has (e.g. a reference against a pipeline "
                         "output that also holds custom and composite indicators)")
    a = ap.parse_args()
    if len(a.files) < 2:
        ap.error("give at least two files")
    tables = [load(f, a.only) for f in a.files]
    if a.common_indicators:
        common = set.intersection(*({k[0] for k in t} for t in tables))
        tables = [{k: v for k, v in t.items() if k[0] in common} for t in tables]
    ok = True
    for name, other in zip(a.files[1:], tables[1:]):
        ok &= compare(a.files[0], tables[0], name, other, a.rel, a.abs_, a.show)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
