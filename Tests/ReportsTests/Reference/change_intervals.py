#!/usr/bin/env python3
"""Independent reference values for METHODS.md §9 (the intervals of a change), for
Tests/ReportsTests/ChangeIntervalTests.swift.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install statsmodels scipy
    /tmp/venv/bin/python Tests/ReportsTests/Reference/change_intervals.py > Tests/ReportsTests/Reference/change_intervals.txt

Shares of counted units: statsmodels' confint_proportions_2indep(method="newcomb"), Newcombe's
hybrid score interval (1998, method 10) from two Wilson intervals. Estimates with an SE:
d ± t_{0.975, min(df, df_prev)} · sqrt(SE² + SE_prev²) with scipy's t quantile (the normal
quantile when neither row has a df). Values printed with repr (shortest round-trip text).
"""
import math

import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

print(f"# statsmodels {statsmodels.__version__}, scipy {scipy.__version__}")
print("# newcombe: x n x_prev n_prev | d low high clear | wilson(x,n) wilson(x_prev,n_prev)")
NEWCOMBE = [
    (3, 12, 1, 12),  # Steinkjer, publication.exempt_share 2023 -> 2024 in the example
    (5, 5, 3, 5),  # Steinkjer, foi.within_5_workdays_share: n = min_n, p = 1 in the latest year
    (0, 20, 6, 20),  # p = 0 in the latest year
    (20, 20, 12, 20),  # p = 1 in the latest year
    (7, 10, 7, 10),  # equal values
    (0, 5, 0, 5),  # equal values, both 0, n = min_n
    (45, 57, 30, 56),  # a clear rise
    (8, 55, 11, 55),  # a small fall, not clear
]
for x, n, x0, n0 in NEWCOMBE:
    low, high = confint_proportions_2indep(x, n, x0, n0, method="newcomb", compare="diff", alpha=0.05)
    d = x / n - x0 / n0
    w = proportion_confint(x, n, alpha=0.05, method="wilson")
    w0 = proportion_confint(x0, n0, alpha=0.05, method="wilson")
    clear = low > 0 or high < 0
    print("newcombe", x, n, x0, n0, "|", repr(d), repr(float(low)), repr(float(high)), clear, "|",
          repr(float(w[0])), repr(float(w[1])), repr(float(w0[0])), repr(float(w0[1])))

print("# t: v se df v_prev se_prev df_prev | d low high clear quantile")
T = [
    (55.6, 4.0, 20, 41.2, 3.5, 12),  # survey index, df = min(20, 12) = 12
    (62.0, 3.0, 1, 50.0, 2.0, 30),  # df = 1
    (0.55, 0.04, None, 0.41, 0.05, None),  # no df in either row: the normal quantile
    (0.55, 0.04, None, 0.41, 0.05, 40),  # one df: that df
    (48.0, 2.5, 9, 48.0, 2.5, 9),  # equal values
    (70.0, 1.0, 5, 66.0, 1.2, 7),  # df = 5
]
for v, se, df, v0, se0, df0 in T:
    dfs = [x for x in (df, df0) if x is not None]
    q = stats.t.ppf(0.975, min(dfs)) if dfs else stats.norm.ppf(0.975)
    d = v - v0
    half = q * math.sqrt(se * se + se0 * se0)
    low, high = d - half, d + half
    print("t", v, se, df, v0, se0, df0, "|", repr(d), repr(float(low)), repr(float(high)), bool(low > 0 or high < 0), repr(float(q)))
