import ApenCore

/// What the survey family (METHODS §2) needs of its sources, folded chunk by chunk so no whole
/// table is held: per group (municipality, year) each respondent's compact record in file
/// order, and per source the design facts of its waves over every row with a year (the PSUs
/// of each stratum, the distinct fpc values) with the small stratum, PSU and breakdown
/// dictionaries, ranked only when the state is finished.
///
/// A respondent is its item values (one byte each when `compact`: an integer 0…254, or 255 for
/// a missing cell), its weight (a `Double`: a `Float` would not be exact), and its stratum,
/// PSU and breakdown codes (4 bytes each, present only when declared): 12 + 8 + 4 + 4 = 28
/// bytes at the national pipeline's 12 items, stratum and PSU. A compact state throws
/// `NotCompact` for any other item value and for a missing required column, and the caller
/// reads the table instead; the table path (`BuiltinIndicators.compute(.survey, …)`) folds its
/// whole tables into a state that is not compact (items as `Double`), so there is one
/// computation. `merge` concatenates in order (the records of a group stay in file order,
/// sources in their order) and remaps the other state's dictionary codes, so folding the
/// chunks of a file in any grouping gives the same records, and `BuiltinIndicators.survey(
/// partial:…)` gives exactly the rows and warnings of the tables.
///
/// ```swift
/// var state = SurveyPartial(source: "survey", settings: settings)
/// _ = try Ingestor.read(options) { try state.fold($0) }
/// let out = try BuiltinIndicators.survey(partial: state)
/// ```
package struct SurveyPartial: Sendable {
    /// An item value that is not an integer 0…254, or a required column missing: a compact
    /// state cannot give the table's results (or its error), so the caller reads the table.
    package struct NotCompact: Error, CustomStringConvertible {
        package var source: String
        package var reason: String
        package var description: String { "survey source '\(source)': \(reason)" }
    }

    package typealias GroupKey = PartialGroupKey

    /// A stratum of a wave of one source: the stratum is its code + 1, 0 without declared strata.
    struct WaveKey: Hashable, Sendable {
        var year: Int32
        var stratum: Int32
    }

    /// The rows of a stratum of a wave, its distinct PSU codes, and its fpc values as
    /// `SurveyDesignFrame` collects them (distinct, in the order first seen; every NaN kept).
    struct Wave: Sendable {
        var rows = 0
        var psus: Set<Int32> = []
        var fpc: [Double] = []

        mutating func add(fpc v: Double) {
            if !fpc.contains(v) { fpc.append(v) }
        }
    }

    /// One source: its settings, what its chunks lacked, its dictionaries and its waves.
    struct Source: Sendable {
        var name: String
        var kind: SourceKind
        var settings: SurveySettings
        /// The table's column names, sorted (for the missing-column error).
        var columns: [String] = []
        /// Required columns missing or of the wrong type (only in a state that is not compact).
        var missing: Set<String> = []
        /// The distinct item columns of the source's scales, in order: a record's items.
        var items: [String]
        var rows = 0
        /// Rows without a municipality or a year.
        var ungrouped = 0
        /// Texts of `stratum` and `psu` (a missing cell is ""), and of each breakdown.
        var strata = CustomInterner()
        var psus = CustomInterner()
        var breakdowns: [CustomInterner]
        var waves: [WaveKey: Wave] = [:]

        init(name: String, kind: SourceKind, settings: SurveySettings) {
            self.name = name
            self.kind = kind
            self.settings = settings
            var items: [String] = []
            for scale in settings.scales {
                for item in scale.items where !items.contains(item) { items.append(item) }
            }
            self.items = items
            breakdowns = Array(repeating: CustomInterner(), count: settings.breakdowns.count)
        }
    }

    /// Consecutive respondents of one group from one source, column by column.
    struct Part: Sendable {
        var source: Int
        var count = 0
        /// `count × items` values, respondent by respondent: `compact` or `wide` (the other is empty).
        var compact: [UInt8] = []
        var wide: [Double] = []
        var weight: [Double] = []
        /// Source codes, present only when the source declares strata / PSUs.
        var stratum: [Int32] = []
        var psu: [Int32] = []
        /// Per declared breakdown: source codes, −1 missing.
        var breakdowns: [[Int32]]

        init(source: Int, breakdowns: Int) {
            self.source = source
            self.breakdowns = Array(repeating: [], count: breakdowns)
        }

        mutating func append(_ o: Part, codes: Codes?) {
            count += o.count
            compact += o.compact
            wide += o.wide
            weight += o.weight
            guard let codes else {
                stratum += o.stratum
                psu += o.psu
                for b in breakdowns.indices { breakdowns[b] += o.breakdowns[b] }
                return
            }
            stratum += o.stratum.map { codes.strata[Int($0)] }
            psu += o.psu.map { codes.psus[Int($0)] }
            for b in breakdowns.indices {
                breakdowns[b] += o.breakdowns[b].map { $0 < 0 ? -1 : codes.breakdowns[b][Int($0)] }
            }
        }
    }

    /// The missing-item byte of a compact record.
    static let missingItem: UInt8 = 255

    private(set) var sources: [Source]
    /// Per group, its respondents in source and file order.
    private(set) var groups: [GroupKey: [Part]] = [:]
    /// Rows per (municipality, year) as the ingest's coverage counts them (a finite year).
    package private(set) var coverage: [GroupKey: Int] = [:]
    /// Items as bytes (`NotCompact` otherwise), or as `Double`.
    let compact: Bool

    /// An empty compact state of one source.
    package init(source: String, settings: SurveySettings) {
        self.init(source: source, kind: .survey, settings: settings, compact: true)
    }

    init(source: String, kind: SourceKind, settings: SurveySettings, compact: Bool) {
        sources = [Source(name: source, kind: kind, settings: settings)]
        self.compact = compact
    }

    /// A state of no source, to merge sources into.
    init(compact: Bool) {
        sources = []
        self.compact = compact
    }

    /// Source names, in order.
    package var sourceNames: [String] { sources.map(\.name) }

    /// Scale names in the order of `BuiltinCatalogue.scaleNames`.
    var scaleNames: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for s in sources {
            for scale in s.settings.scales where seen.insert(scale.name).inserted { out.append(scale.name) }
        }
        return out
    }

    /// The respondents held, and the bytes of their records (without the arrays' spare capacity).
    var recordSize: (respondents: Int, bytes: Int) {
        var n = 0
        var bytes = 0
        for parts in groups.values {
            for p in parts {
                n += p.count
                bytes += p.compact.count + 8 * (p.wide.count + p.weight.count)
                bytes += 4 * (p.stratum.count + p.psu.count + p.breakdowns.reduce(0) { $0 + $1.count })
            }
        }
        return (n, bytes)
    }

    /// Folds one table (a chunk of the source) into the state.
    /// - Throws: `NotCompact` (only when `compact`) for an item value that is not an integer
    ///   0…254 or a required column that is missing.
    package mutating func fold(_ t: Table) throws {
        precondition(sources.count == 1, "fold into the state of one source")
        try Self.fold(t, into: &sources[0], groups: &groups, coverage: &coverage, compact: compact)
    }

    private static func fold(
        _ t: Table, into s: inout Source, groups: inout [GroupKey: [Part]], coverage: inout [GroupKey: Int],
        compact: Bool
    ) throws {
        let st = s.settings
        s.kind = t.kind
        s.columns = t.columns.keys.sorted()
        var missing: [String] = []
        func need(_ name: String, text: Bool) {
            if (text ? t.text(name) == nil : t.numbers(name) == nil) && !missing.contains(name) { missing.append(name) }
        }
        need("municipality", text: true)
        need("year", text: false)
        if st.hasStrata { need("stratum", text: true) }
        if st.hasPSU { need("psu", text: true) }
        if st.hasFPC { need("fpc", text: false) }
        for b in st.breakdowns { need(b, text: true) }
        for item in s.items { need(item, text: false) }
        if let first = missing.first, compact {
            throw NotCompact(source: s.name, reason: "required column '\(first)' is missing or has the wrong type")
        }
        s.missing.formUnion(missing)
        s.rows += t.rowCount

        // The design of the waves: every row with a year.
        guard let yearValues = t.numbers("year") else { return }
        let years = GroupIndex.years(ofNumbers: yearValues)
        let strataColumn = st.hasStrata ? t.text("stratum") : nil
        let psuColumn = st.hasPSU ? t.text("psu") : nil
        let fpc = st.hasFPC ? t.numbers("fpc") : nil
        guard st.hasStrata == (strataColumn != nil), st.hasPSU == (psuColumn != nil), st.hasFPC == (fpc != nil) else {
            return
        }
        let strata = strataColumn.map { codes(of: $0, into: &s.strata) }
        let psus = psuColumn.map { codes(of: $0, into: &s.psus) }
        for r in years.indices where years[r] != GroupIndex.missingYear {
            let key = WaveKey(year: years[r], stratum: strata.map { $0[r] + 1 } ?? 0)
            s.waves[key, default: Wave()].add(row: r, psus: psus, fpc: fpc)
        }

        // The respondents of each group.
        guard missing.isEmpty, let municipality = t.text("municipality") else { return }
        let items = s.items.map { t.numbers($0)! }
        let weights = t.numbers("weight")
        var breakdowns: [[Int32]] = []
        for (b, name) in st.breakdowns.enumerated() {
            let c = t.text(name)!
            let map = c.dictionary.map { s.breakdowns[b].intern($0) }
            breakdowns.append(c.codes.map { $0 < 0 ? -1 : map[Int($0)] })
        }
        // Each row's group, through the chunk's own numbering (one integer look-up per row).
        let chunk = ChunkGroups(municipality: municipality, years: years, rows: 0..<t.rowCount)
        s.ungrouped += chunk.ungrouped
        var parts = chunk.keys.map { (key: $0, part: Part(source: 0, breakdowns: st.breakdowns.count)) }
        var covered: [Covered: GroupKey] = [:]
        for r in 0..<t.rowCount {
            let m = municipality.codes[r]
            if compact, m >= 0, yearValues[r].isFinite {
                // As `TableCoverage.of`: a finite year, whole or not.
                guard let y = Int(exactly: yearValues[r].rounded(.towardZero)) else {
                    throw NotCompact(source: s.name, reason: "year \(yearValues[r]) is out of range")
                }
                let c = Covered(municipality: m, year: y)
                let key: GroupKey
                if let k = covered[c] {
                    key = k
                } else {
                    key = GroupKey(municipality: municipality.dictionary[Int(m)], year: y)
                    covered[c] = key
                }
                coverage[key, default: 0] += 1
            }
            let local = chunk.groupOfRow[r]
            guard local >= 0 else { continue }
            try parts[Int(local)].part.add(
                row: r, items: items, compact: compact, weights: weights, strata: strata, psus: psus,
                breakdowns: breakdowns, source: s.name)
        }
        for (key, part) in parts {
            groups[key, default: []].append(part, codes: nil)
        }
    }

    /// A (municipality code, year) of a chunk, for the coverage count.
    private struct Covered: Hashable {
        var municipality: Int32
        var year: Int
    }

    /// Each row's code in `interner` (a missing cell is the text "", as `TextRank` ranks it).
    private static func codes(of column: TextColumn, into interner: inout CustomInterner) -> [Int32] {
        let map = column.dictionary.map { interner.intern($0) }
        let missing = column.codes.contains(-1) ? interner.intern("") : 0
        return column.codes.map { $0 < 0 ? missing : map[Int($0)] }
    }

    /// Adds `other`: of later rows of the same source (`sameSource`), or of other sources
    /// that come after these. Records are appended (file order kept), codes remapped.
    package mutating func merge(_ other: SurveyPartial, sameSource: Bool) {
        precondition(compact == other.compact, "merge states stored alike")
        for (key, n) in other.coverage { coverage[key, default: 0] += n }
        guard sameSource else {
            let offset = sources.count
            sources += other.sources
            for (key, parts) in other.groups {
                groups[key, default: []] += parts.map {
                    var p = $0
                    p.source += offset
                    return p
                }
            }
            return
        }
        precondition(sources.count == 1 && other.sourceNames == sourceNames, "merge states of the same source")
        let o = other.sources[0]
        let strata = o.strata.strings.map { sources[0].strata.intern($0) }
        let psus = o.psus.strings.map { sources[0].psus.intern($0) }
        let breakdowns = o.breakdowns.indices.map { b in
            o.breakdowns[b].strings.map { sources[0].breakdowns[b].intern($0) }
        }
        sources[0].merge(o, strata: strata, psus: psus)
        for (key, parts) in other.groups {
            for part in parts {
                groups[key, default: []].append(part, codes: Codes(strata: strata, psus: psus, breakdowns: breakdowns))
            }
        }
    }
}

extension SurveyPartial.Source {
    fileprivate mutating func merge(_ o: SurveyPartial.Source, strata: [Int32], psus: [Int32]) {
        kind = o.kind
        if columns.isEmpty { columns = o.columns }
        missing.formUnion(o.missing)
        rows += o.rows
        ungrouped += o.ungrouped
        for (k, w) in o.waves {
            let key = SurveyPartial.WaveKey(year: k.year, stratum: k.stratum == 0 ? 0 : strata[Int(k.stratum) - 1] + 1)
            waves[key, default: SurveyPartial.Wave()].merge(w, psus: psus)
        }
    }
}

extension SurveyPartial.Wave {
    fileprivate mutating func add(row r: Int, psus: [Int32]?, fpc: [Double]?) {
        rows += 1
        if let psus { self.psus.insert(psus[r]) }
        if let fpc { add(fpc: fpc[r]) }
    }

    fileprivate mutating func merge(_ o: SurveyPartial.Wave, psus map: [Int32]) {
        rows += o.rows
        for p in o.psus { psus.insert(map[Int(p)]) }
        for v in o.fpc { add(fpc: v) }
    }
}

extension SurveyPartial {
    /// The other state's codes in this state's dictionaries.
    struct Codes {
        var strata: [Int32]
        var psus: [Int32]
        var breakdowns: [[Int32]]
    }
}

extension [SurveyPartial.Part] {
    /// Appends `o` to the last part when it is of the same source, else as a new part;
    /// `codes` remaps its codes (nil: they are this state's already).
    fileprivate mutating func append(_ o: SurveyPartial.Part, codes: SurveyPartial.Codes?) {
        if let last = indices.last, self[last].source == o.source {
            self[last].append(o, codes: codes)
        } else if codes == nil {
            append(o)
        } else {
            var p = SurveyPartial.Part(source: o.source, breakdowns: o.breakdowns.count)
            p.append(o, codes: codes)
            append(p)
        }
    }
}

extension SurveyPartial.Part {
    fileprivate mutating func add(
        row r: Int, items: [[Double]], compact isCompact: Bool, weights: [Double]?, strata: [Int32]?,
        psus: [Int32]?, breakdowns codes: [[Int32]], source: String
    ) throws {
        count += 1
        if isCompact {
            for column in items {
                let x = column[r]
                guard let byte = SurveyPartial.byte(x) else {
                    throw SurveyPartial.NotCompact(
                        source: source, reason: "item value \(x) is not a whole number from 0 to 254")
                }
                compact.append(byte)
            }
        } else {
            for column in items { wide.append(column[r]) }
        }
        weight.append(weights?[r] ?? 1)
        if let strata { stratum.append(strata[r]) }
        if let psus { psu.append(psus[r]) }
        for b in codes.indices { breakdowns[b].append(codes[b][r]) }
    }
}

extension SurveyPartial {
    /// The byte of an item value: an integer 0…254, 255 for NaN (missing), else nil.
    @inline(__always) static func byte(_ x: Double) -> UInt8? {
        if x.isNaN { return missingItem }
        guard x >= 0, x <= 254, x == x.rounded(.towardZero), x.sign == .plus else { return nil }
        return UInt8(x)
    }

    /// Item `j` of respondent `i` of a part whose source has `k` items.
    @inline(__always) func item(_ part: Part, _ i: Int, _ j: Int, k: Int) -> Double {
        if compact {
            let b = part.compact[i * k + j]
            return b == Self.missingItem ? .nan : Double(b)
        }
        return part.wide[i * k + j]
    }
}

/// The design of a partial state's waves, as `SurveyDesignFrame` gives it for the tables: the
/// global stratum and PSU ranks of each source's codes and n_h, f_h of every stratum of every
/// wave, with the same checks in the same order and the same errors.
struct SurveyPartialDesign: Sendable {
    /// Per source: its stratum codes' ranks and PSU codes' ranks (nil when not declared).
    let strata: [[Int32]?]
    let psus: [[Int32]?]
    let strataNames: [String]
    let designs: SurveyDesignFrame.WaveDesigns

    /// - Parameter required: throws the error of a required column missing from a source.
    init(_ partial: SurveyPartial, failOnLonely: Bool, required: (Int, String) throws -> Void) throws {
        let sources = partial.sources
        for (ti, s) in sources.enumerated() {
            if s.settings.hasStrata { try required(ti, "stratum") }
            if s.settings.hasPSU { try required(ti, "psu") }
        }
        func ranks(_ texts: [[String]?]) -> (names: [String], maps: [[Int32]?]) {
            var all = Set<String>()
            for t in texts { if let t { all.formUnion(t) } }
            let names = all.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            var index: [String: Int32] = [:]
            for (i, s) in names.enumerated() { index[s] = Int32(i) }
            return (names, texts.map { $0.map { $0.map { index[$0]! } } })
        }
        let strata = ranks(sources.map { $0.settings.hasStrata ? $0.strata.strings : nil })
        let psus = ranks(sources.map { $0.settings.hasPSU ? $0.psus.strings : nil })
        var designs = SurveyDesignFrame.WaveDesigns()
        for (ti, s) in sources.enumerated() {
            if s.settings.hasFPC { try required(ti, "fpc") }
            guard !s.waves.isEmpty else { continue }
            var counts: [SurveyDesignFrame.WaveStratum: Int] = [:]
            var fpcValues: [SurveyDesignFrame.WaveStratum: [Double]] = [:]
            var minYear = Int32.max
            var maxYear = Int32.min
            var maxStratum: Int32 = 0
            for (key, wave) in s.waves {
                let stratum = key.stratum == 0 ? 0 : strata.maps[ti]![Int(key.stratum) - 1] + 1
                let w = SurveyDesignFrame.WaveStratum(table: Int32(ti), year: key.year, stratum: stratum)
                minYear = min(minYear, key.year)
                maxYear = max(maxYear, key.year)
                maxStratum = max(maxStratum, stratum)
                counts[w] = s.settings.hasPSU ? wave.psus.count : wave.rows
                if s.settings.hasFPC { fpcValues[w] = wave.fpc }
            }
            let psuLimit = psus.maps[ti].map { ($0.max().map { Int($0) + 1 }) ?? 0 } ?? s.rows
            try SurveyDesignFrame.checkLimits(
                years: minYear...maxYear, maxStratum: maxStratum, psuLimit: psuLimit, source: s.name)
            try SurveyDesignFrame.record(
                counts: counts, fpcValues: fpcValues, lonely: s.settings.lonelyPSU, source: s.name,
                strataNames: strata.names, into: &designs)
        }
        if failOnLonely,
            let error = SurveyDesignFrame.lonelyFailure(
                designs, strataNames: strata.names, sources: sources.map(\.name))
        {
            throw error
        }
        self.strata = strata.maps
        self.psus = psus.maps
        self.strataNames = strata.names
        self.designs = designs
    }
}
