#!/usr/bin/env python3
"""Rebuilds datasets/municipalities/harmonisation.csv from Statistics Norway's classification 131.

Input: a folder of KLASS API responses for classification 131 (Standard for kommuneinndeling):

  changes.json            /api/klass/v1/classifications/131/changes.json?from=2012-01-02&to=2025-01-02
  Kommuneinndeling Y.json /api/klass/v1/versions/<id>.json for every version valid on a 1 January
                          of 2012-2024 (2012, 2013, 2015, 2017, 2018, 2019, 2020, 2022, 2023, 2024)

plus territory.csv in this folder (the splits whose parts are known territories, see README).

    python3 datasets/municipalities/build.py KLASS_FOLDER

writes datasets/municipalities/harmonisation.csv and the same text as a Swift string in
Sources/Ingest/Municipalities/MunicipalityCrosswalk+Data.swift (so `apen` needs no data file at
run time; a test checks that the two agree).

Method (METHODS.md §8). Every (code, version) is a node with a territory: a set of atoms. The 2012
version's municipalities are the first atoms. At each change date, a municipality continues, is
renumbered, merges (all of its atoms go to its one successor) or is split: then its atoms go to
the parts as territory.csv says, or, when the parts are not known territories, each atom is cut
into one piece per part everywhere it occurs (so every earlier unit that held it overlaps every
part). For a target structure T, a code not valid in T maps to the codes of T whose territory
overlaps its own (over every version it was valid in): one code is a merge or a renumbering,
several a split.
"""
import csv
import io
import json
import sys
from collections import defaultdict
from pathlib import Path

FIRST_YEAR = 2012
LAST_YEAR = 2024


def main(folder: Path) -> None:
    here = Path(__file__).resolve().parent
    versions = {}  # year of validFrom -> {code: name}
    for path in sorted(folder.glob("Kommuneinndeling *.json")):
        v = json.loads(path.read_text(encoding="utf-8"))
        year = int(v["validFrom"][:4])
        if FIRST_YEAR <= year <= LAST_YEAR:
            assert v["validFrom"].endswith("-01-01"), path
            versions[year] = {i["code"]: i["name"] for i in v["classificationItems"] if i["level"] == "1"}
    years = sorted(versions)
    assert years[0] == FIRST_YEAR and years[-1] == LAST_YEAR, years

    changes = defaultdict(list)  # year -> [(old, new)]
    for c in json.loads((folder / "changes.json").read_text(encoding="utf-8"))["codeChanges"]:
        date = c["changeOccurred"]
        if FIRST_YEAR < int(date[:4]) <= LAST_YEAR:
            assert date.endswith("-01-01"), c
            changes[int(date[:4])].append((c["oldCode"], c["newCode"]))
    for year in changes:
        assert year in versions, f"a change on {year}-01-01 but no version starts then"

    territory_of = defaultdict(dict)  # year -> old -> {new: [(code, version year)]}
    with open(here / "territory.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(row for row in f if not row.startswith("#")):
            parts = [(code, int(row["territory_version"])) for code in row["territory_of"].split()]
            territory_of[int(row["year"])].setdefault(row["old"], {})[row["new"]] = parts

    # Territories: node (code, year) -> set of atoms.
    terr = {(code, years[0]): {code + "@" + str(years[0])} for code in versions[years[0]]}
    previous = years[0]
    for year in years[1:]:
        successors = defaultdict(set)
        for old, new in changes.get(year, []):
            assert old in versions[previous] and new in versions[year], (year, old, new)
            successors[old].add(new)
        for code in versions[previous]:
            if code not in successors:
                assert code in versions[year], f"{code} ends in {year} without a change"
                successors[code] = {code}
        for old, news in sorted(successors.items()):
            atoms = terr[(old, previous)]
            if len(news) > 1 and old in territory_of[year]:
                known = territory_of[year][old]
                assert set(known) == news, (year, old, news, known)
                given = set()
                for new, parts in known.items():
                    part = set().union(*(terr[(c, y)] for c, y in parts))
                    assert not part & given and part <= atoms, (year, old, new)
                    given |= part
                    terr.setdefault((new, year), set()).update(part)
                assert given == atoms, (year, old, "the parts do not cover the whole")
            elif len(news) > 1:
                for atom in sorted(atoms):
                    pieces = {atom + "/" + new for new in news}
                    for node in terr:
                        if atom in terr[node]:
                            terr[node].discard(atom)
                            terr[node].update(pieces)
                for new in news:
                    terr.setdefault((new, year), set()).update(a for a in terr[(old, previous)] if a.endswith("/" + new))
            else:
                (new,) = news
                terr.setdefault((new, year), set()).update(atoms)
        for code in versions[year]:
            assert (code, year) in terr, f"{code} appears in {year} from nothing"
        previous = year

    names = {}
    for year in years:
        for code, name in versions[year].items():
            names.setdefault(code, {})[year] = name

    text = io.StringIO()
    out = csv.writer(text, lineterminator="\n")
    out.writerow(["structure", "code", "status", "harmonised", "name"])
    for target in years:
        valid = versions[target]
        for code in sorted(names):
            if code in valid:
                out.writerow([target, code, "valid", code, valid[code]])
                continue
            atoms = set().union(*(terr[(code, y)] for y in years if (code, y) in terr))
            hits = sorted(c for c in valid if terr[(c, target)] & atoms)
            assert hits, (target, code)
            latest = names[code][max(names[code])]
            out.writerow([target, code, "mapped" if len(hits) == 1 else "split", " ".join(hits), latest])
    data = text.getvalue()
    assert '"' not in data and "#" not in data
    (here / "harmonisation.csv").write_text(data, encoding="utf-8")
    swift = here.parent.parent / "Sources" / "Ingest" / "Municipalities" / "MunicipalityCrosswalk+Data.swift"
    swift.write_text(
        "// Generated by datasets/municipalities/build.py from Statistics Norway's classification 131;\n"
        "// do not edit. The same text as datasets/municipalities/harmonisation.csv.\n\n"
        "extension MunicipalityCrosswalk {\n"
        "    /// `datasets/municipalities/harmonisation.csv`, embedded.\n"
        '    package static let shippedCSV = #"""\n' + data + '"""#\n}\n',
        encoding="utf-8",
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
