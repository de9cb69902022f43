"""Shared pieces of the benchmark's reference implementations (DuckDB and polars).

Only what is not an engine's job lives here: the Norwegian working-day calendar of
METHODS.md §5 (as a table the engines join on), the licence/format tables of §4, the §1 lists of
indicators that carry `low_n` and that need an optional column, and the METHODS §1 output format (sorted rows, shortest-repr numbers). Every statistic is computed
by the engines themselves, in reference_duckdb.py and reference_polars.py. The Student t and
Beta quantiles of the survey intervals (METHODS §2) come from scipy's special functions, which
neither engine has; each reference applies them to its own estimates.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import math
import re
import sys

from scipy import special

SCALES = {  # the benchmark pipeline's codebook (pipelines/national.yaml)
    "transparency": (["q01", "q02", "q03", "q04"], {"q04"}),
    "trust": (["q05", "q06", "q07", "q08"], set()),
    "participation": (["q09", "q10", "q11", "q12"], set()),
}
LIKERT = (1, 5)
MISSING = 9  # declared by pipelines/national.yaml (and METHODS §1's default, 9 being outside [1, 5])
MIN_N = 5  # METHODS §1: the pipeline's `min_n`, default 5
# METHODS §1 `low_n` applies to these indicators only (survey, engagement shares, FOI shares).
LOW_N_INDICATORS = tuple(f"survey.{s}.{k}" for s in SCALES for k in ("index", "agree_share", "alpha")) + (
    "engagement.repeat_share", "foi.within_3_workdays_share", "foi.within_5_workdays_share", "foi.granted_share")
# METHODS §1: an indicator needing an optional column that the file lacks has no rows.
OPTIONAL_NEEDS = {"initiative_id": ["engagement.repeat_share"],
                  "published": ["publication.open_share", "publication.lag_median_days", "publication.lag_p90_days"],
                  "licence": ["opendata.open_licence_share", "opendata.stars_mean"],
                  "outcome": ["foi.granted_share"]}

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


def header(path) -> list[str]:
    """The column names of a CSV file's header row (METHODS §1: an absent optional column is unknown)."""
    with open(path, newline="", encoding="utf-8") as f:
        return next(csv.reader(f), [])


def pipeline_settings(path):
    """(min_n, lonely_psu) from a pipeline file: top-level `min_n:` (default MIN_N) and the survey
    design's `lonely_psu` (default `fail`). A plain text scan; the benchmark pipelines are simple."""
    if not path:
        return MIN_N, "fail"
    text = open(path, encoding="utf-8").read()
    m = re.search(r"^min_n:\s*(\d+)\s*(?:#.*)?$", text, re.M)
    lp = re.search(r"lonely_psu:\s*([a-z]+)", text)
    return (int(m.group(1)) if m else MIN_N), (lp.group(1) if lp else "fail")


@functools.lru_cache(maxsize=None)
def t975(df) -> float:
    """Student t quantile t_{0.975, df} (METHODS §2), df ≥ 1."""
    return float(special.stdtrit(df, 0.975))


def beta_ppf(q, a, b) -> float:
    """Beta quantile B⁻¹(q; a, b); a first shape of 0 gives 0, a second of 0 gives 1 (METHODS §2)."""
    if a <= 0:
        return 0.0
    if b <= 0:
        return 1.0
    return float(special.betaincinv(a, b, q))


def num(x) -> str:
    """METHODS §1: the shortest text that reads back to the same double (Python repr), -0 as 0."""
    if x is None:
        return ""
    x = float(x)
    if not math.isfinite(x):
        raise ValueError("non-finite number reached an output")
    return "0.0" if x == 0 else repr(x)


def write_indicators(rows, out) -> int:
    """Writes METHODS §1 rows (indicator, municipality, year, value, n, se, lo, hi, df, flag), sorted by
    indicator, municipality (UTF-8 byte order) and year. df is an integer or None; flag a string."""
    rows = sorted(rows, key=lambda r: (r[0].encode(), r[1].encode(), int(r[2])))
    written = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("indicator,municipality,year,value,n,se,ci_low,ci_high,df,flag\n")
        for ind, mun, year, value, n, se, lo, hi, df, flag in rows:
            if value is None or (isinstance(value, float) and not math.isfinite(value)):
                continue  # undefined → no row (METHODS §1)
            dfs = "" if df is None else str(int(df))
            f.write(f"{ind},{mun},{int(year)},{num(value)},{int(n)},{num(se)},{num(lo)},{num(hi)},{dfs},{flag}\n")
            written += 1
    return written


def die(msg: str):
    print(msg, file=sys.stderr)
    sys.exit(2)
