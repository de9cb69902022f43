#!/usr/bin/env python3
"""Times Åpen and the two reference implementations on one generated dataset and prints a table.

Each step runs `--repeats` times under `/usr/bin/time -v`; the table shows the median wall
and CPU (user + system) seconds, the largest peak RSS, input rows per wall second, and the
ratios Åpen/DuckDB and Åpen/polars (wall time of Åpen's cold run over each reference's).
Then compare.py checks DuckDB vs polars (and Åpen's indicators.csv when Åpen ran).

Called by bench/run.sh; usage:
  measure.py --data bench/data/scale-1 --pipeline pipelines/national.yaml --apen .build/release/apen
             [--indicators reports/national/indicators.csv] [--repeats 3] [--skip-apen] [--skip-refs]
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PY = os.path.join(HERE, ".venv", "bin", "python")
FILES = ["survey.csv", "engagement.csv", "publications.csv", "access_requests.csv", "population.csv"]


def count_rows(data):
    total = 0
    for f in FILES:
        with open(os.path.join(data, f), "rb") as fh:
            n = 0
            while chunk := fh.read(1 << 24):
                n += chunk.count(b"\n")
        total += n - 1
    return total


def timed(cmd, before=None):
    """Runs cmd under /usr/bin/time -v; returns (wall s, cpu s, peak RSS MiB)."""
    if before:
        before()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        p = subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + cmd, cwd=ROOT, capture_output=True, text=True)
        report = t.read()
    if p.returncode != 0:
        sys.stderr.write(p.stdout[-3000:] + p.stderr[-3000:])
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}")

    def field(name):
        line = next(l for l in report.splitlines() if l.strip().startswith(name))
        return line.rsplit(": ", 1)[1].strip()

    wall_text = field("Elapsed (wall clock) time")
    parts = [float(x) for x in wall_text.split(":")]
    wall = sum(v * 60 ** i for i, v in enumerate(reversed(parts)))
    cpu = float(field("User time")) + float(field("System time"))
    rss = int(field("Maximum resident set size")) / 1024
    return wall, cpu, rss


def repeat(name, cmd, n, before=None):
    runs = [timed(cmd, before) for _ in range(n)]
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    rss = max(r[2] for r in runs)
    print(f"  {name}: walls {[round(r[0], 2) for r in runs]}", flush=True)
    return {"name": name, "wall": wall, "cpu": cpu, "rss": rss}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--pipeline")
    ap.add_argument("--apen")
    ap.add_argument("--indicators", help="Åpen's output file (default reports/<pipeline name>/indicators.csv)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--skip-apen", action="store_true")
    ap.add_argument("--skip-refs", action="store_true")
    a = ap.parse_args()
    data = os.path.abspath(a.data)
    rows = count_rows(data)
    print(f"data {data}: {rows} input rows; {a.repeats} runs per step", flush=True)
    results = []
    outs = {}
    if not a.skip_apen:
        cold = [a.apen, "run", a.pipeline, "--force"]
        results.append(repeat("apen run --force (cold)", cold, a.repeats))
        results.append(repeat("apen run (no-op rerun)", [a.apen, "run", a.pipeline], a.repeats))
        touch = lambda: os.utime(os.path.join(data, "access_requests.csv"))
        results.append(repeat("apen run (one source touched)", [a.apen, "run", a.pipeline], a.repeats, before=touch))
        if a.indicators:
            outs["apen"] = a.indicators
        else:
            name = re.search(r"^pipeline:\s*(\S+)", open(a.pipeline, encoding="utf-8").read(), re.M).group(1)
            outs["apen"] = os.path.join(ROOT, "reports", name, "indicators.csv")
    if not a.skip_refs:
        for ref in ("duckdb", "polars"):
            out = os.path.join(data, f"reference_{ref}.csv")
            cmd = [PY, os.path.join(HERE, f"reference_{ref}.py"), data, out]
            if a.pipeline:  # its min_n and lonely_psu (METHODS §1, §2)
                cmd += ["--pipeline", a.pipeline]
            results.append(repeat(ref, cmd, a.repeats))
            outs[ref] = out

    by = {r["name"]: r for r in results}
    print()
    print(f"| step | wall s (median) | CPU s (median) | peak RSS MiB | input rows/s | ÷ DuckDB | ÷ polars |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        ratios = []
        for ref in ("duckdb", "polars"):
            ratios.append(f"{r['wall'] / by[ref]['wall']:.2f}" if ref in by else "")
        print(f"| {r['name']} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss']:.0f} | {rows / r['wall']:,.0f} | "
              + " | ".join(ratios) + " |")
    print()
    files = [outs[k] for k in ("duckdb", "polars", "apen") if k in outs and os.path.exists(outs[k])]
    ok = True
    if len(files) >= 2:
        ok = subprocess.run([sys.executable, os.path.join(HERE, "compare.py")] + files).returncode == 0
    for k in ("apen",):
        if k in outs and not os.path.exists(outs[k]):
            print(f"note: {outs[k]} not found; Åpen's numbers were not compared")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
