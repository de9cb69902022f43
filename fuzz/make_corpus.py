#!/usr/bin/env python3
"""Builds the committed seed corpus under fuzz/corpus/<target>/ (run from anywhere).

Seeds come from the project's own test fixtures and example data, plus a few small
excerpts of openly licensed real files in ../shared/data (CC BY 4.0 / PDDL only; see
corpus/README.md for attribution). Each seed is kept under 4 KiB so a fuzzing run starts fast.
Rerunning the script rewrites the corpus deterministically; libFuzzer adds its own finds
to fuzz/out/ (git-ignored), not here.
"""
import hashlib
import os
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "data"
LIMIT = 4096


def write(target, name, data):
    folder = HERE / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data[:LIMIT])


def head_lines(path, n):
    """The first n lines of a file (bytes, line endings kept), cut at LIMIT."""
    out = b""
    with open(path, "rb") as f:
        for _ in range(n):
            line = f.readline()
            if not line:
                break
            out += line
    return out[:LIMIT]


# --- CSV: 6 option bytes (FuzzCSV.swift, DialectHeader) + the file --------------------
KINDS = ["survey", "engagement", "publications", "access_requests", "population"]


PATTERNS = ["dd.MM.yyyy", "MM/dd/yyyy", "d.M.yyyy", "yyyyMMdd", "yyyy-M-d", "dd/MM/yyyy"]


def header(kind, delimiter=0, encoding=0, decimal_comma=False, date="iso", flags=0, extra=0x30):
    """delimiter: 0 sniff, 2 ',', 3 ';', 4 tab; date: iso, epoch_s, epoch_ms or a PATTERNS entry."""
    if date in PATTERNS:
        # byte 3 = x << 1 | comma, with x % 9 in 5...8 (a pattern) and x >> 3 its index.
        k = PATTERNS.index(date)
        x = next(k * 8 + r for r in range(8) if (k * 8 + r) % 9 >= 5)
    else:
        x = {"iso": 0, "epoch_s": 3, "epoch_ms": 4}[date]
    return bytes([KINDS.index(kind), delimiter, encoding, (x << 1) | int(decimal_comma), flags, extra])


fixtures = ROOT / "Tests" / "IngestTests" / "Fixtures"
csv_seeds = {
    "access_rules.csv": header("access_requests"),
    "blank_lines_only.csv": header("population"),
    "dates_dotted.csv": header("access_requests", date="dd.MM.yyyy", flags=2),
    "dates_epoch_ms.csv": header("access_requests", date="epoch_ms", flags=2),
    "dates_epoch_s.csv": header("access_requests", date="epoch_s", flags=2),
    "dates_impossible.csv": header("access_requests", flags=2),
    "dates_iso.csv": header("access_requests", flags=2),
    "dates_slash.csv": header("access_requests", date="dd/MM/yyyy", flags=2),
    "duplicate_column.csv": header("population"),
    "empty.csv": header("population"),
    "engagement_basic.csv": header("engagement"),
    "engagement_bom_crlf.csv": header("engagement", flags=0xF0),
    "engagement_quoted.csv": header("engagement", delimiter=2),
    "engagement_semicolon.csv": header("engagement", delimiter=3),
    "engagement_tab.tsv": header("engagement", delimiter=4),
    "engagement_three_bad.csv": header("engagement", flags=0x70, extra=0x10),
    "missing_column.csv": header("engagement"),
    "open_quote.csv": header("engagement"),
    "population_bad_utf8.csv": header("population"),
    "population_cp1252.csv": header("population", encoding=1, flags=1),
    "population_rules.csv": header("population", flags=0xF0),
    "publications_rules.csv": header("publications", flags=0xF8),
    "survey_decimal_comma.csv": header("survey", delimiter=3, decimal_comma=True, flags=3, extra=0x13),
    "survey_no_group.csv": header("survey", flags=6),
    "survey_rules.csv": header("survey", flags=0xF0, extra=0x33),
}
for name, opts in csv_seeds.items():
    write("FuzzCSV", name, opts + (fixtures / name).read_bytes())
for name in ["survey", "engagement", "publications", "access_requests", "population"]:
    path = ROOT / "datasets" / "example" / f"{name}.csv"
    write("FuzzCSV", f"example_{name}.csv", header(name) + head_lines(path, 12))

# Real files (CC BY 4.0 / PDDL): RFC 4180 quoting with newlines, a duplicated header, `NA`.
real = {
    "polis_comments.csv": ("compdemocracy-openData/london.youth.policing/comments.csv", 8, "engagement"),
    "polis_votes.csv": ("compdemocracy-openData/15-per-hour-seattle/votes.csv", 20, "engagement"),
    "godi_entries.csv": ("okfn-opendataindex/content/data/entries.csv", 6, "publications"),
    "odb_rankings.csv": ("open-data-barometer-2nd-edition/assets/data/ODB-2014-Rankings.csv", 8, "population"),
}
for name, (rel, lines, kind) in real.items():
    path = SHARED / rel
    if path.exists():
        write("FuzzCSV", f"real_{name}", header(kind) + head_lines(path, lines))

# --- Dates: byte 0 picks the format (FuzzDate.swift), the rest is the cell ------------
dates = [
    (0, b"2019-03-04"), (0, b"2019-03-05T10:15:00+01:00"), (0, b" 2020-02-29 "), (0, b"2019-02-29"),
    (0, b"0000-01-01"), (0, b"9999-12-31"), (1, b"1551657600"), (1, b"-1"), (1, b"+253402300799"),
    (2, b"1551657600000"), (2, b"-86400001"), (3, b"31.01.2019"), (3, b"29.02.2020 12:00"),
    (4, b"1/2/2019"), (4, b"31/12/2019"), (5, b"yyyyMMdd\x0020190304"), (5, b"MM/dd/yyyy\x0002/29/2020"),
    (5, b"d. M. yyyy\x004. 3. 2019"),
]
for i, (fmt, cell) in enumerate(dates):
    write("FuzzDate", f"seed_{i:02d}", bytes([fmt]) + cell)

# --- Numbers: byte 0 bit 0 declares a decimal comma (FuzzNumber.swift), the rest is the cell -
numbers = [
    (0, b"1"), (0, b"-0"), (0, b" 2.5\t"), (0, b"1e3"), (0, b"1.7976931348623157e308"), (0, b"4.9e-324"),
    (0, b"0.1"), (0, b"123456789012345678901234567890"), (0, b".5"), (0, b"5."), (0, b"+1E-5"),
    (0, b"9007199254740993"), (0, b"1e22"), (0, b"1e23"), (0, b"2.5e-22"), (0, b"0.000000000000000000001"),
    (1, b"2,5"), (1, b"0,75"), (1, b"2.5"), (1, b"-1,5e2"), (0, b"abc"), (0, b"1,000"), (0, b"inf"),
]
for i, (comma, cell) in enumerate(numbers):
    write("FuzzNumber", f"seed_{i:02d}", bytes([comma]) + cell)

# --- Indicator CSV (baselines) ---------------------------------------------------------
for path in [ROOT / "reports" / "baseline" / "example.csv", *sorted((ROOT / "Tests" / "CheckTests" / "Fixtures").glob("*.csv"))]:
    if path.exists():
        write("FuzzIndicatorCSV", path.name, head_lines(path, 15))
indicator_csv = {
    "breakdown.csv": 'indicator,municipality,year,breakdown,value,n,se,ci_low,ci_high\n'
    'engagement.by_channel,5001,2023,"meeting, town hall",0.25,4,,,\n'
    'engagement.by_channel,5001,2023," web ",0.75,12,0.1,0.5,1.0\n',
    "quoted.csv": '\ufeffindicator,municipality,year,value,n,se,ci_low,ci_high\r\n'
    '"foi.""granted"" share",0301,2023,-1.5e-3,0,,,\r\n\r\n"x\r\ny",5001,2023,2,1,,,\r\n',
}
for name, text in indicator_csv.items():
    write("FuzzIndicatorCSV", name, text.encode())

# --- Expressions over FuzzExpression.swift's table --------------------------------------
expressions = [
    "access == 'open'", "access != 'open'", "not (access == 'open')", "access in ['open', 'partial']",
    "access not in ['exempt']", "record_type == \"decision\" and access == 'open'",
    "(access == 'open' or access == 'Open') and registered >= 2020-02-01",
    "published >= registered", "access == 'open' and published", "n > 1.5", "n <= m", "2 <= n",
    "n in [1, -0, 2.5e0]", "n != 1e3", "registered == '2020-02-29'", "`access` == 'x'", "m",
    "a == 1 or b == 2 and c == 3", "access <> 'open'", "access >= 'exempt'", "n == .5", "n == -.5",
    # Invalid texts: the error paths.
    "access == 'open", "a == 1)", "(a == 1", "a in []", "a == 1 & b", "access = 'open'", "d == 2020-13-45x",
    "`` == 1", "'x' == 'y'", "a in ['x', b]",
]
for i, e in enumerate(expressions):
    write("FuzzExpression", f"seed_{i:02d}", e.encode())

# --- Pipelines --------------------------------------------------------------------------
spec = ROOT / "Tests" / "PipelineTests" / "Fixtures" / "spec"
for name in ["valid.yaml", "latin1.yaml"]:
    data = (spec / name).read_bytes()
    write("FuzzPipeline", name, data)
mini = ROOT / "Tests" / "EndToEndTests" / "Fixtures" / "mini" / "pipeline.yaml"
write("FuzzPipeline", "mini.yaml", mini.read_bytes())
small = {
    "minimal.yaml": "pipeline: p\nsources:\n  population:\n    kind: population\n    path: population.csv\n",
    "alias.yaml": "pipeline: p\nsources: &s\n  x: *s\n",
    "list.yaml": "- a\n- b\n",
    "multi.yaml": "pipeline: a\n---\npipeline: b\n",
    "typo.yaml": "pipline: p\nsources:\n  s: {kind: survy, path: nope.csv, delimiter: ';;'}\n",
    "flow.yaml": "{pipeline: p, sources: {e: {kind: engagement, path: engagement.csv, date_format: 'dd.MM.yyyy'}}}\n",
}
for name, text in small.items():
    write("FuzzPipeline", name, text.encode())

print("corpus:", {t.name: len(list(t.iterdir())) for t in sorted((HERE / "corpus").iterdir()) if t.is_dir()})
