#!/usr/bin/env python3
"""Reference values for Tests/ApenCoreTests/DistributionsTests.swift, computed with mpmath at 50 digits.

This is the judge for the Swift StudentT / Beta code (and for R's qbeta where R warns that it may have lost
accuracy). It is written from the mathematics, not from the Swift code:

- I_x(a, b) by DLMF 8.17.8, I_x(a, b) = x^a (1-x)^b / (a B(a, b)) * sum_n (a+b)_n / (a+1)_n x^n, a series of
  positive terms (no cancellation), summed on the side of the mean where the tail is the smaller one
  (x <= a/(a+b): lower tail directly; otherwise the upper tail as I_{1-x}(b, a), DLMF 8.17.4). Where the
  series converges within 400 000 terms it is cross-checked against mpmath.betainc (hypergeometric 2F1 with
  mpmath's own precision tracking); the two must agree to 1e-30 or the script stops. Where the series is too
  slow (argument near 1) betainc alone is used, and where betainc fails (large a, b near the mean) the series
  alone.
- Quantiles by a bracketed Illinois (regula falsi) iteration on log(tail / target), in log x when the root is
  below 1/2 and in log(1 - x) otherwise, with the target compared against the smaller of p and 1 - p.
- Student's t: P(|T| > t) = I_{nu/(nu+t^2)}(nu/2, 1/2) (A&S 26.7.1), the series taken in whichever of
  nu/(nu+t^2) and t^2/(nu+t^2) keeps the tail free of cancellation; root in log t.
- Inputs are the exact binary64 values (mpf(float)); the outputs are rounded to 25 significant digits.

Run from this folder (about 10 minutes; --check about 20):
    python3 distributions_mpmath.py            # writes distributions_mpmath_{qt,pbeta,qbeta}.csv
    python3 distributions_mpmath.py --check    # recomputes every value at 70 digits and reports the largest
                                               # relative change: 5e-25, the rounding to 25 digits
    python3 distributions_mpmath.py --swift    # prints the Swift tables for DistributionsTests.swift from
                                               # these CSVs and R's (distributions.R), checking that both
                                               # scripts used the same grids; paste them over the tables
                                               # at the end of the test file and run `swift format -i` on it

The grids must match distributions.R.
"""
import csv
import math
import sys

import mpmath as mp

DIGITS = 50

# ---------------------------------------------------------------------------------------------------------
# Grids (same as distributions.R)

QT_CASES = [(0.975, float(df)) for df in list(range(1, 31)) + [40, 60, 100, 1000, 1e5, 1e6]] + [
    (p, float(df)) for df in (1, 2, 3, 5, 10, 30, 100, 1e4, 1e6) for p in (0.5, 0.9, 0.995, 1e-10)
]
SHAPES = [1e-3, 0.01, 0.5, 1, 2.5, 10, 1000, 1e5]
QBETA_PS = [0.025, 0.5, 0.975]


def pbeta_points(a, b):
    """Same doubles as distributions.R: fixed points and mean - 2 sd, mean, mean + 2 sd inside (0, 1)."""
    m = a / (a + b)
    s = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    xs = []
    for v in (1e-10, 0.3, 0.9, m - 2 * s, m, m + 2 * s):
        v = float("%.17g" % v)
        if 0 < v < 1 and v not in xs:
            xs.append(v)
    return xs


# ---------------------------------------------------------------------------------------------------------
# Incomplete beta


def series_8178(a, b, x, maxterms=400000):
    """DLMF 8.17.8 (all terms positive); None if it needs more than maxterms terms."""
    t = mp.mpf(1)
    s = mp.mpf(1)
    n = 0
    eps = mp.mpf(2) ** (-mp.mp.prec - 10)
    while n < maxterms:
        t *= (a + b + n) * x / (a + 1 + n)
        s += t
        n += 1
        r = (a + b + n) * x / (a + 1 + n)
        if r < 1 and t * r / (1 - r) < eps * s:
            log_front = (a * mp.log(x) + b * mp.log1p(-x) - mp.log(a)
                         - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)))
            return mp.exp(log_front) * s
    return None


def direct_tail(a, b, x):
    """I_x(a, b) for x <= a/(a + b), by two methods where both work."""
    s = series_8178(a, b, x) if x <= mp.mpf(0.999) else None
    h = None
    try:
        h = mp.betainc(a, b, 0, x, regularized=True)
    except Exception:  # mpmath gives up on large a, b near the mean; the series covers those
        pass
    if s is not None and h is not None:
        if abs(s - h) > mp.mpf(10) ** (-30) * abs(s):
            raise RuntimeError(f"series and betainc disagree: a={a} b={b} x={x}: {s} vs {h}")
        return s
    if s is None and h is None:
        raise RuntimeError(f"no method for a={a} b={b} x={x}")
    return s if s is not None else h


def complement_tail(a, b, x):
    """I_x(a, b) as the larger tail (its complement must keep at least 25 digits)."""
    v = series_8178(a, b, x)
    if v is None or 1 - v < mp.mpf(10) ** (25 - mp.mp.dps):
        raise RuntimeError(f"no method for a={a} b={b} x={x}")
    return v


def tails(a, b, x, y=None):
    """(I_x(a, b), 1 - I_x(a, b)) for mpf a, b > 0 and 0 < x < 1; y = 1 - x may be passed exactly."""
    if y is None:
        y = 1 - x
    if x <= a / (a + b):
        try:
            lower = direct_tail(a, b, x)
        except RuntimeError:
            lower = 1 - complement_tail(b, a, y)
        return lower, 1 - lower
    try:
        upper = direct_tail(b, a, y)
    except RuntimeError:
        upper = 1 - complement_tail(a, b, x)
    return 1 - upper, upper


def log_density(a, b, x, y):
    return (a - 1) * mp.log(x) + (b - 1) * mp.log(y) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b))


# ---------------------------------------------------------------------------------------------------------
# Root finding


def root_increasing(f, lo, hi):
    """Root of the increasing f on [lo, hi], f(lo) < 0 <= f(hi): Illinois method, bisection every 8th step."""
    tol = mp.mpf(10) ** (-(mp.mp.dps - 8))
    flo, fhi = f(lo), f(hi)
    if fhi == 0:
        return hi
    assert flo < 0 < fhi
    side = 0
    for step in range(5000):
        if hi - lo <= tol * max(1, abs(lo), abs(hi)):
            break
        x = (lo * fhi - hi * flo) / (fhi - flo)
        if not (lo < x < hi) or step % 8 == 7:
            x = (lo + hi) / 2
        fx = f(x)
        if fx == 0:
            return x
        if fx < 0:
            lo, flo = x, fx
            if side == -1:
                fhi /= 2
            side = -1
        else:
            hi, fhi = x, fx
            if side == 1:
                flo /= 2
            side = 1
    return (lo + hi) / 2


def qbeta(p, a, b):
    """(x, 1 - x) with I_x(a, b) = p; each of the two is accurate where it is the smaller."""
    p, a, b = mp.mpf(p), mp.mpf(a), mp.mpf(b)
    q = 1 - p
    half = mp.mpf(1) / 2
    lower_half, _ = tails(a, b, half)
    if p <= lower_half:
        def f(u):  # root at u = log x <= log 1/2
            lower, upper = tails(a, b, mp.exp(u))
            return mp.log(lower / p) if p <= q else mp.log(q / upper)
        lo = mp.mpf(-1)
        while f(lo) >= 0:
            lo *= 2
            if lo < -10**7:
                return mp.mpf(0), mp.mpf(1)  # x below 10^-4000000: zero for any purpose here
        x = mp.exp(root_increasing(f, lo, mp.log(half)))
        return x, 1 - x

    def g(v):  # root at v = log(1 - x) <= log 1/2
        y = mp.exp(v)
        lower, upper = tails(a, b, 1 - y, y)
        return mp.log(upper / q) if q <= p else mp.log(p / lower)
    lo = mp.mpf(-1)
    while g(lo) >= 0:
        lo *= 2
        if lo < -10**7:
            return mp.mpf(1), mp.mpf(0)
    y = mp.exp(root_increasing(g, lo, mp.log(half)))
    return 1 - y, y


def t_two_sided(t, nu):
    """P(|T| > t) = I_x(nu/2, 1/2), x = nu/(nu + t^2)."""
    a, b = nu / 2, mp.mpf(1) / 2
    x = nu / (nu + t * t)
    y = t * t / (nu + t * t)
    if y <= mp.mpf(1) / 2:
        v = 1 - series_8178(b, a, y)
        if v > mp.mpf(10) ** (-15):
            return v  # at most 15 of the 50 digits cancelled
    return series_8178(a, b, x, maxterms=10**7)


def qt(p, nu):
    p, nu = mp.mpf(p), mp.mpf(nu)
    if p == mp.mpf(1) / 2:
        return mp.mpf(0)
    tail = p if p < mp.mpf(1) / 2 else 1 - p
    alpha = 2 * tail

    def f(s):  # increasing in s = log t
        return mp.log(alpha / t_two_sided(mp.exp(s), nu))
    lo, hi = mp.mpf(-1), mp.mpf(1)
    while f(lo) >= 0:
        lo *= 2
    while f(hi) <= 0:
        hi *= 2
    t = mp.exp(root_increasing(f, lo, hi))
    return -t if p < mp.mpf(1) / 2 else t


# ---------------------------------------------------------------------------------------------------------
# Tables


def s25(v):
    return mp.nstr(v, 25, min_fixed=1, max_fixed=0) if v != 0 else "0"


def compute():
    qt_rows = [(p, df, qt(p, df)) for p, df in QT_CASES]
    pbeta_rows = []
    for a in SHAPES:
        for b in SHAPES:
            A, B = mp.mpf(a), mp.mpf(b)
            for x in pbeta_points(a, b):
                X = mp.mpf(x)
                lower, upper = tails(A, B, X)
                small = min(lower, upper)
                # condition number of the smaller tail in x: x (1 - x) f(x) / tail, f the density
                cond = mp.exp(log_density(A, B, X, 1 - X)) * X * (1 - X) / small if small > 0 else mp.mpf(0)
                pbeta_rows.append((a, b, x, lower, upper, cond))
    qbeta_rows = []
    for a in SHAPES:
        for b in SHAPES:
            for p in QBETA_PS:
                x, y = qbeta(p, a, b)
                # condition number of the smaller of x, 1 - x in the smaller of p, 1 - p
                small_p = min(mp.mpf(p), 1 - mp.mpf(p))
                if x == 0 or y == 0:
                    cond = mp.mpf(0)
                else:
                    cond = small_p / (mp.exp(log_density(mp.mpf(a), mp.mpf(b), x, y)) * min(x, y))
                qbeta_rows.append((a, b, p, x, y, cond))
            print(f"qbeta a={a} b={b} done", file=sys.stderr, flush=True)
    return qt_rows, pbeta_rows, qbeta_rows


def write(qt_rows, pbeta_rows, qbeta_rows):
    with open("distributions_mpmath_qt.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["p", "df", "qt"])
        for p, df, t in qt_rows:
            w.writerow([repr(p), repr(df), s25(t)])
    with open("distributions_mpmath_pbeta.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["a", "b", "x", "lower", "upper", "condition"])
        for a, b, x, lower, upper, cond in pbeta_rows:
            w.writerow([repr(a), repr(b), repr(x), s25(lower), s25(upper), mp.nstr(cond, 6)])
    with open("distributions_mpmath_qbeta.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["a", "b", "p", "x", "one_minus_x", "condition"])
        for a, b, p, x, y, cond in qbeta_rows:
            w.writerow([repr(a), repr(b), repr(p), s25(x), s25(y), mp.nstr(cond, 6)])


def check():
    """Recompute at 70 digits and compare with the CSVs."""
    mp.mp.dps = 70
    worst = mp.mpf(0)

    def rel(old, new):
        old, new = mp.mpf(old), mp.mpf(new)
        return abs(old - new) / abs(new) if new != 0 else abs(old)
    for row in csv.DictReader(open("distributions_mpmath_qt.csv")):
        worst = max(worst, rel(row["qt"], qt(float(row["p"]), float(row["df"]))))
    for row in csv.DictReader(open("distributions_mpmath_pbeta.csv")):
        lower, upper = tails(*(mp.mpf(float(row[k])) for k in ("a", "b", "x")))
        worst = max(worst, rel(row["lower"], lower), rel(row["upper"], upper))
    for row in csv.DictReader(open("distributions_mpmath_qbeta.csv")):
        x, y = qbeta(float(row["p"]), float(row["a"]), float(row["b"]))
        worst = max(worst, rel(row["x"], x), rel(row["one_minus_x"], y))
    print("largest relative change at 70 digits:", mp.nstr(worst, 3))


# ---------------------------------------------------------------------------------------------------------
# Swift tables


def swift_double(text):
    """A Swift literal for the binary64 nearest to the decimal text."""
    v = float(text)
    if v == math.inf:
        return ".infinity"
    if v == -math.inf:
        return "-.infinity"
    return repr(v)


def swift_tables():
    r_qt = {(float(r["p"]), float(r["df"])): r for r in csv.DictReader(open("distributions_r_qt.csv"))}
    r_pbeta = {(float(r["a"]), float(r["b"]), float(r["x"])): r
               for r in csv.DictReader(open("distributions_r_pbeta.csv"))}
    r_qbeta = {(float(r["a"]), float(r["b"]), float(r["p"])): r
               for r in csv.DictReader(open("distributions_r_qbeta.csv"))}
    out = []
    out.append("// Generated by Reference/distributions_mpmath.py --swift from the CSVs beside it.")
    out.append("// (p, df, mpmath, R)")
    out.append("private let studentTQuantiles: [(p: Double, df: Double, mpmath: Double, r: Double)] = [")
    rows = list(csv.DictReader(open("distributions_mpmath_qt.csv")))
    assert len(rows) == len(r_qt)
    for row in rows:
        key = (float(row["p"]), float(row["df"]))
        r = r_qt[key]
        assert r["warning"] == "", r
        out.append(f"    ({swift_double(row['p'])}, {swift_double(row['df'])}, {swift_double(row['qt'])}, "
                   f"{swift_double(r['qt'])}),")
    out.append("]")
    out.append("")
    out.append("// (a, b, x, mpmath I_x, mpmath 1 − I_x, condition number of the smaller tail in x, R pbeta)")
    out.append("private let betaCDFs:")
    out.append("    [(a: Double, b: Double, x: Double, lower: Double, upper: Double, condition: Double, r: Double)] = [")
    rows = list(csv.DictReader(open("distributions_mpmath_pbeta.csv")))
    assert len(rows) == len(r_pbeta)
    for row in rows:
        key = (float(row["a"]), float(row["b"]), float(row["x"]))
        r = r_pbeta[key]  # KeyError here: the two scripts' grids differ
        assert r["warning"] == "", r
        out.append(f"    ({swift_double(row['a'])}, {swift_double(row['b'])}, {swift_double(row['x'])}, "
                   f"{swift_double(row['lower'])}, {swift_double(row['upper'])}, "
                   f"{swift_double(row['condition'])}, {swift_double(r['pbeta'])}),")
    out.append("]")
    out.append("")
    out.append("// (a, b, p, mpmath x, mpmath 1 − x, condition number, R qbeta, whether R warned)")
    out.append("private let betaQuantiles:")
    out.append("    [(a: Double, b: Double, p: Double, x: Double, oneMinusX: Double, condition: Double, r: Double, rWarned: Bool)]")
    out.append("    = [")
    rows = list(csv.DictReader(open("distributions_mpmath_qbeta.csv")))
    assert len(rows) == len(r_qbeta)
    for row in rows:
        key = (float(row["a"]), float(row["b"]), float(row["p"]))
        r = r_qbeta[key]
        warned = "true" if r["warning"] else "false"
        out.append(f"    ({swift_double(row['a'])}, {swift_double(row['b'])}, {swift_double(row['p'])}, "
                   f"{swift_double(row['x'])}, {swift_double(row['one_minus_x'])}, "
                   f"{swift_double(row['condition'])}, {swift_double(r['qbeta'])}, {warned}),")
    out.append("]")
    print("\n".join(out))


if __name__ == "__main__":
    if "--swift" in sys.argv:
        swift_tables()
    elif "--check" in sys.argv:
        check()
    else:
        mp.mp.dps = DIGITS
        write(*compute())
