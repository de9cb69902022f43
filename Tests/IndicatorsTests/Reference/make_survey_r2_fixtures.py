#!/usr/bin/env python3
"""Writes the synthetic survey fixtures of Fixtures/survey-r2/ and their manifest.json.

Every row is made up here (seeded, no third-party data). The expected values come from
R's `survey` package: run `Rscript Tests/IndicatorsTests/Reference/survey_r2.R` after
this script (METHODS.md §2, revision 2).

Each fixture is built from an explicit layout, (stratum, PSU) -> [(municipality, count,
kind)], so that the edge cases the tests need are there by construction:

  kind   trust scale (q1, q2, q3 reversed)          voice scale (q2, q4)
  free   random answers, some missing (empty/9)     random
  scored as free, but always with a trust score      random
  agree  score > midpoint (all answers varied)      random
  disag  score <= midpoint                          random
  mid    score exactly the midpoint (not agree)     random
  none   < ceil(3/2) items answered: no score       q2, q4 missing: no score
  voice  no trust item answered: no score           only q4 answered: scored

Rows are shuffled within a file (results must not depend on row order).
Usage: python3 make_survey_r2_fixtures.py   (writes next to ../Fixtures/survey-r2)
"""

import json
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Fixtures", "survey-r2")

TRUST = {"items": ["q1", "q2", "q3"], "reverse": ["q3"]}
VOICE = {"items": ["q2", "q4"], "reverse": []}


class Gen:
    def __init__(self, seed, lo, hi, missing_codes, items):
        self.r = random.Random(seed)
        self.lo, self.hi = lo, hi
        self.missing = missing_codes  # codes that mean "missing" besides an empty cell
        self.items = items  # item columns present in the file

    def miss(self):
        """An unanswered cell: empty, or a declared missing code."""
        if self.missing and self.r.random() < 0.5:
            return str(self.r.choice(self.missing))
        return ""

    def answer(self):
        return str(self.r.randint(self.lo, self.hi))

    def trust_sum(self, cells):
        """(sum of answered recoded trust items, number answered)."""
        total, k = 0, 0
        for name in TRUST["items"]:
            c = cells[name]
            if c == "" or (self.missing and int(c) in self.missing):
                continue
            x = int(c)
            if name in TRUST["reverse"]:
                x = self.lo + self.hi - x
            total, k = total + x, k + 1
        return total, k

    def respondent(self, kind):
        r = self.r
        while True:
            cells = {}
            for name in self.items:
                cells[name] = self.answer() if r.random() < 0.85 else self.miss()
            if kind == "none":
                answered = r.choice(["q1", "q3", None])
                for name in ("q1", "q2", "q3", "q4"):
                    if name in cells and name != answered:
                        cells[name] = self.miss()
                return cells
            if kind == "voice":
                for name in ("q1", "q2", "q3"):
                    cells[name] = self.miss()
                cells["q4"] = self.answer()
                return cells
            s, k = self.trust_sum(cells)
            if k < math.ceil(len(TRUST["items"]) / 2):
                if kind == "free":
                    return cells  # an unscored respondent now and then
                continue
            twice_mid = self.lo + self.hi  # compare 2*s vs (lo+hi)*k in integers
            if kind in ("free", "scored"):
                return cells
            if kind == "agree" and 2 * s > twice_mid * k:
                return cells
            if kind == "disag" and 2 * s <= twice_mid * k:
                return cells
            if kind == "mid" and 2 * s == twice_mid * k:
                return cells


def weight(r):
    return f"{r.uniform(0.4, 4.0):.2f}"


def build(gen, year_layouts, columns, weighted=True, psu_col=True, strata_col=True):
    """year_layouts: {year: {(stratum, psu): [(muni, count, kind), ...]}}."""
    rows = []
    for year, layout in year_layouts.items():
        for (stratum, psu), members in layout.items():
            for muni, count, kind in members:
                for _ in range(count):
                    cells = gen.respondent(kind)
                    row = {"municipality": muni, "year": str(year)}
                    if strata_col:
                        row["stratum"] = stratum
                    if psu_col:
                        row["psu"] = psu
                    if weighted:
                        row["weight"] = weight(gen.r)
                    row.update(cells)
                    rows.append(row)
    gen.r.shuffle(rows)
    return [{c: row.get(c, "") for c in columns} for row in rows]


def write(name, columns, rows):
    with open(os.path.join(OUT, name), "w", newline="\n") as f:
        f.write(",".join(columns) + "\n")
        for row in rows:
            f.write(",".join(row[c] for c in columns) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = []

    def case(name, file, likert, missing, scales, strata, psu, weight_, fpc, lonely, note):
        cases.append({
            "name": name, "file": file, "likert": likert, "missing": missing,
            "scales": scales, "strata": strata, "psu": psu, "weight": weight_, "fpc": fpc,
            "lonely": lonely, "expected": name + "_expected.csv", "covers": note,
        })

    # ---- A: strata spanning municipalities, PSU codes reused across strata (nest),
    # shared PSUs, unscored respondents, a domain inside one PSU (5014), a domain with
    # one scored respondent for trust (5020), p = 1 (3101) and p = 0 (1103) for trust,
    # a PSU with no scored respondent at all (stratum 3, PSU 4; 4601 has no row).
    a = {2023: {
        ("1", "1"): [("5001", 3, "free"), ("5006", 3, "free"), ("5001", 1, "none")],
        ("1", "2"): [("5001", 4, "free"), ("5006", 1, "none")],
        ("1", "3"): [("5006", 3, "free"), ("5007", 4, "free")],
        ("1", "4"): [("5001", 3, "free"), ("5007", 1, "none")],
        ("1", "5"): [("5001", 2, "free"), ("5006", 3, "free")],
        ("1", "6"): [("5001", 4, "free")],
        ("2", "1"): [("0301", 3, "free"), ("5014", 5, "free"), ("5014", 1, "none")],
        ("2", "2"): [("0301", 3, "free"), ("5007", 3, "free")],
        ("2", "3"): [("0301", 3, "free"), ("5020", 1, "agree"), ("5020", 1, "voice")],
        ("2", "4"): [("0301", 4, "free"), ("0301", 1, "none")],
        ("2", "5"): [("0301", 3, "free")],
        ("3", "1"): [("3101", 3, "agree"), ("1103", 2, "disag"), ("1103", 1, "mid")],
        ("3", "2"): [("3101", 3, "agree"), ("1103", 2, "disag")],
        ("3", "3"): [("1103", 2, "disag"), ("5001", 3, "free"), ("3101", 1, "none")],
        ("3", "4"): [("3101", 3, "agree")],
        ("3", "5"): [("1103", 3, "disag")],
        ("3", "6"): [("4601", 3, "none")],
    }}
    cols_a = ["municipality", "year", "stratum", "psu", "weight", "q1", "q2", "q3", "q4"]
    rows_a = build(Gen(20231, 1, 5, [9], ["q1", "q2", "q3", "q4"]), a, cols_a)
    write("strata_psu.csv", cols_a, rows_a)
    both = {"trust": TRUST, "voice": VOICE}
    case("strata_psu", "strata_psu.csv", [1, 5], [9], both, True, True, True, False, "fail",
         "3 strata spanning municipalities; PSU codes 1-6 reused in every stratum (nest); "
         "PSUs shared by two municipalities; unscored respondents (their PSUs count in n_h; "
         "stratum 3 PSU 4 has no scored respondent); unequal weights; missing as empty and "
         "as code 9; 5014 inside one PSU (se 0, df 0, no interval); 5020 one scored "
         "respondent for trust (no se/ci/df) and two in one PSU for voice (df 0); "
         "trust p=1 in 3101 and p=0 in 1103 (one score exactly at the midpoint)")

    # Same rows with an fpc column: population PSU counts N_h, and sampling fractions.
    n_pop = {"1": "15", "2": "8", "3": "20"}
    frac = {"1": "0.4", "2": "0.3", "3": "0.5"}
    cols_f = cols_a[:5] + ["fpc"] + cols_a[5:]
    for suffix, table, note in (("count", n_pop, "fpc as population PSU counts N_h = 15, 8, 20"),
                                ("fraction", frac, "fpc as sampling fractions 0.4, 0.3, 0.5")):
        rows = [dict(r, fpc=table[r["stratum"]]) for r in rows_a]
        write(f"strata_psu_fpc_{suffix}.csv", cols_f, rows)
        case(f"strata_psu_fpc_{suffix}", f"strata_psu_fpc_{suffix}.csv", [1, 5], [9], both,
             True, True, True, True, "fail", "rows of strata_psu with " + note)

    # ---- B: no declared design (every respondent its own PSU, one stratum), weight 1.
    b = {2023: {
        ("", ""): [("5001", 12, "free"), ("0301", 9, "free"), ("0301", 1, "none"),
                   ("1103", 3, "disag"), ("1103", 1, "none"), ("5006", 1, "scored"),
                   ("5006", 2, "none"), ("3101", 5, "agree")],
    }}
    cols_b = ["municipality", "year", "q1", "q2", "q3"]
    rows_b = build(Gen(20232, 1, 5, [9], ["q1", "q2", "q3"]), b, cols_b,
                   weighted=False, psu_col=False, strata_col=False)
    write("no_design.csv", cols_b, rows_b)
    case("no_design", "no_design.csv", [1, 5], [9], {"trust": TRUST}, False, False, False,
         False, "fail", "no weight, stratum or psu column: weight 1, every respondent its "
         "own PSU in one stratum; 5006 one scored respondent; 3101 p=1; 1103 p=0")

    # ---- B2: weights only (no strata, no PSUs).
    cols_b2 = ["municipality", "year", "weight", "q1", "q2", "q3"]
    rows_b2 = build(Gen(20233, 1, 5, [9], ["q1", "q2", "q3"]), b, cols_b2,
                    weighted=True, psu_col=False, strata_col=False)
    write("weights_only.csv", cols_b2, rows_b2)
    case("weights_only", "weights_only.csv", [1, 5], [9], {"trust": TRUST}, False, False, True,
         False, "fail", "unequal weights, no strata, no PSUs")

    # ---- C: a stratum (B) with a single PSU in the wave, holding two municipalities.
    c = {2023: {
        ("A", "1"): [("5001", 3, "free"), ("1103", 3, "free")],
        ("A", "2"): [("5001", 3, "free"), ("1103", 1, "none")],
        ("A", "3"): [("1103", 4, "free")],
        ("A", "4"): [("5001", 2, "free"), ("0301", 3, "free")],
        ("B", "1"): [("5001", 3, "free"), ("5006", 4, "free"), ("5035", 2, "free")],
        ("C", "1"): [("5006", 3, "free"), ("0301", 3, "free")],
        ("C", "2"): [("0301", 3, "free"), ("5006", 2, "free")],
        ("C", "3"): [("5006", 2, "free"), ("0301", 2, "free"), ("5006", 1, "none")],
    }}
    cols_c = ["municipality", "year", "stratum", "psu", "weight", "q1", "q2", "q3"]
    rows_c = build(Gen(20234, 1, 5, [9], ["q1", "q2", "q3"]), c, cols_c)
    write("lonely.csv", cols_c, rows_c)
    for rule in ("remove", "adjust"):
        case(f"lonely_{rule}", "lonely.csv", [1, 5], [9], {"trust": TRUST}, True, True, True,
             False, rule, f"stratum B has one PSU (5001, 5006 and 5035, which lies wholly in it: "
             f"se 0, df 0); lonely_psu {rule}")
    fpc_c = {"A": "10", "B": "3", "C": "6"}
    cols_cf = cols_c[:5] + ["fpc"] + cols_c[5:]
    write("lonely_fpc.csv", cols_cf, [dict(r, fpc=fpc_c[r["stratum"]]) for r in rows_c])
    case("lonely_adjust_fpc", "lonely_fpc.csv", [1, 5], [9], {"trust": TRUST}, True, True, True,
         True, "adjust", "lonely.csv rows with fpc N_h = 10, 3, 6 under adjust: R multiplies "
         "the lonely stratum's (z_h1 - 0)^2 by f_h = 1 - 1/N_h (see report)")

    # ---- D: 0-10 scale, no missing codes (9 is an answer), PSUs without strata.
    d = {2023: {
        ("", "1"): [("5001", 3, "free"), ("5006", 2, "free")],
        ("", "2"): [("5001", 4, "free")],
        ("", "3"): [("5006", 3, "free"), ("0301", 3, "free")],
        ("", "4"): [("0301", 3, "free"), ("5001", 1, "mid")],
        ("", "5"): [("1103", 3, "free"), ("0301", 2, "none")],
        ("", "6"): [("1103", 3, "free"), ("5006", 1, "mid")],
        ("", "7"): [("5001", 2, "free"), ("1103", 2, "free"), ("0301", 2, "free")],
        ("", "8"): [("5006", 3, "free"), ("0301", 1, "free")],
    }}
    cols_d = ["municipality", "year", "psu", "weight", "q1", "q2", "q3"]
    gen_d = Gen(20235, 0, 10, [], ["q1", "q2", "q3"])
    gen_d.answer = lambda: str(gen_d.r.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 10, 10]))
    rows_d = build(gen_d, d, cols_d, strata_col=False)
    write("likert_0_10.csv", cols_d, rows_d)
    case("likert_0_10", "likert_0_10.csv", [0, 10], [], {"trust": TRUST}, False, True, True,
         False, "fail", "Likert 0-10, no missing codes (9 is an answer, reversed to 1); "
         "PSUs without strata; scores exactly at the midpoint 5")

    # ---- E: two years in one file; the same stratum/PSU codes in both; each year is its
    # own wave (2022: stratum 1 has 3 PSUs; 2023: 2 PSUs, so pooling would change n_h).
    e = {
        2022: {
            ("1", "1"): [("5001", 4, "free"), ("5006", 2, "free")],
            ("1", "2"): [("5001", 3, "free")],
            ("1", "3"): [("5006", 3, "free"), ("5001", 1, "none")],
            ("2", "1"): [("5006", 3, "free"), ("5001", 2, "free")],
            ("2", "2"): [("5006", 4, "free")],
        },
        2023: {
            ("1", "1"): [("5001", 4, "free"), ("0301", 3, "free")],
            ("1", "2"): [("5001", 4, "free"), ("5006", 2, "free")],
            ("2", "1"): [("5006", 3, "free"), ("0301", 2, "free")],
            ("2", "2"): [("5006", 2, "free"), ("0301", 3, "free")],
            ("2", "3"): [("5001", 3, "free"), ("0301", 1, "none")],
        },
    }
    cols_e = ["municipality", "year", "stratum", "psu", "weight", "q1", "q2", "q3"]
    rows_e = build(Gen(20236, 1, 5, [9], ["q1", "q2", "q3"]), e, cols_e)
    write("two_years.csv", cols_e, rows_e)
    case("two_years", "two_years.csv", [1, 5], [9], {"trust": TRUST}, True, True, True, False,
         "fail", "years 2022 and 2023 in one file with the same stratum/PSU codes; each "
         "year is its own wave (estimated separately)")

    # Survey breakdowns (METHODS r2 §2): the strata_psu respondents with an age group cycling
    # 18-29, 30-49, 50+, empty by row, so each group is a domain of its own that spans strata,
    # PSUs and municipalities, some with one respondent or one PSU, and the empty cells belong
    # to no breakdown domain.
    with open(os.path.join(OUT, "strata_psu.csv"), newline="") as f:
        lines = f.read().split("\n")
    groups = ["18-29", "30-49", "50+", ""]
    out = [lines[0] + ",aldersgruppe"]
    out += [line + "," + groups[i % 4] for i, line in enumerate(lines[1:]) if line]
    with open(os.path.join(OUT, "breakdowns.csv"), "w", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    case("breakdowns", "breakdowns.csv", [1, 5], [9], {"trust": TRUST, "voice": VOICE}, True, True, True,
         False, "fail", "strata_psu with breakdowns: [aldersgruppe] (18-29, 30-49, 50+ cycling by row, "
         "every fourth empty); each (municipality, age group) a domain of the wave's design")
    cases[-1]["breakdowns"] = ["aldersgruppe"]

    with open(os.path.join(OUT, "manifest.json"), "w", newline="\n") as f:
        json.dump(cases, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
