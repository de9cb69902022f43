#!/usr/bin/env python3
"""Independent reference for the Check module's comparison (docs/check.md).

Writes baseline.csv and current.csv (METHODS.md §1 files, rows shuffled), rules.csv (the
tolerance rules, in file order) and expected.csv (the status, result and matching rule of
every row), computed here with Python's own float arithmetic and fnmatch, not with Åpen.

    python3 make_reference.py     # rewrites the four files next to this script (seeded)
"""
import csv
import os
import random
from fnmatch import fnmatchcase

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261130)

# (pattern, abs, rel) in file order; "default" is the fallback.
RULES = [
    ("default", 1e-9, None),
    ("survey.*", None, 0.005),
    ("survey.transparency.*", None, 0.01),
    ("survey.trust.index", 0.5, None),
    ("*.index", 2.0, None),
    ("foi.*", 0.05, None),
    ("*_share", 0.01, 0.02),
    ("a?.x", 0.3, None),
    ("eng.*", None, None),   # neither bound: exact
]
POLICY = {"missing": "fail", "added": "warn", "n_changed": "warn"}

INDICATORS = [
    "survey.transparency.index", "survey.transparency.alpha", "survey.trust.index", "survey.trust.agree_share",
    "survey.responses", "engagement.index", "foi.granted_share", "foi.median_workdays", "publications.open_share",
    "publications.median_lag", "ab.x", "eng.count",
]
MUNICIPALITIES = ["0301", "5001", "5006", "4601", "NO"]
YEARS = [2019, 2020, 2021]


def rule_for(indicator):
    """Exact id > more literal characters > later in the file; default when nothing matches."""
    best = None
    for order, (pattern, a, r) in enumerate(RULES):
        if pattern == "default" or not fnmatchcase(indicator, pattern):
            continue
        literal = not any(c in "*?" for c in pattern)
        rank = (1 if literal else 0, sum(1 for c in pattern if c not in "*?"), order)
        if best is None or rank > best[0]:
            best = (rank, pattern, a, r)
    if best is None:
        return ("default", 1e-9, None)
    return best[1:]


def admits(a, r, old, new):
    d = abs(new - old)
    if a is None and r is None:
        return new == old
    return (a is not None and d <= a) or (r is not None and d <= r * abs(old))


def main():
    baseline, current, expected = [], [], []
    for ind in INDICATORS:
        for m in MUNICIPALITIES:
            for y in YEARS:
                old = rng.choice([0.0, rng.uniform(-5, 5), rng.uniform(0, 1), rng.uniform(10, 100)])
                n = rng.randint(1, 500)
                pattern, a, r = rule_for(ind)
                fate = rng.random()
                if fate < 0.06:
                    baseline.append((ind, m, y, old, n))
                    expected.append((ind, m, y, "missing", POLICY["missing"], pattern))
                    continue
                if fate < 0.12:
                    current.append((ind, m, y, old, n))
                    expected.append((ind, m, y, "added", POLICY["added"], pattern))
                    continue
                # Move the value by a multiple of the bound around 1 (and sometimes not at all).
                bound = max([x for x in (a, (r or 0) * abs(old)) if x is not None] + [0.0])
                k = rng.choice([0.0, 0.0, 0.5, 0.999, 1.0, 1.001, 2.0, 10.0])
                new = old + rng.choice([-1, 1]) * k * (bound if bound > 0 else 1e-6)
                new_n = n if rng.random() < 0.8 else n + rng.choice([-1, 1])
                baseline.append((ind, m, y, old, n))
                current.append((ind, m, y, new, new_n))
                if not admits(a, r, old, new):
                    status, result = "drift", "fail"
                elif new_n != n:
                    status, result = "n_changed", POLICY["n_changed"]
                else:
                    status, result = "ok", "ok"
                expected.append((ind, m, y, status, result, pattern))
    rng.shuffle(baseline)
    rng.shuffle(current)
    header = ["indicator", "municipality", "year", "value", "n", "se", "ci_low", "ci_high"]
    for name, rows in (("baseline.csv", baseline), ("current.csv", current)):
        with open(os.path.join(HERE, name), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            for ind, m, y, v, n in rows:
                w.writerow([ind, m, y, repr(v), n, "", "", ""])
    with open(os.path.join(HERE, "rules.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["pattern", "abs", "rel"])
        for p, a, r in RULES:
            w.writerow([p, "" if a is None else repr(a), "" if r is None else repr(r)])
    with open(os.path.join(HERE, "expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator", "municipality", "year", "status", "result", "rule"])
        for row in sorted(expected, key=lambda e: (e[0].encode(), e[1].encode(), e[2])):
            w.writerow(row)


if __name__ == "__main__":
    main()
