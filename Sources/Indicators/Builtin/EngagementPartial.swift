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

        init(first: String, second: String) {
            self.first = first
            self.second = second
        }

        init(_ c: HashedIDs.Collision) { self.init(first: c.first, second: c.second) }
    }

    package typealias GroupKey = PartialGroupKey

    /// One participant in one group: 8 bytes (with its 8-byte key, 16 a slot of the group's
    /// table, which holds most of the state's memory).
    struct Participant: Sendable {
        /// Actions (overflow traps: a file would need 2³¹ rows of one participant in one group).
        var actions: Int32 = 0
        /// The state's number of the first initiative seen, `none`, or `several` (two or more
        /// distinct). Numbers stand for ids one to one (the hash → id table is exact).
        var initiative: Int32 = none

        static let none: Int32 = -1
        static let several = Int32.min

        mutating func touch(_ number: Int32) {
            if initiative == Self.none {
                initiative = number
            } else if initiative != number {
                initiative = Self.several
            }
        }

        /// Adds `o`, whose initiative numbers are `renumber`ed into this state's first.
        mutating func merge(_ o: Participant, renumber: [Int32]) {
            actions += o.actions
            if o.initiative == Self.several {
                initiative = Self.several
            } else if o.initiative != Self.none, initiative != Self.several {
                touch(renumber[Int(o.initiative)])
            }
        }

        var repeats: Bool { initiative == Self.several }
    }

    package struct Group: Sendable {
        /// Rows with a municipality and a year (the ingest's coverage of the group).
        package var rows = 0
        /// Rows with a participant.
        var actions = 0
        /// A row with a participant came from a source without an `initiative_id` column.
        var rowWithoutInitiativeColumn = false
        var participants = HashKeyedTable<Participant>(filler: Participant())

        mutating func merge(_ o: Group, renumber: [Int32]) {
            rows += o.rows
            actions += o.actions
            rowWithoutInitiativeColumn = rowWithoutInitiativeColumn || o.rowWithoutInitiativeColumn
            o.participants.forEach { h, p in
                participants.update(h, default: Participant()) { $0.merge(p, renumber: renumber) }
            }
        }
    }

    /// An initiative id and its number in the state (numbers in first-seen order).
    struct Initiative: Sendable {
        var id: String
        var number: Int32
    }

    /// Source names, in the order of the family's tables.
    package private(set) var sources: [String]
    /// Per source: whether its table has an `initiative_id` column (known after its first fold).
    private(set) var hasInitiative: [Bool?]
    /// The groups in the order first seen (`groupKeys[i]` is the key of `groupList[i]`).
    private var groupKeys: [GroupKey] = []
    private var groupList: [Group] = []
    private var groupNumber: [GroupKey: Int] = [:]
    /// Rows without a municipality or a year.
    package private(set) var ungroupedRows = 0
    private var participantIDs = HashedIDs()
    private var initiativeIDs = HashKeyedTable<Initiative>(filler: Initiative(id: "", number: -1))

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

    /// Every group by its key.
    package var groups: [GroupKey: Group] { Dictionary(uniqueKeysWithValues: zip(groupKeys, groupList)) }

    /// The number of `key`'s group, added when new.
    private mutating func number(of key: GroupKey) -> Int {
        if let g = groupNumber[key] { return g }
        groupNumber[key] = groupKeys.count
        groupKeys.append(key)
        groupList.append(Group())
        return groupKeys.count - 1
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
        let initiativeNumber = try (initiative?.dictionary ?? []).map { try number(ofInitiative: $0) }
        // Each row's group, through the chunk's own numbering (one integer look-up per row).
        let chunk = ChunkGroups(municipality: municipality, years: years, rows: 0..<t.rowCount)
        ungroupedRows += chunk.ungrouped
        let numbers = chunk.keys.map { number(of: $0) }
        for r in 0..<t.rowCount {
            let local = chunk.groupOfRow[r]
            guard local >= 0 else { continue }
            let g = numbers[Int(local)]
            groupList[g].add(
                row: r, participant: participant, participantHash: participantHash, initiative: initiative,
                initiativeNumber: initiativeNumber)
        }
    }

    /// Adds `other` (of other rows of the same sources, or of other sources appended after
    /// these): counts add, participant and initiative sets unite.
    /// - Throws: `Collision` when the two states hashed different ids to the same value.
    package mutating func merge(_ other: EngagementPartial, sameSource: Bool) throws {
        precondition(hashBits == other.hashBits, "merge states hashed alike")
        do { try participantIDs.unite(other.participantIDs) } catch { throw Collision(error) }
        // The other state's initiative numbers → this state's.
        var renumber = [Int32](repeating: -1, count: other.initiativeIDs.count)
        try other.initiativeIDs.forEach { h, theirs in
            renumber[Int(theirs.number)] = try number(ofInitiative: theirs.id, hash: h)
        }
        if sameSource {
            precondition(sources == other.sources, "merge states of the same source")
            hasInitiative = zip(hasInitiative, other.hasInitiative).map { $0 ?? $1 }
        } else {
            sources += other.sources
            hasInitiative += other.hasInitiative
        }
        ungroupedRows += other.ungroupedRows
        for (key, group) in zip(other.groupKeys, other.groupList) {
            groupList[number(of: key)].merge(group, renumber: renumber)
        }
    }

    /// Whether some source has an `initiative_id` column, and whether none has.
    var anyInitiative: Bool { hasInitiative.contains(true) }
    var noInitiative: Bool { hasInitiative.allSatisfy { $0 == false } }

    /// The number of an initiative id, numbered next when new.
    /// - Throws: `Collision` when another id has its hash.
    private mutating func number(ofInitiative id: String, hash: UInt64? = nil) throws -> Int32 {
        let h = hash ?? Self.hash(id, bits: hashBits)
        let next = Int32(initiativeIDs.count)
        return try initiativeIDs.update(h, default: Initiative(id: id, number: next)) { old in
            if old.id != id { throw Collision(first: old.id, second: id) }
            return old.number
        }
    }

    /// FNV-1a of the UTF-8 bytes, cut to `bits`.
    private static func hash(_ id: String, bits: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        if bits < 64 { h &= (1 << UInt64(bits)) - 1 }
        return h
    }

    /// The hash of a participant id, entered in the hash → id table.
    /// - Throws: `Collision` when another id has its hash.
    private static func hash(_ id: String, bits: Int, into ids: inout HashedIDs) throws -> UInt64 {
        let h = hash(id, bits: bits)
        do { try ids.enter(id, hash: h) } catch { throw Collision(error) }
        return h
    }
}

extension EngagementPartial.Group {
    @inline(__always)
    fileprivate mutating func add(
        row r: Int, participant: TextColumn, participantHash: [UInt64], initiative: TextColumn?,
        initiativeNumber: [Int32]
    ) {
        rows += 1
        let p = participant.codes[r]
        guard p >= 0 else { return }
        actions += 1
        let h = participantHash[Int(p)]
        if let initiative {
            let i = initiative.codes[r]
            if i >= 0 {
                let number = initiativeNumber[Int(i)]
                participants.update(h, default: EngagementPartial.Participant()) { $0.touchAction(number) }
                return
            }
        } else {
            rowWithoutInitiativeColumn = true
        }
        participants.update(h, default: EngagementPartial.Participant()) { $0.actions += 1 }
    }
}

extension EngagementPartial.Participant {
    fileprivate mutating func touchAction(_ initiative: Int32) {
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
        let groups = partial.groups
        let index = GroupIndex(groups.keys, ungroupedRows: partial.ungroupedRows)
        let results = Parallel.map(count: index.count, jobs: max(1, jobs)) {
            [populationOf, wanted, groups] g -> GroupResult in
            let group = groups[index.partialKey(g)]!
            var counts: [Int] = []
            counts.reserveCapacity(group.participants.count)
            var repeaters = 0
            group.participants.forEach { _, p in
                counts.append(Int(p.actions))
                if p.repeats { repeaters += 1 }
            }
            return engagementGroup(
                g, index: index, counts: &counts, actions: group.actions, repeaters: repeaters,
                everyRowHasColumn: !group.rowWithoutInitiativeColumn, wanted: wanted, wantRepeat: wantRepeat,
                populationOf: populationOf, minN: minN)
        }
        return try merge(results, index: index, path: path, extra: extra)
    }
}
