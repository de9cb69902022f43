import ApenCore

/// METHODS.md §3: engagement.participants, participants_per_1000, actions_per_participant,
/// repeat_share, gini. All counts are integers, so every value is exact up to its final division.
extension BuiltinIndicators {
    static func engagement(
        _ tables: [Table], population: [Table], wanted: Set<String>, minN: Int = 5, jobs: Int
    ) throws -> IndicatorOutput {
        var wanted = wanted
        var extra = dropAbsent("initiative_id", needs: ["engagement.repeat_share"], tables: tables, wanted: &wanted)
        var municipality: [TextColumn] = []
        var years: [[Int32]] = []
        var participantColumns: [TextColumn?] = []
        for t in tables {
            municipality.append(try required(t, "municipality") { $0.text("municipality") })
            years.append(GroupIndex.years(ofDays: try required(t, "date") { $0.days("date") }))
            participantColumns.append(try required(t, "participant_id") { $0.text("participant_id") })
        }
        let initiativeColumns = tables.map { $0.text("initiative_id") }
        let participants = TextUnion(participantColumns)
        let initiatives = TextUnion(initiativeColumns)
        let hasInitiative = initiativeColumns.map { $0 != nil }
        let participantCodes = participantColumns.map { $0!.codes }
        let initiativeCodes = initiativeColumns.map { $0?.codes ?? [] }
        let index = GroupIndex(municipality: municipality, years: years)

        var populationOf: [String: [Int: Double]] = [:]
        if wanted.contains("engagement.participants_per_1000") {
            let (lookup, warnings) = try populationLookup(population)
            populationOf = lookup
            extra += warnings
        }
        let wantRepeat = wanted.contains("engagement.repeat_share") && hasInitiative.contains(true)

        let participantCount = participants.count
        let results = Parallel.map(
            count: index.count, jobs: jobs, scratch: { EngagementScratch(participants: participantCount) }
        ) { [populationOf, wanted] g, scratch -> GroupResult in
            var everyRowHasColumn = true
            var actions = 0
            // One pass: actions per participant and, per participant, whether a second distinct
            // initiative was seen — counts only, so the order of rows cannot matter.
            for m in index.members(g) {
                let t = Int(index.memberTable[m])
                let r = Int(index.memberRow[m])
                let p = participants.id(table: t, code: participantCodes[t][r])
                guard p >= 0 else { continue }
                let pi = Int(p)
                if scratch.actions[pi] == 0 { scratch.touched.append(p) }
                scratch.actions[pi] += 1
                actions += 1
                guard wantRepeat else { continue }
                guard hasInitiative[t] else {
                    everyRowHasColumn = false
                    continue
                }
                let i = initiatives.id(table: t, code: initiativeCodes[t][r])
                guard i >= 0 else { continue }
                let first = scratch.firstInitiative[pi]
                if first < 0 {
                    scratch.firstInitiative[pi] = i
                } else if first != i {
                    scratch.repeats[pi] = true
                }
            }
            var counts: [Int] = []
            counts.reserveCapacity(scratch.touched.count)
            var repeaters = 0
            for p in scratch.touched {
                let pi = Int(p)
                counts.append(Int(scratch.actions[pi]))
                if scratch.repeats[pi] { repeaters += 1 }
                scratch.actions[pi] = 0
                scratch.firstInitiative[pi] = -1
                scratch.repeats[pi] = false
            }
            scratch.touched.removeAll(keepingCapacity: true)
            return engagementGroup(
                g, index: index, counts: &counts, actions: actions, repeaters: repeaters,
                everyRowHasColumn: everyRowHasColumn, wanted: wanted, wantRepeat: wantRepeat,
                populationOf: populationOf, minN: minN)
        }
        return try merge(results, index: index, sources: tables, extra: extra)
    }

    /// The rows (or skips) of one group from its counts: shared by the table path above and
    /// the partial states (`EngagementPartial.finish`), so both give the same bytes.
    /// `counts` are the actions of each distinct participant, in any order.
    static func engagementGroup(
        _ g: Int, index: GroupIndex, counts: inout [Int], actions: Int, repeaters: Int, everyRowHasColumn: Bool,
        wanted: Set<String>, wantRepeat: Bool, populationOf: [String: [Int: Double]], minN: Int
    ) -> GroupResult {
        var result = GroupResult()
        let n = counts.count
        guard n > 0 else {
            for id in wanted.sorted() { result.skip(id, .noParticipant) }
            return result
        }
        if wanted.contains("engagement.participants") {
            result.add(row("engagement.participants", index, g, value: Double(n), n: n))
        }
        if wanted.contains("engagement.actions_per_participant") {
            result.add(
                row(
                    "engagement.actions_per_participant", index, g,
                    value: Double(actions) / Double(n), n: n))
        }
        if wanted.contains("engagement.participants_per_1000") {
            let key = index.keys[g]
            let pop = populationOf[index.municipalities[key.municipality]]?[key.year]
            if let pop, pop > 0 {
                result.add(
                    row(
                        "engagement.participants_per_1000", index, g,
                        value: Double(n) / pop * 1000, n: n))
            } else {
                result.skip(
                    "engagement.participants_per_1000",
                    pop == nil ? .populationUnknown : .populationNotPositiveOrConflicting)
            }
        }
        if wantRepeat {
            if everyRowHasColumn {
                var r = row("engagement.repeat_share", index, g, value: Double(repeaters) / Double(n), n: n)
                if n < minN { r.flags = .lowN }
                result.add(r)
            } else {
                result.skip("engagement.repeat_share", .sourceWithout("initiative_id"))
            }
        }
        if wanted.contains("engagement.gini") {
            counts.sort()
            if let gini = Inequality.gini(sortedCounts: counts) {
                result.add(row("engagement.gini", index, g, value: gini, n: n))
            } else {
                result.skip("engagement.gini", .fewerThanTwoParticipants)
            }
        }
        return result
    }

    /// Per-worker tables indexed by participant id, reset after each group (only the
    /// participants a group touched are reset, so a group costs O(its rows)).
    private struct EngagementScratch {
        var actions: [Int32]
        var firstInitiative: [Int32]
        var repeats: [Bool]
        var touched: [Int32] = []

        init(participants: Int) {
            actions = Array(repeating: 0, count: participants)
            firstInitiative = Array(repeating: -1, count: participants)
            repeats = Array(repeating: false, count: participants)
        }
    }

    /// Population by municipality and year. Two different values for one key make it
    /// unknown (NaN), with a warning; a missing or non-positive value is left out.
    static func populationLookup(_ tables: [Table]) throws -> ([String: [Int: Double]], [Diagnostic]) {
        var lookup: [String: [Int: Double]] = [:]
        var conflicts: [String] = []
        for t in tables {
            let m = try required(t, "municipality") { $0.text("municipality") }
            let y = GroupIndex.years(ofNumbers: try required(t, "year") { $0.numbers("year") })
            let p = try required(t, "population") { $0.numbers("population") }
            for r in 0..<t.rowCount {
                guard let name = m[r], y[r] != GroupIndex.missingYear, p[r].isFinite else { continue }
                let year = Int(y[r])
                if let old = lookup[name]?[year], old != p[r], !old.isNaN {
                    lookup[name]![year] = .nan
                    conflicts.append("\(name)/\(year)")
                } else if lookup[name]?[year] == nil {
                    lookup[name, default: [:]][year] = p[r]
                }
            }
        }
        var warnings: [Diagnostic] = []
        if !conflicts.isEmpty {
            let sorted = Set(conflicts).sorted()
            warnings.append(
                Diagnostic(
                    SourceLocation(path: sourcePath(tables)),
                    "conflicting population values, treated as unknown, for \(sorted.joined(separator: ", "))",
                    severity: .warning,
                    warning: RunWarning(
                        .populationConflict, source: sourcePath(tables),
                        groups: sorted.map { key in
                            let cut = key.lastIndex(of: "/")!
                            return RunWarning.Group(
                                String(key[..<cut]), year: Int(key[key.index(after: cut)...]))
                        })))
        }
        return (lookup, warnings)
    }
}
