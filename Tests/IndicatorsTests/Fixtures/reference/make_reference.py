#!/usr/bin/env python3
"""Independent reference values for the built-in indicators (METHODS.md §2–§5).

Writes synthetic inputs and the indicator values expected from them next to this script,
into Tests/IndicatorsTests/Fixtures/reference/ (the script lives among the fixtures so that
SwiftPM does not warn about an unhandled file in the test target). Nothing here calls Åpen: every value comes from
numpy/pandas, samplics' TaylorEstimator (survey index and agree share), numpy's
busday_count with the `holidays` package's Norwegian calendar (working days), and direct
formulas written out below from METHODS.md (Gini, Cronbach's alpha, 5-star levels, the
`lonely_psu: adjust` variance, which samplics does not offer).

Run from the repository root (Python ≥ 3.10):
    python3 -m venv /tmp/ref && /tmp/ref/bin/pip install numpy pandas samplics holidays
    /tmp/ref/bin/python Tests/IndicatorsTests/Fixtures/reference/make_reference.py
Versions used for the committed fixtures: see versions.txt written next to them.
"""
import datetime as dt
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore", category=FutureWarning)
import holidays  # noqa: E402
import samplics  # noqa: E402
from samplics.estimation import TaylorEstimator  # noqa: E402
from samplics.utils.types import PopParam, SinglePSUEst  # noqa: E402

OUT = os.path.dirname(os.path.abspath(__file__))
Z = 1.959963984540054
rng = np.random.default_rng(20261130)
rows = []  # expected indicator rows


def emit(indicator, muni, year, value, n, se=None):
    assert math.isfinite(value)
    ci = (value - Z * se, value + Z * se) if se is not None else (None, None)
    rows.append(dict(indicator=indicator, municipality=muni, year=int(year), value=float(value), n=int(n),
                     se=se, ci_low=ci[0], ci_high=ci[1]))


def fmt(x):
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else repr(float(x))


def write_csv(df, name):
    df.to_csv(os.path.join(OUT, name), index=False, lineterminator="\n")
    # Read back, so the references use exactly the values the Swift tests parse.
    return pd.read_csv(os.path.join(OUT, name), dtype=str, keep_default_na=False)


def num(s):
    return pd.to_numeric(s.replace("", np.nan))


# ---------------------------------------------------------------- §2 survey
def make_survey():
    recs = []
    for muni in ["0301", "5001", "5006"]:
        for year in [2022, 2023]:
            for s in ["A", "B", "C"]:
                for j in range(int(rng.integers(2, 5))):
                    for _ in range(int(rng.integers(3, 9))):
                        r = dict(municipality=muni, year=year, stratum=s, psu=f"{s}{j}",
                                 weight=f"{rng.uniform(0.5, 3.0):.4f}")
                        for q in ["q1", "q2", "q3", "q4", "q5"]:
                            r[q] = "" if rng.random() < 0.15 else str(int(rng.integers(1, 6)))
                        recs.append(r)
    # A group where every respondent answers the same way: alpha has s_T² = 0 (no row).
    for k in range(3):
        recs.append(dict(municipality="9999", year=2023, stratum="A", psu=f"A{k % 2}", weight="1.0",
                         q1="4", q2="4", q3="2", q4=str(2 + k), q5=""))
    return pd.DataFrame(recs)


SCALES = {"trust": (["q1", "q2", "q3"], ["q3"]), "voice": (["q4", "q5"], [])}
LO, HI = 1.0, 5.0


def scores(df, scale):
    items, rev = SCALES[scale]
    m = pd.DataFrame({q: num(df[q]) for q in items})
    for q in rev:
        m[q] = LO + HI - m[q]
    answered = m.notna().sum(axis=1)
    score = m.mean(axis=1, skipna=True)
    score[answered < math.ceil(len(items) / 2)] = np.nan
    return m, score


def taylor(y, w, stratum=None, psu=None, single=SinglePSUEst.error):
    e = TaylorEstimator(PopParam.mean)
    e.estimate(y=y, samp_weight=w, stratum=stratum, psu=psu, remove_nan=True, single_psu=single)
    return float(e.point_est), float(e.stderror)


def own_se(y, w, stratum, psu, lonely):
    """METHODS §2 written out: z = w(y − ȳ)/Σw, PSU totals within strata, lonely strata."""
    keep = ~np.isnan(y)
    y, w, stratum, psu = y[keep], w[keep], stratum[keep], psu[keep]
    mean = np.sum(w * y) / np.sum(w)
    z = w * (y - mean) / np.sum(w)
    d = pd.DataFrame(dict(s=stratum, p=psu, z=z)).groupby(["s", "p"]).z.sum().reset_index()
    grand = d.z.mean()
    var = 0.0
    for _, g in d.groupby("s"):
        nh = len(g)
        if nh == 1:
            if lonely == "adjust":
                var += (g.z.iloc[0] - grand) ** 2
            continue
        var += nh / (nh - 1) * np.sum((g.z - g.z.mean()) ** 2)
    return mean, math.sqrt(var)


def alpha(m):
    c = m.dropna()
    k = m.shape[1]
    if k < 2 or len(c) < 2:
        return None, len(c)
    st = c.sum(axis=1).var(ddof=1)
    if st <= 0:
        return None, len(c)
    return k / (k - 1) * (1 - c.var(ddof=1).sum() / st), len(c)


def survey_reference(df, design):
    for (muni, year), g in df.groupby(["municipality", "year"], sort=True):
        emit("survey.responses", muni, year, len(g), len(g))
        w = num(g["weight"]).to_numpy() if "weight" in g else np.ones(len(g))
        for scale in SCALES:
            m, score = scores(g, scale)
            y = (100 * (score - LO) / (HI - LO)).to_numpy()
            agree = np.where(score.isna(), np.nan, (score > (LO + HI) / 2).astype(float))
            n = int((~np.isnan(y)).sum())
            kw = dict(stratum=g["stratum"].to_numpy(), psu=g["psu"].to_numpy()) if design else {}
            for ind, v in [("index", y), ("agree_share", agree)]:
                if n == 0:
                    continue
                mean, se = taylor(v, w, **kw)
                if design:  # cross-check samplics against the formula written out
                    m2, se2 = own_se(v, w, kw["stratum"], kw["psu"], "fail")
                    assert abs(m2 - mean) < 1e-12 and abs(se2 - se) < 1e-12, (muni, year, scale, ind)
                emit(f"survey.{scale}.{ind}", muni, year, mean, n, se if n >= 2 else None)
            a, na = alpha(m)
            if a is not None:
                emit(f"survey.{scale}.alpha", muni, year, a, na)


def make_lonely():
    recs = []
    for s, psus in [("A", 3), ("B", 2), ("C", 1)]:
        for j in range(psus):
            for _ in range(int(rng.integers(3, 7))):
                recs.append(dict(municipality="5001", year=2024, stratum=s, psu=f"{s}{j}",
                                 weight=f"{rng.uniform(0.5, 3.0):.4f}",
                                 q1=str(int(rng.integers(1, 6))), q2=str(int(rng.integers(1, 6))),
                                 q3=str(int(rng.integers(1, 6))), q4=str(int(rng.integers(1, 6))), q5=""))
    return pd.DataFrame(recs)


def lonely_reference(df):
    out = []
    w = num(df["weight"]).to_numpy()
    _, score = scores(df, "trust")
    y = (100 * (score - LO) / (HI - LO)).to_numpy()
    s, p = df["stratum"].to_numpy(), df["psu"].to_numpy()
    mean_r, se_r = own_se(y, w, s, p, "remove")
    mean_s, se_s = taylor(y, w, stratum=s, psu=p, single=SinglePSUEst.skip)
    assert abs(mean_r - mean_s) < 1e-12 and abs(se_r - se_s) < 1e-12
    try:  # samplics, like METHODS §2 `fail`, refuses a stratum with a single PSU
        taylor(y, w, stratum=s, psu=p, single=SinglePSUEst.error)
        raise AssertionError("samplics accepted a lonely PSU")
    except AssertionError:
        raise
    except Exception:
        pass
    mean_a, se_a = own_se(y, w, s, p, "adjust")
    out.append(dict(lonely="remove", value=repr(float(mean_r)), n=int((~np.isnan(y)).sum()), se=repr(float(se_r))))
    out.append(dict(lonely="adjust", value=repr(float(mean_a)), n=int((~np.isnan(y)).sum()), se=repr(float(se_a))))
    pd.DataFrame(out).to_csv(os.path.join(OUT, "survey_lonely_expected.csv"), index=False, lineterminator="\n")


# ---------------------------------------------------------------- §3 engagement
def make_engagement():
    recs = []
    start = dt.date(2023, 1, 1)
    for muni in ["0301", "5001", "5006"]:
        people = [f"{muni}-p{i:03d}" for i in range(int(rng.integers(40, 120)))]
        for _ in range(int(rng.integers(300, 800))):
            who = people[min(int(rng.zipf(1.6)) - 1, len(people) - 1)] if rng.random() < 0.6 else rng.choice(people)
            day = start + dt.timedelta(days=int(rng.integers(0, 730)))
            ini = "" if rng.random() < 0.05 else f"i{int(rng.integers(1, 8))}"
            recs.append(dict(municipality=muni, date=day.isoformat(), participant_id=who,
                             channel=rng.choice(["web", "meeting"]), initiative_id=ini))
    for _ in range(3):  # one participant, three actions: no Gini, unknown population
        recs.append(dict(municipality="9999", date="2024-06-01", participant_id="solo", channel="web",
                         initiative_id="i1"))
    return pd.DataFrame(recs)


def engagement_reference(df, pop):
    df = df.assign(year=df["date"].str[:4].astype(int))
    popmap = {(r.municipality, int(r.year)): float(r.population) for r in pop.itertuples()}
    for (muni, year), g in df.groupby(["municipality", "year"], sort=True):
        acts = g.groupby("participant_id").size().to_numpy()
        n = len(acts)
        emit("engagement.participants", muni, year, n, n)
        emit("engagement.actions_per_participant", muni, year, len(g) / n, n)
        if (muni, year) in popmap:
            emit("engagement.participants_per_1000", muni, year, n / popmap[(muni, year)] * 1000, n)
        ini = g[g["initiative_id"] != ""].groupby("participant_id")["initiative_id"].nunique()
        emit("engagement.repeat_share", muni, year, int((ini >= 2).sum()) / n, n)
        if n >= 2:
            x = np.sort(acts).astype(float)
            i = np.arange(1, n + 1)
            emit("engagement.gini", muni, year, 2 * np.sum(i * x) / (n * np.sum(x)) - (n + 1) / n, n)


# ---------------------------------------------------------------- §4 publications and open data
OPEN = {"cc0-1.0", "cc-by-4.0", "cc-by-sa-4.0", "nlod-1.0", "nlod-2.0", "odbl-1.0", "pddl-1.0"}
RDF = {"rdf", "ttl", "jsonld", "nt", "n3", "sparql"}
OPENFMT = {"csv", "tsv", "json", "xml", "geojson", "ods", "txt"}


def make_publications():
    recs = []
    for muni in ["0301", "5001"]:
        for _ in range(int(rng.integers(200, 400))):
            reg = dt.date(2023, 1, 1) + dt.timedelta(days=int(rng.integers(0, 730)))
            pub = "" if rng.random() < 0.2 else (reg + dt.timedelta(days=int(rng.geometric(0.15)) - 1)).isoformat()
            dataset = rng.random() < 0.15
            recs.append(dict(
                municipality=muni, registered=reg.isoformat(), published=pub,
                access=rng.choice(["open", "open", "open", "partial", "exempt"]),
                record_type="dataset" if dataset else "journalpost",
                format=rng.choice(["CSV", "xlsx", "pdf", "ttl", "json", "", "zip", "RDF"]) if dataset else "",
                licence=rng.choice(["CC-BY-4.0", "nlod-2.0", "proprietary", "", "cc0-1.0", "ODbL-1.0"]) if dataset else "",
                linked=rng.choice(["true", "yes", "no", "", "TRUE"]) if dataset else ""))
    # A group without datasets and without published records.
    recs.append(dict(municipality="9999", registered="2024-02-01", published="", access="exempt",
                     record_type="journalpost", format="", licence="", linked=""))
    return pd.DataFrame(recs)


def stars(r):
    if r.licence.lower() not in OPEN:
        return 0
    f = r.format.lower()
    if f in RDF:
        return 5 if r.linked.lower() in ("true", "yes") else 4
    if f in OPENFMT:
        return 3
    if f in ("xls", "xlsx"):
        return 2
    return 1


def publication_reference(df):
    df = df.assign(year=df["registered"].str[:4].astype(int))
    for (muni, year), g in df.groupby(["municipality", "year"], sort=True):
        n = len(g)
        published = g["published"] != ""
        emit("publication.open_share", muni, year, int(((g["access"] == "open") & published).sum()) / n, n)
        emit("publication.exempt_share", muni, year, int((g["access"] == "exempt").sum()) / n, n)
        lag = (pd.to_datetime(g.loc[published, "published"]) - pd.to_datetime(g.loc[published, "registered"])).dt.days
        if len(lag):
            emit("publication.lag_median_days", muni, year, np.quantile(lag, 0.5, method="linear"), len(lag))
            emit("publication.lag_p90_days", muni, year, np.quantile(lag, 0.9, method="linear"), len(lag))
        d = g[g["record_type"] == "dataset"]
        if len(d):
            emit("opendata.open_licence_share", muni, year, int(d["licence"].str.lower().isin(OPEN).sum()) / len(d), len(d))
            emit("opendata.stars_mean", muni, year, np.mean([stars(r) for r in d.itertuples()]), len(d))


# ---------------------------------------------------------------- §5 access requests
def make_requests():
    recs = []
    # Concentrate receipts around Easter, May and Christmas 2024 to exercise the holidays.
    windows = [(dt.date(2024, 3, 20), 20), (dt.date(2024, 4, 25), 35), (dt.date(2024, 12, 18), 20),
               (dt.date(2025, 1, 2), 200)]
    for muni in ["0301", "5001", "5006"]:
        for _ in range(int(rng.integers(150, 300))):
            start, span = windows[int(rng.integers(0, len(windows)))]
            rec = start + dt.timedelta(days=int(rng.integers(0, span)))
            if rng.random() < 0.1:
                ans, out = "", ""
            else:
                ans = (rec + dt.timedelta(days=int(rng.integers(0, 16)))).isoformat()
                out = rng.choice(["granted", "granted", "partial", "denied"])
            recs.append(dict(municipality=muni, received=rec.isoformat(), answered=ans, outcome=out))
    recs.append(dict(municipality="9999", received="2024-05-16", answered="", outcome=""))
    return pd.DataFrame(recs)


def requests_reference(df):
    years = range(2015, 2031)
    hol = sorted(d for d in holidays.Norway(years=years, include_sundays=False).keys())
    df = df.assign(year=df["received"].str[:4].astype(int))
    for (muni, year), g in df.groupby(["municipality", "year"], sort=True):
        n = len(g)
        a = g[g["answered"] != ""]
        rec = a["received"].to_numpy(dtype="datetime64[D]")
        ans = a["answered"].to_numpy(dtype="datetime64[D]")
        # working days d with rec < d ≤ ans = busdays in [rec+1, ans+1)
        wd = np.busday_count(rec + 1, ans + 1, holidays=np.array(hol, dtype="datetime64[D]"))
        emit("foi.within_3_workdays_share", muni, year, int((wd <= 3).sum()) / n, n)
        emit("foi.within_5_workdays_share", muni, year, int((wd <= 5).sum()) / n, n)
        if len(a):
            emit("foi.median_workdays", muni, year, np.quantile(wd, 0.5, method="linear"), len(a))
            emit("foi.granted_share", muni, year, int(a["outcome"].isin(["granted", "partial"]).sum()) / len(a), len(a))


def holiday_fixture():
    h = holidays.Norway(years=range(2015, 2031), include_sundays=False)
    pd.DataFrame(sorted((d.isoformat(), name) for d, name in h.items()), columns=["date", "name"]).to_csv(
        os.path.join(OUT, "norway_holidays_2015_2030.csv"), index=False, lineterminator="\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    survey = write_csv(make_survey(), "survey.csv")
    survey_reference(survey, design=True)
    # Respondents without weight or design columns: plain mean, SE = s/√n.
    plain = write_csv(make_survey().drop(columns=["weight", "stratum", "psu"]), "survey_plain.csv")
    lonely = write_csv(make_lonely(), "survey_lonely.csv")
    lonely_reference(lonely)
    engagement = write_csv(make_engagement(), "engagement.csv")
    pop = write_csv(pd.DataFrame([
        dict(municipality=m, year=y, population=p)
        for m, p in [("0301", 717710), ("5001", 214565), ("5006", 24645)] for y in [2023, 2024]
        if (m, y) != ("5006", 2024)]), "population.csv")
    engagement_reference(engagement, pop)
    pubs = write_csv(make_publications(), "publications.csv")
    publication_reference(pubs)
    reqs = write_csv(make_requests(), "access_requests.csv")
    requests_reference(reqs)
    expected = pd.DataFrame(rows)
    for c in ["value", "se", "ci_low", "ci_high"]:
        expected[c] = expected[c].map(fmt)
    expected.sort_values(["indicator", "municipality", "year"], kind="stable").to_csv(
        os.path.join(OUT, "expected.csv"), index=False, lineterminator="\n")
    # Plain survey (fresh respondents, no weight/stratum/psu columns): weight 1, no design.
    rows.clear()
    survey_reference(plain, design=False)
    plain_expected = pd.DataFrame(rows)
    for c in ["value", "se", "ci_low", "ci_high"]:
        plain_expected[c] = plain_expected[c].map(fmt)
    plain_expected.to_csv(os.path.join(OUT, "survey_plain_expected.csv"), index=False, lineterminator="\n")
    holiday_fixture()
    with open(os.path.join(OUT, "versions.txt"), "w") as f:
        f.write(f"python {sys.version.split()[0]}\nnumpy {np.__version__}\npandas {pd.__version__}\n"
                f"samplics {samplics.__version__}\nholidays {holidays.__version__}\n")


if __name__ == "__main__":
    main()
