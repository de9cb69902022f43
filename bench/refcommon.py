"""Shared pieces of the benchmark's reference implementations (DuckDB and polars).

Only what is not an engine's job lives here: the Norwegian working-day calendar of
METHODS.md §5 (as a table the engines join on), the licence/format tables of §4, and the
METHODS §1 output format (sorted rows, shortest-repr numbers). Every statistic is computed
by the engines themselves, in reference_duckdb.py and reference_polars.py.
"""
from __future__ import annotations

import datetime as dt
import math
import sys

Z95 = 1.959963984540054  # METHODS §2: normal 95 % interval
SCALES = {  # the benchmark pipeline's codebook (pipelines/national.yaml)
    "transparency": (["q01", "q02", "q03", "q04"], {"q04"}),
    "trust": (["q05", "q06", "q07", "q08"], set()),
    "participation": (["q09", "q10", "q11", "q12"], set()),
}
LIKERT = (1, 5)
MISSING = 9

# METHODS §4: open licences (compared case-insensitively) and the 5-star format table.
OPEN_LICENCES = ["cc0-1.0", "cc-by-4.0", "cc-by-sa-4.0", "nlod-1.0", "nlod-2.0", "odbl-1.0", "pddl-1.0"]
STARS_FORMATS = {
    1: ["pdf", "doc", "docx", "jpg", "png", "html"],
    2: ["xls", "xlsx"],
    3: ["csv", "tsv", "json", "xml", "geojson", "ods", "txt"],
    4: ["rdf", "ttl", "jsonld", "nt", "n3", "sparql"],
}


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holidays(year: int) -> set[dt.date]:
    """METHODS §5 public holidays (24 and 31 December are working days)."""
    e = easter_sunday(year)
    td = dt.timedelta
    return {
        dt.date(year, 1, 1), e - td(3), e - td(2), e + td(1), dt.date(year, 5, 1), dt.date(year, 5, 17),
        e + td(39), e + td(50), dt.date(year, 12, 25), dt.date(year, 12, 26),
    }


def workday_calendar(first_year: int = 1990, last_year: int = 2100):
    """(days, cumulative) lists: cumulative[i] = number of working days ≤ days[i].

    workdays(a, b) = #{working d : a < d ≤ b} = cum(b) − cum(a) (METHODS §5).
    """
    hol = set()
    for y in range(first_year, last_year + 1):
        hol |= holidays(y)
    days, cum = [], []
    d, end, c = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31), 0
    one = dt.timedelta(1)
    while d <= end:
        if d.weekday() < 5 and d not in hol:
            c += 1
        days.append(d)
        cum.append(c)
        d += one
    return days, cum


def num(x) -> str:
    """METHODS §1: the shortest text that reads back to the same double (Python repr), -0 as 0."""
    if x is None:
        return ""
    x = float(x)
    if not math.isfinite(x):
        raise ValueError("non-finite number reached an output")
    return "0.0" if x == 0 else repr(x)


def write_indicators(rows, out) -> int:
    """Writes METHODS §1 rows (indicator, municipality, year, value, n, se, lo, hi), sorted by
    indicator, municipality (UTF-8 byte order) and year."""
    rows = sorted(rows, key=lambda r: (r[0].encode(), r[1].encode(), int(r[2])))
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("indicator,municipality,year,value,n,se,ci_low,ci_high\n")
        for ind, mun, year, value, n, se, lo, hi in rows:
            if value is None or (isinstance(value, float) and not math.isfinite(value)):
                continue  # undefined → no row (METHODS §1)
            f.write(f"{ind},{mun},{int(year)},{num(value)},{int(n)},{num(se)},{num(lo)},{num(hi)}\n")
    return len(rows)


def die(msg: str):
    print(msg, file=sys.stderr)
    sys.exit(2)
