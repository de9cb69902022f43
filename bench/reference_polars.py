#!/usr/bin/env python3
"""Reference implementation of Åpen's built-in indicators (METHODS.md revision 2, §2–§5) in polars.

Same inputs and output as reference_duckdb.py (the METHODS §1 indicator CSV), written
independently with polars' lazy API so the two references check each other and Åpen.

Usage: reference_polars.py DATA_DIR OUT.csv [--pipeline pipelines/national.yaml]
"""
from __future__ import annotations

import argparse
import os
import time

import polars as pl

from refcommon import (LIKERT, LOW_N_INDICATORS, MISSING, OPEN_LICENCES, OPTIONAL_NEEDS, SCALES, STARS_FORMATS,
                       beta_ppf, die, header, pipeline_settings, t975, workday_calendar, write_indicators)

KEYS = ["municipality", "year"]


def flag_of(indicator, n, df, min_n):
    """METHODS §1 `flag`: low_n (n < min_n, survey/engagement/FOI shares), then df_lt_8 (survey interval on < 8 df)."""
    low = n < min_n and indicator in LOW_N_INDICATORS
    few_df = df is not None and df < 8 and (indicator.endswith(".index") or indicator.endswith(".agree_share"))
    return ";".join(f for f, on in (("low_n", low), ("df_lt_8", few_df)) if on)


def index_row(ind, m, y, n, mean, var, df, min_n):
    """survey.<scale>.index (METHODS §2): SE from the domain variance, ȳ_d ± t_{0.975,df}·SE when df ≥ 1."""
    if n < 2:
        return (ind, m, y, mean, n, None, None, None, None, flag_of(ind, n, None, min_n))
    se = max(var, 0.0) ** 0.5
    half = t975(df) * se if df >= 1 else None
    lo_ci, hi_ci = (mean - half, mean + half) if half is not None else (None, None)
    return (ind, m, y, mean, n, se, lo_ci, hi_ci, df, flag_of(ind, n, df, min_n))


def share_row(ind, m, y, n, n_yes, p_w, var, df, min_n):
    """survey.<scale>.agree_share (METHODS §2): p̂ with the Korn–Graubard interval of svyciprop(method = "beta")."""
    if n_yes == 0 or n_yes == n:  # every one or none agrees: p̂ exactly 0 or 1, SE 0, n_eff = n
        p, var = float(n_yes == n), 0.0
    else:
        p = p_w
    if n < 2:
        return (ind, m, y, p, n, None, None, None, None, flag_of(ind, n, None, min_n))
    se = var ** 0.5 if var > 0 else 0.0
    lo_ci = hi_ci = None
    if df >= 1:
        if n_yes == 0 or n_yes == n:
            n_eff = float(n)
        elif se > 0:
            n_eff = p * (1.0 - p) / (se * se) * (t975(n - 1) / t975(df)) ** 2
        else:
            n_eff = None
        if n_eff is not None:
            lo_ci = beta_ppf(0.025, n_eff * p, n_eff * (1.0 - p) + 1.0)
            hi_ci = beta_ppf(0.975, n_eff * p + 1.0, n_eff * (1.0 - p))
    return (ind, m, y, p, n, se, lo_ci, hi_ci, df, flag_of(ind, n, df, min_n))


def survey(path, min_n, lonely_psu):
    items = [q for qs, _ in SCALES.values() for q in qs]
    schema = {"municipality": pl.Utf8, "year": pl.Int64, "weight": pl.Float64, "stratum": pl.Utf8, "psu": pl.Utf8,
              "respondent_id": pl.Utf8} | {q: pl.Int64 for q in items}
    s = pl.scan_csv(path, schema_overrides=schema).collect()
    lo, hi = LIKERT
    rows = [("survey.responses", m, y, float(n), n, None, None, None, None, "")
            for m, y, n in s.group_by(KEYS).agg(pl.len()).iter_rows()]
    # The wave's design (METHODS §2): all rows of a year, scored or not; PSUs nested in strata.
    wave = s.group_by(["year", "stratum"]).agg(pl.col("psu").n_unique().alias("nh"))
    if lonely_psu != "fail":
        die(f"survey: lonely_psu: {lonely_psu} is not implemented by this reference")
    single = wave.filter(pl.col("nh") == 1).sort(["year", "stratum"])
    if single.height:
        y, h, _ = single.row(0)
        die(f"survey: stratum {h!r} has a single PSU in the {y} wave ({single.height} such strata); "
            "METHODS §2 makes this an error (lonely_psu: fail)")
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
        # Domain = the municipality's scored respondents; z is 0 outside it, so each stratum's
        # PSUs without a member add (n_h − m_h)·z̄_h² to Σ_j (z_hj − z̄_h)², z̄_h = Σ z_hj / n_h.
        g = scored.group_by(KEYS).agg(pl.len().alias("n"), (pl.col("agree") == 1.0).sum().alias("n_yes"),
                                      pl.col("w").sum().alias("sw"), (pl.col("w") * pl.col("y")).sum().alias("swy"),
                                      (pl.col("w") * pl.col("agree")).sum().alias("swa"))
        g = g.with_columns((pl.col("swy") / pl.col("sw")).alias("my"), (pl.col("swa") / pl.col("sw")).alias("ma"))
        z = (scored.join(g.select(KEYS + ["sw", "my", "ma"]), on=KEYS)
             .with_columns((pl.col("w") * (pl.col("y") - pl.col("my")) / pl.col("sw")).alias("zy"),
                           (pl.col("w") * (pl.col("agree") - pl.col("ma")) / pl.col("sw")).alias("za"))
             .group_by(KEYS + ["stratum", "psu"]).agg(pl.col("zy").sum(), pl.col("za").sum()))
        dom = KEYS + ["stratum"]
        h = (z.join(wave, on=["year", "stratum"])
             .with_columns(pl.len().over(dom).alias("mh"),
                           (pl.col("zy").sum().over(dom) / pl.col("nh")).alias("zbar_y"),
                           (pl.col("za").sum().over(dom) / pl.col("nh")).alias("zbar_a"))
             .group_by(dom)
             .agg(pl.col("nh").first(), pl.col("mh").first(),
                  ((pl.col("zy") - pl.col("zbar_y")) ** 2).sum().alias("dy"),
                  ((pl.col("za") - pl.col("zbar_a")) ** 2).sum().alias("da"),
                  pl.col("zbar_y").first(), pl.col("zbar_a").first())
             .with_columns(((pl.col("dy") + (pl.col("nh") - pl.col("mh")) * pl.col("zbar_y") ** 2)
                            * pl.col("nh") / (pl.col("nh") - 1)).alias("vy"),
                           ((pl.col("da") + (pl.col("nh") - pl.col("mh")) * pl.col("zbar_a") ** 2)
                            * pl.col("nh") / (pl.col("nh") - 1)).alias("va")))
        v = h.group_by(KEYS).agg(pl.col("vy").sum(), pl.col("va").sum(),
                                 (pl.col("mh").sum() - pl.len()).alias("df"))
        est = g.join(v, on=KEYS).select(KEYS + ["n", "n_yes", "my", "ma", "vy", "va", "df"])
        for m, y, n, n_yes, my, ma, vy, va, df in est.iter_rows():
            rows.append(index_row(f"survey.{scale}.index", m, y, n, my, vy, df, min_n))
            rows.append(share_row(f"survey.{scale}.agree_share", m, y, n, n_yes, ma, va, df, min_n))
        complete = it.drop_nulls([f"i{j}" for j in range(k)]).with_columns(
            pl.sum_horizontal([pl.col(f"i{j}") for j in range(k)]).alias("t"))
        a = complete.group_by(KEYS).agg([pl.len().alias("n"), pl.col("t").var(ddof=1).alias("vt")]
                                        + [pl.col(f"i{j}").var(ddof=1).alias(f"v{j}") for j in range(k)])
        for r in a.iter_rows(named=True):
            n, vt = r["n"], r["vt"]
            if n >= 2 and vt is not None and vt > 0:
                sv = sum(r[f"v{j}"] for j in range(k))
                ind = f"survey.{scale}.alpha"
                rows.append((ind, r["municipality"], r["year"], k / (k - 1) * (1 - sv / vt), n,
                             None, None, None, None, flag_of(ind, n, None, min_n)))
    return rows


def scan(path, schema):
    """Lazy frame over a CSV with the schema's columns; one the header lacks becomes a null column of its
    type (METHODS §1: unknown, and the indicators needing it give no rows). Returns (frame, header columns)."""
    cols = set(header(path))
    lf = pl.scan_csv(path, schema_overrides={c: t for c, t in schema.items() if c in cols})
    missing = [pl.lit(None, dtype=t).alias(c) for c, t in schema.items() if c not in cols]
    return (lf.with_columns(missing) if missing else lf), cols


def computable(indicator, cols):
    """METHODS §1: an indicator whose optional column the file lacks has no rows."""
    return all(col in cols for col, needs in OPTIONAL_NEEDS.items() if indicator in needs)


def engagement(path, pop_path, min_n):
    e, cols = scan(path, {"municipality": pl.Utf8, "date": pl.Utf8, "participant_id": pl.Utf8,
                          "initiative_id": pl.Utf8, "event_id": pl.Utf8})
    e = e.select("municipality", pl.col("date").str.to_date("%Y-%m-%d").dt.year().cast(pl.Int64).alias("year"),
                 pl.col("participant_id").alias("p"), pl.col("initiative_id").alias("i"))
    pop = pl.scan_csv(pop_path, schema_overrides={"municipality": pl.Utf8, "year": pl.Int64, "population": pl.Float64})
    per = e.group_by(KEYS + ["p"]).agg(pl.len().alias("x"), pl.col("i").drop_nulls().n_unique().alias("ni"))
    per = per.with_columns(pl.col("x").rank("ordinal").over(KEYS).alias("r"))
    g = (per.group_by(KEYS).agg(pl.len().alias("n"), pl.col("x").sum().alias("actions"),
                                (pl.col("ni") >= 2).sum().alias("repeaters"), (pl.col("r") * pl.col("x")).sum().alias("rx"))
         .join(pop, on=KEYS, how="left").collect())
    rows = []
    with_repeat = computable("engagement.repeat_share", cols)
    for m, y, n, actions, repeaters, rx, population in g.select(
            KEYS + ["n", "actions", "repeaters", "rx", "population"]).iter_rows():
        rows.append(("engagement.participants", m, y, float(n), n, None, None, None, None, ""))
        if population is not None and population > 0:
            rows.append(("engagement.participants_per_1000", m, y, n / population * 1000, n, None, None, None, None, ""))
        rows.append(("engagement.actions_per_participant", m, y, actions / n, n, None, None, None, None, ""))
        if with_repeat:
            rows.append(("engagement.repeat_share", m, y, repeaters / n, n, None, None, None, None,
                         flag_of("engagement.repeat_share", n, None, min_n)))
        if n >= 2:
            rows.append(("engagement.gini", m, y, 2 * rx / (n * actions) - (n + 1) / n, n, None, None, None, None, ""))
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
    p, cols = scan(path, {c: pl.Utf8 for c in text})
    p = (p.select("municipality", "access", "record_type",
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
        if computable("publication.open_share", cols):
            rows.append(("publication.open_share", m, y, open_pub / n, n, None, None, None, None, ""))
        rows.append(("publication.exempt_share", m, y, exempt / n, n, None, None, None, None, ""))
        if npub > 0:
            if computable("publication.lag_median_days", cols):
                rows.append(("publication.lag_median_days", m, y, float(lag50), npub, None, None, None, None, ""))
            if computable("publication.lag_p90_days", cols):
                rows.append(("publication.lag_p90_days", m, y, float(lag90), npub, None, None, None, None, ""))
    d = (p.filter(pl.col("record_type") == "dataset")
         .group_by(KEYS).agg(pl.len().alias("n"), pl.col("licence").is_in(OPEN_LICENCES).sum().alias("open_lic"),
                             stars_expr().sum().alias("stars")).collect())
    for m, y, n, open_lic, stars in d.select(KEYS + ["n", "open_lic", "stars"]).iter_rows():
        if computable("opendata.open_licence_share", cols):
            rows.append(("opendata.open_licence_share", m, y, open_lic / n, n, None, None, None, None, ""))
        if computable("opendata.stars_mean", cols):
            rows.append(("opendata.stars_mean", m, y, stars / n, n, None, None, None, None, ""))
    return rows


def access_requests(path, min_n):
    days, cum = workday_calendar(2000, 2060)
    cal = pl.DataFrame({"d": days, "cum": cum}).lazy()
    r, cols = scan(path, {c: pl.Utf8 for c in ["municipality", "received", "answered", "outcome", "request_id"]})
    r = (r.select("municipality", "outcome", pl.col("received").str.to_date("%Y-%m-%d"),
                  pl.col("answered").str.to_date("%Y-%m-%d"))
         .join(cal.rename({"d": "received", "cum": "ca"}), on="received", how="left")
         .join(cal.rename({"d": "answered", "cum": "cb"}), on="answered", how="left")
         .with_columns(pl.col("received").dt.year().cast(pl.Int64).alias("year"),
                       (pl.col("cb") - pl.col("ca")).alias("wd"), pl.col("answered").is_not_null().alias("ans"),
                       (pl.col("outcome").is_not_null() & (pl.col("outcome") != "")).alias("has_outcome")))
    g = r.group_by(KEYS).agg(
        pl.len().alias("n"), pl.col("ans").sum().alias("na"),
        (pl.col("ans") & (pl.col("wd") <= 3)).sum().alias("w3"),
        (pl.col("ans") & (pl.col("wd") <= 5)).sum().alias("w5"),
        pl.col("wd").drop_nulls().quantile(0.5, interpolation="linear").alias("med"),
        # METHODS §5: granted share over answered requests with a non-empty outcome
        (pl.col("ans") & pl.col("has_outcome")).sum().alias("decided"),
        (pl.col("ans") & pl.col("outcome").is_in(["granted", "partial"])).sum().alias("granted")).collect()
    rows = []
    with_outcome = computable("foi.granted_share", cols)
    for m, y, n, na, w3, w5, med, decided, granted in g.select(
            KEYS + ["n", "na", "w3", "w5", "med", "decided", "granted"]).iter_rows():
        rows.append(("foi.within_3_workdays_share", m, y, w3 / n, n, None, None, None, None,
                     flag_of("foi.within_3_workdays_share", n, None, min_n)))
        rows.append(("foi.within_5_workdays_share", m, y, w5 / n, n, None, None, None, None,
                     flag_of("foi.within_5_workdays_share", n, None, min_n)))
        if na > 0:
            rows.append(("foi.median_workdays", m, y, float(med), na, None, None, None, None, ""))
        if decided > 0 and with_outcome:
            rows.append(("foi.granted_share", m, y, granted / decided, decided, None, None, None, None,
                         flag_of("foi.granted_share", decided, None, min_n)))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--pipeline", help="pipeline file to take min_n and lonely_psu from (default: min_n 5, fail)")
    a = ap.parse_args()
    t0 = time.perf_counter()
    min_n, lonely_psu = pipeline_settings(a.pipeline)
    p = lambda name: os.path.join(a.data, name)
    rows = survey(p("survey.csv"), min_n, lonely_psu)
    t1 = time.perf_counter()
    rows += engagement(p("engagement.csv"), p("population.csv"), min_n)
    rows += publications(p("publications.csv"))
    rows += access_requests(p("access_requests.csv"), min_n)
    n = write_indicators(rows, a.out)
    print(f"polars: {n} indicator rows in {time.perf_counter() - t0:.2f} s (survey {t1 - t0:.2f} s) -> {a.out}")


if __name__ == "__main__":
    main()
