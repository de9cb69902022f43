#!/usr/bin/env python3
"""Writes a synthetic engagement CSV for measuring ingest speed (not a test fixture).

python3 make_benchmark.py /tmp/engagement_1m.csv [rows]
Then: APEN_INGEST_BENCH_CSV=/tmp/engagement_1m.csv swift test -c release --filter IngestBenchmark
Columns: event_id (all distinct), municipality (356 codes), ISO date, channel (one quoted
with a comma), action, participant_id (50,000), initiative_id (400). Seeded: same bytes each run.
"""
import datetime
import random
import sys

path = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
random.seed(7)
munis = ["%04d" % random.randint(301, 5600) for _ in range(356)]
channels = ["web", "meeting", "app", "email", "\"town hall, central\""]
actions = ["comment", "vote", "attend", "submit"]
start = datetime.date(2019, 1, 1)
with open(path, "w") as f:
    f.write("event_id,municipality,date,channel,action,participant_id,initiative_id\n")
    for i in range(rows):
        d = start + datetime.timedelta(days=random.randint(0, 1094))
        f.write("e%d,%s,%s,%s,%s,p%d,i%d\n" % (
            i, random.choice(munis), d.isoformat(), random.choice(channels),
            random.choice(actions), random.randint(1, 50_000), random.randint(1, 400)))
