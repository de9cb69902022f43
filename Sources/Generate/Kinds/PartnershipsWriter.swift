import ApenCore

/// Writes the example's `partnerships.csv`: a synthetic register of each municipality's
/// collaboration agreements with external partners, exported once a year, read as a `table`
/// source (METHODS §1) by the example pipeline's partnership indicators.
///
/// One row per agreement and reporting year in which it was in force for at least a day
/// (started by 31 December, not ended before 1 January):
/// `kommunenr, aar, avtale_id, partner, partnertype, startdato, sluttdato, deler_data_apent`.
/// `partnertype` is `research`, `business`, `civil_society` or `public`; `sluttdato` is empty
/// for an open-ended agreement; `deler_data_apent` (the agreement publishes its data openly) is
/// `ja` or `nei`. Dates are ISO. Each municipality has its own stream, so its rows do not depend
/// on the others; partner names are made up (`Forskningsinstitutt 3`), never real ones.
enum PartnershipsWriter {
    static let header = [
        "kommunenr", "aar", "avtale_id", "partner", "partnertype", "startdato", "sluttdato", "deler_data_apent",
    ]
    /// Type, its share of agreements, the chance that such an agreement shares data openly, and
    /// the made-up name stem.
    static let types: [(type: String, weight: Double, openChance: Double, stem: String)] = [
        ("research", 0.3, 0.65, "Forskningsinstitutt"),
        ("business", 0.3, 0.2, "Bedrift"),
        ("civil_society", 0.25, 0.35, "Frivillig organisasjon"),
        ("public", 0.15, 0.5, "Offentlig etat"),
    ]

    struct Agreement {
        var id: String
        var partner: String
        var type: String
        var start: Day
        var end: Day?
        var open: Bool
    }

    /// The agreements of one municipality, in id order.
    static func agreements(_ m: Municipality, seed: UInt64) -> [Agreement] {
        var rng = Xoshiro256(seed: SplitMix64.mix(seed, 0x9A27, m.streamKey))
        let first = Day(year: 2018, month: 1, day: 1)!.raw
        let last = Day(year: 2024, month: 10, day: 31)!.raw
        let count = 5 + rng.below(8)
        let cumulative = types.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1.weight) }
        var perType: [String: Int] = [:]
        var out: [Agreement] = []
        for i in 1...count {
            let t = types[rng.pick(cumulative: cumulative)]
            perType[t.type, default: 0] += 1
            let start = Day(raw: first + Int32(rng.below(Int(last - first) + 1)))
            // A third are open-ended; the others run one to five years.
            let end: Day? = rng.chance(1.0 / 3) ? nil : Day(raw: start.raw + Int32(365 + rng.below(4 * 365 + 1)))
            out.append(
                Agreement(
                    id: "\(m.code)-A\(i < 10 ? "0" : "")\(i)", partner: "\(t.stem) \(perType[t.type]!)", type: t.type,
                    start: start, end: end, open: rng.chance(t.openChance)))
        }
        return out
    }

    static func write(plan: GenerationPlan, seed: UInt64, path: String) throws -> Int {
        let w = try RowWriter(path: path, dialect: Dialect())
        w.header(header)
        for m in plan.municipalities {
            let list = agreements(m, seed: seed)
            for year in plan.years {
                let jan1 = Day(year: year, month: 1, day: 1)!
                let dec31 = Day(year: year, month: 12, day: 31)!
                for a in list where a.start <= dec31 && (a.end.map { $0 >= jan1 } ?? true) {
                    w.text(m.code)
                    w.int(year)
                    w.text(a.id)
                    w.text(a.partner)
                    w.text(a.type)
                    w.text(a.start.description)
                    if let e = a.end { w.text(e.description) } else { w.empty() }
                    w.text(a.open ? "ja" : "nei")
                    w.endRow()
                }
            }
        }
        try w.finish()
        return w.rows
    }
}
