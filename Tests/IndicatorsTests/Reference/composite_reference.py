#!/usr/bin/env python3
"""Independent reference for the composite index's random numbers and Monte-Carlo ranks.

Written from the published algorithms, not from the Swift code:
- SplitMix64: Vigna, https://prng.di.unimi.it/splitmix64.c
- xoshiro256** 1.0: Blackman & Vigna, https://prng.di.unimi.it/xoshiro256starstar.c
- uniform double: (x >> 11) * 2**-53 (Vigna's recommended conversion)
- percentiles: numpy.percentile(method="linear") = R type 7 (METHODS.md §1)
- composite: METHODS.md §6 (goalposts, weights rescaled over available components,
  Monte-Carlo weights uniform in [(1-d)w, (1+d)w], drawn sample-major then component order)
- xoshiro256** jump: the published JUMP polynomial of xoshiro256starstar.c
- normal deviates: scipy.stats.norm.ppf of the uniform (docs/composite.md: inversion), not the
  Swift code's Acklam + Halley method

Run:  python3 Tests/IndicatorsTests/Reference/composite_reference.py > Tests/IndicatorsTests/Fixtures/composite_reference.json
"""
import json
import math
import numpy as np
from scipy.stats import norm

M = (1 << 64) - 1


def splitmix64(seed):
    state = seed & M
    while True:
        state = (state + 0x9E3779B97F4A7C15) & M
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        yield z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


class Xoshiro256ss:
    def __init__(self, seed):
        sm = splitmix64(seed)
        self.s = [next(sm) for _ in range(4)]

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53

    def jump(self):
        """2^128 steps ahead (Blackman & Vigna's JUMP polynomial)."""
        s = [0, 0, 0, 0]
        for word in (0x180EC6D33CFD0ABA, 0xD5A61266F0C9392C, 0xA9582618E03FC9AA, 0x39ABDC4529B1661C):
            for b in range(64):
                if word & (1 << b):
                    s = [x ^ y for x, y in zip(s, self.s)]
                self.next()
        self.s = s

    def normal(self):
        u = self.uniform()
        return float(norm.ppf(u if u > 0 else 2.0**-54))


def type7(values, p):
    """METHODS §1: h = (n-1)p, q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).

    numpy's "linear" method is the same definition but may round differently in the last bit
    (it sometimes interpolates from the upper neighbour), so the two are checked against each
    other to 1e-9 and the METHODS form is written to the fixture for an exact comparison.
    """
    x = sorted(values)
    h = (len(x) - 1) * p
    lo = int(np.floor(h))
    frac = h - lo
    q = x[lo] if lo + 1 >= len(x) or frac == 0 else x[lo] + frac * (x[lo + 1] - x[lo])
    assert abs(q - float(np.percentile(x, 100 * p, method="linear"))) < 1e-9
    return float(q)


def competition_ranks(values):
    # 1 = highest; ties share the smallest rank (1, 2, 2, 4).
    return [1 + sum(1 for w in values if w > v) for v in values]


def goalpost(x, lo, hi, direction):
    x = min(max(x, lo), hi)
    return 100 * (hi - x) / (hi - lo) if direction < 0 else 100 * (x - lo) / (hi - lo)


GEOMETRIC = False  # set per case by run_case


def aggregate(z, weights):
    """METHODS §6: weighted arithmetic mean, or weighted geometric mean of s' = 1 + 0.99 s
    mapped back by (G - 1)/0.99, over the available components with weights > 0."""
    sw = 0.0
    swz = 0.0
    for w, v in zip(weights, z):
        if v is not None and w > 0:
            sw += w
            swz += w * (math.log(1 + 0.99 * v) if GEOMETRIC else v)
    if GEOMETRIC:
        return (math.exp(swz / sw) - 1) / 0.99
    return swz / sw


# The small case of CompositeIndexTests (one year, goalposts).
components = [  # indicator, weight, direction, goalposts
    ("a.share", 1.0, 1, (0.0, 1.0)),
    ("b.index", 2.0, 1, (0.0, 100.0)),
    ("c.days", 1.0, -1, (0.0, 10.0)),
]
municipalities = {  # values per component, None = missing
    "0301": [0.8, 60.0, 2.0],
    "5001": [0.5, 90.0, 12.0],
    "5006": [1.2, 40.0, None],
}
samples, delta, seed = 1000, 0.25, 7

# A second case whose rank percentiles fall between order statistics (fractional), so the
# type-7 interpolation and the exact draw order are both exercised.
components2 = [
    ("a.share", 1.0, 1, (0.0, 1.0)),
    ("b.index", 1.0, 1, (0.0, 100.0)),
    ("c.days", 1.0, -1, (0.0, 10.0)),
]
municipalities2 = {
    "1001": [0.62, 48.0, 4.0],
    "1002": [0.40, 70.0, 5.0],
    "1003": [0.75, 35.0, 3.5],
    "1004": [0.55, 58.0, 4.6],
    "1005": [0.50, 52.0, None],
}
samples2, delta2, seed2 = 37, 0.5, 2024

# A third case for the leave-one-out shift with min_available re-applied: without b.index
# (weight 2 of 4), 2004 keeps only a.share (1 of 2 remaining < 2/3) and drops out; 2005 has
# no nominal index (1 of 4) and stays out of every ranking.
components3 = [
    ("a.share", 1.0, 1, (0.0, 1.0)),
    ("b.index", 2.0, 1, (0.0, 100.0)),
    ("c.days", 1.0, -1, (0.0, 10.0)),
]
municipalities3 = {
    "2001": [0.30, 80.0, 6.0],
    "2002": [0.90, 50.0, 1.0],
    "2003": [0.60, 65.0, 3.0],
    "2004": [0.70, 90.0, None],
    "2005": [None, None, 2.0],
    "2006": [0.20, 70.0, 9.0],
}
samples3, delta3, seed3 = 200, 0.25, 99


def run_case(components, municipalities, samples, delta, seed, min_available=None, geometric=False):
    global GEOMETRIC
    GEOMETRIC = geometric
    all_names = sorted(municipalities)
    weights = [c[1] for c in components]
    zall = [[None if x is None else goalpost(x, c[3][0], c[3][1], c[2]) for x, c in zip(municipalities[m], components)]
            for m in all_names]
    names = [m for m, zm in zip(all_names, zall) if enough_weight(zm, weights, min_available)]
    z = [[None if x is None else goalpost(x, c[3][0], c[3][1], c[2]) for x, c in zip(municipalities[m], components)]
         for m in names]
    nominal = [aggregate(zm, weights) for zm in z]
    g = Xoshiro256ss(seed)
    ranks = np.zeros((samples, len(names)))
    for s in range(samples):
        w = []
        for c in components:
            lo, hi = (1 - delta) * c[1], (1 + delta) * c[1]
            w.append(lo + (hi - lo) * g.uniform())
        ranks[s] = competition_ranks([aggregate(zm, w) for zm in z])
    return {
        "samples": samples, "delta": delta, "seed": seed, "min_available": min_available,
        "aggregation": "geometric" if geometric else "arithmetic",
        "municipalities": names,
        "values": [municipalities[m] for m in names],
        "nominal_index": [repr(v) for v in nominal],
        "nominal_rank": competition_ranks(nominal),
        "rank_p025": [repr(type7(ranks[:, j], 0.025)) for j in range(len(names))],
        "rank_p975": [repr(type7(ranks[:, j], 0.975)) for j in range(len(names))],
        "rank_median": [repr(type7(ranks[:, j], 0.5)) for j in range(len(names))],
        "coherence": coherence(z, nominal),
        "shift": [{"per_municipality": {names[int(j)]: r for j, r in sh["per_municipality"].items()},
                   "mean": sh["mean"]} for sh in shifts(z, weights, min_available)],
    }


def uncertainty_case(components, municipalities, samples, delta, seed, lists):
    """Monte-Carlo over weights and, per sample, one method drawn from each declared list
    (normalisation, aggregation, impute; entry floor(u * count)), in that order after the
    weights. Nominal: goalposts, arithmetic, impute none. Single year. Which municipalities are
    ranked is decided once (observed weight >= 2/3)."""
    global GEOMETRIC
    names_all = sorted(municipalities)
    weights = [c[1] for c in components]

    def scores(norm, imp):
        out = {m: [None] * len(components) for m in names_all}
        for c, (_, _, direction, (glo, ghi)) in enumerate(components):
            xs = [municipalities[m][c] for m in names_all if municipalities[m][c] is not None]
            lo, hi = min(xs), max(xs)
            def score(x):
                if norm == "goalposts":
                    x = min(max(x, glo), ghi)
                    return 100 * (ghi - x) / (ghi - glo) if direction < 0 else 100 * (x - glo) / (ghi - glo)
                if hi == lo:
                    return 50.0
                return 100 * (hi - x) / (hi - lo) if direction < 0 else 100 * (x - lo) / (hi - lo)
            for m in names_all:
                x = municipalities[m][c]
                if x is None and imp == "mean":
                    s = score(sum(xs) / len(xs))
                    out[m][c] = min(max(s, 0.0), 100.0) if norm == "minmax" else s
                elif x is not None:
                    out[m][c] = score(x)
        return out

    observed = scores("goalposts", "none")
    names = [m for m in names_all if enough_weight(observed[m], weights)]
    nominal = [aggregate(observed[m], weights) for m in names]
    norms = lists.get("normalisation", ["goalposts"])
    aggs = lists.get("aggregation", ["arithmetic"])
    imps = lists.get("impute", ["none"])
    variants = {(n, i): scores(n, i) for n in norms for i in imps}
    g = Xoshiro256ss(seed)
    ranks = np.zeros((samples, len(names)))
    for s in range(samples):
        w = []
        for c in components:
            lo, hi = (1 - delta) * c[1], (1 + delta) * c[1]
            w.append(lo + (hi - lo) * g.uniform())
        pick = {}
        for key, default in (("normalisation", "goalposts"), ("aggregation", "arithmetic"), ("impute", "none")):
            if key in lists:
                pick[key] = lists[key][min(len(lists[key]) - 1, int(g.uniform() * len(lists[key])))]
            else:
                pick[key] = default
        GEOMETRIC = pick["aggregation"] == "geometric"
        z = variants[(pick["normalisation"], pick["impute"])]
        ranks[s] = competition_ranks([aggregate(z[m], w) for m in names])
    GEOMETRIC = False
    return {
        "samples": samples, "delta": delta, "seed": seed, "lists": lists,
        "municipalities": names,
        "nominal_rank": competition_ranks(nominal),
        "rank_p025": [repr(type7(ranks[:, j], 0.025)) for j in range(len(names))],
        "rank_p975": [repr(type7(ranks[:, j], 0.975)) for j in range(len(names))],
        "rank_median": [repr(type7(ranks[:, j], 0.5)) for j in range(len(names))],
    }


def sobol_case(components, municipalities, n_rows, delta, seed, lists):
    """METHODS §6 sensitivity: A and B (n_rows x columns uniforms from xoshiro seeded with
    seed, row by row, A before B); columns = the component weights (one factor "weights"),
    then one column per declared list (normalisation, aggregation, impute). Model: the ranks
    of the ranked municipalities. First order Saltelli 2010, total order Jansen 1999, written
    here from the papers' formulas; averaged over municipalities weighted by rank variance."""
    global GEOMETRIC
    names_all = sorted(municipalities)
    weights = [c[1] for c in components]
    k = len(weights)

    def scores(norm, imp):
        out = {m: [None] * k for m in names_all}
        for c, (_, _, direction, (glo, ghi)) in enumerate(components):
            xs = [municipalities[m][c] for m in names_all if municipalities[m][c] is not None]
            lo, hi = min(xs), max(xs)
            def score(x):
                if norm == "goalposts":
                    x = min(max(x, glo), ghi)
                    return 100 * (ghi - x) / (ghi - glo) if direction < 0 else 100 * (x - glo) / (ghi - glo)
                if hi == lo:
                    return 50.0
                return 100 * (hi - x) / (hi - lo) if direction < 0 else 100 * (x - lo) / (hi - lo)
            for m in names_all:
                x = municipalities[m][c]
                if x is None and imp == "mean":
                    s = score(sum(xs) / len(xs))
                    out[m][c] = min(max(s, 0.0), 100.0) if norm == "minmax" else s
                elif x is not None:
                    out[m][c] = score(x)
        return out

    observed = scores("goalposts", "none")
    names = [m for m in names_all if enough_weight(observed[m], weights)]
    keys = [key for key in ("normalisation", "aggregation", "impute") if key in lists]
    factors = [("weights", list(range(k)))] + [(key, [k + i]) for i, key in enumerate(keys)]
    cols = k + len(keys)
    g = Xoshiro256ss(seed)
    A = np.array([[g.uniform() for _ in range(cols)] for _ in range(n_rows)])
    B = np.array([[g.uniform() for _ in range(cols)] for _ in range(n_rows)])
    defaults = {"normalisation": "goalposts", "aggregation": "arithmetic", "impute": "none"}

    def model(row):
        global GEOMETRIC
        w = [(1 - delta) * x + ((1 + delta) * x - (1 - delta) * x) * row[i] for i, x in enumerate(weights)]
        pick = dict(defaults)
        for i, key in enumerate(keys):
            options = lists[key]
            pick[key] = options[min(len(options) - 1, int(row[k + i] * len(options)))]
        GEOMETRIC = pick["aggregation"] == "geometric"
        z = scores(pick["normalisation"], pick["impute"])
        r = competition_ranks([aggregate(z[m], w) for m in names])
        GEOMETRIC = False
        return r

    fA = np.array([model(r) for r in A], dtype=float)
    fB = np.array([model(r) for r in B], dtype=float)
    fAB = []
    for _, columns in factors:
        M = A.copy()
        M[:, columns] = B[:, columns]
        fAB.append(np.array([model(r) for r in M], dtype=float))
    first = np.zeros(len(factors))
    total = np.zeros(len(factors))
    wsum = 0.0
    varying = 0
    for j in range(len(names)):
        y = np.concatenate([fA[:, j], fB[:, j]])
        V = y.var()  # divisor 2N
        if V == 0:
            continue
        varying += 1
        wsum += V
        for f in range(len(factors)):
            first[f] += V * np.mean(fB[:, j] * (fAB[f][:, j] - fA[:, j])) / V
            total[f] += V * 0.5 * np.mean((fA[:, j] - fAB[f][:, j]) ** 2) / V
    return {"rows": n_rows, "delta": delta, "seed": seed, "lists": lists, "varying": varying,
            "factors": [f for f, _ in factors],
            "first": [repr(float(x / wsum)) for x in first], "total": [repr(float(x / wsum)) for x in total]}


def coherence(z, index):
    """METHODS §6 coherence: Pearson r of each component's normalised scores with the index
    (pairs where the component is observed, at least 3), and Cronbach's alpha over complete
    cases: k/(k-1) (1 - sum var_i / var_total), variances with n - 1."""
    out = {"corr": [], "corr_n": []}
    for c in range(len(z[0])):
        pairs = [(zm[c], v) for zm, v in zip(z, index) if zm[c] is not None]
        if len(pairs) >= 3:
            x, y = np.array(pairs).T
            out["corr"].append(repr(float(np.corrcoef(x, y)[0, 1])))
        else:
            out["corr"].append(None)
        out["corr_n"].append(len(pairs))
    complete = np.array([zm for zm in z if all(v is not None for v in zm)], dtype=float)
    k = complete.shape[1]
    alpha = k / (k - 1) * (1 - complete.var(axis=0, ddof=1).sum() / complete.sum(axis=1).var(ddof=1))
    out["alpha"] = repr(float(alpha))
    out["alpha_n"] = len(complete)
    return out


def enough_weight(zm, weights, min_available=None):
    """min_available (default 2/3) of the total weight (a left-out component has weight 0).
    Exact rational comparison, so no rounding decides a case on the boundary."""
    from fractions import Fraction
    f = Fraction(2, 3) if min_available is None else Fraction(min_available)
    total = sum(Fraction(w) for w in weights)
    available = sum(Fraction(w) for w, v in zip(weights, zm) if v is not None)
    return available > 0 and available >= f * total


def shifts(z, weights, min_available=None):
    """METHODS §6 leave-one-out: per municipality |rank without c - nominal rank| among the
    municipalities with a nominal rank that still have 2/3 of the remaining weight, and the mean."""
    ranked = [j for j, zm in enumerate(z) if enough_weight(zm, weights, min_available)]
    nominal = competition_ranks([aggregate(z[j], weights) for j in ranked])
    out = []
    for c in range(len(weights)):
        rest = [0.0 if i == c else w for i, w in enumerate(weights)]
        kept = [t for t, j in enumerate(ranked) if enough_weight(z[j], rest, min_available)]
        without = competition_ranks([aggregate(z[ranked[t]], rest) for t in kept])
        per = {str(ranked[t]): abs(r - nominal[t]) for t, r in zip(kept, without)}
        out.append({"per_municipality": per, "mean": repr(sum(per.values()) / len(per)) if per else None})
    return out


# scope: all — minmax and zscore statistics over every municipality-year (METHODS §6).
scope_components = [("a.share", 1.0, 1), ("b.index", 2.0, 1), ("c.days", 1.0, -1)]
scope_values = {  # (municipality, year) -> values
    ("0301", 2020): [0.8, 60.0, 2.0],
    ("5001", 2020): [0.5, 90.0, 12.0],
    ("5006", 2020): [0.9, 40.0, None],
    ("0301", 2021): [0.3, 50.0, 5.0],
    ("5001", 2021): [0.7, 70.0, 1.0],
    ("5006", 2021): [0.6, None, 3.0],
}


def scope_case(normalisation, scope):
    keys = sorted(scope_values, key=lambda k: (k[1], k[0]))  # years ascending, then municipality
    weights = [c[1] for c in scope_components]
    out = {}
    for year in sorted({y for _, y in keys}):
        names = [m for m, y in keys if y == year]
        z = {m: [None] * len(scope_components) for m in names}
        for c, (_, _, direction) in enumerate(scope_components):
            pool = [scope_values[k][c] for k in keys if (scope == "all" or k[1] == year) and scope_values[k][c] is not None]
            for m in names:
                x = scope_values[(m, year)][c]
                if x is None:
                    continue
                if normalisation == "minmax":
                    lo, hi = min(pool), max(pool)
                    s = 50.0 if hi == lo else (100 * (hi - x) / (hi - lo) if direction < 0 else 100 * (x - lo) / (hi - lo))
                else:
                    mean = float(np.mean(pool))
                    sd = float(np.std(pool, ddof=1))
                    s = direction * (x - mean) / sd
                z[m][c] = s
        for m in names:
            if enough_weight(z[m], weights):
                out[f"{m}/{year}"] = repr(aggregate(z[m], weights))
    return out


# impute: mean | previous (METHODS §6 "Missing components"). Eligibility (2/3) on observed
# weight; statistics (minmax) from observed values; an imputed raw value is normalised like an
# observed one, an imputed minmax score clamped to [0, 100]; "previous" looks back at most 3 years.
impute_components = [("a.share", 1.0, 1, (0.0, 1.0)), ("b.index", 2.0, 1, (0.0, 100.0)),
                     ("c.days", 1.0, -1, (0.0, 10.0))]
impute_values = {
    ("A", 2017): [0.5, 50.0, 1.0],
    ("B", 2017): [0.6, 70.0, 4.0],
    ("A", 2018): [0.7, 60.0, None],   # c: previous 2017 (1.0); mean of B, C
    ("B", 2018): [0.4, 80.0, 6.0],
    ("C", 2018): [0.9, 30.0, 2.0],
    ("A", 2021): [0.6, 55.0, None],   # c: previous 2018 is missing, 2017 is 4 years back → none
    ("B", 2021): [0.8, 65.0, 9.0],
    ("C", 2021): [0.3, 40.0, None],   # c: previous 2018 (2.0), outside 2021's minmax range [9, 9]? one value → 50
    ("D", 2021): [None, 90.0, None],  # b only: 2 of 4 < 2/3 observed → no index even when imputed
}


def impute_case(normalisation, impute):
    weights = [c[1] for c in impute_components]
    out = {}
    for year in sorted({y for _, y in impute_values}):
        names = sorted(m for m, y in impute_values if y == year)
        obs = {m: impute_values[(m, year)] for m in names}
        z_obs = {m: [None] * 3 for m in names}
        z_fill = {m: [None] * 3 for m in names}
        flag = {m: False for m in names}
        for c, (_, _, direction, (glo, ghi)) in enumerate(impute_components):
            xs = [obs[m][c] for m in names if obs[m][c] is not None]
            if not xs:
                continue
            def score(x):
                if normalisation == "goalposts":
                    x = min(max(x, glo), ghi)
                    return 100 * (ghi - x) / (ghi - glo) if direction < 0 else 100 * (x - glo) / (ghi - glo)
                lo, hi = min(xs), max(xs)
                if hi == lo:
                    return 50.0
                return 100 * (hi - x) / (hi - lo) if direction < 0 else 100 * (x - lo) / (hi - lo)
            for m in names:
                x = obs[m][c]
                if x is not None:
                    z_obs[m][c] = z_fill[m][c] = score(x)
                    continue
                v = None
                if impute == "mean":
                    v = sum(xs) / len(xs)
                elif impute == "previous":
                    for back in (1, 2, 3):
                        prev = impute_values.get((m, year - back))
                        if prev is not None and prev[c] is not None:
                            v = prev[c]
                            break
                if v is not None:
                    s = score(v)
                    z_fill[m][c] = min(max(s, 0.0), 100.0) if normalisation == "minmax" else s
                    flag[m] = True
        for m in names:
            if enough_weight(z_obs[m], weights):
                out[f"{m}/{year}"] = [repr(aggregate(z_fill[m], weights)), flag[m]]
    return out


# Pillars (METHODS §6): components aggregate into pillar scores, pillars into the index, each
# level with its own weights and its own 2/3 test. Monte-Carlo weights: per sample the component
# weights (declaration order), then the pillar weights; which pillars a municipality has is
# decided once with the declared weights.
pillar_components = [  # indicator, weight, direction, goalposts
    ("a.share", 1.0, 1, (0.0, 1.0)),
    ("b.index", 2.0, 1, (0.0, 100.0)),
    ("c.days", 1.0, -1, (0.0, 10.0)),
    ("d.share", 1.0, 1, (0.0, 1.0)),
]
pillars = [("access", 2.0, [0, 2]), ("voice", 1.0, [1, 3])]
pillar_values = {
    "3001": [0.8, 60.0, 2.0, 0.3],
    "3002": [0.5, 90.0, 8.0, 0.9],
    "3003": [0.9, 40.0, None, 0.6],   # access: a only (1 of 2 < 2/3) -> no pillar; voice 1 of 3 pillar weight -> no index
    "3004": [0.6, 70.0, 4.0, None],   # voice: b only (2 of 3 >= 2/3) -> pillar = b
    "3005": [0.4, 55.0, 3.0, 0.5],
    "3006": [0.7, 45.0, 5.0, 0.8],
}


def pillar_score(z, weights, pw, min_available=None):
    scores = []
    for _, _, members in pillars:
        w = [weights[c] if c in members else 0.0 for c in range(len(weights))]
        scores.append(aggregate(z, w) if enough_weight(z, w, min_available) else None)
    index = aggregate(scores, pw) if enough_weight(scores, pw, min_available) else None
    return index, scores


def pillar_case(samples, delta, seed, geometric=False):
    global GEOMETRIC
    GEOMETRIC = geometric
    weights = [c[1] for c in pillar_components]
    pw = [p[1] for p in pillars]
    all_names = sorted(pillar_values)
    zall = {m: [None if x is None else goalpost(x, c[3][0], c[3][1], c[2])
                for x, c in zip(pillar_values[m], pillar_components)] for m in all_names}
    names = [m for m in all_names if pillar_score(zall[m], weights, pw)[0] is not None]
    nominal = [pillar_score(zall[m], weights, pw) for m in names]
    index = [v[0] for v in nominal]
    nominal_rank = competition_ranks(index)
    masks = [[s is not None for s in v[1]] for v in nominal]
    g = Xoshiro256ss(seed)
    ranks = np.zeros((samples, len(names)))
    for s in range(samples):
        drawn = []
        for w in weights + pw:
            lo, hi = (1 - delta) * w, (1 + delta) * w
            drawn.append(lo + (hi - lo) * g.uniform())
        w, pws = drawn[:len(weights)], drawn[len(weights):]
        values = []
        for m, mask in zip(names, masks):
            scores = []
            for (_, _, members), ok in zip(pillars, mask):
                wm = [w[c] if c in members else 0.0 for c in range(len(w))]
                scores.append(aggregate(zall[m], wm) if ok else None)
            values.append(aggregate(scores, pws))
        ranks[s] = competition_ranks(values)
    shift = []
    for c in range(len(weights)):
        rest = [0.0 if i == c else x for i, x in enumerate(weights)]
        kept = [(t, v) for t, m in enumerate(names) if (v := pillar_score(zall[m], rest, pw)[0]) is not None]
        without = competition_ranks([v for _, v in kept])
        per = {names[t]: abs(r - nominal_rank[t]) for (t, _), r in zip(kept, without)}
        shift.append({"per_municipality": per, "mean": repr(sum(per.values()) / len(per)) if per else None})
    GEOMETRIC = False
    return {
        "samples": samples, "delta": delta, "seed": seed,
        "aggregation": "geometric" if geometric else "arithmetic",
        "municipalities": names,
        "nominal_index": [repr(v) for v in index],
        "pillars": {p[0]: [None if v[1][i] is None else repr(v[1][i]) for v in nominal] for i, p in enumerate(pillars)},
        "nominal_rank": nominal_rank,
        "rank_p025": [repr(type7(ranks[:, j], 0.025)) for j in range(len(names))],
        "rank_p975": [repr(type7(ranks[:, j], 0.975)) for j in range(len(names))],
        "rank_median": [repr(type7(ranks[:, j], 0.5)) for j in range(len(names))],
        "shift": shift,
    }


# Winsorisation (METHODS §6, COINr qTreat defaults): g1 = m3/m2^1.5, g2 = m4/m2^2 - 3 (divisor n);
# while |g1| > 2 and g2 > 3.5 and the change keeps at most 5 values changed, set the values tied
# at the extreme on the skewed side to the nearest other value.
def winsorise(xs, skew=2.0, kurt=3.5, max_points=5):
    x = np.array(xs, dtype=float)
    changed = []
    while True:
        d = x - x.mean()
        m2 = float(np.mean(d ** 2))
        if len(x) < 2 or m2 == 0:
            break
        g1 = float(np.mean(d ** 3)) / m2 ** 1.5
        g2 = float(np.mean(d ** 4)) / m2 ** 2 - 3
        if not (abs(g1) > skew and g2 > kurt):
            break
        extreme = x.max() if g1 > 0 else x.min()
        tied = [i for i in range(len(x)) if x[i] == extreme]
        others = [v for v in x if v != extreme]
        if not others or len(set(changed) | set(tied)) > max_points:
            break
        nearest = max(others) if g1 > 0 else min(others)
        for i in tied:
            x[i] = nearest
            if i not in changed:
                changed.append(i)
    return [repr(float(v)) for v in x], changed


winsorise_cases = [
    [1, 2, 2, 3, 3, 3, 4, 4, 5, 50],
    [1, 2, 3, 4, 100],
    [-80, -50, -7, -6, -5, -4, -3, -3, -3, -2, -2, -1],
    [0.1, 0.2, 0.2, 0.3, 0.3, 0.3, 0.4, 0.4, 0.5, 0.6, 9, 9, 20, 30, 40, 50, 60],
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 40],
    [-100, -3, -2, -2, -1, -1, -1, 0, 0, 0, 0, 1, 1, 1, 2],  # negative skew
    list(range(1, 21)) + [300, 300],  # a tie at the extreme: both changed in one step
    [1] * 40 + [2, 3, 4, 5, 6, 7, 8, 1000, 900, 800, 700, 600, 500],  # stops at 5 points
]


def sampling_error_case(components, municipalities, errors, samples, delta, seed, sobol_rows=0):
    """METHODS §6 uncertainty with sampling_error: per sample, the weights from the seed's stream
    (as without sampling error), and for every component (declaration order) one deviate per
    municipality of the run (byte order) from the seed's stream jumped once; a value with an
    SE > 0 becomes clamp(x + SE * e, goalposts). Goalposts, arithmetic, single year. With
    sobol_rows: A and B (weight columns from the seed's stream; sampling-error blocks from the
    jumped stream, A's rows then B's), factors weights and sampling_error."""
    names = sorted(municipalities)
    weights = [c[1] for c in components]
    k = len(components)
    M = len(names)
    z0 = {m: [None if x is None else goalpost(x, c[3][0], c[3][1], c[2])
              for x, c in zip(municipalities[m], components)] for m in names}
    ranked = [m for m in names if enough_weight(z0[m], weights)]

    def scores(eps):  # eps[c][mi]
        out = []
        for m in ranked:
            mi = names.index(m)
            row = []
            for c, (_, _, direction, (glo, ghi)) in enumerate(components):
                x = municipalities[m][c]
                if x is None:
                    row.append(None)
                    continue
                se = errors[m][c]
                if se:
                    x = min(max(x + se * eps[c][mi], glo), ghi)
                row.append(goalpost(x, glo, ghi, direction))
            out.append(row)
        return out

    def model(w, eps):
        return competition_ranks([aggregate(z, w) for z in scores(eps)])

    g = Xoshiro256ss(seed)
    noise = Xoshiro256ss(seed)
    noise.jump()
    ranks = np.zeros((samples, len(ranked)))
    for s in range(samples):
        w = []
        for x in weights:
            lo, hi = (1 - delta) * x, (1 + delta) * x
            w.append(lo + (hi - lo) * g.uniform())
        eps = [[noise.normal() for _ in range(M)] for _ in range(k)]
        ranks[s] = model(w, eps)
    out = {
        "samples": samples, "delta": delta, "seed": seed, "municipalities": ranked,
        "rank_p025": [repr(type7(ranks[:, j], 0.025)) for j in range(len(ranked))],
        "rank_p975": [repr(type7(ranks[:, j], 0.975)) for j in range(len(ranked))],
        "rank_median": [repr(type7(ranks[:, j], 0.5)) for j in range(len(ranked))],
    }
    if sobol_rows:
        n = sobol_rows
        g = Xoshiro256ss(seed)
        A = np.array([[g.uniform() for _ in range(k)] for _ in range(n)])
        B = np.array([[g.uniform() for _ in range(k)] for _ in range(n)])
        noise = Xoshiro256ss(seed)
        noise.jump()
        EA = [[[noise.normal() for _ in range(M)] for _ in range(k)] for _ in range(n)]
        EB = [[[noise.normal() for _ in range(M)] for _ in range(k)] for _ in range(n)]

        def weights_of(row):
            return [(1 - delta) * x + ((1 + delta) * x - (1 - delta) * x) * row[i] for i, x in enumerate(weights)]

        fA = np.array([model(weights_of(A[r]), EA[r]) for r in range(n)], dtype=float)
        fB = np.array([model(weights_of(B[r]), EB[r]) for r in range(n)], dtype=float)
        fAB = [np.array([model(weights_of(B[r]), EA[r]) for r in range(n)], dtype=float),   # weights from B
               np.array([model(weights_of(A[r]), EB[r]) for r in range(n)], dtype=float)]   # deviates from B
        first, total, wsum, varying = np.zeros(2), np.zeros(2), 0.0, 0
        for j in range(len(ranked)):
            V = np.concatenate([fA[:, j], fB[:, j]]).var()
            if V == 0:
                continue
            varying += 1
            wsum += V
            for f in range(2):
                first[f] += np.mean(fB[:, j] * (fAB[f][:, j] - fA[:, j]))
                total[f] += 0.5 * np.mean((fA[:, j] - fAB[f][:, j]) ** 2)
        out["sobol"] = {"rows": n, "factors": ["weights", "sampling_error"], "varying": varying,
                        "first": [repr(float(x / wsum)) for x in first],
                        "total": [repr(float(x / wsum)) for x in total]}
    return out


def component_correlations(z):
    """METHODS §6 coherence, as COINr's get_corr: Pearson r of every component with every
    other over the municipalities that have both (at least 3 pairs)."""
    k = len(z[0])
    out = {}
    for a in range(k):
        for b in range(k):
            if a == b:
                continue
            pairs = [(zm[a], zm[b]) for zm in z if zm[a] is not None and zm[b] is not None]
            if len(pairs) >= 3:
                x, y = np.array(pairs).T
                out[f"{a},{b}"] = [repr(float(np.corrcoef(x, y)[0, 1])), len(pairs)]
    return out


# Sampling error (METHODS §6 "Uncertainty", sampling_error: true): five municipalities, SEs on
# some cells; 1005 lacks c.days (no value, so no draw), 1003's b.index has no SE.
se_municipalities = municipalities2
se_errors = {
    "1001": [0.05, 6.0, 0.8],
    "1002": [0.08, 4.0, 0.5],
    "1003": [0.04, None, 0.6],
    "1004": [0.10, 5.0, 1.2],
    "1005": [0.06, 3.0, None],
}


def main():
    out = {}
    sm = splitmix64(1)
    out["splitmix64_seed1_first5"] = [str(next(sm)) for _ in range(5)]
    for s in (1, 42):
        g = Xoshiro256ss(s)
        out[f"xoshiro_seed{s}_first5"] = [str(g.next()) for _ in range(5)]
    g = Xoshiro256ss(1)
    out["uniform_seed1_first5"] = [repr(g.uniform()) for _ in range(5)]

    out["mc_case"] = run_case(components, municipalities, samples, delta, seed)
    out["mc_case2"] = run_case(components2, municipalities2, samples2, delta2, seed2)
    out["mc_case3"] = run_case(components3, municipalities3, samples3, delta3, seed3)
    # The same data with min_available 0.5: 2004 now keeps a rank without b.index (1 of 2),
    # 2005 (c.days only, 1 of 4) still has none.
    out["mc_case4"] = run_case(components3, municipalities3, samples3, delta3, seed3, min_available=0.5)
    # Geometric aggregation (s' = 1 + 0.99 s) on the second case's data and draws.
    out["mc_case5"] = run_case(components2, municipalities2, samples2, delta2, seed2, geometric=True)
    global GEOMETRIC
    GEOMETRIC = False
    out["winsorise"] = [{"input": c, "values": v, "changed": ch}
                         for c in winsorise_cases for v, ch in [winsorise(c)]]
    out["uncertainty_case"] = uncertainty_case(
        components2, municipalities2, 400, 0.25, 77,
        {"normalisation": ["goalposts", "minmax"], "aggregation": ["arithmetic", "geometric"],
         "impute": ["none", "mean"]})
    out["uncertainty_case_aggregation"] = uncertainty_case(
        components, municipalities, 200, 0.25, 5, {"aggregation": ["arithmetic", "geometric"]})
    out["sobol_case"] = sobol_case(
        components2, municipalities2, 256, 0.25, 31,
        {"normalisation": ["goalposts", "minmax"], "aggregation": ["arithmetic", "geometric"]})
    out["pillar_case"] = pillar_case(300, 0.4, 11)
    out["pillar_case_geometric"] = pillar_case(300, 0.4, 11, geometric=True)
    out["impute_case"] = {f"{n}/{i}": impute_case(n, i) for n in ("goalposts", "minmax")
                          for i in ("none", "mean", "previous")}
    out["scope_case"] = {f"{n}/{s}": scope_case(n, s) for n in ("minmax", "zscore") for s in ("year", "all")}
    g = Xoshiro256ss(1)
    g.jump()
    out["xoshiro_seed1_jumped_first3"] = [str(g.next()) for _ in range(3)]
    ps = [2.0**-54, 1e-300, 1e-10, 0.001, 0.02425, 0.025, 0.2, 0.5, 0.7029218331588505, 0.975, 0.999, 1 - 2.0**-53]
    out["normal_quantile"] = {"p": [repr(p) for p in ps], "x": [repr(float(norm.ppf(p))) for p in ps]}
    g = Xoshiro256ss(1)
    out["normal_seed1_first5"] = [repr(g.normal()) for _ in range(5)]
    out["sampling_error_case"] = sampling_error_case(
        components2, se_municipalities, se_errors, 300, 0.25, 13, sobol_rows=128)
    z2 = [[None if x is None else goalpost(x, c[3][0], c[3][1], c[2]) for x, c in zip(municipalities2[m], components2)]
          for m in sorted(municipalities2)]
    out["component_correlations_case2"] = component_correlations(z2)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
