#!/usr/bin/env python3
"""Independent reference for the Sobol estimators of METHODS.md §6 ("Sensitivity").

The A and B sample matrices are drawn exactly as `Sobol.sampleMatrices` documents (xoshiro256**
seeded by SplitMix64, Vigna's published algorithms, re-implemented in composite_reference.py;
N rows of k uniforms for A, then for B), scaled to [-pi, pi], and the Ishigami function
(a = 7, b = 0.1) is evaluated with numpy. The indices come from SALib's own estimators
(`SALib.analyze.sobol.first_order` = Saltelli 2010, `total_order` = Jansen 1999) on those
outputs, and the analytic values are printed beside them.

Run:  bench/.venv/bin/python Tests/IndicatorsTests/Reference/sobol_reference.py \
          > Tests/IndicatorsTests/Fixtures/sobol_ishigami_salib.json
"""
import json
import math
import os
import sys

import numpy as np
from importlib.metadata import version
from SALib.analyze.sobol import first_order, total_order

sys.path.insert(0, os.path.dirname(__file__))
from composite_reference import Xoshiro256ss  # noqa: E402

A_ISHIGAMI, B_ISHIGAMI = 7.0, 0.1


def ishigami(x):
    return np.sin(x[:, 0]) + A_ISHIGAMI * np.sin(x[:, 1]) ** 2 + B_ISHIGAMI * x[:, 2] ** 4 * np.sin(x[:, 0])


def analytic():
    a, b, pi = A_ISHIGAMI, B_ISHIGAMI, math.pi
    v1 = 0.5 * (1 + b * pi**4 / 5) ** 2
    v2 = a**2 / 8
    v13 = b**2 * pi**8 / 18 - b**2 * pi**8 / 50
    v = v1 + v2 + v13
    return {"first": [v1 / v, v2 / v, 0.0], "total": [(v1 + v13) / v, v2 / v, v13 / v]}


def main(n=1 << 14, k=3, seed=2024):
    rng = Xoshiro256ss(seed)
    a = np.array([[rng.uniform() for _ in range(k)] for _ in range(n)])
    b = np.array([[rng.uniform() for _ in range(k)] for _ in range(n)])
    scale = lambda u: -math.pi + 2 * math.pi * u  # noqa: E731
    fa, fb = ishigami(scale(a)), ishigami(scale(b))
    first, total = [], []
    for i in range(k):
        ab = a.copy()
        ab[:, i] = b[:, i]
        fab = ishigami(scale(ab))
        first.append(float(first_order(fa, fab, fb)))
        total.append(float(total_order(fa, fab, fb)))
    json.dump({"n": n, "k": k, "seed": seed, "salib": version("SALib"), "numpy": np.__version__,
               "first": first, "total": total, "analytic": analytic()}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
