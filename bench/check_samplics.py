#!/usr/bin/env python3
"""Cross-checks the references' survey estimates (METHODS §2) against samplics' TaylorEstimator.

METHODS §2 (revision 2) makes each municipality a domain of its survey wave (every respondent row of
one year). For every wave of a generated survey.csv this recomputes the respondent indices in pandas
and runs samplics once with the wave's strata and PSUs (PSU codes nested in strata) and
`domain=` the municipality (respondents without a score in a domain of their own, so they stay in
the design and its PSU counts), then compares every domain's mean and SE with a reference output
(reference_duckdb.csv or reference_polars.csv) to 1e-9 relative. samplics' degrees of freedom are
the whole design's, not the domain's, so df and the intervals are left to check_survey_r.R. Means
are estimated for y + 1 (the same SE; samplics divides by the mean and fails on a mean of 0).

Needs a venv with samplics (it is archived, so kept out of bench/.venv):
  python3 -m venv /tmp/samplics-venv && /tmp/samplics-venv/bin/pip install samplics
  /tmp/samplics-venv/bin/python bench/check_samplics.py bench/data/scale-0.1 [--reference FILE] [--years 2015,2020]
"""
from __future__ import annotations

import argparse
import csv
import os
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
    ap.add_argument("--years", default=None, help="comma-separated waves to check (default: all)")
    a = ap.parse_args()
    ref_path = a.reference or os.path.join(a.data, "reference_duckdb.csv")
    ref = {}
    with open(ref_path, newline="") as f:
        for r in csv.DictReader(f):
            ref[(r["indicator"], r["municipality"], int(r["year"]))] = r
    s = pd.read_csv(os.path.join(a.data, "survey.csv"), dtype={"municipality": str, "stratum": str, "psu": str})
    years = sorted(s["year"].unique()) if not a.years else [int(y) for y in a.years.split(",")]
    checked = bad = 0
    worst = 0.0
    for year in years:
        wave = s[s["year"] == year]
        for scale, (items, rev) in SCALES.items():
            x = wave[items].astype(float).where(lambda v: v != 9)
            for q in rev:
                x[q] = 6 - x[q]
            answered = x.notna().sum(axis=1)
            score = x.sum(axis=1) / answered
            keep = (answered >= 2).to_numpy()
            domain = np.where(keep, wave["municipality"].to_numpy(), "\x00unscored")
            n = pd.Series(keep).groupby(domain).sum()
            idx = np.where(keep, 100 * (score - 1) / 4, 0.0) + 1.0
            agree = np.where(keep, (score > 3).astype(float), 0.0) + 1.0
            for var, name in ((idx, "index"), (agree, "agree_share")):
                est = TaylorEstimator(MEAN)
                # PSU ids are nested in their stratum (METHODS §2), so make them unique for samplics
                est.estimate(y=var, samp_weight=wave["weight"].to_numpy(), stratum=wave["stratum"].to_numpy(),
                             psu=(wave["stratum"] + "/" + wave["psu"]).to_numpy(), domain=domain)
                for m, point in est.point_est.items():
                    if m == "\x00unscored" or n[m] < 2:
                        continue  # n < 2: no SE (METHODS §2)
                    r = ref.get((f"survey.{scale}.{name}", m, int(year)))
                    checked += 1
                    if r is None:
                        print(f"missing in reference: {scale}.{name} {m} {year}")
                        bad += 1
                        continue
                    for what, got, want in (("value", float(point) - 1.0, float(r["value"])),
                                            ("se", float(est.stderror[m]), float(r["se"]))):
                        d = abs(got - want) / max(abs(got), abs(want), 1e-300)
                        if max(abs(got), abs(want)) > 1e-12:  # an SE of 0 agrees by the absolute rule
                            worst = max(worst, d)
                        if d > 1e-9 and abs(got - want) > 1e-12:
                            print(f"{scale}.{name} {m} {year} {what}: samplics {got!r} vs reference {want!r}")
                            bad += 1
    print(f"samplics vs {ref_path}: {checked} domain estimates in {len(years)} waves checked, {bad} differ, "
          f"largest relative difference {worst:.3g} (values above 1e-12)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
