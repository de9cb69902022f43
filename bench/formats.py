#!/usr/bin/env python3
"""JSON Lines against CSV: the same engagement records read by `apen ingest` in each format.

For each row count it takes the first N data rows of `apen generate --scale 2 --seed 42`'s
engagement.csv (2 M rows; generated into bench/data/scale-2 when absent),
writes them as JSON Lines (one compact object per line, every cell a string, as the CSV has
it) and, with --epoch, both files again with `date` as epoch milliseconds at 11:30 UTC, read
with `--date-format epoch_ms --timezone Europe/Oslo`. Then it times, alternating the formats,

  apen ingest --kind engagement FILE [--format jsonl] [--date-format epoch_ms --timezone Europe/Oslo]

--repeats times each under /usr/bin/time -v (a fresh store each time; streaming, no
--keep-rows) and prints, per file, the median CPU seconds (user + system), rows per CPU
second (= rows per second per core: the read is single-threaded), MB per CPU second, the
largest peak RSS and the JSON Lines / CSV ratio of rows per CPU second.

  bench/formats.py [--apen .build/release/apen] [--rows 1000000 2000000] [--repeats 3] [--epoch]
"""
from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, "data")


def source_csv(apen):
    """engagement.csv of scale 2 (2 000 015 data rows)."""
    scale = 2
    folder = os.path.join(DATA, f"scale-{scale}")
    path = os.path.join(folder, "engagement.csv")
    if not os.path.exists(path):
        print(f"generating scale {scale}…", flush=True)
        subprocess.run([apen, "generate", "--scale", str(scale), "--seed", "42", "--out", folder], check=True)
    return path


def epoch_ms(day):
    d = datetime.date.fromisoformat(day)
    return str(int(datetime.datetime(d.year, d.month, d.day, 11, 30, tzinfo=datetime.timezone.utc).timestamp()) * 1000)


def write_files(apen, rows, epoch):
    """The CSV and JSON Lines files of `rows` records (and their epoch variants)."""
    folder = os.path.join(DATA, "formats")
    os.makedirs(folder, exist_ok=True)
    names = {
        "csv": os.path.join(folder, f"engagement-{rows}.csv"),
        "jsonl": os.path.join(folder, f"engagement-{rows}.jsonl"),
    }
    if epoch:
        names["csv-epoch"] = os.path.join(folder, f"engagement-{rows}-epoch.csv")
        names["jsonl-epoch"] = os.path.join(folder, f"engagement-{rows}-epoch.jsonl")
    if all(os.path.exists(p) for p in names.values()):
        return names
    print(f"writing {rows} records as CSV and JSON Lines…", flush=True)
    with open(source_csv(apen), newline="", encoding="utf-8") as src:
        reader = csv.reader(src)
        header = next(reader)
        date = header.index("date")
        outs = {k: open(p, "w", newline="", encoding="utf-8") for k, p in names.items()}
        writers = {k: csv.writer(f, lineterminator="\n") for k, f in outs.items() if k.startswith("csv")}
        for w in writers.values():
            w.writerow(header)
        for n, row in enumerate(reader):
            if n == rows:
                break
            writers["csv"].writerow(row)
            outs["jsonl"].write(json.dumps(dict(zip(header, row)), ensure_ascii=False, separators=(",", ":")) + "\n")
            if epoch:
                e = list(row)
                e[date] = epoch_ms(row[date])
                writers["csv-epoch"].writerow(e)
                outs["jsonl-epoch"].write(
                    json.dumps(dict(zip(header, e)), ensure_ascii=False, separators=(",", ":")) + "\n")
        else:
            if n + 1 < rows:
                raise SystemExit(f"the generated file has only {n + 1} rows")
        for f in outs.values():
            f.close()
    return names


def timed(cmd):
    """Runs cmd under /usr/bin/time -v in a fresh folder; returns (cpu s, wall s, peak RSS MiB, stdout)."""
    work = tempfile.mkdtemp(prefix="apen-formats-")
    try:
        with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
            p = subprocess.run(
                ["/usr/bin/time", "-v", "-o", t.name] + cmd + ["--store", os.path.join(work, "s.sqlite"),
                                                                "--rejected", os.path.join(work, "r.csv")],
                capture_output=True, text=True)
            report = t.read()
    finally:
        shutil.rmtree(work)
    if p.returncode != 0:
        sys.stderr.write(p.stdout[-3000:] + p.stderr[-3000:])
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}")

    def field(name):
        line = next(l for l in report.splitlines() if l.strip().startswith(name))
        return line.rsplit(": ", 1)[1].strip()

    parts = [float(x) for x in field("Elapsed (wall clock) time").split(":")]
    wall = sum(v * 60 ** i for i, v in enumerate(reversed(parts)))
    cpu = float(field("User time")) + float(field("System time"))
    return cpu, wall, int(field("Maximum resident set size")) / 1024, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--apen", default=os.path.join(ROOT, ".build", "release", "apen"))
    ap.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 2_000_000])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--epoch", action="store_true", help="also time epoch-ms dates with --timezone Europe/Oslo")
    a = ap.parse_args()
    with open("/proc/loadavg") as f:
        print(f"load average at start: {f.read().split()[:3]}", flush=True)
    results = []
    for rows in a.rows:
        files = write_files(a.apen, rows, a.epoch)
        commands = {}
        for k, path in files.items():
            cmd = [a.apen, "ingest", "--kind", "engagement", path]
            if k.startswith("jsonl"):
                cmd += ["--format", "jsonl"]
            if k.endswith("epoch"):
                cmd += ["--date-format", "epoch_ms", "--timezone", "Europe/Oslo"]
            commands[k] = cmd
        runs = {k: [] for k in commands}
        for _ in range(a.repeats):
            for k, cmd in commands.items():  # alternated, so a change of load hits every format
                cpu, wall, rss, out = timed(cmd)
                if f"rows read: {rows}" not in out or "rejected:  0" not in out:
                    raise SystemExit(f"unexpected counts for {k}:\n{out}")
                runs[k].append((cpu, wall, rss))
        for k, rs in runs.items():
            cpu = statistics.median(r[0] for r in rs)
            mb = os.path.getsize(files[k]) / 1e6
            results.append({
                "rows": rows, "file": k, "mb": mb, "cpus": [round(r[0], 2) for r in rs], "cpu": cpu,
                "wall": statistics.median(r[1] for r in rs), "rss": max(r[2] for r in rs),
                "rows_per_cpu_s": rows / cpu, "mb_per_cpu_s": mb / cpu,
            })
            print(f"  {rows} {k}: CPU s {results[-1]['cpus']}", flush=True)
    with open("/proc/loadavg") as f:
        print(f"load average at end: {f.read().split()[:3]}")
    print()
    print("| rows | file | MB | CPU s (runs) | median CPU s | rows/s per core | MB/s per core | peak RSS | vs CSV |")
    print("|---:|---|---:|---|---:|---:|---:|---:|---:|")
    for r in results:
        base = next(x for x in results if x["rows"] == r["rows"] and x["file"] == r["file"].replace("jsonl", "csv"))
        ratio = r["rows_per_cpu_s"] / base["rows_per_cpu_s"]
        print(f"| {r['rows']:,} | {r['file']} | {r['mb']:.1f} | {', '.join(map(str, r['cpus']))} | {r['cpu']:.2f} | "
              f"{r['rows_per_cpu_s'] / 1e3:,.0f} k | {r['mb_per_cpu_s']:.0f} | {r['rss']:.0f} MiB | {ratio:.2f} |")


if __name__ == "__main__":
    main()
