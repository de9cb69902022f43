import ApenCore

/// What the foi family (METHODS §5) needs of its access-requests sources, folded chunk by
/// chunk so no whole table is held: per group (municipality, year of `received`) integer
/// counts and the working days from received to answered as a `Histogram`, and per source its
/// columns, its `extracted:` day, and what the open-end warning needs (the latest date and the
/// received days of the unanswered requests of that date's year, 4 bytes each).
///
/// Working days are a function of the two dates alone (`WorkdayTable` over any years that
/// cover them gives the same count), so each chunk counts them with a table of its own years.
/// `merge` adds counts and histograms and keeps the later open end, so it is associative and
/// commutative; `BuiltinIndicators.foi(partial:…)` gives exactly the rows and warnings of the
/// family on the tables — the table path folds its tables into this state and finishes it.
///
/// ```swift
/// var state = AccessRequestsPartial(source: "access_requests", extracted: nil)
/// _ = try Ingestor.read(options) { state.fold($0) }
/// let out = try BuiltinIndicators.foi(partial: state)
/// ```
package struct AccessRequestsPartial: Sendable {
    /// What a source tells beyond its groups.
    struct Source: Sendable {
        var name: String
        /// The source's `extracted:` day (raw), if declared.
        var extracted: Int32?
        /// Whether a chunk was folded (the column facts are known).
        var known = false
        /// The first of `municipality`, `received` the source lacks, with its error.
        var missing: (column: String, error: Diagnostic)?
        /// Whether the source has an `outcome` column.
        var hasOutcome = false
        /// The latest received or answered day (`Int32.min`: none yet).
        var latest = Int32.min
        /// Received days of the unanswered requests received in `latest`'s year.
        var recent: [Int32] = []

        init(name: String, extracted: Int32?) {
            self.name = name
            self.extracted = extracted
        }

        mutating func learn(_ t: Table) {
            known = true
            missing = BuiltinIndicators.firstMissing(t, [("municipality", .text), ("received", .date)])
            hasOutcome = t.columns["outcome"] != nil
        }

        /// Moves the latest day to `day` when later, keeping the recent requests of its year.
        mutating func see(latest day: Int32) {
            guard day > latest else { return }
            let oldYear = latest == Int32.min ? Int.min : Day(raw: latest).year
            latest = day
            let year = Day(raw: day).year
            if year != oldYear {
                let start = Int32(Day.daysFromCivil(year: year, month: 1, day: 1))
                recent.removeAll { $0 < start }
            }
        }

        /// Adds `other`'s open end (of other rows of the same source).
        mutating func merge(_ other: Source) {
            if !known {
                known = other.known
                missing = other.missing
                hasOutcome = other.hasOutcome
            }
            see(latest: other.latest)
            guard latest != Int32.min else { return }
            let start = Int32(Day.daysFromCivil(year: Day(raw: latest).year, month: 1, day: 1))
            recent += other.recent.filter { $0 >= start }
        }
    }

    package struct Group: Sendable, Equatable {
        /// Requests (rows with a municipality and a year: the ingest's coverage of the group).
        package var rows = 0
        /// Unanswered requests whose 3- or 5-day deadline had not passed at `extracted:`.
        var undecided3 = 0
        var undecided5 = 0
        /// Working days from received to answered, of the requests answered on or after receipt.
        var workdays = Histogram()
        /// Of those, the ones with an outcome, and the granted (or partly granted) ones.
        var withOutcome = 0
        var granted = 0
        /// A request came from a source without an `outcome` column.
        var rowWithoutOutcome = false

        mutating func merge(_ o: Group) {
            rows += o.rows
            undecided3 += o.undecided3
            undecided5 += o.undecided5
            workdays.merge(o.workdays)
            withOutcome += o.withOutcome
            granted += o.granted
            rowWithoutOutcome = rowWithoutOutcome || o.rowWithoutOutcome
        }
    }

    /// The sources, in the order of the family's tables.
    private(set) var sources: [Source]
    package private(set) var groups: [PartialGroupKey: Group] = [:]
    /// Rows without a municipality or a year.
    package private(set) var ungroupedRows = 0

    /// An empty state of one source; `extracted` is its `extracted:` day (raw), if declared.
    package init(source: String, extracted: Int32?) { sources = [Source(name: source, extracted: extracted)] }

    /// The state of no source.
    init() { sources = [] }

    package var sourceNames: [String] { sources.map(\.name) }

    /// Folds one table (a chunk of the source) into the state.
    package mutating func fold(_ t: Table) { fold(t, rows: 0..<t.rowCount) }

    /// Folds rows `rows` of `t`. A table without a required column adds no group; the error
    /// is kept for the finish, which throws it as the table path does.
    mutating func fold(_ t: Table, rows: Range<Int>) {
        precondition(sources.count == 1, "fold into the state of one source")
        if !sources[0].known { sources[0].learn(t) }
        guard let received = t.days("received") else { return }
        let answered = t.days("answered")
        let extracted = sources[0].extracted
        // The chunk's days: its latest (open end) and the years its working days need.
        var lo = extracted ?? Int32.max
        var hi = extracted ?? Int32.min
        var latest = Int32.min
        func see(_ d: Int32) {
            guard d != Column.missingDay else { return }
            lo = min(lo, d)
            hi = max(hi, d)
            latest = max(latest, d)
        }
        for r in rows { see(received[r]) }
        if let answered { for r in rows { see(answered[r]) } }
        if extracted == nil, latest != Int32.min {
            sources[0].see(latest: latest)
            let start = Int32(Day.daysFromCivil(year: Day(raw: sources[0].latest).year, month: 1, day: 1))
            for r in rows where received[r] != Column.missingDay && received[r] >= start {
                if (answered?[r] ?? Column.missingDay) == Column.missingDay { sources[0].recent.append(received[r]) }
            }
        }
        guard let chunk = ChunkGroups(t, dateColumn: "received", rows: rows) else { return }
        ungroupedRows += chunk.ungrouped
        guard !chunk.keys.isEmpty else { return }
        let calendar = WorkdayTable(years: Day(raw: lo).year...Day(raw: hi).year)
        let hasOutcome = sources[0].hasOutcome
        let outcome = t.text("outcome")
        let isGranted = BuiltinIndicators.classify(outcome) { $0 == "granted" || $0 == "partial" }
        var local = [Group](repeating: Group(rowWithoutOutcome: !hasOutcome), count: chunk.keys.count)
        for r in rows {
            let g = Int(chunk.groupOfRow[r - rows.lowerBound])
            guard g >= 0 else { continue }
            local[g].rows += 1
            let a = answered?[r] ?? Column.missingDay
            if a == Column.missingDay {
                if let ex = extracted {
                    let open = received[r] > ex ? 0 : calendar.workdays(from: received[r], to: ex)
                    if open < 3 { local[g].undecided3 += 1 }
                    if open < 5 { local[g].undecided5 += 1 }
                }
                continue
            }
            // An answer before its request is rejected at ingest; never count it here.
            guard a >= received[r] else { continue }
            local[g].workdays.add(Int32(calendar.workdays(from: received[r], to: a)))
            let oc = outcome?.codes[r] ?? -1
            if oc >= 0 {
                local[g].withOutcome += 1
                if isGranted[Int(oc)] { local[g].granted += 1 }
            }
        }
        for (key, group) in zip(chunk.keys, local) {
            groups[key, default: Group()].merge(group)
        }
    }

    /// Adds `other`: of other rows of the same source (`sameSource`), or of other sources
    /// appended after these. Counts and histograms add; the later open end is kept.
    package mutating func merge(_ other: AccessRequestsPartial, sameSource: Bool) {
        if sameSource {
            precondition(sourceNames == other.sourceNames, "merge states of the same source")
            for i in sources.indices { sources[i].merge(other.sources[i]) }
        } else {
            sources += other.sources
        }
        ungroupedRows += other.ungroupedRows
        for (key, group) in other.groups {
            groups[key, default: Group()].merge(group)
        }
    }

    /// The partial of a family's tables (each table's rows folded in chunks on `jobs` workers).
    static func of(_ tables: [Table], extracted: [String: Int32], jobs: Int) -> AccessRequestsPartial {
        foldTables(
            tables, jobs: jobs, empty: AccessRequestsPartial(),
            initial: { AccessRequestsPartial(source: $0.source, extracted: extracted[$0.source]) },
            fold: { $0.fold($1, rows: $2) }, merge: { $0.merge($1, sameSource: $2) })
    }

    var path: String { sourceNames.joined(separator: ",") }

    /// The groups numbered in the canonical order.
    var index: GroupIndex { GroupIndex(groups.keys, ungroupedRows: ungroupedRows) }

    func group(_ g: Int, of index: GroupIndex) -> Group { groups[index.partialKey(g)]! }
}

extension AccessRequestsPartial.Group {
    fileprivate init(rowWithoutOutcome: Bool) {
        self.init()
        self.rowWithoutOutcome = rowWithoutOutcome
    }
}

extension BuiltinIndicators {
    /// The foi family from a partial state: exactly what `compute(.foi, …)` gives on the
    /// tables the state was folded from (with the same `extracted:` days).
    /// - Throws: as `compute`.
    package static func foi(
        partial: AccessRequestsPartial, select: (String) -> Bool = { _ in true }, minN: Int = 5, jobs: Int = 1
    ) throws -> IndicatorOutput {
        let wanted = Set(BuiltinCatalogue.ids(family: .foi, scales: []).filter(select))
        guard !wanted.isEmpty else { return IndicatorOutput() }
        return try foi(partial, wanted: wanted, minN: minN, jobs: max(1, jobs))
    }
}
