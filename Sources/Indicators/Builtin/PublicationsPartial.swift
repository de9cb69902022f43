import ApenCore

/// What the publication and opendata families (METHODS §4) need of their publications
/// sources, folded chunk by chunk so no whole table is held: per group (municipality, year of
/// `registered`) integer counts and the registered → published lags as a `Histogram`, and per
/// source which optional columns it has (for the same warnings and skips as the tables give).
///
/// Nothing per record is kept but a lag's count: the state grows with the groups and the
/// distinct lags, not the rows. `merge` adds counts and histograms, so it is associative and
/// commutative: any chunking and any grouping of merges gives the same state, and the finish
/// functions (`BuiltinIndicators.publication(partial:…)`, `opendata(partial:…)`) give exactly
/// the rows and warnings the families give on the tables — the table path folds its tables
/// into this state and finishes it, so there is one computation.
///
/// ```swift
/// var state = PublicationsPartial(source: "publications")
/// _ = try Ingestor.read(options) { state.fold($0) }
/// let out = try BuiltinIndicators.publication(partial: state)
/// ```
package struct PublicationsPartial: Sendable {
    /// What a source's columns tell (every chunk of a source has the same columns).
    struct Source: Sendable {
        var name: String
        /// Whether a chunk was folded (the facts below are known).
        var known = false
        /// The first of `municipality`, `registered`, `access` the source lacks, with its error.
        var missing: (column: String, error: Diagnostic)?
        /// Columns present (`dropAbsent` looks at presence, whatever the type).
        var hasPublishedColumn = false
        var hasLicenceColumn = false
        /// A `record_type` text column (without it no record counts as a dataset).
        var hasRecordType = false

        init(name: String) { self.name = name }

        init(_ t: Table) {
            name = t.source
            known = true
            missing = BuiltinIndicators.firstMissing(
                t, [("municipality", .text), ("registered", .date), ("access", .text)])
            hasPublishedColumn = t.columns["published"] != nil
            hasLicenceColumn = t.columns["licence"] != nil
            hasRecordType = t.text("record_type") != nil
        }
    }

    package struct Group: Sendable, Equatable {
        /// Records (rows with a municipality and a year: the ingest's coverage of the group).
        package var rows = 0
        /// Records open and published.
        var openPublished = 0
        /// Records exempt.
        var exempt = 0
        /// Days from registered to published, of the records published on or after registration.
        var lags = Histogram()
        /// Records of type `dataset`; of those, the ones under an open licence, and their stars.
        var datasets = 0
        var openLicence = 0
        var stars = 0
        /// A record came from a source without a `published` (date) column.
        var rowWithoutPublished = false
        /// A record came from a source without a `licence` (text) column.
        var rowWithoutLicence = false

        mutating func merge(_ o: Group) {
            rows += o.rows
            openPublished += o.openPublished
            exempt += o.exempt
            lags.merge(o.lags)
            datasets += o.datasets
            openLicence += o.openLicence
            stars += o.stars
            rowWithoutPublished = rowWithoutPublished || o.rowWithoutPublished
            rowWithoutLicence = rowWithoutLicence || o.rowWithoutLicence
        }
    }

    /// The sources, in the order of the family's tables.
    private(set) var sources: [Source]
    package private(set) var groups: [PartialGroupKey: Group] = [:]
    /// Rows without a municipality or a year.
    package private(set) var ungroupedRows = 0

    /// An empty state of one source.
    package init(source: String) { sources = [Source(name: source)] }

    /// The state of no source (what a family without tables finishes).
    init() { sources = [] }

    package var sourceNames: [String] { sources.map(\.name) }

    /// Folds one table (a chunk of the source) into the state.
    package mutating func fold(_ t: Table) { fold(t, rows: 0..<t.rowCount) }

    /// Folds rows `rows` of `t`. A table without a required column adds no group; the error
    /// is kept for the finish, which throws it as the table path does.
    mutating func fold(_ t: Table, rows: Range<Int>) {
        precondition(sources.count == 1, "fold into the state of one source")
        if !sources[0].known { sources[0] = Source(t) }
        guard let chunk = ChunkGroups(t, dateColumn: "registered", rows: rows) else { return }
        ungroupedRows += chunk.ungrouped
        guard !chunk.keys.isEmpty else { return }
        let registered = t.days("registered")!
        let access = t.text("access")
        let accessOf = BuiltinIndicators.classify(access) { RecordAccess(text: $0) }
        let published = t.days("published")
        let type = t.text("record_type")
        let isDataset = BuiltinIndicators.classify(type) { $0 == "dataset" }
        let licence = t.text("licence")
        let isOpen = BuiltinIndicators.classify(licence) { OpenData.isOpenLicence($0) }
        let format = t.text("format")
        let level = BuiltinIndicators.classify(format) { OpenData.formatLevel($0) }
        let linked = t.text("linked")
        let isLinked = BuiltinIndicators.classify(linked) { OpenData.isTrue($0) }
        var local = [Group](
            repeating: Group(rowWithoutPublished: published == nil, rowWithoutLicence: licence == nil),
            count: chunk.keys.count)
        for r in rows {
            let g = Int(chunk.groupOfRow[r - rows.lowerBound])
            guard g >= 0 else { continue }
            local[g].rows += 1
            let code = access?.codes[r] ?? -1
            let a = code < 0 ? RecordAccess.other : accessOf[Int(code)]
            let pub = published?[r] ?? Column.missingDay
            let isPublished = pub != Column.missingDay
            if a == .open && isPublished { local[g].openPublished += 1 }
            if a == .exempt { local[g].exempt += 1 }
            // A publication before registration is rejected at ingest; never count it here.
            if isPublished, pub >= registered[r] { local[g].lags.add(pub - registered[r]) }
            guard let type, type.codes[r] >= 0, isDataset[Int(type.codes[r])] else { continue }
            local[g].datasets += 1
            let lc = licence?.codes[r] ?? -1
            guard lc >= 0, isOpen[Int(lc)] else { continue }
            local[g].openLicence += 1
            let fc = format?.codes[r] ?? -1
            let stars = fc >= 0 ? level[Int(fc)] : 1
            let lk = linked?.codes[r] ?? -1
            local[g].stars += stars == 4 && lk >= 0 && isLinked[Int(lk)] ? 5 : stars
        }
        for (key, group) in zip(chunk.keys, local) {
            groups[key, default: Group()].merge(group)
        }
    }

    /// Adds `other`: of other rows of the same source (`sameSource`), or of other sources
    /// appended after these. Counts and histograms add.
    package mutating func merge(_ other: PublicationsPartial, sameSource: Bool) {
        if sameSource {
            precondition(sourceNames == other.sourceNames, "merge states of the same source")
            for i in sources.indices where !sources[i].known { sources[i] = other.sources[i] }
        } else {
            sources += other.sources
        }
        ungroupedRows += other.ungroupedRows
        for (key, group) in other.groups {
            groups[key, default: Group()].merge(group)
        }
    }

    /// The partial of a family's tables (each table's rows folded in chunks on `jobs` workers).
    static func of(_ tables: [Table], jobs: Int) -> PublicationsPartial {
        foldTables(
            tables, jobs: jobs, empty: PublicationsPartial(), initial: { PublicationsPartial(source: $0.source) },
            fold: { $0.fold($1, rows: $2) }, merge: { $0.merge($1, sameSource: $2) })
    }

    var path: String { sourceNames.joined(separator: ",") }

    /// Whether there are sources and none has `column` (then `dropAbsent` drops its indicators).
    func noSourceHas(_ has: (Source) -> Bool) -> Bool { !sources.isEmpty && !sources.contains(where: has) }

    /// The groups numbered in the canonical order.
    var index: GroupIndex { GroupIndex(groups.keys, ungroupedRows: ungroupedRows) }

    func group(_ g: Int, of index: GroupIndex) -> Group { groups[index.partialKey(g)]! }
}

extension PublicationsPartial.Group {
    fileprivate init(rowWithoutPublished: Bool, rowWithoutLicence: Bool) {
        self.init()
        self.rowWithoutPublished = rowWithoutPublished
        self.rowWithoutLicence = rowWithoutLicence
    }
}

extension BuiltinIndicators {
    /// The publication family from a partial state: exactly what `compute(.publication, …)`
    /// gives on the tables the state was folded from.
    /// - Throws: as `compute`.
    package static func publication(
        partial: PublicationsPartial, select: (String) -> Bool = { _ in true }, jobs: Int = 1
    ) throws -> IndicatorOutput {
        let wanted = Set(BuiltinCatalogue.ids(family: .publication, scales: []).filter(select))
        guard !wanted.isEmpty else { return IndicatorOutput() }
        return try publication(partial, wanted: wanted, jobs: max(1, jobs))
    }

    /// The opendata family from a partial state: exactly what `compute(.opendata, …)` gives
    /// on the tables the state was folded from.
    /// - Throws: as `compute`.
    package static func opendata(
        partial: PublicationsPartial, select: (String) -> Bool = { _ in true }, jobs: Int = 1
    ) throws -> IndicatorOutput {
        let wanted = Set(BuiltinCatalogue.ids(family: .opendata, scales: []).filter(select))
        guard !wanted.isEmpty else { return IndicatorOutput() }
        return try opendata(partial, wanted: wanted, jobs: max(1, jobs))
    }
}
