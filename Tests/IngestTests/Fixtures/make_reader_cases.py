#!/usr/bin/env python3
"""Random RFC 4180 files and what Python's csv module reads from them (the reference).

For each case NN: reader_cases/NN.csv (bytes) and reader_cases/NN.expected, one line per
non-empty record: "<start line> <field count> <fields as hex bytes, '.'-joined, '|'-separated>".
The start line counts physical lines as an editor does (LF, CRLF, lone CR); Python's
csv.reader line_num after the previous record + 1 is where a record starts.
Run from this folder: python3 make_reader_cases.py
"""
import csv
import io
import random

random.seed(4180)


def field():
    if random.random() < 0.5:
        return random.choice(["a", "bb", "", "5001", "x y", " s ", "æøå"])
    parts = ["a", ",", "\n", "\r\n", "\r", '""', " ", "ø"]
    return '"' + "".join(random.choice(parts) for _ in range(random.randint(0, 6))) + '"'


def expected(data):
    out = []
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    prev = 0
    for row in reader:
        start, prev = prev + 1, reader.line_num
        if not row:
            continue
        hexes = [".".join("%x" % b for b in x.encode("utf-8")) for x in row]
        out.append("%d %d %s" % (start, len(row), "|".join(hexes)))
    return "\n".join(out) + "\n"


for n in range(40):
    lines = []
    for _ in range(random.randint(1, 8)):
        if random.random() < 0.15:
            lines.append("")
        else:
            lines.append(",".join(field() for _ in range(random.randint(1, 4))))
    ends = [random.choice(["\n", "\r\n", "\r"]) for _ in lines]
    text = "".join(l + e for l, e in zip(lines, ends))
    if random.random() < 0.3:
        text = text[: -len(ends[-1])]  # no line end after the last record
    data = text.encode("utf-8")
    with open("reader_cases/%02d.csv" % n, "wb") as f:
        f.write(data)
    with open("reader_cases/%02d.expected" % n, "w") as f:
        f.write(expected(data))
