import ApenCore

/// METHODS.md §5: foi.within_3_workdays_share, within_5_workdays_share, median_workdays,
/// granted_share, with Norwegian working days, and the extraction date that censors requests
/// still undecided when the log was exported.
extension BuiltinIndicators {
    static func foi(
        _ tables: [Table], wanted: Set<String>, extracted: [String: Int32] = [:], minN: Int = 5, jobs: Int
    ) throws -> IndicatorOutput {
        var wanted = wanted
        var extra = dropAbsent("outcome", needs: ["foi.granted_share"], tables: tables, wanted: &wanted)
        var municipality: [TextColumn] = []
        var years: [[Int32]] = []
        var received: [[Int32]] = []
        var answered: [[Int32]?] = []
        var granted: [[Bool]] = []
        var outcomeCodes: [[Int32]?] = []
        let hasOutcome = tables.map { $0.columns["outcome"] != nil }
        var extraction: [Int32?] = []
        var minDay = Int32.max
        var maxDay = Int32.min
        for t in tables {
            municipality.append(try required(t, "municipality") { $0.text("municipality") })
            let rec = try required(t, "received") { $0.days("received") }
            received.append(rec)
            years.append(GroupIndex.years(ofDays: rec))
            let ans = t.days("answered")
            answered.append(ans)
            let ex = extracted[t.source]
            extraction.append(ex)
            for column in [rec, ans ?? [], ex.map { [$0] } ?? []] {
                for d in column where d != Column.missingDay {
                    minDay = min(minDay, d)
                    maxDay = max(maxDay, d)
                }
            }
            let outcome = t.text("outcome")
            granted.append(classify(outcome) { $0 == "granted" || $0 == "partial" })
            outcomeCodes.append(outcome?.codes)
        }
        let calendar =
            minDay <= maxDay
            ? WorkdayTable(years: Day(raw: minDay).year...Day(raw: maxDay).year) : WorkdayTable(years: 2000...2000)
        for (t, table) in tables.enumerated() where extraction[t] == nil {
            if let w = openEndWarning(table, received: received[t], answered: answered[t], calendar: calendar) {
                extra.append(w)
            }
        }
        let index = GroupIndex(municipality: municipality, years: years)
        let results = Parallel.map(count: index.count, jobs: jobs) {
            [received, answered, granted, outcomeCodes, extraction, wanted, hasOutcome] g -> GroupResult in
            var result = GroupResult()
            let members = index.members(g)
            var workdays: [Int] = []
            var grantedCount = 0
            var withOutcome = 0
            // Requests whose 3- or 5-day deadline had not passed when the log was extracted.
            var undecided3 = 0
            var undecided5 = 0
            var outcomeKnown = true
            for m in members {
                let t = Int(index.memberTable[m])
                let r = Int(index.memberRow[m])
                if !hasOutcome[t] { outcomeKnown = false }
                let a = answered[t]?[r] ?? Column.missingDay
                if a == Column.missingDay {
                    if let ex = extraction[t] {
                        let open = received[t][r] > ex ? 0 : calendar.workdays(from: received[t][r], to: ex)
                        if open < 3 { undecided3 += 1 }
                        if open < 5 { undecided5 += 1 }
                    }
                    continue
                }
                // An answer before its request is rejected at ingest; never count it here.
                guard a >= received[t][r] else { continue }
                workdays.append(calendar.workdays(from: received[t][r], to: a))
                let oc = outcomeCodes[t]?[r] ?? -1
                if oc >= 0 {
                    withOutcome += 1
                    if granted[t][Int(oc)] { grantedCount += 1 }
                }
            }
            let within3 = workdays.lazy.filter { $0 <= 3 }.count
            let within5 = workdays.lazy.filter { $0 <= 5 }.count
            for (id, count, undecided) in [
                ("foi.within_3_workdays_share", within3, undecided3),
                ("foi.within_5_workdays_share", within5, undecided5),
            ] where wanted.contains(id) {
                let n = members.count - undecided
                if n > 0 {
                    var r = row(id, index, g, value: Double(count) / Double(n), n: n)
                    if n < minN { r.flags = .lowN }
                    result.add(r)
                } else {
                    result.skip(id, .everyRequestUndecided)
                }
            }
            if wanted.contains("foi.median_workdays") {
                if let median = Quantile.type7(sorted: workdays.sorted().map(Double.init), p: 0.5) {
                    result.add(row("foi.median_workdays", index, g, value: median, n: workdays.count))
                } else {
                    result.skip("foi.median_workdays", .noAnsweredRequest)
                }
            }
            if wanted.contains("foi.granted_share") {
                if !outcomeKnown {
                    result.skip("foi.granted_share", .sourceWithout("outcome"))
                } else if withOutcome > 0 {
                    var r = row(
                        "foi.granted_share", index, g, value: Double(grantedCount) / Double(withOutcome),
                        n: withOutcome)
                    if withOutcome < minN { r.flags = .lowN }
                    result.add(r)
                } else {
                    result.skip("foi.granted_share", .noAnsweredRequestWithOutcome)
                }
            }
            return result
        }
        return try merge(results, index: index, sources: tables, extra: extra)
    }

    /// Without `extracted:`, unanswered requests of the latest year received within five
    /// working days of the file's latest date may simply not be due yet: they count as not
    /// answered in time (METHODS.md §5), and the run says so.
    private static func openEndWarning(
        _ table: Table, received: [Int32], answered: [Int32]?, calendar: WorkdayTable
    ) -> Diagnostic? {
        var latest = Int32.min
        for d in received where d != Column.missingDay { latest = max(latest, d) }
        for d in answered ?? [] where d != Column.missingDay { latest = max(latest, d) }
        guard latest != Int32.min else { return nil }
        let latestYear = Day(raw: latest).year
        var recent = 0
        for r in received.indices where received[r] != Column.missingDay {
            guard (answered?[r] ?? Column.missingDay) == Column.missingDay,
                Day(raw: received[r]).year == latestYear,
                calendar.workdays(from: received[r], to: latest) < 5
            else { continue }
            recent += 1
        }
        guard recent > 0 else { return nil }
        return Diagnostic(
            SourceLocation(path: table.source, field: "answered"),
            "\(recent) unanswered request(s) received within 5 working days of the file's latest date \(Day(raw: latest)) count as not answered in time; declare extracted: YYYY-MM-DD to leave undecided requests out",
            severity: .warning,
            warning: RunWarning(
                .undecidedRequests, source: table.source, column: "answered", count: recent,
                text: "\(Day(raw: latest))"))
    }
}
