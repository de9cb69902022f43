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
    let designs: BuiltinIndicators.WaveDesigns
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
        var designs = BuiltinIndicators.WaveDesigns()
        var strata: [[Int]] = []
        var psu: [[Int32]?] = []
        var weights: [[Double]] = []
        for (ti, input) in inputs.enumerated() {
            let t = input.table
            let s = input.settings
            let ranks = strataColumns[ti].map { c in c.codes.map { strataRank.rank(table: ti, code: $0) + 1 } }
            let psus = psuColumns[ti].map { c in c.codes.map { psuRank.rank(table: ti, code: $0) } }
            let fpc = s.hasFPC ? try BuiltinIndicators.required(t, "fpc") { $0.numbers("fpc") } : nil
            try BuiltinIndicators.waveDesign(
                table: ti, years: years[ti], strata: ranks, psu: psus, fpc: fpc, lonely: s.lonelyPSU,
                source: t.source, strataNames: strataRank.names, into: &designs)
            strata.append((0..<t.rowCount).map { r in ti << 32 | Int(ranks?[r] ?? 0) })
            psu.append(psus)
            weights.append(t.numbers("weight") ?? [Double](repeating: 1, count: t.rowCount))
        }
        if failOnLonely {
            // METHODS §2: a stratum with a single PSU in a wave is an error under `fail`,
            // whichever domains it holds (named once, before any group is estimated).
            let lonely = designs.strata.filter { $0.value.psus == 1 && $0.value.lonely == .fail }.keys.sorted {
                ($0.table, $0.year, $0.stratum) < ($1.table, $1.year, $1.stratum)
            }
            if let s = lonely.first {
                let name =
                    s.stratum == 0
                    ? "the whole \(s.year) wave (no strata declared)"
                    : "stratum '\(strataRank.names[Int(s.stratum) - 1])' of the \(s.year) wave"
                throw Diagnostic(
                    SourceLocation(path: inputs[Int(s.table)].table.source, field: "psu"),
                    "\(name) has a single PSU; declare lonely_psu: remove or adjust")
            }
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
    func wavePSUs(year: Int32) -> Int {
        var n = 0
        for ti in 0..<tableCount { n += designs.psus[BuiltinIndicators.Wave(table: Int32(ti), year: year)] ?? 0 }
        return n
    }

    /// The wave facts of a record's stratum code in `year`.
    func stratum(year: Int32) -> (Int) -> SurveyEstimator.Stratum {
        { [designs] code in
            designs.strata[
                BuiltinIndicators.WaveStratum(table: Int32(code >> 32), year: year, stratum: Int32(code & 0xFFFF_FFFF))]
                ?? SurveyEstimator.Stratum(psus: 0, f: 1, lonely: .fail)
        }
    }

    /// "stratum 'A' of the 2024 wave of 'survey'" for a record's stratum code.
    func describe(stratumCode code: Int, year: Int32, sources: [String]) -> String {
        let rank = code & 0xFFFF_FFFF
        let source = sources[code >> 32]
        return rank == 0
            ? "the whole \(year) wave of '\(source)' (no strata declared)"
            : "stratum '\(strataNames[rank - 1])' of the \(year) wave of '\(source)'"
    }
}
