#!/usr/bin/env python3
"""Reference implementation of Åpen's built-in indicators (METHODS.md §2–§5) in polars.

Same inputs and output as reference_duckdb.py (the METHODS §1 indicator CSV), written
independently with polars' lazy API so the two references check each other and Åpen.

Usage: reference_polars.py DATA_DIR OUT.csv
"""
from __future__ import annotations

import argparse
import os
import time

import polars as pl

from refcommon import (LIKERT, MISSING, OPEN_LICENCES, SCALES, STARS_FORMATS, Z95, die, workday_calendar,
                       write_indicators)

KEYS = ["municipality", "year"]


def survey(path):
    items = [q for qs, _ in SCALES.values() for q in qs]
    schema = {"municipality": pl.Utf8, "year": pl.Int64, "weight": pl.Float64, "stratum": pl.Utf8, "psu": pl.Utf8,
              "respondent_id": pl.Utf8} | {q: pl.Int64 for q in items}
    s = pl.scan_csv(path, schema_overrides=schema).collect()
    lo, hi = LIKERT
    rows = [("survey.responses", m, y, float(n), n, None, None, None)
            for m, y, n in s.group_by(KEYS).agg(pl.len()).iter_rows()]
    for scale, (qs, rev) in SCALES.items():
        k = len(qs)
        cleaned = [pl.when(pl.col(q).is_null() | (pl.col(q) == MISSING)).then(None)
                   .otherwise((lo + hi) - pl.col(q) if q in rev else pl.col(q)).alias(f"i{j}") for j, q in enumerate(qs)]
        it = s.select(KEYS + [pl.col("weight").alias("w"), "stratum", "psu"] + cleaned)
        answered = pl.sum_horizontal([pl.col(f"i{j}").is_not_null().cast(pl.Int64) for j in range(k)])
        total = pl.sum_horizontal([pl.col(f"i{j}").fill_null(0) for j in range(k)])
        score = total.cast(pl.Float64) / answered
        scored = (it.with_columns(answered.alias("answered"), score.alias("score"))
                  .filter(pl.col("answered") >= -(-k // 2))
                  .with_columns((100.0 * (pl.col("score") - lo) / (hi - lo)).alias("y"),
                                pl.when(pl.col("score") > (lo + hi) / 2).then(1.0).otherwise(0.0).alias("agree")))
        for var, suffix in (("y", "index"), ("agree", "agree_share")):
            g = scored.group_by(KEYS).agg(pl.col("w").sum().alias("sw"), (pl.col("w") * pl.col(var)).sum().alias("swy"),
                                          pl.len().alias("n")).with_columns((pl.col("swy") / pl.col("sw")).alias("mean"))
            z = (scored.join(g, on=KEYS)
                 .with_columns((pl.col("w") * (pl.col(var) - pl.col("mean")) / pl.col("sw")).alias("zi"))
                 .group_by(KEYS + ["stratum", "psu"]).agg(pl.col("zi").sum().alias("zhj")))
            h = (z.with_columns(pl.col("zhj").mean().over(KEYS + ["stratum"]).alias("zbar"),
                                pl.len().over(KEYS + ["stratum"]).alias("nh"))
                 .group_by(KEYS + ["stratum"])
                 .agg(pl.col("nh").first(), ((pl.col("zhj") - pl.col("zbar")) ** 2).sum().alias("ss")))
            v = h.group_by(KEYS).agg(
                pl.col("nh").min().alias("min_nh"),
                pl.when(pl.col("nh") > 1).then(pl.col("nh") / (pl.col("nh") - 1.0) * pl.col("ss")).otherwise(0.0)
                .sum().alias("var"))
            for m, y, mean, n, var, min_nh in g.join(v, on=KEYS).select(KEYS + ["mean", "n", "var", "min_nh"]).iter_rows():
                se = lo_ci = hi_ci = None
                if n >= 2:
                    if min_nh == 1:
                        die(f"survey: stratum with a single PSU in {m} {y} ({scale}); METHODS §2 makes this an error")
                    se = max(var, 0.0) ** 0.5
                    lo_ci, hi_ci = mean - Z95 * se, mean + Z95 * se
                rows.append((f"survey.{scale}.{suffix}", m, y, mean, n, se, lo_ci, hi_ci))
        complete = it.drop_nulls([f"i{j}" for j in range(k)]).with_columns(
            pl.sum_horizontal([pl.col(f"i{j}") for j in range(k)]).alias("t"))
        a = complete.group_by(KEYS).agg([pl.len().alias("n"), pl.col("t").var(ddof=1).alias("vt")]
                                        + [pl.col(f"i{j}").var(ddof=1).alias(f"v{j}") for j in range(k)])
        for r in a.iter_rows(named=True):
            n, vt = r["n"], r["vt"]
            if n >= 2 and vt is not None and vt > 0:
                sv = sum(r[f"v{j}"] for j in range(k))
                rows.append((f"survey.{scale}.alpha", r["municipality"], r["year"], k / (k - 1) * (1 - sv / vt), n,
                             None, None, None))
    return rows


def engagement(path, pop_path):
    e = (pl.scan_csv(path, schema_overrides={"municipality": pl.Utf8, "date": pl.Utf8, "participant_id": pl.Utf8,
                                             "initiative_id": pl.Utf8, "event_id": pl.Utf8})
         .select("municipality", pl.col("date").str.to_date("%Y-%m-%d").dt.year().cast(pl.Int64).alias("year"),
                 pl.col("participant_id").alias("p"), pl.col("initiative_id").alias("i")))
    pop = pl.scan_csv(pop_path, schema_overrides={"municipality": pl.Utf8, "year": pl.Int64, "population": pl.Float64})
    per = e.group_by(KEYS + ["p"]).agg(pl.len().alias("x"), pl.col("i").n_unique().alias("ni"))
    per = per.with_columns(pl.col("x").rank("ordinal").over(KEYS).alias("r"))
    g = (per.group_by(KEYS).agg(pl.len().alias("n"), pl.col("x").sum().alias("actions"),
                                (pl.col("ni") >= 2).sum().alias("repeaters"), (pl.col("r") * pl.col("x")).sum().alias("rx"))
         .join(pop, on=KEYS, how="left").collect())
    rows = []
    for m, y, n, actions, repeaters, rx, population in g.select(
            KEYS + ["n", "actions", "repeaters", "rx", "population"]).iter_rows():
        rows.append(("engagement.participants", m, y, float(n), n, None, None, None))
        if population is not None and population > 0:
            rows.append(("engagement.participants_per_1000", m, y, n / population * 1000, n, None, None, None))
        rows.append(("engagement.actions_per_participant", m, y, actions / n, n, None, None, None))
        rows.append(("engagement.repeat_share", m, y, repeaters / n, n, None, None, None))
        if n >= 2:
            rows.append(("engagement.gini", m, y, 2 * rx / (n * actions) - (n + 1) / n, n, None, None, None))
    return rows


def stars_expr():
    f, lic, linked = pl.col("format"), pl.col("licence"), pl.col("linked")
    return (pl.when(lic.is_null() | ~lic.is_in(OPEN_LICENCES)).then(0)
            .when(f.is_in(STARS_FORMATS[4]) & linked.is_in(["true", "yes"])).then(5)
            .when(f.is_in(STARS_FORMATS[4])).then(4)
            .when(f.is_in(STARS_FORMATS[3])).then(3)
            .when(f.is_in(STARS_FORMATS[2])).then(2)
            .otherwise(1))


def publications(path):
    text = ["municipality", "access", "record_type", "format", "licence", "linked", "record_id", "exemption_basis",
            "registered", "published"]
    p = (pl.scan_csv(path, schema_overrides={c: pl.Utf8 for c in text})
         .select("municipality", "access", "record_type",
                 pl.col("registered").str.to_date("%Y-%m-%d"), pl.col("published").str.to_date("%Y-%m-%d"),
                 pl.col("format").str.to_lowercase(), pl.col("licence").str.to_lowercase(),
                 pl.col("linked").str.to_lowercase())
         .with_columns(pl.col("registered").dt.year().cast(pl.Int64).alias("year"),
                       (pl.col("published") - pl.col("registered")).dt.total_days().alias("lag")))
    g = p.group_by(KEYS).agg(
        pl.len().alias("n"),
        ((pl.col("access") == "open") & pl.col("published").is_not_null()).sum().alias("open_pub"),
        (pl.col("access") == "exempt").sum().alias("exempt"),
        pl.col("published").is_not_null().sum().alias("npub"),
        pl.col("lag").drop_nulls().quantile(0.5, interpolation="linear").alias("lag50"),
        pl.col("lag").drop_nulls().quantile(0.9, interpolation="linear").alias("lag90")).collect()
    rows = []
    for m, y, n, open_pub, exempt, npub, lag50, lag90 in g.select(
            KEYS + ["n", "open_pub", "exempt", "npub", "lag50", "lag90"]).iter_rows():
        rows.append(("publication.open_share", m, y, open_pub / n, n, None, None, None))
        rows.append(("publication.exempt_share", m, y, exempt / n, n, None, None, None))
        if npub > 0:
            rows.append(("publication.lag_median_days", m, y, float(lag50), npub, None, None, None))
            rows.append(("publication.lag_p90_days", m, y, float(lag90), npub, None, None, None))
    d = (p.filter(pl.col("record_type") == "dataset")
         .group_by(KEYS).agg(pl.len().alias("n"), pl.col("licence").is_in(OPEN_LICENCES).sum().alias("open_lic"),
                             stars_expr().sum().alias("stars")).collect())
    for m, y, n, open_lic, stars in d.select(KEYS + ["n", "open_lic", "stars"]).iter_rows():
        rows.append(("opendata.open_licence_share", m, y, open_lic / n, n, None, None, None))
        rows.append(("opendata.stars_mean", m, y, stars / n, n, None, None, None))
    return rows


def access_requests(path):
    days, cum = workday_calendar(2000, 2060)
    cal = pl.DataFrame({"d": days, "cum": cum}).lazy()
    r = (pl.scan_csv(path, schema_overrides={c: pl.Utf8 for c in ["municipality", "received", "answered", "outcome",
                                                                    "request_id"]})
         .select("municipality", "outcome", pl.col("received").str.to_date("%Y-%m-%d"),
                 pl.col("answered").str.to_date("%Y-%m-%d"))
         .join(cal.rename({"d": "received", "cum": "ca"}), on="received", how="left")
         .join(cal.rename({"d": "answered", "cum": "cb"}), on="answered", how="left")
         .with_columns(pl.col("received").dt.year().cast(pl.Int64).alias("year"),
                       (pl.col("cb") - pl.col("ca")).alias("wd"), pl.col("answered").is_not_null().alias("ans")))
    g = r.group_by(KEYS).agg(
        pl.len().alias("n"), pl.col("ans").sum().alias("na"),
        (pl.col("ans") & (pl.col("wd") <= 3)).sum().alias("w3"),
        (pl.col("ans") & (pl.col("wd") <= 5)).sum().alias("w5"),
        pl.col("wd").drop_nulls().quantile(0.5, interpolation="linear").alias("med"),
        (pl.col("ans") & pl.col("outcome").is_in(["granted", "partial"])).sum().alias("granted")).collect()
    rows = []
    for m, y, n, na, w3, w5, med, granted in g.select(KEYS + ["n", "na", "w3", "w5", "med", "granted"]).iter_rows():
        rows.append(("foi.within_3_workdays_share", m, y, w3 / n, n, None, None, None))
        rows.append(("foi.within_5_workdays_share", m, y, w5 / n, n, None, None, None))
        if na > 0:
            rows.append(("foi.median_workdays", m, y, float(med), na, None, None, None))
            rows.append(("foi.granted_share", m, y, granted / na, na, None, None, None))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("out")
    a = ap.parse_args()
    t0 = time.perf_counter()
    p = lambda name: os.path.join(a.data, name)
    rows = survey(p("survey.csv"))
    rows += engagement(p("engagement.csv"), p("population.csv"))
    rows += publications(p("publications.csv"))
    rows += access_requests(p("access_requests.csv"))
    n = write_indicators(rows, a.out)
    print(f"polars: {n} indicator rows in {time.perf_counter() - t0:.2f} s -> {a.out}")


if __name__ == "__main__":
    main()
