import ApenCore

/// METHODS.md §5: foi.within_3_workdays_share, within_5_workdays_share, median_workdays,
/// granted_share, with Norwegian working days.
extension BuiltinIndicators {
    static func foi(_ tables: [Table], wanted: Set<String>, jobs: Int) throws -> IndicatorOutput {
        var municipality: [TextColumn] = []
        var years: [[Int32]] = []
        var received: [[Int32]] = []
        var answered: [[Int32]?] = []
        var granted: [[Bool]] = []
        var outcomeCodes: [[Int32]?] = []
        var minDay = Int32.max
        var maxDay = Int32.min
        for t in tables {
            municipality.append(try required(t, "municipality") { $0.text("municipality") })
            let rec = try required(t, "received") { $0.days("received") }
            received.append(rec)
            years.append(GroupIndex.years(ofDays: rec))
            let ans = t.days("answered")
            answered.append(ans)
            for column in [rec, ans ?? []] {
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
        let index = GroupIndex(municipality: municipality, years: years)
        let results = Parallel.map(count: index.count, jobs: jobs) {
            [received, answered, granted, outcomeCodes] g -> GroupResult in
            var result = GroupResult()
            let members = index.members(g)
            var workdays: [Int] = []
            var grantedCount = 0
            for m in members {
                let t = Int(index.memberTable[m])
                let r = Int(index.memberRow[m])
                let a = answered[t]?[r] ?? Column.missingDay
                // An answer before its request is rejected at ingest; never count it here.
                guard a != Column.missingDay, a >= received[t][r] else { continue }
                workdays.append(calendar.workdays(from: received[t][r], to: a))
                let oc = outcomeCodes[t]?[r] ?? -1
                if oc >= 0, granted[t][Int(oc)] { grantedCount += 1 }
            }
            let n = members.count
            let within3 = workdays.lazy.filter { $0 <= 3 }.count
            let within5 = workdays.lazy.filter { $0 <= 5 }.count
            if wanted.contains("foi.within_3_workdays_share") {
                result.add(row("foi.within_3_workdays_share", index, g, value: Double(within3) / Double(n), n: n))
            }
            if wanted.contains("foi.within_5_workdays_share") {
                result.add(row("foi.within_5_workdays_share", index, g, value: Double(within5) / Double(n), n: n))
            }
            let nAnswered = workdays.count
            if wanted.contains("foi.median_workdays") {
                if let median = Quantile.type7(sorted: workdays.sorted().map(Double.init), p: 0.5) {
                    result.add(row("foi.median_workdays", index, g, value: median, n: nAnswered))
                } else {
                    result.skip("foi.median_workdays", "no answered request")
                }
            }
            if wanted.contains("foi.granted_share") {
                if nAnswered > 0 {
                    result.add(
                        row(
                            "foi.granted_share", index, g,
                            value: Double(grantedCount) / Double(nAnswered), n: nAnswered))
                } else {
                    result.skip("foi.granted_share", "no answered request")
                }
            }
            return result
        }
        return try merge(results, index: index, sources: tables)
    }
}
