#!/usr/bin/env python3
"""Rewrites datasets/example/ (Norwegian export dialects) as canonical CSVs for the references.

The references read only the canonical form (`,`, UTF-8, ISO dates, canonical headers).
This undoes each dialect documented in datasets/README.md with Python's csv module — an
ingestion path independent of Åpen's — so the references can check Åpen's example numbers:

  python3 bench/example_to_canonical.py datasets/example /tmp/example-canonical
  bench/.venv/bin/python bench/reference_duckdb.py /tmp/example-canonical /tmp/ex-duckdb.csv
  bench/.venv/bin/python bench/compare.py /tmp/ex-duckdb.csv reports/example/indicators.csv --common-indicators
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import sys


def rewrite(src, dst, *, encoding="utf-8", delimiter=",", rename=None, drop=(), convert=None):
    rename = rename or {}
    convert = convert or {}
    with open(src, newline="", encoding=encoding) as f, open(dst, "w", newline="", encoding="utf-8") as g:
        r = csv.reader(f, delimiter=delimiter)
        w = csv.writer(g, lineterminator="\n")
        header = next(r)
        keep = [i for i, h in enumerate(header) if h not in drop]
        names = [rename.get(header[i], header[i]) for i in keep]
        w.writerow(names)
        for row in r:
            out = []
            for i, name in zip(keep, names):
                v = row[i]
                out.append(convert[name](v) if name in convert and v != "" else v)
            w.writerow(out)


def ddmmyyyy(v):
    d, m, y = v.split(".")
    return dt.date(int(y), int(m), int(d)).isoformat()


def epoch_ms(v):
    return dt.datetime.fromtimestamp(int(v) / 1000, tz=dt.timezone.utc).date().isoformat()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    p = lambda d, n: os.path.join(d, n)
    rewrite(p(src, "survey.csv"), p(dst, "survey.csv"), delimiter=";",
            rename={"RespNr": "respondent_id", "vekt": "weight"}, convert={"weight": lambda v: v.replace(",", ".")})
    rewrite(p(src, "engagement.csv"), p(dst, "engagement.csv"), rename={"tidspunkt": "date"}, convert={"date": epoch_ms})
    rewrite(p(src, "publications.csv"), p(dst, "publications.csv"), encoding="cp1252", delimiter=";",
            rename={"journaldato": "registered", "publisert": "published"}, drop={"tittel"},
            convert={"registered": ddmmyyyy, "published": ddmmyyyy})
    for name in ("access_requests.csv", "population.csv"):
        shutil.copyfile(p(src, name), p(dst, name))
    print(f"canonical copy of {src} in {dst}")


if __name__ == "__main__":
    main()
