#!/usr/bin/env python3
"""Reference implementation of Åpen's built-in indicators (METHODS.md §2–§5) in DuckDB SQL.

Reads the five canonical CSV files that `apen generate` writes (`survey.csv`,
`engagement.csv`, `publications.csv`, `access_requests.csv`, `population.csv`) and writes
the METHODS §1 indicator CSV, so bench/compare.py can diff it against reference_polars.py
and against Åpen's reports/national/indicators.csv. Written from METHODS.md alone.

Usage: reference_duckdb.py DATA_DIR OUT.csv [--threads N]
"""
from __future__ import annotations

import argparse
import os
import time

import duckdb

from refcommon import (LIKERT, MISSING, OPEN_LICENCES, SCALES, STARS_FORMATS, Z95, die, holidays,
                       write_indicators)


def sql_list(values):
    return "(" + ", ".join("'" + v + "'" for v in values) + ")"


def survey(con, path):
    items = [q for qs, _ in SCALES.values() for q in qs]
    types = {"municipality": "VARCHAR", "year": "INTEGER", "weight": "DOUBLE", "stratum": "VARCHAR",
             "psu": "VARCHAR", "respondent_id": "VARCHAR"} | {q: "INTEGER" for q in items}
    con.execute(f"CREATE TEMP TABLE survey AS SELECT * FROM read_csv('{path}', header = true, delim = ',', types = {types})")
    lo, hi = LIKERT
    rows = []
    # survey.responses: respondent rows per group.
    for m, y, n in con.execute("SELECT municipality, year, count(*) FROM survey GROUP BY ALL").fetchall():
        rows.append(("survey.responses", m, y, float(n), n, None, None, None))

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

    # Weighted mean and Taylor-linearised SE (METHODS §2), design formed from scored respondents.
    for var, suffix in (("y", "index"), ("agree", "agree_share")):
        res = con.execute(f"""
            WITH g AS (
                SELECT scale, municipality, year, sum(w) AS sw, sum(w * {var}) / sum(w) AS mean, count(*) AS n
                FROM scored GROUP BY ALL),
            z AS (
                SELECT s.scale, s.municipality, s.year, s.stratum, s.psu,
                       sum(s.w * (s.{var} - g.mean) / g.sw) AS zhj
                FROM scored s JOIN g USING (scale, municipality, year) GROUP BY ALL),
            h AS (
                SELECT scale, municipality, year, stratum, count(*) AS nh, avg(zhj) AS zbar
                FROM z GROUP BY ALL),
            hs AS (
                SELECT z.scale, z.municipality, z.year, z.stratum, h.nh,
                       sum((z.zhj - h.zbar) * (z.zhj - h.zbar)) AS ss
                FROM z JOIN h USING (scale, municipality, year, stratum) GROUP BY ALL),
            v AS (
                SELECT scale, municipality, year, min(nh) AS min_nh,
                       sum(CASE WHEN nh > 1 THEN nh / (nh - 1.0) * ss ELSE 0 END) AS var
                FROM hs GROUP BY ALL)
            SELECT g.scale, g.municipality, g.year, g.mean, g.n, v.var, v.min_nh
            FROM g JOIN v USING (scale, municipality, year)""").fetchall()
        for scale, m, y, mean, n, var, min_nh in res:
            se = lo_ci = hi_ci = None
            if n >= 2:
                if min_nh == 1:
                    die(f"survey: stratum with a single PSU in {m} {y} ({scale}); METHODS §2 makes this an error")
                se = max(var, 0.0) ** 0.5
                lo_ci, hi_ci = mean - Z95 * se, mean + Z95 * se
            rows.append((f"survey.{scale}.{suffix}", m, y, mean, n, se, lo_ci, hi_ci))

    # Cronbach's alpha over complete cases, unweighted, sample variances.
    complete = " AND ".join(f"i{j} IS NOT NULL" for j in range(k))
    sumvar = " + ".join(f"var_samp(i{j})" for j in range(k))
    tot = " + ".join(f"i{j}" for j in range(k))
    res = con.execute(f"""
        SELECT scale, municipality, year, count(*) AS n, {sumvar} AS sv, var_samp({tot}) AS vt
        FROM items WHERE {complete} GROUP BY ALL""").fetchall()
    for scale, m, y, n, sv, vt in res:
        if n >= 2 and vt is not None and vt > 0:
            rows.append((f"survey.{scale}.alpha", m, y, k / (k - 1) * (1 - sv / vt), n, None, None, None))
    return rows


def engagement(con, path, pop_path):
    con.execute(f"""CREATE TEMP TABLE eng AS SELECT municipality, year(date) AS year, participant_id AS p, initiative_id AS i
        FROM read_csv('{path}', header = true, delim = ',',
                      types = {{'municipality': 'VARCHAR', 'date': 'DATE', 'participant_id': 'VARCHAR', 'initiative_id': 'VARCHAR',
                                'event_id': 'VARCHAR'}})""")
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
    for m, y, n, actions, repeaters, rx, population in res:
        rows.append(("engagement.participants", m, y, float(n), n, None, None, None))
        if population is not None and population > 0:
            rows.append(("engagement.participants_per_1000", m, y, n / population * 1000, n, None, None, None))
        rows.append(("engagement.actions_per_participant", m, y, actions / n, n, None, None, None))
        rows.append(("engagement.repeat_share", m, y, repeaters / n, n, None, None, None))
        if n >= 2:
            # METHODS §3: G = 2·Σ i·x₍ᵢ₎ / (n·Σx) − (n+1)/n
            rows.append(("engagement.gini", m, y, 2 * rx / (n * actions) - (n + 1) / n, n, None, None, None))
    return rows


def publications(con, path):
    con.execute(f"""CREATE TEMP TABLE pub AS SELECT municipality, year(registered) AS year, registered, published, access,
            record_type, lower(format) AS format, lower(licence) AS licence, lower(linked) AS linked
        FROM read_csv('{path}', header = true, delim = ',',
                      types = {{'municipality': 'VARCHAR', 'registered': 'DATE', 'published': 'DATE', 'access': 'VARCHAR',
                                'record_type': 'VARCHAR', 'format': 'VARCHAR', 'licence': 'VARCHAR', 'linked': 'VARCHAR',
                                'record_id': 'VARCHAR', 'exemption_basis': 'VARCHAR'}})""")
    rows = []
    res = con.execute("""
        SELECT municipality, year, count(*) AS n,
               sum(CASE WHEN access = 'open' AND published IS NOT NULL THEN 1 ELSE 0 END) AS open_pub,
               sum(CASE WHEN access = 'exempt' THEN 1 ELSE 0 END) AS exempt,
               count(published) AS npub,
               quantile_cont(published - registered, 0.5) AS lag50,
               quantile_cont(published - registered, 0.9) AS lag90
        FROM pub GROUP BY ALL""").fetchall()
    for m, y, n, open_pub, exempt, npub, lag50, lag90 in res:
        rows.append(("publication.open_share", m, y, open_pub / n, n, None, None, None))
        rows.append(("publication.exempt_share", m, y, exempt / n, n, None, None, None))
        if npub > 0:
            rows.append(("publication.lag_median_days", m, y, float(lag50), npub, None, None, None))
            rows.append(("publication.lag_p90_days", m, y, float(lag90), npub, None, None, None))
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
        rows.append(("opendata.open_licence_share", m, y, open_lic / n, n, None, None, None))
        rows.append(("opendata.stars_mean", m, y, stars / n, n, None, None, None))
    return rows


def access_requests(con, path):
    # METHODS §5 calendar: holidays from refcommon, weekdays and the running count in SQL.
    hol = ", ".join(f"(DATE '{d.isoformat()}')" for y in range(2000, 2061) for d in sorted(holidays(y)))
    con.execute(f"CREATE TEMP TABLE hol (h DATE); INSERT INTO hol VALUES {hol}")
    con.execute("""
        CREATE TEMP TABLE cal AS
        SELECT d::DATE AS d,
               sum(CASE WHEN isodow(d) <= 5 AND d::DATE NOT IN (SELECT h FROM hol) THEN 1 ELSE 0 END) OVER (ORDER BY d) AS cum
        FROM range(DATE '2000-01-01', DATE '2061-01-01', INTERVAL 1 DAY) t(d)""")
    con.execute(f"""CREATE TEMP TABLE req AS
        SELECT r.municipality, year(r.received) AS year, r.answered IS NOT NULL AS is_answered, r.outcome,
               cb.cum - ca.cum AS wd
        FROM read_csv('{path}', header = true, delim = ',',
                      types = {{'municipality': 'VARCHAR', 'received': 'DATE', 'answered': 'DATE', 'outcome': 'VARCHAR',
                                'request_id': 'VARCHAR'}}) r
        JOIN cal ca ON ca.d = r.received LEFT JOIN cal cb ON cb.d = r.answered""")
    res = con.execute("""
        SELECT municipality, year, count(*) AS n, count_if(is_answered) AS na,
               count_if(is_answered AND wd <= 3) AS w3, count_if(is_answered AND wd <= 5) AS w5,
               quantile_cont(wd, 0.5) FILTER (WHERE is_answered) AS med,
               count_if(is_answered AND outcome IN ('granted', 'partial')) AS granted
        FROM req GROUP BY ALL""").fetchall()
    rows = []
    for m, y, n, na, w3, w5, med, granted in res:
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
    ap.add_argument("--threads", type=int, default=0)
    a = ap.parse_args()
    t0 = time.perf_counter()
    con = duckdb.connect()
    if a.threads:
        con.execute(f"SET threads TO {a.threads}")
    p = lambda name: os.path.join(a.data, name).replace("'", "''")
    rows = survey(con, p("survey.csv"))
    rows += engagement(con, p("engagement.csv"), p("population.csv"))
    rows += publications(con, p("publications.csv"))
    rows += access_requests(con, p("access_requests.csv"))
    n = write_indicators(rows, a.out)
    print(f"duckdb: {n} indicator rows in {time.perf_counter() - t0:.2f} s -> {a.out}")


if __name__ == "__main__":
    main()
