import ApenCore

/// The sampling design of one or more survey tables, wave by wave (METHODS.md §2 "The
/// design"): each row's stratum and PSU code, n_h and f_h of every stratum of every wave
/// (table × year), and the lookups a domain estimate needs. The built-in survey family and
/// design-based custom indicators over a survey source share it.
struct SurveyDesignFrame: Sendable {
    /// Per table: each row's stratum code for `SurveyEstimator.DesignRecord`
    /// (table << 32 | stratum rank + 1; rank + 1 = 0 without declared strata).
    let strata: [[Int]]
    /// Per table: each row's PSU rank, or nil when every respondent is its own PSU.
    let psu: [[Int32]?]
    /// Per table: each row's weight (1 without a weight column).
    let weights: [[Double]]
    let designs: WaveDesigns
    let strataNames: [String]
    let tableCount: Int

    /// - Throws: a `Diagnostic` for a missing design column, an fpc that varies within a
    ///   stratum or is below its sample PSUs, and (when `failOnLonely`) a stratum with a single
    ///   PSU in a wave of a table declaring `lonely_psu: fail`.
    init(_ inputs: [SurveyInput], years: [[Int32]], failOnLonely: Bool) throws {
        var strataColumns: [TextColumn?] = []
        var psuColumns: [TextColumn?] = []
        for input in inputs {
            let t = input.table
            strataColumns.append(
                input.settings.hasStrata ? try BuiltinIndicators.required(t, "stratum") { $0.text("stratum") } : nil)
            psuColumns.append(
                input.settings.hasPSU ? try BuiltinIndicators.required(t, "psu") { $0.text("psu") } : nil)
        }
        let strataRank = TextRank(strataColumns)
        let psuRank = TextRank(psuColumns)
        var designs = WaveDesigns()
        var strata: [[Int]] = []
        var psu: [[Int32]?] = []
        var weights: [[Double]] = []
        for (ti, input) in inputs.enumerated() {
            let t = input.table
            let s = input.settings
            let ranks = strataColumns[ti].map { c in c.codes.map { strataRank.rank(table: ti, code: $0) + 1 } }
            let psus = psuColumns[ti].map { c in c.codes.map { psuRank.rank(table: ti, code: $0) } }
            let fpc = s.hasFPC ? try BuiltinIndicators.required(t, "fpc") { $0.numbers("fpc") } : nil
            try Self.waveDesign(
                table: ti, years: years[ti], strata: ranks, psu: psus, fpc: fpc, lonely: s.lonelyPSU,
                source: t.source, strataNames: strataRank.names, into: &designs)
            strata.append((0..<t.rowCount).map { r in ti << 32 | Int(ranks?[r] ?? 0) })
            psu.append(psus)
            weights.append(t.numbers("weight") ?? [Double](repeating: 1, count: t.rowCount))
        }
        if failOnLonely,
            let error = Self.lonelyFailure(designs, strataNames: strataRank.names, sources: inputs.map(\.table.source))
        {
            throw error
        }
        self.strata = strata
        self.psu = psu
        self.weights = weights
        self.designs = designs
        self.strataNames = strataRank.names
        self.tableCount = inputs.count
    }

    /// The design record of row `r` of table `t` with value `y`.
    @inline(__always) func record(table t: Int, row r: Int, y: Double) -> SurveyEstimator.DesignRecord {
        SurveyEstimator.DesignRecord(
            stratum: strata[t][r], psu: psu[t].map { Int($0[r]) } ?? -1, y: y, w: weights[t][r])
    }

    /// The PSUs of every wave of `year` (for `lonely_psu: adjust`).
    func wavePSUs(year: Int32) -> Int { designs.wavePSUs(year: year, tables: tableCount) }

    /// The wave facts of a record's stratum code in `year`.
    func stratum(year: Int32) -> (Int) -> SurveyEstimator.Stratum { designs.stratum(year: year) }

    /// "stratum 'A' of the 2024 wave of 'survey'" for a record's stratum code.
    func describe(stratumCode code: Int, year: Int32, sources: [String]) -> String {
        Self.describe(stratumCode: code, year: year, sources: sources, strataNames: strataNames)
    }

    static func describe(stratumCode code: Int, year: Int32, sources: [String], strataNames: [String]) -> String {
        let rank = code & 0xFFFF_FFFF
        let source = sources[code >> 32]
        return rank == 0
            ? "the whole \(year) wave of '\(source)' (no strata declared)"
            : "stratum '\(strataNames[rank - 1])' of the \(year) wave of '\(source)'"
    }

    /// METHODS §2: a stratum with a single PSU in a wave is an error under `fail`, whichever
    /// domains it holds (named once, before any group is estimated): the first such stratum.
    static func lonelyFailure(_ designs: WaveDesigns, strataNames: [String], sources: [String]) -> Diagnostic? {
        let lonely = designs.strata.filter { $0.value.psus == 1 && $0.value.lonely == .fail }.keys.sorted {
            ($0.table, $0.year, $0.stratum) < ($1.table, $1.year, $1.stratum)
        }
        guard let s = lonely.first else { return nil }
        let name =
            s.stratum == 0
            ? "the whole \(s.year) wave (no strata declared)"
            : "stratum '\(strataNames[Int(s.stratum) - 1])' of the \(s.year) wave"
        return Diagnostic(
            SourceLocation(path: sources[Int(s.table)], field: "psu"),
            "\(name) has a single PSU; declare lonely_psu: remove or adjust")
    }

    /// A stratum of a wave: (table, year, stratum rank + 1).
    struct WaveStratum: Hashable, Sendable {
        var table: Int32
        var year: Int32
        var stratum: Int32
    }

    /// A wave: (table, year).
    struct Wave: Hashable, Sendable {
        var table: Int32
        var year: Int32
    }

    /// The design facts of every wave: n_h and f_h per stratum, PSUs per wave.
    struct WaveDesigns: Sendable {
        var strata: [WaveStratum: SurveyEstimator.Stratum] = [:]
        var psus: [Wave: Int] = [:]

        /// The PSUs of every wave of `year` over tables `0..<tables`.
        func wavePSUs(year: Int32, tables: Int) -> Int {
            var n = 0
            for ti in 0..<tables { n += psus[Wave(table: Int32(ti), year: year)] ?? 0 }
            return n
        }

        /// The wave facts of a record's stratum code in `year`.
        func stratum(year: Int32) -> (Int) -> SurveyEstimator.Stratum {
            { [strata] code in
                strata[WaveStratum(table: Int32(code >> 32), year: year, stratum: Int32(code & 0xFFFF_FFFF))]
                    ?? SurveyEstimator.Stratum(psus: 0, f: 1, lonely: .fail)
            }
        }
    }

    /// Counts n_h (distinct PSUs, or rows without declared PSUs) for every stratum of every
    /// wave of one table over all its rows with a year, and f_h from the `fpc` column.
    ///
    /// - Throws: a `Diagnostic` when the fpc varies within a stratum of a wave, or names a
    ///   population smaller than the stratum's sample PSUs (R refuses both).
    private static func waveDesign(
        table ti: Int, years: [Int32], strata: [Int32]?, psu: [Int32]?, fpc: [Double]?, lonely: LonelyPSU,
        source: String, strataNames: [String], into designs: inout WaveDesigns
    ) throws {
        var fpcValues: [WaveStratum: [Double]] = [:]
        var minYear = Int32.max
        var maxYear = Int32.min
        var maxStratum: Int32 = 0
        for r in years.indices where years[r] != GroupIndex.missingYear {
            minYear = min(minYear, years[r])
            maxYear = max(maxYear, years[r])
            let s = strata?[r] ?? 0
            maxStratum = max(maxStratum, s)
            if let fpc {
                let key = WaveStratum(table: Int32(ti), year: years[r], stratum: s)
                let v = fpc[r]
                if fpcValues[key]?.contains(v) != true { fpcValues[key, default: []].append(v) }
            }
        }
        guard minYear <= maxYear else { return }
        // Distinct (year, stratum, PSU) per wave: packed into one integer (year offset 16 bits,
        // stratum 20, PSU or row 28), sorted, then runs counted — no per-row hashing.
        let psuLimit = psu == nil ? years.count : (psu?.max().map { Int($0) + 1 } ?? 0)
        try checkLimits(years: minYear...maxYear, maxStratum: maxStratum, psuLimit: psuLimit, source: source)
        var keys: [UInt64] = []
        keys.reserveCapacity(years.count)
        for r in years.indices where years[r] != GroupIndex.missingYear {
            let unit = UInt64(psu.map { Int($0[r]) } ?? r)
            keys.append(UInt64(years[r] - minYear) << 48 | UInt64(strata?[r] ?? 0) << 28 | unit)
        }
        keys.sort()
        var counts: [WaveStratum: Int] = [:]
        var run = 0
        for i in keys.indices {
            if i == 0 || keys[i] != keys[i - 1] { run += 1 }
            // The last key of its (year, stratum): record the count of distinct PSUs.
            if i + 1 == keys.count || keys[i + 1] >> 28 != keys[i] >> 28 {
                let wave = WaveStratum(
                    table: Int32(ti), year: minYear + Int32(keys[i] >> 48), stratum: Int32((keys[i] >> 28) & 0xF_FFFF))
                counts[wave] = run
                run = 0
            }
        }
        try record(
            counts: counts, fpcValues: fpcValues, lonely: lonely, source: source, strataNames: strataNames,
            into: &designs)
    }

    /// - Throws: a `Diagnostic` when a table's waves span 2¹⁶ years or more, or its ranks
    ///   reach 2²⁰ strata or 2²⁸ PSUs (`psuLimit`: the largest PSU rank + 1, or the rows).
    static func checkLimits(years: ClosedRange<Int32>, maxStratum: Int32, psuLimit: Int, source: String) throws {
        guard Int(years.upperBound - years.lowerBound) < 1 << 16, Int(maxStratum) < 1 << 20, psuLimit < 1 << 28 else {
            throw Diagnostic(
                SourceLocation(path: source),
                "the survey design has more years, strata or PSUs than Åpen counts (2¹⁶ years, 2²⁰ strata, 2²⁸ PSUs)")
        }
    }

    /// Records n_h and f_h of the strata of one table's waves (`counts`: n_h; `fpcValues`: the
    /// distinct fpc values of a stratum, in the order first seen), in (year, stratum) order.
    ///
    /// - Throws: a `Diagnostic` when the fpc varies within a stratum of a wave, or names a
    ///   population smaller than the stratum's sample PSUs (R refuses both).
    static func record(
        counts: [WaveStratum: Int], fpcValues: [WaveStratum: [Double]], lonely: LonelyPSU, source: String,
        strataNames: [String], into designs: inout WaveDesigns
    ) throws {
        for wave in counts.keys.sorted(by: { ($0.year, $0.stratum) < ($1.year, $1.stratum) }) {
            let nh = counts[wave]!
            var f = 1.0
            if let values = fpcValues[wave] {
                let name =
                    wave.stratum == 0
                    ? "the \(wave.year) wave (no strata declared)"
                    : "stratum '\(strataNames[Int(wave.stratum) - 1])' of the \(wave.year) wave"
                let shown = values.sorted().map(NumberText.plain)
                if values.count > 1 {
                    throw Diagnostic(
                        SourceLocation(path: source, field: "fpc"),
                        "\(name): the fpc varies within the stratum (\(shown.joined(separator: ", "))); it must be one value per stratum, the population PSU count N_h or the sampling fraction"
                    )
                }
                let v = values[0]
                if v > 1, v < Double(nh) {
                    throw Diagnostic(
                        SourceLocation(path: source, field: "fpc"),
                        "\(name): fpc \(shown[0]) is smaller than the stratum's \(nh) sample PSUs; give the population PSU count N_h ≥ \(nh), or a sampling fraction ≤ 1"
                    )
                }
                f = SurveyEstimator.finiteCorrection(v, psus: nh)
            }
            designs.strata[wave] = SurveyEstimator.Stratum(psus: nh, f: f, lonely: lonely)
            designs.psus[Wave(table: wave.table, year: wave.year), default: 0] += nh
        }
    }
}
