import ApenCore
import Indicators

/// Writes `publications.csv`: the public records journal (postjournal) and open-data catalogue
/// (METHODS.md §4 input), one row per registered record.
///
/// Record types: letters in and out, notes, decisions, minutes and 2 % `dataset`. Access is
/// open (≈ 72 %, shifted by the municipality's openness), partial or exempt, with an
/// offentleglova exemption basis on the latter two. About 10 % of open/partial records and
/// 70 % of exempt ones are never published (empty `published`). The publication lag in
/// calendar days is power-law shaped (median a few days, a tail of months). Registration dates
/// fall on working days except for about 3 % on weekends and holidays. Datasets carry a
/// format (csv … rdf, some unknown or empty), a licence (open ones, a few written in lower
/// case, proprietary or empty) and `linked` (`true`/`false`).
enum PublicationsWriter {
    static let columns = [
        "record_id", "municipality", "record_type", "registered", "published", "access",
        "exemption_basis", "format", "licence", "linked",
    ]

    static let types = Choice([
        ("letter_in", 38.0), ("letter_out", 30), ("note", 12), ("decision", 12),
        ("minutes", 6), ("dataset", 2),
    ])
    static let bases = Choice([
        ("Offl. § 13 jf. fvl. § 13 (1) nr. 1", 55.0), ("Offl. § 14", 10), ("Offl. § 15 (1)", 6),
        ("Offl. § 23 (1)", 12), ("Offl. § 26 (1)", 5), ("Offl. § 13 jf. ofl. § 21", 12),
    ])
    static let formats = Choice([
        ("csv", 30.0), ("json", 12), ("xlsx", 15), ("pdf", 12), ("xml", 6), ("geojson", 5),
        ("rdf", 3), ("ttl", 2), ("jsonld", 2), ("html", 5), ("xls", 3), ("docx", 2),
        ("", 2), ("shp", 1),
    ])
    static let licences = Choice([
        ("NLOD-2.0", 35.0), ("CC-BY-4.0", 20), ("CC0-1.0", 10), ("NLOD-1.0", 5), ("ODbL-1.0", 2),
        ("PDDL-1.0", 1), ("CC-BY-SA-4.0", 2), ("cc-by-4.0", 2), ("nlod-2.0", 1),
        ("Alle rettigheter reservert", 8), ("", 14),
    ])
    /// Free-text titles for the dialect's `tittel` column (æøå on purpose, for Windows-1252).
    static let titles = [
        "Søknad om byggeløyve – gnr. 12 bnr. 4", "Møtebok formannskapet", "Klage på vedtak om skoleskyss",
        "Årsrapport for økonomi", "Høringsuttalelse – kommuneplanens arealdel", "Innsynskrav i postjournal",
        "Tilsagn om tilskudd til frivillige lag", "Vedtak om startlån", "Referat fra møte i eldrerådet",
        "Bestilling av brøyting på Øvre Møllenberg", "Søknad om skjenkebevilling",
        "Svar på spørsmål fra bystyrerepresentant",
    ]

    static func write(plan: GenerationPlan, dialect: Dialect, path: String) throws -> Int {
        let w = try RowWriter(path: path, dialect: dialect)
        w.header(columns + (dialect.titleColumn ? ["tittel"] : []))
        let calendar = WorkdayTable(years: 1990...2100)
        let typeBytes = types.values.map { w.encode($0) }
        let datasetIndex = types.values.firstIndex(of: "dataset")!
        let baseBytes = bases.values.map { w.encode($0) }
        let formatBytes = formats.values.map { w.encode($0) }
        let rdfLike: Set<String> = ["rdf", "ttl", "jsonld"]
        let licenceBytes = licences.values.map { w.encode($0) }
        let titleBytes = titles.map { w.encode($0) }
        let accessBytes = ["open", "partial", "exempt"].map { w.encode($0) }
        let trueBytes = w.encode("true")
        let falseBytes = w.encode("false")
        for m in plan.municipalities {
            let traits = MunicipalityTraits(seed: plan.seed, municipality: m)
            let code = w.encode(m.code)
            let pOpen = min(0.9, max(0.5, 0.72 + 0.06 * traits.openness))
            let pPartial = (1 - pOpen) / 2
            for year in plan.years {
                let n = plan.count(.publications, m, year)
                if n == 0 { continue }
                var rng = Xoshiro256(
                    seed: SplitMix64.mix(plan.seed, SourceKind.publications.streamKey, m.streamKey, UInt64(year)))
                let first = Day(year: year, month: 1, day: 1)!
                let daysInYear = Day.isLeapYear(year) ? 366 : 365
                let yearPrefix = w.encode("\(year)/")
                var caseNumber = 0
                var document = 0
                for _ in 0..<n {
                    if caseNumber == 0 || rng.chance(0.4) {
                        caseNumber += 1
                        document = 1
                    } else {
                        document += 1
                    }
                    var registered = first.adding(days: rng.below(daysInYear))
                    var tries = 0
                    while !calendar.isWorkingDay(registered) && tries < 4 && rng.chance(0.97) {
                        registered = first.adding(days: rng.below(daysInYear))
                        tries += 1
                    }
                    let type = types.drawIndex(&rng)
                    let access: Int  // 0 open, 1 partial, 2 exempt
                    if type == datasetIndex {
                        access = 0
                    } else {
                        let u = rng.uniform()
                        access = u < pOpen ? 0 : (u < pOpen + pPartial ? 1 : 2)
                    }
                    let published = rng.chance(access == 2 ? 0.3 : 0.9)
                    w.id(yearPrefix, caseNumber, UInt8(ascii: "-"), document)
                    w.raw(code)
                    w.raw(typeBytes[type])
                    w.date(registered)
                    if published {
                        w.date(registered.adding(days: rng.powerLaw(r: 0.5, maxTier: 8) - 1))
                    } else {
                        w.empty()
                    }
                    w.raw(accessBytes[access])
                    if access == 0 { w.empty() } else { w.raw(baseBytes[bases.drawIndex(&rng)]) }
                    if type == datasetIndex {
                        let f = formats.drawIndex(&rng)
                        w.raw(formatBytes[f])
                        w.raw(licenceBytes[licences.drawIndex(&rng)])
                        w.raw(rdfLike.contains(formats.values[f]) && rng.chance(0.6) ? trueBytes : falseBytes)
                    } else {
                        w.empty()
                        w.empty()
                        w.empty()
                    }
                    if dialect.titleColumn { w.raw(titleBytes[rng.below(titleBytes.count)]) }
                    w.endRow()
                }
            }
        }
        try w.finish()
        return w.rows
    }
}
