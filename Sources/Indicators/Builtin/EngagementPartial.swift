import ApenCore

/// What the engagement family (METHODS §3) needs of its sources, folded chunk by chunk so no
/// whole table is held: per group (municipality, year) the actions and, per distinct
/// participant, their actions and whether they touched two distinct initiatives.
///
/// Participant and initiative ids are kept as 64-bit hashes (FNV-1a of the UTF-8 bytes), made
/// exact by a hash → id table: a second, different id with a hash already taken throws
/// `EngagementPartial.Collision`, and the caller computes from the table instead. Everything
/// is an integer count or a set, so `merge` is associative and commutative: folding the chunks
/// of a file in any grouping gives the same state, and `finish` gives exactly the rows and
/// warnings of `BuiltinIndicators.engagement` on the whole tables.
///
/// ```swift
/// var state = EngagementPartial(source: "engagement")
/// _ = try Ingestor.read(options) { try state.fold($0) }
/// let out = try BuiltinIndicators.engagement(partial: state, population: [pop], select: { _ in true })
/// ```
package struct EngagementPartial: Sendable {
    /// Two different ids with the same 64-bit hash: the partial cannot be exact.
    package struct Collision: Error, CustomStringConvertible {
        package var first: String
        package var second: String
        package var description: String { "ids '\(first)' and '\(second)' have the same 64-bit hash" }
    }

    package struct GroupKey: Hashable, Sendable {
        package var municipality: String
        package var year: Int
    }

    /// One participant in one group (16 bytes: a group's table is most of the state's memory).
    struct Participant: Sendable {
        /// The first initiative seen (hash), valid when `initiatives > 0`.
        var initiative: UInt64 = 0
        /// Actions (overflow traps: a file would need 2³¹ rows of one participant in one group).
        var actions: Int32 = 0
        /// 0, 1, or 2 meaning "two or more distinct".
        var initiatives: UInt8 = 0

        mutating func touch(_ h: UInt64) {
            switch initiatives {
            case 0: (initiative, initiatives) = (h, 1)
            case 1: if h != initiative { initiatives = 2 }
            default: break
            }
        }

        mutating func merge(_ o: Participant) {
            actions += o.actions
            if o.initiatives == 2 {
                initiatives = 2
            } else if o.initiatives == 1 {
                touch(o.initiative)
            }
        }
    }

    package struct Group: Sendable {
        /// Rows with a municipality and a year (the ingest's coverage of the group).
        package var rows = 0
        /// Rows with a participant.
        var actions = 0
        /// A row with a participant came from a source without an `initiative_id` column.
        var rowWithoutInitiativeColumn = false
        var participants: [UInt64: Participant] = [:]

        mutating func merge(_ o: Group) {
            rows += o.rows
            actions += o.actions
            rowWithoutInitiativeColumn = rowWithoutInitiativeColumn || o.rowWithoutInitiativeColumn
            participants.merge(o.participants) { a, b in
                var a = a
                a.merge(b)
                return a
            }
        }
    }

    /// Source names, in the order of the family's tables.
    package private(set) var sources: [String]
    /// Per source: whether its table has an `initiative_id` column (known after its first fold).
    private(set) var hasInitiative: [Bool?]
    package private(set) var groups: [GroupKey: Group] = [:]
    /// Rows without a municipality or a year.
    package private(set) var ungroupedRows = 0
    private var participantIDs: [UInt64: String] = [:]
    private var initiativeIDs: [UInt64: String] = [:]

    /// Bits of the id hash kept: 64, or fewer in tests, so that collisions are easy to make.
    let hashBits: Int

    /// An empty state of one source.
    package init(source: String) { self.init(source: source, hashBits: 64) }

    init(source: String, hashBits: Int) {
        precondition((1...64).contains(hashBits), "hashBits must be 1…64")
        sources = [source]
        hasInitiative = [nil]
        self.hashBits = hashBits
    }

    /// Folds one table (a chunk of the source) into the state.
    /// - Throws: the `Diagnostic` of `BuiltinIndicators.engagement` when a required column is
    ///   missing; `Collision` when two different ids share a hash.
    package mutating func fold(_ t: Table) throws {
        precondition(sources.count == 1, "fold into the state of one source")
        let municipality = try BuiltinIndicators.required(t, "municipality") { $0.text("municipality") }
        let years = GroupIndex.years(ofDays: try BuiltinIndicators.required(t, "date") { $0.days("date") })
        let participant = try BuiltinIndicators.required(t, "participant_id") { $0.text("participant_id") }
        let initiative = t.text("initiative_id")
        hasInitiative[0] = initiative != nil
        let bits = hashBits
        let participantHash = try participant.dictionary.map { try Self.hash($0, bits: bits, into: &participantIDs) }
        let initiativeHash = try (initiative?.dictionary ?? []).map {
            try Self.hash($0, bits: bits, into: &initiativeIDs)
        }
        // Group of (municipality code, year) within this chunk, looked up once per pair.
        var local: [Int64: GroupKey] = [:]
        var chunkGroups: [GroupKey: Group] = [:]
        for r in 0..<t.rowCount {
            let m = municipality.codes[r]
            let y = years[r]
            guard m >= 0, y != GroupIndex.missingYear else {
                ungroupedRows += 1
                continue
            }
            let packed = Int64(m) << 32 | Int64(UInt32(bitPattern: y))
            let key: GroupKey
            if let k = local[packed] {
                key = k
            } else {
                key = GroupKey(municipality: municipality.dictionary[Int(m)], year: Int(y))
                local[packed] = key
            }
            chunkGroups[key, default: Group()].add(
                row: r, participant: participant, participantHash: participantHash, initiative: initiative,
                initiativeHash: initiativeHash)
        }
        for (key, group) in chunkGroups {
            groups[key, default: Group()].merge(group)
        }
    }

    /// Adds `other` (of other rows of the same sources, or of other sources appended after
    /// these): counts add, participant and initiative sets unite.
    /// - Throws: `Collision` when the two states hashed different ids to the same value.
    package mutating func merge(_ other: EngagementPartial, sameSource: Bool) throws {
        precondition(hashBits == other.hashBits, "merge states hashed alike")
        try Self.unite(&participantIDs, other.participantIDs)
        try Self.unite(&initiativeIDs, other.initiativeIDs)
        if sameSource {
            precondition(sources == other.sources, "merge states of the same source")
            hasInitiative = zip(hasInitiative, other.hasInitiative).map { $0 ?? $1 }
        } else {
            sources += other.sources
            hasInitiative += other.hasInitiative
        }
        ungroupedRows += other.ungroupedRows
        for (key, group) in other.groups {
            groups[key, default: Group()].merge(group)
        }
    }

    /// Whether some source has an `initiative_id` column, and whether none has.
    var anyInitiative: Bool { hasInitiative.contains(true) }
    var noInitiative: Bool { hasInitiative.allSatisfy { $0 == false } }

    private static func unite(_ a: inout [UInt64: String], _ b: [UInt64: String]) throws {
        for (h, id) in b {
            if let old = a[h] {
                if old != id { throw Collision(first: old, second: id) }
            } else {
                a[h] = id
            }
        }
    }

    private static func hash(_ id: String, bits: Int, into ids: inout [UInt64: String]) throws -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        if bits < 64 { h &= (1 << UInt64(bits)) - 1 }
        if let old = ids[h] {
            if old != id { throw Collision(first: old, second: id) }
        } else {
            ids[h] = id
        }
        return h
    }
}

extension EngagementPartial.Group {
    fileprivate mutating func add(
        row r: Int, participant: TextColumn, participantHash: [UInt64], initiative: TextColumn?,
        initiativeHash: [UInt64]
    ) {
        rows += 1
        let p = participant.codes[r]
        guard p >= 0 else { return }
        actions += 1
        let h = participantHash[Int(p)]
        if let initiative {
            let i = initiative.codes[r]
            if i >= 0 {
                participants[h, default: EngagementPartial.Participant()].touchAction(initiativeHash[Int(i)])
                return
            }
        } else {
            rowWithoutInitiativeColumn = true
        }
        participants[h, default: EngagementPartial.Participant()].actions += 1
    }
}

extension EngagementPartial.Participant {
    fileprivate mutating func touchAction(_ initiative: UInt64) {
        actions += 1
        touch(initiative)
    }
}

extension BuiltinIndicators {
    /// The engagement family from a partial state: exactly what `compute(.engagement, …)`
    /// gives on the tables the state was folded from.
    /// - Throws: as `compute`.
    package static func engagement(
        partial: EngagementPartial, population: [Table], select: (String) -> Bool = { _ in true }, minN: Int = 5,
        jobs: Int = 1
    ) throws -> IndicatorOutput {
        var wanted = Set(BuiltinCatalogue.ids(family: .engagement, scales: []).filter(select))
        guard !wanted.isEmpty else { return IndicatorOutput() }
        let path = partial.sources.joined(separator: ",")
        var extra: [Diagnostic] = []
        if partial.noInitiative {
            extra = dropAbsent("initiative_id", needs: ["engagement.repeat_share"], path: path, wanted: &wanted)
        }
        var populationOf: [String: [Int: Double]] = [:]
        if wanted.contains("engagement.participants_per_1000") {
            let (lookup, warnings) = try populationLookup(population)
            populationOf = lookup
            extra += warnings
        }
        let wantRepeat = wanted.contains("engagement.repeat_share") && partial.anyInitiative
        let index = GroupIndex(
            groups: partial.groups.keys.map { (municipality: $0.municipality, year: $0.year) },
            ungroupedRows: partial.ungroupedRows)
        let results = Parallel.map(count: index.count, jobs: max(1, jobs)) { [populationOf, wanted] g -> GroupResult in
            let key = EngagementPartial.GroupKey(
                municipality: index.municipalities[index.keys[g].municipality], year: index.keys[g].year)
            let group = partial.groups[key]!
            var counts: [Int] = []
            counts.reserveCapacity(group.participants.count)
            var repeaters = 0
            for p in group.participants.values {
                counts.append(Int(p.actions))
                if p.initiatives == 2 { repeaters += 1 }
            }
            return engagementGroup(
                g, index: index, counts: &counts, actions: group.actions, repeaters: repeaters,
                everyRowHasColumn: !group.rowWithoutInitiativeColumn, wanted: wanted, wantRepeat: wantRepeat,
                populationOf: populationOf, minN: minN)
        }
        return try merge(results, index: index, path: path, extra: extra)
    }
}
