#!/usr/bin/env python3
"""Cross-checks the references' survey estimates (METHODS §2) against samplics' TaylorEstimator.

samplics is the tool METHODS §2 names for its convention (design formed from respondents with a
score). For every (municipality, year, scale) group of a generated survey.csv it recomputes the
respondent indices in pandas, runs samplics with strata and PSUs, and compares mean and SE with
a reference output (reference_duckdb.csv or reference_polars.csv) to 1e-9 relative.

Needs a venv with samplics (it is archived, so kept out of bench/.venv):
  python3 -m venv /tmp/samplics-venv && /tmp/samplics-venv/bin/pip install samplics
  /tmp/samplics-venv/bin/python bench/check_samplics.py bench/data/scale-0.1 [--groups 300]
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
from samplics.estimation import TaylorEstimator  # noqa: E402

try:
    from samplics.utils.types import PopParam
    MEAN = PopParam.mean
except ImportError:  # older samplics
    MEAN = "mean"

SCALES = {"transparency": (["q01", "q02", "q03", "q04"], {"q04"}), "trust": (["q05", "q06", "q07", "q08"], set()),
          "participation": (["q09", "q10", "q11", "q12"], set())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--reference", default=None)
    ap.add_argument("--groups", type=int, default=300)
    a = ap.parse_args()
    ref_path = a.reference or os.path.join(a.data, "reference_duckdb.csv")
    ref = {}
    with open(ref_path, newline="") as f:
        for r in csv.DictReader(f):
            ref[(r["indicator"], r["municipality"], int(r["year"]))] = r
    s = pd.read_csv(os.path.join(a.data, "survey.csv"), dtype={"municipality": str, "stratum": str, "psu": str})
    groups = list(s.groupby(["municipality", "year"]))
    random.Random(1).shuffle(groups)
    checked = bad = skipped = 0
    worst = 0.0
    for (m, y), g in groups[: a.groups]:
        for scale, (items, rev) in SCALES.items():
            x = g[items].astype(float).where(lambda v: v != 9)
            for q in rev:
                x[q] = 6 - x[q]
            answered = x.notna().sum(axis=1)
            score = x.sum(axis=1) / answered
            keep = answered >= 2
            sub = g[keep]
            if len(sub) < 2:
                continue
            idx = (100 * (score[keep] - 1) / 4).to_numpy()
            agree = (score[keep] > 3).astype(float).to_numpy()
            for var, name in ((idx, "index"), (agree, "agree_share")):
                est = TaylorEstimator(MEAN)
                try:  # PSU ids are nested in their stratum (METHODS §2), so make them unique for samplics
                    est.estimate(y=var, samp_weight=sub["weight"].to_numpy(), stratum=sub["stratum"].to_numpy(),
                                 psu=(sub["stratum"] + "/" + sub["psu"]).to_numpy())
                except ZeroDivisionError:  # samplics' coefficient of variation fails on a mean of 0
                    skipped += 1
                    continue
                mean = float(np.asarray(list(est.point_est.values())[0] if isinstance(est.point_est, dict) else est.point_est))
                se = float(np.asarray(list(est.stderror.values())[0] if isinstance(est.stderror, dict) else est.stderror))
                r = ref.get((f"survey.{scale}.{name}", m, int(y)))
                checked += 1
                if r is None:
                    print(f"missing in reference: {scale}.{name} {m} {y}")
                    bad += 1
                    continue
                for got, want in ((mean, float(r["value"])), (se, float(r["se"]))):
                    d = abs(got - want) / max(abs(got), abs(want), 1e-300)
                    worst = max(worst, d)
                    if d > 1e-9 and abs(got - want) > 1e-12:
                        print(f"{scale}.{name} {m} {y}: samplics {got!r} vs reference {want!r}")
                        bad += 1
    print(f"samplics vs {ref_path}: {checked} estimates checked ({skipped} with mean 0 skipped), {bad} differ, largest relative difference {worst:.3g}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
