#!/usr/bin/env python3
"""Checks a `kind: table` source over a real public table against DuckDB (issue 18).

Runs `apen run bench/table/godi.yaml` (the Global Open Data Index 2013-2015 entries,
okfn/opendataindex content/data/entries.csv, ODC PDDL 1.0, read from ../shared/data in
development only) and computes the same five custom indicators independently in DuckDB SQL
from docs/custom-indicators.md, then compares every row: the set of
(indicator, municipality, year, breakdown) keys, n exactly, and values exactly (bit for bit
after the shortest round-trip text) or, for means, within 1e-12 relative (DuckDB's avg sums in
its own order; Åpen sums each group's values sorted).

    bench/.venv/bin/python bench/table/check_godi.py [--apen .build/debug/apen]

Writes bench/table/godi_check.txt (the summary printed) next to this script.
"""
import argparse
import csv
import os
import subprocess
import sys

import duckdb

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "..", "shared", "data", "okfn-opendataindex", "content", "data", "entries.csv")


def reference():
    con = duckdb.connect()
    # all_varchar: cells as written ('no' stays a text code); the header has 'dataset' twice.
    con.execute(
        f"CREATE TABLE e AS SELECT * FROM read_csv('{DATA}', header=true, all_varchar=true, "
        "quote='\"', escape='\"', delim=',', strict_mode=true)"
    )
    cols = [r[0] for r in con.execute("DESCRIBE e").fetchall()]
    assert "place" in cols and "year" in cols and "isopen" in cols, cols
    con.execute(
        """
        CREATE VIEW t AS SELECT place AS m, CAST(year AS INTEGER) AS y,
          CASE lower(isopen) WHEN 'yes' THEN 1 WHEN 'true' THEN 1 WHEN 'ja' THEN 1 WHEN '1' THEN 1
                             WHEN 'no' THEN 0 WHEN 'false' THEN 0 WHEN 'nei' THEN 0 WHEN '0' THEN 0 END AS isopen,
          CAST(NULLIF(score, '') AS DOUBLE) AS score,
          NULLIF("exists", '') AS availability,
          NULLIF(format, '') AS format
        FROM e
        """
    )
    rows = []
    q = {
        # mean of a boolean: Σx / n over rows with a value
        "godi.open_share": "SELECT m, y, '' AS b, avg(isopen), count(isopen) FROM t GROUP BY m, y HAVING count(isopen) > 0",
        "godi.score_mean": "SELECT m, y, '', avg(score), count(score) FROM t GROUP BY m, y HAVING count(score) > 0",
        "godi.score_p90": "SELECT m, y, '', quantile_cont(score, 0.9), count(score) FROM t GROUP BY m, y HAVING count(score) > 0",
        # share: rows matching `of` among rows matching `where`; no row when the denominator is 0
        "godi.exists_share": """SELECT m, y, '', sum(CASE WHEN availability = 'Yes' THEN 1 ELSE 0 END)::DOUBLE / count(*), count(*)
                                FROM t WHERE availability IN ('Yes', 'No') GROUP BY m, y""",
        # count: every group of the source (0 possible); breakdowns for every value present in the group
        "godi.open_by_format": """SELECT m, y, '', sum(CASE WHEN isopen = 1 THEN 1 ELSE 0 END)::DOUBLE, sum(CASE WHEN isopen = 1 THEN 1 ELSE 0 END) FROM t GROUP BY m, y
                                  UNION ALL
                                  SELECT m, y, 'format=' || format, sum(CASE WHEN isopen = 1 THEN 1 ELSE 0 END)::DOUBLE, sum(CASE WHEN isopen = 1 THEN 1 ELSE 0 END)
                                  FROM t WHERE format IS NOT NULL GROUP BY m, y, format""",
    }
    for ind, sql in q.items():
        for m, y, b, v, n in con.execute(sql).fetchall():
            rows.append((ind, m, int(y), b, float(v), int(n)))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--apen", default=os.path.join(ROOT, ".build", "debug", "apen"))
    args = ap.parse_args()
    subprocess.run([args.apen, "run", "godi.yaml", "--quiet", "--force"], cwd=HERE, check=True)
    got = {}
    with open(os.path.join(HERE, "reports", "godi", "indicators.csv"), newline="") as f:
        for r in csv.DictReader(f):
            got[(r["indicator"], r["municipality"], int(r["year"]), r["breakdown"])] = (float(r["value"]), int(r["n"]))
    ref = {(i, m, y, b): (v, n) for i, m, y, b, v, n in reference()}
    lines = []
    missing = sorted(set(ref) - set(got))
    extra = sorted(set(got) - set(ref))
    exact = close = bad = 0
    worst = 0.0
    for k in sorted(set(ref) & set(got)):
        (rv, rn), (gv, gn) = ref[k], got[k]
        if rn != gn:
            bad += 1
            lines.append(f"n differs {k}: apen {gn}, duckdb {rn}")
            continue
        if rv == gv:
            exact += 1
        else:
            rel = abs(rv - gv) / max(abs(rv), 1e-300)
            worst = max(worst, rel)
            if rel <= 1e-12:
                close += 1
            else:
                bad += 1
                lines.append(f"value differs {k}: apen {gv!r}, duckdb {rv!r}")
    per = {}
    for k in ref:
        per[k[0]] = per.get(k[0], 0) + 1
    summary = [
        "Table source check: bench/table/godi.yaml (GODI entries.csv, 3153 rows) against DuckDB " + duckdb.__version__,
        "rows per indicator (DuckDB): " + ", ".join(f"{i} {n}" for i, n in sorted(per.items())),
        f"rows: apen {len(got)}, duckdb {len(ref)}; only in duckdb {len(missing)}, only in apen {len(extra)}",
        f"values equal bit for bit: {exact}; within 1e-12 relative: {close} (largest {worst:.3g}); differing: {bad}",
    ]
    summary += [f"only in duckdb: {k}" for k in missing[:20]] + [f"only in apen: {k}" for k in extra[:20]] + lines[:20]
    ok = not missing and not extra and bad == 0
    summary.append("OK" if ok else "FAILED")
    text = "\n".join(summary) + "\n"
    sys.stdout.write(text)
    with open(os.path.join(HERE, "godi_check.txt"), "w") as f:
        f.write(text)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
