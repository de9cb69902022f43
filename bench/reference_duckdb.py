#!/usr/bin/env python3
"""Reference implementation of Åpen's built-in indicators (METHODS.md revision 2, §2–§5) in DuckDB SQL.

Reads the five canonical CSV files that `apen generate` writes (`survey.csv`,
`engagement.csv`, `publications.csv`, `access_requests.csv`, `population.csv`) and writes
the METHODS §1 indicator CSV, so bench/compare.py can diff it against reference_polars.py
and against Åpen's reports/national/indicators.csv. Written from METHODS.md alone.

Usage: reference_duckdb.py DATA_DIR OUT.csv [--threads N] [--pipeline pipelines/national.yaml]
"""
from __future__ import annotations

import argparse
import os
import time

import duckdb

from refcommon import (LIKERT, LOW_N_INDICATORS, MISSING, OPEN_LICENCES, OPTIONAL_NEEDS, SCALES, STARS_FORMATS,
                       beta_ppf, die, header, holidays, pipeline_settings, t975, write_indicators)


def sql_list(values):
    return "(" + ", ".join("'" + v + "'" for v in values) + ")"


def flags(indicator, n, df, min_n):
    """METHODS §1 reliability flags, in the order low_n;df_lt_8."""
    out = []
    if n < min_n and indicator in LOW_N_INDICATORS:
        out.append("low_n")
    if df is not None and df < 8 and indicator.endswith((".index", ".agree_share")):
        out.append("df_lt_8")
    return ";".join(out)


def survey(con, path, min_n, lonely_psu):
    items = [q for qs, _ in SCALES.values() for q in qs]
    types = {"municipality": "VARCHAR", "year": "INTEGER", "weight": "DOUBLE", "stratum": "VARCHAR",
             "psu": "VARCHAR", "respondent_id": "VARCHAR"} | {q: "INTEGER" for q in items}
    con.execute(f"CREATE TEMP TABLE survey AS SELECT * FROM read_csv('{path}', header = true, delim = ',', types = {types})")
    lo, hi = LIKERT
    rows = []
    # survey.responses: respondent rows per group.
    for m, y, n in con.execute("SELECT municipality, year, count(*) FROM survey GROUP BY ALL").fetchall():
        rows.append(("survey.responses", m, y, float(n), n, None, None, None, None, ""))

    # METHODS §2 design: a wave is every respondent row of one year (scored or not, any
    # municipality); a PSU code is nested in its stratum; n_h = PSUs of stratum h in the wave.
    con.execute("CREATE TEMP TABLE wave_nh AS SELECT year, stratum, count(DISTINCT psu) AS nh FROM survey GROUP BY ALL")
    lonely = con.execute("SELECT year, stratum FROM wave_nh WHERE nh = 1 ORDER BY ALL").fetchall()
    if lonely_psu != "fail":
        die(f"survey: lonely_psu: {lonely_psu} is not implemented by this reference")
    if lonely:
        y, h = lonely[0]
        die(f"survey: stratum {h!r} has a single PSU in the {y} wave ({len(lonely)} such strata); "
            "METHODS §2 makes this an error (lonely_psu: fail)")

    parts = []
    for scale, (qs, rev) in SCALES.items():
        # An item after missing codes and reversal (x' = lo + hi − x), NULL when missing.
        cols = [f"CASE WHEN {q} IS NULL OR {q} = {MISSING} THEN NULL ELSE "
                + (f"{lo + hi} - {q}" if q in rev else q) + f" END AS i{j}" for j, q in enumerate(qs)]
        parts.append(f"SELECT '{scale}' AS scale, municipality, year, weight AS w, stratum, psu, "
                     + ", ".join(cols) + " FROM survey")
    con.execute("CREATE TEMP TABLE items AS " + " UNION ALL ".join(parts))
    k = 4
    answered = " + ".join(f"(i{j} IS NOT NULL)::INTEGER" for j in range(k))
    total = " + ".join(f"coalesce(i{j}, 0)" for j in range(k))
    need = -(-k // 2)  # ⌈k/2⌉
    con.execute(f"""
        CREATE TEMP TABLE scored AS
        SELECT scale, municipality, year, w, stratum, psu,
               100.0 * (({total})::DOUBLE / ({answered}) - {lo}) / {hi - lo} AS y,
               CASE WHEN ({total})::DOUBLE / ({answered}) > {(lo + hi) / 2} THEN 1.0 ELSE 0.0 END AS agree
        FROM items WHERE ({answered}) >= {need}""")

    # Domain estimates (METHODS §2): the municipality's scored respondents d within the wave's
    # design. z_i = w_i(v_i − v̄_d)/Ŵ_d on d and 0 elsewhere, so a stratum's PSUs without a member
    # of d have z_hj = 0: with S_h = Σ_{j∈d} z_hj, m_h of them and z̄_h = S_h/n_h,
    # Σ_j (z_hj − z̄_h)² = Σ_{j∈d} (z_hj − z̄_h)² + (n_h − m_h)·z̄_h², without materialising the zeros.
    # df = PSUs with a member of d − strata with a member of d.
    res = con.execute("""
        WITH g AS (
            SELECT scale, municipality, year, count(*) AS n, count_if(agree = 1.0) AS n_agree, sum(w) AS sw,
                   sum(w * y) / sum(w) AS my, sum(w * agree) / sum(w) AS ma
            FROM scored GROUP BY ALL),
        z AS (
            SELECT s.scale, s.municipality, s.year, s.stratum, s.psu,
                   sum(s.w * (s.y - g.my) / g.sw) AS zy, sum(s.w * (s.agree - g.ma) / g.sw) AS za
            FROM scored s JOIN g USING (scale, municipality, year) GROUP BY ALL),
        hz AS (
            SELECT scale, municipality, year, stratum, count(*) AS mh, sum(zy) AS sy, sum(za) AS sa
            FROM z GROUP BY ALL),
        h AS (
            SELECT z.scale, z.municipality, z.year, z.stratum, any_value(wave_nh.nh) AS nh, any_value(hz.mh) AS mh,
                   sum((z.zy - hz.sy / wave_nh.nh) ** 2)
                     + (any_value(wave_nh.nh) - any_value(hz.mh)) * (any_value(hz.sy) / any_value(wave_nh.nh)) ** 2 AS ssy,
                   sum((z.za - hz.sa / wave_nh.nh) ** 2)
                     + (any_value(wave_nh.nh) - any_value(hz.mh)) * (any_value(hz.sa) / any_value(wave_nh.nh)) ** 2 AS ssa
            FROM z JOIN hz USING (scale, municipality, year, stratum) JOIN wave_nh USING (year, stratum)
            GROUP BY z.scale, z.municipality, z.year, z.stratum),
        v AS (
            SELECT scale, municipality, year, sum(nh / (nh - 1.0) * ssy) AS vy, sum(nh / (nh - 1.0) * ssa) AS va,
                   sum(mh) - count(*) AS df
            FROM h GROUP BY ALL)
        SELECT g.scale, g.municipality, g.year, g.n, g.n_agree, g.my, g.ma, v.vy, v.va, v.df
        FROM g JOIN v USING (scale, municipality, year)""").fetchall()
    for scale, m, y, n, n_agree, my, ma, vy, va, df in res:
        # survey.<scale>.index: ȳ_d ± t_{0.975,df}·SE.
        ind = f"survey.{scale}.index"
        se = ci_lo = ci_hi = dfo = None
        if n >= 2:
            se, dfo = max(vy, 0.0) ** 0.5, df
            if df >= 1:
                t = t975(df)
                ci_lo, ci_hi = my - t * se, my + t * se
        rows.append((ind, m, y, my, n, se, ci_lo, ci_hi, dfo, flags(ind, n, dfo, min_n)))
        # survey.<scale>.agree_share: p̂ with the Korn–Graubard interval; p̂ of exactly 0 or 1
        # (by the counts) has SE 0 and n_eff = n.
        ind = f"survey.{scale}.agree_share"
        p = 0.0 if n_agree == 0 else 1.0 if n_agree == n else ma
        se = ci_lo = ci_hi = dfo = None
        if n >= 2:
            dfo = df
            if n_agree in (0, n):
                se, n_eff = 0.0, float(n)
            else:
                se = max(va, 0.0) ** 0.5
                n_eff = p * (1 - p) / va * (t975(n - 1) / t975(df)) ** 2 if df >= 1 and va > 0 else None
            if df >= 1 and n_eff is not None:
                ci_lo = beta_ppf(0.025, n_eff * p, n_eff * (1 - p) + 1)
                ci_hi = beta_ppf(0.975, n_eff * p + 1, n_eff * (1 - p))
        rows.append((ind, m, y, p, n, se, ci_lo, ci_hi, dfo, flags(ind, n, dfo, min_n)))

    # Cronbach's alpha over complete cases, unweighted, sample variances.
    complete = " AND ".join(f"i{j} IS NOT NULL" for j in range(k))
    sumvar = " + ".join(f"var_samp(i{j})" for j in range(k))
    tot = " + ".join(f"i{j}" for j in range(k))
    res = con.execute(f"""
        SELECT scale, municipality, year, count(*) AS n, {sumvar} AS sv, var_samp({tot}) AS vt
        FROM items WHERE {complete} GROUP BY ALL""").fetchall()
    for scale, m, y, n, sv, vt in res:
        if n >= 2 and vt is not None and vt > 0:
            ind = f"survey.{scale}.alpha"
            rows.append((ind, m, y, k / (k - 1) * (1 - sv / vt), n, None, None, None, None, flags(ind, n, None, min_n)))
    return rows


def csv_source(path, types):
    """A read_csv(...) table expression for path, typed as `types` for the columns its header has; an
    optional column the file lacks reads as a NULL column. Returns (expression, the header's columns)."""
    cols = set(header(path))
    present = {c: t for c, t in types.items() if c in cols}
    absent = ", ".join(f"NULL::{t} AS {c}" for c, t in types.items() if c not in cols)
    expr = f"read_csv('{path}', header = true, delim = ',', types = {present})"
    return (f"(SELECT *, {absent} FROM {expr})" if absent else expr), cols


def absent_ok(cols, indicator):
    """METHODS §1: False when the indicator needs an optional column the file lacks (no row at all)."""
    return not any(indicator in needs and col not in cols for col, needs in OPTIONAL_NEEDS.items())


def engagement(con, path, pop_path, min_n):
    src, cols = csv_source(path, {'municipality': 'VARCHAR', 'date': 'DATE', 'participant_id': 'VARCHAR',
                                  'initiative_id': 'VARCHAR', 'event_id': 'VARCHAR'})
    con.execute(f"""CREATE TEMP TABLE eng AS SELECT municipality, year(date) AS year, participant_id AS p, initiative_id AS i
        FROM {src}""")
    con.execute(f"""CREATE TEMP TABLE pop AS SELECT * FROM read_csv('{pop_path}', header = true, delim = ',',
        types = {{'municipality': 'VARCHAR', 'year': 'INTEGER', 'population': 'DOUBLE'}})""")
    res = con.execute("""
        WITH per AS (
            SELECT municipality, year, p, count(*) AS x, count(DISTINCT i) AS ni FROM eng GROUP BY ALL),
        ranked AS (
            SELECT *, row_number() OVER (PARTITION BY municipality, year ORDER BY x) AS r FROM per)
        SELECT r.municipality, r.year, count(*) AS n, sum(x) AS actions,
               sum(CASE WHEN ni >= 2 THEN 1 ELSE 0 END) AS repeaters, sum(r * x) AS rx, pop.population
        FROM ranked r LEFT JOIN pop USING (municipality, year) GROUP BY r.municipality, r.year, pop.population""").fetchall()
    rows = []
    repeat = absent_ok(cols, "engagement.repeat_share")
    for m, y, n, actions, repeaters, rx, population in res:
        rows.append(("engagement.participants", m, y, float(n), n, None, None, None, None, ""))
        if population is not None and population > 0:
            rows.append(("engagement.participants_per_1000", m, y, n / population * 1000, n, None, None, None, None, ""))
        rows.append(("engagement.actions_per_participant", m, y, actions / n, n, None, None, None, None, ""))
        if repeat:
            ind = "engagement.repeat_share"
            rows.append((ind, m, y, repeaters / n, n, None, None, None, None, flags(ind, n, None, min_n)))
        if n >= 2:
            # METHODS §3: G = 2·Σ i·x₍ᵢ₎ / (n·Σx) − (n+1)/n
            rows.append(("engagement.gini", m, y, 2 * rx / (n * actions) - (n + 1) / n, n, None, None, None, None, ""))
    return rows


def publications(con, path):
    src, cols = csv_source(path, {'municipality': 'VARCHAR', 'registered': 'DATE', 'published': 'DATE',
                                  'access': 'VARCHAR', 'record_type': 'VARCHAR', 'format': 'VARCHAR',
                                  'licence': 'VARCHAR', 'linked': 'VARCHAR', 'record_id': 'VARCHAR',
                                  'exemption_basis': 'VARCHAR'})
    con.execute(f"""CREATE TEMP TABLE pub AS SELECT municipality, year(registered) AS year, registered, published, access,
            record_type, lower(format) AS format, lower(licence) AS licence, lower(linked) AS linked
        FROM {src}""")
    rows = []
    res = con.execute("""
        SELECT municipality, year, count(*) AS n,
               sum(CASE WHEN access = 'open' AND published IS NOT NULL THEN 1 ELSE 0 END) AS open_pub,
               sum(CASE WHEN access = 'exempt' THEN 1 ELSE 0 END) AS exempt,
               count(published) AS npub,
               quantile_cont(published - registered, 0.5) AS lag50,
               quantile_cont(published - registered, 0.9) AS lag90
        FROM pub GROUP BY ALL""").fetchall()
    has_published = absent_ok(cols, "publication.open_share")
    for m, y, n, open_pub, exempt, npub, lag50, lag90 in res:
        if has_published:
            rows.append(("publication.open_share", m, y, open_pub / n, n, None, None, None, None, ""))
        rows.append(("publication.exempt_share", m, y, exempt / n, n, None, None, None, None, ""))
        if npub > 0 and has_published:
            rows.append(("publication.lag_median_days", m, y, float(lag50), npub, None, None, None, None, ""))
            rows.append(("publication.lag_p90_days", m, y, float(lag90), npub, None, None, None, None, ""))
    if not absent_ok(cols, "opendata.open_licence_share"):
        return rows
    stars_case = "CASE WHEN licence NOT IN " + sql_list(OPEN_LICENCES) + " OR licence IS NULL THEN 0 "
    stars_case += ("WHEN format IN " + sql_list(STARS_FORMATS[4]) + " AND linked IN ('true', 'yes') THEN 5 ")
    for s in (4, 3, 2, 1):
        stars_case += "WHEN format IN " + sql_list(STARS_FORMATS[s]) + f" THEN {s} "
    stars_case += "ELSE 1 END"
    res = con.execute(f"""
        SELECT municipality, year, count(*) AS n,
               sum(CASE WHEN licence IN {sql_list(OPEN_LICENCES)} THEN 1 ELSE 0 END) AS open_lic,
               sum({stars_case}) AS stars
        FROM pub WHERE record_type = 'dataset' GROUP BY ALL""").fetchall()
    for m, y, n, open_lic, stars in res:
        rows.append(("opendata.open_licence_share", m, y, open_lic / n, n, None, None, None, None, ""))
        rows.append(("opendata.stars_mean", m, y, stars / n, n, None, None, None, None, ""))
    return rows


def access_requests(con, path, min_n):
    # METHODS §5 calendar: holidays from refcommon, weekdays and the running count in SQL.
    hol = ", ".join(f"(DATE '{d.isoformat()}')" for y in range(2000, 2061) for d in sorted(holidays(y)))
    con.execute(f"CREATE TEMP TABLE hol (h DATE); INSERT INTO hol VALUES {hol}")
    con.execute("""
        CREATE TEMP TABLE cal AS
        SELECT d::DATE AS d,
               sum(CASE WHEN isodow(d) <= 5 AND d::DATE NOT IN (SELECT h FROM hol) THEN 1 ELSE 0 END) OVER (ORDER BY d) AS cum
        FROM range(DATE '2000-01-01', DATE '2061-01-01', INTERVAL 1 DAY) t(d)""")
    src, cols = csv_source(path, {'municipality': 'VARCHAR', 'received': 'DATE', 'answered': 'DATE',
                                  'outcome': 'VARCHAR', 'request_id': 'VARCHAR'})
    con.execute(f"""CREATE TEMP TABLE req AS
        SELECT r.municipality, year(r.received) AS year, r.answered IS NOT NULL AS is_answered, r.outcome,
               cb.cum - ca.cum AS wd
        FROM {src} r
        JOIN cal ca ON ca.d = r.received LEFT JOIN cal cb ON cb.d = r.answered""")
    # foi.granted_share (METHODS §5): (granted + partial) / answered requests with an outcome.
    res = con.execute("""
        SELECT municipality, year, count(*) AS n, count_if(is_answered) AS na,
               count_if(is_answered AND wd <= 3) AS w3, count_if(is_answered AND wd <= 5) AS w5,
               quantile_cont(wd, 0.5) FILTER (WHERE is_answered) AS med,
               count_if(is_answered AND outcome IS NOT NULL AND outcome <> '') AS n_outcome,
               count_if(is_answered AND outcome IN ('granted', 'partial')) AS granted
        FROM req GROUP BY ALL""").fetchall()
    rows = []
    has_outcome = absent_ok(cols, "foi.granted_share")
    for m, y, n, na, w3, w5, med, n_outcome, granted in res:
        for ind, x in (("foi.within_3_workdays_share", w3), ("foi.within_5_workdays_share", w5)):
            rows.append((ind, m, y, x / n, n, None, None, None, None, flags(ind, n, None, min_n)))
        if na > 0:
            rows.append(("foi.median_workdays", m, y, float(med), na, None, None, None, None, ""))
        if n_outcome > 0 and has_outcome:
            ind = "foi.granted_share"
            rows.append((ind, m, y, granted / n_outcome, n_outcome, None, None, None, None,
                         flags(ind, n_outcome, None, min_n)))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--pipeline", help="pipeline file to take min_n and lonely_psu from (default: min_n 5, fail)")
    a = ap.parse_args()
    t0 = time.perf_counter()
    min_n, lonely_psu = pipeline_settings(a.pipeline)
    con = duckdb.connect()
    if a.threads:
        con.execute(f"SET threads TO {a.threads}")
    p = lambda name: os.path.join(a.data, name).replace("'", "''")
    rows = survey(con, p("survey.csv"), min_n, lonely_psu)
    t1 = time.perf_counter()
    rows += engagement(con, p("engagement.csv"), p("population.csv"), min_n)
    rows += publications(con, p("publications.csv"))
    rows += access_requests(con, p("access_requests.csv"), min_n)
    n = write_indicators(rows, a.out)
    print(f"duckdb: {n} indicator rows in {time.perf_counter() - t0:.2f} s (survey {t1 - t0:.2f} s) -> {a.out}")


if __name__ == "__main__":
    main()
